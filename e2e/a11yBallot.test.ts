// End to end in a real Chromium, keyboard only: the member's ballot sheet is a real modal dialog.
// A secret poll opens on 李明's phone (375 px, zh), Alice's phone (375 px, en) and 王芳's desktop
// (1366, zh): focus lands on the sheet's title, which names the poll, and the opening is said once
// (表决开始：…; an official who may not vote hears it with the note); every Tab stop stays in the
// sheet; the arrow keys move through the options and choose; Esc leaves the sheet for the bar
// with 去投票 (focused), which reopens it; after 确认投票 focus is on the 已投票 line and 已投票 is
// said once, without the choice (secret). A named poll that allows a change: the choice is said
// (Voted: For), 改票 reopens the sheet, Esc returns to 改票, a change is said once (已改票). axe:
// no serious or critical WCAG 2.1 AA violation with the sheet open and after voting, nor on the
// display's open poll.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PollDefinition } from "../core/poll/schema.ts";
import type { Actor } from "../core/roles.ts";
import { announcements, recordAnnouncements, seriousViolations } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openDisplay, openJoinLink, shot, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const SECRET = "关于社区停车位收费标准的表决";
const NAMED = "关于增设电动车充电桩的表决";

let app: AppUnderTest;
let browser: Browser;
let li: Page;
let alice: Page;
let wang: Page;
let official: Page;
let display: Page;
let chairId: string;

const chair = (): Actor => ({ participantId: chairId, role: "chair" });

async function openPoll(title: string, fields: Partial<PollDefinition>): Promise<string> {
  const poll = PollDefinition.parse({ title, form: "yesNoAbstain", rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }], ...fields });
  await submitTo(app, chair(), { type: "poll.create", poll });
  const pollId = (await liveState(app)).polls.at(-1)!.pollId;
  await submitTo(app, chair(), { type: "poll.open", pollId, confirmed: true });
  return pollId;
}

async function closePoll(pollId: string): Promise<void> {
  await submitTo(app, chair(), { type: "poll.close", pollId });
}

/** What has the focus: its test id, or the option a focused radio stands for; "body" when nothing does. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const option = el.closest("[data-option]");
    if (el instanceof HTMLInputElement && el.type === "radio" && option) return `radio:${option.getAttribute("data-option")}`;
    return el.getAttribute("data-testid") ?? el.tagName.toLowerCase();
  });

/** Whether the focused element is inside the open ballot sheet. */
const focusInSheet = (page: Page): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('dialog[open][data-testid="poll-sheet"]') != null);

/** The option whose radio is checked on the sheet, or null. */
const checkedOption = (page: Page): Promise<string | null> =>
  page.evaluate(
    () => document.querySelector('[data-testid="poll-sheet"] input[type="radio"]:checked')?.closest("[data-option]")?.getAttribute("data-option") ?? null,
  );

const said = async (page: Page): Promise<string[]> => (await announcements(page)).map((a) => a.text);

/** Presses Tab until the focus is on `testId` (at most `max` times), checking each stop is in the sheet. */
async function tabTo(page: Page, testId: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInSheet(page), `Tab stop ${i + 1}: ${await focused(page)}`).toBe(true);
    if ((await focused(page)) === testId) return;
  }
  throw new Error(`${testId} not reached in ${max} Tab presses`);
}

async function openEnglishPhone(name: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: "en-GB" });
  // The language chosen on this device earlier (the switch in the top bar keeps it there).
  await context.addInitScript(() => localStorage.setItem("yst.lang", "en"));
  const page = await context.newPage();
  await page.goto(app.links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}

describe("the ballot sheet by keyboard, with a screen reader's ears", () => {
  beforeAll(async () => {
    app = await startApp("社区议事会（端到端测试：无障碍表决）", [
      { name: "钟玉", role: "chair" },
      { name: "李明", role: "member" },
      { name: "Alice", role: "member" },
      { name: "王芳", role: "member" },
      { name: "王建国", role: "official", unit: "区住建局" },
    ]);
    chairId = (await liveState(app)).roster.find((p) => p.name === "钟玉")!.id;
    browser = await launchChromium();
    li = await openJoinLink(browser, app.links.get("李明")!, PHONE);
    alice = await openEnglishPhone("Alice");
    wang = await openJoinLink(browser, app.links.get("王芳")!, DESKTOP);
    official = await openJoinLink(browser, app.links.get("王建国")!, PHONE);
    display = await openDisplay(browser, app);
    await submitTo(app, chair(), { type: "meeting.open" });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a secret poll: focus on the sheet's title, the opening said once, Tab stays in the sheet, the arrows choose, 已投票 said once without the choice", async () => {
    for (const page of [li, alice, wang, official]) await recordAnnouncements(page);
    const pollId = await openPoll(SECRET, { secret: true });

    for (const page of [li, alice, wang]) {
      await until(() => textOf(page, "poll-sheet-title")).toBe(SECRET);
      await until(() => focused(page)).toBe("poll-sheet-title");
      expect(await page.getByTestId("poll-sheet").evaluate((d) => (d as HTMLDialogElement).open && d.matches(":modal"))).toBe(true);
      // The dialog is named by its title and described by its note.
      expect(await page.getByRole("dialog", { name: SECRET }).count()).toBe(1);
      const note = await page.getByTestId("poll-sheet").evaluate((d) => document.getElementById(d.getAttribute("aria-describedby") ?? "")?.textContent);
      expect(note).toBe(page === alice ? "Secret ballot" : "无记名投票");
    }
    await until(() => said(li)).toEqual([`表决开始：${SECRET}`]);
    await until(() => said(wang)).toEqual([`表决开始：${SECRET}`]);
    await until(() => said(alice)).toEqual([`Vote opened: ${SECRET}`]);
    await until(() => said(official)).toEqual([`表决开始：${SECRET}。您不在本次表决的表决人名单中`]);
    // Said inside the modal sheet: outside it the page (its live region included) is hidden from
    // screen readers while the sheet is open.
    expect(await li.getByTestId("poll-sheet").getByTestId("dialog-live-region").textContent()).toBe(`表决开始：${SECRET}`);
    expect(await li.getByTestId("live-announcer").textContent()).toBe("");
    expect(await official.getByTestId("poll-sheet").count()).toBe(0);

    expect(await seriousViolations(li)).toEqual([]);
    expect(await seriousViolations(alice)).toEqual([]);
    expect(await seriousViolations(wang)).toEqual([]);
    expect(await seriousViolations(official)).toEqual([]);
    expect(await seriousViolations(display)).toEqual([]);
    await shot(li, "a11y-ballot-sheet-375.png");

    // Every Tab stop, around the whole sheet and back, is inside it: the page behind is inert. Past
    // the last one the browser's own toolbar takes the focus (the page has none) and the next Tab
    // comes back to the first.
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await li.keyboard.press("Tab");
      const stop = (await li.evaluate(() => document.hasFocus())) ? await focused(li) : "(browser)";
      stops.push(stop);
      if (stop !== "(browser)") expect(await focusInSheet(li), `Tab stop ${i + 1}: ${stops.join(" → ")}`).toBe(true);
    }
    // The options are one stop (a radio group); the disabled 确认投票 is skipped.
    expect(stops.slice(0, 4)).toEqual(["radio:yes", "poll-later", "(browser)", "radio:yes"]);
    await li.keyboard.press("Shift+Tab");
    expect(await focusInSheet(li)).toBe(true);

    // 李明 by keyboard: into the group, the arrows move and choose, Tab to 确认投票, Enter.
    await li.getByTestId("poll-sheet-title").focus();
    await li.keyboard.press("Tab");
    expect(await focused(li)).toBe("radio:yes");
    expect(await checkedOption(li)).toBeNull();
    await li.keyboard.press("ArrowDown");
    expect(await focused(li)).toBe("radio:no");
    expect(await checkedOption(li)).toBe("no");
    await li.keyboard.press("ArrowDown");
    expect(await checkedOption(li)).toBe("abstain");
    await li.keyboard.press("ArrowUp");
    expect(await checkedOption(li)).toBe("no");
    expect(await textOf(li, "ballot-submit")).toBe("确认投「反对」");
    await tabTo(li, "ballot-submit");
    await li.keyboard.press("Enter");
    await until(() => textOf(li, "poll-voted")).toContain("已投票");
    await until(() => focused(li)).toBe("poll-voted-head");
    expect(await li.getByTestId("poll-sheet").count()).toBe(0);
    // Said once, and a secret choice is never said aloud.
    await until(() => said(li)).toEqual([`表决开始：${SECRET}`, "已投票"]);
    expect(await seriousViolations(li)).toEqual([]);
    await shot(li, "a11y-ballot-voted-375.png");

    // Alice (English): Space chooses the first option, Tab, Enter.
    await alice.keyboard.press("Tab");
    expect(await focused(alice)).toBe("radio:yes");
    await alice.keyboard.press("Space");
    expect(await checkedOption(alice)).toBe("yes");
    await tabTo(alice, "ballot-submit");
    expect(await textOf(alice, "ballot-submit")).toBe('Vote "For"');
    await alice.keyboard.press("Enter");
    await until(() => focused(alice)).toBe("poll-voted-head");
    await until(() => said(alice)).toEqual([`Vote opened: ${SECRET}`, "Voted"]);
    expect(await seriousViolations(alice)).toEqual([]);

    // 王芳 (desktop): Esc leaves the sheet for the bar, whose 去投票 has the focus; Enter reopens it.
    await wang.keyboard.press("Escape");
    await until(() => wang.getByTestId("poll-minimised").count()).toBe(1);
    expect(await wang.getByTestId("poll-sheet").count()).toBe(0);
    expect(await focused(wang)).toBe("poll-vote-now");
    expect(await seriousViolations(wang)).toEqual([]);
    await wang.keyboard.press("Enter");
    await until(() => focused(wang)).toBe("poll-sheet-title");
    // Esc twice more in a row still leaves and comes back the same way.
    await wang.keyboard.press("Escape");
    await until(() => focused(wang)).toBe("poll-vote-now");
    await wang.keyboard.press("Enter");
    await until(() => focused(wang)).toBe("poll-sheet-title");
    await wang.keyboard.press("Tab");
    await wang.keyboard.press("ArrowDown");
    await wang.keyboard.press("ArrowDown");
    expect(await checkedOption(wang)).toBe("abstain");
    await tabTo(wang, "ballot-submit");
    await wang.keyboard.press("Enter");
    await until(() => focused(wang)).toBe("poll-voted-head");
    // Reopening said nothing again.
    await until(() => said(wang)).toEqual([`表决开始：${SECRET}`, "已投票"]);
    expect(await seriousViolations(wang)).toEqual([]);

    await closePoll(pollId);
  }, 180_000);

  it("a named poll that allows a change: the choice is said, 改票 by keyboard, Esc back to 改票, the change said once", async () => {
    for (const page of [li, alice]) await recordAnnouncements(page);
    const pollId = await openPoll(NAMED, { secret: false, allowChange: true });
    await until(() => focused(alice)).toBe("poll-sheet-title");
    await until(() => said(alice)).toEqual([`Vote opened: ${NAMED}`]);
    await alice.keyboard.press("Tab");
    await alice.keyboard.press("Space");
    await tabTo(alice, "ballot-submit");
    await alice.keyboard.press("Enter");
    await until(() => focused(alice)).toBe("poll-voted-head");
    await until(() => said(alice)).toEqual([`Vote opened: ${NAMED}`, "Voted: For"]);

    // 改票: the sheet again with the earlier choice; Esc returns to the button.
    await alice.keyboard.press("Tab");
    expect(await focused(alice)).toBe("poll-change");
    await alice.keyboard.press("Enter");
    await until(() => focused(alice)).toBe("poll-sheet-title");
    expect(await checkedOption(alice)).toBe("yes");
    await alice.keyboard.press("Escape");
    await until(() => focused(alice)).toBe("poll-change");
    await alice.keyboard.press("Enter");
    await until(() => focused(alice)).toBe("poll-sheet-title");
    await alice.keyboard.press("Tab");
    expect(await focused(alice)).toBe("radio:yes");
    await alice.keyboard.press("ArrowDown");
    await tabTo(alice, "ballot-submit");
    await alice.keyboard.press("Enter");
    await until(() => focused(alice)).toBe("poll-voted-head");
    await until(() => textOf(alice, "poll-voted-note")).toBe("Your choice: Against");
    await until(() => said(alice)).toEqual([`Vote opened: ${NAMED}`, "Voted: For", "Vote changed: Against"]);
    expect(await seriousViolations(alice)).toEqual([]);

    // 李明 in Chinese: the named choice is said in his language.
    await until(() => focused(li)).toBe("poll-sheet-title");
    await li.keyboard.press("Tab");
    await li.keyboard.press("ArrowDown");
    await tabTo(li, "ballot-submit");
    await li.keyboard.press("Enter");
    await until(() => focused(li)).toBe("poll-voted-head");
    await until(() => said(li)).toEqual([`表决开始：${NAMED}`, "已投票：反对"]);
    await closePoll(pollId);
  }, 180_000);
});
