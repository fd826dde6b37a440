import { describe, expect, it } from "vitest";
import type { MeetingState } from "@core/state.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { DEFAULT_ORDERING } from "@core/plan/schema.ts";
import type { QueueEntry, SpeechKind } from "@core/queue/schema.ts";
import type { Speech } from "@core/floor/schema.ts";
import { placeInLine, speakerName, upcomingSpeakers, usedShare } from "./speakingPlan.ts";

const person = (id: string, sector: string | null = null, party: string | null = null): RosterEntry => ({
  id,
  name: `名${id}`,
  role: "member",
  sector,
  party,
  unit: null,
  side: null,
  chief: false,
  household: null,
});
const entry = (participantId: string, kind: SpeechKind = "impromptu", at = 0): QueueEntry => ({
  participantId,
  requestedAt: at,
  kind,
  guestName: null,
  bookingId: kind === "booked" ? `b-${participantId}` : null,
});
const speech = (participantId: string, over: Partial<Speech> = {}): Speech => ({
  speechId: `s-${participantId}`,
  participantId,
  kind: "impromptu",
  guestName: null,
  bookingId: null,
  startedAt: 0,
  capMs: 60_000,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId: "i1",
  override: null,
  ...over,
});

type Ctx = Pick<MeetingState, "queue" | "roster" | "speeches" | "ordering" | "currentItemId" | "floor">;
const ctx = (over: Partial<Ctx>): Ctx => ({ queue: [], roster: [], speeches: [], ordering: DEFAULT_ORDERING, currentItemId: "i1", floor: null, ...over });
const ids = (entries: QueueEntry[]) => entries.map((e) => e.participantId);

describe("upcomingSpeakers", () => {
  it("is empty for an empty queue", () => {
    expect(upcomingSpeakers(ctx({}))).toEqual([]);
  });

  it("puts a point of order first, then booked speeches in their planned order, then impromptu ones", () => {
    const roster = ["a", "b", "c", "d"].map((id) => person(id));
    // As the queue holds them: the point of order at the top, an impromptu request before the booked ones (moved by the chair).
    const queue = [entry("d", "pointOfOrder"), entry("c", "impromptu"), entry("a", "booked"), entry("b", "booked")];
    expect(ids(upcomingSpeakers(ctx({ queue, roster })))).toEqual(["d", "a", "b", "c"]);
  });

  it("honours the limit", () => {
    const queue = [entry("a"), entry("b"), entry("c"), entry("d")];
    expect(ids(upcomingSpeakers(ctx({ queue, roster: queue.map((e) => person(e.participantId)) }), 3))).toEqual(["a", "b", "c"]);
  });

  it("balances sectors against the speaker on the floor and against each imagined speaker", () => {
    const roster = [person("now", "工"), person("a", "工"), person("b", "工"), person("c", "农"), person("d", "农")];
    const queue = [entry("a"), entry("b"), entry("c"), entry("d")];
    // 工 speaks now → 农 (c) → 工 (a) → 农 (d) → 工 (b)
    expect(ids(upcomingSpeakers(ctx({ queue, roster, floor: speech("now") })))).toEqual(["c", "a", "d", "b"]);
  });

  it("gives each party its slot once", () => {
    const roster = [person("a"), person("b", null, "民盟"), person("c", null, "民盟"), person("d", null, "民进")];
    const queue = [entry("a"), entry("b"), entry("c"), entry("d")];
    expect(ids(upcomingSpeakers(ctx({ queue, roster })))).toEqual(["b", "d", "a", "c"]);
  });

  it("is queue order when every rule is off", () => {
    const ordering = { bookedFirst: false, partyFirst: false, sectorBalance: false, notYetSpoken: "off" as const, sectorFirst: false };
    const queue = [entry("c", "impromptu"), entry("a", "booked")];
    expect(ids(upcomingSpeakers(ctx({ queue, ordering, roster: [person("a"), person("c")] })))).toEqual(["c", "a"]);
  });
});

describe("placeInLine", () => {
  it("is the 1-based place in the suggested order, 0 when not waiting", () => {
    const queue = [entry("c", "impromptu"), entry("a", "booked")];
    const state = ctx({ queue, roster: [person("a"), person("c")] });
    expect(placeInLine(state, "a")).toBe(1);
    expect(placeInLine(state, "c")).toBe(2);
    expect(placeInLine(state, "x")).toBe(0);
  });
});

describe("speakerName", () => {
  it("names a guest by the name given, a roster person by the meeting's name for them", () => {
    const lookup = (id: string) => (id === "a" ? person("a").name : undefined);
    expect(speakerName({ participantId: "guest-1", guestName: "王来宾" }, lookup)).toBe("王来宾");
    expect(speakerName({ participantId: "a", guestName: null }, lookup)).toBe("名a");
    expect(speakerName({ participantId: "x", guestName: null }, lookup)).toBe("—");
  });
});

describe("usedShare", () => {
  it("counts extensions and freezes while paused", () => {
    expect(usedShare(speech("a", { capMs: 60_000 }), 30_000)).toBeCloseTo(0.5);
    expect(usedShare(speech("a", { capMs: 60_000, extendedMs: 60_000 }), 30_000)).toBeCloseTo(0.25);
    const paused = speech("a", { capMs: 60_000, pausedAt: 15_000 });
    expect(usedShare(paused, 15_000)).toBeCloseTo(0.25);
    expect(usedShare(paused, 45_000)).toBeCloseTo(0.25);
    expect(usedShare(speech("a", { capMs: 60_000 }), 90_000)).toBe(1);
  });
});
