// End to end in a real Chromium: the voting bases (应到 / 实到 / 投票) of a household consent
// poll in a community council (社区议事会) of 11 households, one resident each. The chair (1366 px)
// drafts a secret 同意/不同意 poll 按户表决; the form proposes 不少于应到户数的80% and says in one
// sentence what will count. With three households away, 开始表决 warns that 80 % of 应到 cannot be
// reached (at most 8 of 11) and the chair steps back; two more arrive, 9 of 11 is within reach,
// the poll opens without a word. 8 households agree and 2 disagree — one through a real 375 px
// phone, the others through plain sockets — and the household that arrives late is told it cannot
// vote. Closed and published: 应到 11 户 · 实到 10 户 · 投票 10 户 and 8 / 11 = 72.7 %, 未通过, on the
// chair's console, the phone and the room display (1920 px), and in the DOCX minutes draft.
// Finally, with three households gone again, the chair opens a poll anyway after the warning.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { Harness, type TestClient } from "../testing/server/harness.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { docxParagraphs } from "./support/docx.ts";
import { openDisplay, openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { joinBySocket, liveState, submitTo, voteBySocket } from "./support/room.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const TITLE = "幸福里社区议事会（端到端测试：表决基数）";
const POLL = "关于3号楼加装电梯的征询意见表决";
/** One resident per household; 王秀兰 votes from her phone, 徐淑珍 comes late. */
const HOUSEHOLDS: [string, string][] = [
  ["王秀兰", "3号楼1单元101"],
  ["李建华", "3号楼1单元102"],
  ["张桂芳", "3号楼1单元201"],
  ["刘志强", "3号楼1单元202"],
  ["陈美玲", "3号楼1单元301"],
  ["杨国庆", "3号楼1单元302"],
  ["赵丽娟", "3号楼2单元101"],
  ["黄德明", "3号楼2单元102"],
  ["周晓燕", "3号楼2单元201"],
  ["吴振华", "3号楼2单元202"],
  ["徐淑珍", "3号楼2单元301"],
];
const PHONE_VOTER = "王秀兰";
const LATECOMER = "徐淑珍";
/** Online from the start through sockets (with the phone: 8 households present). */
const EARLY = ["李建华", "张桂芳", "刘志强", "陈美玲", "杨国庆", "赵丽娟", "黄德明"];
/** Arrive after the first warning: 10 households present. */
const LATER = ["周晓燕", "吴振华"];

let app: AppUnderTest;
let browser: Browser;
let harness: Harness;
let org: ApiClient;
let chair: Page;
let phone: Page;
let display: Page;
const sockets = new Map<string, TestClient>();

const live = () => liveState(app);
const idOf = async (name: string) => (await live()).roster.find((p) => p.name === name)!.id;
/** The poll item in the chair's list with this title. */
const item = (page: Page, title: string) => page.getByTestId("poll-item").filter({ hasText: title });
/** A result as every screen shows it: the verdict, each option's count and percentage, each clause, the counts. */
const resultText = async (page: Page): Promise<string> => {
  const result = page.getByTestId("poll-result").first();
  if ((await page.getByTestId("poll-result").count()) === 0) return "";
  const parts = await Promise.all(["poll-verdict", "poll-result-row", "poll-clause", "poll-counts"].map((id) => result.getByTestId(id).allTextContents()));
  return parts
    .flat()
    .map((s) => s.trim())
    .join(" | ");
};
/** Scrolls so that the element's bottom is `margin` px above the window's bottom (for a screenshot). */
const showBottomOf = (element: Locator, margin: number) =>
  element.evaluate((el, m) => window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - m)), margin);

/** The chair drafts a secret household consent poll, keeping the form's rule (80 % of 应到). */
async function draftConsentPoll(title: string): Promise<void> {
  await chair.getByTestId("poll-new").click();
  await chair.getByTestId("poll-title").fill(title);
  await chair.getByTestId("poll-form-consent").check();
  await chair.getByTestId("poll-more-summary").click();
  await chair.getByTestId("poll-per-household").check();
}

describe("voting bases in the browser: a household consent poll with one household absent", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      ...HOUSEHOLDS.map(([name, household]) => ({ name, role: "member" as const, household })),
    ]);
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    expect((await org.patch(`/api/meetings/${app.meetingId}`, { kind: "community" })).status).toBe(200);
    expect((await org.post(`/api/meetings/${app.meetingId}/agenda`, { title: "3号楼加装电梯", plannedMinutes: 30 })).status).toBe(201);
    harness = new Harness();
    browser = await launchChromium();
    chair = await openJoinLink(browser, app.links.get("钟玉")!, DESKTOP);
    phone = await openJoinLink(browser, app.links.get(PHONE_VOTER)!, PHONE);
    display = await openDisplay(browser, app);
    for (const name of EARLY) sockets.set(name, await joinBySocket(harness, app, name));
  }, 240_000);

  afterAll(async () => {
    await harness?.cleanup();
    await browser?.close();
    await app?.close();
  });

  it("three households away: the form says what will count; 开始表决 warns that 80 % of 应到 is out of reach, and 取消 opens nothing", async () => {
    await openMeetingAsChair(chair);
    await until(() => textOf(chair, "present")).toBe("8");
    await draftConsentPoll(POLL);
    // 同意/不同意 proposes a consent rate of everyone entitled; secret is the default.
    expect(await chair.getByTestId("poll-secret").isChecked()).toBe(true);
    expect(await chair.getByTestId("poll-rule-percent").isChecked()).toBe(true);
    expect(await chair.getByTestId("poll-percent").inputValue()).toBe("80%");
    expect(await chair.getByTestId("poll-percent-base").inputValue()).toBe("entitled");
    await until(() => textOf(chair, "poll-eligible-preview")).toBe(
      "11 户应到，目前 8 户到会；未到会的户计入分母；开始表决后到会的不能投票（开始表决时冻结名单）通过条件：不少于应到户数的80%（含本数）",
    );
    // The community council's words: 居民代表, not 委员.
    expect((await chair.getByTestId("poll-role-member").locator("xpath=..").textContent())?.trim()).toBe("居民代表");
    await chair.getByTestId("poll-create").screenshot({ path: `${SHOTS}/bases-chair-create-form.png`, style: ".top-bar { visibility: hidden; }" });
    await chair.getByTestId("poll-create-submit").click();
    await until(() => item(chair, POLL).getAttribute("data-status")).toBe("draft");
    expect(await item(chair, POLL).locator(".poll-item-meta").textContent()).toBe("同意/不同意 · 无记名 · 不少于应到户数的80%（含本数）");

    await chair.getByTestId("poll-open").click();
    await until(() => chair.getByTestId("poll-open-warnings").count()).toBe(1);
    const warnings = chair.getByTestId("poll-open-warning");
    expect(await warnings.count()).toBe(1);
    expect(await warnings.getAttribute("data-kind")).toBe("unreachable");
    expect((await warnings.textContent())?.trim()).toBe("按目前到会情况，即使全部同意，「不少于应到户数的80%（含本数）」也无法达到（最多 8 / 应到户 11）");
    expect(await textOf(chair, "poll-open-confirm")).toBe("仍然开始表决");
    await showBottomOf(item(chair, POLL), 16);
    await shot(chair, "bases-chair-warning-1366.png");
    await chair.getByTestId("poll-open-cancel").click();
    await until(() => chair.getByTestId("poll-open-warnings").count()).toBe(0);
    expect(await item(chair, POLL).getAttribute("data-status")).toBe("draft");
    expect(await chair.getByTestId("poll-open").count()).toBe(1);
    expect((await live()).polls[0]!.status).toBe("draft");
    expect(await phone.getByTestId("poll-sheet").count()).toBe(0);
  }, 150_000);

  it("two more arrive: 10 of 11 present, 9 of 11 is within reach — the poll opens without a warning, 已投 0 · 应到 11 户 · 实到 10 户", async () => {
    for (const name of LATER) sockets.set(name, await joinBySocket(harness, app, name));
    await until(() => textOf(chair, "present")).toBe("10");
    await chair.getByTestId("poll-open").click();
    await until(() => item(chair, POLL).getAttribute("data-status")).toBe("open");
    expect(await chair.getByTestId("poll-open-warnings").count()).toBe(0);
    for (const page of [chair, display]) await until(() => textOf(page, "poll-turnout")).toBe("已投 0 · 应到 11 户 · 实到 10 户");
    // The frozen list: all 11 households (应到), 10 of them present at the opening (实到).
    const frozen = (await live()).polls[0]!.eligible;
    expect(frozen).toHaveLength(11);
    expect(frozen.filter((u) => !u.present).map((u) => u.household)).toEqual(["3号楼2单元301"]);

    await until(() => textOf(phone, "poll-sheet-title")).toBe(POLL);
    expect(await textOf(phone, "poll-note")).toBe("无记名投票");
    expect((await phone.getByTestId("ballot-option").allTextContents()).map((s) => s.trim())).toEqual(["同意", "不同意"]);
    await phone.locator('[data-testid="ballot-option"][data-option="agree"]').click();
    expect(await textOf(phone, "ballot-submit")).toBe("确认投「同意」");
    await shot(phone, "bases-member-ballot-375.png");
    await shot(display, "bases-display-open-1920.png");
  }, 150_000);

  it("8 households agree, 2 disagree (one through the phone); the late household is told it cannot vote", async () => {
    await phone.getByTestId("ballot-submit").click();
    await until(() => textOf(phone, "poll-voted")).toContain("已投票");
    expect(await textOf(phone, "poll-voted-note")).toBe("您的选票已收到，无法更改");
    const pollId = (await live()).polls[0]!.pollId;
    const choices: Record<string, string> = Object.fromEntries([...EARLY, ...LATER].map((name) => [name, "agree"]));
    choices["黄德明"] = "disagree";
    choices["吴振华"] = "disagree";
    for (const [name, choice] of Object.entries(choices)) await voteBySocket(sockets.get(name)!, pollId, [choice]);
    for (const page of [chair, display]) await until(() => textOf(page, "poll-turnout")).toBe("已投 10 · 应到 11 户 · 实到 10 户");
    await shot(display, "bases-display-voted-1920.png");

    // 徐淑珍's household counts in 应到, but it was absent at the opening and latecomers may not vote.
    const late = await openJoinLink(browser, app.links.get(LATECOMER)!, PHONE);
    await until(() => textOf(late, "poll-absent-at-opening")).toContain("表决开始时您未到会，不能参加本次表决");
    expect(await late.getByTestId("ballot").count()).toBe(0);
    expect(await late.getByTestId("poll-sheet").count()).toBe(0);
    await until(() => textOf(chair, "present")).toBe("11");
    await shot(late, "bases-latecomer-375.png");
    await late.context().close();
    await shot(chair, "bases-chair-open-1366.png");
  }, 150_000);

  it("closed and published: 应到 11 户 · 实到 10 户 · 投票 10 户, 同意 8 / 应到户 11 = 72.7 % — 未通过 on the chair's console, the phone and the display", async () => {
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(() => textOf(chair, "poll-verdict")).toBe("未通过");
    expect(await textOf(chair, "poll-counts")).toBe("应到 11 户 · 实到 10 户 · 投票 10 户");
    expect(await textOf(chair, "poll-clause")).toBe("不少于应到户数的80%（含本数）：同意 8 / 应到户 11 = 72.7%");
    expect(await chair.getByTestId("poll-clause").getAttribute("data-passed")).toBe("false");
    await chair.getByTestId("poll-publish").click();
    await until(() => item(chair, POLL).getAttribute("data-status")).toBe("published");
    const result = await resultText(chair);
    // The bars read against 应到 too: 8 and 2 of 11 households.
    expect(result).toBe(
      "未通过 | 同意8 票 · 72.7% | 不同意2 票 · 18.2% | 不少于应到户数的80%（含本数）：同意 8 / 应到户 11 = 72.7% | 应到 11 户 · 实到 10 户 · 投票 10 户",
    );
    for (const page of [phone, display]) await until(() => resultText(page)).toBe(result);
    expect(await display.getByTestId("display-poll").getAttribute("data-status")).toBe("published");
    await chair
      .getByTestId("poll-result")
      .first()
      .screenshot({ path: `${SHOTS}/bases-chair-result.png` });
    await showBottomOf(chair.getByTestId("poll-panel"), 0);
    await shot(chair, "bases-chair-result-1366.png");
    // The member's result card, above the fixed 申请发言 bar.
    await showBottomOf(phone.getByTestId("poll-result").first(), 130);
    await shot(phone, "bases-member-result-375.png");
    await shot(display, "bases-display-result-1920.png");
  }, 150_000);

  it("the minutes draft (DOCX): 应到 11 户，实到 10 户，投票 10 户; 同意 8 户 / 应到户 11 户 = 72.7%, 未达到; 未通过", async () => {
    const docx = await org.get(`/api/meetings/${app.meetingId}/minutes/draft.docx`);
    expect(docx.status).toBe(200);
    const paragraphs = await docxParagraphs(docx.bytes);
    const at = paragraphs.findIndex((p) => p.includes(POLL));
    expect(at, paragraphs.join("\n")).toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(at, at + 6)).toEqual([
      expect.stringContaining(`${POLL}（无记名表决，同意/不同意）`),
      expect.stringContaining("通过规则：不少于应到户数的80%（含本数）"),
      expect.stringContaining("应到 11 户，实到 10 户，投票 10 户。"),
      expect.stringContaining("同意 8 户 / 应到户 11 户 = 72.7%（不少于应到户数的80%（含本数）），未达到。"),
      expect.stringContaining("同意 8 票，不同意 2 票。"),
      expect.stringContaining("表决结果：未通过。"),
    ]);
  }, 120_000);

  it("three households leave: the next poll warns again, and 仍然开始表决 opens it with 实到 8 户", async () => {
    const leaving = ["赵丽娟", "黄德明", "周晓燕"];
    for (const name of leaving) sockets.get(name)!.close();
    // The clerk marks them as gone at once (the server would after its grace period).
    const clerk: Actor = { participantId: await idOf("文书"), role: "clerk" };
    await submitTo(app, clerk, { type: "attendance.leave", participantIds: await Promise.all(leaving.map(idOf)) });
    await until(() => textOf(chair, "present")).toBe("8");
    const title = "关于3号楼增设非机动车充电桩的表决";
    await draftConsentPoll(title);
    await until(() => textOf(chair, "poll-eligible-preview")).toBe(
      "11 户应到，目前 8 户到会；未到会的户计入分母；开始表决后到会的不能投票（开始表决时冻结名单）通过条件：不少于应到户数的80%（含本数）",
    );
    await chair.getByTestId("poll-create-submit").click();
    await until(() => item(chair, title).getAttribute("data-status")).toBe("draft");
    await item(chair, title).getByTestId("poll-open").click();
    await until(() => textOf(chair, "poll-open-warning")).toBe(
      "按目前到会情况，即使全部同意，「不少于应到户数的80%（含本数）」也无法达到（最多 8 / 应到户 11）",
    );
    await chair.getByTestId("poll-open-confirm").click();
    await until(() => item(chair, title).getAttribute("data-status")).toBe("open");
    expect(await chair.getByTestId("poll-open-warnings").count()).toBe(0);
    await until(() => textOf(chair, "poll-turnout")).toBe("已投 0 · 应到 11 户 · 实到 8 户");
    await until(() => textOf(display, "poll-turnout")).toBe("已投 0 · 应到 11 户 · 实到 8 户");
    await until(() => textOf(phone, "poll-sheet-title")).toBe(title);
  }, 150_000);
});
