// The statistics of mediation cases (docs/mediation.md "Case and follow-up"): how many by category,
// by state and by outcome (书面协议 · 口头协议 · 调解不成 · still open), and the mean days from
// 受理 to 结案 over the closed cases. Pure.
import type { MediationCase, MediationStatistics } from "../api/mediationCases.ts";
import { daysBetween } from "../ledger/deadline.ts";
import { CASE_CATEGORIES, CASE_STATES, type CaseCategory, type CaseState } from "./case.ts";

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

type Counted = Pick<MediationCase, "category" | "state" | "agreement" | "acceptedOn" | "closedOn">;

export function caseStatistics(cases: readonly Counted[]): MediationStatistics {
  const byCategory = zeros<CaseCategory>(CASE_CATEGORIES);
  const byState = zeros<CaseState>(CASE_STATES);
  const byOutcome = { written: 0, oral: 0, failed: 0, open: 0 };
  const durations: number[] = [];
  for (const c of cases) {
    byCategory[c.category] += 1;
    byState[c.state] += 1;
    if (c.agreement) byOutcome[c.agreement.form] += 1;
    else if (c.state === "failed" || (c.state === "closed" && !c.agreement)) byOutcome.failed += 1;
    else byOutcome.open += 1;
    if (c.closedOn !== null) durations.push(daysBetween(c.acceptedOn, c.closedOn));
  }
  const meanDaysToClose = durations.length === 0 ? null : Math.round((durations.reduce((a, b) => a + b, 0) / durations.length) * 10) / 10;
  return { total: cases.length, byCategory, byState, byOutcome, meanDaysToClose, closed: durations.length };
}
