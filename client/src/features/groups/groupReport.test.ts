import { describe, expect, it } from "vitest";
import type { Actor } from "@core/roles.ts";
import { given, people, play, suggestionFields, type Step } from "../../../../testing/core.ts";
import { draftOf, reportInput, reportPrefill, sameAsSaved, type ReportWording } from "./groupReport.ts";

const { chair, alice, bob, olga, clerk } = people;
const names = new Map<string, string>([
  [alice.participantId, "张丽"],
  [bob.participantId, "王芳"],
  [olga.participantId, "李局长"],
]);
const nameOf = (id: string) => names.get(id);
const words: ReportWording = { line: (name, text) => `${name}: ${text}`, suggestion: (title, text) => (text ? `${title} - ${text}` : title) };

/** A group's meeting as its convener (chair) and clerk run it: alice speaks, bob speaks, alice has the floor again. */
function groupRecord() {
  const say = (who: Actor, at: number): Step[] => [
    [{ type: "queue.request" }, who, at - 1_000],
    [{ type: "floor.give", participantId: who.participantId }, chair, at],
    [{ type: "floor.end" }, chair, at + 60_000],
  ];
  const { state } = play(given().state, [
    ...say(alice, 10_000),
    ...say(bob, 100_000),
    [{ type: "queue.request" }, alice, 199_000],
    [{ type: "floor.give", participantId: alice.participantId }, chair, 200_000],
  ]);
  const [first, second] = state.speeches;
  return play(state, [
    [{ type: "record.summarize", entry: { kind: "speech", id: second!.speechId }, text: "建议增加\n社区食堂", baseVersion: 0 }, clerk, 210_000],
    [{ type: "record.summarize", entry: { kind: "speech", id: first!.speechId }, text: "加快老旧小区改造", baseVersion: 0 }, clerk, 220_000],
    [
      {
        type: "record.captureSuggestion",
        entry: { kind: "speech", id: second!.speechId },
        suggestion: suggestionFields({ title: "社区食堂", text: "每个街道一处" }),
      },
      clerk,
      230_000,
    ],
    [
      { type: "record.captureSuggestion", entry: { kind: "speech", id: first!.speechId }, suggestion: suggestionFields({ title: "加装电梯", text: "" }) },
      clerk,
      240_000,
    ],
  ]).state;
}

describe("reportPrefill: the group's report drafted from its record", () => {
  it("the summaries in the record's order after their speakers' names, the suggestions with who raised them", () => {
    const draft = reportPrefill(groupRecord(), nameOf, words);
    // The running speech (alice again) has no summary yet: not in the draft. Line breaks of a summary join into one line.
    expect(draft.summary).toBe("张丽: 加快老旧小区改造\n王芳: 建议增加 社区食堂");
    expect(draft.suggestions).toEqual([
      { text: "社区食堂 - 每个街道一处", by: "王芳" },
      { text: "加装电梯", by: "张丽" },
    ]);
  });

  it("an empty record drafts an empty report", () => {
    expect(reportPrefill(given().state, nameOf, words)).toEqual({ summary: "", suggestions: [] });
  });

  it("someone not on the roster is named by nobody", () => {
    const draft = reportPrefill(groupRecord(), () => undefined, words);
    expect(draft.summary.split("\n")[0]).toBe("—: 加快老旧小区改造");
    expect(draft.suggestions.map((s) => s.by)).toEqual([null, null]);
  });
});

describe("what groups.report sends", () => {
  it("trimmed, blank suggestions dropped, a blank name as none; the saved report as a draft again", () => {
    const input = reportInput({
      summary: "  要点  ",
      suggestions: [
        { text: " 一 ", by: " 张丽 " },
        { text: "   ", by: "王芳" },
        { text: "二", by: "  " },
      ],
    });
    expect(input).toEqual({
      summary: "要点",
      suggestions: [
        { text: "一", by: "张丽" },
        { text: "二", by: null },
      ],
    });
    const saved = { ...input, version: 2, at: 5, byName: "周记" };
    expect(draftOf(saved)).toEqual(input);
    expect(
      sameAsSaved(
        {
          summary: "要点 ",
          suggestions: [
            { text: "一", by: "张丽" },
            { text: "二", by: "" },
          ],
        },
        saved,
      ),
    ).toBe(true);
    expect(sameAsSaved({ summary: "要点。", suggestions: input.suggestions }, saved)).toBe(false);
    expect(sameAsSaved(input, null)).toBe(false);
  });

  it("the group's report is a new version per save, in a group meeting only (the core's rule the editor relies on)", () => {
    const group = play(given({ type: "meeting.groupOfSet", groupOf: { plenaryId: "m-plenary", groupId: "g1", name: "一组" } }).state, [
      [{ type: "groups.report", report: reportInput({ summary: "一", suggestions: [] }) }, clerk, 1_000],
      [{ type: "groups.report", report: reportInput({ summary: "二", suggestions: [] }) }, chair, 2_000],
    ]).state;
    expect(group.groupReport).toMatchObject({ summary: "二", version: 2, at: 2_000 });
  });
});
