// The three numbers of a poll (应到 entitled, 实到 present at the opening, 投票 cast) and the
// rules measured against them: every base × rule × presence × household combination of the
// community council that found the bug (11 households, one absent, "≥ 80 % of 应到" announced
// 8/10 as passed), the warnings before opening, the ballot groups, and polls stored before.
import { describe, expect, it } from "vitest";
import { ev, given, people, pollDefinition, rosterEntry, tally } from "../../testing/core.ts";
import type { RosterEntry } from "../config/schema.ts";
import { pollOptions } from "./decide.ts";
import { eligibleVoters } from "./eligibility.ts";
import { clauseGroup, computeResult, groupsOf } from "./rules.ts";
import { clauseWords, ruleWords } from "./ruleText.ts";
import type { Base, EligibleVoter, PollDefinition, RuleClause, Tally } from "./schema.ts";
import { upgradeDefinition, upgradeResult } from "./upgrade.ts";
import { openWarnings } from "./warnings.ts";

const { chair } = people;

/** 11 households h1…h11 (3号楼 h1–h6, 5号楼 h7–h11), two residents each; `absent` households have nobody present. */
function council(absent: number[]) {
  const roster: RosterEntry[] = [rosterEntry(chair)];
  for (let h = 1; h <= 11; h++) {
    const household = `${h <= 6 ? "3号楼" : "5号楼"}${100 + h}`;
    for (const who of ["a", "b"]) roster.push(rosterEntry({ participantId: `h${h}${who}`, role: "member" }, { household }));
  }
  const present = roster.filter((r) => r.role === "member" && r.id.endsWith("a") && !absent.includes(Number(r.id.slice(1, -1)))).map((r) => r.id);
  return { roster, present };
}

const households = (absentMayVote = false) => ({ roles: ["member" as const], absentMayVote, side: null, perHousehold: true });
const clause = (base: Base, num: number, den: number, atLeast: boolean, fields: Partial<RuleClause> = {}): RuleClause => ({
  base,
  share: { num, den },
  compare: atLeast ? "atLeast" : "more",
  measure: "count",
  ...fields,
});

/** The frozen list of a household poll with these households absent at the opening. */
function frozenList(absent: number[], definition: PollDefinition): EligibleVoter[] {
  const { roster, present } = council(absent);
  const state = given(ev.rosterSet(roster), ev.arrived(present)).state;
  return eligibleVoters(state, definition.eligibility, definition.weighted);
}

const consent = (rule: RuleClause[], absentMayVote = false) => pollDefinition({ form: "consent", secret: true, eligibility: households(absentMayVote), rule });
const agree = (n: number, disagree = 0, fields: Partial<Tally> = {}): Tally => tally({ counts: { agree: n, disagree }, ...fields });

function result(definition: PollDefinition, absent: number[], box: Tally) {
  return computeResult(definition, pollOptions(definition), frozenList(absent, definition), box, null);
}

describe("the three numbers: 应到 11 户 / 实到 10 户 / 投票 10 户", () => {
  it("an absent household stays in 应到 and out of 实到", () => {
    const r = result(consent([clause("entitled", 4, 5, true)]), [11], agree(8, 2));
    expect([r.eligibleCount, r.presentCount, r.ballots + r.hands]).toEqual([11, 10, 10]);
  });

  it("the issue's case: ≥ 80 % of 应到, 8 同意 of 11 → 72.7 %, 未通过", () => {
    const r = result(consent([clause("entitled", 4, 5, true)]), [11], agree(8, 2));
    expect(r.clauses[0]).toMatchObject({ numerator: 8, denominator: 11, passed: false });
    expect(r.clauses[0]!.percent).toBeCloseTo(72.727, 2);
    expect(r.passed).toBe(false);
  });

  it("9 of 11 → 81.8 %, 通过", () => {
    const r = result(consent([clause("entitled", 4, 5, true)]), [11], agree(9, 1));
    expect(r.clauses[0]).toMatchObject({ numerator: 9, denominator: 11, passed: true });
    expect(r.passed).toBe(true);
  });
});

describe("every base × rule × presence (11 households)", () => {
  // [base, share, atLeast, absent households, 同意, 不同意, passes, denominator]
  const cases: [Base, [number, number], boolean, number[], number, number, boolean, number][] = [
    ["entitled", [4, 5], true, [], 9, 2, true, 11],
    ["entitled", [4, 5], true, [], 8, 3, false, 11],
    ["entitled", [4, 5], true, [11], 8, 2, false, 11],
    ["entitled", [4, 5], true, [11], 9, 1, true, 11],
    ["entitled", [4, 5], true, [10, 11], 9, 0, true, 11],
    ["entitled", [1, 2], false, [7, 8, 9, 10, 11], 6, 0, true, 11],
    ["entitled", [1, 2], false, [7, 8, 9, 10, 11], 5, 1, false, 11],
    ["entitled", [2, 3], true, [11], 8, 2, true, 11],
    ["entitled", [2, 3], true, [11], 7, 3, false, 11],
    ["present", [2, 3], true, [11], 7, 3, true, 10],
    ["present", [2, 3], true, [11], 6, 4, false, 10],
    ["present", [2, 3], true, [], 8, 3, true, 11],
    ["present", [1, 2], false, [10, 11], 5, 4, true, 9],
    ["present", [1, 2], false, [10, 11], 4, 5, false, 9],
    ["cast", [1, 2], false, [11], 6, 4, true, 10],
    ["cast", [1, 2], false, [11], 5, 5, false, 10],
    ["cast", [1, 2], false, [5, 6, 7, 8, 9, 10, 11], 3, 1, true, 4],
    ["cast", [2, 3], true, [11], 4, 2, true, 6],
    ["cast", [2, 3], true, [11], 3, 2, false, 5],
  ];
  it.each(cases)("%s %j atLeast=%s, absent %j: %i 同意 %i 不同意 → %s (of %i)", (base, [num, den], atLeast, absent, yes, no, passes, denominator) => {
    const r = result(consent([clause(base, num, den, atLeast)]), absent, agree(yes, no));
    expect(r.clauses[0]).toMatchObject({ numerator: yes, denominator, passed: passes });
  });

  it("a 实到 clause counts only ballots of households present at the opening", () => {
    // 10 present; a latecomer household (h11) voted 同意 after arriving: 7 + 1 of 11 cast.
    const definition = consent([clause("present", 4, 5, true)], true);
    const present = { ballots: 10, weightCast: 10, counts: { agree: 7, disagree: 3 }, weights: { agree: 7, disagree: 3 } };
    const box = agree(8, 3, { groups: { "@present:": present } });
    const r = result(definition, [11], box);
    expect(r.clauses[0]).toMatchObject({ numerator: 7, denominator: 10, passed: false });
    // The same ballots against 应到 count the latecomer: 8 of 11.
    const entitled = result(consent([clause("entitled", 8, 11, true)], true), [11], box);
    expect(entitled.clauses[0]).toMatchObject({ numerator: 8, denominator: 11, passed: true });
  });

  it("letting latecomers vote changes no base", () => {
    for (const absentMayVote of [false, true]) {
      const r = result(consent([clause("entitled", 4, 5, true)], absentMayVote), [11], agree(8, 2));
      expect([r.eligibleCount, r.presentCount, r.clauses[0]!.denominator]).toEqual([11, 10, 11]);
    }
  });

  it("a per-building clause: ≥ 90 % of 3号楼's 应到 households (6), one of them absent", () => {
    const definition = consent([clause("entitled", 2, 3, true), clause("entitled", 9, 10, true, { householdPrefix: "3号楼" })]);
    const building = (yes: number) => ({ "3号楼": { ballots: yes, weightCast: yes, counts: { agree: yes }, weights: { agree: yes } } });
    const fails = result(definition, [1], agree(9, 1, { groups: building(5) }));
    expect(fails.clauses.map((c) => [c.numerator, c.denominator, c.passed])).toEqual([
      [9, 11, true],
      [5, 6, false],
    ]);
    const passes = result(definition, [], agree(10, 1, { groups: building(6) }));
    expect(passes.clauses.map((c) => [c.numerator, c.denominator, c.passed])).toEqual([
      [10, 11, true],
      [6, 6, true],
    ]);
  });

  it("people: the unit is the person when the poll is not per household", () => {
    const definition = pollDefinition({
      form: "consent",
      eligibility: { roles: ["member"], absentMayVote: false, side: null, perHousehold: false },
      rule: [clause("entitled", 4, 5, true)],
    });
    const r = computeResult(definition, pollOptions(definition), frozenList([11], definition), agree(17, 3), null);
    // 22 residents entitled, 10 present (the "a" of each present household).
    expect([r.eligibleCount, r.presentCount, r.clauses[0]!.numerator, r.clauses[0]!.denominator, r.passed]).toEqual([22, 10, 17, 22, false]);
  });
});

describe("the groups a ballot counts in", () => {
  const definition = consent(
    [
      clause("present", 2, 3, true),
      clause("entitled", 9, 10, true, { householdPrefix: "3号楼" }),
      clause("present", 1, 2, false, { householdPrefix: "5号楼" }),
    ],
    true,
  );
  const unit = (household: string, present: boolean): EligibleVoter => ({
    unitId: `household:${household}`,
    participantIds: ["x"],
    weight: 1,
    household,
    present,
  });
  it("present at the opening or not, in its building or not", () => {
    expect(groupsOf(definition, unit("3号楼101", true))).toEqual(["@present:", "3号楼"]);
    expect(groupsOf(definition, unit("3号楼101", false))).toEqual(["3号楼"]);
    expect(groupsOf(definition, unit("5号楼107", true))).toEqual(["@present:", "@present:5号楼"]);
    expect(groupsOf(definition, unit("5号楼107", false))).toEqual([]);
  });
  it("a rule without 实到 or building clauses needs no group", () => {
    expect(groupsOf(consent([clause("entitled", 4, 5, true)]), unit("3号楼101", true))).toEqual([]);
    expect(clauseGroup(clause("cast", 1, 2, false))).toBeNull();
  });
});

describe("before opening: what the chair must confirm", () => {
  const state = (absent: number[], quorumRule: "none" | "majority" = "none") => {
    const { roster, present } = council(absent);
    return given(ev.rosterSet(roster), ev.ruleSet(quorumRule), ev.arrived(present)).state;
  };
  const poll = (rule: RuleClause[], absentMayVote = false) => ({ definition: consent(rule, absentMayVote) });

  it("≥ 80 % of 应到 with 3 of 11 households absent and no latecomers: 8 of 11 at best → unreachable", () => {
    expect(openWarnings(state([9, 10, 11]), poll([clause("entitled", 4, 5, true)]))).toEqual([
      { kind: "unreachable", index: 0, clause: clause("entitled", 4, 5, true), best: 8, base: 11 },
    ]);
  });
  it("the same with latecomers allowed to vote: reachable", () => {
    expect(openWarnings(state([9, 10, 11]), poll([clause("entitled", 4, 5, true)], true))).toEqual([]);
  });
  it("2 absent: 9 of 11 ≥ 80 % is still reachable", () => {
    expect(openWarnings(state([10, 11]), poll([clause("entitled", 4, 5, true)]))).toEqual([]);
  });
  it("a building clause out of reach", () => {
    expect(openWarnings(state([1]), poll([clause("entitled", 1, 1, true, { householdPrefix: "3号楼" })]))).toMatchObject([
      { kind: "unreachable", index: 0, best: 5, base: 6 },
    ]);
  });
  it("the meeting below its quorum (majority of 22 members, 9 present)", () => {
    expect(openWarnings(state([10, 11], "majority"), poll([clause("cast", 1, 2, false)]))).toEqual([{ kind: "meetingBelowQuorum", present: 9, needed: 12 }]);
  });
  it("a quorum of the poll out of reach: 50 % of 11 with 6 absent", () => {
    const definition = {
      ...consent([clause("cast", 1, 2, false)]),
      quorum: { share: { num: 1, den: 2 }, compare: "atLeast" as const, measure: "count" as const },
    };
    expect(openWarnings(state([6, 7, 8, 9, 10, 11]), { definition })).toEqual([{ kind: "quorumUnreachable", best: 5, base: 11 }]);
  });

  it("poll.open refuses without confirmation, then opens with it", () => {
    const { roster, present } = council([9, 10, 11]);
    const before = given(ev.rosterSet(roster), ev.ruleSet("none"), ev.arrived(present), ev.pollCreated("q1", consent([clause("entitled", 4, 5, true)])));
    expect(before.when({ type: "poll.open", pollId: "q1" }, chair).result).toMatchObject({
      ok: false,
      error: { code: "POLL_NEEDS_CONFIRMATION", details: ["unreachable"] },
    });
    expect(before.when({ type: "poll.open", pollId: "q1", confirmed: true }, chair).result.ok).toBe(true);
  });
});

describe("the rule in words, both languages", () => {
  it.each([
    [clause("entitled", 4, 5, true), true, "不少于应到户数的80%（含本数）", "at least 80% of all entitled households (应到), the number itself included"],
    [
      clause("present", 2, 3, true),
      false,
      "不少于实到人数的三分之二（含本数）",
      "at least two thirds of those present at the opening (实到), the number itself included",
    ],
    [clause("cast", 1, 2, false), false, "超过投票数的半数", "more than half of the votes cast (投票)"],
    [
      clause("entitled", 3, 4, true, { householdPrefix: "1号楼" }),
      true,
      "1号楼：不少于应到户数的四分之三（含本数）",
      "1号楼: at least three quarters of all entitled households (应到), the number itself included",
    ],
    [clause("cast", 7, 12, false), false, "超过投票数的7/12", "more than 7/12 of the votes cast (投票)"],
  ])("%j", (c, perHousehold, zh, en) => {
    expect(clauseWords(c, { perHousehold }, "zh")).toBe(zh);
    expect(clauseWords(c, { perHousehold }, "en")).toBe(en);
  });
  it("joins clauses with 且", () => {
    expect(ruleWords([clause("cast", 1, 2, false), clause("entitled", 1, 2, false)], { perHousehold: false }, "zh")).toBe(
      "超过投票数的半数，且超过应到人数的半数",
    );
  });
});

describe("polls stored before the bases were named replay as they were", () => {
  const legacy = {
    ...pollDefinition({ form: "consent" }),
    eligibility: { roles: ["member"], presentOnly: true, side: null, perHousehold: true },
    rule: [
      { kind: "percentOfEligible", percent: 80, measure: "count" },
      { kind: "twoThirdsOfPresent", measure: "count", householdPrefix: "3号楼" },
      { kind: "majorityOfCast", measure: "count" },
    ],
  } as unknown as PollDefinition;

  it("clauses become bases and exact shares", () => {
    expect(upgradeDefinition(legacy).rule).toEqual([
      { base: "entitled", share: { num: 4, den: 5 }, compare: "atLeast", measure: "count" },
      { base: "present", share: { num: 2, den: 3 }, compare: "atLeast", measure: "count", householdPrefix: "3号楼" },
      { base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "count" },
    ]);
    expect(upgradeDefinition(legacy).eligibility).toMatchObject({ presentOnly: true, absentMayVote: false });
  });

  it("presentOnly kept the absent off the list, as it did then", () => {
    const definition = upgradeDefinition(legacy);
    expect(frozenList([11], definition)).toHaveLength(10);
  });

  it("the announced result is kept; only its clauses are read in the new shape", () => {
    const stored = {
      eligibleCount: 10,
      eligibleWeight: 10,
      presentCount: 10,
      ballots: 10,
      hands: 0,
      counts: [],
      quorum: null,
      passedOptions: ["agree"],
      passed: true,
      clauses: [
        { clause: { kind: "percentOfEligible", percent: 80, measure: "count" }, optionId: "agree", numerator: 8, denominator: 10, percent: 80, passed: true },
      ],
    };
    const upgraded = upgradeResult(stored as never)!;
    expect(upgraded).toMatchObject({
      eligibleCount: 10,
      passed: true,
      clauses: [{ numerator: 8, denominator: 10, passed: true, clause: { base: "entitled", share: { num: 4, den: 5 } } }],
    });
  });

  it("a stored poll.created / poll.closed pair replays to the announced 通过", () => {
    const closed = {
      type: "poll.closed",
      pollId: "q1",
      at: 2,
      by: "p-chair",
      result: {
        eligibleCount: 10,
        eligibleWeight: 10,
        presentCount: 10,
        ballots: 10,
        hands: 0,
        counts: [],
        quorum: null,
        passedOptions: ["agree"],
        passed: true,
        clauses: [],
      },
    } as const;
    const { roster, present } = council([11]);
    const state = given(ev.rosterSet(roster), ev.arrived(present), ev.pollCreated("q1", legacy), ev.pollOpened("q1", 1), closed as never).state;
    expect(state.polls[0]).toMatchObject({ status: "closed", result: { passed: true, eligibleCount: 10 } });
    expect(state.polls[0]!.eligible).toHaveLength(10);
  });
});
