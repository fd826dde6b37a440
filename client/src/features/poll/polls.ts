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

/** What a clause counts: heads (人数), vote weights (权重), or both (two clauses, e.g. 业主大会 by area and by owners). */
export type DraftMeasure = "count" | "weight" | "both";

/** A clause limited to one building (分楼栋条件): the voters whose household starts with `prefix`. */
export interface BuildingClause {
  prefix: string;
  kind: RuleKind;
  /** The share of the `percent` kind, as typed (of the building's 应到). */
  share: string;
  measure: DraftMeasure;
}

/** The quorum as typed: a share of 应到 (有效人数 / 参与表决), by heads, weight or both. */
export interface DraftQuorum {
  share: string;
  compare: "atLeast" | "more";
  measure: DraftMeasure;
}

/** The roles the chair may let vote (表决人). */
export const VOTER_ROLES = ["member", "official", "chair"] as const satisfies readonly Role[];

/** The chair's form, as typed. */
export interface PollDraft {
  title: string;
  form: PollForm;
  /** Option labels (single and multiple choice), or the candidates. */
  options: string[];
  minChoices: number;
  maxChoices: number;
  secret: boolean;
  rule: Record<RuleKind, boolean>;
  /** The custom (`percent`) clause: its share as typed ("80%", "2/3"), relation and base. */
  share: string;
  compare: "atLeast" | "more";
  shareBase: Base;
  /** Per rule kind: what it counts (only with `weighted`). */
  measures: Record<RuleKind, DraftMeasure>;
  /** Clauses limited to a building; all clauses must hold. */
  buildings: BuildingClause[];
  /** 弃权票上限 (赞成/反对/弃权): abstentions at most this share of 投票, as typed; null: no limit. */
  abstainLimit: string | null;
  /** 允许否决 (the fixed forms): a 否决 option, and any 否决 ballot defeats the motion. */
  veto: boolean;
  quorum: DraftQuorum | null;
  /** 应选人数 (single, multiple choice, candidates); null: every option that passes. */
  seats: number | null;
  /** 允许空白票 (single, multiple choice, candidates). */
  allowBlank: boolean;
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

/**
 * The rules the form offers, each with the base it is measured against; `percent` is the
 * custom clause (any share, 不少于 or 超过, of the base the chair picks).
 */
export const RULE_KINDS = ["majorityOfCast", "majorityOfDecisive", "twoThirdsOfCast", "majorityOfEntitled", "twoThirdsOfPresent", "twoThirdsOfEntitled", "percent"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

type Clause = Omit<RuleClause, "measure" | "householdPrefix">;
const PRESETS: Record<Exclude<RuleKind, "percent">, Clause> = {
  majorityOfCast: { base: "cast", share: { num: 1, den: 2 }, compare: "more" },
  // 赞成多于反对（弃权不计）: more than half of the votes for and against.
  majorityOfDecisive: { base: "decisive", share: { num: 1, den: 2 }, compare: "more" },
  twoThirdsOfCast: { base: "cast", share: { num: 2, den: 3 }, compare: "atLeast" },
  majorityOfEntitled: { base: "entitled", share: { num: 1, den: 2 }, compare: "more" },
  twoThirdsOfPresent: { base: "present", share: { num: 2, den: 3 }, compare: "atLeast" },
  twoThirdsOfEntitled: { base: "entitled", share: { num: 2, den: 3 }, compare: "atLeast" },
};

const hasChoices = (form: PollForm) => form === "single" || form === "multiple" || form === "candidates";
const isFixedForm = (form: PollForm) => form === "yesNoAbstain" || form === "consent";
/** Forms with an answer against (反对) beside an abstention: where 赞成与反对 is a base of its own. */
const hasDecisive = (form: PollForm) => form === "yesNoAbstain" || form === "candidates";

/** The rule kinds a form offers: 赞成多于反对 needs a 反对. */
export const ruleKindsFor = (form: PollForm): RuleKind[] => RULE_KINDS.filter((k) => k !== "majorityOfDecisive" || hasDecisive(form));

/** The bases the custom clause offers for a form. */
export const basesFor = (form: PollForm): Base[] => (hasDecisive(form) ? ["entitled", "present", "cast", "decisive"] : ["entitled", "present", "cast"]);

/** The base a rule kind is measured against (the custom clause: the one chosen). */
export const baseOfKind = (kind: RuleKind, shareBase: Base): Base => (kind === "percent" ? shareBase : PRESETS[kind].base);

const ZH_NUMERALS = "一二三四五六七八九十";
const MAX_DEN = 10_000;

/**
 * A share as people type it, exactly: "80%", "80", "66.67%" (two decimals at most), "2/3",
 * "3/4", "三分之二", full-width characters too. A bare number is a percentage and must be at
 * least 1 ("0.8" is refused: 80% or 4/5 is meant, or 0.8% must say so). Null when it is not a
 * share of 0 < n/d ≤ 1 (0 only with `allowZero`, for an upper bound) with n, d ≤ 10,000.
 */
export function parseShare(typed: string, { allowZero = false } = {}): RuleClause["share"] | null {
  const text = typed.normalize("NFKC").replace(/\s+/g, "");
  let share: { num: number; den: number } | null = null;
  const fraction = /^(\d{1,5})\/(\d{1,5})$/.exec(text);
  const chinese = /^([一二三四五六七八九十])分之([一二三四五六七八九十])$/.exec(text);
  // Percentages are read digit by digit into hundredths, so no float ever stands for a share.
  const percent = /^(\d{1,3})(?:\.(\d{1,2}))?(%?)$/.exec(text);
  if (fraction) share = Number(fraction[2]) === 0 ? null : { num: Number(fraction[1]), den: Number(fraction[2]) };
  else if (chinese) share = { num: ZH_NUMERALS.indexOf(chinese[2]!) + 1, den: ZH_NUMERALS.indexOf(chinese[1]!) + 1 };
  else if (text === "半数") share = { num: 1, den: 2 };
  else if (percent) {
    const hundredths = Number(percent[1]) * 100 + Number((percent[2] ?? "").padEnd(2, "0"));
    if (percent[3] === "" && hundredths !== 0 && hundredths < 100) return null;
    share = { num: hundredths, den: 10_000 };
  }
  if (share === null || share.num > share.den) return null;
  if (share.num === 0) return allowZero ? { num: 0, den: 1 } : null;
  const exact = reduced(share.num, share.den);
  return exact.den > MAX_DEN ? null : exact;
}

/** A share as the form shows it when it fills one in: 2/3, 3/4, 80%. */
export const shareText = (share: RuleClause["share"]): string =>
  (share.num * 100) % share.den === 0 ? `${(share.num * 100) / share.den}%` : `${share.num}/${share.den}`;

const allCount = (): Record<RuleKind, DraftMeasure> => ({ majorityOfCast: "count", majorityOfDecisive: "count", twoThirdsOfCast: "count", majorityOfEntitled: "count", twoThirdsOfPresent: "count", twoThirdsOfEntitled: "count", percent: "count" });
/** No rule kind chosen. */
export const noRule = (): Record<RuleKind, boolean> => ({ majorityOfCast: false, majorityOfDecisive: false, twoThirdsOfCast: false, majorityOfEntitled: false, twoThirdsOfPresent: false, twoThirdsOfEntitled: false, percent: false });

export const emptyDraft = (): PollDraft => ({
  title: "",
  form: "yesNoAbstain",
  options: ["", ""],
  minChoices: 1,
  maxChoices: 2,
  secret: true,
  rule: { ...noRule(), majorityOfCast: true },
  share: "80%",
  compare: "atLeast",
  shareBase: "entitled",
  measures: allCount(),
  buildings: [],
  abstainLimit: null,
  veto: false,
  quorum: null,
  seats: null,
  allowBlank: false,
  tallyVisibility: "none",
  allowChange: false,
  minutes: null,
  roles: ["member"],
  absentMayVote: false,
  side: null,
  perHousehold: false,
  weighted: false,
});

/** A quorum when the chair switches it on: at least half of 应到, by heads. */
export const newQuorum = (): DraftQuorum => ({ share: "50%", compare: "atLeast", measure: "count" });

/**
 * The form's default rule for a form, until the chair picks one: a consent (同意/不同意) is a
 * consent rate of everyone entitled (80 % of 应到), the others a majority of the votes cast. A
 * base or rule the new form does not offer falls back to the votes cast.
 */
export function withFormDefaults(draft: PollDraft, form: PollForm, ruleTouched: boolean): PollDraft {
  const fits = { ...draft, form, shareBase: basesFor(form).includes(draft.shareBase) ? draft.shareBase : "cast" as Base };
  if (ruleTouched) return fits;
  return form === "consent"
    ? { ...fits, rule: { ...noRule(), percent: true }, share: "80%", compare: "atLeast", shareBase: "entitled" }
    : { ...fits, rule: { ...noRule(), majorityOfCast: true } };
}

/** A new building clause: the community's usual 不少于 90 %（应到）of the building. */
export const newBuildingClause = (prefix: string): BuildingClause => ({ prefix, kind: "percent", share: "90%", measure: "count" });

/** 业主共同决定 under 民法典 §278: 一般事项 (过半数) or 第六至八项 (四分之三, e.g. 改建 such as a lift). */
export type OwnersMatter = "ordinary" | "major";

/**
 * Fills the form for owners' decisions under 民法典 §278: named, by weight (floor area from the
 * roster), one vote per household, latecomers may still take part (participation counts, not
 * attendance); 参与表决 by both area and owners ≥ 2/3 of 应到; then of those taking part, by area
 * AND by owners: more than half (ordinary matters) or at least three quarters (items 6–8:
 * raising maintenance funds, rebuilding or altering the buildings, changing the use of common parts).
 */
export function owners278(draft: PollDraft, matter: OwnersMatter): PollDraft {
  return {
    ...draft,
    secret: false,
    weighted: true,
    perHousehold: true,
    absentMayVote: true,
    rule: { ...noRule(), [matter === "ordinary" ? "majorityOfCast" : "percent"]: true },
    measures: { ...allCount(), majorityOfCast: "both", percent: "both" },
    share: "3/4",
    compare: "atLeast",
    shareBase: "cast",
    buildings: [],
    abstainLimit: null,
    veto: false,
    quorum: { share: "2/3", compare: "atLeast", measure: "both" },
  };
}

/** Which §278 preset the draft is now, if it still is one (the chair may have changed it since). */
export function owners278Matter(draft: PollDraft): OwnersMatter | null {
  const same = (matter: OwnersMatter) => {
    const [a, b] = [toDefinition(draft), toDefinition(owners278(draft, matter))];
    return JSON.stringify([a.rule, a.quorum, a.eligibility, a.weighted]) === JSON.stringify([b.rule, b.quorum, b.eligibility, b.weighted]);
  };
  return same("ordinary") ? "ordinary" : same("major") ? "major" : null;
}

const measuresOf = (draft: PollDraft, measure: DraftMeasure): ("count" | "weight")[] =>
  !(draft.weighted && !draft.secret) ? ["count"] : measure === "both" ? ["count", "weight"] : [measure];

/** The clause of a kind, or null when its typed share is not one. */
function shapeOf(kind: RuleKind, custom: { share: string; compare: "atLeast" | "more"; base: Base }): Clause | null {
  if (kind !== "percent") return PRESETS[kind];
  const share = parseShare(custom.share);
  return share && { base: custom.base, share, compare: custom.compare };
}

/**
 * The clauses a draft sends, in the form's order: the whole meeting's, each building's, the
 * abstention limit, the veto. Rules the form does not offer and shares that do not parse are
 * left out (draftProblems names the latter).
 */
function draftClauses(draft: PollDraft): RuleClause[] {
  const kinds = ruleKindsFor(draft.form);
  const expand = (kind: RuleKind, custom: Parameters<typeof shapeOf>[1], measure: DraftMeasure, householdPrefix?: string): RuleClause[] => {
    const shape = kinds.includes(kind) ? shapeOf(kind, custom) : null;
    if (!shape) return [];
    return measuresOf(draft, measure).map((m) => ({ ...shape, measure: m, ...(householdPrefix === undefined ? {} : { householdPrefix }) }));
  };
  const base = basesFor(draft.form).includes(draft.shareBase) ? draft.shareBase : "cast";
  const abstain = draft.form === "yesNoAbstain" && draft.abstainLimit !== null ? parseShare(draft.abstainLimit, { allowZero: true }) : null;
  return [
    ...RULE_KINDS.filter((k) => draft.rule[k]).flatMap((kind) => expand(kind, { share: draft.share, compare: draft.compare, base }, draft.measures[kind])),
    // A building's custom share is of its 应到 households (the community's usual 90 % of the building).
    ...draft.buildings.flatMap((b) => expand(b.kind, { share: b.share, compare: "atLeast", base: "entitled" }, b.measure, b.prefix.trim())),
    ...(abstain ? [{ base: "cast" as const, share: abstain, compare: "atMost" as const, measure: "count" as const, option: "abstain" }] : []),
    ...(isFixedForm(draft.form) && draft.veto ? [{ base: "cast" as const, share: { num: 0, den: 1 }, compare: "atMost" as const, measure: "count" as const, option: "veto" }] : []),
  ];
}

/** The core takes at most this many clauses. */
export const MAX_CLAUSES = 5;

/** What is wrong with a draft (i18n keys under poll.problem), empty when it can be sent. */
export function draftProblems(draft: PollDraft): string[] {
  const problems: string[] = [];
  const weighted = draft.weighted && !draft.secret;
  const clauses = draftClauses(draft);
  const labels = draft.options.map((o) => o.trim()).filter((o) => o !== "");
  if (draft.title.trim() === "") problems.push("title");
  if (hasChoices(draft.form)) {
    if (labels.length < 2) problems.push(draft.form === "candidates" ? "candidates" : "options");
    else if (new Set(labels).size !== labels.length) problems.push("optionsDiffer");
    if (draft.form === "multiple" && !(draft.minChoices >= 1 && draft.minChoices <= draft.maxChoices && draft.maxChoices <= labels.length)) problems.push("choices");
    if (draft.seats !== null && !(Number.isInteger(draft.seats) && draft.seats >= 1 && draft.seats <= Math.max(labels.length, 1))) problems.push("seats");
    else if (draft.form === "multiple" && draft.seats !== null && draft.maxChoices > draft.seats) problems.push("seatsChoices");
    if (draft.allowBlank && weighted) problems.push("blankWeighted");
  }
  if (draft.roles.length === 0) problems.push("roles");
  const kinds = ruleKindsFor(draft.form);
  if (!kinds.some((k) => draft.rule[k]) && draft.buildings.length === 0) problems.push("rule");
  const customs = [...(draft.rule.percent ? [draft.share] : []), ...draft.buildings.filter((b) => b.kind === "percent").map((b) => b.share)];
  if (customs.some((s) => parseShare(s) === null)) problems.push("share");
  if (draft.rule.percent && draft.compare === "more" && parseShare(draft.share)?.num === parseShare(draft.share)?.den) problems.push("shareMoreThanAll");
  if (draft.buildings.some((b) => b.prefix.trim() === "")) problems.push("building");
  if (draft.form === "yesNoAbstain" && draft.abstainLimit !== null && parseShare(draft.abstainLimit, { allowZero: true }) === null) problems.push("abstainLimit");
  if (clauses.length > MAX_CLAUSES) problems.push("tooManyClauses");
  if (clauses.some((c) => c.base === "decisive" && c.measure === "weight") && draft.form !== "yesNoAbstain") problems.push("decisiveWeight");
  if (draft.secret && draft.weighted) problems.push("secretWeighted");
  if (draft.secret && draft.absentMayVote && clauses.some((c) => c.base === "present")) problems.push("secretLatecomers");
  if (draft.quorum !== null && parseShare(draft.quorum.share) === null) problems.push("quorum");
  if (draft.minutes !== null && !(draft.minutes > 0 && draft.minutes <= 24 * 60)) problems.push("minutes");
  return problems;
}

/**
 * The definition sent with poll.create; a secret ballot never shows a tally, lets anyone change
 * a vote nor counts weights. Without weights every clause and the quorum count heads.
 */
export function toDefinition(draft: PollDraft): PollDefinition {
  const choices = hasChoices(draft.form);
  const weighted = draft.weighted && !draft.secret;
  const quorumShare = draft.quorum === null ? null : parseShare(draft.quorum.share);
  return {
    title: draft.title.trim(),
    form: draft.form,
    ...(choices ? { options: draft.options.map((o) => o.trim()).filter((o) => o !== "") } : {}),
    ...(draft.form === "multiple" ? { minChoices: draft.minChoices, maxChoices: draft.maxChoices } : {}),
    ...(choices && draft.seats !== null ? { seats: draft.seats } : {}),
    allowBlank: choices && draft.allowBlank,
    veto: isFixedForm(draft.form) && draft.veto,
    secret: draft.secret,
    eligibility: { roles: VOTER_ROLES.filter((r) => draft.roles.includes(r)), absentMayVote: draft.absentMayVote, side: draft.side, perHousehold: draft.perHousehold },
    rule: draftClauses(draft),
    quorum: draft.quorum === null || quorumShare === null ? null : { share: quorumShare, compare: draft.quorum.compare, measure: weighted ? draft.quorum.measure : "count" },
    tallyVisibility: draft.secret ? "none" : draft.tallyVisibility,
    allowChange: draft.secret ? false : draft.allowChange,
    weighted,
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
  return result.counts.every(({ optionId, count }) =>
    audit.ballots.filter((b) => chose(b.choices, optionId)).length === count - (poll.hands?.[optionId] ?? 0));
}
