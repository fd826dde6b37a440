// The mediation agreement (调解协议书, 人民调解法 §28–§29; docs/mediation.md "Agreement"): made from
// the case's details (the parties with household and role, the main facts and the dispute), the
// agreed content and how and by when each party carries it out, the mediators and the committee;
// edited as versions; each party confirms the latest version on their own phone (name typed,
// confirmation code), the mediators sign, and once everyone signed that version is locked. A
// party's refusal ends the mediation as 调解不成 with a referral.
import { confirmationCode as codeOf } from "../bargaining/agreement.ts";

export const PARTY_ROLES = ["applicant", "respondent"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_WORDS: Record<PartyRole, string> = { applicant: "申请人", respondent: "被申请人" };

export const REFERRALS = ["court", "justiceOffice", "other"] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_WORDS: Record<Referral, string> = { court: "人民法院（诉讼）", justiceOffice: "司法所", other: "其他途径" };

/** A party as the agreement names them; participantId is their roster entry (join link) in the mediation meeting. */
export interface AgreementParty {
  participantId: string;
  name: string;
  household: string | null;
  phone: string | null;
  role: PartyRole;
}
export interface AgreementMediator {
  participantId: string;
  name: string;
}
/** How and by when one party carries the agreement out (履行方式、时限). */
export interface Performance {
  participantId: string;
  how: string;
  /** YYYY-MM-DD */
  by: string;
}
export interface MediationAgreementContent {
  caseNumber: string;
  committee: string;
  parties: AgreementParty[];
  facts: string;
  dispute: string;
  terms: string[];
  performance: Performance[];
  mediators: AgreementMediator[];
}

/** A party or mediator's signature on one version. */
export interface AgreementSignature {
  participantId: string;
  kind: "party" | "mediator";
  name: string;
  /** ISO moment of the confirmation. */
  at: string;
  /** Whether a drawn signature (PNG) is stored with it. */
  drawn: boolean;
  via: "link" | "staff";
}
export interface AgreementRefusal {
  participantId: string;
  name: string;
  reason: string;
  at: string;
  referral: Referral | null;
  referralNote: string | null;
}

/**
 * The party's label on every screen and document: the name with role word and household, so two
 * parties of the same name (two 张丽) are told apart: 张丽（申请人，3栋201）.
 */
export function partyLabel(party: AgreementParty): string {
  const role = PARTY_ROLE_WORDS[party.role];
  return `${party.name}（${party.household ? `${role}，${party.household}` : role}）`;
}

/** The code shown beside the text, made from the text itself (FNV-1a, like the bargaining agreement's 确认码). */
export function confirmationCode(content: MediationAgreementContent): string {
  return codeOf(content as unknown as Parameters<typeof codeOf>[0]);
}

export type AgreementState = "draft" | "signing" | "signed" | "refused";

/** Signed when every party and every mediator of the version signed it; refused once a party refused. */
export function agreementState(
  content: MediationAgreementContent,
  signatures: readonly AgreementSignature[],
  refusal: AgreementRefusal | null,
): AgreementState {
  if (refusal) return "refused";
  if (signatures.length === 0) return "draft";
  const signed = new Set(signatures.map((s) => s.participantId));
  const everyone = [...content.parties, ...content.mediators].every((p) => signed.has(p.participantId));
  return everyone && content.parties.length > 0 && content.mediators.length > 0 ? "signed" : "signing";
}

export type ConfirmationProblem =
  | "MEDIATION_AGREEMENT_NOT_SIGNER"
  | "MEDIATION_AGREEMENT_LOCKED"
  | "MEDIATION_AGREEMENT_REFUSED"
  | "MEDIATION_AGREEMENT_SIGNED_ALREADY"
  | "MEDIATION_AGREEMENT_CODE"
  | "MEDIATION_AGREEMENT_NAME";

/** Names compare without spaces (全角 or not): what the party typed against the name on the agreement. */
const bare = (name: string) => name.replace(/[\s\u3000]/g, "");

/**
 * Why a confirmation of the latest version is refused, or null: only a party or mediator named in
 * it, not after a refusal or the lock, once each, the code of the very text, and a party's typed
 * name must be their own name on the agreement.
 */
export function confirmationProblem(input: {
  content: MediationAgreementContent;
  signatures: readonly AgreementSignature[];
  refusal: AgreementRefusal | null;
  participantId: string;
  code: string;
  typedName: string | null;
}): ConfirmationProblem | null {
  const { content, signatures, refusal, participantId } = input;
  const party = content.parties.find((p) => p.participantId === participantId);
  const mediator = content.mediators.find((m) => m.participantId === participantId);
  if (!party && !mediator) return "MEDIATION_AGREEMENT_NOT_SIGNER";
  if (refusal) return "MEDIATION_AGREEMENT_REFUSED";
  if (agreementState(content, signatures, refusal) === "signed") return "MEDIATION_AGREEMENT_LOCKED";
  if (signatures.some((s) => s.participantId === participantId)) return "MEDIATION_AGREEMENT_SIGNED_ALREADY";
  if (input.code.trim().toUpperCase() !== confirmationCode(content)) return "MEDIATION_AGREEMENT_CODE";
  if (party && (input.typedName === null || bare(input.typedName) !== bare(party.name))) return "MEDIATION_AGREEMENT_NAME";
  return null;
}

/** A new version may be saved while nobody refused and the signed version is not locked. */
export function editProblem(state: AgreementState): "MEDIATION_AGREEMENT_LOCKED" | "MEDIATION_AGREEMENT_REFUSED" | null {
  return state === "signed" ? "MEDIATION_AGREEMENT_LOCKED" : state === "refused" ? "MEDIATION_AGREEMENT_REFUSED" : null;
}

/** A party may refuse while the agreement is not locked and nobody refused yet. */
export function refusalProblem(state: AgreementState): "MEDIATION_AGREEMENT_LOCKED" | "MEDIATION_AGREEMENT_REFUSED" | null {
  return editProblem(state);
}

export type AgreementLine =
  | { kind: "title"; text: string }
  | { kind: "number"; text: string }
  | { kind: "party"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "signature"; text: string }
  | { kind: "date"; text: string };

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
};
const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const cnNumber = (n: number) => (n <= 10 ? CN_DIGITS[n]! : n < 20 ? `十${CN_DIGITS[n - 10]}` : String(n));

/**
 * The customary layout of 人民调解协议书: number, the parties (name, role, household, phone), the
 * main facts and the dispute, the agreed content as numbered items, performance by party with the
 * date, the effect clause (§29), the copies, and the signing block — each signer with the moment of
 * their confirmation once signed (`signedOn`: the date the last signature made it effective).
 */
export function agreementLines(
  content: MediationAgreementContent,
  signatures: readonly AgreementSignature[],
  chinaDateOf: (iso: string) => string,
): AgreementLine[] {
  const byId = new Map(content.parties.map((p) => [p.participantId, p]));
  const signatureOf = (id: string) => signatures.find((s) => s.participantId === id);
  const signedWords = (id: string) => {
    const s = signatureOf(id);
    return s ? `（已确认 ${chineseDate(chinaDateOf(s.at))}${s.drawn ? "，手写签名附后" : ""}）` : "";
  };
  const lines: AgreementLine[] = [
    { kind: "title", text: "人民调解协议书" },
    { kind: "number", text: `编号：${content.caseNumber}` },
    ...content.parties.map((p): AgreementLine => ({
      kind: "party",
      text: `${PARTY_ROLE_WORDS[p.role]}：${p.name}${p.household ? `，住址：${p.household}` : ""}${p.phone ? `，联系电话：${p.phone}` : ""}`,
    })),
    { kind: "heading", text: "纠纷主要事实、争议事项：" },
    { kind: "paragraph", text: content.facts },
    { kind: "paragraph", text: content.dispute },
    { kind: "heading", text: "经调解，自愿达成如下协议：" },
    ...content.terms.map((t, i): AgreementLine => ({ kind: "paragraph", text: `${cnNumber(i + 1)}、${t}` })),
    { kind: "heading", text: "履行方式、时限：" },
    ...content.performance.map((p): AgreementLine => {
      const party = byId.get(p.participantId);
      return { kind: "paragraph", text: `${party ? partyLabel(party) : ""}：${p.how}，于${chineseDate(p.by)}前履行完毕。` };
    }),
    {
      kind: "paragraph",
      text: `本协议自各方当事人签名、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式${content.parties.length + 1}份，当事人、人民调解委员会各持一份。`,
    },
    ...content.parties.map((p): AgreementLine => ({ kind: "signature", text: `当事人（签名）：${partyLabel(p)}${signedWords(p.participantId)}` })),
    ...content.mediators.map((m): AgreementLine => ({ kind: "signature", text: `人民调解员（签名）：${m.name}${signedWords(m.participantId)}` })),
    { kind: "signature", text: `${content.committee}（印章）` },
  ];
  const state = agreementState(content, signatures, null);
  if (state === "signed") {
    const last = signatures
      .map((s) => s.at)
      .sort()
      .at(-1)!;
    lines.push({ kind: "date", text: chineseDate(chinaDateOf(last)) });
  }
  return lines;
}
