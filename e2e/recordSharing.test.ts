// End to end in a real Chromium: the record shared with members (会议记录向委员公开). A member on
// a phone (375 px) sees no 会议记录 tab while the record is the clerk's; the organisers tick the
// setting during the meeting and the tab appears at once with the clerk's earlier notes: the
// timeline, the summary and the suggestion with its department, read-only and without widening the
// page. A later summary reaches the member live; unticking takes the tab away again.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

let app: AppUnderTest;
let browser: Browser;
let member: Page;
let org: ApiClient;
let ids: Record<string, string>;
let speechId: string;

const live = () => liveState(app);
const submit = (actor: Actor, input: unknown) => submitTo(app, actor, input);
const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });
const share = async (recordShared: boolean) => expect((await org.patch(`/api/meetings/${app.meetingId}`, { recordShared })).status).toBe(200);

describe("the record shared with members, on a phone", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("区政协专题协商会（端到端测试：会议记录公开）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "李明", role: "member", sector: "科技界" },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    ids = Object.fromEntries((await live()).roster.map((p) => [p.name, p.id]));
    const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    member = await context.newPage();
    await member.goto(app.links.get("李明")!);
    await member.getByTestId("me").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("not shared: the clerk's notes stay off the member's screen", async () => {
    const chair = as("钟玉", "chair");
    const clerk = as("文书", "clerk");
    await submit(chair, { type: "meeting.open" });
    await submit(as("李明", "member"), { type: "queue.request" });
    await submit(chair, { type: "floor.give", participantId: ids["李明"]! });
    await submit(chair, { type: "floor.end" });
    speechId = (await live()).speeches[0]!.speechId;
    const entry = { kind: "speech", id: speechId };
    await submit(clerk, { type: "record.summarize", entry, text: "建议老旧小区加装电梯，资金多方分担", baseVersion: 0 });
    await submit(clerk, {
      type: "record.captureSuggestion",
      entry,
      suggestion: { title: "加装电梯财政补贴", text: "补贴三成", topic: "城市更新", department: "区住建委" },
    });
    expect(await member.getByTestId("member-tab-record").count()).toBe(0);
    expect(await member.content()).not.toContain("资金多方分担");
  }, 60_000);

  it("shared during the meeting: the 会议记录 tab shows the earlier notes read-only at 375 px, and new ones live", async () => {
    await share(true);
    await member.getByTestId("member-tab-record").click();
    const record = member.getByTestId("member-record");
    await record.waitFor();
    const row = record.locator(`[data-testid="tl-entry"][data-key="speech:${speechId}"]`);
    await until(() => row.count()).toBe(1);
    expect(await row.getByTestId("tl-summarized").count()).toBe(1);
    await row.click();
    await until(() => record.getByTestId("summary-text").textContent()).toBe("建议老旧小区加装电梯，资金多方分担");
    expect(await record.getByTestId("suggestion-title").textContent()).toBe("加装电梯财政补贴");
    expect(await record.getByTestId("suggestion-department").textContent()).toContain("区住建委");
    // Read-only: no editor, no buttons to add, edit or withdraw.
    for (const id of ["summary-editor", "suggestion-add", "suggestion-edit", "suggestion-withdraw", "decision-add"])
      expect(await record.getByTestId(id).count(), id).toBe(0);
    expect(await record.locator("textarea").count()).toBe(0);
    // Nothing wider than the phone.
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await member.screenshot({ path: path.join(SHOTS, "record-shared-member-375.png"), fullPage: true });

    // A secret poll closed but not published: in the shared record too, its result stays with the staff.
    const chair = as("钟玉", "chair");
    await submit(chair, {
      type: "poll.create",
      poll: { title: "关于加装电梯补贴方案的表决", form: "yesNoAbstain", secret: true, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }] },
    });
    const pollId = (await live()).polls[0]!.pollId;
    await submit(chair, { type: "poll.open", pollId });
    await submit(chair, { type: "poll.close", pollId });
    await record.locator(`[data-testid="tl-entry"][data-key="poll:${pollId}"]`).click();
    await until(() => record.getByTestId("entry-detail").textContent()).toContain("表决已结束，结果尚未公布");
    expect(await record.getByTestId("poll-result").count()).toBe(0);
    await row.click();

    // The clerk revises the summary: the member's screen follows.
    await submit(as("文书", "clerk"), {
      type: "record.summarize",
      entry: { kind: "speech", id: speechId },
      text: "建议加装电梯，财政补贴三成",
      baseVersion: 1,
    });
    await until(() => record.getByTestId("summary-text").textContent()).toBe("建议加装电梯，财政补贴三成");
  }, 60_000);

  it("unshared: the tab goes away and the notes with it", async () => {
    await share(false);
    await until(() => member.getByTestId("member-tab-record").count()).toBe(0);
    expect(await member.getByTestId("member-record").count()).toBe(0);
    expect(await member.content()).not.toContain("财政补贴三成");
  }, 60_000);
});
