// The mediation agreement in the MediationAgreement, …Version and …Signature tables (docs/mediation.md
// "Agreement"). A save names the version it was based on and succeeds only if that is still the
// latest, nobody refused and the signed version is not locked; a signature or a refusal is checked
// against core's rules (confirmationProblem, refusalProblem) inside the transaction that writes it,
// so two phones confirming at once cannot both pass a check the other changes.
import {
  agreementState,
  confirmationProblem,
  editProblem,
  refusalProblem,
  type AgreementRefusal,
  type AgreementSignature,
  type AgreementState,
  type MediationAgreementContent,
  type Referral,
} from "../../../../core/mediation/agreement.ts";
import type { ErrorCode } from "../../../../core/errors.ts";
import type { Db } from "../../db/database.ts";
import type { MediationAgreement, MediationAgreementSignature, MediationAgreementVersion } from "../../db/generated/client.ts";

export interface VersionMeta {
  number: number;
  source: "generated" | "edited";
  note: string | null;
  authorName: string;
  createdAt: string;
}
export interface AgreementSnapshot {
  versions: VersionMeta[];
  latest: { number: number; content: MediationAgreementContent } | null;
  signatures: AgreementSignature[];
  refusal: AgreementRefusal | null;
  state: AgreementState;
}
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Row = MediationAgreement & { versions: MediationAgreementVersion[]; signatures: MediationAgreementSignature[] };

const signatureOf = (s: MediationAgreementSignature): AgreementSignature => ({
  participantId: s.participantId,
  kind: s.kind as "party" | "mediator",
  name: s.name,
  at: s.at.toISOString(),
  drawn: s.signaturePng !== null,
  via: s.via as "link" | "staff",
});

function snapshotOf(row: Row | null): AgreementSnapshot {
  if (!row) return { versions: [], latest: null, signatures: [], refusal: null, state: "draft" };
  const versions = [...row.versions].sort((a, b) => a.number - b.number);
  const last = versions.at(-1);
  const latest = last ? { number: last.number, content: JSON.parse(last.content) as MediationAgreementContent } : null;
  const signatures = latest
    ? row.signatures
        .filter((s) => s.version === latest.number)
        .sort((a, b) => +a.at - +b.at)
        .map(signatureOf)
    : [];
  const refusal: AgreementRefusal | null =
    row.refusedBy && row.refusedAt
      ? {
          participantId: row.refusedBy,
          name: row.refusedName ?? "",
          reason: row.refusalReason ?? "",
          at: row.refusedAt.toISOString(),
          referral: row.referral as Referral | null,
          referralNote: row.referralNote,
        }
      : null;
  return {
    versions: versions.map((v) => ({
      number: v.number,
      source: v.source as "generated" | "edited",
      note: v.note,
      authorName: v.authorName,
      createdAt: v.createdAt.toISOString(),
    })),
    latest,
    signatures,
    refusal,
    state: latest ? agreementState(latest.content, signatures, refusal) : refusal ? "refused" : "draft",
  };
}

export class MediationAgreementStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private read(tx: Tx | Db, meetingId: string): Promise<Row | null> {
    return tx.mediationAgreement.findUnique({ where: { meetingId }, include: { versions: true, signatures: true } });
  }

  async snapshot(meetingId: string): Promise<AgreementSnapshot> {
    return snapshotOf(await this.read(this.db, meetingId));
  }

  async version(meetingId: string, number: number): Promise<MediationAgreementContent | null> {
    const row = await this.db.mediationAgreementVersion.findUnique({ where: { meetingId_number: { meetingId, number } } });
    return row ? (JSON.parse(row.content) as MediationAgreementContent) : null;
  }

  /** The signatures on one version with their drawn images (for the signed copy). */
  async signaturesOf(meetingId: string, version: number): Promise<(AgreementSignature & { png: Buffer | null })[]> {
    const rows = await this.db.mediationAgreementSignature.findMany({ where: { meetingId, version }, orderBy: { at: "asc" } });
    return rows.map((r) => ({ ...signatureOf(r), png: r.signaturePng ? Buffer.from(r.signaturePng) : null }));
  }

  /** Saves `content` as the version after `baseVersion` (0: the first); EDIT_CONFLICT when another was saved meanwhile. */
  async save(
    meetingId: string,
    input: { baseVersion: number; content: MediationAgreementContent; note: string | null; generated: boolean; authorName: string },
  ): Promise<Outcome<AgreementSnapshot>> {
    const at = new Date(this.now());
    try {
      return await this.db.$transaction(async (tx): Promise<Outcome<AgreementSnapshot>> => {
        const before = snapshotOf(await this.read(tx, meetingId));
        const latestNumber = before.latest?.number ?? 0;
        if (input.baseVersion !== latestNumber) return { ok: false, code: "EDIT_CONFLICT", details: { latest: latestNumber } };
        const problem = editProblem(before.state);
        if (problem) return { ok: false, code: problem };
        await tx.mediationAgreement.upsert({ where: { meetingId }, create: { meetingId, createdAt: at, updatedAt: at }, update: { updatedAt: at } });
        await tx.mediationAgreementVersion.create({
          data: {
            meetingId,
            number: latestNumber + 1,
            content: JSON.stringify(input.content),
            source: input.generated ? "generated" : "edited",
            note: input.note,
            authorName: input.authorName,
            createdAt: at,
          },
        });
        return { ok: true, value: snapshotOf(await this.read(tx, meetingId)) };
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      return { ok: false, code: "EDIT_CONFLICT", details: { latest: (await this.snapshot(meetingId)).latest?.number ?? 0 } };
    }
  }

  /** Records one signer's confirmation of the latest version (checked by core in the same transaction). */
  async sign(
    meetingId: string,
    input: { participantId: string; version: number; code: string; typedName: string | null; png: Buffer | null; via: "link" | "staff" },
  ): Promise<Outcome<AgreementSnapshot>> {
    try {
      return await this.db.$transaction(async (tx): Promise<Outcome<AgreementSnapshot>> => {
        const before = snapshotOf(await this.read(tx, meetingId));
        if (!before.latest) return { ok: false, code: "MEDIATION_AGREEMENT_NONE" };
        const { content, number } = before.latest;
        const problem = confirmationProblem({
          content,
          signatures: before.signatures,
          refusal: before.refusal,
          participantId: input.participantId,
          // A confirmation of an older version names another text than the latest: its code does not match.
          code: input.version === number ? input.code : "",
          typedName: input.typedName,
        });
        if (problem) return { ok: false, code: problem };
        const party = content.parties.find((p) => p.participantId === input.participantId);
        const mediator = content.mediators.find((m) => m.participantId === input.participantId);
        await tx.mediationAgreementSignature.create({
          data: {
            meetingId,
            version: number,
            participantId: input.participantId,
            kind: party ? "party" : "mediator",
            name: party?.name ?? mediator!.name,
            via: input.via,
            signaturePng: input.png ? new Uint8Array(input.png) : null,
            at: new Date(this.now()),
          },
        });
        await tx.mediationAgreement.update({ where: { meetingId }, data: { updatedAt: new Date(this.now()) } });
        return { ok: true, value: snapshotOf(await this.read(tx, meetingId)) };
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      return { ok: false, code: "MEDIATION_AGREEMENT_SIGNED_ALREADY" };
    }
  }

  /** A party's refusal to sign: the mediation failed (调解不成). */
  async refuse(meetingId: string, input: { participantId: string; reason: string }): Promise<Outcome<AgreementSnapshot>> {
    return this.db.$transaction(async (tx): Promise<Outcome<AgreementSnapshot>> => {
      const before = snapshotOf(await this.read(tx, meetingId));
      if (!before.latest) return { ok: false, code: "MEDIATION_AGREEMENT_NONE" };
      const party = before.latest.content.parties.find((p) => p.participantId === input.participantId);
      if (!party) return { ok: false, code: "MEDIATION_AGREEMENT_NOT_SIGNER" };
      const problem = refusalProblem(before.state);
      if (problem) return { ok: false, code: problem };
      const at = new Date(this.now());
      await tx.mediationAgreement.update({
        where: { meetingId },
        data: { refusedBy: party.participantId, refusedName: party.name, refusalReason: input.reason, refusedAt: at, updatedAt: at },
      });
      return { ok: true, value: snapshotOf(await this.read(tx, meetingId)) };
    });
  }

  /** The referral after a refusal (诉讼 / 司法所 / 其他). */
  async refer(meetingId: string, input: { referral: Referral; note: string | null }): Promise<Outcome<AgreementSnapshot>> {
    return this.db.$transaction(async (tx): Promise<Outcome<AgreementSnapshot>> => {
      const before = snapshotOf(await this.read(tx, meetingId));
      if (before.state !== "refused") return { ok: false, code: "MEDIATION_AGREEMENT_NOT_REFUSED" };
      await tx.mediationAgreement.update({
        where: { meetingId },
        data: { referral: input.referral, referralNote: input.note, updatedAt: new Date(this.now()) },
      });
      return { ok: true, value: snapshotOf(await this.read(tx, meetingId)) };
    });
  }
}
