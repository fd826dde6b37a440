// Pure helpers for polls (即时表决) on the live screens: which poll is current, whether I may vote,
// the chair's draft turned into a PollDefinition, and the result laid out against its bases.
// The rules themselves (options, choice range, ballot check, result) stay in the core.
import { eligibleVoters, householdUnit, unitOf } from "@core/poll/eligibility.ts";
import { reduced } from "@core/poll/upgrade.ts";
import type { Base, EligibleVoter, Poll, PollDefinition, PollForm, PollOption, PollResult, RuleClause, TallyVisibility } from "@core/poll/schema.ts";
import type { PollAudit } from "@core/protocol.ts";
import type { Role } from "@core/roles.ts";
import type { MeetingState, RosterEntry } from "@core/state.ts";

/** The poll that is open now (the core allows one at a time). */
export const openPoll = (state: Pick<MeetingState, "polls">): Poll | null => state.polls.find((p) => p.status === "open") ?? null;

/** My voting unit in this poll, or null when I am not on its frozen eligible list. */
export const myUnit = (poll: Poll, participantId: string): EligibleVoter | null => unitOf(poll.eligible, participantId);

/** The fixed forms' options have ids the UI translates; the chair's own labels are shown as typed. */
export const FIXED_OPTION_IDS = ["yes", "no", "abstain", "agree", "disagree"] as const;
export const isFixedOption = (option: PollOption): boolean => (FIXED_OPTION_IDS as readonly string[]).includes(option.id);

/** The size of a base in a closed poll's result (head counts): 投票, 应到 or 实到. */
export function baseSize(result: PollResult, base: Base): number {
  switch (base) {
    case "cast":
      return result.ballots + result.hands;
    case "entitled":
      return result.eligibleCount;
    case "present":
      return result.presentCount;
  }
}

export interface ResultRow {
  optionId: string;
  count: number;
  /** The options' added-up vote weight (the count again in unweighted polls). */
  weight: number;
  /** count against the base of the poll's first clause, in percent (0 when the base is empty). */
  percent: number;
  /** This option satisfied every clause (and the quorum). */
  passed: boolean;
}

/** The per-option lines of a result (bars), measured against the first clause's base so the bars read like the rule. */
export function resultRows(poll: Pick<Poll, "options" | "definition">, result: PollResult): { base: Base; baseCount: number; rows: ResultRow[] } {
  const base = poll.definition.rule[0]?.base ?? "cast";
  const baseCount = baseSize(result, base);
  const rows = poll.options.map((o) => {
    const line = result.counts.find((c) => c.optionId === o.id);
    const count = line?.count ?? 0;
    return { optionId: o.id, count, weight: line?.weight ?? 0, percent: baseCount === 0 ? 0 : (count / baseCount) * 100, passed: result.passedOptions.includes(o.id) };
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

/** What a clause counts: heads (人数), vote weights (权重), or both (two clauses, e.g. 业主大会 by area and by owners). */
export type DraftMeasure = "count" | "weight" | "both";

/** A clause limited to one building (分楼栋条件): the voters whose household starts with `prefix`. */
export interface BuildingClause {
  prefix: string;
  kind: RuleKind;
  percent: number;
  measure: DraftMeasure;
}

/** The roles the chair may let vote (表决人). */
export const VOTER_ROLES = ["member", "official", "chair"] as const satisfies readonly Role[];

/** The chair's form, as typed. */
export interface PollDraft {
  title: string;
  form: PollForm;
  /** Option labels (single and multiple choice). */
  options: string[];
  minChoices: number;
  maxChoices: number;
  secret: boolean;
  rule: Record<RuleKind, boolean>;
  /** The share of the `percent` rule, and the base it is of (应到 unless the chair says otherwise). */
  percent: number;
  percentBase: Base;
  /** Per rule kind: what it counts (only with `weighted`). */
  measures: Record<RuleKind, DraftMeasure>;
  /** Clauses limited to a building; all clauses must hold. */
  buildings: BuildingClause[];
  /** Quorum in percent of the eligible; null: none. */
  quorumPercent: number | null;
  tallyVisibility: TallyVisibility;
  allowChange: boolean;
  /** Closes by itself after this many minutes; null: the chair closes it. */
  minutes: number | null;
  /** Who may vote (表决人). */
  roles: Role[];
  /** Those absent at the opening may vote once they arrive (never changes a base). */
  absentMayVote: boolean;
  side: "worker" | "enterprise" | null;
  perHousehold: boolean;
  /** 按表决权重计票 (named polls only). */
  weighted: boolean;
}

/** The rules the form offers, each with the base it is measured against; `percent` takes a share and a base. */
export const RULE_KINDS = ["majorityOfCast", "majorityOfEntitled", "twoThirdsOfPresent", "twoThirdsOfEntitled", "percent"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const PRESETS: Record<Exclude<RuleKind, "percent">, Omit<RuleClause, "measure">> = {
  majorityOfCast: { base: "cast", share: { num: 1, den: 2 }, atLeast: false },
  majorityOfEntitled: { base: "entitled", share: { num: 1, den: 2 }, atLeast: false },
  twoThirdsOfPresent: { base: "present", share: { num: 2, den: 3 }, atLeast: true },
  twoThirdsOfEntitled: { base: "entitled", share: { num: 2, den: 3 }, atLeast: true },
};

/** The base a rule kind is measured against (the percent rule: the one chosen). */
export const baseOfKind = (kind: RuleKind, percentBase: Base): Base => (kind === "percent" ? percentBase : PRESETS[kind].base);

/** A percentage as an exact share: 80 → 4/5, 66.67 → 6667/10000 (two decimals at most). */
export const percentShare = (percent: number): RuleClause["share"] => reduced(Math.round(percent * 100), 10_000);

const allCount = (): Record<RuleKind, DraftMeasure> => ({ majorityOfCast: "count", majorityOfEntitled: "count", twoThirdsOfPresent: "count", twoThirdsOfEntitled: "count", percent: "count" });
const noRule = (): Record<RuleKind, boolean> => ({ majorityOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: false });

export const emptyDraft = (): PollDraft => ({
  title: "",
  form: "yesNoAbstain",
  options: ["", ""],
  minChoices: 1,
  maxChoices: 2,
  secret: true,
  rule: { ...noRule(), majorityOfCast: true },
  percent: 80,
  percentBase: "entitled",
  measures: allCount(),
  buildings: [],
  quorumPercent: null,
  tallyVisibility: "none",
  allowChange: false,
  minutes: null,
  roles: ["member"],
  absentMayVote: false,
  side: null,
  perHousehold: false,
  weighted: false,
});

/**
 * The form's default rule for a form, until the chair picks one: a consent (同意/不同意) is a
 * consent rate of everyone entitled (80 % of 应到), the others a majority of the votes cast.
 */
export function withFormDefaults(draft: PollDraft, form: PollForm, ruleTouched: boolean): PollDraft {
  if (ruleTouched) return { ...draft, form };
  return form === "consent"
    ? { ...draft, form, rule: { ...noRule(), percent: true }, percent: 80, percentBase: "entitled" }
    : { ...draft, form, rule: { ...noRule(), majorityOfCast: true } };
}

/** A new building clause: the community's usual 不少于 90 %（应到）of the building. */
export const newBuildingClause = (prefix: string): BuildingClause => ({ prefix, kind: "percent", percent: 90, measure: "count" });

const hasChoices = (form: PollForm) => form === "single" || form === "multiple";

/** The clauses a draft sends, in the form's order: the whole meeting's first, then each building's. */
function draftClauses(draft: PollDraft): RuleClause[] {
  const weighted = draft.weighted && !draft.secret;
  const expand = (kind: RuleKind, percent: number, base: Base, measure: DraftMeasure, householdPrefix?: string): RuleClause[] => {
    const measures: ("count" | "weight")[] = !weighted ? ["count"] : measure === "both" ? ["count", "weight"] : [measure];
    const shape = kind === "percent" ? { base, share: percentShare(percent), atLeast: true } : PRESETS[kind];
    return measures.map((m) => ({ ...shape, measure: m, ...(householdPrefix === undefined ? {} : { householdPrefix }) }));
  };
  return [
    ...RULE_KINDS.filter((k) => draft.rule[k]).flatMap((kind) => expand(kind, draft.percent, draft.percentBase, draft.measures[kind])),
    // A building's percentage is of its 应到 households (the community's usual 90 % of the building).
    ...draft.buildings.flatMap((b) => expand(b.kind, b.percent, "entitled", b.measure, b.prefix.trim())),
  ];
}

/** The core takes at most this many clauses. */
export const MAX_CLAUSES = 5;

const validPercent = (p: number) => p > 0 && p <= 100;

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
  if (draft.roles.length === 0) problems.push("roles");
  if (!RULE_KINDS.some((k) => draft.rule[k]) && draft.buildings.length === 0) problems.push("rule");
  if ((draft.rule.percent && !validPercent(draft.percent)) || draft.buildings.some((b) => b.kind === "percent" && !validPercent(b.percent))) problems.push("percent");
  if (draft.buildings.some((b) => b.prefix.trim() === "")) problems.push("building");
  if (draftClauses(draft).length > MAX_CLAUSES) problems.push("tooManyClauses");
  if (draft.secret && draft.weighted) problems.push("secretWeighted");
  if (draft.secret && draft.absentMayVote && draftClauses(draft).some((c) => c.base === "present")) problems.push("secretLatecomers");
  if (draft.rule.percent && draft.percentBase === "cast" && draft.percent === 100) problems.push("percent");
  if (draft.quorumPercent !== null && !validPercent(draft.quorumPercent)) problems.push("quorum");
  if (draft.minutes !== null && !(draft.minutes > 0 && draft.minutes <= 24 * 60)) problems.push("minutes");
  return problems;
}

/**
 * The definition sent with poll.create; a secret ballot never shows a tally, lets anyone change
 * a vote nor counts weights. Without weights every clause counts heads.
 */
export function toDefinition(draft: PollDraft): PollDefinition {
  const choices = hasChoices(draft.form);
  return {
    title: draft.title.trim(),
    form: draft.form,
    ...(choices ? { options: draft.options.map((o) => o.trim()).filter((o) => o !== "") } : {}),
    ...(draft.form === "multiple" ? { minChoices: draft.minChoices, maxChoices: draft.maxChoices } : {}),
    secret: draft.secret,
    eligibility: { roles: VOTER_ROLES.filter((r) => draft.roles.includes(r)), absentMayVote: draft.absentMayVote, side: draft.side, perHousehold: draft.perHousehold },
    rule: draftClauses(draft),
    quorum: draft.quorumPercent === null ? null : { percent: draft.quorumPercent, strict: false },
    tallyVisibility: draft.secret ? "none" : draft.tallyVisibility,
    allowChange: draft.secret ? false : draft.allowChange,
    weighted: draft.weighted && !draft.secret,
    durationSeconds: draft.minutes === null ? null : Math.max(10, Math.round(draft.minutes * 60)),
  };
}

/** A household's building (楼栋): its name up to and including 号楼 / 栋 / 幢; null when it names none. */
export function buildingOf(household: string): string | null {
  const match = /^(.*?(?:号楼|栋|幢))/.exec(household.trim());
  return match ? match[1]!.trim() : null;
}

/** What the roster offers the create form: sides, households, their buildings, weights. */
export function rosterFacts(roster: readonly RosterEntry[]): { sides: boolean; households: boolean; buildings: string[]; weights: boolean } {
  const households = roster.map((e) => e.household).filter((h): h is string => h !== null && h.trim() !== "");
  const buildings = [...new Set(households.map(buildingOf).filter((b): b is string => b !== null))]
    .sort((a, b) => a.localeCompare(b, "zh-CN", { numeric: true }));
  return { sides: roster.some((e) => e.side !== null), households: households.length > 0, buildings, weights: roster.some((e) => e.weight !== undefined) };
}

/** The live preview of the frozen list: voting units now (应到: households and single people; 实到: present), their weight, per building. */
export function eligiblePreview(state: MeetingState, draft: PollDraft): { units: number; present: number; households: number; people: number; weight: number; perBuilding: Record<string, number> } {
  const weighted = draft.weighted && !draft.secret;
  const units = eligibleVoters(state, toDefinition(draft).eligibility, weighted);
  const households = units.filter((u) => u.unitId === householdUnit(u.household ?? "")).length;
  const present = units.filter((u) => u.present).length;
  const perBuilding: Record<string, number> = {};
  for (const b of draft.buildings) {
    const prefix = b.prefix.trim();
    if (prefix !== "") perBuilding[prefix] = units.filter((u) => u.household?.startsWith(prefix) ?? false).length;
  }
  return { units: units.length, present, households, people: units.length - households, weight: units.reduce((sum, u) => sum + u.weight, 0), perBuilding };
}

/** A weight as written in minutes: at most two decimals, no trailing zeros (1234.5, 1800). */
export const formatWeight = (weight: number): string => String(Math.round(weight * 100) / 100);

/** Whether a poll's audit (voters and ballots) adds up to its result: one ballot per voter, and per option the electronic count (the result less the raised hands). */
export function auditMatches(poll: Pick<Poll, "hands">, result: PollResult, audit: Pick<PollAudit, "voters" | "ballots">): boolean {
  if (audit.voters.length !== audit.ballots.length || audit.ballots.length !== result.ballots) return false;
  return result.counts.every(({ optionId, count }) =>
    audit.ballots.filter((b) => b.choices.includes(optionId)).length === count - (poll.hands?.[optionId] ?? 0));
}
