import { describe, expect, it } from "vitest";
import type { RecordNotes } from "@core/record/schema.ts";
import { decisionsOf, entryRefOf, inConflict, mergeTexts, othersEditing, othersEditingEntry, suggestionsOf } from "./notes.ts";

const suggestion = (suggestionId: string, id: string) => ({
  suggestionId,
  entry: { kind: "speech" as const, id },
  title: "t",
  text: "",
  topic: "",
  department: "",
  participantId: "p",
  itemId: null,
  capturedBy: "c",
  capturedAt: 1,
  version: 1,
  editedBy: "c",
  editedAt: 1,
});
const notes: RecordNotes = {
  summaries: {},
  suggestions: [suggestion("g1", "s1"), suggestion("g2", "s2"), suggestion("g3", "s1")],
  decisions: [
    { decisionId: "d1", itemId: "i1", text: "x", unit: "", deadline: "", version: 1, by: "c", at: 1 },
    { decisionId: "d2", itemId: null, text: "y", unit: "", deadline: "", version: 1, by: "c", at: 1 },
  ],
};

describe("notes", () => {
  it("reads an entry key", () => {
    expect(entryRefOf("speech:abc")).toEqual({ kind: "speech", id: "abc" });
    expect(entryRefOf("written:w:1")).toEqual({ kind: "written", id: "w:1" });
    expect(entryRefOf("poll:p1")).toBeNull();
  });

  it("finds the suggestions of an entry and the decisions of an item", () => {
    expect(suggestionsOf(notes, "speech:s1").map((s) => s.suggestionId)).toEqual(["g1", "g3"]);
    expect(decisionsOf(notes, "i1").map((d) => d.decisionId)).toEqual(["d1"]);
    expect(decisionsOf(notes, null).map((d) => d.decisionId)).toEqual(["d2"]);
  });

  it("tells who else edits an entry, never me, each person once", () => {
    const editors = [
      { participantId: "me", key: "speech:s1" },
      { participantId: "li", key: "speech:s1" },
      { participantId: "wang", key: "suggestion:g1" },
      { participantId: "zhao", key: "speech:s2" },
    ];
    expect(othersEditing(editors, "me", "speech:s1")).toEqual(["li"]);
    expect(othersEditingEntry(editors, "me", "speech:s1", ["g1", "g3"])).toEqual(["li", "wang"]);
  });

  it("merges two texts without repeating either", () => {
    expect(mergeTexts("甲", "乙")).toBe("甲\n乙");
    expect(mergeTexts("甲乙", "乙")).toBe("甲乙");
    expect(mergeTexts("甲", "甲乙")).toBe("甲乙");
    expect(mergeTexts("", "乙")).toBe("乙");
    expect(mergeTexts("一\n二", "二\n三")).toBe("一\n二\n三");
  });

  it("a draft conflicts once the saved version moved past its base", () => {
    expect(inConflict(undefined, 3)).toBe(false);
    expect(inConflict({ text: "a", base: 2 }, 2)).toBe(false);
    expect(inConflict({ text: "a", base: 2 }, 3)).toBe(true);
  });
});
