// End to end in a real Chromium: the agreement after bargaining. Two clauses were agreed at the
// table (3 + 3 representatives, the recorder, through the real room); the secretariat opens the
// meeting's agreement from the list, drafts it from the agreed clauses, edits an article (a second
// version), sees the vote of the 职工代表大会 with the §36 test, records both chiefs' signatures and
// finds the filing reminder (10 days) on the list.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { AgreementStore } from "../server/src/bargaining/agreement/agreementStore.ts";
import { chinaDate } from "../core/ledger/deadline.ts";
import { createStaff } from "../testing/server/api.ts";
import { signInToAdmin } from "./support/admin.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import type { AppUnderTest } from "./support/appServer.ts";
import { agreedTable, RAISE } from "./support/bargaining.ts";
import { docxParagraphs } from "./support/docx.ts";
import { SHOTS, shot, textOf, until } from "./support/page.ts";

const TITLE = "宁夏塞上农产品有限公司工资集体协商（端到端测试）";
const EDITED = "2027年度职工工资平均增长6%，其中一线职工不低于7%，自2027年1月1日起执行。";

let app: AppUnderTest;
let browser: Browser;
let admin: Page;

describe("the agreement after bargaining, in the admin app", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await agreedTable(TITLE);
    await createStaff(app.server, "secretariat", "organiser");
    browser = await launchChromium();
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("drafts the agreement from the agreed clause and saves an edit as the second version", async () => {
    await signInToAdmin(admin, `${app.baseUrl}/admin/bargaining/agreements`, "secretariat");
    await admin.getByTestId("agreement-row").filter({ hasText: TITLE }).getByRole("link").click();
    await admin.getByTestId("agreement").waitFor();
    expect(await textOf(admin, "agreement-state")).toBe("草案");
    await admin.getByTestId("agreement-generate").click();
    await until(() => admin.getByTestId("agreement-article").first().inputValue()).toBe(RAISE);
    await admin.getByTestId("agreement-article").first().fill(EDITED);
    await admin.getByTestId("agreement-note").fill("补充执行日期");
    await admin.getByTestId("agreement-save").click();
    await until(() => textOf(admin, "agreement-versions")).toContain("第2稿");
    expect(await textOf(admin, "agreement-versions")).toContain("补充执行日期");
    const docx = await admin.request.get(`${app.baseUrl}/api/meetings/${app.meetingId}/agreement/versions/2.docx`);
    const paragraphs = await docxParagraphs(await docx.body());
    expect(paragraphs).toContain("第一条\u3000工资调整幅度");
    expect(paragraphs).toContain(EDITED);
    await shot(admin, "agreement-draft.png");
  });

  it("shows the vote with the §36 test, records both chiefs' signatures and lists the filing reminder", async () => {
    // The vote as the staff record it from a closed poll (server/src/bargaining/agreement/agreement.int.test.ts drives the poll itself).
    const today = chinaDate(Date.now());
    const vote = {
      meetingId: app.meetingId,
      meetingTitle: "职工代表大会",
      pollId: "q1",
      title: "工资专项集体合同草案",
      version: 2,
      secret: true,
      entitled: 30,
      present: 28,
      cast: 28,
      yes: 16,
      no: 10,
      abstain: 2,
      rule: "超过应到人数的半数",
      pollPassed: true,
      votedOn: today,
    };
    const recorded = await new AgreementStore(app.server.db, Date.now).record(
      app.meetingId,
      { kind: "vote", vote },
      { name: "秘书处", participantId: null, accountId: null },
    );
    expect(recorded.ok).toBe(true);
    await admin.reload();
    await admin.getByTestId("agreement-vote").waitFor();
    expect(await textOf(admin, "agreement-state")).toBe("表决通过");
    expect(await textOf(admin, "agreement-vote")).toContain("实到不少于应到的三分之二（20 人）：符合");
    expect(await textOf(admin, "agreement-vote")).toContain("依照第三十六条，合同草案获得通过");

    await admin.getByTestId("agreement-sign-worker-record").click();
    await until(() => textOf(admin, "agreement-sign-worker")).toContain("马文华 于");
    await admin.getByTestId("agreement-sign-enterprise-record").click();
    await until(() => textOf(admin, "agreement-state")).toBe("已签订");
    expect(await textOf(admin, "agreement-reminder")).toContain("剩余 10 天");
    await shot(admin, "agreement-signed.png");

    await admin.getByRole("link", { name: "← 工资专项集体合同" }).click();
    await until(() => textOf(admin, "agreement-row")).toContain("已签订");
    expect(await textOf(admin, "agreement-row")).toContain("剩余 10 天");
  });
});
