// What a signer's card shows (PartyConfirmation.tsx), from their view of the agreement: nothing
// (not a signer, no draft yet), the version to confirm, their confirmation awaiting the others,
// the signed agreement (download), or the refusal (调解不成).
import type { MediationConfirmationJson } from "@core/api/mediationAgreement.ts";
import { agreementLines, type AgreementLine, type AgreementSignature, type MediationAgreementContent } from "@core/mediation/agreement.ts";
import type { DocumentLine, LineStyle } from "../../components/confirmation/DocumentText.tsx";

export type PartyStep =
  | { kind: "toConfirm"; version: number; code: string }
  | { kind: "confirmed"; at: string; count: number; total: number }
  | { kind: "signed" }
  | { kind: "refused"; name: string };

export function partyStep(json: MediationConfirmationJson): PartyStep | null {
  if (json.refusal) return { kind: "refused", name: json.refusal.name };
  if (!json.latest || json.kind === null) return null;
  if (json.state === "signed") return { kind: "signed" };
  const total = json.latest.content.parties.length + json.latest.content.mediators.length;
  if (json.signed) return { kind: "confirmed", at: json.signed.at, count: json.signatures.length, total };
  return { kind: "toConfirm", version: json.latest.number, code: json.latest.code };
}

/** Drawn signatures larger than this (base64 characters) are refused by the server: the phone says so before sending. */
export const SIGNATURE_LIMIT = 280_000;

/** The typed name may carry spaces; what is sent is trimmed. */
export const typedName = (value: string): string => value.replace(/[\s\u3000]/g, "");

/** The time of a confirmation as the phone shows it (China time, HH:MM on YYYY-MM-DD). */
export function confirmedAt(iso: string): string {
  const china = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/**
 * The staff's performance lines (履行方式、时限), one a line: `<party number>|<how>|<YYYY-MM-DD>`,
 * the number counting the parties in roster order from 1; lines not in that form are left out.
 */
export function parsePerformance(text: string, partyIds: readonly string[]): { participantId: string; how: string; by: string }[] {
  return text.split("\n").flatMap((line) => {
    const [n, how, by] = line.split("|").map((s) => s.trim());
    const participantId = partyIds[Number(n) - 1];
    return participantId && how && by && /^\d{4}-\d{2}-\d{2}$/.test(by) ? [{ participantId, how, by }] : [];
  });
}

/** The China calendar date of a moment (the signing date printed on the agreement). */
export const chinaDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

const LINE_STYLES: Record<AgreementLine["kind"], LineStyle> = {
  title: "title",
  number: "right",
  party: "plain",
  heading: "heading",
  paragraph: "indent",
  signature: "plain",
  date: "right",
};

/** The 调解协议书's full text as the screens set it (the signer's confirmation screen, the staff's page). */
export function agreementText(content: MediationAgreementContent, signatures: readonly AgreementSignature[]): DocumentLine[] {
  return agreementLines(content, signatures, chinaDay).map((line) => ({ style: LINE_STYLES[line.kind], text: line.text }));
}
