// End to end in a real Chromium (1366×768): the secretariat's 调解案件 pages (issue 22 part M1). The
// organiser accepts a case between two neighbours both named 张丽 (told apart by household), makes
// its first session from the case (新建调解会谈: the roster is the case's people) and links another
// mediation meeting picked from a list, starts mediating, records an oral agreement (shown with its
// record) and an obligation (which the ledger then follows), schedules
// and records a kept return visit, and closes the case; the list shows it closed with the statistics.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { signInAsOrganiser } from "./support/admin.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { shot, SHOTS, until } from "./support/page.ts";

let app: AppUnderTest;
let browser: Browser;
let org: ApiClient;

const logIn = (admin: Page) => signInAsOrganiser(admin, app.baseUrl);

describe("调解案件", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("邻里纠纷调解（端到端测试）", [{ name: "马建国", role: "chair" }]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "mediation" } });
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    expect((await org.post("/api/communities", { name: "香溪美地社区" })).status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("accepts a case, walks it to 结案 after a kept return visit, and lists it", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    const admin = await context.newPage();
    await logIn(admin);
    await admin.getByRole("link", { name: "调解案件" }).click();
    await admin.getByTestId("mediation-cases").waitFor();
    const form = admin.getByTestId("new-case-form");
    await form.getByLabel("纠纷简要情况（当事人最初陈述）").fill("楼上孩子每天练琴约 8 小时，楼下要求限制练琴时间");
    const parties = form.getByTestId("party-fields");
    for (const [i, household, phone] of [
      [0, "3号楼2单元401", "13800000001"],
      [1, "3号楼2单元501", "13800000002"],
    ] as const) {
      await parties.nth(i).getByLabel("姓名").fill("张丽");
      await parties.nth(i).getByLabel("住址").fill(household);
      await parties.nth(i).getByLabel("电话").fill(phone);
    }
    const mediator = form.getByTestId("mediator-fields").first();
    await mediator.getByLabel("姓名").fill("马建国");
    await mediator.getByLabel("单位/身份").fill("司法所调解员");
    await form.getByRole("button", { name: "受理" }).click();
    const row = admin.getByTestId("case-row").first();
    await until(() => row.textContent()).toContain("申请人：张丽（401室）；被申请人：张丽（501室）");
    expect(await row.textContent()).toContain("受理");

    await row.getByRole("link").click();
    const state = admin.getByTestId("case-state");
    await until(() => state.textContent()).toBe("受理");

    // 新建调解会谈: listed by title and start time, with the meeting's page (roster, join links) and its 调解协议书.
    const newSession = admin.getByTestId("new-session-form");
    await newSession.getByLabel("会谈名称").fill("张丽与张丽练琴纠纷第一次调解");
    await newSession.getByLabel("开始时间（可不填）").fill("2026-12-08T09:30");
    await admin.getByTestId("new-session-submit").click();
    const session = admin.getByTestId("case-session").first();
    await until(() => session.textContent()).toContain("张丽与张丽练琴纠纷第一次调解");
    expect(await session.textContent()).toMatch(/2026年12月8日.*09:30/);
    const [stored] = (await org.get("/api/mediation/cases")).body.cases;
    const meetingId = stored.meetingIds[0];
    expect(await session.getByRole("link", { name: "调解协议书" }).getAttribute("href")).toBe(`/admin/mediation/agreements/${meetingId}`);
    const people = (await org.get(`/api/meetings/${meetingId}/participants`)).body.participants;
    expect(people.map((p: { name: string; role: string; household: string | null }) => [p.name, p.role, p.household])).toEqual([
      ["张丽", "member", "3号楼2单元401"],
      ["张丽", "member", "3号楼2单元501"],
      ["马建国", "chair", null],
    ]);
    expect(stored.parties.map((p: { participantId: string }) => p.participantId)).toEqual(people.slice(0, 2).map((p: { id: string }) => p.id));
    await shot(admin, "mediation-case-session-1366.png");

    // An existing mediation meeting is picked from the list (the new session, linked already, is not offered).
    const picker = admin.getByLabel("关联已有的调解会议");
    const offered = await picker.locator("option").allTextContents();
    expect(offered.some((o) => o.startsWith("邻里纠纷调解（端到端测试）"))).toBe(true);
    expect(offered.some((o) => o.startsWith("张丽与张丽练琴纠纷第一次调解"))).toBe(false);
    await picker.selectOption({ index: 1 });
    await admin.getByTestId("link-session-form").getByRole("button", { name: "关联", exact: true }).click();
    await until(() => admin.getByTestId("case-session").count()).toBe(2);
    expect(await admin.getByTestId("case-sessions").textContent()).toContain("邻里纠纷调解（端到端测试）");

    await session.getByRole("link", { name: "会议管理与参会链接" }).click();
    await until(() => admin.locator("body").textContent()).toContain("马建国");
    expect(admin.url()).toBe(`${app.baseUrl}/admin/meetings/${meetingId}/roster`);
    await admin.goBack();
    await admin.getByTestId("mediation-case").waitFor();
    await admin.getByTestId("step-start").click();
    await until(() => state.textContent()).toBe("调解中");
    await admin.getByTestId("step-agree").getByLabel("口头协议").check();
    await admin.getByLabel("口头协议内容（调解员记录）").fill("每天练琴不超过 2 小时，晚 8 点后不练琴");
    await admin.getByTestId("step-agree-submit").click();
    await until(() => state.textContent()).toBe("达成协议");
    // 口头协议: the mediator's record is in the case file.
    expect(await admin.getByTestId("case-agreement").textContent()).toContain("口头协议 · 2026-");
    expect(await admin.getByTestId("case-agreement").textContent()).toContain("每天练琴不超过 2 小时，晚 8 点后不练琴");
    const perform = admin.getByTestId("step-perform");
    await perform.getByLabel("履行人").selectOption({ label: "张丽（501室）" });
    await perform.getByLabel("事项").fill("每天练琴不超过 2 小时");
    await admin.getByTestId("step-perform-submit").click();
    await until(() => state.textContent()).toBe("履行中");
    expect(await admin.getByTestId("case-obligations").textContent()).toContain("张丽（501室）：每天练琴不超过 2 小时");
    await admin.getByTestId("step-schedule-visit-submit").click();
    await until(() => state.textContent()).toBe("回访");
    await admin.getByTestId("step-record-visit").getByLabel("履行", { exact: true }).check();
    await admin.getByTestId("step-record-visit-submit").click();
    await until(() => admin.getByTestId("case-visits").textContent()).toContain("履行");
    await admin.getByTestId("step-close-submit").click();
    await until(() => state.textContent()).toBe("结案");
    await shot(admin, "mediation-case-1366.png");

    const [closed] = (await org.get("/api/mediation/cases")).body.cases;
    expect(closed).toMatchObject({ state: "closed", agreement: { form: "oral" }, returnVisits: [{ outcome: "kept" }] });
    const item = (await org.get(`/api/ledger/items/${closed.obligations[0].ledgerItemId}`)).body.item;
    expect(item).toMatchObject({ state: "new", raisedByName: "张丽" });

    await admin.getByRole("link", { name: "返回案件列表" }).click();
    await until(() => admin.getByTestId("case-statistics").textContent()).toContain("已结案 1 件");
    await context.close();
  }, 120_000);
});
