// What the plenary is told of a group meeting: its status, the speaker (by plenary roster id, or a
// name only), the speaker's clock (paused time, an extended cap) and how many have spoken.
import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "../meeting.ts";
import { ev, givenExactly, rosterEntry } from "../../testing/core.ts";
import { groupProgress, sameProgress } from "./progress.ts";
import type { GroupProgress, GroupSeat } from "./schema.ts";

// The group meeting's roster is its seats (s-…); the plenary's ids are p-….
const ROSTER = [
  rosterEntry({ participantId: "s-a", role: "chair" }, { name: "安然" }),
  rosterEntry({ participantId: "s-b", role: "member" }, { name: "白雪" }),
  rosterEntry({ participantId: "s-x", role: "member" }, { name: "许多" }),
  rosterEntry({ participantId: "s-chair", role: "observer" }, { name: "周主席" }),
];
const SEATS: GroupSeat[] = [
  { participantId: "p-a", seatId: "s-a", role: "chair" },
  { participantId: "p-b", seatId: "s-b", role: "member" },
  { participantId: "p-chair", seatId: "s-chair", role: "observer" },
];
const GROUP: MeetingEvent[] = [ev.rosterSet(ROSTER), { type: "meeting.kindSet", kind: "group" }];
const OPEN: MeetingEvent[] = [...GROUP, ev.opened(1_000)];
const speaking = (id: string, at: number, capMs = 300_000, guestName: string | null = null): MeetingEvent[] => [
  ev.requested(id, at, { guestName }),
  ev.started(id, { speechId: `sp-${id}`, at, capMs, guestName }),
];
const progress = (...events: MeetingEvent[]) => groupProgress(givenExactly(...events).state, SEATS);
const idle = (fields: Partial<GroupProgress> = {}): GroupProgress => ({
  status: "open",
  speakerId: null,
  speakerName: null,
  speechStartedAt: null,
  capMs: null,
  pausedMs: 0,
  pausedAt: null,
  speeches: 0,
  ...fields,
});

describe("groupProgress", () => {
  it.each<[string, MeetingEvent[], GroupProgress]>([
    ["a group meeting not opened yet", GROUP, idle({ status: "scheduled" })],
    ["open, nobody speaking", OPEN, idle()],
    [
      "a member speaking: their plenary id and their name",
      [...OPEN, ...speaking("s-b", 2_000)],
      idle({ speakerId: "p-b", speakerName: "白雪", speechStartedAt: 2_000, capMs: 300_000 }),
    ],
    [
      "the convener speaking",
      [...OPEN, ...speaking("s-a", 2_000, 120_000)],
      idle({ speakerId: "p-a", speakerName: "安然", speechStartedAt: 2_000, capMs: 120_000 }),
    ],
    [
      "a guest in the room: a name, no plenary id",
      [...OPEN, ...speaking("guest-1", 3_000, 300_000, "王师傅")],
      idle({ speakerName: "王师傅", speechStartedAt: 3_000, capMs: 300_000 }),
    ],
    [
      "someone on the group's roster with no plenary seat: the name only",
      [...OPEN, ...speaking("s-x", 3_000)],
      idle({ speakerName: "许多", speechStartedAt: 3_000, capMs: 300_000 }),
    ],
    [
      "paused: when the pause began",
      [...OPEN, ...speaking("s-b", 2_000), ev.paused("sp-s-b", 5_000)],
      idle({ speakerId: "p-b", speakerName: "白雪", speechStartedAt: 2_000, capMs: 300_000, pausedAt: 5_000 }),
    ],
    [
      "resumed: the time paused so far",
      [...OPEN, ...speaking("s-b", 2_000), ev.paused("sp-s-b", 5_000), ev.resumed("sp-s-b", 9_000)],
      idle({ speakerId: "p-b", speakerName: "白雪", speechStartedAt: 2_000, capMs: 300_000, pausedMs: 4_000 }),
    ],
    [
      "extended: the cap with the extensions",
      [...OPEN, ...speaking("s-b", 2_000), ev.extended("sp-s-b", 60_000), ev.extended("sp-s-b", 30_000)],
      idle({ speakerId: "p-b", speakerName: "白雪", speechStartedAt: 2_000, capMs: 390_000 }),
    ],
    [
      "a speech finished: counted, nobody speaking",
      [...OPEN, ...speaking("s-b", 2_000), ev.ended("s-b", { speechId: "sp-s-b", at: 62_000, durationMs: 60_000, overrunMs: 0, endedBy: "s-a" })],
      idle({ speeches: 1 }),
    ],
    [
      "the group meeting closed",
      [
        ...OPEN,
        ...speaking("s-b", 2_000),
        ev.ended("s-b", { speechId: "sp-s-b", at: 62_000, durationMs: 60_000, overrunMs: 0, endedBy: "s-a" }),
        ...speaking("s-a", 70_000),
        ev.ended("s-a", { speechId: "sp-s-a", at: 80_000, durationMs: 10_000, overrunMs: 0, endedBy: "s-a" }),
        ev.closed(90_000),
      ],
      idle({ status: "closed", speeches: 2 }),
    ],
  ])("%s", (_name, events, expected) => {
    expect(progress(...events)).toEqual(expected);
  });

  it("sameProgress: the relay sends only changes", () => {
    const now = progress(...OPEN, ...speaking("s-b", 2_000));
    expect(sameProgress(null, now)).toBe(false);
    expect(sameProgress({ ...now }, now)).toBe(true);
    expect(sameProgress({ ...now, pausedAt: 3_000 }, now)).toBe(false);
  });
});
