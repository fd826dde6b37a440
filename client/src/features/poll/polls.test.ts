import { describe, expect, it } from "vitest";
import { pollOptions } from "@core/poll/decide.ts";
import { PollDefinition, type Poll, type PollResult } from "@core/poll/schema.ts";
import { initialState, type MeetingState, type RosterEntry, type SpeechRecord } from "@core/state.ts";
import { auditMatches, buildingOf, displayedPoll, draftProblems, eligiblePreview, emptyDraft, formatPercent, formatWeight, newBuildingClause, resultRows, rosterFacts, toDefinition, withFormDefaults } from "./polls.ts";

const definition = (fields: Partial<PollDefinition> = {}) => PollDefinition.parse({ title: "表决", form: "yesNoAbstain", secret: true, rule: [{ base: "cast", share: { num: 1, den: 2 }, atLeast: false }], ...fields });
const poll = (over: Partial<Poll> = {}): Poll => {
  const d = over.definition ?? definition();
  return {
    pollId: "q1", itemId: null, createdBy: "c", definition: d, options: pollOptions(d), status: "draft",
    openedAt: null, closesAt: null, closedAt: null, eligible: [], hands: null, result: null, ...over,
  };
};
const result = (over: Partial<PollResult> = {}): PollResult => ({
  eligibleCount: 4, eligibleWeight: 4, presentCount: 4, ballots: 3, hands: 0,
  counts: [{ optionId: "yes", count: 2, weight: 2 }, { optionId: "no", count: 1, weight: 1 }, { optionId: "abstain", count: 0, weight: 0 }],
  clauses: [], quorum: null, passedOptions: [], passed: false, ...over,
});

describe("the chair's draft", () => {
  it("becomes a definition the core accepts; a secret ballot never shows a tally nor allows a change", () => {
    const d = toDefinition({ ...emptyDraft(), title: " 关于A的表决 ", secret: true, tallyVisibility: "all", allowChange: true, rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: true }, percent: 80, minutes: 2 });
    expect(PollDefinition.parse(d)).toEqual(d);
    expect(d).toMatchObject({ title: "关于A的表决", secret: true, tallyVisibility: "none", allowChange: false, rule: [{ base: "entitled", share: { num: 4, den: 5 }, atLeast: true, measure: "count" }], durationSeconds: 120 });
    expect(d.options).toBeUndefined();
  });

  it("multiple choice carries its options (blank lines dropped) and min/max; named polls keep tally and change", () => {
    const d = toDefinition({ ...emptyDraft(), title: "选出", form: "multiple", options: ["甲", " ", "乙", "丙"], minChoices: 1, maxChoices: 2, secret: false, tallyVisibility: "chair", allowChange: true, quorumPercent: 50 });
    expect(d).toMatchObject({ options: ["甲", "乙", "丙"], minChoices: 1, maxChoices: 2, tallyVisibility: "chair", allowChange: true, quorum: { percent: 50, strict: false } });
    expect(PollDefinition.parse(d)).toEqual(d);
  });

  it("passes who may vote through: roles in a fixed order, latecomers, the bargaining side, one vote per household", () => {
    const d = toDefinition({ ...emptyDraft(), title: "x", roles: ["chair", "member"], absentMayVote: true, side: "worker", perHousehold: true });
    expect(d.eligibility).toEqual({ roles: ["member", "chair"], absentMayVote: true, side: "worker", perHousehold: true });
    expect(PollDefinition.parse(d)).toEqual(d);
    expect(toDefinition({ ...emptyDraft(), title: "x" }).eligibility).toEqual({ roles: ["member"], absentMayVote: false, side: null, perHousehold: false });
    expect(draftProblems({ ...emptyDraft(), title: "x", roles: [] })).toEqual(["roles"]);
  });

  it("a building clause carries its householdPrefix; with the whole meeting's clauses all must hold (≥ 2/3 of all, ≥ 90 % of 3号楼)", () => {
    const d = toDefinition({
      ...emptyDraft(), title: "x", secret: false, perHousehold: true,
      rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: true, percent: false },
      buildings: [{ ...newBuildingClause(" 3号楼 "), percent: 90 }],
    });
    expect(d.rule).toEqual([
      { base: "entitled", share: { num: 2, den: 3 }, atLeast: true, measure: "count" },
      { base: "entitled", share: { num: 9, den: 10 }, atLeast: true, measure: "count", householdPrefix: "3号楼" },
    ]);
    expect(PollDefinition.parse(d)).toEqual(d);
    // A building clause alone is a rule; a building must be named.
    const none = { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: false };
    expect(draftProblems({ ...emptyDraft(), title: "x", rule: none, buildings: [newBuildingClause("1号楼")] })).toEqual([]);
    expect(draftProblems({ ...emptyDraft(), title: "x", buildings: [newBuildingClause(" ")] })).toEqual(["building"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", buildings: [{ ...newBuildingClause("1号楼"), percent: 0 }] })).toEqual(["percent"]);
  });

  it("weights: named polls only; each clause counts heads, weights or both (two clauses, at most five in all)", () => {
    const named = { ...emptyDraft(), title: "x", secret: false, weighted: true };
    const d = toDefinition({ ...named, measures: { ...emptyDraft().measures, majorityOfCast: "both" }, buildings: [{ ...newBuildingClause("3号楼"), measure: "weight" }] });
    expect(d.weighted).toBe(true);
    expect(d.rule).toEqual([
      { base: "cast", share: { num: 1, den: 2 }, atLeast: false, measure: "count" }, { base: "cast", share: { num: 1, den: 2 }, atLeast: false, measure: "weight" },
      { base: "entitled", share: { num: 9, den: 10 }, atLeast: true, measure: "weight", householdPrefix: "3号楼" },
    ]);
    expect(PollDefinition.parse(d)).toEqual(d);
    // Secret + weights is refused in the draft, and never sent (nor a weight measure without weights).
    expect(draftProblems({ ...named, secret: true })).toEqual(["secretWeighted"]);
    const secret = toDefinition({ ...named, secret: true, measures: { ...emptyDraft().measures, majorityOfCast: "weight" } });
    expect(secret).toMatchObject({ weighted: false, rule: [{ base: "cast", measure: "count" }] });
    const unweighted = toDefinition({ ...named, weighted: false, measures: { ...emptyDraft().measures, majorityOfCast: "both" } });
    expect(unweighted.rule).toEqual([{ base: "cast", share: { num: 1, den: 2 }, atLeast: false, measure: "count" }]);
    const all = { majorityOfCast: true, majorityOfEntitled: true, twoThirdsOfPresent: true, twoThirdsOfEntitled: true, percent: false };
    expect(draftProblems({ ...named, rule: all, measures: { ...emptyDraft().measures, majorityOfCast: "both", majorityOfEntitled: "both" } })).toEqual(["tooManyClauses"]);
  });

  it("names what is missing", () => {
    expect(draftProblems(emptyDraft())).toEqual(["title"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", form: "single", options: ["甲", "甲"] })).toEqual(["optionsDiffer"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", form: "multiple", options: ["甲", "乙"], minChoices: 2, maxChoices: 3 })).toEqual(["choices"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: false } })).toEqual(["rule"]);
    // A secret poll counted against 实到 cannot let latecomers vote (their ballots would stand apart).
    expect(draftProblems({ ...emptyDraft(), title: "x", absentMayVote: true, rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: true, twoThirdsOfEntitled: false, percent: false } })).toEqual(["secretLatecomers"]);
  });

  it("the percent rule: an exact share of the base the chair picks, 应到 unless told otherwise", () => {
    const d = toDefinition({ ...emptyDraft(), title: "x", rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: true }, percent: 66.67, percentBase: "present" });
    expect(d.rule).toEqual([{ base: "present", share: { num: 6667, den: 10_000 }, atLeast: true, measure: "count" }]);
    expect(emptyDraft().percentBase).toBe("entitled");
  });

  it("choosing 同意/不同意 proposes a consent rate of 应到 (80 %) until the chair touches the rule", () => {
    const consent = withFormDefaults(emptyDraft(), "consent", false);
    expect(toDefinition({ ...consent, title: "x" }).rule).toEqual([{ base: "entitled", share: { num: 4, den: 5 }, atLeast: true, measure: "count" }]);
    expect(withFormDefaults(consent, "yesNoAbstain", false).rule).toEqual(emptyDraft().rule);
    const touched = { ...emptyDraft(), rule: { majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: true, percent: false } };
    expect(withFormDefaults(touched, "consent", true).rule).toEqual(touched.rule);
  });
});

describe("the roster behind the create form", () => {
  const entry = (id: string, over: Partial<RosterEntry> = {}): RosterEntry => ({ id, name: id, role: "member", sector: null, party: null, unit: null, side: null, chief: false, household: null, ...over });
  const roster = [
    entry("a", { household: "1号楼1单元101", weight: 89.5 }),
    entry("b", { household: "1号楼1单元102", weight: 102.25 }),
    entry("c", { household: "2号楼201", weight: 120 }),
    entry("d", { household: "2号楼201", weight: 120 }),
    entry("e", { household: "12栋3-401" }),
    entry("f"),
    entry("g", { role: "official", household: "西区 A 座" }),
  ];

  it("finds the buildings (up to 号楼/栋/幢), households, weights and sides", () => {
    expect(buildingOf("3号楼2单元501")).toBe("3号楼");
    expect(buildingOf("A幢-12")).toBe("A幢");
    expect(buildingOf("西区 A 座")).toBeNull();
    expect(rosterFacts(roster)).toEqual({ sides: false, households: true, buildings: ["1号楼", "2号楼", "12栋"], weights: true });
    expect(rosterFacts([entry("x", { side: "worker" })])).toEqual({ sides: true, households: false, buildings: [], weights: false });
  });

  it("previews the frozen list with the core's eligibleVoters: households, single people, weight, per building", () => {
    const state: MeetingState = { ...initialState(), status: "open", roster, attendance: { a: { status: "present", via: "online", since: 1 } } };
    const draft = { ...emptyDraft(), title: "x", secret: false, perHousehold: true, weighted: true, buildings: [newBuildingClause("1号楼")] };
    // a, b, c+d (one household), e; f has no household and votes for herself; g is an official. Only a is present.
    expect(eligiblePreview(state, draft)).toEqual({ units: 5, present: 1, households: 4, people: 1, weight: 89.5 + 102.25 + 120 + 1 + 1, perBuilding: { "1号楼": 2 } });
    // Letting latecomers vote changes nothing of the list.
    expect(eligiblePreview(state, { ...draft, absentMayVote: true })).toEqual(eligiblePreview(state, draft));
    expect(eligiblePreview(state, { ...draft, perHousehold: false, secret: true })).toMatchObject({ units: 6, households: 0, people: 6, weight: 6 });
    expect(formatWeight(313.75)).toBe("313.75");
    expect(formatWeight(1800)).toBe("1800");
  });
});

describe("results", () => {
  it("measures the bars against the first clause's base: 应到 for 80 % of 应到, 实到 for two thirds of those present, ballots for a majority of the cast", () => {
    const eligible = poll({ definition: definition({ rule: [{ base: "entitled", share: { num: 4, den: 5 }, atLeast: true, measure: "count" }] }) });
    expect(resultRows(eligible, result({ presentCount: 3 }))).toMatchObject({ base: "entitled", baseCount: 4, rows: [{ optionId: "yes", count: 2, percent: 50 }, { optionId: "no", percent: 25 }, { optionId: "abstain", percent: 0 }] });
    const present = poll({ definition: definition({ rule: [{ base: "present", share: { num: 2, den: 3 }, atLeast: true, measure: "count" }] }) });
    expect(resultRows(present, result({ presentCount: 2 }))).toMatchObject({ base: "present", baseCount: 2, rows: [{ optionId: "yes", percent: 100 }, { optionId: "no", percent: 50 }, { optionId: "abstain", percent: 0 }] });
    const cast = resultRows(poll(), result({ hands: 1, counts: [{ optionId: "yes", count: 3, weight: 3 }] }));
    expect(cast.baseCount).toBe(4);
    expect(cast.rows[0]).toMatchObject({ count: 3, percent: 75 });
  });

  it("writes percentages with at most one decimal", () => {
    expect(formatPercent(200 / 3)).toBe("66.7%");
    expect(formatPercent(80)).toBe("80%");
  });
});

describe("checking the ballots", () => {
  it("matches when there is one ballot per voter and the ballots add up to the counts less the raised hands", () => {
    const ballots = [{ voter: null, choices: ["yes"], weight: 1 }, { voter: null, choices: ["yes"], weight: 1 }, { voter: null, choices: ["no"], weight: 1 }];
    const audit = { voters: ["a", "b", "c"], ballots };
    expect(auditMatches(poll(), result(), audit)).toBe(true);
    expect(auditMatches(poll(), result(), { ...audit, voters: ["a", "b"] })).toBe(false);
    expect(auditMatches(poll(), result({ counts: [{ optionId: "yes", count: 3, weight: 3 }] }), audit)).toBe(false);
    // One hand for 赞成 entered by the clerk: the box holds one 赞成 ballot fewer.
    expect(auditMatches(poll({ hands: { yes: 1 } }), result({ ballots: 2, hands: 1 }), { voters: ["a", "c"], ballots: [ballots[0]!, ballots[2]!] })).toBe(true);
  });
});

describe("what the room display shows", () => {
  const speech = (startedAt: number): SpeechRecord => ({
    speechId: `s${startedAt}`, participantId: "m", kind: "impromptu", guestName: null, bookingId: null, startedAt, capMs: 1, extendedMs: 0, pausedAt: null,
    pausedMs: 0, agendaItemId: null, override: null, endedAt: startedAt + 1, durationMs: 1, overrunMs: 0, endedBy: "m",
  });
  const state = (over: Partial<MeetingState>): MeetingState => ({ ...initialState(), status: "open", ...over });

  it("the open poll; else the last published result until the next speech starts", () => {
    const open = poll({ status: "open", openedAt: 10 });
    expect(displayedPoll(state({ polls: [open] }))?.pollId).toBe("q1");
    const published = poll({ status: "published", closedAt: 100, result: result() });
    expect(displayedPoll(state({ polls: [published], speeches: [speech(50)] }))?.pollId).toBe("q1");
    expect(displayedPoll(state({ polls: [published], speeches: [speech(50), speech(150)] }))).toBeNull();
    // Closed but not published: not on the display.
    expect(displayedPoll(state({ polls: [{ ...published, status: "closed" }] }))).toBeNull();
  });
});
