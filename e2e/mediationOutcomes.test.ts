// End to end in a real Chromium: a second dispute, mediated to 调解不成. A noise dispute between two
// neighbours (周桂芳 above, 孙志强 below), the 司法所 mediator presiding (马秀兰) and a police officer
// (杨警官) on his phone. Each party's phone carries what a party uses — the session card, the
// agreement card, 申请发言 — and no 书面发言, 程序性发言, 我的建议 or speaking plan; nor does the
// officer's. In a separate talk the mediators note findings (查明事实, 调解方案) that the party in the
// talk never sees; the officer signs the 调解协议书 from his own link; 周桂芳 confirms with a drawn
// signature, printed under her line in the version's Word and PDF files; 孙志强 refuses (不同意签署,
// with his reason); the staff record the referral to the court on the agreement page and the linked
// case shows 调解不成 with it. At 375 px nothing scrolls sideways. The case is set up through the
// admin API (e2e/mediation.test.ts walks those screens).
import fs from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createStaff } from "../testing/server/api.ts";
import { pdfText } from "../testing/server/minutesMeeting.ts";
import { signInToAdmin } from "./support/admin.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { docxParagraphs } from "./support/docx.ts";
import { acceptLinkedCase, drawSignature, openMediation, openMeeting, personKey, scrollsSideways, type MediationUnderTest } from "./support/mediation.ts";
import { SHOTS, openJoinLink, shot, textOf, until } from "./support/page.ts";
import { WIDE } from "./support/bargaining.ts";

const TITLE = "幸福里7栋噪音纠纷调解";
const COMMITTEE = "幸福里社区人民调解委员会";
const FACTS = "2026年11月起，7栋502夜间多次发出较大噪音，7栋402多次上门交涉未果，双方发生争执。";
const A = { name: "周桂芳", household: "幸福里小区7栋402", phone: "13900000011", role: "applicant" } as const;
const B = { name: "孙志强", household: "幸福里小区7栋502", phone: "13900000012", role: "respondent" } as const;
const CHAIR = { name: "马秀兰", affiliation: "兴庆区司法所", chief: true };
const POLICE = { name: "杨警官", affiliation: "幸福里派出所" };
const FINDING = "经查：502室晚间在家中健身，跳绳声在22时后仍有。";
const OPTION = "方案：502室22时后不再健身，铺设减震垫。";
const TALK = "我只要求晚上十点以后安静。";
const TERM = "孙志强自2026年12月10日起每日22时后不在室内健身，并铺设减震垫。";
const REASON = "我家没有噪音，不同意签。";
const REFERRAL_NOTE = "周桂芳表示将向兴庆区人民法院起诉";
const A_LABEL = `${A.name}（申请人，${A.household}）`;
const B_LABEL = `${B.name}（被申请人，${B.household}）`;

let m: MediationUnderTest;
let browser: Browser;
let admin: Page;
let phoneA: Page;
let phoneB: Page;
let police: Page;
let chair: Page;
let caseId: string;

const base = () => m.app.baseUrl;
const agreementApi = () => `${base()}/api/meetings/${m.app.meetingId}/mediation-agreement`;
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
const link = (p: { name: string; household?: string }) => m.links.get(personKey(p))!;
const idOf = (p: { name: string; household?: string }) => m.ids.get(personKey(p))!;
/** The talk notes (and findings) on a page, as the page shows them. */
const notesOn = (page: Page) => textOf(page, "mediation-talk-notes");

/**
 * A phone's top bar at 375 px: the gear (音视频设置) and the language button side by side — from the
 * gear to the button's word no wider than the space between two words (it was an odd gap of about
 * 40 px) — the row inside the screen, nothing scrolling sideways.
 */
async function expectTidyTopBar(page: Page): Promise<void> {
  const bar = await page.locator(".top-bar").evaluate((header) => {
    const gear = header.querySelector('[data-testid="media-settings-open"] svg')!.getBoundingClientRect();
    const language = [...header.querySelectorAll("button")].find((b) => /^(English|中文)$/.test(b.textContent?.trim() ?? ""))!;
    const word = document.createRange();
    word.selectNodeContents(language);
    return {
      gap: word.getBoundingClientRect().left - gear.right,
      sameRow: Math.abs(language.getBoundingClientRect().top - gear.top) < 44,
      right: language.getBoundingClientRect().right,
    };
  });
  expect(bar.gap, "gear to language").toBeGreaterThan(0);
  expect(bar.gap, "gear to language").toBeLessThanOrEqual(24);
  expect(bar.sameRow, "gear and language on one row").toBe(true);
  expect(bar.right).toBeLessThanOrEqual(PHONE.viewport.width);
  expect(await scrollsSideways(page)).toBe(false);
}

/** The chair console of a mediation: no poll card (表决/新建表决), no 插话 (the requests, 待处理插话), no 发言统计. */
async function expectNoCouncilTools(page: Page): Promise<void> {
  for (const absent of ["poll-panel", "poll-new", "interjection-requests", "dock-interjections", "stats-panel"])
    expect(await page.getByTestId(absent).count(), absent).toBe(0);
  const seen = await pageText(page);
  for (const word of ["表决", "新建表决", "待处理插话", "发言统计", "New poll", "Pending interjections", "Speaking statistics"])
    expect(seen).not.toContain(word);
}

describe("a second dispute: findings kept from the party, the officer and a drawn signature, a refusal → 调解不成 and the referral", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    m = await openMediation(TITLE, [A, B], [CHAIR, POLICE]);
    await createStaff(m.app.server, "tiaojie", "organiser");
    browser = await launchChromium();
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true, extraHTTPHeaders: { "X-Yishiting": "1" } })).newPage();
    await signInToAdmin(admin, `${base()}/admin/mediation/cases`, "tiaojie");
    await admin.getByTestId("mediation-cases").waitFor();
    caseId = await acceptLinkedCase(admin, m, { community: "幸福里社区", category: "neighbour", facts: FACTS, parties: [A, B], mediators: [CHAIR, POLICE] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await m?.app.close();
  });

  it("a party's phone and the officer's: the session card and 申请发言; no speaking plan, 书面发言, 程序性发言 or 我的建议", async () => {
    // Before the meeting opens: a council member would see the speaking plan (预约发言); a party does not.
    phoneA = await openJoinLink(browser, link(A), PHONE);
    await phoneA.getByTestId("mediation-session").waitFor();
    expect(await phoneA.getByTestId("my-plan").count()).toBe(0);
    await openMeeting(m, CHAIR.name);
    phoneB = await openJoinLink(browser, link(B), PHONE);
    police = await openJoinLink(browser, link(POLICE), PHONE);
    for (const page of [phoneA, phoneB, police]) {
      await page.getByTestId("request-floor").waitFor();
      expect(await page.getByTestId("mediation-session").isVisible()).toBe(true);
      for (const absent of ["written-open", "request-point-of-order", "member-tab-mine", "my-plan"])
        expect(await page.getByTestId(absent).count(), absent).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await expectTidyTopBar(page);
    }
    const seen = await pageText(phoneA);
    for (const word of ["书面发言", "程序性发言", "我的建议"]) expect(seen).not.toContain(word);
    // 申请发言 works: heard in the joint session.
    await phoneA.getByTestId("request-floor").click();
    await phoneA.getByTestId("my-position").waitFor();
    await phoneA.getByTestId("withdraw").click();
    await phoneA.getByTestId("request-floor").waitFor();
    await shot(phoneA, "mediation-outcomes-party-phone.png");
    await shot(police, "mediation-outcomes-police-phone.png");
  });

  it("a separate talk: the mediators' findings reach the chair and the officer, never the party in the talk (nor the other party)", async () => {
    chair = await openJoinLink(browser, link(CHAIR), DESKTOP);
    // A mediation decides by the parties' agreement (人民调解法): the console has no poll card, no 插话, no 发言统计.
    await chair.getByTestId("mediation-party").waitFor();
    await expectNoCouncilTools(chair);
    await chair.getByTestId("mediation-party").selectOption({ value: idOf(A) });
    await chair.getByTestId("mediation-start-talk").click();
    await until(() => textOf(phoneA, "mediation-talk")).toContain("您正在与调解员单独谈话");
    // What the party says in the talk reaches both mediators.
    await phoneA.getByTestId("mediation-note-input").fill(TALK);
    await phoneA.getByTestId("mediation-note-send").click();
    for (const page of [chair, police]) await until(() => notesOn(page)).toContain(TALK);
    // The presiding mediator notes a fact found, the officer a settlement option.
    for (const [page, kind, text] of [
      [chair, "fact", FINDING],
      [police, "option", OPTION],
    ] as const) {
      await page.getByTestId("mediation-note-kind").selectOption(kind);
      await page.getByTestId("mediation-note-input").fill(text);
      await page.getByTestId("mediation-note-send").click();
    }
    for (const page of [chair, police]) {
      await until(() => notesOn(page)).toContain(OPTION);
      const notes = await notesOn(page);
      expect(notes).toContain(FINDING);
      expect(notes).toContain("查明事实");
      expect(notes).toContain("调解方案");
    }
    // The party in the talk keeps her own talk, without the findings — also after reloading (talkHistory).
    await phoneA.reload();
    await until(() => notesOn(phoneA)).toContain(TALK);
    for (const page of [phoneA, phoneB]) {
      const seen = await pageText(page);
      expect(seen).not.toContain(FINDING);
      expect(seen).not.toContain(OPTION);
      expect(await scrollsSideways(page)).toBe(false);
    }
    expect(await phoneB.getByTestId("mediation-talk-notes").count()).toBe(0);
    await shot(chair, "mediation-outcomes-chair-1366.png");
    await shot(police, "mediation-outcomes-police-talk-phone.png");
    // The console's card at 1920 too, and in English.
    await chair.setViewportSize(WIDE.viewport);
    await shot(chair, "mediation-outcomes-chair-1920.png");
    await chair.evaluate(() => localStorage.setItem("yst.lang", "en"));
    await chair.reload();
    await until(() => textOf(chair, "mediation-talk")).toContain("Separate talk with");
    await shot(chair, "mediation-outcomes-chair-1920-en.png");
    await chair.setViewportSize(DESKTOP.viewport);
    await shot(chair, "mediation-outcomes-chair-1366-en.png");
    await expectNoCouncilTools(chair);
    // The console on a phone (375 px), in English and in Chinese: the top bar tidy, nothing sideways.
    await chair.setViewportSize(PHONE.viewport);
    await expectTidyTopBar(chair);
    await shot(chair, "mediation-outcomes-chair-phone-en.png");
    await chair.evaluate(() => localStorage.setItem("yst.lang", "zh"));
    await chair.reload();
    await chair.getByTestId("mediation-end-talk").waitFor();
    await expectTidyTopBar(chair);
    await expectNoCouncilTools(chair);
    await shot(chair, "mediation-outcomes-chair-phone.png");
    await chair.setViewportSize(DESKTOP.viewport);
    await chair.getByTestId("mediation-end-talk").click();
    await until(() => textOf(phoneA, "mediation-talk")).toBe("共同调解");
  });

  it("the officer signs on his phone; 周桂芳 confirms with a drawn signature, printed under her line in the version's files", async () => {
    const generated = await admin.request.post(`${agreementApi()}/versions`, { data: { baseVersion: 0, generate: { committee: COMMITTEE, terms: [TERM] } } });
    expect(generated.status(), await generated.text()).toBe(201);
    // The officer, from his own join link: the text and 确认签署, no name to type.
    await police.reload();
    await until(() => textOf(police, "ma-party-label")).toContain(POLICE.name);
    await police.getByTestId("ma-open").click();
    await police.getByTestId("ma-screen").waitFor();
    expect((await textOf(police, "ma-text")).replace(/\s+/g, "")).toContain(TERM);
    expect(await police.getByTestId("ma-name").count()).toBe(0);
    expect(await scrollsSideways(police)).toBe(false);
    await police.getByTestId("ma-confirm").click();
    await until(() => textOf(police, "ma-done")).toContain("您已于");

    // 周桂芳: her name typed and her signature drawn with the mouse on the pad.
    await phoneA.reload();
    await until(() => textOf(phoneA, "ma-party-label")).toContain(A_LABEL);
    await phoneA.getByTestId("ma-open").click();
    await phoneA.getByTestId("ma-screen").waitFor();
    await phoneA.getByTestId("ma-name").fill(A.name);
    await drawSignature(phoneA);
    expect(await scrollsSideways(phoneA)).toBe(false);
    await shot(phoneA, "mediation-outcomes-drawn-signature-phone.png");
    await phoneA.getByTestId("ma-confirm").click();
    await until(() => textOf(phoneA, "ma-done")).toContain("您已于");

    const { signatures } = await (await admin.request.get(agreementApi())).json();
    expect(signatures.map((s: { participantId: string; via: string; drawn: boolean }) => [s.participantId, s.via, s.drawn])).toEqual([
      [idOf(POLICE), "link", false],
      [idOf(A), "link", true],
    ]);
    // The version's files on the staff's page, before the signing is complete: her line says the drawn signature follows, and it does.
    await admin.goto(`${base()}/admin/mediation/agreements/${m.app.meetingId}`);
    const signedLine = new RegExp(`当事人（签名）：${A_LABEL}（已确认\\s*\\d{4}年\\d{1,2}月\\d{1,2}日，手写签名附后）`);
    const [word] = await Promise.all([admin.waitForEvent("download"), admin.getByTestId("ma-admin-docx-1").click()]);
    const bytes = fs.readFileSync(await word.path());
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs.find((p) => signedLine.test(p))).toBeDefined();
    expect(paragraphs.join("\n")).toMatch(new RegExp(`人民调解员（签名）：${POLICE.name}（已确认 `));
    expect(paragraphs.join("\n")).toContain(`当事人（签名）：${B_LABEL}\n`);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
    const [pdf] = await Promise.all([admin.waitForEvent("download"), admin.getByTestId("ma-admin-pdf-1").click()]);
    expect((await pdfText(fs.readFileSync(await pdf.path()))).replace(/\s+/g, "")).toMatch(signedLine);
  });

  it("孙志强 refuses (不同意签署, his reason) → 调解不成; the staff record the referral and the case shows 调解不成 with it", async () => {
    await phoneB.reload();
    await until(() => textOf(phoneB, "ma-party-label")).toContain(B_LABEL);
    await phoneB.getByTestId("ma-open").click();
    await phoneB.getByTestId("ma-screen").waitFor();
    await phoneB.getByTestId("ma-refuse").click();
    await phoneB.getByTestId("ma-reason").fill(REASON);
    expect(await scrollsSideways(phoneB)).toBe(false);
    await phoneB.getByTestId("ma-refuse-confirm").click();
    await until(() => textOf(phoneB, "ma-refused")).toContain("不同意签署，本次调解不成");
    // 周桂芳's and the officer's cards say so too; nothing more to sign.
    for (const page of [phoneA, police]) {
      await page.reload();
      await until(() => textOf(page, "ma-refused")).toContain(B.name);
      expect(await page.getByTestId("ma-open").count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
    }
    await shot(phoneB, "mediation-outcomes-refused-phone.png");

    // The staff's page: 调解不成 with who refused and why, then the referral.
    await admin.reload();
    await until(() => textOf(admin, "ma-admin-state")).toBe("调解不成");
    expect(await textOf(admin, "ma-admin-refusal")).toContain(REASON);
    await admin.getByTestId("ma-referral-to").selectOption("court");
    await admin.getByTestId("ma-referral-note").fill(REFERRAL_NOTE);
    await admin.getByTestId("ma-referral-save").click();
    await until(() => textOf(admin, "ma-admin-refusal")).toContain("人民法院（诉讼）");
    await shot(admin, "mediation-outcomes-referral.png");

    // The linked case: 调解不成, with the referral's words.
    await admin.goto(`${base()}/admin/mediation/cases/${caseId}`);
    await until(() => textOf(admin, "case-state")).toBe("调解不成");
    expect(await pageText(admin)).toContain(`人民法院（诉讼）：${REFERRAL_NOTE}`);
    await shot(admin, "mediation-outcomes-case-failed.png");
  });
});
