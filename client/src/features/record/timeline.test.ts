import { describe, expect, it } from "vitest";
import type { Poll } from "@core/poll/schema.ts";
import type { MeetingState } from "@core/state.ts";
import type { AgendaEntry } from "@core/agenda/schema.ts";
import type { InterjectionRecord } from "@core/interjection/schema.ts";
import type { PlannedSpeech, WrittenSpeech } from "@core/plan/schema.ts";
import type { SpeechRecord } from "@core/floor/schema.ts";
import { clerkTimeline, recordTimeline, timelineEntry, type TimelineGroup } from "./timeline.ts";

const item = (id: string): AgendaEntry => ({ id, title: id, presenter: null, plannedMs: 60_000, actualMs: 0, startedAt: null });
const speech = (speechId: string, startedAt: number, agendaItemId: string | null): SpeechRecord => ({
  speechId,
  participantId: "p",
  kind: "impromptu",
  guestName: null,
  bookingId: null,
  startedAt,
  capMs: 1,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId,
  override: null,
  endedAt: startedAt + 1,
  durationMs: 1,
  overrunMs: 0,
  endedBy: "p",
});
const written = (writtenId: string, at: number, agendaItemId: string | null): WrittenSpeech => ({
  writtenId,
  participantId: "p",
  text: "文",
  at,
  agendaItemId,
  submittedBy: "p",
});
const planned = (bookingId: string, agendaItemId: string | null, kind: "booked" | "written" = "written"): PlannedSpeech => ({
  bookingId,
  participantId: "p",
  kind,
  agendaItemId,
  title: "",
  text: "",
});
const state = (over: Partial<Pick<MeetingState, "agenda" | "speeches" | "written" | "plan">>) => ({ agenda: [], speeches: [], written: [], plan: [], ...over });
const shape = (groups: ReturnType<typeof recordTimeline>) =>
  groups.map((g) => [
    g.itemId,
    g.entries.map((e) => (e.type === "speech" ? e.speech.speechId : e.type === "written" ? e.written.writtenId : e.planned.bookingId)),
  ]);

describe("recordTimeline", () => {
  it("is empty without speeches", () => {
    expect(recordTimeline(state({ agenda: [item("i1")], plan: [planned("w0", "i1")] }))).toEqual([]);
  });

  it("groups by agenda item in agenda order and sorts by time within, written speeches in their place", () => {
    const groups = recordTimeline(
      state({
        agenda: [item("i1"), item("i2")],
        speeches: [speech("s3", 300, "i1"), speech("s1", 100, "i2"), speech("s0", 50, null)],
        written: [written("w2", 200, "i1"), written("w4", 400, "i2")],
        plan: [planned("b1", "i1", "booked"), planned("pw", "i1"), planned("pw2", "i2")],
      }),
    );
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

describe("clerkTimeline", () => {
  const base = (over: Partial<Parameters<typeof clerkTimeline>[0]>): Parameters<typeof clerkTimeline>[0] => ({
    agenda: [],
    speeches: [],
    floor: null,
    written: [],
    plan: [],
    interjection: null,
    interjections: [],
    polls: [],
    attendanceLog: [],
    itemVisits: [],
    ...over,
  });
  const poll = (pollId: string, itemId: string | null, openedAt: number | null, status: Poll["status"]): Poll => ({
    pollId,
    itemId,
    createdBy: "c",
    definition: {} as Poll["definition"],
    options: [],
    status,
    openedAt,
    closesAt: null,
    closedAt: null,
    eligible: [],
    hands: null,
    result: null,
    proxies: [],
  });
  const interjection = (interjectionId: string, speechId: string, startedAt: number): InterjectionRecord => ({
    interjectionId,
    participantId: "o",
    speechId,
    point: null,
    startedAt,
    capMs: 1,
    resumesSpeech: true,
    outcome: null,
    endedAt: startedAt + 1,
    durationMs: 1,
    overrunMs: 0,
    endedBy: "o",
  });
  const keys = (groups: TimelineGroup[]) => groups.map((g) => [g.itemId, g.entries.map((e) => e.key)]);

  it("groups every kind of entry by item, by time, with interjections nested and the running speech last", () => {
    const groups = clerkTimeline(
      base({
        agenda: [item("i1"), item("i2")],
        itemVisits: [
          { itemId: "i1", at: 90 },
          { itemId: "i2", at: 500 },
        ],
        speeches: [speech("s1", 100, "i1"), { ...speech("p1", 300, "i1"), kind: "pointOfOrder" }],
        floor: { ...speech("s2", 600, "i2"), pausedAt: null },
        written: [written("w1", 200, "i1")],
        plan: [planned("pw", "i2")],
        interjections: [interjection("j1", "s1", 150)],
        interjection: { ...interjection("j2", "s2", 650) },
        polls: [poll("draft", "i1", null, "draft"), poll("v1", "i1", 400, "published")],
        attendanceLog: [
          { participantId: "a", status: "present", via: "online", at: 50 },
          { participantId: "b", status: "present", via: "online", at: 95 },
          { participantId: "b", status: "absent", via: null, at: 350 },
          { participantId: "c", status: "excused", via: null, at: 700 },
        ],
      }),
    );
    expect(keys(groups)).toEqual([
      [null, ["attendance:a:0"]],
      ["i1", ["item:i1:0", "attendance:b:1", "speech:s1", "written:w1", "speech:p1", "attendance:b:2", "poll:v1"]],
      ["i2", ["planned:pw", "item:i2:1", "speech:s2", "attendance:c:3"]],
    ]);
    const first = groups[1]!.entries.find((e) => e.key === "speech:s1")!;
    expect(first.type === "speech" && first.interjections.map((i) => i.interjectionId)).toEqual(["j1"]);
    const running = groups[2]!.entries.find((e) => e.key === "speech:s2")!;
    expect(running.type === "speech" && running.running && running.interjections.map((i) => i.interjectionId)).toEqual(["j2"]);
  });

  it("puts arrivals before the first item outside the agenda", () => {
    const groups = clerkTimeline(
      base({
        agenda: [item("i1")],
        itemVisits: [{ itemId: "i1", at: 80 }],
        speeches: [speech("s1", 100, "i1")],
        attendanceLog: [
          { participantId: "a", status: "present", via: "qr", at: 50 },
          { participantId: "b", status: "present", via: "clerk", at: 120 },
        ],
      }),
    );
    expect(keys(groups)).toEqual([
      [null, ["attendance:a:0"]],
      ["i1", ["item:i1:0", "speech:s1", "attendance:b:1"]],
    ]);
  });

  it("shows every coming and going, and an item returned to under each of its visits", () => {
    const groups = clerkTimeline(
      base({
        agenda: [item("i1"), item("i2")],
        itemVisits: [
          { itemId: "i1", at: 10 },
          { itemId: "i2", at: 100 },
          { itemId: "i1", at: 200 },
        ],
        attendanceLog: [
          { participantId: "a", status: "present", via: "online", at: 20 },
          { participantId: "a", status: "absent", via: null, at: 150 },
          { participantId: "a", status: "present", via: "online", at: 250 },
        ],
      }),
    );
    expect(keys(groups)).toEqual([
      ["i1", ["item:i1:0", "attendance:a:0", "item:i1:2", "attendance:a:2"]],
      ["i2", ["item:i2:1", "attendance:a:1"]],
    ]);
  });

  it("finds an entry by key", () => {
    const groups = clerkTimeline(base({ speeches: [speech("s1", 100, null)] }));
    expect(timelineEntry(groups, "speech:s1")?.entry.type).toBe("speech");
    expect(timelineEntry(groups, "speech:nope")).toBeNull();
  });
});
