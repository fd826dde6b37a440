// Integration-test fixture for the transcript's documents (verbatim record, minutes fallback,
// archive search): a meeting run through the real room on a real database. A member is named
// stenographer; the first speech is typed by her and the clerk, with an official's interjection
// in the middle and a line the clerk corrects afterwards; the second speech has only a machine
// draft (the system command the ASR pipeline sends); nobody writes a summary; the meeting closes.
import type { Role } from "../../core/roles.ts";
import { SYSTEM_ACTOR } from "../../core/roles.ts";
import { ApiClient } from "./api.ts";
import type { Harness } from "./harness.ts";
import { commandRunner, rosterHandles } from "./rosterHandles.ts";

export const TRANSCRIPT_TITLE = "区政协“老旧小区改造”专题协商会";
export const TRANSCRIPT_ITEM = "老旧小区加装电梯";
export const LINES = {
  first: "各位委员，我就老旧小区加装电梯谈三点意见。",
  /** Typed, then corrected by the clerk to `corrected`. */
  typo: "第二，审批流程要简化，一窗受理。",
  corrected: "第二，审批流程要简化，实行并联审批。",
  interjection: "审批时限已经压缩到二十个工作日。",
  after: "第三，补贴资金要公开透明。",
  machine: ["社区养老服务设施需要统筹规划", "建议增加日间照料中心"],
} as const;

const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "张丽华", role: "member", sector: "经济界", party: "民建" },
  { key: "member2", name: "李明", role: "member", sector: "教育界" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "official", name: "刘建国", role: "official", unit: "区住房城乡建设委" },
  { key: "steno", name: "王速记", role: "observer" },
] as const satisfies readonly { key: string; name: string; role: Role; sector?: string; party?: string; unit?: string }[];

export async function transcriptMeeting(h: Harness, options: { archiveDebounceMs?: number } = {}) {
  let clock = Date.UTC(2026, 10, 25, 1, 0, 0);
  const t = await h.startServer({ now: () => clock });
  if (options.archiveDebounceMs !== undefined) t.server.archive.debounceMs = options.archiveDebounceMs;
  const { meeting, participants } = await t.server.meetings.create(
    TRANSCRIPT_TITLE,
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  await t.server.db.meeting.update({ where: { id: meetingId }, data: { place: "区政协三楼会议室", kind: "topic", startsAt: new Date(clock) } });
  const item = await t.server.agenda.append(meetingId, { title: TRANSCRIPT_ITEM, plannedMinutes: 30 });
  const { ids, tokens, actors } = await rosterHandles(t.server, meetingId, ROSTER, participants);
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, actors, (advanceMs = 20_000) => (clock += advanceMs));
  const type = (who: "steno" | "clerk", entry: { kind: "speech" | "interjection"; id: string }, text: string) =>
    ok(who, { type: "transcript.append", entry, text });

  await ok("clerk", { type: "attendance.arrive", participantIds: [ids.member1, ids.member2, ids.official], via: "clerk" });
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  await ok("chair", { type: "stenography.assign", participantId: ids.steno });

  // Speech 1: typed by the stenographer and the clerk, an interjection in the middle.
  await ok("member1", { type: "queue.request" });
  await ok("chair", { type: "floor.give", participantId: ids.member1 });
  const first = { kind: "speech" as const, id: room.current.floor!.speechId };
  await type("steno", first, LINES.first);
  await type("clerk", first, LINES.typo);
  await ok("official", { type: "interjection.request", point: "关于审批时限" });
  await ok("chair", { type: "interjection.grant", requestId: room.current.interjectionRequests[0]!.requestId });
  const interjection = { kind: "interjection" as const, id: room.current.interjection!.interjectionId };
  await type("steno", interjection, LINES.interjection);
  await ok("chair", { type: "interjection.end" });
  await type("steno", first, LINES.after);
  await ok("chair", { type: "floor.end" });

  // Speech 2: nobody typed; the server's speech recognition drafted it after the speech.
  await ok("member2", { type: "queue.request" });
  await ok("chair", { type: "floor.give", participantId: ids.member2 });
  const second = { kind: "speech" as const, id: room.current.floor!.speechId };
  await ok("chair", { type: "floor.end" }, 3 * 60_000);
  const drafted = await room.submit(SYSTEM_ACTOR, {
    type: "transcript.draft",
    entry: second,
    engine: "http:whisper-1",
    lines: LINES.machine.map((text, i) => ({ text, startMs: i * 4000, endMs: i * 4000 + 3500 })),
  });
  if (!drafted.ok) throw new Error(`transcript.draft refused: ${drafted.error.code}`);

  // The clerk corrects the typo (version 1 → 2).
  const typo = room.current.transcript.find((l) => l.text === LINES.typo)!;
  await ok("clerk", { type: "transcript.correct", lineId: typo.id, text: LINES.corrected, baseVersion: 1 });
  await ok("chair", { type: "meeting.close" });
  return { ...t, meetingId, room, ids, tokens, ok, first, second, interjection, anon: new ApiClient(t.url) };
}
