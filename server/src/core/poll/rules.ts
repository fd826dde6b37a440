// The result of a poll: a pure function of its definition, the frozen eligible list (应到, each
// unit marked present at the opening or not), the ballot box totals and the hands counted in
// the room. Each clause is measured against the base it names and only that base; every
// comparison is in integers (weights are fixed-point), so no rounding decides a vote.
import type { ClauseResult, EligibleVoter, PollDefinition, PollOption, PollResult, RuleClause, Tally } from "./schema.ts";

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

const PRESENT = "@present:";

/**
 * The ballot-box group a clause counts, or null for all ballots: the units of one building
 * (its prefix), the units present at the opening (a 实到 clause counts no latecomer's ballot),
 * or both.
 */
export function clauseGroup(clause: Pick<RuleClause, "base" | "householdPrefix">): string | null {
  if (clause.base === "present") return `${PRESENT}${clause.householdPrefix ?? ""}`;
  return clause.householdPrefix ?? null;
}

const inScope = (unit: EligibleVoter, prefix: string | undefined): boolean =>
  prefix === undefined || (unit.household?.startsWith(prefix) ?? false);

/** The groups of the poll's clauses that a unit's ballot belongs to (stored with the ballot). */
export function groupsOf(definition: PollDefinition, unit: EligibleVoter): string[] {
  const groups = definition.rule.flatMap((clause) => {
    const group = clauseGroup(clause);
    if (group === null || !inScope(unit, clause.householdPrefix)) return [];
    return clause.base === "present" && !unit.present ? [] : [group];
  });
  return [...new Set(groups)];
}

/** Whether `amount` satisfies `clause` against `base` (both fixed-point or both counts). */
export const satisfies = (clause: Pick<RuleClause, "share" | "atLeast">, amount: number, base: number): boolean =>
  base > 0 && (clause.atLeast ? amount * clause.share.den >= clause.share.num * base : amount * clause.share.den > clause.share.num * base);

export function computeResult(
  definition: PollDefinition,
  options: readonly PollOption[],
  eligible: readonly EligibleVoter[],
  tally: Tally,
  hands: Record<string, number> | null,
): PollResult {
  const handTotal = Object.values(hands ?? {}).reduce((a, b) => a + b, 0);
  const all = withHands(tally, hands);
  const totalsFor = (clause: RuleClause): Totals => {
    const group = clauseGroup(clause);
    if (group === null) return all;
    const totals = tally.groups[group] ?? { ballots: 0, weightCast: 0, counts: {}, weights: {} };
    // Hands are raised in the room by people present: they count for 实到, not for a building.
    return group === PRESENT ? withHands(totals, hands) : totals;
  };
  const clauses = measuredOptions(definition, options).flatMap((optionId) =>
    definition.rule.map((clause) => evaluate(clause, optionId, eligible, totalsFor(clause))),
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

/** The units a clause's base is made of (应到 or 实到, within its building). */
export function baseUnits(clause: Pick<RuleClause, "base" | "householdPrefix">, eligible: readonly EligibleVoter[]): EligibleVoter[] {
  const scope = eligible.filter((u) => inScope(u, clause.householdPrefix));
  return clause.base === "present" ? scope.filter((u) => u.present) : scope;
}

/** A set of units measured as the clause measures: heads, or weights (fixed-point). */
export const amountOf = (clause: Pick<RuleClause, "measure">, units: readonly EligibleVoter[]): number =>
  fixed(clause.measure === "weight" ? units.reduce((sum, u) => sum + u.weight, 0) : units.length);

function evaluate(clause: RuleClause, optionId: string, eligible: readonly EligibleVoter[], totals: Totals): ClauseResult {
  const byWeight = clause.measure === "weight";
  const numerator = fixed((byWeight ? totals.weights[optionId] : totals.counts[optionId]) ?? 0);
  const denominator = clause.base === "cast" ? fixed(byWeight ? totals.weightCast : totals.ballots) : amountOf(clause, baseUnits(clause, eligible));
  // Nobody to decide: nothing passes (0 of 0 is not a majority).
  const passed = satisfies(clause, numerator, denominator);
  return { clause, optionId, numerator: numerator / SCALE, denominator: denominator / SCALE, percent: denominator === 0 ? 0 : (numerator / denominator) * 100, passed };
}

// Weights have at most 4 decimals: compared as integers of 1/10,000, exactly.
export const SCALE = 10_000;
const fixed = (x: number): number => Math.round(x * SCALE);

function withHands(totals: Totals, hands: Record<string, number> | null): Totals {
  if (!hands) return totals;
  const counts = { ...totals.counts };
  const weights = { ...totals.weights };
  let raised = 0;
  for (const [optionId, n] of Object.entries(hands)) {
    counts[optionId] = (counts[optionId] ?? 0) + n;
    weights[optionId] = (weights[optionId] ?? 0) + n;
    raised += n;
  }
  // Each raised hand is one voter (a multiple-choice show of hands is not supported).
  return { ballots: totals.ballots + raised, weightCast: totals.weightCast + raised, counts, weights };
}
