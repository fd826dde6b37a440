// End to end in a real Chromium: the workers' proposals before wage bargaining. The union (admin
// app at 1366) has a collection with 360 forms handed out; a worker opens its public link on a
// 375 px phone without an account, answers the union's questions and sends the 征集表 anonymously;
// the union sees it counted (online 1, returned rate against 360), the answer in the counts, ticks
// the form and merges it into 协商提案 No. 1 covering the worker plus the paper forms it counts.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ProposalStore } from "../server/src/bargaining/proposals/proposalStore.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { createStaff, STAFF_PASSWORD } from "../testing/server/api.ts";
import { DESKTOP, launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot, textOf, until } from "./support/page.ts";

const TITLE = "2026年度工资集体协商意见建议征集（端到端测试）";
const SEASONAL = "对季节工、临时工、小时工的工资指导标准有什么建议？";

let app: AppUnderTest;
let browser: Browser;
let phone: Page;
let admin: Page;
let collectionId: string;
let publicCode: string;

/** Elements reaching past the right edge of the viewport (a phone's page must not scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`),
  );

describe("workers' proposals: a 征集表 from a phone to the union's 协商提案", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("平罗县某企业工资集体协商会议（端到端测试）", [{ name: "工会主席", role: "chair" }]);
    await createStaff(app.server, "union", "organiser");
    const collection = orAbort(
      await new ProposalStore(app.server.db, Date.now).create(
        {
          title: TITLE,
          questions: [
            { kind: "choice", text: "您希望今年工资增长幅度是多少？", options: ["3%以下", "3%-5%", "5%以上"], multiple: false },
            { kind: "text", text: SEASONAL, options: [], multiple: false },
          ],
          handedOut: 360,
          opensAt: new Date(Date.now() - 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        },
        "test",
      ),
    );
    collectionId = collection.id;
    publicCode = collection.publicCode;
    browser = await launchChromium();
    phone = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a worker fills in the form on a 375 px phone without an account and sends it anonymously", async () => {
    await phone.goto(`${app.baseUrl}/w/${publicCode}`);
    await phone.getByTestId("proposals-form").waitFor();
    expect(await phone.getByRole("heading", { level: 1 }).textContent()).toBe("工资集体协商意见建议征集表");
    expect(await phone.getByText(TITLE).count()).toBe(1);
    // Large type on the phone, nothing wider than the screen.
    const fontSize = await phone.getByTestId("proposals-worker").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    expect(await overflowing(phone)).toEqual([]);

    await phone.getByTestId("proposals-question-q1").getByText("5%以上").click();
    await phone.getByTestId("proposals-answer-q2").fill("小时工每小时不低于18元，季节工按件计酬");
    await phone.getByTestId("proposals-suggestion").fill("希望提高夜班津贴");
    await phone.getByTestId("proposals-anonymous").check();
    expect(await phone.getByTestId("proposals-name").count()).toBe(0);
    await shot(phone, "proposals-worker-form.png");
    await phone.getByTestId("proposals-submit").click();
    await phone.getByTestId("proposals-done").waitFor();
    expect(await textOf(phone, "proposals-done")).toContain("第 1 份");
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "proposals-worker-done.png");
  });

  it("the union sees it counted and in the answers, and merges it into 协商提案 No. 1 with the workers it covers", async () => {
    await admin.goto(`${app.baseUrl}/admin/proposals`);
    await admin.getByLabel("用户名").fill("union");
    await admin.getByLabel("密码").fill(STAFF_PASSWORD);
    await admin.getByRole("button", { name: "登录" }).click();
    await admin.getByTestId("proposals-collection-link").filter({ hasText: TITLE }).click();
    await admin.getByTestId("proposals-collection").waitFor();
    expect(admin.url()).toContain(`/admin/proposals/${collectionId}`);
    expect(await textOf(admin, "proposals-count-handed-out")).toBe("360");
    expect(await textOf(admin, "proposals-count-returned")).toBe("1");
    expect(await textOf(admin, "proposals-count-online")).toBe("1");
    expect(await textOf(admin, "proposals-count-rate")).toBe("0.3%");
    expect(await admin.getByTestId("proposals-summary-q1").getByTestId("proposals-option-count").allTextContents()).toEqual(["0", "0", "1"]);
    expect(await textOf(admin, "proposals-summary-q2")).toContain("小时工每小时不低于18元");
    expect(await textOf(admin, "proposals-suggestions")).toContain("希望提高夜班津贴");
    expect(await textOf(admin, "proposals-form-row")).toContain("匿名");

    // The paper forms back are counted: 354 more, 355 of 360.
    await admin.getByTestId("proposals-paper-counted").fill("354");
    await admin.getByTestId("proposals-save").click();
    await until(() => textOf(admin, "proposals-count-returned")).toBe("355");
    expect(await textOf(admin, "proposals-count-rate")).toBe("98.6%");

    await admin.getByTestId("proposals-tick-1").check();
    expect(await textOf(admin, "proposals-chosen")).toContain("1");
    await admin.getByTestId("proposals-proposal-title").fill("季节工、临时工、小时工工资指导标准");
    await admin.getByTestId("proposals-proposal-text").fill("小时工每小时不低于18元；季节工按件计酬");
    await admin.getByTestId("proposals-extra-workers").fill("120");
    await admin.getByTestId("proposals-save-proposal").click();
    await admin.getByTestId("proposals-proposal").first().waitFor();
    const proposal = await textOf(admin, "proposals-proposal");
    expect(proposal).toContain("第 1 号提案");
    expect(proposal).toContain("季节工、临时工、小时工工资指导标准");
    expect(await textOf(admin, "proposals-covers")).toContain("涉及职工 121 人");
    expect(await textOf(admin, "proposals-covers")).toContain("合并征集表：1");
    await shot(admin, "proposals-union.png");

    // Exposed for the session: the proposals as clauses.
    const stored = await new ProposalStore(app.server.db, Date.now).proposals(collectionId);
    expect(stored.map((p) => [p.number, p.title, p.workersCovered])).toEqual([[1, "季节工、临时工、小时工工资指导标准", 121]]);
  });
});
