// The result of a poll: a pure function of its definition, the frozen eligible list, the
// ballot box totals and the hands counted in the room. Percentages are against the base each
// clause names; comparisons are exact (no rounding decides a vote).
import type { EligibleVoter, PollDefinition, PollOption, PollResult, RuleClause, Tally } from "./schema.ts";

interface Totals {
  ballots: number;
  weightCast: number;
  counts: Record<string, number>;
  weights: Record<string, number>;
}

/** The options a rule is measured on: 赞成 / 同意 for the fixed forms, each option otherwise. */
export function measuredOptions(definition: PollDefinition, options: readonly PollOption[]): string[] {
  return definition.form === "yesNoAbstain" || definition.form === "consent" ? [options[0]!.id] : options.map((o) => o.id);
}

export function computeResult(
  definition: PollDefinition,
  options: readonly PollOption[],
  eligible: readonly EligibleVoter[],
  tally: Tally,
  hands: Record<string, number> | null,
): PollResult {
  const handTotal = Object.values(hands ?? {}).reduce((a, b) => a + b, 0);
  const all = withHands(tally, hands);
  const clauses = measuredOptions(definition, options).flatMap((optionId) =>
    definition.rule.map((clause) => evaluate(clause, optionId, eligible, clause.householdPrefix === undefined ? all : group(tally, clause.householdPrefix))),
  );
  const passedOptions = [...new Set(clauses.map((c) => c.optionId))].filter((id) => clauses.every((c) => c.optionId !== id || c.passed));
  const quorum = definition.quorum === null ? null : (() => {
    const base = eligible.length;
    const turnout = all.ballots;
    const need = definition.quorum.percent;
    // strict: more than the percentage (超过半数); otherwise at least (不少于).
    const met = definition.quorum.strict ? turnout * 100 > need * base : turnout * 100 >= need * base;
    return { required: definition.quorum, turnout, base, met: base > 0 && met };
  })();
  // A single choice elects at most one option even if a lax rule lets several through.
  const elected = definition.form === "single" && passedOptions.length > 1 ? [] : passedOptions;
  const quorumMet = quorum?.met ?? true;
  return {
    eligibleCount: eligible.length,
    eligibleWeight: eligible.reduce((sum, unit) => sum + unit.weight, 0),
    presentCount: eligible.filter((unit) => unit.present).length,
    ballots: tally.ballots,
    hands: handTotal,
    counts: options.map((o) => ({ optionId: o.id, count: all.counts[o.id] ?? 0, weight: all.weights[o.id] ?? 0 })),
    clauses,
    quorum,
    passedOptions: quorumMet ? elected : [],
    passed: quorumMet && elected.length > 0,
  };
}

function evaluate(clause: RuleClause, optionId: string, eligible: readonly EligibleVoter[], totals: Totals): PollResult["clauses"][number] {
  const byWeight = clause.measure === "weight";
  // Weights have at most 4 decimals: compare them as integers of 1/10,000, exactly.
  const numerator = fixed((byWeight ? totals.weights[optionId] : totals.counts[optionId]) ?? 0);
  const scope = clause.householdPrefix === undefined ? eligible : eligible.filter((u) => u.household?.startsWith(clause.householdPrefix!) ?? false);
  const size = (units: readonly EligibleVoter[]) => fixed(byWeight ? units.reduce((sum, u) => sum + u.weight, 0) : units.length);
  let denominator: number;
  let passed: boolean;
  switch (clause.kind) {
    case "majorityOfCast":
      denominator = fixed(byWeight ? totals.weightCast : totals.ballots);
      passed = numerator * 2 > denominator;
      break;
    case "majorityOfEligible":
      denominator = size(scope);
      passed = numerator * 2 > denominator;
      break;
    case "twoThirdsOfPresent":
      denominator = size(scope.filter((u) => u.present));
      passed = numerator * 3 >= denominator * 2;
      break;
    case "twoThirdsOfEligible":
      denominator = size(scope);
      passed = numerator * 3 >= denominator * 2;
      break;
    case "percentOfEligible":
      denominator = size(scope);
      passed = numerator * 10_000 >= Math.round(clause.percent! * 100) * denominator;
      break;
  }
  // Nobody to decide: nothing passes (0 of 0 is not a majority).
  if (denominator === 0) passed = false;
  return { clause, optionId, numerator: numerator / SCALE, denominator: denominator / SCALE, percent: denominator === 0 ? 0 : (numerator / denominator) * 100, passed };
}

const SCALE = 10_000;
const fixed = (x: number): number => Math.round(x * SCALE);

function withHands(tally: Tally, hands: Record<string, number> | null): Totals {
  if (!hands) return tally;
  const counts = { ...tally.counts };
  const weights = { ...tally.weights };
  let raised = 0;
  for (const [optionId, n] of Object.entries(hands)) {
    counts[optionId] = (counts[optionId] ?? 0) + n;
    weights[optionId] = (weights[optionId] ?? 0) + n;
    raised += n;
  }
  // Each raised hand is one voter (a multiple-choice show of hands is not supported).
  return { ballots: tally.ballots + raised, weightCast: tally.weightCast + raised, counts, weights };
}

const group = (tally: Tally, prefix: string): Totals => tally.groups[prefix] ?? { ballots: 0, weightCast: 0, counts: {}, weights: {} };
