// End to end in a real Chromium: a neighbours' dispute mediated (人民调解) from the case to its
// closing. Two neighbours both named 张丽 (3栋201 and 3栋301), the 司法所 mediator presiding and a police
// officer. The staff accept the case in the admin app and link the mediation meeting (picked from
// the list); both 张丽 join on 375 px phones and state their positions in the joint session; the
// mediators talk with each party separately (the other party's screen never carries the talk); the
// agreement is generated from the case on the staff's page; each 张丽 confirms from her own phone
// (the name typed, the code on her screen); the mediators sign; each downloads the signed PDF (and
// one the DOCX), read back with both 张丽 told apart; the return visit is recorded (履行) and the case
// closed.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { rosterNames } from "../core/naming/displayNames.ts";
import { joinUrl } from "../server/src/links/urls.ts";
import { createStaff } from "../testing/server/api.ts";
import { pdfText } from "../testing/server/minutesMeeting.ts";
import { signInToAdmin } from "./support/admin.ts";
import { docxParagraphs } from "./support/docx.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { SHOTS, openJoinLink, shot, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const TITLE = "幸福里3栋漏水纠纷调解";
const COMMITTEE = "幸福里社区人民调解委员会";
const FACTS = "2026年12月，3栋301卫生间漏水，致3栋201天花板受损，双方就维修和赔偿发生争议。";
const A = { name: "张丽", household: "幸福里小区3栋201", phone: "13800000001" };
const B = { name: "张丽", household: "幸福里小区3栋301", phone: "13800000002" };
const A_POSITION = "楼上漏水三个月，天花板发霉，要求修好并赔偿1500元。";
const B_POSITION = "愿意修防水，但赔偿金额太高，最多800元。";
const TALK_A = "只要物业出具维修证明，1000元我可以接受。";
const TALK_B = "1000元可以，但要分两次付。";
const TERM = "张丽（301）承担201天花板修复费用人民币1000元，于2026年12月31日前付清。";
const A_LABEL = "张丽（申请人，幸福里小区3栋201）";
const B_LABEL = "张丽（被申请人，幸福里小区3栋301）";

let app: AppUnderTest;
let browser: Browser;
let admin: Page;
let phoneA: Page;
let phoneB: Page;
let chair: Page;
let caseUrl: string;
const ids: Record<"a" | "b" | "chair" | "police", string> = { a: "", b: "", chair: "", police: "" };

const agreementPath = () => `/api/meetings/${app.meetingId}/mediation-agreement`;
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
/** The full text of the option of the case page's meeting list that starts with `title` (title · time). */
const optionLabel = async (page: Page, title: string) => {
  await until(async () => (await page.locator("option").allTextContents()).some((o) => o.startsWith(`${title} · `))).toBe(true);
  return (await page.locator("option").allTextContents()).find((o) => o.startsWith(`${title} · `))!;
};

describe("a neighbours' dispute mediated end to end", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: A.name, role: "member", household: A.household },
      { name: B.name, role: "member", household: B.household },
      { name: "马秀兰", role: "chair" },
      { name: "杨警官", role: "official" },
    ]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "mediation" } });
    // Two 张丽: startApp keys the links by name, so the second overwrote the first; issue both again by participant.
    const roster = await app.server.db.participant.findMany({ where: { meetingId: app.meetingId } });
    for (const p of roster) {
      const token = await app.server.tokens.issue({ participantId: p.id, meetingId: app.meetingId, role: p.role as never });
      const url = joinUrl(app.baseUrl, token);
      app.links.set(p.household ? `${p.name}@${p.household}` : p.name, url);
      if (p.household === A.household) ids.a = p.id;
      else if (p.household === B.household) ids.b = p.id;
      else if (p.role === "chair") ids.chair = p.id;
      else ids.police = p.id;
    }
    await createStaff(app.server, "tiaojie", "organiser");
    await submitTo(app, { participantId: ids.chair, role: "chair" }, { type: "meeting.open" });
    browser = await launchChromium();
    // The admin app's requests carry the CSRF header; so do the test's own calls from the same context.
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true, extraHTTPHeaders: { "X-Yishiting": "1" } })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the staff accept the case (受理), the two 张丽 told apart, and link the mediation meeting", async () => {
    await signInToAdmin(admin, `${app.baseUrl}/admin/mediation/cases`, "tiaojie");
    await admin.getByTestId("mediation-cases").waitFor();
    expect((await admin.request.post(`${app.baseUrl}/api/communities`, { data: { name: "幸福里社区" } })).status()).toBe(201);
    await admin.reload();
    const form = admin.getByTestId("new-case-form");
    await until(() => form.locator("select").first().inputValue()).not.toBe("");
    await form.getByLabel("纠纷简要情况（当事人最初陈述）").fill(FACTS);
    const parties = form.getByTestId("party-fields");
    for (const [i, p] of [A, B].entries()) {
      const row = parties.nth(i);
      await row.locator("input").nth(0).fill(p.name);
      await row.locator("input").nth(1).fill(p.household);
      await row.locator("input").nth(2).fill(p.phone);
    }
    const mediators = form.getByTestId("mediator-fields");
    await mediators.nth(0).locator("input").nth(0).fill("马秀兰");
    await mediators.nth(0).locator("input").nth(1).fill("兴庆区司法所");
    await form.getByRole("button", { name: "添加调解员" }).click();
    await mediators.nth(1).locator("input").nth(0).fill("杨警官");
    await mediators.nth(1).locator("input").nth(1).fill("幸福里派出所");
    await form.getByTestId("case-submit").click();
    await until(() => admin.getByTestId("case-row").count()).toBe(1);
    await admin.getByTestId("case-row").getByRole("link").first().click();
    await admin.getByTestId("mediation-case").waitFor();
    caseUrl = admin.url();
    expect(await textOf(admin, "case-state")).toBe("受理");
    const names = [
      ...rosterNames([
        { id: "a", ...A },
        { id: "b", ...B },
      ]).values(),
    ];
    expect(names[0]).not.toBe(names[1]);
    const partyList = await textOf(admin, "case-parties");
    for (const name of names) expect(partyList).toContain(name);

    // The session is picked from the list of mediation meetings (by its title), no id typed.
    await admin.getByLabel("关联已有的调解会议").selectOption({ label: await optionLabel(admin, TITLE) });
    await admin.getByRole("button", { name: "关联", exact: true }).click();
    await until(() => textOf(admin, "case-sessions")).toContain(TITLE);
    await admin.getByTestId("step-start").click();
    await until(() => textOf(admin, "case-state")).toBe("调解中");
    await shot(admin, "mediation-case-accepted.png");
  });

  it("joint session: both 张丽 join on 375 px phones, told apart, and state their positions", async () => {
    phoneA = await openJoinLink(browser, app.links.get(`${A.name}@${A.household}`)!, PHONE);
    phoneB = await openJoinLink(browser, app.links.get(`${B.name}@${B.household}`)!, PHONE);
    const [meA, meB] = [await textOf(phoneA, "me"), await textOf(phoneB, "me")];
    const told = rosterNames([
      { id: "a", ...A },
      { id: "b", ...B },
    ]);
    expect(meA).toContain(told.get("a")!);
    expect(meB).toContain(told.get("b")!);
    expect(told.get("a")).not.toBe(told.get("b"));
    for (const page of [phoneA, phoneB]) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Each states her position on her phone; both see both, told apart.
    for (const [page, text] of [
      [phoneA, A_POSITION],
      [phoneB, B_POSITION],
    ] as const) {
      await page.getByTestId("mediation-position").fill(text);
      await page.getByTestId("mediation-state").click();
    }
    for (const page of [phoneA, phoneB]) {
      await until(() => textOf(page, "mediation-positions")).toContain(`${told.get("b")}`);
      const positions = await textOf(page, "mediation-positions");
      expect(positions).toContain(told.get("a")!);
      expect(positions).toContain(A_POSITION);
      expect(positions).toContain(B_POSITION);
    }
    expect((await liveState(app)).mediation.positions.map((p: { partyId: string }) => p.partyId)).toEqual([ids.a, ids.b]);
    await shot(phoneA, "mediation-joint-phone-201.png");
  });

  it("a separate talk with each party: the other party's page shows only the neutral banner", async () => {
    chair = await openJoinLink(browser, app.links.get("马秀兰")!, DESKTOP);
    const told = rosterNames([
      { id: "a", ...A },
      { id: "b", ...B },
    ]);
    for (const [label, inTalk, other] of [
      [told.get("a")!, phoneA, phoneB],
      [told.get("b")!, phoneB, phoneA],
    ] as const) {
      await chair.getByTestId("mediation-party").selectOption({ label });
      await chair.getByTestId("mediation-start-talk").click();
      await until(() => textOf(chair, "mediation-talk")).toContain(`正在与 ${label} 单独谈话`);
      await until(() => textOf(inTalk, "mediation-talk")).toContain("您正在与调解员单独谈话");
      await until(() => textOf(other, "mediation-talk")).toMatch(/^调解员正在与一方单独谈话 · \d{1,2}:\d\d(（北京时间）)?$/);
      // What is said in the talk reaches the mediators, never the other party.
      const said = label === told.get("a") ? TALK_A : TALK_B;
      await inTalk.getByTestId("mediation-note-input").fill(said);
      await inTalk.getByTestId("mediation-note-send").click();
      await until(() => textOf(chair, "mediation-talk-notes")).toContain(said);
      // Nothing on the other party's page says with whom, or what.
      const seen = await pageText(other);
      expect(seen).not.toContain(said);
      expect(await other.getByTestId("mediation-talk-notes").count()).toBe(0);
      expect(seen).not.toContain(`正在与 ${label}`);
      expect(seen).not.toContain("您正在与调解员单独谈话");
      if (other === phoneB) await shot(other, "mediation-talk-other-phone-301.png");
      await chair.getByTestId("mediation-end-talk").click();
      await until(() => textOf(other, "mediation-talk")).toBe("共同调解");
    }
    expect((await liveState(app)).mediation.talks.map((t: { partyId: string }) => t.partyId)).toEqual([ids.a, ids.b]);
    await shot(chair, "mediation-chair.png");
  });

  it("the agreement generated from the case; each 张丽 confirms on her phone (name typed, code)", async () => {
    // The staff's page: the number, the facts and each party's role and phone come from the linked case.
    const theCase = (await (await admin.request.get(`${app.baseUrl}/api/mediation/cases`)).json()).cases[0];
    await admin.goto(`${app.baseUrl}/admin/mediation/agreements/${app.meetingId}`);
    await admin.getByTestId("ma-generate").waitFor();
    await admin.getByTestId("ma-gen-committee").fill(COMMITTEE);
    await admin.getByTestId("ma-gen-dispute").fill("双方就维修责任和赔偿金额发生争议。");
    await admin.getByTestId("ma-gen-terms").fill(TERM);
    await admin.getByTestId("ma-gen-submit").click();
    await admin.getByTestId("ma-admin-code").waitFor();
    const draft = (await textOf(admin, "ma-admin-text")).replace(/\s+/g, "");
    for (const part of [
      theCase.number,
      FACTS,
      `申请人：张丽，住址：${A.household}，联系电话：${A.phone}`,
      `被申请人：张丽，住址：${B.household}，联系电话：${B.phone}`,
      TERM,
    ])
      expect(draft).toContain(part);
    await shot(admin, "mediation-agreement-admin.png");
    const { code } = (await (await admin.request.get(`${app.baseUrl}${agreementPath()}`)).json()).latest;
    for (const [page, label, other, file] of [
      [phoneA, A_LABEL, B_LABEL, "mediation-confirm-phone-201.png"],
      [phoneB, B_LABEL, A_LABEL, "mediation-confirm-phone-301.png"],
    ] as const) {
      // Told the agreement is ready, she opens her link again.
      await page.reload();
      await until(() => textOf(page, "ma-party-label")).toContain(label);
      await page.getByTestId("ma-open").click();
      await page.getByTestId("ma-screen").waitFor();
      const text = await textOf(page, "ma-text");
      for (const part of ["人民调解协议书", label, other, TERM, "杨警官"]) expect(text.replace(/\s+/g, "")).toContain(part);
      expect(await textOf(page, "ma-code")).toBe(code);
      expect(await page.getByTestId("ma-confirm").isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.getByTestId("ma-name").fill("张力");
      await page.getByTestId("ma-confirm").click();
      // The refusal shows on the open screen itself, not behind the modal dialog.
      await until(() => page.getByTestId("ma-screen").getByTestId("error-notice").textContent()).toContain("输入的姓名与协议书上您的姓名不符");
      await shot(page, `wrong-name-${file}`);
      await page.getByTestId("ma-name").fill("张丽");
      await shot(page, file);
      await page.getByTestId("ma-confirm").click();
      await until(() => textOf(page, "ma-done")).toContain("您已于");
    }
    const signatures = (await (await admin.request.get(`${app.baseUrl}${agreementPath()}`)).json()).signatures;
    expect(signatures.map((s: { participantId: string; via: string }) => [s.participantId, s.via])).toEqual([
      [ids.a, "link"],
      [ids.b, "link"],
    ]);
  });

  it("the mediators sign; each 张丽 downloads the signed PDF, both told apart in it", async () => {
    // On the staff's page, after both parties signed through their links.
    await admin.reload();
    for (const id of [ids.chair, ids.police]) {
      await admin.getByTestId(`ma-admin-sign-${id}`).click();
      await until(() => admin.getByTestId(`ma-admin-signer-${id}`).getAttribute("data-signed")).toBe("yes");
    }
    await until(() => textOf(admin, "ma-admin-state")).toBe("已签署（已锁定）");
    for (const page of [phoneA, phoneB]) {
      await page.reload();
      await until(() => textOf(page, "ma-signed")).toContain("各方已签署");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ma-download-pdf").click()]);
      const text = (await pdfText(fs.readFileSync(await download.path()))).replace(/\s+/g, "");
      for (const part of ["人民调解协议书", A_LABEL, B_LABEL, TERM, "杨警官", "马秀兰", COMMITTEE]) expect(text).toContain(part);
    }
    await shot(phoneB, "mediation-signed-phone-301.png");
    // The Word copy names the two 张丽 apart in the signing block too.
    const [word] = await Promise.all([phoneA.waitForEvent("download"), phoneA.getByTestId("ma-download-docx").click()]);
    const paragraphs = await docxParagraphs(fs.readFileSync(await word.path()));
    expect(paragraphs.join("\n")).toContain(`当事人（签名）：${A_LABEL}`);
    expect(paragraphs.join("\n")).toContain(`当事人（签名）：${B_LABEL}`);
  });

  it("the case: agreed in writing by the signatures, the obligation followed up, the return visit finds it kept (履行), closed", async () => {
    // The last signature moved the linked case to 达成协议 (书面协议).
    await admin.goto(caseUrl);
    await until(() => textOf(admin, "case-state")).toBe("达成协议");
    expect(await textOf(admin, "case-agreement")).toContain("书面协议");
    const perform = admin.getByTestId("step-perform");
    await perform.locator("select").first().selectOption({ index: 1 });
    await perform.locator("input").first().fill("支付201天花板修复费用1000元");
    await admin.getByTestId("step-perform-submit").click();
    await until(() => textOf(admin, "case-state")).toBe("履行中");
    const told = rosterNames([
      { id: "a", ...A },
      { id: "b", ...B },
    ]);
    expect(await textOf(admin, "case-obligations")).toContain(`${told.get("b")}：支付201天花板修复费用1000元`);
    await admin.getByTestId("step-schedule-visit-submit").click();
    await until(() => textOf(admin, "case-state")).toBe("回访");
    await admin.getByTestId("step-record-visit").locator("textarea").fill("费用已付清，天花板已修复。");
    await admin.getByTestId("step-record-visit-submit").click();
    await until(() => textOf(admin, "case-visits")).toContain("费用已付清");
    expect(await textOf(admin, "case-visits")).toContain("履行");
    await admin.getByTestId("step-close-submit").click();
    await until(() => textOf(admin, "case-state")).toBe("结案");
    await shot(admin, "mediation-case-closed.png");
  });
});
