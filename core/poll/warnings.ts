// What the chair must see before opening a poll: a clause that cannot pass whatever happens
// (e.g. "≥ 80 % of 应到" with only 8 of 11 households present and latecomers not allowed to
// vote), a quorum out of reach, or the meeting below its own quorum. Opening anyway needs the
// chair's confirmation (poll.open with confirmed), so a result can never surprise them.
import { attendanceSummary } from "../attendance/summary.ts";
import type { MeetingState } from "../state.ts";
import { eligibleVoters } from "./eligibility.ts";
import { amountOf, baseUnits, SCALE, satisfies } from "./rules.ts";
import type { EligibleVoter, Poll, RuleClause } from "./schema.ts";

export type OpenWarning =
  /** Even if every unit that may vote chose this option, clause `index` would fail. */
  | { kind: "unreachable"; index: number; clause: RuleClause; best: number; base: number }
  /** Even if every unit that may vote cast a ballot (a presence quorum: with those present now), the poll's quorum would not be met. */
  | { kind: "quorumUnreachable"; best: number; base: number }
  /** The meeting itself is below its quorum (应到 / 实到 of the attendance rule). */
  | { kind: "meetingBelowQuorum"; present: number; needed: number };

/** The units that can still cast a ballot: those present at the opening, and the absent when they may vote on arrival. */
export const mayVote = (eligible: readonly EligibleVoter[], absentMayVote: boolean): EligibleVoter[] =>
  absentMayVote ? [...eligible] : eligible.filter((u) => u.present);

export function openWarnings(state: Pick<MeetingState, "roster" | "attendance" | "quorumRule">, poll: Pick<Poll, "definition">): OpenWarning[] {
  const { definition } = poll;
  const eligible = eligibleVoters(state, definition.eligibility, definition.weighted);
  const voters = mayVote(eligible, definition.eligibility.absentMayVote);
  const warnings: OpenWarning[] = [];
  definition.rule.forEach((clause, index) => {
    // A limit (弃权 ≤ 30 %, no 否决) is kept when nobody chooses that option.
    if (clause.compare === "atMost" || clause.compare === "less") return;
    // The best case: every unit that may vote (and counts for this clause) chooses the option.
    const counted = clause.base === "present" ? baseUnits(clause, eligible) : baseUnits({ base: "entitled", householdPrefix: clause.householdPrefix }, voters);
    const best = amountOf(clause, counted);
    const base = clause.base === "cast" || clause.base === "decisive" ? best : amountOf(clause, baseUnits(clause, eligible));
    if (!satisfies(clause, best, base)) warnings.push({ kind: "unreachable", index, clause, best: best / SCALE, base: base / SCALE });
  });
  const quorum = definition.quorum;
  if (quorum) {
    const measures = quorum.measure === "both" ? (["count", "weight"] as const) : [quorum.measure];
    for (const measure of measures) {
      const best = amountOf({ measure }, quorum.of === "present" ? eligible.filter((u) => u.present) : voters);
      const base = amountOf({ measure }, eligible);
      if (!satisfies(quorum, best, base)) warnings.push({ kind: "quorumUnreachable", best: best / SCALE, base: base / SCALE });
    }
  }
  const summary = attendanceSummary(state);
  if (summary.quorate === false) warnings.push({ kind: "meetingBelowQuorum", present: summary.present, needed: summary.needed! });
  return warnings;
}
