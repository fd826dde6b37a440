// Pure helpers for polls (即时表决) on the live screens: which poll is current, whether I may vote,
// and the result laid out against its bases (the chair's form: pollDraft.ts, formRoster.ts).
// The rules themselves (options, choice range, ballot check, result) stay in the core.
import { unitOf } from "@core/poll/eligibility.ts";
import type { Base, Poll, PollOption, PollResult } from "@core/poll/schema.ts";
import type { PollAudit } from "@core/protocol.ts";
import type { MeetingState } from "@core/state.ts";

/** The poll that is open now (the core allows one at a time). */
export const openPoll = (state: Pick<MeetingState, "polls">): Poll | null => state.polls.find((p) => p.status === "open") ?? null;

/**
 * Whether I get a ballot in this poll: not on its frozen eligible list (notEligible), or on it
 * (应到) but absent at the opening while latecomers may not vote (absentAtOpening: the server
 * would refuse with ABSENT_AT_OPENING).
 */
export function ballotAccess(poll: Poll, participantId: string): "ballot" | "notEligible" | "absentAtOpening" {
  const unit = unitOf(poll.eligible, participantId);
  if (!unit) return "notEligible";
  return !unit.present && !poll.definition.eligibility.absentMayVote ? "absentAtOpening" : "ballot";
}

/** The fixed forms' options (and 否决) have ids the UI translates; the chair's own labels are shown as typed. */
export const FIXED_OPTION_IDS = ["yes", "no", "abstain", "agree", "disagree", "veto"] as const;
export const isFixedOption = (option: PollOption): boolean => (FIXED_OPTION_IDS as readonly string[]).includes(option.id);

/** An election answer: 赞成 / 反对 / 弃权 for one candidate. */
export const CANDIDATE_ANSWERS = ["yes", "no", "abstain"] as const;
export type CandidateAnswer = (typeof CANDIDATE_ANSWERS)[number];

/** A candidate's answer on an election ballot ("o2:no"), split; null for any other option id. */
export function splitChoice(id: string): { candidate: string; answer: CandidateAnswer } | null {
  const match = /^(.+):(yes|no|abstain)$/.exec(id);
  return match ? { candidate: match[1]!, answer: match[2] as CandidateAnswer } : null;
}

const countOf = (result: PollResult, optionId: string): number => result.counts.find((c) => c.optionId === optionId)?.count ?? 0;

/** The size of a base in a closed poll's result (head counts): 投票, 应到, 实到, or 赞成与反对 (投票 less abstentions, blank and invalid ballots). */
export function baseSize(result: PollResult, base: Base): number {
  const cast = result.ballots + result.hands;
  switch (base) {
    case "cast":
      return cast;
    case "entitled":
      return result.eligibleCount;
    case "present":
      return result.presentCount;
    case "decisive":
      return cast - countOf(result, "abstain") - (result.blank ?? 0) - (result.invalid ?? 0);
  }
}

export interface ResultRow {
  optionId: string;
  count: number;
  /** The options' added-up vote weight (the count again in unweighted polls). */
  weight: number;
  /**
   * count against the base of the poll's first clause, in percent (0 when the base is empty);
   * null for an option outside that base (弃权 against 赞成与反对).
   */
  percent: number | null;
  /** The bar's length in percent: `percent`, or the share of 投票 for an option outside the base. */
  bar: number;
  /** This option satisfied every clause (and the quorum). */
  passed: boolean;
}

/**
 * The per-option lines of a result (bars), measured against the base of the rule's first clause
 * (not a limit on another option) so the bars read like the rule.
 */
export function resultRows(poll: Pick<Poll, "options" | "definition">, result: PollResult): { base: Base; baseCount: number; rows: ResultRow[] } {
  const base = (poll.definition.rule.find((c) => c.option === undefined) ?? poll.definition.rule[0])?.base ?? "cast";
  const baseCount = baseSize(result, base);
  const cast = baseSize(result, "cast");
  const of = (count: number, total: number) => (total === 0 ? 0 : (count / total) * 100);
  const rows = poll.options.map((o) => {
    const line = result.counts.find((c) => c.optionId === o.id);
    const count = line?.count ?? 0;
    const percent = base === "decisive" && o.id === "abstain" ? null : of(count, baseCount);
    return { optionId: o.id, count, weight: line?.weight ?? 0, percent, bar: percent ?? of(count, cast), passed: result.passedOptions.includes(o.id) };
  });
  return { base, baseCount, rows };
}

export interface CandidateRow {
  optionId: string;
  /** Heads (and weights) per answer; 弃权 includes the ballots that left the candidate unmarked. */
  counts: Record<CandidateAnswer, { count: number; weight: number }>;
  elected: boolean;
  /** Passed every clause but tied for the last seat: not elected. */
  tied: boolean;
}

/** An election's result per candidate: 赞成 / 反对 / 弃权, elected or tied at the cut. */
export function candidateRows(poll: Pick<Poll, "options">, result: PollResult): CandidateRow[] {
  return poll.options.map((o) => {
    const line = (answer: CandidateAnswer) => {
      const found = result.counts.find((c) => c.optionId === `${o.id}:${answer}`);
      return { count: found?.count ?? 0, weight: found?.weight ?? 0 };
    };
    return {
      optionId: o.id,
      counts: { yes: line("yes"), no: line("no"), abstain: line("abstain") },
      elected: result.passedOptions.includes(o.id),
      tied: result.tiedAtCut?.includes(o.id) ?? false,
    };
  });
}

/** A percentage as people write it in minutes: at most one decimal (66.7, 80, 100). */
export const formatPercent = (percent: number): string => `${Math.round(percent * 10) / 10}%`;

/** Remaining time of a poll with a closing time, never below zero; null when the chair closes it. */
export const pollRemainingMs = (poll: Pick<Poll, "closesAt">, serverNow: number): number | null =>
  poll.closesAt === null ? null : Math.max(0, poll.closesAt - serverNow);

/**
 * The poll the room display shows instead of the speaker: the open one; otherwise the last
 * published one, until the next speech starts (or an interjection runs).
 */
export function displayedPoll(state: Pick<MeetingState, "polls" | "floor" | "interjection" | "speeches">): Poll | null {
  const open = openPoll(state);
  if (open) return open;
  const published = state.polls.filter((p) => p.status === "published" && p.closedAt !== null);
  const last = published.reduce<Poll | null>((a, p) => (a === null || p.closedAt! > a.closedAt! ? p : a), null);
  if (!last || state.interjection) return null;
  const lastStart = Math.max(state.floor?.startedAt ?? -Infinity, ...state.speeches.map((s) => s.startedAt));
  return lastStart > last.closedAt! ? null : last;
}

/** A weight as written in minutes: at most two decimals, no trailing zeros (1234.5, 1800). */
export const formatWeight = (weight: number): string => String(Math.round(weight * 100) / 100);

/**
 * Whether a poll's audit (voters and ballots) adds up to its result: one ballot per voter, and
 * per option the electronic count (the result less the raised hands). In an election a
 * candidate's 弃权 line also counts the ballots that left them unmarked.
 */
export function auditMatches(poll: Pick<Poll, "hands">, result: PollResult, audit: Pick<PollAudit, "voters" | "ballots">): boolean {
  if (audit.voters.length !== audit.ballots.length || audit.ballots.length !== result.ballots) return false;
  const chose = (choices: readonly string[], optionId: string): boolean => {
    const answer = splitChoice(optionId);
    if (answer?.answer !== "abstain") return choices.includes(optionId);
    return !choices.includes(`${answer.candidate}:yes`) && !choices.includes(`${answer.candidate}:no`);
  };
  return result.counts.every(({ optionId, count }) => audit.ballots.filter((b) => chose(b.choices, optionId)).length === count - (poll.hands?.[optionId] ?? 0));
}
