import { describe, expect, it } from "vitest";
import type { AgendaEntry, MeetingState, PlannedSpeech, SpeechRecord, WrittenSpeech } from "@core/state.ts";
import { recordTimeline } from "./timeline.ts";

const item = (id: string): AgendaEntry => ({ id, title: id, presenter: null, plannedMs: 60_000, actualMs: 0, startedAt: null });
const speech = (speechId: string, startedAt: number, agendaItemId: string | null): SpeechRecord => ({
  speechId, participantId: "p", kind: "impromptu", guestName: null, bookingId: null, startedAt, capMs: 1, extendedMs: 0, pausedAt: null,
  pausedMs: 0, agendaItemId, override: null, endedAt: startedAt + 1, durationMs: 1, overrunMs: 0, endedBy: "p",
});
const written = (writtenId: string, at: number, agendaItemId: string | null): WrittenSpeech => ({ writtenId, participantId: "p", text: "文", at, agendaItemId, submittedBy: "p" });
const planned = (bookingId: string, agendaItemId: string | null, kind: "booked" | "written" = "written"): PlannedSpeech => ({
  bookingId, participantId: "p", kind, agendaItemId, title: "", text: "",
});
const state = (over: Partial<Pick<MeetingState, "agenda" | "speeches" | "written" | "plan">>) => ({ agenda: [], speeches: [], written: [], plan: [], ...over });
const shape = (groups: ReturnType<typeof recordTimeline>) =>
  groups.map((g) => [g.itemId, g.entries.map((e) => (e.type === "speech" ? e.speech.speechId : e.type === "written" ? e.written.writtenId : e.planned.bookingId))]);

describe("recordTimeline", () => {
  it("is empty without speeches", () => {
    expect(recordTimeline(state({ agenda: [item("i1")], plan: [planned("w0", "i1")] }))).toEqual([]);
  });

  it("groups by agenda item in agenda order and sorts by time within, written speeches in their place", () => {
    const groups = recordTimeline(state({
      agenda: [item("i1"), item("i2")],
      speeches: [speech("s3", 300, "i1"), speech("s1", 100, "i2"), speech("s0", 50, null)],
      written: [written("w2", 200, "i1"), written("w4", 400, "i2")],
      plan: [planned("b1", "i1", "booked"), planned("pw", "i1"), planned("pw2", "i2")],
    }));
    expect(shape(groups)).toEqual([
      [null, ["s0"]],
      ["i1", ["pw", "w2", "s3"]],
      ["i2", ["pw2", "s1", "w4"]],
    ]);
  });

  it("puts entries of an unknown item with those outside the agenda", () => {
    expect(shape(recordTimeline(state({ agenda: [item("i1")], speeches: [speech("s", 1, "gone")] })))).toEqual([[null, ["s"]]]);
  });
});
