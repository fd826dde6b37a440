// End to end in a real Chromium: the clerk's record workspace (会议记录). A short meeting is run
// (a booked speech, an impromptu one with an official's interjection, a secret poll closed); the
// clerk's timeline shows it by agenda item with the interjection nested and the poll's result;
// the clerk summarizes both speeches (发言要点; the booked speech's submitted text beside it) and
// captures a suggestion with its department (承办单位). A second clerk, added by the organisers
// through the API, opens the same speech: each sees that the other is editing (正在编辑); both
// change the summary at once; the second saves first, so the first sees the newer text beside
// their own (nothing lost), merges and saves on top. After a reload the notes are still there.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import type { Command } from "../core/meeting.ts";
import { joinUrl } from "../server/src/links/urls.ts";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const ITEM = { id: "", title: "老旧小区改造中的加装电梯" };
const BOOKED_TEXT = "建议按楼层分摊加装电梯费用，低层住户适当减免，并由街道牵头协调。";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
/** 文书: the meeting's clerk. */
let clerk: Page;
/** 李记录员: the second clerk, added by the organisers during the meeting. */
let clerk2: Page;
let ids: Record<string, string>;
let org: ApiClient;
let speeches: { booked: string; impromptu: string; interjection: string };

const entry = (page: Page, key: string) => page.locator(`[data-testid="tl-entry"][data-key="${key}"]`);
const submit = (actor: Actor, command: Command) => submitTo(app, actor, command);
const live = () => liveState(app);
const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });

async function openRecord(page: Page) {
  await page.getByTestId("clerk-tab-record").click();
  await page.getByTestId("record-workspace").waitFor();
}

describe("the clerk's record workspace in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("区政协专题协商会（端到端测试：会议记录）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "王建国", role: "official", unit: "区住建委" },
    ]);
    browser = await launchChromium();
    // The organisers' agenda item with 袁海霞's booked speech and its submitted text, through their API.
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    ids = Object.fromEntries((await live()).roster.map((p) => [p.name, p.id]));
    const item = await org.post(`/api/meetings/${app.meetingId}/agenda`, { title: ITEM.title, plannedMinutes: 30 });
    expect(item.status).toBe(201);
    ITEM.id = item.body.item.id;
    const booked = await org.post(`/api/meetings/${app.meetingId}/plan`, {
      participantId: ids["袁海霞"],
      kind: "booked",
      agendaItemId: ITEM.id,
      title: "关于加装电梯资金分摊",
      text: BOOKED_TEXT,
    });
    expect(booked.status).toBe(201);
    chair = await openJoinLink(browser, app.links.get("钟玉")!);
    clerk = await openJoinLink(browser, app.links.get("文书")!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a short meeting: a booked speech, an impromptu one with an interjection, a secret poll closed", async () => {
    await openMeetingAsChair(chair);
    await until(async () => (await live()).status).toBe("open");
    const clerkActor = as("文书", "clerk");
    await submit(clerkActor, { type: "attendance.arrive", participantIds: [ids["袁海霞"]!, ids["李明"]!], via: "clerk" });
    const chairActor = as("钟玉", "chair");
    await submit(chairActor, { type: "floor.give", participantId: ids["袁海霞"]! });
    await submit(chairActor, { type: "floor.end" });
    await submit(as("李明", "member"), { type: "queue.request" });
    await submit(chairActor, { type: "floor.give", participantId: ids["李明"]! });
    const official = as("王建国", "official");
    await submit(official, { type: "interjection.request", point: "补贴标准" });
    await submit(chairActor, { type: "interjection.grant", requestId: (await live()).interjectionRequests[0]!.requestId });
    await submit(official, { type: "interjection.end" });
    await submit(chairActor, { type: "floor.end" });
    const state = await live();
    speeches = { booked: state.speeches[0]!.speechId, impromptu: state.speeches[1]!.speechId, interjection: state.interjections[0]!.interjectionId };
    expect(state.speeches.map((s) => s.kind)).toEqual(["booked", "impromptu"]);

    // The secret poll, from the chair's console.
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill("关于加装电梯补贴方案的表决");
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.getByTestId("poll-open").count()).toBe(1);
    await chair.getByTestId("poll-open").click();
    await until(() => chair.getByTestId("poll-close").count()).toBe(1);
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(async () => (await live()).polls[0]?.status).toBe("closed");
  }, 150_000);

  it("the clerk's timeline: by item, the interjection nested under its speech, the poll with its result, the arrivals", async () => {
    await openRecord(clerk);
    await until(() => clerk.getByTestId("tl-entry").count()).toBeGreaterThanOrEqual(6);
    // Those who joined before the item started are listed before it; then the item.
    expect(await clerk.getByTestId("tl-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")))).toEqual(["item:none", `item:${ITEM.id}`]);
    expect(await clerk.getByTestId("tl-item").nth(1).textContent()).toContain(`1. ${ITEM.title}`);
    const kinds = await clerk.getByTestId("tl-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    // Arrivals, the item's start, the two speeches (the interjection right under the second), the poll.
    expect(kinds.filter((k) => k !== "attendance" && k !== "item-start")).toEqual(["booked", "impromptu", "interjection", "poll"]);
    // The chair and the clerk joined online; the clerk marked the two members present in the room.
    const arrivals = (await clerk.locator('[data-testid="tl-entry"][data-kind="attendance"]').allTextContents()).map((s) => s.replace(/^\d\d:\d\d:\d\d/, ""));
    expect(arrivals.sort()).toEqual(["文书 到会（线上）", "李明 到会（登记）", "袁海霞 到会（登记）", "钟玉 到会（线上）"].sort());
    expect(await entry(clerk, `speech:${speeches.booked}`).textContent()).toMatch(/袁海霞\s*预约\s*经济界/);
    expect(await entry(clerk, `interjection:${speeches.interjection}`).textContent()).toMatch(/↳\s*王建国\s*插话/);
    expect(await entry(clerk, `poll:${(await live()).polls[0]!.pollId}`).textContent()).toMatch(/表决：关于加装电梯补贴方案的表决\s*已结束\s*(通过|未通过)/);
    // The poll's result in the detail, as the poll panel shows it.
    await entry(clerk, `poll:${(await live()).polls[0]!.pollId}`).click();
    await until(() => clerk.getByTestId("entry-detail").getByTestId("poll-result").count()).toBe(1);
  }, 150_000);

  it("the clerk summarizes both speeches (the booked text beside the editor) and captures a suggestion with its department", async () => {
    await entry(clerk, `speech:${speeches.booked}`).click();
    await until(() => textOf(clerk, "detail-speaker")).toMatch(/^袁海霞\s*预约\s*经济界$/);
    expect(await textOf(clerk, "detail-booked")).toContain(BOOKED_TEXT);
    await clerk.getByTestId("summary-input").fill("主张按楼层分摊费用，低层减免，街道牵头协调。");
    expect(await textOf(clerk, "summary-status")).toBe("有未保存的修改");
    await clerk.getByTestId("summary-save").click();
    await until(() => textOf(clerk, "summary-status")).toMatch(/^已保存 · 第 1 版 · 文书/);

    await entry(clerk, `speech:${speeches.impromptu}`).click();
    await until(() => textOf(clerk, "detail-speaker")).toMatch(/^李明\s*即席/);
    await clerk.getByTestId("summary-input").fill("提出加装电梯应简化审批流程。");
    await clerk.getByTestId("summary-save").click();
    await until(() => textOf(clerk, "summary-status")).toMatch(/^已保存 · 第 1 版/);

    await clerk.getByTestId("suggestion-add").click();
    await clerk.getByTestId("suggestion-title-input").fill("简化加装电梯审批");
    await clerk.getByTestId("suggestion-text-input").fill("实行联合审批，一次办结。");
    await clerk.getByTestId("suggestion-topic-input").fill("城市更新");
    await clerk.getByTestId("suggestion-department-input").fill("区住建委");
    await clerk.getByTestId("suggestion-save").click();
    await until(() => clerk.getByTestId("suggestion").count()).toBe(1);
    expect(await textOf(clerk, "suggestion")).toMatch(/简化加装电梯审批\s*城市更新\s*承办单位：区住建委\s*实行联合审批，一次办结。/);
    // The timeline marks both speeches.
    await until(() => entry(clerk, `speech:${speeches.impromptu}`).textContent()).toMatch(/已记要点\s*建议 1/);
    expect(await entry(clerk, `speech:${speeches.booked}`).textContent()).toContain("已记要点");
    await shot(clerk, "record-clerk-workspace-1366.png");
    const notes = (await live()).notes;
    expect(notes.suggestions.map((s) => [s.title, s.department, s.participantId])).toEqual([["简化加装电梯审批", "区住建委", ids["李明"]]]);
  }, 150_000);

  it("a second clerk added through the organisers' API: presence shown both ways, a concurrent edit is shown and merged", async () => {
    const added = await org.post(`/api/meetings/${app.meetingId}/participants`, { name: "李记录员", role: "clerk" });
    expect(added.status).toBe(201);
    const id: string = added.body.participant.id;
    ids["李记录员"] = id;
    const token = await app.server.tokens.issue({ participantId: id, meetingId: app.meetingId, role: "clerk" });
    clerk2 = await openJoinLink(browser, joinUrl(app.baseUrl, token));
    await openRecord(clerk2);
    const key = `speech:${speeches.impromptu}`;
    await entry(clerk2, key).click();
    await until(() => clerk2.getByTestId("summary-input").inputValue()).toBe("提出加装电梯应简化审批流程。");

    // 文书 puts the cursor in the summary: 李记录员 sees it beside the entry and in the editor.
    await clerk.getByTestId("summary-input").focus();
    await until(() => textOf(clerk2, "summary-editor")).toContain("文书 正在编辑");
    await until(async () => (await entry(clerk2, key).textContent()) ?? "").toContain("文书");
    // And the other way round.
    await clerk2.getByTestId("summary-input").focus();
    await until(() => clerk.getByTestId("summary-editor").getByTestId("editing-note").textContent()).toContain("李记录员 正在编辑");

    await until(async () => (await entry(clerk, key).textContent()) ?? "").toContain("李记录员");
    await shot(clerk, "record-clerk-presence-1366.png");
    // Both change the text at once; 李记录员 saves first.
    await clerk.getByTestId("summary-input").fill("提出加装电梯应简化审批流程，推行联合审批。");
    await clerk2.getByTestId("summary-input").fill("提出加装电梯应简化审批流程。王建国（区住建委）回应：将研究补贴标准。");
    await clerk2.getByTestId("summary-save").click();
    await until(() => textOf(clerk2, "summary-status")).toMatch(/^已保存 · 第 2 版 · 李记录员/);

    // 文书's text is kept; 李记录员's newer version is shown beside it.
    await until(() => clerk.getByTestId("summary-conflict").count()).toBe(1);
    expect(await textOf(clerk, "summary-conflict")).toContain("李记录员");
    expect(await textOf(clerk, "summary-theirs")).toBe("提出加装电梯应简化审批流程。王建国（区住建委）回应：将研究补贴标准。");
    expect(await clerk.getByTestId("summary-input").inputValue()).toBe("提出加装电梯应简化审批流程，推行联合审批。");
    expect(await textOf(clerk, "summary-save")).toBe("保存合并后的内容");
    await shot(clerk, "record-clerk-conflict-1366.png");

    await clerk.getByTestId("summary-merge").click();
    const merged = "提出加装电梯应简化审批流程。王建国（区住建委）回应：将研究补贴标准。\n提出加装电梯应简化审批流程，推行联合审批。";
    expect(await clerk.getByTestId("summary-input").inputValue()).toBe(merged);
    // The clerk tidies the merge by hand, then saves on top of version 2.
    const tidy = "提出加装电梯应简化审批流程，推行联合审批。王建国（区住建委）回应：将研究补贴标准。";
    await clerk.getByTestId("summary-input").fill(tidy);
    await clerk.getByTestId("summary-save").click();
    await until(() => textOf(clerk, "summary-status")).toMatch(/^已保存 · 第 3 版 · 文书/);
    expect(await clerk.getByTestId("summary-conflict").count()).toBe(0);
    // 李记录员 (nothing unsaved) follows to the merged text.
    await until(() => clerk2.getByTestId("summary-input").inputValue()).toBe(tidy);
    expect((await live()).notes.summaries[key]).toMatchObject({ text: tidy, version: 3, by: ids["文书"] });
    await clerk2.getByTestId("summary-input").blur();
    await until(() => clerk.getByTestId("summary-editor").getByTestId("editing-note").count()).toBe(0);
    await shot(clerk2, "record-clerk2-merged-1366.png");
  }, 150_000);

  it("after a reload the notes are still there; the chair's speech table shows the summaries", async () => {
    await clerk.reload();
    await clerk.getByTestId("me").waitFor();
    await openRecord(clerk);
    await entry(clerk, `speech:${speeches.impromptu}`).click();
    await until(() => clerk.getByTestId("summary-input").inputValue()).toBe(
      "提出加装电梯应简化审批流程，推行联合审批。王建国（区住建委）回应：将研究补贴标准。",
    );
    expect(await textOf(clerk, "suggestion")).toContain("简化加装电梯审批");
    expect(await textOf(clerk, "summary-status")).toMatch(/^已保存 · 第 3 版 · 文书/);
    await entry(clerk, `speech:${speeches.booked}`).click();
    await until(() => clerk.getByTestId("summary-input").inputValue()).toBe("主张按楼层分摊费用，低层减免，街道牵头协调。");
    // 议定事项 of the item: added from the item's heading.
    await clerk.locator(`[data-testid="tl-item"][data-key="item:${ITEM.id}"]`).click();
    await clerk.getByTestId("decision-add").click();
    await clerk.getByTestId("decision-text-input").fill("由区住建委牵头制定加装电梯联合审批办法");
    await clerk.getByTestId("decision-unit-input").fill("区住建委");
    await clerk.getByTestId("decision-deadline-input").fill("2027-03-31");
    await clerk.getByTestId("decision-save").click();
    await until(() => textOf(clerk, "decision")).toMatch(/由区住建委牵头制定加装电梯联合审批办法\s*责任单位：区住建委 · 完成时限：2027-03-31/);
    await shot(clerk, "record-clerk-decisions-1366.png");
    await until(() => chair.getByTestId("record-summary").count()).toBe(2);
    // The chair's page does not scroll sideways with the speech table in its side column.
    expect(await chair.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await chair.getByTestId("speech-record").scrollIntoViewIfNeeded();
    await chair.getByTestId("speech-record").screenshot({ path: path.join(SHOTS, "record-chair-speech-table.png") });
  }, 150_000);

  it("主持人总结: the chair writes the item's on the console, the clerk the meeting's at the end of the timeline; the minutes give each its own paragraph", async () => {
    const ITEM_CLOSING = "加装电梯要统筹推进，请区住建委抓好落实。";
    const MEETING_CLOSING = "各位委员的意见建议很有针对性，会后将梳理交办。";
    await chair.getByTestId("chair-closing-toggle").click();
    const chairItem = chair.getByTestId("chair-closing").getByTestId("summary-editor").first();
    await until(() => chairItem.locator("label").first().textContent()).toBe(`本议题：${ITEM.title}`);
    await chairItem.getByTestId("summary-input").fill(ITEM_CLOSING);
    await chairItem.getByTestId("summary-save").click();
    await until(async () => (await live()).notes.summaries[`closing:${ITEM.id}`]?.text).toBe(ITEM_CLOSING);
    // The clerk sees it on the item, below its briefing and decisions, labelled 主持人总结.
    await clerk.locator(`[data-testid="tl-item"][data-key="item:${ITEM.id}"]`).click();
    const clerkItem = clerk.getByTestId("entry-detail").getByTestId("summary-editor").last();
    expect(await clerkItem.locator("h3").textContent()).toBe("主持人总结");
    await until(() => clerkItem.getByTestId("summary-input").inputValue()).toBe(ITEM_CLOSING);
    // The meeting's closing remarks, at the end of the timeline.
    await clerk.getByTestId("tl-closing").click();
    const clerkMeeting = clerk.getByTestId("entry-detail").getByTestId("summary-editor");
    await clerkMeeting.getByTestId("summary-input").fill(MEETING_CLOSING);
    await clerkMeeting.getByTestId("summary-save").click();
    await until(async () => (await live()).notes.summaries["closing:meeting"]?.text).toBe(MEETING_CLOSING);
    await shot(clerk, "record-clerk-closing-1366.png");
    const draft = await org.get(`/api/meetings/${app.meetingId}/minutes/draft.md`);
    expect(draft.status).toBe(200);
    const md = draft.bytes.toString("utf8");
    expect(md).toContain(`**主持人总结**：${ITEM_CLOSING}`);
    expect(md).toMatch(new RegExp(`## [一二三四五六七八九十]+、主持人总结\n\n主持人钟玉作总结讲话。总结要点：${MEETING_CLOSING}`));
    expect(md).not.toContain("钟玉作情况通报");
  }, 150_000);
});
