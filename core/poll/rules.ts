// The result of a poll: a pure function of its definition, the frozen eligible list (应到, each
// unit marked present at the opening or not), the ballot box totals and the hands or paper
// ballots counted in the room. Each clause is measured against the base it names and only that
// base; every comparison is between integers (weights are fixed-point, shares are n/d), so no
// rounding decides a vote (server/src/polls/ruleCode.test.ts keeps it so).
import type { ClauseResult, EligibleVoter, PollDefinition, PollOption, PollResult, Quorum, RuleClause, Tally } from "./schema.ts";

interface Totals {
  ballots: number;
  weightCast: number;
  counts: Record<string, number>;
  weights: Record<string, number>;
  /** Ballots that chose nothing (空白票). */
  blank?: number;
  /** Paper ballots found invalid (废票), entered by the clerk. */
  invalid?: number;
}

/** The reserved ids of hand or paper counts that are in 投票 but for nobody. */
export const BLANK = "blank";
export const INVALID = "invalid";

/** A candidate's answer on an election ballot: `o2:yes`. */
export const candidateChoice = (candidateId: string, answer: "yes" | "no" | "abstain"): string => `${candidateId}:${answer}`;

/**
 * The options a rule is measured on: 赞成 / 同意 for the fixed forms, each candidate's 赞成 in an
 * election, each option otherwise.
 */
export function measuredOptions(definition: Pick<PollDefinition, "form">, options: readonly PollOption[]): string[] {
  if (definition.form === "yesNoAbstain" || definition.form === "consent") return [options[0]!.id];
  if (definition.form === "candidates") return options.map((o) => candidateChoice(o.id, "yes"));
  return options.map((o) => o.id);
}

/** The option (or candidate) an elected measured option stands for. */
const electedId = (measured: string): string => measured.replace(/:yes$/, "");

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

const inScope = (unit: EligibleVoter, prefix: string | undefined): boolean => prefix === undefined || (unit.household?.startsWith(prefix) ?? false);

/** The groups of the poll's clauses that a unit's ballot belongs to (stored with the ballot). */
export function groupsOf(definition: PollDefinition, unit: EligibleVoter): string[] {
  const groups = definition.rule.flatMap((clause) => {
    const group = clauseGroup(clause);
    if (group === null || !inScope(unit, clause.householdPrefix)) return [];
    return clause.base === "present" && !unit.present ? [] : [group];
  });
  return [...new Set(groups)];
}

/** Whether `amount` stands in the clause's relation to `share` of `base` (both fixed-point or both counts). */
export function satisfies(clause: Pick<RuleClause, "share" | "compare">, amount: number, base: number): boolean {
  // Nobody to decide: nothing passes, not even a limit (0 of 0 is no majority, and no result).
  if (base <= 0) return false;
  const left = amount * clause.share.den;
  const right = clause.share.num * base;
  switch (clause.compare) {
    case "more":
      return left > right;
    case "atLeast":
      return left >= right;
    case "atMost":
      return left <= right;
    case "less":
      return left < right;
  }
}

export function computeResult(
  definition: PollDefinition,
  options: readonly PollOption[],
  eligible: readonly EligibleVoter[],
  tally: Tally,
  hands: Record<string, number> | null,
): PollResult {
  const counted = Object.entries(hands ?? {});
  const handTotal = counted.reduce((sum, [, n]) => sum + n, 0);
  const all = withHands(tally, hands);
  const totalsFor = (clause: RuleClause): Totals => {
    const group = clauseGroup(clause);
    if (group === null) return all;
    const totals = tally.groups[group] ?? { ballots: 0, weightCast: 0, counts: {}, weights: {} };
    // Hands and paper ballots are from people in the room: they count for 实到, not for a building.
    return group === PRESENT ? withHands(totals, hands) : totals;
  };
  const measured = measuredOptions(definition, options);
  // A clause naming its option (a limit on 弃权 or 否决) is checked once; the others per measured option.
  const clauses = [
    ...measured.flatMap((optionId) =>
      definition.rule.filter((c) => c.option === undefined).map((clause) => evaluate(clause, optionId, eligible, totalsFor(clause), definition.form)),
    ),
    ...definition.rule.filter((c) => c.option !== undefined).map((clause) => evaluate(clause, clause.option!, eligible, totalsFor(clause), definition.form)),
  ];
  const overall = clauses.filter((c) => c.clause.option !== undefined).every((c) => c.passed);
  const passing = measured.filter((id) => overall && clauses.every((c) => c.clause.option !== undefined || c.optionId !== id || c.passed));
  const quorum = definition.quorum === null ? null : quorumOf(definition.quorum, eligible, all);
  const quorumMet = quorum?.met ?? true;
  const { elected, tied } = withinSeats(passing, seatsOf(definition), all.counts);
  return {
    eligibleCount: eligible.length,
    eligibleWeight: eligible.reduce((sum, unit) => sum + unit.weight, 0),
    presentCount: eligible.filter((unit) => unit.present).length,
    ballots: tally.ballots,
    hands: handTotal,
    counts: countLines(definition, options, all),
    ...(all.blank ? { blank: all.blank } : {}),
    ...(all.invalid ? { invalid: all.invalid } : {}),
    ...(tally.proxies ? { proxies: tally.proxies } : {}),
    ...(tally.paper ? { paper: tally.paper } : {}),
    clauses,
    quorum,
    passedOptions: quorumMet ? elected.map(electedId) : [],
    ...(tied.length > 0 ? { tiedAtCut: tied.map(electedId) } : {}),
    passed: quorumMet && elected.length > 0,
  };
}

/** A single choice elects one; an election as many as its seats; otherwise every passing option. */
const seatsOf = (definition: PollDefinition): number | null => definition.seats ?? (definition.form === "single" ? 1 : null);

/** The passing options with the most votes, up to the seats; a tie for the last seat elects none of the tied. */
function withinSeats(passing: readonly string[], seats: number | null, counts: Record<string, number>): { elected: string[]; tied: string[] } {
  if (seats === null || passing.length <= seats) return { elected: [...passing], tied: [] };
  const votes = (id: string) => counts[id] ?? 0;
  const ranked = [...passing].sort((a, b) => votes(b) - votes(a));
  const cut = votes(ranked[seats - 1]!);
  if (votes(ranked[seats]!) !== cut) return { elected: ranked.slice(0, seats), tied: [] };
  return { elected: ranked.filter((id) => votes(id) > cut), tied: ranked.filter((id) => votes(id) === cut) };
}

/** Per option (per candidate and answer in an election, abstentions including unmarked ones). */
function countLines(definition: PollDefinition, options: readonly PollOption[], all: Totals): PollResult["counts"] {
  const line = (optionId: string) => ({ optionId, count: all.counts[optionId] ?? 0, weight: all.weights[optionId] ?? 0 });
  if (definition.form !== "candidates") return options.map((o) => line(o.id));
  return options.flatMap((o) => {
    const [yes, no] = [line(candidateChoice(o.id, "yes")), line(candidateChoice(o.id, "no"))];
    // A candidate left unmarked on a ballot is an abstention (弃权) for that candidate.
    const abstain = { optionId: candidateChoice(o.id, "abstain"), count: all.ballots - yes.count - no.count, weight: all.weightCast - yes.weight - no.weight };
    return [yes, no, abstain];
  });
}

/**
 * The quorum by heads and/or weight against 应到: the ballots (and counted hands), or with `of:
 * "present"` the units present at the opening (实到, whether they voted or not).
 */
function quorumOf(required: Quorum, eligible: readonly EligibleVoter[], all: Totals): NonNullable<PollResult["quorum"]> {
  const measures = required.measure === "both" ? (["count", "weight"] as const) : [required.measure];
  const present = eligible.filter((u) => u.present);
  const checks = measures.map((measure) => {
    const turnout =
      required.of === "present"
        ? measure === "weight"
          ? present.reduce((sum, u) => sum + u.weight, 0)
          : present.length
        : measure === "weight"
          ? all.weightCast
          : all.ballots;
    const base = measure === "weight" ? eligible.reduce((sum, u) => sum + u.weight, 0) : eligible.length;
    return { measure, turnout, base, met: satisfies(required, fixed(turnout), fixed(base)) };
  });
  return { required, checks, met: checks.every((c) => c.met) };
}

/** The units a clause's base is made of (应到 or 实到, within its building). */
export function baseUnits(clause: Pick<RuleClause, "base" | "householdPrefix">, eligible: readonly EligibleVoter[]): EligibleVoter[] {
  const scope = eligible.filter((u) => inScope(u, clause.householdPrefix));
  return clause.base === "present" ? scope.filter((u) => u.present) : scope;
}

/** A set of units measured as the clause measures: heads, or weights (fixed-point). */
export const amountOf = (clause: Pick<RuleClause, "measure">, units: readonly EligibleVoter[]): number =>
  fixed(clause.measure === "weight" ? units.reduce((sum, u) => sum + u.weight, 0) : units.length);

/** The ballots for or against: all but abstentions, blank and invalid ballots (per candidate in an election). */
function decisive(totals: Totals, optionId: string, form: PollDefinition["form"], byWeight: boolean): number {
  const pick = (id: string) => (byWeight ? totals.weights[id] : totals.counts[id]) ?? 0;
  if (form === "candidates") {
    const candidate = optionId.replace(/:(yes|no|abstain)$/, "");
    return pick(candidateChoice(candidate, "yes")) + pick(candidateChoice(candidate, "no"));
  }
  const cast = byWeight ? totals.weightCast : totals.ballots;
  // Blank and invalid ballots here are the room's paper ballots, weighing 1 (a weighted poll allows no blank electronic ballot).
  return cast - pick("abstain") - (totals.blank ?? 0) - (totals.invalid ?? 0);
}

function evaluate(clause: RuleClause, optionId: string, eligible: readonly EligibleVoter[], totals: Totals, form: PollDefinition["form"]): ClauseResult {
  const byWeight = clause.measure === "weight";
  const numerator = fixed((byWeight ? totals.weights[optionId] : totals.counts[optionId]) ?? 0);
  const denominator =
    clause.base === "cast"
      ? fixed(byWeight ? totals.weightCast : totals.ballots)
      : clause.base === "decisive"
        ? fixed(decisive(totals, optionId, form, byWeight))
        : amountOf(clause, baseUnits(clause, eligible));
  const passed = satisfies(clause, numerator, denominator);
  return {
    clause,
    optionId,
    numerator: numerator / SCALE,
    denominator: denominator / SCALE,
    percent: denominator === 0 ? 0 : (numerator / denominator) * 100,
    passed,
  };
}

// Weights have at most 4 decimals: compared as integers of 1/10,000, exactly.
export const SCALE = 10_000;
const fixed = (x: number): number => Math.round(x * SCALE);

/** Hands (or paper ballots) counted in the room: one ballot each; `blank` and `invalid` for nobody. */
function withHands(totals: Totals, hands: Record<string, number> | null): Totals {
  if (!hands) return totals;
  const counts = { ...totals.counts };
  const weights = { ...totals.weights };
  let raised = 0;
  for (const [optionId, n] of Object.entries(hands)) {
    raised += n;
    if (optionId === BLANK || optionId === INVALID) continue;
    counts[optionId] = (counts[optionId] ?? 0) + n;
    weights[optionId] = (weights[optionId] ?? 0) + n;
  }
  return {
    ballots: totals.ballots + raised,
    weightCast: totals.weightCast + raised,
    counts,
    weights,
    blank: (totals.blank ?? 0) + (hands[BLANK] ?? 0),
    invalid: (totals.invalid ?? 0) + (hands[INVALID] ?? 0),
  };
}
