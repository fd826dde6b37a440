// End to end in a real Chromium, keyboard only (issue 27): the member's phone (375) and the chair's
// console (1366) keep the focus on the control that follows each action — never on <body> — and
// say the change once through the page's live region: 已申请 · 第 N 位, a new place, 已撤回, the end
// of one's speech; the chair's 上移/下移 (the same button in the entry's new place), 请…发言 (then
// 结束发言), 暂停/继续, +1 分钟, 结束发言 (then the queue's first 请…发言), 移出, 添加发言人. The single-key
// shortcuts do nothing while the focus is on a control ("e" on a button ends no speech), move the
// focus as their buttons do (N to 结束发言, P to 继续/暂停) and can be switched off, which survives a
// reload. Reordering by keyboard (dnd-kit) says names and places, in Chinese and in English, never
// the entries' ids. A refused 撤回 followed by the chair's removal is said as the removal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import { announcements, recordAnnouncements, seriousViolations } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { shot, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const MEMBERS = ["李明", "袁海霞", "张伟", "王芳"];

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
/** 袁海霞 on her phone: the member's run. */
let yuan: Page;

const actor = async (name: string): Promise<Actor> => {
  const person = (await liveState(app)).roster.find((p) => p.name === name)!;
  return { participantId: person.id, role: person.role };
};
const run = async (name: string, command: unknown) => submitTo(app, await actor(name), command);
const idOf = async (name: string) => (await actor(name)).participantId;
const queueNames = async () => {
  const state = await liveState(app);
  return state.queue.map((e) => state.roster.find((p) => p.id === e.participantId)?.name);
};

/** What has the focus: its test id or data-action, and the name of the queue entry it is in. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { on: "body" };
    const entry = el.closest("[data-queue-entry]");
    return {
      on: el.getAttribute("data-testid") ?? el.getAttribute("data-action") ?? el.id ?? el.tagName,
      ...(entry ? { entry: entry.querySelector(".name")?.textContent ?? "", action: el.getAttribute("data-action") } : {}),
    };
  });
const testIdFocused = async (page: Page) => (await focused(page)).on;

/** How many times the live regions said something containing `text` since recording started. */
const said = async (page: Page, text: string) => (await announcements(page)).filter((a) => a.text.includes(text)).length;

/** Tab (at most `limit` times) until the focused element matches `selector`; fails if it never does. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Starts the chair's keyboard run at the queue's heading (where a skip link or a heading jump would land). */
async function fromQueueHeading(): Promise<void> {
  await chair.locator("#chair-queue-title").focus();
}

const entrySelector = (name: string, action: string) => `[data-queue-entry="${name}"] [data-action="${action}"]`;

describe("keyboard only: focus and announcements after each action", () => {
  beforeAll(async () => {
    app = await startApp("无障碍键盘测试会", [
      { name: "钟玉", role: "chair" },
      ...MEMBERS.map((name) => ({ name, role: "member" as const, sector: "科技界" })),
    ]);
    browser = await launchChromium();
    const item = await app.server.agenda.append(app.meetingId, { title: "老旧小区加装电梯", presenter: null, plannedMinutes: 30 });
    await run("钟玉", { type: "meeting.open" });
    await run("钟玉", { type: "agenda.goto", itemId: item.id });
    await run("钟玉", { type: "floor.setCap", seconds: 300 });
    chair = await browser.newContext({ ...DESKTOP, locale: "zh-CN" }).then((c) => c.newPage());
    await chair.goto(app.links.get("钟玉")!);
    await chair.getByTestId("me").waitFor();
    yuan = await browser.newContext({ ...PHONE, locale: "zh-CN" }).then((c) => c.newPage());
    await yuan.goto(app.links.get("袁海霞")!);
    await yuan.getByTestId("me").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the member (phone): 申请发言 → 撤回 has the focus and 已申请 · 第 3 位 is said; a new place, 撤回, the floor and 结束发言 likewise", async () => {
    await run("李明", { type: "queue.request" });
    await run("张伟", { type: "queue.request" });
    await recordAnnouncements(yuan);

    await tabTo(yuan, '[data-testid="request-floor"]');
    await yuan.keyboard.press("Enter");
    await until(() => testIdFocused(yuan)).toBe("withdraw");
    await until(() => said(yuan, "已申请 · 第 3 位")).toBe(1);
    expect(await seriousViolations(yuan, ".bottom-action")).toEqual([]);

    // 李明 withdraws: my place is said once, the focus stays on 撤回.
    await run("李明", { type: "queue.withdraw" });
    await until(() => said(yuan, "您现在排第 2 位")).toBe(1);
    expect(await testIdFocused(yuan)).toBe("withdraw");

    // 撤回 (Space on the focused button): back to 申请发言, said once.
    await yuan.keyboard.press("Space");
    await until(() => testIdFocused(yuan)).toBe("request-floor");
    await until(() => said(yuan, "已撤回发言申请")).toBe(1);

    // Again in line (第 2 位); the chair gives me the floor: 结束发言 takes the focus, the floor is said once.
    await yuan.keyboard.press("Enter");
    await until(() => testIdFocused(yuan)).toBe("withdraw");
    await until(() => said(yuan, "已申请 · 第 2 位")).toBe(1);
    await run("钟玉", { type: "floor.give", participantId: await idOf("袁海霞") });
    await until(() => testIdFocused(yuan)).toBe("finish-speech");
    await until(() => said(yuan, "您已获得发言权")).toBe(1);
    await shot(yuan, "a11y-keyboard-member-speaking-375.png");

    // 结束发言 by keyboard: 申请发言 has the focus again, the end is said once.
    await yuan.keyboard.press("Enter");
    await until(() => testIdFocused(yuan)).toBe("request-floor");
    await until(() => said(yuan, "您的发言已结束")).toBe(1);
    expect((await liveState(app)).floor).toBe(null);
    // Each said exactly once over the whole run.
    for (const text of ["已申请 · 第 3 位", "您现在排第 2 位", "已撤回发言申请", "已申请 · 第 2 位", "您已获得发言权", "您的发言已结束"]) {
      expect(await said(yuan, text), text).toBe(1);
    }
  }, 120_000);

  it("the chair (1366): 下移/上移 keep the focus on the entry's same button in its new place and say the place", async () => {
    await run("王芳", { type: "queue.request" });
    await run("李明", { type: "queue.request" });
    expect(await queueNames()).toEqual(["张伟", "王芳", "李明"]);
    await until(() => chair.getByTestId("queue-item").count()).toBe(3);
    await recordAnnouncements(chair);
    // The entries are marked by participant id; the test reads them by name.
    const ids = new Map(await Promise.all(["张伟", "王芳", "李明"].map(async (n) => [n, await idOf(n)] as const)));
    const at = (name: string, action: string) => entrySelector(ids.get(name)!, action);

    await fromQueueHeading();
    await tabTo(chair, at("张伟", "down"));
    await chair.keyboard.press("Enter");
    await until(queueNames).toEqual(["王芳", "张伟", "李明"]);
    await until(() => focused(chair)).toEqual({ on: "down", entry: "张伟", action: "down" });
    await until(() => said(chair, "张伟 已移至第 2 位，共 3 位")).toBe(1);

    // Down again, to the end: 下移 is disabled there, so 上移 of the same entry has the focus.
    await chair.keyboard.press("Enter");
    await until(queueNames).toEqual(["王芳", "李明", "张伟"]);
    await until(() => focused(chair)).toEqual({ on: "up", entry: "张伟", action: "up" });
    await until(() => said(chair, "张伟 已移至第 3 位，共 3 位")).toBe(1);

    await chair.keyboard.press("Enter");
    await until(queueNames).toEqual(["王芳", "张伟", "李明"]);
    await until(() => focused(chair)).toEqual({ on: "up", entry: "张伟", action: "up" });
    await until(() => said(chair, "张伟 已移至第 2 位，共 3 位")).toBe(2);
  }, 120_000);

  it("the chair: 请…发言 → 结束发言 has the focus; 暂停 ↔ 继续, +1 分钟 keep it; 'e' on a button ends nothing; 结束发言 → the queue's first 请…发言", async () => {
    await fromQueueHeading();
    await tabTo(chair, '[data-testid="call-suggested"]');
    const suggested = await textOf(chair, "suggestion-name");
    await chair.keyboard.press("Enter");
    await until(() => testIdFocused(chair)).toBe("end-speech");
    await until(async () => (await liveState(app)).floor?.participantId).toBe(await idOf(suggested));
    await until(() => said(chair, `正在发言：${suggested}`)).toBe(1);

    // Shift+Tab back along the bar: +1 分钟 keeps the focus and is said; 暂停 ↔ 继续 hand it over.
    await chair.keyboard.press("Shift+Tab");
    await chair.keyboard.press("Shift+Tab");
    expect(await testIdFocused(chair)).toBe("extend-1");
    const extended = (await liveState(app)).floor!.extendedMs;
    await chair.keyboard.press("Enter");
    await until(async () => (await liveState(app)).floor!.extendedMs).toBe(extended + 60_000);
    await until(() => said(chair, "已延长 1 分钟")).toBe(1);
    await until(() => testIdFocused(chair)).toBe("extend-1");

    // "e" with the focus on a button: no confirmation, the speech goes on.
    await chair.keyboard.press("e");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await chair.getByTestId("confirm-end-speech").count()).toBe(0);
    expect((await liveState(app)).floor?.participantId).toBe(await idOf(suggested));

    await chair.keyboard.press("Shift+Tab");
    expect(await testIdFocused(chair)).toBe("pause-speech");
    await chair.keyboard.press("Enter");
    await until(() => testIdFocused(chair)).toBe("resume-speech");
    await until(() => said(chair, "发言已暂停")).toBe(1);
    await chair.keyboard.press("Enter");
    await until(() => testIdFocused(chair)).toBe("pause-speech");
    await until(() => said(chair, "发言继续")).toBe(1);

    // 结束发言 asks; confirmed by keyboard, the focus goes to the queue's first 请…发言.
    await tabTo(chair, '[data-testid="end-speech"]');
    await chair.keyboard.press("Enter");
    await chair.getByTestId("confirm-end-speech").waitFor();
    await chair.keyboard.press("Tab");
    await chair.keyboard.press("Enter");
    await until(async () => (await liveState(app)).floor).toBe(null);
    await until(() => testIdFocused(chair)).toBe("call-suggested");
    await until(() => said(chair, `${suggested} 的发言已结束`)).toBe(1);
    await shot(chair, "a11y-keyboard-chair-after-end-1366.png");
  }, 120_000);

  it("the chair: 移出 hands the focus to the next entry's 移出, the last one to the queue's heading", async () => {
    const names = await queueNames();
    expect(names.length).toBe(2);
    const first = await idOf(names[0]!);
    const second = await idOf(names[1]!);
    await fromQueueHeading();
    await tabTo(chair, entrySelector(first, "remove"));
    await chair.keyboard.press("Enter");
    await until(() => focused(chair)).toEqual({ on: "remove", entry: names[1], action: "remove" });
    await until(() => said(chair, `已将 ${names[0]} 移出队列`)).toBe(1);
    expect(await chair.evaluate((s) => document.activeElement?.matches(s), entrySelector(second, "remove"))).toBe(true);
    await chair.keyboard.press("Enter");
    await until(() => testIdFocused(chair)).toBe("chair-queue-title");
    await until(() => said(chair, `已将 ${names[1]} 移出队列`)).toBe(1);
  }, 120_000);

  it("添加发言人 by keyboard: a guest's name and Enter — said once, the focus back in the field for the next one", async () => {
    await recordAnnouncements(chair);
    await fromQueueHeading();
    await tabTo(chair, '[data-testid="add-source-roster"]');
    await chair.keyboard.press("ArrowRight");
    await tabTo(chair, '[data-testid="add-guest-name"]');
    await chair.keyboard.type("王来宾");
    await chair.keyboard.press("Enter");
    await until(() => said(chair, "已加入队列：王来宾")).toBe(1);
    await until(() => testIdFocused(chair)).toBe("add-guest-name");
    expect(await chair.locator('[data-testid="add-guest-name"]').inputValue()).toBe("");
    await chair.getByTestId("queue-item").filter({ hasText: "王来宾" }).locator('[data-action="remove"]').click();
    await until(() => chair.getByTestId("queue-item").count()).toBe(0);
  }, 120_000);

  it("the single-key shortcuts N and P move the focus as their buttons do, switch off in the shortcuts' help, and stay off after a reload", async () => {
    await run("李明", { type: "queue.request" });
    await until(() => chair.getByTestId("queue-item").count()).toBe(1);
    // On by default. N (focus on no control) gives the floor to the suggested speaker, and the focus
    // goes where 请…发言 sends it: 结束发言.
    await fromQueueHeading();
    await chair.keyboard.press("n");
    await until(() => textOf(chair, "speaker-name")).toBe("李明");
    await until(() => testIdFocused(chair)).toBe("end-speech");
    // P pauses, the focus on 继续 as after 暂停; from no control again P resumes, the focus on 暂停.
    await fromQueueHeading();
    await chair.keyboard.press("p");
    await until(async () => (await liveState(app)).floor?.pausedAt != null).toBe(true);
    await until(() => testIdFocused(chair)).toBe("resume-speech");
    await fromQueueHeading();
    await chair.keyboard.press("p");
    await until(async () => (await liveState(app)).floor?.pausedAt == null).toBe(true);
    await until(() => testIdFocused(chair)).toBe("pause-speech");

    await tabTo(chair, '[data-testid="shortcuts-toggle"]');
    await chair.keyboard.press("Enter");
    const toggle = chair.getByTestId("single-key-shortcuts");
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await tabTo(chair, '[data-testid="single-key-shortcuts"]');
    await chair.keyboard.press("Space");
    expect(await toggle.isChecked()).toBe(false);
    expect(await textOf(chair, "shortcuts")).toContain("已关闭");
    expect(await seriousViolations(chair, '[data-testid="shortcuts"]')).toEqual([]);
    // The buttons no longer show keys that do nothing.
    expect(await chair.getByTestId("speech-dock").locator("kbd").count()).toBe(0);

    const off = async () => {
      await fromQueueHeading();
      for (const key of ["p", "e", "+", "n"]) await chair.keyboard.press(key);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await chair.getByTestId("confirm-end-speech").count()).toBe(0);
      const floor = (await liveState(app)).floor;
      expect({ pausedAt: floor?.pausedAt ?? null, extendedMs: floor?.extendedMs }).toEqual({ pausedAt: null, extendedMs: 0 });
    };
    await off();

    await chair.reload();
    await chair.getByTestId("me").waitFor();
    await until(() => textOf(chair, "speaker-name")).toBe("李明");
    await off();
    await chair.getByTestId("shortcuts-toggle").click();
    expect(await chair.getByTestId("single-key-shortcuts").isChecked()).toBe(false);
    await shot(chair, "a11y-keyboard-shortcuts-off-1366.png");

    // Back on: P pauses again.
    await chair.getByTestId("single-key-shortcuts").check();
    await fromQueueHeading();
    await chair.keyboard.press("p");
    await until(async () => (await liveState(app)).floor?.pausedAt != null).toBe(true);
    await run("钟玉", { type: "floor.end" });
  }, 120_000);

  it("reordering by keyboard (drag handle, Space, arrows) says names and places in Chinese and in English, never ids", async () => {
    for (const name of ["张伟", "王芳", "袁海霞"]) await run(name, { type: "queue.request" });
    await until(() => chair.getByTestId("queue-item").count()).toBe(3);
    expect(await queueNames()).toEqual(["张伟", "王芳", "袁海霞"]);
    const ids = await Promise.all(MEMBERS.map(idOf));
    const handle = async (name: string) => entrySelector(await idOf(name), "drag");
    // dnd-kit listens for the arrows only a task after the pick-up (its keyboard sensor attaches
    // them in a timeout): an arrow pressed at once on a loaded machine would go unheard, as a
    // person's never would. Wait until the handle says it is picked up, then a moment.
    const pickedUp = async (selector: string) => {
      await until(() => chair.locator(selector).getAttribute("aria-pressed")).toBe("true");
      await chair.waitForTimeout(200);
    };

    // The handle tells how (screenReaderInstructions), in Chinese.
    const instructions = await chair
      .locator(await handle("张伟"))
      .evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent);
    expect(instructions).toContain("按空格键或回车键拿起");

    await recordAnnouncements(chair);
    await fromQueueHeading();
    await tabTo(chair, await handle("张伟"));
    await chair.keyboard.press("Space");
    await until(() => said(chair, "已拿起 张伟，第 1 位，共 3 位")).toBe(1);
    await pickedUp(await handle("张伟"));
    await chair.keyboard.press("ArrowDown");
    await until(() => said(chair, "张伟 移到第 2 位，共 3 位")).toBe(1);
    await chair.keyboard.press("Space");
    await until(() => said(chair, "张伟 已放到第 2 位，共 3 位")).toBe(1);
    await until(queueNames).toEqual(["王芳", "张伟", "袁海霞"]);
    // The handle keeps the focus in its new place.
    await until(() => focused(chair)).toEqual({ on: "drag", entry: "张伟", action: "drag" });
    expect(await seriousViolations(chair, '[data-testid="queue"]')).toEqual([]);

    // Esc cancels: said, nothing moves.
    await chair.keyboard.press("Space");
    await until(() => said(chair, "已拿起 张伟，第 2 位，共 3 位")).toBe(1);
    await pickedUp(await handle("张伟"));
    await chair.keyboard.press("ArrowDown");
    await until(() => said(chair, "张伟 移到第 3 位，共 3 位")).toBe(1);
    await chair.keyboard.press("Escape");
    await until(() => said(chair, "已取消移动，张伟 仍在第 2 位")).toBe(1);
    expect(await queueNames()).toEqual(["王芳", "张伟", "袁海霞"]);

    // In English.
    await chair.getByRole("button", { name: "English" }).click();
    await until(() => textOf(chair, "speaker-name")).toBe("Nobody has the floor");
    const english = await chair
      .locator(await handle("袁海霞"))
      .evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent);
    expect(english).toContain("press Space or Enter to pick one up");
    await chair.locator(await handle("袁海霞")).focus();
    await chair.keyboard.press("Enter");
    await until(() => said(chair, "Picked up 袁海霞, position 3 of 3")).toBe(1);
    await pickedUp(await handle("袁海霞"));
    await chair.keyboard.press("ArrowUp");
    await until(() => said(chair, "袁海霞 moved to position 2 of 3")).toBe(1);
    await chair.keyboard.press("Enter");
    await until(() => said(chair, "袁海霞 dropped at position 2 of 3")).toBe(1);
    await until(queueNames).toEqual(["王芳", "袁海霞", "张伟"]);

    // Nothing said named an entry by its id, nor in dnd-kit's default English words.
    const all = (await announcements(chair)).map((a) => a.text);
    expect(all.filter((text) => ids.some((id) => text.includes(id)) || /draggable item/i.test(text))).toEqual([]);
    await chair.getByRole("button", { name: "中文" }).click();
  }, 120_000);
  it("a 撤回 that was refused leaves nothing behind: taken off the list by the chair later, the member hears 您已不在发言队列中", async () => {
    // 王芳's phone, its socket passing through the test: while `refuse` is set, her withdrawal
    // reaches the real server with a field no command has, and the server refuses it.
    let refuse = false;
    const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) =>
        server.send(refuse && typeof message === "string" ? message.replace('"type":"queue.withdraw"', '"type":"queue.withdraw","refused":true') : message),
      );
    });
    const wang = await context.newPage();
    await wang.goto(app.links.get("王芳")!);
    await wang.getByTestId("me").waitFor();
    if (!(await queueNames()).includes("王芳")) await run("王芳", { type: "queue.request" });
    await wang.getByTestId("withdraw").waitFor();
    await recordAnnouncements(wang);

    refuse = true;
    await wang.getByTestId("withdraw").click();
    await wang.getByTestId("error-notice").waitFor();
    refuse = false;
    expect(await queueNames()).toContain("王芳");
    expect(await wang.getByTestId("withdraw").count()).toBe(1);

    await run("钟玉", { type: "queue.remove", participantId: await idOf("王芳") });
    await until(() => said(wang, "您已不在发言队列中")).toBe(1);
    expect(await said(wang, "已撤回发言申请")).toBe(0);
    await context.close();
  }, 60_000);
});
