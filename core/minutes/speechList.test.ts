// The speech list (发言清单) of a meeting driven through decide and evolve like the room does:
// rows in the order things happened, interjections right after the speech they answered, written
// speeches in their place, the clerk's summary and the suggestion titles on the right rows.
import { describe, expect, it } from "vitest";
import { parseCommand } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import { agendaItem, ev, given, people, play, rosterEntry, suggestionFields, type Step } from "../../testing/core.ts";
import { SPEECH_LIST_HEADERS, speechList, speechListCells } from "./speechList.ts";

/** 09:00 China Standard Time. */
const T0 = Date.UTC(2026, 10, 25, 1, 0, 0);
const at = (m: number, s = 0) => T0 + m * 60_000 + s * 1000;
const { chair, alice, bob, carol, olga, clerk } = people;

const ROSTER = [
  rosterEntry(chair, { name: "沈国帅" }),
  rosterEntry(alice, { name: "张丽华", sector: "经济界", party: "民建", unit: "某公司 董事长" }),
  rosterEntry(bob, { name: "李明", sector: "教育界" }),
  rosterEntry(carol, { name: "王晓燕", sector: "科技界", party: "九三学社" }),
  rosterEntry(olga, { name: "刘建国", unit: "区住房城乡建设委" }),
  rosterEntry(clerk, { name: "姜建博" }),
];

const step = (command: unknown, actor: Actor, now: number): Step => {
  const parsed = parseCommand(command);
  if (!parsed.ok) throw new Error(`invalid ${JSON.stringify(command)}`);
  return [parsed.value, actor, now];
};

function meeting(): MeetingState {
  const start = given(ev.rosterSet(ROSTER), ev.agendaSet([agendaItem("a1", 3_600_000, "老旧小区加装电梯")]), ev.itemStarted("a1", T0)).state;
  const first = play(start, [
    step({ type: "speech.submitWritten", text: "建议统筹推进管线改造。" }, carol, at(1)),
    step({ type: "queue.request" }, alice, at(1, 30)),
    step({ type: "floor.give", participantId: alice.participantId }, chair, at(2)),
    step({ type: "interjection.request", point: "审批时限" }, olga, at(3)),
  ]).state;
  const requestId = first.interjectionRequests[0]!.requestId;
  const second = play(first, [step({ type: "interjection.grant", requestId }, chair, at(3)), step({ type: "interjection.end" }, olga, at(4, 30))]).state;
  const ij = second.interjections[0]!.interjectionId;
  const speechId = second.floor!.speechId;
  const third = play(second, [
    step({ type: "interjection.setOutcome", interjectionId: ij, outcome: "adopt" }, chair, at(4, 40)),
    step({ type: "floor.end" }, chair, at(6)),
    step({ type: "queue.request" }, bob, at(6, 10)),
    step({ type: "floor.give", participantId: bob.participantId }, chair, at(7)),
    step({ type: "speech.submitWritten", text: '=HYPERLINK("x")', participantId: carol.participantId }, clerk, at(8)),
    step({ type: "floor.end" }, chair, at(13, 5)),
    step({ type: "record.summarize", entry: { kind: "speech", id: speechId }, text: "  建议简化加装电梯审批。 ", baseVersion: 0 }, clerk, at(13, 10)),
    step({ type: "record.captureSuggestion", entry: { kind: "speech", id: speechId }, suggestion: suggestionFields({ title: "简化审批" }) }, clerk, at(13, 11)),
    step(
      { type: "record.captureSuggestion", entry: { kind: "speech", id: speechId }, suggestion: suggestionFields({ title: "设立专项补贴" }) },
      clerk,
      at(13, 12),
    ),
    step({ type: "record.summarize", entry: { kind: "interjection", id: ij }, text: "将压缩审批时限。", baseVersion: 0 }, clerk, at(13, 13)),
    step({ type: "queue.request" }, carol, at(13, 20)),
    step({ type: "floor.give", participantId: carol.participantId }, chair, at(14)),
  ]).state;
  const written = third.written[0]!.writtenId;
  return play(third, [
    step({ type: "record.captureSuggestion", entry: { kind: "written", id: written }, suggestion: suggestionFields({ title: "管线改造" }) }, clerk, at(14, 5)),
  ]).state;
}

describe("speechList", () => {
  it("lists speeches in order with their interjections right after them and written speeches in their place", () => {
    const state = meeting();
    const rows = speechList(state, at(15, 10));
    expect(rows.map((r) => [r.order, r.speaker, r.kind])).toEqual([
      [1, "王晓燕", "书面发言"],
      [2, "张丽华", "即席发言"],
      [3, "刘建国", "插话"],
      [4, "李明", "即席发言"],
      [5, "王晓燕", "书面发言"],
      [6, "王晓燕", "即席发言"],
    ]);
    expect(SPEECH_LIST_HEADERS).toHaveLength(speechListCells(rows[0]!).length);
    expect(rows.map(speechListCells)).toEqual([
      [1, "老旧小区加装电梯", "王晓燕", "科技界", "九三学社", "", "书面发言", "09:01", "", "", "", "", "", "管线改造", ""],
      // The interjection paused the speech's clock: 4 minutes on the floor, 2:30 spoken.
      [
        2,
        "老旧小区加装电梯",
        "张丽华",
        "经济界",
        "民建",
        "某公司 董事长",
        "即席发言",
        "09:02",
        "09:06",
        "2:30",
        150,
        0,
        "建议简化加装电梯审批。",
        "简化审批；设立专项补贴",
        "",
      ],
      [3, "老旧小区加装电梯", "刘建国", "", "", "区住房城乡建设委", "插话", "09:03", "09:04", "1:30", 90, 0, "将压缩审批时限。", "", "采纳（审批时限）"],
      [4, "老旧小区加装电梯", "李明", "教育界", "", "", "即席发言", "09:07", "09:13", "6:05", 365, 65, "", "", ""],
      // Handed in by the clerk during 李明's speech: after it. Cells are raw here (the files neutralise formulas).
      [5, "老旧小区加装电梯", "王晓燕", "科技界", "九三学社", "", "书面发言", "09:08", "", "", "", "", "", "", ""],
      // Running: 发言中, its time so far, no overrun yet.
      [6, "老旧小区加装电梯", "王晓燕", "科技界", "九三学社", "", "即席发言", "09:14", "发言中", "1:10", 70, "", "", "", ""],
    ]);
    expect(rows[0]!.entry).toEqual({ kind: "written", id: state.written[0]!.writtenId });
    expect(rows[2]!.entry).toEqual({ kind: "interjection", id: state.interjections[0]!.interjectionId });
  });

  it("leaves a running speech's duration blank without a clock, and marks a running interjection 发言中 and 未标注", () => {
    const start = given(ev.rosterSet(ROSTER)).state;
    const speaking = play(start, [
      step({ type: "queue.request" }, alice, at(0)),
      step({ type: "floor.give", participantId: alice.participantId }, chair, at(1)),
      step({ type: "interjection.request" }, olga, at(2)),
    ]).state;
    const state = play(speaking, [step({ type: "interjection.grant", requestId: speaking.interjectionRequests[0]!.requestId }, chair, at(2))]).state;
    expect(speechList(state).map(speechListCells)).toEqual([
      [1, "", "张丽华", "经济界", "民建", "某公司 董事长", "即席发言", "09:01", "发言中", "", "", "", "", "", ""],
      [2, "", "刘建国", "", "", "区住房城乡建设委", "插话", "09:02", "发言中", "", "", "", "", "", "未标注"],
    ]);
    // With the clock: the speech is paused while the interjection runs.
    expect(speechList(state, at(3)).map((r) => [r.duration, r.durationSeconds])).toEqual([
      ["1:00", 60],
      ["1:00", 60],
    ]);
  });
});
