// The compact snapshot (issue 17): what a member or the room display receives instead of the
// whole state. Expanded with the roster its tag names, it is the state the staff hold (less the
// time each attendance began), whatever changed the roster since a poll froze its list.
import { describe, expect, it } from "vitest";
import { compactState, expandState, rosterTag } from "./compactState.ts";
import type { MeetingEvent } from "./meeting.ts";
import type { MeetingState } from "./state.ts";
import type { RosterEntry } from "./config/schema.ts";
import { ev, givenExactly, pollDefinition, rosterEntry } from "../testing/core.ts";

const chair = rosterEntry({ participantId: "p-chair", role: "chair" });
const member = (i: number, fields: Partial<RosterEntry> = {}): RosterEntry =>
  rosterEntry({ participantId: `p-${String(i).padStart(4, "0")}`, role: "member" }, { name: `委员${i}`, ...fields });

/** What an attendee's screen holds: everything but when the attendance of those on the roster began. */
const sinceUnsent = (state: MeetingState): MeetingState => ({
  ...state,
  attendance: Object.fromEntries(Object.entries(state.attendance).map(([id, a]) => [id, state.roster.some((p) => p.id === id) ? { ...a, since: 0 } : a])),
});

const roundTrip = (state: MeetingState, withLog: boolean): MeetingState =>
  expandState(JSON.parse(JSON.stringify(compactState(state, withLog))), JSON.parse(JSON.stringify(state.roster)));

describe("compactState / expandState", () => {
  it("gives back the state: attendance, the log, asked and every poll's frozen list, also after the roster changed", () => {
    const households = [1, 2, 3, 4, 5, 6].map((i) => member(i, { household: `3号楼-${Math.ceil(i / 2)}`, weight: i }));
    const roster = [chair, ...households, member(7), member(8)];
    const events: MeetingEvent[] = [
      ev.rosterSet(roster),
      ev.opened(0),
      ev.arrived(["p-0001", "p-0002", "p-0004"], "online", 10),
      ev.arrived(["p-0007"], "qr", 15),
      ev.excused("p-0005", true, 20),
      ev.requested("p-0007", 30),
      ev.requested("p-0002", 31),
      ev.pollCreated("per-household", pollDefinition({ eligibility: { roles: ["member"], absentMayVote: false, side: null, perHousehold: true } })),
      ev.pollOpened("per-household", 40),
      ev.pollCreated("weighted", pollDefinition({ secret: false, weighted: true })),
      ev.pollOpened("weighted", 41),
      ev.pollCreated("plain", pollDefinition()),
      ev.pollOpened("plain", 42),
      ev.left(["p-0004"], 50),
      // After the openings: one member leaves the roster, one moves house; the frozen lists stay.
      ev.rosterSet([chair, ...households.slice(0, 2), { ...households[2]!, household: "5号楼-1" }, ...households.slice(3), member(8)]),
    ];
    const { state } = givenExactly(...events);
    expect(state.polls.map((p) => p.eligible.length)).toEqual([5, 8, 8]);
    // The household whose first member moved is no longer what the roster says: sent as it is.
    expect(compactState(state, false).polls[0]?.eligible).toContainEqual(state.polls[0]?.eligible[1]);
    expect(roundTrip(state, true)).toEqual(sinceUnsent(state));
    expect(roundTrip(state, false)).toEqual({ ...sinceUnsent(state), attendanceLog: [] });
  });

  it("stays small as the roster grows: 2,000 members all present, a poll open", () => {
    const roster = [chair, ...Array.from({ length: 2_000 }, (_, i) => member(i))];
    const ids = roster.slice(1).map((p) => p.id);
    const { state } = givenExactly(
      ev.rosterSet(roster),
      ev.opened(0),
      ...Array.from({ length: 20 }, (_, i) => ev.arrived(ids.slice(i * 100, i * 100 + 100), "online", 1_000 + i * 7)),
      ev.pollCreated("q1", pollDefinition()),
      ev.pollOpened("q1", 60_000),
    );
    const compact = JSON.stringify(compactState(state, false));
    expect(JSON.stringify(state).length).toBeGreaterThan(500_000);
    expect(compact.length).toBeLessThan(6_000);
    // The frozen list of 2,000 present units is one run.
    expect(compactState(state, false).polls[0]?.eligible).toEqual(["1-2000"]);
    expect(roundTrip(state, false)).toEqual({ ...sinceUnsent(state), attendanceLog: [] });
  });

  it("names the roster by its content", () => {
    const roster = [chair, member(1)];
    expect(rosterTag(roster)).toBe(rosterTag(JSON.parse(JSON.stringify(roster))));
    expect(rosterTag([chair, member(1, { name: "委员一" })])).not.toBe(rosterTag(roster));
  });
});
