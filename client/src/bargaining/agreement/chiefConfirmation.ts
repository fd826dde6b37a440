// What a chief's own meeting screen shows of the agreement (docs/bargaining.md "Agreement, vote and
// filing"): nothing for anyone but a side's chief of a bargaining meeting; for a chief, once the
// 职工代表大会's vote passed, the voted text to confirm (确认签署) — then their confirmation, and the
// other side's.
import { agreementLines, type AgreementContent, type AgreementLine } from "@core/bargaining/agreement.ts";
import type { ChiefConfirmationJson } from "@core/api/bargainingAgreement.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { DEFAULT_TIME_ZONE } from "@core/time/meetingTime.ts";

/** The side a participant confirms for: a chief with a side, in a bargaining meeting; otherwise null (nothing shown). */
export function confirmingSide(kind: string, me: Pick<RosterEntry, "side" | "chief"> | undefined): Side | null {
  if (kind !== "bargaining" || !me || !me.chief) return null;
  return me.side;
}

export type ConfirmationStep =
  /** No vote passed yet: nothing to sign. */
  | { kind: "waiting" }
  /** The voted text awaits this chief's confirmation. */
  | { kind: "toConfirm"; version: number; code: string }
  /** This chief confirmed (or the staff recorded their paper signature); the other side's too, or not yet. */
  | { kind: "confirmed"; own: NonNullable<ChiefConfirmationJson["signatures"][Side]>; other: ChiefConfirmationJson["signatures"][Side]; bothSigned: boolean };

export const otherSide = (side: Side): Side => (side === "worker" ? "enterprise" : "worker");

export function confirmationStep(json: ChiefConfirmationJson): ConfirmationStep {
  const own = json.signatures[json.side];
  const other = json.signatures[otherSide(json.side)];
  if (own) return { kind: "confirmed", own, other, bothSigned: other !== null };
  if (json.voted === null) return { kind: "waiting" };
  return { kind: "toConfirm", version: json.voted.version, code: json.voted.code };
}

/** The full text as the document prints it (the signing block and date blank until both signed). */
export function fullText(content: AgreementContent, signedOn: string | null): AgreementLine[] {
  return agreementLines(content, signedOn, signedOn === null);
}

/** How often a chief's screen asks again while there is something still to happen (the vote, or the other side). */
export const REFRESH_MS = 30_000;

/** Whether to keep asking: until both sides signed. */
export const keepRefreshing = (step: ConfirmationStep): boolean => !(step.kind === "confirmed" && step.bothSigned);

const timeFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: DEFAULT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** When a chief confirmed, in China time as the agreement's dates are: 2026-12-21 10:05. */
export function confirmedAt(iso: string): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(Date.parse(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
