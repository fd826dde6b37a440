// After the session (issue 21, docs/bargaining.md "Agreement, vote and filing"): the draft
// 工资专项集体合同 made from the clauses both chiefs agreed, its layout as a document, the vote of
// the 职工代表大会 tested against 《集体合同规定》§36, and the dates of signing and filing: the
// enterprise files within 10 days of the chiefs' signing (§42), the labour authority may object
// within 15 days of receiving it (§47), otherwise the agreement takes effect. Dates are calendar
// days in China time (YYYY-MM-DD). Pure: the caller passes the clock.
import { chinaDate, daysBetween } from "../ledger/deadline.ts";
import type { RosterEntry } from "../config/schema.ts";
import { SIDE_ZH, type BargainingState, type Side } from "./schema.ts";

/** §42: the enterprise files the signed text within 10 days of the chiefs' signing. */
export const FILING_DAYS = 10;
/** §47: the labour authority may object within 15 days of receiving the text. */
export const REVIEW_DAYS = 15;

/** One article made from an agreed clause: its title and the wording both chiefs accepted (editable). */
export interface AgreementArticle {
  clauseId: string;
  title: string;
  text: string;
}

/** A draft agreement as saved in a version: everything the document prints. */
export interface AgreementContent {
  title: string;
  /** 甲方: the enterprise. */
  enterprise: string;
  /** 乙方: the workers, represented by the union. */
  union: string;
  preamble: string;
  articles: AgreementArticle[];
  /** 合同期限. */
  term: string;
  /** The chiefs (首席代表) who sign for each side. */
  chiefs: Record<Side, string>;
}

export const DEFAULT_TERM =
  "本合同有效期为一年，自生效之日起计算。期满或双方约定的终止条件出现时终止；期满前三个月内，任何一方均可向对方提出重新签订或续订的要求。";
export const EFFECT_ARTICLE =
  "本合同草案经职工代表大会或者全体职工讨论通过、双方首席代表签字后，由甲方自签字之日起10日内报送劳动保障行政部门审查；劳动保障行政部门自收到文本之日起15日内未提出异议的，本合同即行生效，由双方向各自代表的成员公布。";

const chiefOf = (roster: readonly RosterEntry[], side: Side): RosterEntry | undefined => roster.find((r) => r.side === side && r.chief);

/** The draft from the bargaining meeting's state: one article per agreed clause, in the order the clauses were added. */
export function draftAgreement(meetingTitle: string, roster: readonly RosterEntry[], bargaining: Pick<BargainingState, "clauses">): AgreementContent | null {
  const agreed = bargaining.clauses.filter((c) => c.agreed !== null);
  if (agreed.length === 0) return null;
  const enterpriseChief = chiefOf(roster, "enterprise");
  const workerChief = chiefOf(roster, "worker");
  const enterprise = enterpriseChief?.unit ?? SIDE_ZH.enterprise;
  const union = workerChief?.unit ?? `${SIDE_ZH.worker}（工会）`;
  return {
    title: "工资专项集体合同",
    enterprise,
    union,
    preamble: `为建立和谐稳定的劳动关系，维护职工和企业的合法权益，根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》和《集体合同规定》，甲乙双方经${meetingTitle}平等协商，就工资事项达成如下协议。`,
    articles: agreed.map((c) => ({ clauseId: c.clauseId, title: c.title, text: c.agreed!.text })),
    term: DEFAULT_TERM,
    chiefs: { enterprise: enterpriseChief?.name ?? "", worker: workerChief?.name ?? "" },
  };
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (articles are numbered this way). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n === 10 ? "" : DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? "" : DIGITS[n % 10]}`;
  return String(n);
}

/** A line of the document, as DOCX and PDF print it. */
export type AgreementLine =
  | { kind: "title"; text: string }
  | { kind: "party"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "article"; number: string; title: string; text: string }
  | { kind: "signature"; text: string }
  | { kind: "date"; text: string };

/** How a date is written on the document: 2026年12月21日; blank lines to fill in by hand without one. */
export const dateZh = (date: string | null): string => {
  if (date === null) return "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The customary structure: title, the parties (甲方 the enterprise, 乙方 the union), the preamble,
 * 第一条… one per agreed clause, the term, the effect (§42, §47), the signing block for both chiefs
 * and the date of signing (blank until both signed).
 */
export function agreementLines(content: AgreementContent, signedOn: string | null, draft: boolean): AgreementLine[] {
  const articles = [
    ...content.articles.map((a) => ({ title: a.title, text: a.text })),
    { title: "合同期限", text: content.term },
    { title: "生效", text: EFFECT_ARTICLE },
  ];
  return [
    { kind: "title", text: draft ? `${content.title}（草案）` : content.title },
    { kind: "party", text: `甲方（${SIDE_ZH.enterprise}）：${content.enterprise}` },
    { kind: "party", text: `乙方（${SIDE_ZH.worker}）：${content.union}` },
    { kind: "paragraph", text: content.preamble },
    ...articles.map((a, i): AgreementLine => ({ kind: "article", number: `第${chineseNumber(i + 1)}条`, title: a.title, text: a.text })),
    { kind: "signature", text: `甲方首席代表（签字）：＿＿＿＿＿＿\u3000${content.chiefs.enterprise}` },
    { kind: "signature", text: `乙方首席代表（签字）：＿＿＿＿＿＿\u3000${content.chiefs.worker}` },
    { kind: "date", text: `签订日期：${dateZh(signedOn)}` },
  ];
}

// ── The vote (§36) ──────────────────────────────────────────────────────────────────────────

/** What the agreement keeps of the closed poll of the 职工代表大会 (or all workers). */
export interface AgreementVote {
  meetingId: string;
  meetingTitle: string;
  pollId: string;
  title: string;
  /** The version of the draft (第n稿) that was the latest when the vote was recorded: the text voted on. */
  version: number;
  secret: boolean;
  /** 应到 · 实到 (present at the opening) · 投票 (ballots and hands) · 赞成 / 反对 / 弃权. */
  entitled: number;
  present: number;
  cast: number;
  yes: number;
  no: number;
  abstain: number;
  /** The poll's own rule in words and its verdict, as announced. */
  rule: string;
  pollPassed: boolean;
  /** The close's date (YYYY-MM-DD). */
  votedOn: string;
}

export interface Article36Test {
  /** At least 2/3 of all representatives present: the vote is valid. */
  present: { amount: number; needed: number; met: boolean };
  /** More than half of ALL representatives in favour. */
  yes: { amount: number; needed: number; met: boolean };
  passed: boolean;
}

/** §36 on the numbers: 实到 ≥ ⌈2/3 · 应到⌉ and 赞成 > 应到 / 2 (needed: the smallest number that meets each). */
export function article36Test(vote: Pick<AgreementVote, "entitled" | "present" | "yes">): Article36Test {
  const presentNeeded = Math.ceil((vote.entitled * 2) / 3);
  const yesNeeded = Math.floor(vote.entitled / 2) + 1;
  const present = { amount: vote.present, needed: presentNeeded, met: vote.entitled > 0 && vote.present * 3 >= vote.entitled * 2 };
  const yes = { amount: vote.yes, needed: yesNeeded, met: vote.entitled > 0 && vote.yes * 2 > vote.entitled };
  return { present, yes, passed: present.met && yes.met };
}

/** The lines of the result document (表决结果): the numbers, the §36 test clause by clause, the verdict. */
export function voteResultLines(vote: AgreementVote, agreementTitle: string): AgreementLine[] {
  const test = article36Test(vote);
  const mark = (met: boolean) => (met ? "符合" : "不符合");
  return [
    { kind: "title", text: `${agreementTitle}（草案）表决结果` },
    {
      kind: "paragraph",
      text: `表决会议：${vote.meetingTitle}；表决事项：${vote.title}（合同草案第${vote.version}稿）；${vote.secret ? "无记名投票" : "记名投票"}；表决日期：${dateZh(vote.votedOn)}。`,
    },
    {
      kind: "paragraph",
      text: `应到 ${vote.entitled} 人，实到 ${vote.present} 人，投票 ${vote.cast} 票；其中赞成 ${vote.yes} 票，反对 ${vote.no} 票，弃权 ${vote.abstain} 票。`,
    },
    {
      kind: "article",
      number: "一、",
      title: "到会人数",
      text: `实到 ${vote.present} 人，应不少于应到人数的三分之二（${test.present.needed} 人）：${mark(test.present.met)}${test.present.met ? "，表决有效" : "，表决无效"}。`,
    },
    {
      kind: "article",
      number: "二、",
      title: "赞成票",
      text: `赞成 ${vote.yes} 票，应超过应到人数的半数（至少 ${test.yes.needed} 票）：${mark(test.yes.met)}。`,
    },
    { kind: "paragraph", text: `本次表决规则：${vote.rule}（表决时宣布：${vote.pollPassed ? "通过" : "未通过"}）。` },
    {
      kind: "paragraph",
      text: `结论：依照《集体合同规定》第三十六条，${test.passed ? "合同草案获得通过" : test.present.met ? "赞成票未超过应到人数的半数，合同草案未获通过" : "到会人数不足应到人数的三分之二，表决无效，合同草案未获通过"}。`,
    },
    { kind: "date", text: dateZh(vote.votedOn) },
  ];
}

// ── Signing, filing, review ─────────────────────────────────────────────────────────────────

/** 草案 · 表决通过 · 已签订 · 已报送 · 审查中 · 已生效 · 有异议. */
export const AGREEMENT_STATES = ["draft", "voted", "signed", "filed", "underReview", "effective", "objected"] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
export const AGREEMENT_STATE_ZH: Record<AgreementState, string> = {
  draft: "草案",
  voted: "表决通过",
  signed: "已签订",
  filed: "已报送",
  underReview: "审查中",
  effective: "已生效",
  objected: "有异议",
};

/**
 * A chief's signature: confirmed by the chief on their own meeting screen (`via: "chief"`, with the
 * moment of the confirmation) or a paper signature the staff entered (`via: "staff"`, the date only).
 */
export interface Signature {
  name: string;
  signedOn: string;
  recordedByName: string;
  via: "chief" | "staff";
  /** When the chief confirmed (ISO time); null for a paper signature recorded by the staff. */
  at: string | null;
}

/**
 * The code a chief sees beside the voted text and confirms with (确认码): 6 characters derived
 * from the text itself (FNV-1a over its JSON), so the confirmation names the very text on the
 * screen, and the paper copy can be checked against it. Not a secret.
 */
export function confirmationCode(content: AgreementContent): string {
  const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(content)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let code = "";
  for (let i = 0; i < 6; i++) {
    code += ALPHABET[hash % ALPHABET.length];
    hash = Math.floor(hash / ALPHABET.length);
  }
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** The recorded steps of an agreement (dates YYYY-MM-DD). */
export interface AgreementSteps {
  vote: AgreementVote | null;
  signatures: Record<Side, Signature | null>;
  /** 报送: the day the enterprise sent the text; 收到: the day the authority received it (§47 counts from it). */
  filedOn: string | null;
  receivedOn: string | null;
  /** The authority's answer within the window: an objection (with its content) or none. */
  review: { outcome: "objection" | "noObjection"; on: string; note: string | null } | null;
}

export const addDays = (date: string, days: number): string => chinaDate(Date.parse(`${date}T12:00:00+08:00`) + days * 86_400_000);

export interface AgreementDates {
  /** Both chiefs signed: the later of the two dates. */
  signedOn: string | null;
  /** §42: the last day to file (signedOn + 10). */
  filingDue: string | null;
  /** §47: the last day the authority may object (receivedOn + 15). */
  reviewEnds: string | null;
  /** The day it took effect: the authority's "no objection", or the day after the window passed without one. */
  effectiveOn: string | null;
}

export interface AgreementStatus extends AgreementDates {
  state: AgreementState;
  /** Days to the deadline that applies now (filing, or the end of the review); negative: overdue / passed. Null when none applies. */
  daysLeft: number | null;
  /** Filed after the §42 deadline (the filing stands, marked late). */
  filedLate: boolean;
}

export function agreementStatus(steps: AgreementSteps, now: number): AgreementStatus {
  const today = chinaDate(now);
  const { worker, enterprise } = steps.signatures;
  const signedOn = worker && enterprise ? (worker.signedOn > enterprise.signedOn ? worker.signedOn : enterprise.signedOn) : null;
  const filingDue = signedOn && addDays(signedOn, FILING_DAYS);
  const reviewEnds = steps.receivedOn && addDays(steps.receivedOn, REVIEW_DAYS);
  const lapsed = reviewEnds !== null && today > reviewEnds;
  const effectiveOn =
    steps.review?.outcome === "noObjection" ? steps.review.on : steps.review === null && lapsed && reviewEnds !== null ? addDays(reviewEnds, 1) : null;
  const filedLate = steps.filedOn !== null && filingDue !== null && steps.filedOn > filingDue;
  const dates = { signedOn, filingDue, reviewEnds, effectiveOn, filedLate };
  if (steps.review?.outcome === "objection") return { ...dates, state: "objected", daysLeft: null };
  if (effectiveOn !== null) return { ...dates, state: "effective", daysLeft: null };
  if (reviewEnds !== null) return { ...dates, state: "underReview", daysLeft: daysBetween(today, reviewEnds) };
  if (steps.filedOn !== null) return { ...dates, state: "filed", daysLeft: null };
  if (filingDue !== null) return { ...dates, state: "signed", daysLeft: daysBetween(today, filingDue) };
  if (steps.vote !== null && article36Test(steps.vote).passed) return { ...dates, state: "voted", daysLeft: null };
  return { ...dates, state: "draft", daysLeft: null };
}

/** What needs doing by when: file (§42) once signed; the end of the authority's review (§47) once received. */
export interface AgreementReminder {
  kind: "filing" | "review";
  due: string;
  daysLeft: number;
  overdue: boolean;
}

export function agreementReminder(status: AgreementStatus): AgreementReminder | null {
  if (status.state === "signed" && status.filingDue !== null && status.daysLeft !== null)
    return { kind: "filing", due: status.filingDue, daysLeft: status.daysLeft, overdue: status.daysLeft < 0 };
  if (status.state === "underReview" && status.reviewEnds !== null && status.daysLeft !== null)
    return { kind: "review", due: status.reviewEnds, daysLeft: status.daysLeft, overdue: false };
  return null;
}

/**
 * Why a step cannot be recorded now (the order of the procedure), or null: sign after a vote that
 * passes §36; file after both signed; receipt after filing; the review after receipt.
 */
export function stepProblem(
  steps: AgreementSteps,
  step: "vote" | "sign" | "file" | "receive" | "review",
  side?: Side,
): "AGREEMENT_STEP_ORDER" | "AGREEMENT_STEP_RECORDED" | null {
  const voted = steps.vote !== null && article36Test(steps.vote).passed;
  const signed = steps.signatures.worker !== null && steps.signatures.enterprise !== null;
  switch (step) {
    case "vote":
      return voted ? "AGREEMENT_STEP_RECORDED" : null;
    case "sign":
      if (!voted) return "AGREEMENT_STEP_ORDER";
      return steps.signatures[side!] !== null ? "AGREEMENT_STEP_RECORDED" : null;
    case "file":
      if (!signed) return "AGREEMENT_STEP_ORDER";
      return steps.filedOn !== null ? "AGREEMENT_STEP_RECORDED" : null;
    case "receive":
      if (steps.filedOn === null) return "AGREEMENT_STEP_ORDER";
      return steps.receivedOn !== null ? "AGREEMENT_STEP_RECORDED" : null;
    case "review":
      if (steps.receivedOn === null) return "AGREEMENT_STEP_ORDER";
      return steps.review !== null ? "AGREEMENT_STEP_RECORDED" : null;
  }
}

/** The date of the step before (a step's date may not be earlier), or null. */
export function earliestDate(steps: AgreementSteps, step: "sign" | "file" | "receive" | "review"): string | null {
  const signedOn = agreementStatus(steps, 0).signedOn;
  switch (step) {
    case "sign":
      return steps.vote?.votedOn ?? null;
    case "file":
      return signedOn;
    case "receive":
      return steps.filedOn;
    case "review":
      return steps.receivedOn;
  }
}
