// The result of a poll (computeResult): hand-built eligible lists and ballot box totals, the
// expected outcome for each. Comparisons must be exact: a tie is no majority, exactly the
// threshold passes, and weights like 0.1 + 0.2 are compared without float noise.
import { describe, expect, it } from "vitest";
import { CLAUSES, percentOf, pollDefinition, tally } from "../../testing/core.ts";
import { pollOptions } from "./decide.ts";
import { computeResult } from "./rules.ts";
import type { EligibleVoter, PollDefinition, RuleClause, Tally } from "./schema.ts";

/** `n` voting units u1…un, present unless told; weight 1, no household. */
function units(n: number, fields: Partial<EligibleVoter> = {}, prefix = "u"): EligibleVoter[] {
  return Array.from({ length: n }, (_, i) => ({
    unitId: `${prefix}${i + 1}`,
    participantIds: [`${prefix}${i + 1}`],
    weight: 1,
    household: null,
    present: true,
    ...fields,
  }));
}

/** One unit per weight. */
const weighted = (...weights: number[]): EligibleVoter[] =>
  weights.map((weight, i) => ({ unitId: `w${i + 1}`, participantIds: [`w${i + 1}`], weight, household: null, present: true }));

/** Households 3号楼101…, then 5号楼101…: one unit each. */
function households(building: string, n: number): EligibleVoter[] {
  return Array.from({ length: n }, (_, i) => {
    const household = `${building}${101 + i}`;
    return { unitId: `household:${household}`, participantIds: [`${household}-a`, `${household}-b`], weight: 1, household, present: true };
  });
}

type Preset = keyof typeof CLAUSES | "percentOfEntitled";
/** A preset clause (CLAUSES), or at least `percent` % of 应到; with its measure and building. */
const clause = (kind: Preset, fields: Partial<RuleClause> & { percent?: number } = {}): RuleClause => {
  const { percent, ...rest } = fields;
  return { ...(kind === "percentOfEntitled" ? percentOf(percent!) : CLAUSES[kind]), ...rest };
};

interface Case {
  name: string;
  definition: PollDefinition;
  eligible: EligibleVoter[];
  tally: Tally;
  hands?: Record<string, number>;
  /** The options elected (the 赞成/同意 option for the fixed forms). */
  passedOptions: string[];
  /** Each clause's verdict, in the order computeResult lists them (per measured option, per clause). */
  clauses?: boolean[];
  /** Numerator / denominator of the first clause. */
  first?: [numerator: number, denominator: number];
  quorumMet?: boolean | null;
}

const yna = (rule: RuleClause[], fields: Parameters<typeof pollDefinition>[0] = {}) => pollDefinition({ form: "yesNoAbstain", rule, ...fields });
const single = (rule: RuleClause[], n = 3) => pollDefinition({ form: "single", options: Array.from({ length: n }, (_, i) => `候选 ${i + 1}`), rule });

function table(cases: readonly Case[]) {
  it.each(cases)("$name", (c) => {
    const result = computeResult(c.definition, pollOptions(c.definition), c.eligible, c.tally, c.hands ?? null);
    expect(result.passedOptions).toEqual(c.passedOptions);
    expect(result.passed).toBe(c.passedOptions.length > 0);
    if (c.clauses) expect(result.clauses.map((r) => r.passed)).toEqual(c.clauses);
    if (c.first) expect([result.clauses[0]!.numerator, result.clauses[0]!.denominator]).toEqual(c.first);
    if (c.quorumMet !== undefined) expect(result.quorum?.met ?? null).toBe(c.quorumMet);
  });
}

describe("majorityOfCast: more than half of the ballots cast, abstentions included", () => {
  const rule = [clause("majorityOfCast")];
  table([
    {
      name: "6 yes, 3 no, 1 abstain of 10 → passes",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 6, no: 3, abstain: 1 } }),
      passedOptions: ["yes"],
      first: [6, 10],
    },
    {
      name: "yes = no (4 : 4) → fails",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 4, no: 4 } }),
      passedOptions: [],
      first: [4, 8],
    },
    {
      name: "5 yes, 3 no, 2 abstain: abstentions are in the base, 5 of 10 is no majority",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 5, no: 3, abstain: 2 } }),
      passedOptions: [],
      first: [5, 10],
    },
    {
      name: "6 yes, 3 no, 2 abstain → passes (6 of 11)",
      definition: yna(rule),
      eligible: units(12),
      tally: tally({ counts: { yes: 6, no: 3, abstain: 2 } }),
      passedOptions: ["yes"],
      first: [6, 11],
    },
    {
      name: "nobody voted → fails (0 of 0 is no majority)",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: {} }),
      passedOptions: [],
      first: [0, 0],
    },
    {
      name: "a single yes and nothing else → passes",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 1 } }),
      passedOptions: ["yes"],
    },
    { name: "only abstentions → fails", definition: yna(rule), eligible: units(10), tally: tally({ counts: { abstain: 3 } }), passedOptions: [] },
    {
      name: "no is not measured: a majority of no passes nothing",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 1, no: 9 } }),
      passedOptions: [],
      clauses: [false],
    },
  ]);

  it("reports the percentage, and 0 when the base is 0", () => {
    const definition = yna(rule);
    const result = computeResult(definition, pollOptions(definition), units(10), tally({ counts: { yes: 3, no: 1 } }), null);
    expect(result.clauses).toEqual([{ clause: rule[0], optionId: "yes", numerator: 3, denominator: 4, percent: 75, passed: true }]);
    const none = computeResult(definition, pollOptions(definition), units(10), tally({ counts: {} }), null);
    expect(none.clauses[0]!.percent).toBe(0);
    expect(none.counts).toEqual([
      { optionId: "yes", count: 0, weight: 0 },
      { optionId: "no", count: 0, weight: 0 },
      { optionId: "abstain", count: 0, weight: 0 },
    ]);
  });
});

describe("majorityOfEligible: more than half of everyone eligible", () => {
  const rule = [clause("majorityOfEntitled")];
  table([
    { name: "6 of 10 → passes", definition: yna(rule), eligible: units(10), tally: tally({ counts: { yes: 6 } }), passedOptions: ["yes"], first: [6, 10] },
    {
      name: "exactly half (5 of 10) → fails",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 5 } }),
      passedOptions: [],
      first: [5, 10],
    },
    { name: "5 of 9 → passes", definition: yna(rule), eligible: units(9), tally: tally({ counts: { yes: 5 } }), passedOptions: ["yes"] },
    {
      name: "unanimous among those who voted but only 4 of 10 → fails",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 4 } }),
      passedOptions: [],
    },
    {
      name: "absent eligible count in the base (5 of 10, 4 present) → fails",
      definition: yna(rule),
      eligible: [...units(4), ...units(6, { present: false }, "a")],
      tally: tally({ counts: { yes: 5 } }),
      passedOptions: [],
      first: [5, 10],
    },
    { name: "nobody eligible → fails", definition: yna(rule), eligible: [], tally: tally({ counts: { yes: 1 } }), passedOptions: [], first: [1, 0] },
  ]);
});

describe("twoThirdsOfPresent: at least two thirds of the eligible present at the opening", () => {
  const rule = [clause("twoThirdsOfPresent")];
  /** 9 eligible, 6 of them present. */
  const nineSixPresent = [...units(6), ...units(3, { present: false }, "a")];
  table([
    {
      name: "exactly 2/3 of the present (4 of 6) → passes; the base is the 6 present",
      definition: yna(rule),
      eligible: nineSixPresent,
      tally: tally({ counts: { yes: 4, no: 2 } }),
      passedOptions: ["yes"],
      first: [4, 6],
    },
    {
      name: "3 of 6 present → fails",
      definition: yna(rule),
      eligible: nineSixPresent,
      tally: tally({ counts: { yes: 3, no: 3 } }),
      passedOptions: [],
      first: [3, 6],
    },
    { name: "6 of 9 present is exactly 2/3 → passes", definition: yna(rule), eligible: units(9), tally: tally({ counts: { yes: 6 } }), passedOptions: ["yes"] },
    { name: "5 of 8 present (62.5 %) → fails", definition: yna(rule), eligible: units(8), tally: tally({ counts: { yes: 5 } }), passedOptions: [] },
    {
      name: "nobody present → fails",
      definition: yna(rule),
      eligible: units(3, { present: false }),
      tally: tally({ counts: { yes: 3 } }),
      passedOptions: [],
      first: [3, 0],
    },
  ]);

  it("counts the present units, reported apart from the eligible", () => {
    const definition = yna(rule);
    const result = computeResult(definition, pollOptions(definition), nineSixPresent, tally({ counts: { yes: 4 } }), null);
    expect([result.eligibleCount, result.presentCount, result.eligibleWeight]).toEqual([9, 6, 9]);
  });
});

describe("twoThirdsOfEligible: at least two thirds of all eligible, present or not", () => {
  const rule = [clause("twoThirdsOfEntitled")];
  table([
    {
      name: "exactly 2 of 3 → passes (66.67 % could not say this exactly)",
      definition: yna(rule),
      eligible: units(3),
      tally: tally({ counts: { yes: 2, no: 1 } }),
      passedOptions: ["yes"],
      first: [2, 3],
    },
    {
      name: "6 of 9 with 3 absent → passes: the base is all 9",
      definition: yna(rule),
      eligible: [...units(6), ...units(3, { present: false }, "a")],
      tally: tally({ counts: { yes: 6 } }),
      passedOptions: ["yes"],
      first: [6, 9],
    },
    { name: "5 of 8 → fails", definition: yna(rule), eligible: units(8), tally: tally({ counts: { yes: 5 } }), passedOptions: [] },
    { name: "nobody eligible → fails", definition: yna(rule), eligible: [], tally: tally({ counts: { yes: 0 } }), passedOptions: [], first: [0, 0] },
  ]);
});

describe("percentOfEligible: at least that share of everyone eligible", () => {
  const at = (percent: number) => [clause("percentOfEntitled", { percent })];
  table([
    { name: "80 %: exactly 8 of 10 → passes", definition: yna(at(80)), eligible: units(10), tally: tally({ counts: { yes: 8 } }), passedOptions: ["yes"] },
    { name: "80 %: 7 of 10 → fails", definition: yna(at(80)), eligible: units(10), tally: tally({ counts: { yes: 7 } }), passedOptions: [] },
    {
      name: "80 %: exactly 800 of 1000 → passes",
      definition: yna(at(80)),
      eligible: units(1000),
      tally: tally({ counts: { yes: 800 } }),
      passedOptions: ["yes"],
    },
    { name: "80 %: 799 of 1000 (79.9 %) → fails", definition: yna(at(80)), eligible: units(1000), tally: tally({ counts: { yes: 799 } }), passedOptions: [] },
    { name: "79.9 %: 799 of 1000 → passes", definition: yna(at(79.9)), eligible: units(1000), tally: tally({ counts: { yes: 799 } }), passedOptions: ["yes"] },
    { name: "79.9 %: 798 of 1000 → fails", definition: yna(at(79.9)), eligible: units(1000), tally: tally({ counts: { yes: 798 } }), passedOptions: [] },
    { name: "100 %: all 7 → passes", definition: yna(at(100)), eligible: units(7), tally: tally({ counts: { yes: 7 } }), passedOptions: ["yes"] },
    { name: "100 %: 6 of 7 → fails", definition: yna(at(100)), eligible: units(7), tally: tally({ counts: { yes: 6 } }), passedOptions: [] },
  ]);

  it("reports 79.9 exactly for 799 of 1000", () => {
    const definition = yna(at(80));
    const result = computeResult(definition, pollOptions(definition), units(1000), tally({ counts: { yes: 799 } }), null);
    expect(result.clauses[0]).toMatchObject({ numerator: 799, denominator: 1000, passed: false });
    expect(result.clauses[0]!.percent).toBeCloseTo(79.9, 10);
  });
});

describe("weights: measure by the weights cast, compared exactly", () => {
  const w = (kind: Preset, fields: Partial<RuleClause> & { percent?: number } = {}) => [clause(kind, { measure: "weight", ...fields })];
  const def = (rule: RuleClause[]) => yna(rule, { weighted: true });
  // 0.1 + 0.2 = 0.30000000000000004 in floating point: twice that is more than 0.6.
  const floatNoise = 0.1 + 0.2;
  table([
    {
      name: "majorityOfEligible: 0.1 + 0.2 of 0.1 + 0.2 + 0.3 is exactly half → fails",
      definition: def(w("majorityOfEntitled")),
      eligible: weighted(0.1, 0.2, 0.3),
      tally: tally({ counts: { yes: 2 }, weights: { yes: floatNoise } }),
      passedOptions: [],
      first: [0.3, 0.6],
    },
    {
      name: "majorityOfEligible: 0.3 + 0.2 of 0.6 → passes",
      definition: def(w("majorityOfEntitled")),
      eligible: weighted(0.1, 0.2, 0.3),
      tally: tally({ counts: { yes: 2 }, weights: { yes: 0.3 + 0.2 } }),
      passedOptions: ["yes"],
    },
    {
      name: "majorityOfCast: yes 0.1 + 0.2 against no 0.3 → fails (exactly half the weight cast)",
      definition: def(w("majorityOfCast")),
      eligible: weighted(0.1, 0.2, 0.3),
      tally: tally({ counts: { yes: 2, no: 1 }, weights: { yes: floatNoise, no: 0.3 }, weightCast: floatNoise + 0.3 }),
      passedOptions: [],
    },
    {
      name: "majorityOfCast by weight: 1 heavy yes outweighs 2 light no",
      definition: def(w("majorityOfCast")),
      eligible: weighted(5, 1, 1),
      tally: tally({ counts: { yes: 1, no: 2 }, weights: { yes: 5, no: 2 } }),
      passedOptions: ["yes"],
    },
    {
      name: "majorityOfCast by count in a weighted poll: heads, not weights",
      definition: def([clause("majorityOfCast")]),
      eligible: weighted(5, 1, 1),
      tally: tally({ counts: { yes: 1, no: 2 }, weights: { yes: 5, no: 2 } }),
      passedOptions: [],
    },
    {
      name: "percentOfEligible 80 by weight: 0.7 + 0.1 of 0.7 + 0.1 + 0.2 is exactly 80 % → passes",
      definition: def(w("percentOfEntitled", { percent: 80 })),
      eligible: weighted(0.7, 0.1, 0.2),
      tally: tally({ counts: { yes: 2 }, weights: { yes: 0.7 + 0.1 } }),
      passedOptions: ["yes"],
      first: [0.8, 1],
    },
    {
      name: "percentOfEligible 80 by weight: 0.7999 of 1 → fails",
      definition: def(w("percentOfEntitled", { percent: 80 })),
      eligible: weighted(0.7, 0.1, 0.2),
      tally: tally({ counts: { yes: 2 }, weights: { yes: 0.7999 } }),
      passedOptions: [],
    },
    {
      name: "twoThirdsOfPresent by weight: 0.4 of the present 0.1 + 0.2 + 0.3 is exactly 2/3 → passes; the absent 9 is not in the base",
      definition: def(w("twoThirdsOfPresent")),
      eligible: [...weighted(0.1, 0.2, 0.3), { unitId: "absent", participantIds: ["absent"], weight: 9, household: null, present: false }],
      tally: tally({ counts: { yes: 2 }, weights: { yes: 0.1 + 0.3 } }),
      passedOptions: ["yes"],
      first: [0.4, 0.6],
    },
    {
      name: "twoThirdsOfPresent by weight: 0.3999 of 0.6 → fails",
      definition: def(w("twoThirdsOfPresent")),
      eligible: weighted(0.1, 0.2, 0.3),
      tally: tally({ counts: { yes: 2 }, weights: { yes: 0.3999 } }),
      passedOptions: [],
    },
    {
      name: "by count and by weight together: a majority of heads but not of shares → fails",
      definition: def([clause("majorityOfEntitled"), clause("majorityOfEntitled", { measure: "weight" })]),
      eligible: weighted(10, 1, 1),
      tally: tally({ counts: { yes: 2 }, weights: { yes: 2 } }),
      passedOptions: [],
      clauses: [true, false],
    },
  ]);

  it("adds up the eligible weight", () => {
    const definition = def(w("majorityOfEntitled"));
    const result = computeResult(definition, pollOptions(definition), weighted(0.1, 0.2, 0.3), tally({ counts: { yes: 1 }, weights: { yes: 0.1 } }), null);
    expect(result.eligibleWeight).toBeCloseTo(0.6, 12);
    expect(result.counts[0]).toEqual({ optionId: "yes", count: 1, weight: 0.1 });
  });
});

describe("compound rules: every clause must hold", () => {
  // 10 households in 3号楼 and 5 in 5号楼 (15 units): ≥ 2/3 of all owners (66.67 %) AND ≥ 90 % of 3号楼.
  const eligible = [...households("3号楼", 10), ...households("5号楼", 5)];
  const rule = [clause("percentOfEntitled", { percent: 66.67 }), clause("percentOfEntitled", { percent: 90, householdPrefix: "3号楼" })];
  const def = yna(rule, { eligibility: { roles: ["member"], absentMayVote: true, side: null, perHousehold: true } });
  const building = (yes: number, no = 0) => ({ "3号楼": { ballots: yes + no, weightCast: yes + no, counts: { yes, no }, weights: { yes, no } } });
  table([
    {
      name: "11 of 15 owners, 9 of 10 in 3号楼 (exactly 90 %) → passes",
      definition: def,
      eligible,
      tally: tally({ counts: { yes: 11, no: 1 }, groups: building(9, 1) }),
      passedOptions: ["yes"],
      clauses: [true, true],
    },
    {
      name: "12 of 15 owners but 8 of 10 in 3号楼 → fails on the building",
      definition: def,
      eligible,
      tally: tally({ counts: { yes: 12 }, groups: building(8) }),
      passedOptions: [],
      clauses: [true, false],
    },
    {
      name: "all of 3号楼 but 9 of 15 owners (60 %) → fails on the whole",
      definition: def,
      eligible,
      tally: tally({ counts: { yes: 9 }, groups: building(9) }),
      passedOptions: [],
      clauses: [false, true],
    },
    { name: "both fail", definition: def, eligible, tally: tally({ counts: { yes: 3 }, groups: building(3) }), passedOptions: [], clauses: [false, false] },
    {
      name: "no ballots from 3号楼 (group absent from the tally) → fails on the building",
      definition: def,
      eligible,
      tally: tally({ counts: { yes: 12 } }),
      passedOptions: [],
      clauses: [true, false],
    },
  ]);

  it("measures the building clause against the building's households and the building's ballots", () => {
    const result = computeResult(def, pollOptions(def), eligible, tally({ counts: { yes: 11, no: 1 }, groups: building(9, 1) }), null);
    expect(result.clauses.map((c) => [c.numerator, c.denominator])).toEqual([
      [11, 15],
      [9, 10],
    ]);
  });

  it("majorityOfCast with a prefix counts that group's ballots only", () => {
    const d = yna([clause("majorityOfCast"), clause("majorityOfCast", { householdPrefix: "5号楼" })]);
    const groups = { "5号楼": { ballots: 4, weightCast: 4, counts: { yes: 2, no: 2 }, weights: { yes: 2, no: 2 } } };
    const result = computeResult(d, pollOptions(d), eligible, tally({ counts: { yes: 10, no: 4 }, groups }), null);
    expect(result.clauses.map((c) => [c.numerator, c.denominator, c.passed])).toEqual([
      [10, 14, true],
      [2, 4, false],
    ]);
    expect(result.passed).toBe(false);
  });
});

describe("quorum: the share of the eligible who must take part", () => {
  const rule = [clause("majorityOfCast")];
  const at50 = (strict: boolean) => yna(rule, { quorum: { share: { num: 1, den: 2 }, compare: strict ? "more" : "atLeast", measure: "count" } });
  table([
    {
      name: "not strict (不少于): 5 of 10 took part → met",
      definition: at50(false),
      eligible: units(10),
      tally: tally({ counts: { yes: 4, no: 1 } }),
      passedOptions: ["yes"],
      quorumMet: true,
    },
    {
      name: "not strict: 4 of 10 → missed, a unanimous yes does not pass",
      definition: at50(false),
      eligible: units(10),
      tally: tally({ counts: { yes: 4 } }),
      passedOptions: [],
      clauses: [true],
      quorumMet: false,
    },
    {
      name: "strict (超过): exactly 5 of 10 → missed",
      definition: at50(true),
      eligible: units(10),
      tally: tally({ counts: { yes: 4, no: 1 } }),
      passedOptions: [],
      clauses: [true],
      quorumMet: false,
    },
    {
      name: "strict: 6 of 10 → met",
      definition: at50(true),
      eligible: units(10),
      tally: tally({ counts: { yes: 5, no: 1 } }),
      passedOptions: ["yes"],
      quorumMet: true,
    },
    {
      name: "hands count towards the turnout: 3 ballots + 2 hands of 10 → met",
      definition: at50(false),
      eligible: units(10),
      tally: tally({ counts: { yes: 3 } }),
      hands: { yes: 1, no: 1 },
      passedOptions: ["yes"],
      quorumMet: true,
    },
    {
      name: "no quorum rule → null",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 1 } }),
      passedOptions: ["yes"],
      quorumMet: null,
    },
    { name: "nobody eligible → missed", definition: at50(false), eligible: [], tally: tally({ counts: {} }), passedOptions: [], quorumMet: false },
  ]);

  it("reports the rule, the turnout and the base", () => {
    const definition = at50(true);
    const result = computeResult(definition, pollOptions(definition), units(10), tally({ counts: { yes: 4, no: 1 } }), null);
    expect(result.quorum).toEqual({
      required: { share: { num: 1, den: 2 }, compare: "more", measure: "count" },
      checks: [{ measure: "count", turnout: 5, base: 10, met: false }],
      met: false,
    });
    expect(result.passed).toBe(false);
  });
});

describe("a show of hands (举手) is added to the ballots", () => {
  const rule = [clause("majorityOfCast")];
  table([
    {
      name: "3 yes, 1 no electronically, hands 1 yes, 3 no → 4 : 4 → fails",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 3, no: 1 } }),
      hands: { yes: 1, no: 3 },
      passedOptions: [],
      first: [4, 8],
    },
    {
      name: "2 yes, 2 no electronically, hands 3 yes → passes",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: { yes: 2, no: 2 } }),
      hands: { yes: 3 },
      passedOptions: ["yes"],
      first: [5, 7],
    },
    {
      name: "only hands → passes on hands",
      definition: yna(rule),
      eligible: units(10),
      tally: tally({ counts: {} }),
      hands: { yes: 6, no: 2, abstain: 1 },
      passedOptions: ["yes"],
      first: [6, 9],
    },
    {
      name: "hands against all the eligible: 3 + 2 of 10 is half → fails",
      definition: yna([clause("majorityOfEntitled")]),
      eligible: units(10),
      tally: tally({ counts: { yes: 3 } }),
      hands: { yes: 2 },
      passedOptions: [],
    },
  ]);

  it("reports the electronic ballots and the hands apart, the counts together (a hand weighs 1)", () => {
    const definition = yna(rule, { weighted: true });
    const result = computeResult(
      definition,
      pollOptions(definition),
      weighted(2, 2, 2, 1, 1),
      tally({ counts: { yes: 2, no: 1 }, weights: { yes: 4, no: 2 } }),
      { yes: 1, abstain: 1 },
    );
    expect([result.ballots, result.hands]).toEqual([3, 2]);
    expect(result.counts).toEqual([
      { optionId: "yes", count: 3, weight: 5 },
      { optionId: "no", count: 1, weight: 2 },
      { optionId: "abstain", count: 1, weight: 1 },
    ]);
  });
});

describe("choice forms", () => {
  const majority = [clause("majorityOfCast")];
  const multiple = (rule: RuleClause[]) => pollDefinition({ form: "multiple", options: ["甲", "乙", "丙", "丁"], minChoices: 1, maxChoices: 3, rule });
  const consent = (rule: RuleClause[]) => pollDefinition({ form: "consent", rule });
  table([
    {
      name: "single: 6 of 10 for 候选 1 → elected",
      definition: single(majority),
      eligible: units(10),
      tally: tally({ counts: { o1: 6, o2: 3, o3: 1 } }),
      passedOptions: ["o1"],
    },
    {
      name: "single: the most votes but no majority (5 of 10) → nobody",
      definition: single(majority),
      eligible: units(10),
      tally: tally({ counts: { o1: 5, o2: 3, o3: 2 } }),
      passedOptions: [],
    },
    {
      name: "single: a tie at the top (5 : 5) → nobody",
      definition: single(majority),
      eligible: units(10),
      tally: tally({ counts: { o1: 5, o2: 5 } }),
      passedOptions: [],
      clauses: [false, false, false],
    },
    {
      name: "single: a tie both over a lax 40 % rule → nobody (a single choice elects at most one)",
      definition: single([clause("percentOfEntitled", { percent: 40 })]),
      eligible: units(10),
      tally: tally({ counts: { o1: 4, o2: 4, o3: 2 } }),
      passedOptions: [],
      clauses: [true, true, false],
    },
    {
      name: "multiple: each option measured on its own, several elected (10 ballots: 7, 6, 5, 2)",
      definition: multiple(majority),
      eligible: units(12),
      tally: tally({ ballots: 10, counts: { o1: 7, o2: 6, o3: 5, o4: 2 } }),
      passedOptions: ["o1", "o2"],
      clauses: [true, true, false, false],
      first: [7, 10],
    },
    {
      name: "multiple: every option over 2/3 of the present → all elected",
      definition: multiple([clause("twoThirdsOfPresent")]),
      eligible: units(6),
      tally: tally({ ballots: 6, counts: { o1: 4, o2: 5, o3: 6, o4: 4 } }),
      passedOptions: ["o1", "o2", "o3", "o4"],
    },
    {
      name: "multiple: none over half → none",
      definition: multiple(majority),
      eligible: units(10),
      tally: tally({ ballots: 10, counts: { o1: 5, o2: 5, o3: 5, o4: 5 } }),
      passedOptions: [],
    },
    {
      name: "consent: 同意 7 of 10 → passes",
      definition: consent(majority),
      eligible: units(10),
      tally: tally({ counts: { agree: 7, disagree: 3 } }),
      passedOptions: ["agree"],
      clauses: [true],
    },
    {
      name: "consent: 同意 5, 不同意 5 → fails",
      definition: consent(majority),
      eligible: units(10),
      tally: tally({ counts: { agree: 5, disagree: 5 } }),
      passedOptions: [],
    },
    {
      name: "consent: a majority of 不同意 passes nothing",
      definition: consent(majority),
      eligible: units(10),
      tally: tally({ counts: { agree: 2, disagree: 8 } }),
      passedOptions: [],
      clauses: [false],
    },
    {
      name: "consent with a quorum missed → fails",
      definition: pollDefinition({ form: "consent", rule: majority, quorum: { share: { num: 3, den: 5 }, compare: "atLeast", measure: "count" } }),
      eligible: units(10),
      tally: tally({ counts: { agree: 5 } }),
      passedOptions: [],
      quorumMet: false,
    },
  ]);
});
