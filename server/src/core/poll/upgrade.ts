// Polls created before the bases were named (2026-12) stored their rule as clause kinds
// (majorityOfCast, percentOfEligible …) and a `presentOnly` eligibility. Their events stay in the
// log as written; evolve reads them through these functions, so every poll in the state speaks
// the current shape and closed polls keep the results they were announced with.
import type { ClauseResult, Eligibility, LegacyRuleClause, PollDefinition, PollResult, RuleClause } from "./schema.ts";

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** n/d in lowest terms. */
export function reduced(num: number, den: number): { num: number; den: number } {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

function upgradeClause(clause: RuleClause | LegacyRuleClause): RuleClause {
  if (!("kind" in clause)) return clause;
  const rest = { measure: clause.measure, ...(clause.householdPrefix === undefined ? {} : { householdPrefix: clause.householdPrefix }) };
  switch (clause.kind) {
    case "majorityOfCast":
      return { base: "cast", share: { num: 1, den: 2 }, atLeast: false, ...rest };
    case "majorityOfEligible":
      return { base: "entitled", share: { num: 1, den: 2 }, atLeast: false, ...rest };
    case "twoThirdsOfPresent":
      return { base: "present", share: { num: 2, den: 3 }, atLeast: true, ...rest };
    case "twoThirdsOfEligible":
      return { base: "entitled", share: { num: 2, den: 3 }, atLeast: true, ...rest };
    case "percentOfEligible":
      // The percent had at most two decimals (the old form); as hundredths it is exact.
      return { base: "entitled", share: reduced(Math.round((clause.percent ?? 100) * 100), 10_000), atLeast: true, ...rest };
  }
}

export function upgradeDefinition(definition: PollDefinition): PollDefinition {
  const rule = definition.rule as (RuleClause | LegacyRuleClause)[];
  const eligibility: Eligibility = definition.eligibility;
  if (!rule.some((c) => "kind" in c) && eligibility.presentOnly === undefined) return definition;
  return {
    ...definition,
    rule: rule.map(upgradeClause),
    // presentOnly false let the absent vote; true kept them off the list (eligibility.ts).
    eligibility: { ...eligibility, absentMayVote: eligibility.absentMayVote ?? eligibility.presentOnly === false },
  };
}

export function upgradeResult(result: PollResult | null): PollResult | null {
  if (result === null) return null;
  const clauses = result.clauses as (Omit<ClauseResult, "clause"> & { clause: RuleClause | LegacyRuleClause })[];
  if (!clauses.some((c) => "kind" in c.clause)) return result;
  return { ...result, clauses: clauses.map((c) => ({ ...c, clause: upgradeClause(c.clause) })) };
}
