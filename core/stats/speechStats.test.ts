import { describe, expect, it } from "vitest";
import { initialState, type MeetingState } from "../state.ts";
import type { InterjectionRecord } from "../interjection/schema.ts";
import type { SpeechRecord } from "../floor/schema.ts";
import { rosterEntry } from "../../testing/core.ts";
import { speechStats } from "./speechStats.ts";

const roster = [
  rosterEntry({ participantId: "a", role: "member" }, { name: "安", sector: "经济界", party: "民建" }),
  rosterEntry({ participantId: "b", role: "member" }, { name: "白", sector: "教育界", party: null }),
  rosterEntry({ participantId: "c", role: "member" }, { name: "陈", sector: "经济界", party: "民盟" }),
  rosterEntry({ participantId: "o", role: "official" }, { name: "欧", sector: null, party: null }),
];
const agenda = [
  { id: "i1", title: "议题一", presenter: null, plannedMs: 600_000, actualMs: 0, startedAt: null },
  { id: "i2", title: "议题二", presenter: null, plannedMs: 600_000, actualMs: 0, startedAt: null },
];

function speech(participantId: string, agendaItemId: string, durationMs: number, overrunMs = 0, kind: SpeechRecord["kind"] = "impromptu"): SpeechRecord {
  return {
    speechId: `${participantId}-${agendaItemId}-${durationMs}`,
    participantId,
    kind,
    guestName: null,
    bookingId: null,
    startedAt: 0,
    capMs: 300_000,
    extendedMs: 0,
    pausedAt: null,
    pausedMs: 0,
    agendaItemId,
    override: null,
    endedAt: durationMs,
    durationMs,
    overrunMs,
    endedBy: "chair",
  };
}

const base = (changes: Partial<MeetingState>): MeetingState => ({ ...initialState(), roster, agenda, ...changes });

describe("speechStats", () => {
  it("counts speeches and time per person, sector, party and item, with overruns", () => {
    const state = base({
      speeches: [
        speech("a", "i1", 480_000, 0, "booked"),
        speech("b", "i1", 330_000, 30_000),
        speech("a", "i2", 60_000),
        speech("c", "i2", 120_000, 0, "pointOfOrder"),
      ],
      asked: ["a", "b", "c"],
    });
    const stats = speechStats(state, 0);
    expect(stats.overall).toEqual({ speeches: 4, totalMs: 990_000, overruns: 1, written: 0, byKind: { booked: 1, impromptu: 2, pointOfOrder: 1 } });
    expect(stats.byPerson).toEqual([
      { key: "a", label: "安", speeches: 2, totalMs: 540_000, overruns: 0 },
      { key: "b", label: "白", speeches: 1, totalMs: 330_000, overruns: 1 },
      { key: "c", label: "陈", speeches: 1, totalMs: 120_000, overruns: 0 },
    ]);
    expect(stats.bySector).toEqual([
      { key: "经济界", label: "经济界", speeches: 3, totalMs: 660_000, overruns: 0 },
      { key: "教育界", label: "教育界", speeches: 1, totalMs: 330_000, overruns: 1 },
    ]);
    expect(stats.byParty.map((t) => [t.key, t.speeches, t.totalMs])).toEqual([
      ["民建", 2, 540_000],
      ["民盟", 1, 120_000],
    ]);
    expect(stats.byItem.map((t) => [t.label, t.speeches, t.totalMs])).toEqual([
      ["议题一", 2, 810_000],
      ["议题二", 2, 180_000],
    ]);
    expect(stats.neverSpoke).toEqual([]);
  });

  it("counts the running speech live, pauses excluded, and lists who asked but never had the floor", () => {
    const state = base({
      speeches: [speech("a", "i1", 100_000)],
      floor: { ...speech("b", "i1", 0), startedAt: 1_000, pausedMs: 10_000, pausedAt: null },
      asked: ["o", "a", "b", "c"],
      written: [{ writtenId: "w", participantId: "c", text: "书面意见", at: 5, agendaItemId: "i1", submittedBy: "c" }],
    });
    const stats = speechStats(state, 61_000);
    expect(stats.byPerson.find((t) => t.key === "b")).toEqual({ key: "b", label: "白", speeches: 1, totalMs: 50_000, overruns: 0 });
    expect(stats.overall.speeches).toBe(2);
    expect(stats.overall.written).toBe(1);
    expect(stats.neverSpoke).toEqual([
      { participantId: "o", label: "欧" },
      { participantId: "c", label: "陈" },
    ]);
  });

  it("counts interjections per person with their time, overruns against the cap and outcomes, the running one live", () => {
    const record = (
      interjectionId: string,
      participantId: string,
      startedAt: number,
      durationMs: number,
      outcome: InterjectionRecord["outcome"],
      overrunMs = 0,
    ): InterjectionRecord => ({
      interjectionId,
      participantId,
      speechId: "s",
      point: null,
      startedAt,
      capMs: 120_000,
      resumesSpeech: true,
      outcome,
      endedAt: startedAt + durationMs,
      durationMs,
      overrunMs,
      endedBy: "chair",
    });
    const state = base({
      speeches: [speech("a", "i1", 300_000)],
      interjections: [record("i1", "o", 0, 60_000, "adopt"), record("i2", "o", 100_000, 150_000, "study", 30_000), record("i3", "c", 300_000, 40_000, null)],
      interjection: {
        interjectionId: "i4",
        participantId: "b",
        speechId: "s",
        point: null,
        startedAt: 500_000,
        capMs: 120_000,
        resumesSpeech: false,
        outcome: "explain",
      },
    });
    const stats = speechStats(state, 525_000);
    expect(stats.interjections.overall).toEqual({ count: 4, totalMs: 275_000, byOutcome: { adopt: 1, study: 1, explain: 1, none: 1 } });
    expect(stats.interjections.byPerson).toEqual([
      { key: "o", label: "欧", speeches: 2, totalMs: 210_000, overruns: 1 },
      { key: "c", label: "陈", speeches: 1, totalMs: 40_000, overruns: 0 },
      { key: "b", label: "白", speeches: 1, totalMs: 25_000, overruns: 0 },
    ]);
    // Interjections are not speeches: the speech counts stay as they were.
    expect(stats.overall.speeches).toBe(1);
    expect(stats.byPerson.map((t) => t.key)).toEqual(["a"]);
  });

  it("has no interjections to count in a meeting without any", () => {
    expect(speechStats(base({}), 0).interjections).toEqual({
      overall: { count: 0, totalMs: 0, byOutcome: { adopt: 0, study: 0, explain: 0, none: 0 } },
      byPerson: [],
    });
  });

  it("names in-room guests by the name they were put in line with", () => {
    const state = base({
      queue: [{ participantId: "guest-1", requestedAt: 0, kind: "impromptu", guestName: "王师傅", bookingId: null }],
      speeches: [{ ...speech("guest-2", "i1", 90_000), guestName: "李阿姨" }],
      asked: ["guest-1", "guest-2"],
    });
    const stats = speechStats(state, 0);
    expect(stats.byPerson).toEqual([{ key: "guest-2", label: "李阿姨", speeches: 1, totalMs: 90_000, overruns: 0 }]);
    expect(stats.neverSpoke).toEqual([{ participantId: "guest-1", label: "王师傅" }]);
    expect(stats.bySector).toEqual([]);
  });
});
