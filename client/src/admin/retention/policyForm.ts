// The policy form's state and what it sends: for recordings and for materials, keep them (null) or
// delete them a whole number of days (0–3650) after the minutes' approval. The typed days survive
// switching to 永久保留 and back, so a slip of the radio button loses nothing.
import { RETENTION_MAX_DAYS, RetentionPolicyInput, type RetentionPolicy, type RetentionTotals } from "@core/api/retention.ts";

export const RETENTION_FIELDS = ["recordings", "materials"] as const;
export type RetentionField = (typeof RETENTION_FIELDS)[number];

export interface KindChoice {
  keep: boolean;
  /** As typed in the number field. */
  days: string;
}
export type PolicyForm = Record<RetentionField, KindChoice>;

/** Why a field's days cannot be sent: empty, or not a whole number from 0 to 3650. */
export type DaysProblem = "required" | "range";

const savedDays = (policy: RetentionPolicy, field: RetentionField): number | null => (field === "recordings" ? policy.recordingsDays : policy.materialsDays);

/** The form showing the saved policy (never set: both kept). */
export function formOf(policy: RetentionPolicy): PolicyForm {
  const choice = (days: number | null): KindChoice => (days === null ? { keep: true, days: "" } : { keep: false, days: String(days) });
  return { recordings: choice(policy.recordingsDays), materials: choice(policy.materialsDays) };
}

/** One field's days, or why it has none. Full-width digits (０–９) are read as digits. */
export function daysOf(choice: KindChoice): { days: number | null } | { problem: DaysProblem } {
  if (choice.keep) return { days: null };
  const typed = choice.days.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (typed === "") return { problem: "required" };
  if (!/^\d+$/.test(typed)) return { problem: "range" };
  const days = Number(typed);
  return days <= RETENTION_MAX_DAYS ? { days } : { problem: "range" };
}

export interface FormReading {
  /** The body of PUT and preview, or null while a field has a problem. */
  input: RetentionPolicyInput | null;
  problems: Partial<Record<RetentionField, DaysProblem>>;
}

export function readForm(form: PolicyForm): FormReading {
  const problems: FormReading["problems"] = {};
  const values: Partial<Record<RetentionField, number | null>> = {};
  for (const field of RETENTION_FIELDS) {
    const read = daysOf(form[field]);
    if ("problem" in read) problems[field] = read.problem;
    else values[field] = read.days;
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  // The contract's own schema: what passes here the server accepts.
  const input = RetentionPolicyInput.parse({ recordingsDays: values.recordings, materialsDays: values.materials });
  return { input, problems };
}

/** Whether the input is the saved policy (a policy never set counts as keeping both). */
export const isSaved = (input: RetentionPolicyInput, policy: RetentionPolicy): boolean =>
  RETENTION_FIELDS.every((field) => (field === "recordings" ? input.recordingsDays : input.materialsDays) === savedDays(policy, field));

/** Whether totals name any file (what a preview or the due list would delete). */
export const deletesAnything = (totals: RetentionTotals): boolean => totals.recordings.count + totals.materials.count > 0;

/** A stable key of an input, to match a preview's answer to the form it was asked for. */
export const inputKey = (input: RetentionPolicyInput): string => `${input.recordingsDays ?? "keep"}/${input.materialsDays ?? "keep"}`;
