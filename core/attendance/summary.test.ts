import { describe, expect, it } from "vitest";
import { ROLES, rosterEntry, ev, given, people } from "../../testing/core.ts";
import type { QuorumRule } from "./schema.ts";
import { attendanceSummary, quorumNeeded } from "./summary.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;

describe("quorumNeeded", () => {
  it.each<[QuorumRule, number, number | null]>([
    ["majority", 0, 1],
    ["majority", 1, 1],
    ["majority", 2, 2],
    ["majority", 3, 2],
    ["majority", 4, 3],
    ["majority", 5, 3],
    ["majority", 10, 6],
    ["majority", 99, 50],
    ["majority", 100, 51],
    ["twoThirds", 0, 0],
    ["twoThirds", 1, 1],
    ["twoThirds", 2, 2],
    ["twoThirds", 3, 2],
    ["twoThirds", 4, 3],
    ["twoThirds", 5, 4],
    ["twoThirds", 6, 4],
    ["twoThirds", 7, 5],
    ["twoThirds", 30, 20],
    ["twoThirds", 31, 21],
    ["twoThirds", 100, 67],
    ["none", 0, null],
    ["none", 35, null],
  ])("%s of %i → %s", (rule, expected, needed) => {
    expect(quorumNeeded(rule, expected)).toBe(needed);
  });

  // Restated from the definitions: the smallest count that is more than half / at least two thirds.
  const smallest = (ok: (k: number) => boolean) => {
    let k = 0;
    while (!ok(k)) k++;
    return k;
  };
  it("majority is the smallest count more than half, for 0 to 500 members", () => {
    for (let n = 0; n <= 500; n++) expect(quorumNeeded("majority", n), `n=${n}`).toBe(smallest((k) => 2 * k > n));
  });
  it("two thirds is the smallest count of at least two thirds, for 0 to 500 members", () => {
    for (let n = 0; n <= 500; n++) expect(quorumNeeded("twoThirds", n), `n=${n}`).toBe(smallest((k) => 3 * k >= 2 * n));
  });
});

describe("attendanceSummary", () => {
  it("counts only role member towards 应到, 实到 and 请假", () => {
    const everyoneElse = [chair, olga, clerk, observer].map((p) => p.participantId);
    const state = given(ev.arrived(everyoneElse, "online"), ev.arrived([A], "qr"), ev.excused(B)).state;
    expect(attendanceSummary(state)).toEqual({ expected: 3, present: 1, excused: 1, needed: 2, quorate: false });
  });

  it("is quorate from the needed count on, not one below", () => {
    expect(attendanceSummary(given(ev.arrived([A])).state)).toMatchObject({ present: 1, needed: 2, quorate: false });
    expect(attendanceSummary(given(ev.arrived([A, C])).state)).toMatchObject({ present: 2, needed: 2, quorate: true });
    expect(attendanceSummary(given(ev.arrived([A, C]), ev.left([C])).state)).toMatchObject({ present: 1, quorate: false });
  });

  it("follows the quorum rule of the meeting", () => {
    const members = Array.from({ length: 9 }, (_, i) => rosterEntry({ participantId: `m${i}`, role: "member" }));
    const six = members.slice(0, 6).map((m) => m.id);
    const five = six.slice(0, 5);
    const summary = (rule: QuorumRule, present: string[]) => attendanceSummary(given(ev.rosterSet(members), ev.ruleSet(rule), ev.arrived(present)).state);
    expect(summary("majority", five)).toEqual({ expected: 9, present: 5, excused: 0, needed: 5, quorate: true });
    expect(summary("twoThirds", five)).toEqual({ expected: 9, present: 5, excused: 0, needed: 6, quorate: false });
    expect(summary("twoThirds", six)).toEqual({ expected: 9, present: 6, excused: 0, needed: 6, quorate: true });
    expect(summary("none", six)).toEqual({ expected: 9, present: 6, excused: 0, needed: null, quorate: null });
  });

  it("the roles come from the roster, and people no longer on it do not count", () => {
    const roster = ROLES.map((role, i) => rosterEntry({ participantId: `r${i}`, role }));
    const state = given(ev.arrived(roster.map((p) => p.id)), ev.rosterSet([roster[1]!, rosterEntry(alice, { role: "observer" })]), ev.arrived([A])).state;
    expect(roster[1]?.role).toBe("member");
    expect(attendanceSummary(state)).toEqual({ expected: 1, present: 1, excused: 0, needed: 1, quorate: true });
  });

  it("with nobody on the roster: nothing expected", () => {
    expect(attendanceSummary({ roster: [], attendance: {}, quorumRule: "majority" })).toEqual({
      expected: 0,
      present: 0,
      excused: 0,
      needed: 1,
      quorate: false,
    });
    expect(attendanceSummary({ roster: [], attendance: {}, quorumRule: "twoThirds" })).toEqual({
      expected: 0,
      present: 0,
      excused: 0,
      needed: 0,
      quorate: true,
    });
  });
});
