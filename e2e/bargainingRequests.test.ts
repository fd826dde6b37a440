// End to end in a real Chromium (1366×768): the secretariat's 协商要约 page (issue 21 part C1). The
// organiser enters the union's 要约书 linked to the bargaining meeting, sees the reply due in 20 days,
// downloads the Word file (its paragraphs read back), records the enterprise's reply; the roster tab
// of the bargaining meeting lists the delegation problems (4 + 3, no recorder) until they are fixed.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { signInAsOrganiser } from "./support/admin.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { docxParagraphs } from "./support/docx.ts";
import { shot, SHOTS, until } from "./support/page.ts";

const TITLE = "宁夏塞上农产品有限公司工资集体协商（端到端测试）";
const side = (prefix: string, s: "worker" | "enterprise", n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, role: "member" as const, side: s, chief: i === 0 }));

let app: AppUnderTest;
let browser: Browser;
let org: ApiClient;

const logIn = (admin: Page) => signInAsOrganiser(admin, app.baseUrl);

describe("协商要约 and the delegation check", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [...side("职工代表", "worker", 4), ...side("企业代表", "enterprise", 3), { name: "区总工会", role: "observer" }]);
    await app.server.meetings.update(app.meetingId, { kind: "bargaining" });
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the organiser enters the union's request, downloads it and records the reply", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true });
    const admin = await context.newPage();
    await logIn(admin);
    await admin.getByRole("link", { name: "协商要约" }).click();
    await admin.getByTestId("bargaining-requests").waitFor();
    const form = admin.getByTestId("request-new");
    await form.getByLabel("企业名称").fill("宁夏塞上农产品有限公司");
    await form.getByLabel("工会名称").fill("宁夏塞上农产品有限公司工会");
    await form.getByLabel("协商事项（每行一项）").fill("工资调整幅度\n最低工资标准");
    await form.getByLabel("建议协商时间").fill("2027-01-10T09:30");
    await form.getByLabel("建议协商地点").fill("公司三楼会议室");
    await form.getByLabel("要约方代表（签字人）").fill("王强");
    await form.getByLabel("联系人及电话").fill("0952-6012345");
    await form.getByLabel("关联协商会议（可不选）").selectOption({ label: TITLE });
    await form.getByRole("button", { name: "登记" }).click();
    const row = admin.getByTestId("request-row").first();
    await until(() => row.getByTestId("request-state").textContent()).toBe("还剩 20 天");
    expect(await row.textContent()).toContain("宁夏塞上农产品有限公司工会");
    await admin.evaluate(() => window.scrollTo(0, 0));
    await shot(admin, "bargaining-requests-1366.png");

    const [download] = await Promise.all([admin.waitForEvent("download"), row.getByTestId("request-docx").click()]);
    const paragraphs = await docxParagraphs(fs.readFileSync((await download.path())!));
    expect(paragraphs[0]).toBe("工资集体协商要约书");
    expect(paragraphs[1]).toBe("宁夏塞上农产品有限公司：");
    expect(paragraphs).toEqual(
      expect.arrayContaining(["一、工资调整幅度", "二、最低工资标准", "宁夏塞上农产品有限公司工会（盖章）", "要约方代表（签字）：王强"]),
    );

    await row.getByTestId("request-reply").click();
    const dialog = admin.getByTestId("reply-dialog");
    await dialog.getByLabel("拒绝协商").check();
    await dialog.getByLabel("拒绝理由").fill("企业正在重组，建议明年一季度协商");
    await dialog.getByLabel("答复人").fill("赵总经理");
    await dialog.getByRole("button", { name: "登记答复" }).click();
    await until(() => row.getByTestId("request-state").textContent()).toContain("已拒绝协商");
    const stored = (await org.get("/api/bargaining/requests")).body.requests[0];
    expect(stored).toMatchObject({ meetingId: app.meetingId, reply: { answer: "declined", repliedBy: "赵总经理", late: false } });
    await context.close();
  }, 120_000);

  it("the roster tab of the bargaining meeting lists the delegation problems until the delegations are lawful", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    const admin = await context.newPage();
    await logIn(admin);
    await admin.goto(`${app.baseUrl}/admin/meetings/${app.meetingId}/roster`);
    await admin.getByTestId("delegation-check").waitFor();
    const codes = () => admin.getByTestId("delegation-problem").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(await codes()).toEqual(["DELEGATION_UNEQUAL", "RECORDER_MISSING"]);
    expect(await admin.getByTestId("delegation-check").textContent()).toContain("职工方 4 人，企业方 3 人：双方协商代表人数应当对等");
    await shot(admin, "bargaining-delegations-1366.png");
    for (const body of [
      { name: "企业代表4", role: "member", side: "enterprise" },
      { name: "记录员", role: "clerk" },
    ])
      expect((await org.post(`/api/meetings/${app.meetingId}/participants`, body)).status).toBe(201);
    await admin.reload();
    await until(() => admin.getByTestId("delegation-check").textContent()).toContain("各 4 人");
    expect(await admin.getByTestId("delegation-problem").count()).toBe(0);
    await context.close();
  }, 120_000);
});
