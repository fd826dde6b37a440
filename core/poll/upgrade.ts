// Polls keep the shape they were created with in the log. Two older shapes are read here, so
// that every poll in the state speaks the current one and closed polls keep the results they
// were announced with (the result is carried by poll.closed, never recomputed):
// - before the bases were named (polls created before 2026-12-05): clause kinds
//   (majorityOfCast, percentOfEligible …), `presentOnly`, a quorum in percent;
// - the first named bases (2026-12-05): `atLeast: boolean` where `compare` is now.
import type { ClauseResult, Eligibility, LegacyQuorum, LegacyRuleClause, PollDefinition, PollResult, Quorum, RuleClause } from "./schema.ts";

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** n/d in lowest terms. */
export function reduced(num: number, den: number): { num: number; den: number } {
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** A percentage with at most two decimals as an exact share: 80 → 4/5, 66.67 → 6667/10000. */
export const percentShare = (percent: number): { num: number; den: number } => reduced(Math.round(percent * 100), 10_000);

type FirstNamedClause = Omit<RuleClause, "compare"> & { atLeast: boolean };
type StoredClause = RuleClause | LegacyRuleClause | FirstNamedClause;

function upgradeClause(clause: StoredClause): RuleClause {
  if ("compare" in clause) return clause;
  if ("atLeast" in clause) {
    const { atLeast, ...rest } = clause;
    return { ...rest, compare: atLeast ? "atLeast" : "more" };
  }
  const rest = { measure: clause.measure, ...(clause.householdPrefix === undefined ? {} : { householdPrefix: clause.householdPrefix }) };
  switch (clause.kind) {
    case "majorityOfCast":
      return { base: "cast", share: { num: 1, den: 2 }, compare: "more", ...rest };
    case "majorityOfEligible":
      return { base: "entitled", share: { num: 1, den: 2 }, compare: "more", ...rest };
    case "twoThirdsOfPresent":
      return { base: "present", share: { num: 2, den: 3 }, compare: "atLeast", ...rest };
    case "twoThirdsOfEligible":
      return { base: "entitled", share: { num: 2, den: 3 }, compare: "atLeast", ...rest };
    case "percentOfEligible":
      return { base: "entitled", share: percentShare(clause.percent ?? 100), compare: "atLeast", ...rest };
  }
}

function upgradeQuorum(quorum: Quorum | LegacyQuorum): Quorum {
  if ("share" in quorum) return quorum;
  return { share: percentShare(quorum.percent), compare: quorum.strict ? "more" : "atLeast", measure: "count" };
}

const isCurrent = (d: PollDefinition): boolean =>
  d.eligibility.absentMayVote !== undefined && d.rule.every((c) => "compare" in c) && (d.quorum === null || "share" in d.quorum);

export function upgradeDefinition(definition: PollDefinition): PollDefinition {
  if (isCurrent(definition)) return definition;
  const eligibility: Eligibility = definition.eligibility;
  return {
    ...definition,
    rule: (definition.rule as StoredClause[]).map(upgradeClause),
    quorum: definition.quorum === null ? null : upgradeQuorum(definition.quorum as Quorum | LegacyQuorum),
    // presentOnly false let the absent vote; true kept them off the list (eligibility.ts).
    eligibility: { ...eligibility, absentMayVote: eligibility.absentMayVote ?? eligibility.presentOnly === false },
  };
}

type StoredQuorumResult = PollResult["quorum"] | { required: LegacyQuorum; turnout: number; base: number; met: boolean };

export function upgradeResult(result: PollResult | null): PollResult | null {
  if (result === null) return null;
  const clauses = result.clauses as (Omit<ClauseResult, "clause"> & { clause: StoredClause })[];
  const quorum = result.quorum as StoredQuorumResult;
  const clausesCurrent = clauses.every((c) => "compare" in c.clause);
  const quorumCurrent = quorum === null || "checks" in quorum;
  if (clausesCurrent && quorumCurrent) return result;
  return {
    ...result,
    clauses: clauses.map((c) => ({ ...c, clause: upgradeClause(c.clause) })),
    quorum:
      quorum === null || "checks" in quorum
        ? quorum
        : {
            required: upgradeQuorum(quorum.required),
            checks: [{ measure: "count", turnout: quorum.turnout, base: quorum.base, met: quorum.met }],
            met: quorum.met,
          },
  };
}
