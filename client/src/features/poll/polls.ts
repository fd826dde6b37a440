// Pure helpers for polls (即时表决) on the live screens: which poll is current, whether I may vote,
// the chair's draft turned into a PollDefinition, and the result laid out against its bases.
// The rules themselves (options, choice range, ballot check, result) stay in the core.
import { unitOf } from "@core/poll/eligibility.ts";
import type { EligibleVoter, Poll, PollDefinition, PollForm, PollOption, PollResult, RuleClause, TallyVisibility } from "@core/poll/schema.ts";
import type { PollAudit } from "@core/protocol.ts";
import type { MeetingState } from "@core/state.ts";

/** The poll that is open now (the core allows one at a time). */
export const openPoll = (state: Pick<MeetingState, "polls">): Poll | null => state.polls.find((p) => p.status === "open") ?? null;

/** My voting unit in this poll, or null when I am not on its frozen eligible list. */
export const myUnit = (poll: Poll, participantId: string): EligibleVoter | null => unitOf(poll.eligible, participantId);

/** The fixed forms' options have ids the UI translates; the chair's own labels are shown as typed. */
export const FIXED_OPTION_IDS = ["yes", "no", "abstain", "agree", "disagree"] as const;
export const isFixedOption = (option: PollOption): boolean => (FIXED_OPTION_IDS as readonly string[]).includes(option.id);

/** What each clause measures against: ballots cast, all eligible, or the eligible present at the opening. */
export type Base = "cast" | "eligible" | "present";
export const baseOf = (clause: Pick<RuleClause, "kind">): Base =>
  clause.kind === "majorityOfCast" ? "cast" : clause.kind === "twoThirdsOfPresent" ? "present" : "eligible";

/** The size of a base in a closed poll's result (head counts). */
export function baseSize(result: PollResult, base: Base): number {
  switch (base) {
    case "cast":
      return result.ballots + result.hands;
    case "eligible":
      return result.eligibleCount;
    case "present":
      return result.presentCount;
  }
}

export interface ResultRow {
  optionId: string;
  count: number;
  /** count against the base of the poll's first clause, in percent (0 when the base is empty). */
  percent: number;
  /** This option satisfied every clause (and the quorum). */
  passed: boolean;
}

/** The per-option lines of a result (bars), measured against the first clause's base so the bars read like the rule. */
export function resultRows(poll: Pick<Poll, "options" | "definition">, result: PollResult): { base: Base; baseCount: number; rows: ResultRow[] } {
  const first = poll.definition.rule[0];
  const base = first ? baseOf(first) : "cast";
  const baseCount = baseSize(result, base);
  const rows = poll.options.map((o) => {
    const count = result.counts.find((c) => c.optionId === o.id)?.count ?? 0;
    return { optionId: o.id, count, percent: baseCount === 0 ? 0 : (count / baseCount) * 100, passed: result.passedOptions.includes(o.id) };
  });
  return { base, baseCount, rows };
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

/** The chair's form, as typed. */
export interface PollDraft {
  title: string;
  form: PollForm;
  /** Option labels (single and multiple choice). */
  options: string[];
  minChoices: number;
  maxChoices: number;
  secret: boolean;
  rule: Record<(typeof RULE_KINDS)[number], boolean>;
  percent: number;
  /** Quorum in percent of the eligible; null: none. */
  quorumPercent: number | null;
  tallyVisibility: TallyVisibility;
  allowChange: boolean;
  /** Closes by itself after this many minutes; null: the chair closes it. */
  minutes: number | null;
}

export const emptyDraft = (): PollDraft => ({
  title: "",
  form: "yesNoAbstain",
  options: ["", ""],
  minChoices: 1,
  maxChoices: 2,
  secret: true,
  rule: { majorityOfCast: true, majorityOfEligible: false, twoThirdsOfPresent: false, twoThirdsOfEligible: false, percentOfEligible: false },
  percent: 80,
  quorumPercent: null,
  tallyVisibility: "none",
  allowChange: false,
  minutes: null,
});

export const RULE_KINDS = ["majorityOfCast", "majorityOfEligible", "twoThirdsOfPresent", "twoThirdsOfEligible", "percentOfEligible"] as const;

const hasChoices = (form: PollForm) => form === "single" || form === "multiple";

/** What is wrong with a draft (i18n keys under poll.problem), empty when it can be sent. */
export function draftProblems(draft: PollDraft): string[] {
  const problems: string[] = [];
  if (draft.title.trim() === "") problems.push("title");
  if (hasChoices(draft.form)) {
    const labels = draft.options.map((o) => o.trim()).filter((o) => o !== "");
    if (labels.length < 2) problems.push("options");
    else if (new Set(labels).size !== labels.length) problems.push("optionsDiffer");
    if (draft.form === "multiple" && !(draft.minChoices >= 1 && draft.minChoices <= draft.maxChoices && draft.maxChoices <= labels.length)) problems.push("choices");
  }
  if (!RULE_KINDS.some((k) => draft.rule[k])) problems.push("rule");
  if (draft.rule.percentOfEligible && !(draft.percent > 0 && draft.percent <= 100)) problems.push("percent");
  if (draft.quorumPercent !== null && !(draft.quorumPercent > 0 && draft.quorumPercent <= 100)) problems.push("quorum");
  if (draft.minutes !== null && !(draft.minutes > 0 && draft.minutes <= 24 * 60)) problems.push("minutes");
  return problems;
}

/** The definition sent with poll.create; a secret ballot never shows a tally nor lets anyone change a vote. */
export function toDefinition(draft: PollDraft): PollDefinition {
  const choices = hasChoices(draft.form);
  const rule: RuleClause[] = RULE_KINDS.filter((k) => draft.rule[k]).map((kind) =>
    kind === "percentOfEligible" ? { kind, percent: draft.percent, measure: "count" } : { kind, measure: "count" },
  );
  return {
    title: draft.title.trim(),
    form: draft.form,
    ...(choices ? { options: draft.options.map((o) => o.trim()).filter((o) => o !== "") } : {}),
    ...(draft.form === "multiple" ? { minChoices: draft.minChoices, maxChoices: draft.maxChoices } : {}),
    secret: draft.secret,
    eligibility: { roles: ["member"], presentOnly: true, side: null, perHousehold: false },
    rule,
    quorum: draft.quorumPercent === null ? null : { percent: draft.quorumPercent, strict: false },
    tallyVisibility: draft.secret ? "none" : draft.tallyVisibility,
    allowChange: draft.secret ? false : draft.allowChange,
    weighted: false,
    durationSeconds: draft.minutes === null ? null : Math.max(10, Math.round(draft.minutes * 60)),
  };
}

/** Whether a poll's audit (voters and ballots) adds up to its result: one ballot per voter, and per option the electronic count (the result less the raised hands). */
export function auditMatches(poll: Pick<Poll, "hands">, result: PollResult, audit: Pick<PollAudit, "voters" | "ballots">): boolean {
  if (audit.voters.length !== audit.ballots.length || audit.ballots.length !== result.ballots) return false;
  return result.counts.every(({ optionId, count }) =>
    audit.ballots.filter((b) => b.choices.includes(optionId)).length === count - (poll.hands?.[optionId] ?? 0));
}
