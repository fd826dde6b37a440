// A mediation case (调解案件, 人民调解法 §17–§33) from its acceptance to its closing (docs/mediation.md
// "Case and follow-up"): 受理 → 调解中 → 达成协议 (书面 or 口头, §28) | 调解不成 (referral, §26) →
// 履行中 (the agreement's obligations followed as ledger items) → 回访 (§31: the committee checks
// performance) → 结案, only once the return visit found it kept. Pure: the caller passes the clock.
import type { ErrorCode } from "../errors.ts";

export const CASE_CATEGORIES = ["neighbour", "property", "family", "other"] as const;
/** 邻里纠纷 · 物业纠纷 · 家庭纠纷 · 其他 */
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_STATES = ["accepted", "mediating", "agreed", "failed", "performing", "returnVisit", "closed"] as const;
/** 受理 · 调解中 · 达成协议 · 调解不成 · 履行中 · 回访 · 结案 */
export type CaseState = (typeof CASE_STATES)[number];

export const AGREEMENT_FORMS = ["written", "oral"] as const;
/** 书面协议 (调解协议书) or 口头协议 (recorded by the mediator, §28). */
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

export const VISIT_OUTCOMES = ["kept", "partlyKept", "notKept"] as const;
/** 履行 · 部分履行 · 未履行 */
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const PARTY_ROLES = ["applicant", "respondent"] as const;
/** 申请人 · 被申请人 */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What can happen to a case; each is allowed in some states only (CASE_TRANSITIONS). */
export type CaseStep =
  | { type: "start" }
  | { type: "agree"; form: AgreementForm }
  | { type: "fail" }
  | { type: "perform" }
  | { type: "scheduleVisit" }
  | { type: "recordVisit"; outcome: VisitOutcome }
  | { type: "close" };

export type CaseStepType = CaseStep["type"];

/** The state table: the states a step may be taken from. */
export const CASE_TRANSITIONS: Record<CaseStepType, readonly CaseState[]> = {
  start: ["accepted"],
  agree: ["mediating"],
  fail: ["mediating"],
  perform: ["agreed"],
  scheduleVisit: ["performing"],
  recordVisit: ["returnVisit"],
  close: ["failed", "returnVisit"],
};

/** The case as far as its state goes: the state and the last return visit's outcome. */
export interface CaseProgress {
  state: CaseState;
  lastVisitOutcome: VisitOutcome | null;
}

export type CaseStepResult = { ok: true; progress: CaseProgress } | { ok: false; code: ErrorCode };

/**
 * The case after `step`, or the refusal's code. A kept return visit leaves the case at 回访 ready to
 * close; a partly kept or unkept one sends it back to 履行中 for another visit. Closing after a
 * return visit needs it kept.
 */
export function takeStep(progress: CaseProgress, step: CaseStep): CaseStepResult {
  if (!CASE_TRANSITIONS[step.type].includes(progress.state)) return { ok: false, code: "MEDIATION_CASE_STATE" };
  switch (step.type) {
    case "start":
      return { ok: true, progress: { ...progress, state: "mediating" } };
    case "agree":
      return { ok: true, progress: { ...progress, state: "agreed" } };
    case "fail":
      return { ok: true, progress: { ...progress, state: "failed" } };
    case "perform":
      return { ok: true, progress: { ...progress, state: "performing" } };
    case "scheduleVisit":
      return { ok: true, progress: { state: "returnVisit", lastVisitOutcome: null } };
    case "recordVisit":
      return { ok: true, progress: { state: step.outcome === "kept" ? "returnVisit" : "performing", lastVisitOutcome: step.outcome } };
    case "close":
      if (progress.state === "returnVisit" && progress.lastVisitOutcome !== "kept") return { ok: false, code: "MEDIATION_NOT_KEPT" };
      return { ok: true, progress: { ...progress, state: "closed" } };
  }
}

/** The case's 编号: （2026）调字第 7 号. */
export const caseNumber = (year: number, seq: number): string => `（${year}）调字第${seq}号`;
