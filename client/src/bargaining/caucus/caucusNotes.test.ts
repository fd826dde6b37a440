import { describe, expect, it } from "vitest";
import type { CaucusNote } from "@core/protocol.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { inCaucus, mergeNotes, NOTE_MAX_CHARS, sendable } from "./caucusNotes.ts";

const note = (noteId: string, at: number, side: CaucusNote["side"] = "worker"): CaucusNote => ({
  noteId,
  side,
  authorId: "p1",
  authorName: "王工会",
  text: `note ${noteId}`,
  at,
});
const person = (fields: Partial<RosterEntry>): RosterEntry => ({
  id: "p1",
  name: "王工会",
  role: "member",
  sector: null,
  party: null,
  unit: null,
  side: "worker",
  chief: false,
  household: null,
  ...fields,
});

describe("the caucus panel's notes", () => {
  it("merges history and live notes once each, oldest first, and only the panel's side", () => {
    const live = [note("b", 2_000), note("x", 1_500, "enterprise")];
    const history = [note("a", 1_000), note("b", 2_000)];
    expect(
      mergeNotes(
        live.filter((n) => n.side === "worker"),
        history,
        "worker",
      ).map((n) => n.noteId),
    ).toEqual(["a", "b"]);
    expect(mergeNotes([], live, "worker").map((n) => n.noteId)).toEqual(["b"]);
  });

  it("is shown to a side's members and a chief presiding as chair, never to the recorder, observers, officials or the display", () => {
    expect(inCaucus(person({}), "worker", false)).toBe(true);
    expect(inCaucus(person({ role: "chair", chief: true }), "worker", false)).toBe(true);
    expect(inCaucus(person({}), "enterprise", false)).toBe(false);
    for (const role of ["clerk", "observer", "official"] as const) expect(inCaucus(person({ role }), "worker", false)).toBe(false);
    expect(inCaucus(person({ side: null, role: "chair" }), "worker", false)).toBe(false);
    expect(inCaucus(person({}), "worker", true)).toBe(false);
  });

  it("sends the trimmed text of 1 to 2000 characters", () => {
    expect(sendable("  先谈最低工资  ")).toBe("先谈最低工资");
    expect(sendable("   ")).toBeNull();
    expect(sendable("字".repeat(NOTE_MAX_CHARS))).toHaveLength(NOTE_MAX_CHARS);
    expect(sendable("字".repeat(NOTE_MAX_CHARS + 1))).toBeNull();
  });
});
