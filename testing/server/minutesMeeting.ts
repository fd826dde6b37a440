// Integration-test fixture for the minutes: a short meeting run through the real room on a real
// SQLite file (two members present, one speech summarized by the clerk, a written speech, a
// decision, closed), with every participant's join token; and the text of a PDF extracted with
// pdfjs-dist, so the embedded CJK font is checked by machine, not by eye.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Role } from "../../core/roles.ts";
import { ApiClient } from "./api.ts";
import type { Harness } from "./harness.ts";
import { commandRunner, rosterHandles } from "./rosterHandles.ts";

export const MINUTES_TITLE = "区政协“老旧小区改造”专题协商会";
export const MINUTES_NUMBER = "区政协协商〔2026〕5号";
export const MINUTES_ITEM = "老旧小区加装电梯";
export const MINUTES_SUMMARY = "建议简化加装电梯审批，设立专项补贴资金。";
const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "张丽华", role: "member", sector: "经济界", party: "民建" },
  { key: "member2", name: "李明", role: "member", sector: "教育界" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "official", name: "刘建国", role: "official", unit: "区住房城乡建设委" },
] as const satisfies readonly { key: string; name: string; role: Role; sector?: string; party?: string; unit?: string }[];
export type MinutesPerson = (typeof ROSTER)[number]["key"];

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

export async function minutesMeeting(h: Harness) {
  let clock = Date.UTC(2026, 10, 25, 1, 0, 0);
  const t = await h.startServer({ now: () => clock });
  const { meeting, participants } = await t.server.meetings.create(
    MINUTES_TITLE,
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  await t.server.db.meeting.update({
    where: { id: meetingId },
    data: { number: MINUTES_NUMBER, place: "区政协三楼会议室", kind: "topic", startsAt: new Date(clock) },
  });
  const item = await t.server.agenda.append(meetingId, { title: MINUTES_ITEM, plannedMinutes: 30 });
  const { ids, tokens, actors } = await rosterHandles(t.server, meetingId, ROSTER, participants);
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, actors, (advanceMs = 60_000) => (clock += advanceMs));
  // A short meeting: two members present, the first speaks and the clerk summarizes; a written speech.
  await ok("clerk", { type: "attendance.arrive", participantIds: [ids.member1, ids.member2, ids.official], via: "clerk" });
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  await ok("member1", { type: "queue.request" });
  await ok("chair", { type: "floor.give", participantId: ids.member1 });
  await ok("chair", { type: "floor.end" }, 5 * 60_000);
  const speechId = room.current.speeches[0]!.speechId;
  await ok("clerk", { type: "record.summarize", entry: { kind: "speech", id: speechId }, text: MINUTES_SUMMARY, baseVersion: 0 });
  await ok("member2", { type: "speech.submitWritten", text: "建议统筹推进管线改造。" });
  await ok("clerk", {
    type: "record.addDecision",
    decision: { text: "由区住房城乡建设委牵头制定联合审批办法。", unit: "区住房城乡建设委", deadline: "2026-12-31" },
  });
  await ok("chair", { type: "meeting.close" });
  return { ...t, meetingId, room, ids, tokens, anon: new ApiClient(t.url), advance: (ms: number) => (clock += ms) };
}

export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  await pdf.destroy();
  // Lines wrap anywhere in Chinese: compare without the breaks.
  return text.replace(/\s+/g, "");
}
