// The chair's poll form as typed (PollDraft) and what it sends: the rule presets and the custom
// share, limits (弃权, 否决), the quorum, elections, the 民法典 §278 preset, the problems that
// keep a draft from being sent, and the PollDefinition the core takes.
import type { Base, PollDefinition, PollForm, QuorumOf, RuleClause, TallyVisibility } from "@core/poll/schema.ts";
import type { Role } from "@core/roles.ts";
import { parseShare } from "./share.ts";

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

/** The quorum as typed: a share of 应到 (有效人数 / 参与表决, or 实到 present at the opening), by heads, weight or both. */
export interface DraftQuorum {
  share: string;
  compare: "atLeast" | "more";
  measure: DraftMeasure;
  /** Absent: those taking part (cast). */
  of?: QuorumOf;
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
export const RULE_KINDS = [
  "majorityOfCast",
  "majorityOfDecisive",
  "twoThirdsOfCast",
  "majorityOfEntitled",
  "twoThirdsOfPresent",
  "twoThirdsOfEntitled",
  "percent",
] as const;
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

const allCount = (): Record<RuleKind, DraftMeasure> => ({
  majorityOfCast: "count",
  majorityOfDecisive: "count",
  twoThirdsOfCast: "count",
  majorityOfEntitled: "count",
  twoThirdsOfPresent: "count",
  twoThirdsOfEntitled: "count",
  percent: "count",
});
/** No rule kind chosen. */
export const noRule = (): Record<RuleKind, boolean> => ({
  majorityOfCast: false,
  majorityOfDecisive: false,
  twoThirdsOfCast: false,
  majorityOfEntitled: false,
  twoThirdsOfPresent: false,
  twoThirdsOfEntitled: false,
  percent: false,
});

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
export const newQuorum = (): DraftQuorum => ({ share: "50%", compare: "atLeast", measure: "count", of: "cast" });

/**
 * The form's default rule for a form, until the chair picks one: a consent (同意/不同意) is a
 * consent rate of everyone entitled (80 % of 应到), the others a majority of the votes cast. A
 * base or rule the new form does not offer falls back to the votes cast.
 */
export function withFormDefaults(draft: PollDraft, form: PollForm, ruleTouched: boolean): PollDraft {
  const fits = { ...draft, form, shareBase: basesFor(form).includes(draft.shareBase) ? draft.shareBase : ("cast" as Base) };
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
    quorum: { share: "2/3", compare: "atLeast", measure: "both", of: "cast" },
  };
}

/**
 * 《集体合同规定》第三十六条: the draft collective contract before the 职工代表大会 (or all workers),
 * secret, 赞成/反对/弃权, by heads: valid only with at least two thirds of the representatives
 * present (实到 ≥ 2/3 of 应到), passed only with more than half of ALL of them in favour.
 */
export function article36(draft: PollDraft): PollDraft {
  return {
    ...withFormDefaults(draft, "yesNoAbstain", true),
    secret: true,
    weighted: false,
    perHousehold: false,
    rule: { ...noRule(), majorityOfEntitled: true },
    measures: allCount(),
    buildings: [],
    abstainLimit: null,
    veto: false,
    quorum: { share: "2/3", compare: "atLeast", measure: "count", of: "present" },
  };
}

/** Whether the draft is still the §36 preset (the chair may have changed it since). */
export function isArticle36(draft: PollDraft): boolean {
  const [a, b] = [toDefinition(draft), toDefinition(article36(draft))];
  return JSON.stringify([a.form, a.secret, a.rule, a.quorum, a.weighted]) === JSON.stringify([b.form, b.secret, b.rule, b.quorum, b.weighted]);
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
    ...(isFixedForm(draft.form) && draft.veto
      ? [{ base: "cast" as const, share: { num: 0, den: 1 }, compare: "atMost" as const, measure: "count" as const, option: "veto" }]
      : []),
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
    if (draft.form === "multiple" && !(draft.minChoices >= 1 && draft.minChoices <= draft.maxChoices && draft.maxChoices <= labels.length))
      problems.push("choices");
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
  if (draft.form === "yesNoAbstain" && draft.abstainLimit !== null && parseShare(draft.abstainLimit, { allowZero: true }) === null)
    problems.push("abstainLimit");
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
    eligibility: {
      roles: VOTER_ROLES.filter((r) => draft.roles.includes(r)),
      absentMayVote: draft.absentMayVote,
      side: draft.side,
      perHousehold: draft.perHousehold,
    },
    rule: draftClauses(draft),
    quorum:
      draft.quorum === null || quorumShare === null
        ? null
        : {
            share: quorumShare,
            compare: draft.quorum.compare,
            measure: weighted ? draft.quorum.measure : "count",
            // A ballot quorum keeps the shape every poll had before `of` (absent: cast).
            ...(draft.quorum.of === "present" ? { of: "present" as const } : {}),
          },
    tallyVisibility: draft.secret ? "none" : draft.tallyVisibility,
    allowChange: draft.secret ? false : draft.allowChange,
    weighted,
    durationSeconds: draft.minutes === null ? null : Math.max(10, Math.round(draft.minutes * 60)),
  };
}
