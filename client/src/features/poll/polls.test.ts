import { describe, expect, it } from "vitest";
import { pollOptions } from "@core/poll/decide.ts";
import { computeResult } from "@core/poll/rules.ts";
import { PollDefinition, type Poll, type PollResult, type RuleClause } from "@core/poll/schema.ts";
import { initialState, type MeetingState } from "@core/state.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { SpeechRecord } from "@core/floor/schema.ts";
import { given, people, tally } from "../../../../testing/core.ts";
import { buildingOf, eligiblePreview, rosterFacts } from "./formRoster.ts";
import {
  draftProblems,
  emptyDraft,
  newBuildingClause,
  noRule,
  owners278,
  owners278Matter,
  ruleKindsFor,
  toDefinition,
  withFormDefaults,
  type PollDraft,
  type RuleKind,
} from "./pollDraft.ts";
import { auditMatches, ballotAccess, baseSize, candidateRows, displayedPoll, formatPercent, formatWeight, resultRows } from "./polls.ts";
import { parseShare } from "./share.ts";

const definition = (fields: Partial<PollDefinition> = {}) =>
  PollDefinition.parse({ title: "表决", form: "yesNoAbstain", secret: true, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }], ...fields });
const poll = (over: Partial<Poll> = {}): Poll => {
  const d = over.definition ?? definition();
  return {
    pollId: "q1",
    itemId: null,
    createdBy: "c",
    definition: d,
    options: pollOptions(d),
    status: "draft",
    openedAt: null,
    closesAt: null,
    closedAt: null,
    eligible: [],
    hands: null,
    result: null,
    proxies: [],
    ...over,
  };
};
const result = (over: Partial<PollResult> = {}): PollResult => ({
  eligibleCount: 4,
  eligibleWeight: 4,
  presentCount: 4,
  ballots: 3,
  hands: 0,
  counts: [
    { optionId: "yes", count: 2, weight: 2 },
    { optionId: "no", count: 1, weight: 1 },
    { optionId: "abstain", count: 0, weight: 0 },
  ],
  clauses: [],
  quorum: null,
  passedOptions: [],
  passed: false,
  ...over,
});

/** A draft with a title and only these rule kinds chosen. */
const draft = (over: Partial<PollDraft> = {}, kinds: RuleKind[] = ["majorityOfCast"]): PollDraft => ({
  ...emptyDraft(),
  title: "x",
  rule: { ...noRule(), ...Object.fromEntries(kinds.map((k) => [k, true])) },
  ...over,
});
const clause = (base: RuleClause["base"], num: number, den: number, compare: RuleClause["compare"], fields: Partial<RuleClause> = {}): RuleClause => ({
  base,
  share: { num, den },
  compare,
  measure: "count",
  ...fields,
});

/** The definition is what the schema reads back, and the core creates a poll from it (poll.create by the chair). */
function accepted(d: PollDefinition): PollDefinition {
  expect(PollDefinition.parse(d)).toEqual(d);
  expect(given().when({ type: "poll.create", poll: d }, people.chair).error).toBeUndefined();
  return d;
}

describe("a share as typed", () => {
  it.each([
    ["80%", 4, 5],
    ["80", 4, 5],
    [" 80 % ", 4, 5],
    ["８０％", 4, 5],
    ["66.67%", 6667, 10_000],
    ["66.67", 6667, 10_000],
    ["0.01%", 1, 10_000],
    ["1", 1, 100],
    ["100%", 1, 1],
    ["100", 1, 1],
    ["50.5%", 101, 200],
    ["2/3", 2, 3],
    ["4/6", 2, 3],
    ["3/4", 3, 4],
    ["２／３", 2, 3],
    ["1/1", 1, 1],
    ["9999/10000", 9999, 10_000],
    ["20000/30000", 2, 3],
    ["三分之二", 2, 3],
    ["四分之三", 3, 4],
    ["十分之七", 7, 10],
    ["半数", 1, 2],
  ])("%s → %i/%i", (typed, num, den) => {
    expect(parseShare(typed)).toEqual({ num, den });
  });

  it.each([
    "",
    " ",
    "abc",
    "0",
    "0%",
    "0/3",
    "0.8",
    "0.5",
    "100.01%",
    "101",
    "101%",
    "1000",
    "66.667%",
    "-5",
    "-1/2",
    "3/2",
    "1/0",
    "0/0",
    "2/3%",
    "1/10001",
    "2/30001",
    "三分之四",
    "过半数",
    "2 / 3 / 4",
    "1e2",
    "80%%",
  ])("refuses %j", (typed) => {
    expect(parseShare(typed)).toBeNull();
  });

  it("takes 0 only as an upper bound (no ballot of that option)", () => {
    expect(parseShare("0", { allowZero: true })).toEqual({ num: 0, den: 1 });
    expect(parseShare("0%", { allowZero: true })).toEqual({ num: 0, den: 1 });
    expect(parseShare("0/5", { allowZero: true })).toEqual({ num: 0, den: 1 });
    expect(parseShare("0.8", { allowZero: true })).toBeNull();
  });
});

describe("the chair's draft", () => {
  it("becomes a definition the core accepts; a secret ballot never shows a tally nor allows a change", () => {
    const d = accepted(
      toDefinition(draft({ title: " 关于A的表决 ", secret: true, tallyVisibility: "all", allowChange: true, share: "80%", minutes: 2 }, ["percent"])),
    );
    expect(d).toMatchObject({
      title: "关于A的表决",
      secret: true,
      tallyVisibility: "none",
      allowChange: false,
      rule: [{ base: "entitled", share: { num: 4, den: 5 }, compare: "atLeast", measure: "count" }],
      durationSeconds: 120,
    });
    expect(d.options).toBeUndefined();
    expect(d).toMatchObject({ veto: false, allowBlank: false });
    expect(d.seats).toBeUndefined();
  });

  it.each<[RuleKind, RuleClause]>([
    ["majorityOfCast", clause("cast", 1, 2, "more")],
    ["majorityOfDecisive", clause("decisive", 1, 2, "more")],
    ["twoThirdsOfCast", clause("cast", 2, 3, "atLeast")],
    ["majorityOfEntitled", clause("entitled", 1, 2, "more")],
    ["twoThirdsOfPresent", clause("present", 2, 3, "atLeast")],
    ["twoThirdsOfEntitled", clause("entitled", 2, 3, "atLeast")],
  ])("the preset %s is the clause %j", (kind, expected) => {
    expect(accepted(toDefinition(draft({}, [kind]))).rule).toEqual([expected]);
  });

  it("赞成多于反对 is offered where there is a 反对 (赞成/反对/弃权, candidates), and never sent for another form", () => {
    expect(ruleKindsFor("yesNoAbstain")).toContain("majorityOfDecisive");
    expect(ruleKindsFor("candidates")).toContain("majorityOfDecisive");
    expect(ruleKindsFor("consent")).not.toContain("majorityOfDecisive");
    expect(ruleKindsFor("single")).not.toContain("majorityOfDecisive");
    const single = draft({ form: "single", options: ["甲", "乙"] }, ["majorityOfDecisive", "majorityOfCast"]);
    expect(accepted(toDefinition(single)).rule).toEqual([clause("cast", 1, 2, "more")]);
    expect(draftProblems({ ...single, rule: { ...noRule(), majorityOfDecisive: true } })).toEqual(["rule"]);
  });

  it("the custom clause: any share, 不少于 or 超过, of 应到 / 实到 / 投票 / 赞成与反对", () => {
    expect(toDefinition(draft({ share: "2/3", compare: "more", shareBase: "cast" }, ["percent"])).rule).toEqual([clause("cast", 2, 3, "more")]);
    expect(toDefinition(draft({ share: "66.67%", shareBase: "present" }, ["percent"])).rule).toEqual([clause("present", 6667, 10_000, "atLeast")]);
    expect(accepted(toDefinition(draft({ share: "3/4", shareBase: "decisive" }, ["percent"]))).rule).toEqual([clause("decisive", 3, 4, "atLeast")]);
    // Unanimity of the votes cast is a rule; more than all of them is not.
    expect(draftProblems(draft({ share: "100%", shareBase: "cast" }, ["percent"]))).toEqual([]);
    expect(draftProblems(draft({ share: "1/1", compare: "more" }, ["percent"]))).toEqual(["shareMoreThanAll"]);
    expect(draftProblems(draft({ share: "0.8" }, ["percent"]))).toEqual(["share"]);
    expect(draftProblems(draft({ share: "3/2" }, ["percent"]))).toEqual(["share"]);
    // A share not chosen as a rule is not checked.
    expect(draftProblems(draft({ share: "??" }))).toEqual([]);
  });

  it("a form without 赞成与反对 falls back to the votes cast; the consent default is 80 % of 应到", () => {
    const decisive = draft({ share: "3/4", shareBase: "decisive" }, ["percent"]);
    expect(withFormDefaults(decisive, "single", true).shareBase).toBe("cast");
    expect(withFormDefaults(decisive, "candidates", true).shareBase).toBe("decisive");
    const consent = withFormDefaults(emptyDraft(), "consent", false);
    expect(toDefinition({ ...consent, title: "x" }).rule).toEqual([clause("entitled", 4, 5, "atLeast")]);
    expect(withFormDefaults(consent, "yesNoAbstain", false).rule).toEqual(emptyDraft().rule);
    const touched = draft({}, ["twoThirdsOfEntitled"]);
    expect(withFormDefaults(touched, "consent", true).rule).toEqual(touched.rule);
  });

  it("弃权票上限: abstentions at most a share of 投票 (赞成/反对/弃权 only)", () => {
    const d = accepted(toDefinition(draft({ abstainLimit: "30%" })));
    expect(d.rule).toEqual([clause("cast", 1, 2, "more"), clause("cast", 3, 10, "atMost", { option: "abstain" })]);
    expect(toDefinition(draft({ abstainLimit: "0" })).rule[1]).toEqual(clause("cast", 0, 1, "atMost", { option: "abstain" }));
    expect(toDefinition(draft({ form: "consent", abstainLimit: "30%" })).rule).toEqual([clause("cast", 1, 2, "more")]);
    expect(draftProblems(draft({ abstainLimit: "30 percent" }))).toEqual(["abstainLimit"]);
    expect(draftProblems(draft({ form: "consent", abstainLimit: "nonsense" }))).toEqual([]);
  });

  it("允许否决: a 否决 option, and any 否决 ballot defeats the motion (the fixed forms only)", () => {
    const d = accepted(toDefinition(draft({ form: "consent", veto: true }, ["percent"])));
    expect(d.veto).toBe(true);
    expect(d.rule).toEqual([clause("entitled", 4, 5, "atLeast"), clause("cast", 0, 1, "atMost", { option: "veto" })]);
    expect(pollOptions(d).map((o) => o.id)).toEqual(["agree", "disagree", "veto"]);
    const yna = accepted(toDefinition(draft({ veto: true, abstainLimit: "1/3" })));
    expect(yna.rule.map((c) => c.option)).toEqual([undefined, "abstain", "veto"]);
    // One veto among 10 agreeing ballots: not passed.
    const r = computeResult(yna, pollOptions(yna), [], tally({ counts: { yes: 10, veto: 1 } }), null);
    expect(r.passed).toBe(false);
    const single = toDefinition(draft({ form: "single", options: ["甲", "乙"], veto: true }));
    expect([single.veto, single.rule.some((c) => c.option === "veto")]).toEqual([false, false]);
  });

  it("the quorum: a share of 应到, 不少于 or 超过, by heads, weight or both (weights only in a weighted poll)", () => {
    expect(accepted(toDefinition(draft({ quorum: { share: "2/3", compare: "atLeast", measure: "count" } }))).quorum).toEqual({
      share: { num: 2, den: 3 },
      compare: "atLeast",
      measure: "count",
    });
    expect(toDefinition(draft({ quorum: { share: "50%", compare: "more", measure: "both" } })).quorum).toEqual({
      share: { num: 1, den: 2 },
      compare: "more",
      measure: "count",
    });
    const weighted = draft({ secret: false, weighted: true, quorum: { share: "2/3", compare: "atLeast", measure: "both" } });
    expect(accepted(toDefinition(weighted)).quorum).toEqual({ share: { num: 2, den: 3 }, compare: "atLeast", measure: "both" });
    expect(draftProblems(draft({ quorum: { share: "0%", compare: "atLeast", measure: "count" } }))).toEqual(["quorum"]);
    expect(draftProblems(draft({ quorum: { share: "2/3 以上", compare: "atLeast", measure: "count" } }))).toEqual(["quorum"]);
  });

  it("民法典 §278: named, weighted, per household, 参与表决 ≥ 2/3 by both; 过半数 or ≥ 3/4 of 投票 by heads and by weight", () => {
    const base = draft({ secret: true, veto: true, abstainLimit: "30%", buildings: [newBuildingClause("1号楼")] });
    const ordinary = accepted(toDefinition(owners278(base, "ordinary")));
    expect(ordinary).toMatchObject({
      secret: false,
      weighted: true,
      eligibility: { perHousehold: true, absentMayVote: true },
      quorum: { share: { num: 2, den: 3 }, compare: "atLeast", measure: "both" },
      rule: [clause("cast", 1, 2, "more"), clause("cast", 1, 2, "more", { measure: "weight" })],
    });
    const major = accepted(toDefinition(owners278(base, "major")));
    expect(major.rule).toEqual([clause("cast", 3, 4, "atLeast"), clause("cast", 3, 4, "atLeast", { measure: "weight" })]);
    expect(major.quorum).toEqual(ordinary.quorum);
    // The form (赞成/反对/弃权 here) and the title stay the chair's; the preset is recognised until changed.
    expect(owners278(base, "major")).toMatchObject({ title: "x", form: "yesNoAbstain" });
    expect(owners278Matter(owners278(base, "ordinary"))).toBe("ordinary");
    expect(owners278Matter(owners278(base, "major"))).toBe("major");
    expect(owners278Matter({ ...owners278(base, "major"), share: "2/3" })).toBeNull();
    expect(owners278Matter(base)).toBeNull();
    expect(draftProblems(owners278(base, "major"))).toEqual([]);
  });

  it("candidates: 赞成/反对/弃权 per candidate, seats and blank ballots", () => {
    const d = accepted(toDefinition(draft({ form: "candidates", options: ["王芳", " ", "李强", "赵敏"], seats: 2, allowBlank: true })));
    expect(d).toMatchObject({ form: "candidates", options: ["王芳", "李强", "赵敏"], seats: 2, allowBlank: true, rule: [clause("cast", 1, 2, "more")] });
    expect(d.minChoices).toBeUndefined();
    expect(draftProblems(draft({ form: "candidates", options: ["王芳", ""] }))).toEqual(["candidates"]);
    expect(accepted(toDefinition(draft({ form: "candidates", options: ["王芳", "李强"] }, ["majorityOfDecisive"]))).rule).toEqual([
      clause("decisive", 1, 2, "more"),
    ]);
    // The decisive base of an election counts heads only.
    expect(
      draftProblems(
        draft(
          {
            form: "candidates",
            options: ["王芳", "李强"],
            secret: false,
            weighted: true,
            measures: { ...emptyDraft().measures, majorityOfDecisive: "weight" },
          },
          ["majorityOfDecisive"],
        ),
      ),
    ).toEqual(["decisiveWeight"]);
  });

  it("应选人数 and 空白票 for single and multiple choice; seats within the options, at most as many choices as seats", () => {
    const multiple = draft({ form: "multiple", options: ["甲", "乙", "丙", "丁"], minChoices: 1, maxChoices: 2, seats: 2, allowBlank: true });
    expect(accepted(toDefinition(multiple))).toMatchObject({ seats: 2, allowBlank: true, minChoices: 1, maxChoices: 2 });
    expect(draftProblems({ ...multiple, maxChoices: 3 })).toEqual(["seatsChoices"]);
    expect(draftProblems({ ...multiple, seats: 5 })).toEqual(["seats"]);
    expect(draftProblems({ ...multiple, seats: 0 })).toEqual(["seats"]);
    expect(accepted(toDefinition(draft({ form: "single", options: ["甲", "乙"], seats: 1, allowBlank: true })))).toMatchObject({ seats: 1, allowBlank: true });
    // The fixed forms have 弃权 and elect nobody: neither is sent.
    expect(toDefinition(draft({ seats: 2, allowBlank: true }))).toMatchObject({ allowBlank: false });
    expect(toDefinition(draft({ seats: 2, allowBlank: true })).seats).toBeUndefined();
    // A blank ballot carries no weight: not with weights.
    expect(draftProblems({ ...multiple, secret: false, weighted: true })).toEqual(["blankWeighted"]);
  });

  it("multiple choice carries its options (blank lines dropped) and min/max; named polls keep tally and change", () => {
    const d = accepted(
      toDefinition(
        draft({
          form: "multiple",
          options: ["甲", " ", "乙", "丙"],
          minChoices: 1,
          maxChoices: 2,
          secret: false,
          tallyVisibility: "chair",
          allowChange: true,
          quorum: { share: "50", compare: "atLeast", measure: "count" },
        }),
      ),
    );
    expect(d).toMatchObject({
      options: ["甲", "乙", "丙"],
      minChoices: 1,
      maxChoices: 2,
      tallyVisibility: "chair",
      allowChange: true,
      quorum: { share: { num: 1, den: 2 }, compare: "atLeast", measure: "count" },
    });
  });

  it("passes who may vote through: roles in a fixed order, latecomers, the bargaining side, one vote per household", () => {
    const d = accepted(toDefinition(draft({ roles: ["chair", "member"], absentMayVote: true, side: "worker", perHousehold: true })));
    expect(d.eligibility).toEqual({ roles: ["member", "chair"], absentMayVote: true, side: "worker", perHousehold: true });
    expect(toDefinition(draft()).eligibility).toEqual({ roles: ["member"], absentMayVote: false, side: null, perHousehold: false });
    expect(draftProblems(draft({ roles: [] }))).toEqual(["roles"]);
  });

  it("a building clause carries its householdPrefix; with the whole meeting's clauses all must hold (≥ 2/3 of all, ≥ 90 % of 3号楼)", () => {
    const d = accepted(
      toDefinition(draft({ secret: false, perHousehold: true, buildings: [{ ...newBuildingClause(" 3号楼 "), share: "9/10" }] }, ["twoThirdsOfEntitled"])),
    );
    expect(d.rule).toEqual([clause("entitled", 2, 3, "atLeast"), clause("entitled", 9, 10, "atLeast", { householdPrefix: "3号楼" })]);
    expect(toDefinition(draft({ buildings: [{ ...newBuildingClause("3号楼"), kind: "majorityOfCast" }] }, [])).rule).toEqual([
      clause("cast", 1, 2, "more", { householdPrefix: "3号楼" }),
    ]);
    // A building clause alone is a rule; a building must be named; its share must be one.
    expect(draftProblems(draft({ buildings: [newBuildingClause("1号楼")] }, []))).toEqual([]);
    expect(draftProblems(draft({ buildings: [newBuildingClause(" ")] }))).toEqual(["building"]);
    expect(draftProblems(draft({ buildings: [{ ...newBuildingClause("1号楼"), share: "0" }] }))).toEqual(["share"]);
  });

  it("weights: named polls only; each clause counts heads, weights or both (two clauses, at most five in all)", () => {
    const named = draft({ secret: false, weighted: true });
    const d = accepted(
      toDefinition({
        ...named,
        measures: { ...emptyDraft().measures, majorityOfCast: "both" },
        buildings: [{ ...newBuildingClause("3号楼"), measure: "weight" }],
      }),
    );
    expect(d.weighted).toBe(true);
    expect(d.rule).toEqual([
      clause("cast", 1, 2, "more"),
      clause("cast", 1, 2, "more", { measure: "weight" }),
      clause("entitled", 9, 10, "atLeast", { measure: "weight", householdPrefix: "3号楼" }),
    ]);
    // Secret + weights is refused in the draft, and never sent (nor a weight measure without weights).
    expect(draftProblems({ ...named, secret: true })).toEqual(["secretWeighted"]);
    const secret = toDefinition({ ...named, secret: true, measures: { ...emptyDraft().measures, majorityOfCast: "weight" } });
    expect(secret).toMatchObject({ weighted: false, rule: [{ base: "cast", measure: "count" }] });
    const unweighted = toDefinition({ ...named, weighted: false, measures: { ...emptyDraft().measures, majorityOfCast: "both" } });
    expect(unweighted.rule).toEqual([clause("cast", 1, 2, "more")]);
    const all = draft({ secret: false, weighted: true, measures: { ...emptyDraft().measures, majorityOfCast: "both", majorityOfEntitled: "both" } }, [
      "majorityOfCast",
      "majorityOfEntitled",
      "twoThirdsOfPresent",
    ]);
    expect(draftProblems(all)).toEqual([]);
    expect(draftProblems({ ...all, rule: { ...all.rule, twoThirdsOfCast: true } })).toEqual(["tooManyClauses"]);
    const three = { ...all, measures: { ...all.measures, majorityOfEntitled: "count" as const } };
    // The veto and the abstention limit are clauses too.
    expect(draftProblems({ ...three, veto: true })).toEqual([]);
    expect(draftProblems({ ...three, veto: true, abstainLimit: "30%" })).toEqual(["tooManyClauses"]);
  });

  it("names what is missing", () => {
    expect(draftProblems(emptyDraft())).toEqual(["title"]);
    expect(draftProblems(draft({ form: "single", options: ["甲", "甲"] }))).toEqual(["optionsDiffer"]);
    expect(draftProblems(draft({ form: "single", options: ["甲", ""] }))).toEqual(["options"]);
    expect(draftProblems(draft({ form: "multiple", options: ["甲", "乙"], minChoices: 2, maxChoices: 3 }))).toEqual(["choices"]);
    expect(draftProblems(draft({}, []))).toEqual(["rule"]);
    expect(draftProblems(draft({ minutes: 0 }))).toEqual(["minutes"]);
    // A secret poll counted against 实到 cannot let latecomers vote (their ballots would stand apart).
    expect(draftProblems(draft({ absentMayVote: true }, ["twoThirdsOfPresent"]))).toEqual(["secretLatecomers"]);
  });
});

describe("the roster behind the create form", () => {
  const entry = (id: string, over: Partial<RosterEntry> = {}): RosterEntry => ({
    id,
    name: id,
    role: "member",
    sector: null,
    party: null,
    unit: null,
    side: null,
    chief: false,
    household: null,
    ...over,
  });
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
    expect(eligiblePreview(state, draft)).toEqual({
      units: 5,
      present: 1,
      households: 4,
      people: 1,
      weight: 89.5 + 102.25 + 120 + 1 + 1,
      perBuilding: { "1号楼": 2 },
    });
    // Letting latecomers vote changes nothing of the list.
    expect(eligiblePreview(state, { ...draft, absentMayVote: true })).toEqual(eligiblePreview(state, draft));
    expect(eligiblePreview(state, { ...draft, perHousehold: false, secret: true })).toMatchObject({ units: 6, households: 0, people: 6, weight: 6 });
    expect(formatWeight(313.75)).toBe("313.75");
    expect(formatWeight(1800)).toBe("1800");
  });
});

describe("results", () => {
  it("measures the bars against the first clause's base: 应到 for 80 % of 应到, 实到 for two thirds of those present, ballots for a majority of the cast", () => {
    const eligible = poll({ definition: definition({ rule: [clause("entitled", 4, 5, "atLeast")] }) });
    expect(resultRows(eligible, result({ presentCount: 3 }))).toMatchObject({
      base: "entitled",
      baseCount: 4,
      rows: [
        { optionId: "yes", count: 2, percent: 50 },
        { optionId: "no", percent: 25 },
        { optionId: "abstain", percent: 0 },
      ],
    });
    const present = poll({ definition: definition({ rule: [clause("present", 2, 3, "atLeast")] }) });
    expect(resultRows(present, result({ presentCount: 2 }))).toMatchObject({
      base: "present",
      baseCount: 2,
      rows: [
        { optionId: "yes", percent: 100 },
        { optionId: "no", percent: 50 },
        { optionId: "abstain", percent: 0 },
      ],
    });
    const cast = resultRows(poll(), result({ hands: 1, counts: [{ optionId: "yes", count: 3, weight: 3 }] }));
    expect(cast.baseCount).toBe(4);
    expect(cast.rows[0]).toMatchObject({ count: 3, percent: 75 });
  });

  it("赞成与反对 as the bars' base: 投票 less abstentions, blank and invalid paper ballots; a limit clause first does not set the base", () => {
    const r = result({
      ballots: 10,
      hands: 4,
      blank: 1,
      invalid: 1,
      counts: [
        { optionId: "yes", count: 6, weight: 6 },
        { optionId: "no", count: 2, weight: 2 },
        { optionId: "abstain", count: 4, weight: 4 },
      ],
    });
    expect(baseSize(r, "decisive")).toBe(8);
    const limitFirst = poll({ definition: definition({ rule: [clause("cast", 3, 10, "atMost", { option: "abstain" }), clause("decisive", 1, 2, "more")] }) });
    expect(resultRows(limitFirst, r)).toMatchObject({
      base: "decisive",
      baseCount: 8,
      rows: [
        { optionId: "yes", percent: 75, bar: 75 },
        { optionId: "no", percent: 25 },
        { optionId: "abstain", percent: null, bar: (4 / 14) * 100 },
      ],
    });
  });

  it("an election per candidate: 赞成/反对/弃权 (unmarked included), elected, tied at the cut", () => {
    const d = definition({ form: "candidates", secret: true, options: ["王芳", "李强", "赵敏"], seats: 1 });
    const r = computeResult(
      d,
      pollOptions(d),
      [],
      tally({ ballots: 10, weightCast: 10, counts: { "o1:yes": 7, "o1:no": 1, "o2:yes": 7, "o3:yes": 2, "o3:no": 6 } }),
      null,
    );
    expect(candidateRows(poll({ definition: d }), r)).toEqual([
      { optionId: "o1", counts: { yes: { count: 7, weight: 7 }, no: { count: 1, weight: 1 }, abstain: { count: 2, weight: 2 } }, elected: false, tied: true },
      { optionId: "o2", counts: { yes: { count: 7, weight: 7 }, no: { count: 0, weight: 0 }, abstain: { count: 3, weight: 3 } }, elected: false, tied: true },
      { optionId: "o3", counts: { yes: { count: 2, weight: 2 }, no: { count: 6, weight: 6 }, abstain: { count: 2, weight: 2 } }, elected: false, tied: false },
    ]);
  });

  it("writes percentages with at most one decimal", () => {
    expect(formatPercent(200 / 3)).toBe("66.7%");
    expect(formatPercent(80)).toBe("80%");
  });
});

describe("who gets a ballot on the phone", () => {
  const unit = (id: string, present: boolean) => ({ unitId: `person:${id}`, participantIds: [id], weight: 1, household: null, present });
  const open = (absentMayVote: boolean) =>
    poll({
      status: "open",
      definition: definition({ eligibility: { roles: ["member"], absentMayVote, side: null, perHousehold: false } }),
      eligible: [unit("a", true), unit("b", false)],
    });

  it("on the frozen list and present at the opening: a ballot; not on it: a note", () => {
    expect(ballotAccess(open(false), "a")).toBe("ballot");
    expect(ballotAccess(open(false), "x")).toBe("notEligible");
  });

  it("on the list but absent at the opening: a ballot only where latecomers may vote", () => {
    expect(ballotAccess(open(false), "b")).toBe("absentAtOpening");
    expect(ballotAccess(open(true), "b")).toBe("ballot");
  });
});

describe("checking the ballots", () => {
  it("matches when there is one ballot per voter and the ballots add up to the counts less the raised hands", () => {
    const ballots = [
      { voter: null, choices: ["yes"], weight: 1 },
      { voter: null, choices: ["yes"], weight: 1 },
      { voter: null, choices: ["no"], weight: 1 },
    ];
    const audit = { voters: ["a", "b", "c"], ballots };
    expect(auditMatches(poll(), result(), audit)).toBe(true);
    expect(auditMatches(poll(), result(), { ...audit, voters: ["a", "b"] })).toBe(false);
    expect(auditMatches(poll(), result({ counts: [{ optionId: "yes", count: 3, weight: 3 }] }), audit)).toBe(false);
    // One hand for 赞成 entered by the clerk: the box holds one 赞成 ballot fewer.
    expect(auditMatches(poll({ hands: { yes: 1 } }), result({ ballots: 2, hands: 1 }), { voters: ["a", "c"], ballots: [ballots[0]!, ballots[2]!] })).toBe(true);
  });

  it("in an election a candidate's 弃权 counts the ballots that left them unmarked, a blank ballot included", () => {
    const d = definition({ form: "candidates", secret: true, options: ["王芳", "李强"], allowBlank: true });
    const box = tally({ ballots: 3, weightCast: 3, blank: 1, counts: { "o1:yes": 2, "o2:no": 1, "o2:abstain": 1 } });
    const r = computeResult(d, pollOptions(d), [], box, null);
    const ballots = [
      { voter: null, choices: ["o1:yes", "o2:no"], weight: 1 },
      { voter: null, choices: ["o1:yes", "o2:abstain"], weight: 1 },
      { voter: null, choices: [], weight: 1 },
    ];
    expect(auditMatches(poll({ definition: d }), r, { voters: ["a", "b", "c"], ballots })).toBe(true);
    expect(auditMatches(poll({ definition: d }), r, { voters: ["a", "b", "c"], ballots: [ballots[0]!, ballots[0]!, ballots[2]!] })).toBe(false);
  });
});

describe("what the room display shows", () => {
  const speech = (startedAt: number): SpeechRecord => ({
    speechId: `s${startedAt}`,
    participantId: "m",
    kind: "impromptu",
    guestName: null,
    bookingId: null,
    startedAt,
    capMs: 1,
    extendedMs: 0,
    pausedAt: null,
    pausedMs: 0,
    agendaItemId: null,
    override: null,
    endedAt: startedAt + 1,
    durationMs: 1,
    overrunMs: 0,
    endedBy: "m",
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
