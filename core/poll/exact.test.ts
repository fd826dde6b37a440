// Exact counting and the rules these bodies use (issue: OpenSlides, Antragsgrün, Loomio and
// Chinese statutory wording): every share is n/d compared in integers at its exact boundary
// over sizes 1…30,000, quorums included; 实到 counts no latecomer; quorums by weight and heads;
// yes > no with abstentions left out; shares of the votes cast or of yes + no; 民法典 §278 with
// floor area and heads on one ballot; limits on another option and a 否决; elections.
import { describe, expect, it } from "vitest";
import { ev, given, mulberry32, people, pollDefinition, rosterEntry, tally } from "../../testing/core.ts";
import { checkBallot, pollOptions } from "./decide.ts";
import { computeResult, satisfies } from "./rules.ts";
import { clauseWords, quorumWords } from "./ruleText.ts";
import type { Compare, EligibleVoter, PollDefinition, Quorum, RuleClause, Share } from "./schema.ts";

const units = (n: number, present = true): EligibleVoter[] =>
  Array.from({ length: n }, (_, i) => ({ unitId: `u${i}`, participantIds: [`u${i}`], weight: 1, household: null, present }));
const clause = (base: RuleClause["base"], num: number, den: number, compare: Compare, fields: Partial<RuleClause> = {}): RuleClause => ({
  base,
  share: { num, den },
  compare,
  measure: "count",
  ...fields,
});
const quorum = (num: number, den: number, compare: "atLeast" | "more" = "atLeast", measure: Quorum["measure"] = "count"): Quorum => ({
  share: { num, den },
  compare,
  measure,
});

/** The relation restated with BigInt, independent of the rule code. */
function holds(compare: Compare, amount: number, share: Share, base: number): boolean {
  if (base === 0) return false;
  const [l, r] = [BigInt(amount) * BigInt(share.den), BigInt(share.num) * BigInt(base)];
  return compare === "more" ? l > r : compare === "atLeast" ? l >= r : compare === "atMost" ? l <= r : l < r;
}

/** The smallest amount that reaches share of base (atLeast) — the boundary the tests sit on. */
const boundary = (share: Share, base: number): number => Math.ceil((share.num * base) / share.den - 1e-12);

describe("every share at its exact boundary, sizes 1…30,000 (property)", () => {
  const shares: Share[] = [
    { num: 1, den: 2 },
    { num: 2, den: 3 },
    { num: 3, den: 4 },
    { num: 4, den: 5 },
    { num: 6667, den: 10_000 },
    { num: 7, den: 12 },
  ];
  const random = mulberry32(20261205);
  const sizes = [1, 2, 3, 5, 15, 27, 28, 30, 42, 4_999, 5_000, 5_001, 29_999, 30_000, ...Array.from({ length: 120 }, () => 1 + Math.floor(random() * 30_000))];
  it.each(shares)("%j: at, one below, one above, for every compare", (share) => {
    for (const n of sizes) {
      const at = boundary(share, n);
      for (const amount of [at - 1, at, at + 1].filter((a) => a >= 0 && a <= n)) {
        for (const compare of ["more", "atLeast", "atMost", "less"] as const) {
          expect(satisfies({ share, compare }, amount, n), `${amount} ${compare} ${share.num}/${share.den} of ${n}`).toBe(holds(compare, amount, share, n));
        }
      }
    }
  });

  it("a poll's result agrees at the boundary: 2/3 of 应到 with exactly two thirds passes (28 of 42), one short fails", () => {
    const d = pollDefinition({ rule: [clause("entitled", 2, 3, "atLeast")] });
    for (const n of [3, 15, 27, 30, 42, 300, 29_997]) {
      const pass = computeResult(d, pollOptions(d), units(n), tally({ counts: { yes: (2 * n) / 3, no: n / 3 } }), null);
      const fail = computeResult(d, pollOptions(d), units(n), tally({ counts: { yes: (2 * n) / 3 - 1, no: n / 3 + 1 } }), null);
      expect([pass.passed, fail.passed], `n = ${n}`).toEqual([true, false]);
    }
  });
});

describe("quorum as an exact fraction (有效人数)", () => {
  const d = (q: Quorum) => pollDefinition({ rule: [clause("cast", 1, 2, "more")], quorum: q });
  const turnout = (q: Quorum, n: number, voters: number) =>
    computeResult(d(q), pollOptions(d(q)), units(n), tally({ counts: { yes: voters } }), null).quorum!.met;
  it("exactly two thirds meets 三分之二以上（含本数）: 28 of 42, 10 of 15; one short does not", () => {
    for (const n of [3, 15, 27, 30, 42, 5_001, 30_000]) {
      expect(turnout(quorum(2, 3), n, (2 * n) / 3), `n = ${n}`).toBe(true);
      expect(turnout(quorum(2, 3), n, (2 * n) / 3 - 1), `n = ${n}`).toBe(false);
    }
  });
  it("more than half (超过半数): exactly half misses", () => {
    expect(turnout(quorum(1, 2, "more"), 10, 5)).toBe(false);
    expect(turnout(quorum(1, 2, "more"), 10, 6)).toBe(true);
  });
  it("a weighted quorum by weight: 3 % of the weight does not meet 60 % by weight, though most heads voted", () => {
    const eligible: EligibleVoter[] = [...units(9), { unitId: "big", participantIds: ["big"], weight: 291, household: null, present: true }];
    const dw = pollDefinition({ weighted: true, rule: [clause("cast", 1, 2, "more")], quorum: quorum(3, 5, "atLeast", "weight") });
    const r = computeResult(dw, pollOptions(dw), eligible, tally({ counts: { yes: 9 }, weights: { yes: 9 } }), null);
    expect(r.quorum).toMatchObject({ met: false, checks: [{ measure: "weight", turnout: 9, base: 300, met: false }] });
    const both = pollDefinition({ weighted: true, rule: [clause("cast", 1, 2, "more")], quorum: quorum(3, 5, "atLeast", "both") });
    expect(computeResult(both, pollOptions(both), eligible, tally({ counts: { yes: 9 }, weights: { yes: 9 } }), null).quorum!.checks.map((c) => c.met)).toEqual(
      [true, false],
    );
  });
});

describe("two thirds of those present counts only ballots of those present at the opening", () => {
  it("absentees' yes ballots (voting on arrival) are left out of a 实到 clause", () => {
    const eligible = [...units(6), ...units(3, false).map((u) => ({ ...u, unitId: `late${u.unitId}`, participantIds: [`late${u.unitId}`] }))];
    const d = pollDefinition({
      eligibility: { roles: ["member"], absentMayVote: true, side: null, perHousehold: false },
      rule: [clause("present", 2, 3, "atLeast")],
    });
    const present = { ballots: 6, weightCast: 6, counts: { yes: 3, no: 3 }, weights: { yes: 3, no: 3 } };
    const r = computeResult(d, pollOptions(d), eligible, tally({ counts: { yes: 6, no: 3 }, groups: { "@present:": present } }), null);
    expect(r.clauses[0]).toMatchObject({ numerator: 3, denominator: 6, passed: false });
  });
});

describe("rules these bodies use", () => {
  const yna = (rule: RuleClause[], fields: Parameters<typeof pollDefinition>[0] = {}) => pollDefinition({ form: "yesNoAbstain", rule, ...fields });
  const run = (d: PollDefinition, counts: Record<string, number>, n = 20, hands: Record<string, number> | null = null) =>
    computeResult(d, pollOptions(d), units(n), tally({ counts }), hands);

  it("yes > no with abstentions left out (Antragsgrün simple majority, OpenSlides YN)", () => {
    const d = yna([clause("decisive", 1, 2, "more")]);
    expect(run(d, { yes: 5, no: 4, abstain: 11 }).passed).toBe(true);
    expect(run(d, { yes: 5, no: 5, abstain: 10 }).passed).toBe(false);
    expect(run(d, { yes: 5, no: 4, abstain: 11 }).clauses[0]).toMatchObject({ numerator: 5, denominator: 9 });
  });
  it("two thirds of the votes cast, and three quarters of yes + no", () => {
    expect(run(yna([clause("cast", 2, 3, "atLeast")]), { yes: 8, no: 3, abstain: 1 }).passed).toBe(true);
    expect(run(yna([clause("cast", 2, 3, "atLeast")]), { yes: 7, no: 3, abstain: 1 }).passed).toBe(false);
    expect(run(yna([clause("decisive", 3, 4, "atLeast")]), { yes: 9, no: 3, abstain: 8 }).passed).toBe(true);
    expect(run(yna([clause("decisive", 3, 4, "atLeast")]), { yes: 8, no: 3, abstain: 8 }).passed).toBe(false);
  });
  it("an upper bound on another option: 弃权 ≤ 30 % of the votes cast", () => {
    const d = yna([clause("cast", 1, 2, "more"), clause("cast", 3, 10, "atMost", { option: "abstain" })]);
    expect(run(d, { yes: 7, no: 0, abstain: 3 }).passed).toBe(true);
    const over = run(d, { yes: 6, no: 0, abstain: 4 });
    expect(over.passed).toBe(false);
    expect(over.clauses.map((c) => [c.optionId, c.passed])).toEqual([
      ["yes", true],
      ["abstain", false],
    ]);
  });
  it("a 否决 (consent decision-making): one veto ballot blocks", () => {
    const d = pollDefinition({ form: "consent", veto: true, rule: [clause("cast", 1, 2, "more"), clause("cast", 0, 1, "atMost", { option: "veto" })] });
    expect(pollOptions(d).map((o) => o.id)).toEqual(["agree", "disagree", "veto"]);
    expect(run(d, { agree: 15, disagree: 2 }).passed).toBe(true);
    expect(run(d, { agree: 15, disagree: 1, veto: 1 }).passed).toBe(false);
  });
  it("blank and invalid paper ballots are in 投票 and for nobody", () => {
    const d = yna([clause("cast", 1, 2, "more")]);
    const r = run(d, { yes: 5, no: 2 }, 20, { blank: 2, invalid: 2 });
    expect([r.ballots + r.hands, r.blank, r.invalid]).toEqual([11, 2, 2]);
    expect(r.clauses[0]).toMatchObject({ numerator: 5, denominator: 11, passed: false });
    // The decisive base leaves them out: 5 of 7.
    expect(run(yna([clause("decisive", 1, 2, "more")]), { yes: 5, no: 2 }, 20, { blank: 2, invalid: 2 }).clauses[0]).toMatchObject({
      numerator: 5,
      denominator: 7,
      passed: true,
    });
  });
});

describe("民法典 §278: the 1号楼 owners' lift vote (area and heads on one ballot)", () => {
  // 12 owners of 1号楼 with their floor areas (专有部分面积, m²): 1,080 m² in all.
  const areas = [60, 60, 75, 75, 90, 90, 90, 90, 110, 110, 120, 110];
  const owners: EligibleVoter[] = areas.map((weight, i) => ({
    unitId: `household:1号楼${101 + i}`,
    participantIds: [`o${i}`],
    weight,
    household: `1号楼${101 + i}`,
    present: true,
  }));
  // 参与表决: ≥ 2/3 of the area and ≥ 2/3 of the owners; 电梯加装 with maintenance funds: ≥ 3/4 of the participating area and owners.
  const lift = pollDefinition({
    form: "consent",
    weighted: true,
    eligibility: { roles: ["member"], absentMayVote: false, side: null, perHousehold: true },
    quorum: quorum(2, 3, "atLeast", "both"),
    rule: [clause("cast", 3, 4, "atLeast"), clause("cast", 3, 4, "atLeast", { measure: "weight" })],
  });
  const vote = (agree: number[], disagree: number[]) => {
    const sum = (ids: number[]) => ids.reduce((s, i) => s + areas[i]!, 0);
    return computeResult(
      lift,
      pollOptions(lift),
      owners,
      tally({ counts: { agree: agree.length, disagree: disagree.length }, weights: { agree: sum(agree), disagree: sum(disagree) } }),
      null,
    );
  };
  it("passes: 10 owners (860 m²) take part, 8 owners with 740 m² agree (80 % / 86 %)", () => {
    const r = vote([2, 3, 4, 5, 6, 7, 8, 10], [0, 1]);
    expect(r.quorum!.checks.map((c) => [c.measure, c.turnout, c.base, c.met])).toEqual([
      ["count", 10, 12, true],
      ["weight", 860, 1080, true],
    ]);
    expect(r.clauses.map((c) => [c.numerator, c.denominator, c.passed])).toEqual([
      [8, 10, true],
      [740, 860, true],
    ]);
    expect(r.passed).toBe(true);
  });
  it("fails on area: 8 of 10 owners agree but only 630 of 860 m² (73.3 %)", () => {
    const r = vote([0, 1, 2, 3, 4, 5, 6, 7], [9, 10]);
    expect(r.clauses.map((c) => c.passed)).toEqual([true, false]);
    expect(r.passed).toBe(false);
  });
  it("fails on participation: 7 owners with exactly 2/3 of the area (720 of 1,080 m²) but fewer than 2/3 of the owners", () => {
    const r = vote([5, 6, 7, 8, 9, 10, 11], []);
    expect(r.quorum!.checks.map((c) => c.met)).toEqual([false, true]);
    expect(r.passed).toBe(false);
  });
  it("says it in words", () => {
    expect(quorumWords(lift.quorum!, { perHousehold: true }, "zh")).toBe(
      "参与表决的户数不少于应到户数的三分之二（含本数），且参与表决的权重不少于应到权重的三分之二（含本数）",
    );
    expect(clauseWords(lift.rule[1]!, { perHousehold: true }, "zh")).toBe("不少于投票权重的四分之三（含本数）");
  });
});

describe("elections (选举)", () => {
  const candidates = ["王芳", "李强", "赵敏", "陈刚", "周丽"];
  it("choose up to 3 of 5 (差额选举): more than half of the ballots cast, blank ballots included; the 3 with the most votes", () => {
    const d = pollDefinition({ form: "multiple", options: candidates, maxChoices: 3, seats: 3, allowBlank: true, rule: [clause("cast", 1, 2, "more")] });
    // 21 ballots, one of them blank: a candidate needs 11.
    const r = computeResult(d, pollOptions(d), units(25), tally({ ballots: 21, blank: 1, counts: { o1: 16, o2: 12, o3: 11, o4: 15, o5: 6 } }), null);
    expect(r.clauses.map((c) => c.passed)).toEqual([true, true, true, true, false]);
    expect(r.passedOptions).toEqual(["o1", "o4", "o2"]);
    expect(r.blank).toBe(1);
  });
  it("a tie for the last seat elects none of the tied", () => {
    const d = pollDefinition({ form: "multiple", options: candidates, maxChoices: 3, seats: 3, rule: [clause("cast", 1, 2, "more")] });
    const r = computeResult(d, pollOptions(d), units(25), tally({ ballots: 20, counts: { o1: 16, o2: 12, o3: 12, o4: 15, o5: 6 } }), null);
    expect(r.passedOptions.sort()).toEqual(["o1", "o4"]);
    expect(r.tiedAtCut!.sort()).toEqual(["o2", "o3"]);
  });
  it("per candidate 赞成/反对/弃权 (等额选举): unmarked is 弃权; each needs more than half of 投票", () => {
    const d = pollDefinition({ form: "candidates", options: candidates.slice(0, 3), seats: 3, rule: [clause("cast", 1, 2, "more")] });
    const r = computeResult(
      d,
      pollOptions(d),
      units(12),
      tally({ ballots: 10, weightCast: 10, counts: { "o1:yes": 9, "o1:no": 1, "o2:yes": 5, "o2:no": 2, "o3:yes": 6 } }),
      null,
    );
    expect(r.passedOptions).toEqual(["o1", "o3"]);
    expect(r.counts.filter((c) => c.optionId.startsWith("o2"))).toEqual([
      { optionId: "o2:yes", count: 5, weight: 5 },
      { optionId: "o2:no", count: 2, weight: 2 },
      { optionId: "o2:abstain", count: 3, weight: 3 },
    ]);
  });
  it("an election ballot: one answer per candidate at most; a blank ballot where allowed", () => {
    const roster = [people.alice, people.bob].map((p) => rosterEntry(p));
    const open = (d: PollDefinition) =>
      given(ev.rosterSet(roster), ev.arrived([people.alice.participantId]), ev.pollCreated("q1", d), ev.pollOpened("q1")).state;
    const cand = open(pollDefinition({ form: "candidates", options: candidates.slice(0, 3), rule: [clause("cast", 1, 2, "more")] }));
    const A = people.alice.participantId;
    expect(checkBallot(cand, A, { pollId: "q1", choices: ["o3:no", "o1:yes"] })).toMatchObject({ ok: true, value: { choices: ["o1:yes", "o3:no"] } });
    expect(checkBallot(cand, A, { pollId: "q1", choices: [] }).ok).toBe(true);
    expect(checkBallot(cand, A, { pollId: "q1", choices: ["o1:yes", "o1:no"] })).toMatchObject({ ok: false, error: { code: "INVALID_BALLOT" } });
    expect(checkBallot(cand, A, { pollId: "q1", choices: ["o4:yes"] })).toMatchObject({ ok: false, error: { code: "INVALID_BALLOT" } });
    expect(checkBallot(cand, A, { pollId: "q1", choices: ["o1:maybe"] })).toMatchObject({ ok: false, error: { code: "INVALID_BALLOT" } });
    const multi = (allowBlank: boolean) =>
      open(pollDefinition({ form: "multiple", options: candidates, maxChoices: 3, allowBlank, rule: [clause("cast", 1, 2, "more")] }));
    expect(checkBallot(multi(true), A, { pollId: "q1", choices: [] }).ok).toBe(true);
    expect(checkBallot(multi(false), A, { pollId: "q1", choices: [] })).toMatchObject({ ok: false, error: { code: "INVALID_BALLOT" } });
  });
  it("rules in words name the option they limit", () => {
    expect(clauseWords(clause("cast", 3, 10, "atMost", { option: "abstain" }), { perHousehold: false }, "zh", "弃权")).toBe(
      "弃权票不超过投票数的30%（含本数）",
    );
    expect(clauseWords(clause("cast", 0, 1, "atMost", { option: "veto" }), { perHousehold: false }, "zh", "否决")).toBe("没有否决票");
    expect(clauseWords(clause("decisive", 1, 2, "more"), { perHousehold: false }, "zh")).toBe("超过赞成与反对票数的半数");
    expect(clauseWords(clause("decisive", 1, 2, "more"), { perHousehold: false }, "en")).toBe(
      "more than half of the votes for and against (abstentions and blank ballots left out)",
    );
  });
});
