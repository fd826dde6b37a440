// The agreement after a bargaining meeting (docs/bargaining.md "Agreement, vote and filing") in the
// BargainingAgreement and BargainingAgreementVersion tables. A save names the version it was based
// on and succeeds only if that is still the latest, checked and written in one transaction (the
// (meetingId, number) key refuses a second writer of the same number), like the minutes versions.
// The steps (vote, signatures, filing, review) are checked against the procedure's order in core
// (stepProblem) inside the same transaction that records them.
import {
  agreementStatus,
  earliestDate,
  stepProblem,
  type AgreementContent,
  type AgreementSteps,
  type AgreementVote,
  type Signature,
} from "../../../../core/bargaining/agreement.ts";
import type { Side } from "../../../../core/bargaining/schema.ts";
import type { ErrorCode } from "../../../../core/errors.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import type { Db } from "../../db/database.ts";
import type { BargainingAgreement, BargainingAgreementVersion } from "../../db/generated/client.ts";

export type AgreementSource = "generated" | "edited";

export interface AgreementVersionMeta {
  number: number;
  source: AgreementSource;
  note: string | null;
  authorName: string;
  createdAt: string;
}
export interface AgreementVersionJson extends AgreementVersionMeta {
  content: AgreementContent;
}

/** Who saves or records: a participant with their join token, or a staff account. */
export interface AgreementActor {
  name: string;
  participantId: string | null;
  accountId: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

const meta = (row: BargainingAgreementVersion): AgreementVersionMeta => ({
  number: row.number,
  source: row.source as AgreementSource,
  note: row.note,
  authorName: row.authorName,
  createdAt: row.createdAt.toISOString(),
});
const full = (row: BargainingAgreementVersion): AgreementVersionJson => ({ ...meta(row), content: JSON.parse(row.content) as AgreementContent });

export function stepsOf(row: BargainingAgreement): AgreementSteps {
  const signature = (name: string | null, on: string | null, by: string | null, via: string | null, at: Date | null): Signature | null =>
    name !== null && on !== null
      ? { name, signedOn: on, recordedByName: by ?? "", via: via === "chief" ? "chief" : "staff", at: at?.toISOString() ?? null }
      : null;
  return {
    vote: row.vote === null ? null : (JSON.parse(row.vote) as AgreementVote),
    signatures: {
      worker: signature(row.workerSignedName, row.workerSignedOn, row.workerSignRecordedBy, row.workerSignedVia, row.workerSignedAt),
      enterprise: signature(row.enterpriseSignedName, row.enterpriseSignedOn, row.enterpriseSignRecordedBy, row.enterpriseSignedVia, row.enterpriseSignedAt),
    },
    filedOn: row.filedOn,
    receivedOn: row.receivedOn,
    review:
      row.reviewOutcome === null || row.reviewOn === null
        ? null
        : { outcome: row.reviewOutcome as "objection" | "noObjection", on: row.reviewOn, note: row.reviewNote },
  };
}

/**
 * A chief's signature: a paper one the staff enter (`by: "staff"`), or the chief's own
 * confirmation on their screen (`by: "chief"`, with their participant id; the date is today's).
 */
export type Signing = { by: "staff"; signedOn: string } | { by: "chief"; participantId: string };

/** A step recorded: what changes in the row, given the steps so far (null: refused with the code). */
type Step =
  | { kind: "vote"; vote: AgreementVote }
  | { kind: "sign"; side: Side; name: string; signing: Signing }
  | { kind: "file"; filedOn: string; receivedOn: string | null }
  | { kind: "receive"; receivedOn: string }
  | { kind: "review"; outcome: "objection" | "noObjection"; on: string; note: string | null };

export class AgreementStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async find(meetingId: string): Promise<{ row: BargainingAgreement; versions: AgreementVersionMeta[] } | null> {
    const row = await this.db.bargainingAgreement.findUnique({ where: { meetingId }, include: { versions: { orderBy: { number: "asc" } } } });
    return row && { row, versions: row.versions.map(meta) };
  }

  /** Every agreement with its latest version's title (the reminders' list). */
  async list(): Promise<{ row: BargainingAgreement; title: string }[]> {
    const rows = await this.db.bargainingAgreement.findMany({
      orderBy: { createdAt: "asc" },
      include: { versions: { orderBy: { number: "desc" }, take: 1 } },
    });
    return rows.map((row) => ({ row, title: row.versions[0] ? (JSON.parse(row.versions[0].content) as AgreementContent).title : "" }));
  }

  async version(meetingId: string, number: number): Promise<AgreementVersionJson | null> {
    const row = await this.db.bargainingAgreementVersion.findUnique({ where: { meetingId_number: { meetingId, number } } });
    return row ? full(row) : null;
  }

  async latest(meetingId: string): Promise<AgreementVersionJson | null> {
    const row = await this.db.bargainingAgreementVersion.findFirst({ where: { meetingId }, orderBy: { number: "desc" } });
    return row ? full(row) : null;
  }

  /** Saves `content` as the version after `baseVersion` (0: the first); EDIT_CONFLICT when another was saved meanwhile. */
  async save(
    meetingId: string,
    input: { baseVersion: number; content: AgreementContent; note: string | null; generated: boolean },
    author: AgreementActor,
  ): Promise<Outcome<AgreementVersionJson>> {
    const at = new Date(this.now());
    try {
      return await this.db.$transaction(async (tx): Promise<Outcome<AgreementVersionJson>> => {
        const latest = await tx.bargainingAgreementVersion.findFirst({ where: { meetingId }, orderBy: { number: "desc" } });
        const latestNumber = latest?.number ?? 0;
        if (input.baseVersion !== latestNumber) return { ok: false, code: "EDIT_CONFLICT", details: { latest: latestNumber } };
        // Once the 职工代表大会 adopted it (§36), the adopted text is what the chiefs sign: no more versions.
        const row = await tx.bargainingAgreement.findUnique({ where: { meetingId } });
        if (row && agreementStatus(stepsOf(row), this.now()).state !== "draft") return { ok: false, code: "AGREEMENT_STEP_RECORDED" };
        await tx.bargainingAgreement.upsert({ where: { meetingId }, create: { meetingId, createdAt: at, updatedAt: at }, update: { updatedAt: at } });
        const version = await tx.bargainingAgreementVersion.create({
          data: {
            meetingId,
            number: latestNumber + 1,
            content: JSON.stringify(input.content),
            source: input.generated ? "generated" : "edited",
            note: input.note,
            authorName: author.name,
            authorParticipantId: author.participantId,
            authorAccountId: author.accountId,
            createdAt: at,
          },
        });
        return { ok: true, value: full(version) };
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      return { ok: false, code: "EDIT_CONFLICT", details: { latest: (await this.latest(meetingId))?.number ?? 0 } };
    }
  }

  /** Records a step of the procedure, in order, with the name of who recorded it (the staff member, or the chief who confirmed). */
  async record(meetingId: string, step: Step, by: AgreementActor): Promise<Outcome<AgreementSteps>> {
    return this.db.$transaction(async (tx): Promise<Outcome<AgreementSteps>> => {
      const row = await tx.bargainingAgreement.findUnique({ where: { meetingId } });
      if (!row) return { ok: false, code: "AGREEMENT_NO_DRAFT" };
      const steps = stepsOf(row);
      const problem = stepProblem(steps, step.kind, step.kind === "sign" ? step.side : undefined);
      if (problem) return { ok: false, code: problem };
      const at = new Date(this.now());
      const dates =
        step.kind === "sign"
          ? [step.signing.by === "staff" ? step.signing.signedOn : chinaDate(at.getTime())]
          : step.kind === "file"
            ? [step.filedOn, step.receivedOn]
            : step.kind === "receive"
              ? [step.receivedOn]
              : step.kind === "review"
                ? [step.on]
                : [];
      if (step.kind !== "vote") {
        const earliest = earliestDate(steps, step.kind);
        const today = chinaDate(this.now());
        const given = dates.filter((d): d is string => d !== null);
        if (
          given.some((d) => d > today || (earliest !== null && d < earliest)) ||
          (step.kind === "file" && step.receivedOn !== null && step.receivedOn < step.filedOn)
        )
          return { ok: false, code: "AGREEMENT_DATE_INVALID" };
      }
      const data = (() => {
        switch (step.kind) {
          case "vote":
            return { vote: JSON.stringify(step.vote), voteRecordedByName: by.name };
          case "sign": {
            const chief = step.signing.by === "chief" ? step.signing : null;
            const signed = {
              name: step.name,
              on: step.signing.by === "staff" ? step.signing.signedOn : chinaDate(at.getTime()),
              by: by.name,
              via: step.signing.by,
              at: chief ? at : null,
              participantId: chief?.participantId ?? null,
            };
            return step.side === "worker"
              ? {
                  workerSignedName: signed.name,
                  workerSignedOn: signed.on,
                  workerSignRecordedBy: signed.by,
                  workerSignedVia: signed.via,
                  workerSignedAt: signed.at,
                  workerSignedParticipantId: signed.participantId,
                }
              : {
                  enterpriseSignedName: signed.name,
                  enterpriseSignedOn: signed.on,
                  enterpriseSignRecordedBy: signed.by,
                  enterpriseSignedVia: signed.via,
                  enterpriseSignedAt: signed.at,
                  enterpriseSignedParticipantId: signed.participantId,
                };
          }
          case "file":
            return { filedOn: step.filedOn, receivedOn: step.receivedOn, filingRecordedByName: by.name };
          case "receive":
            return { receivedOn: step.receivedOn, filingRecordedByName: by.name };
          case "review":
            return { reviewOutcome: step.outcome, reviewOn: step.on, reviewNote: step.note, reviewRecordedByName: by.name };
        }
      })();
      const updated = await tx.bargainingAgreement.update({ where: { meetingId }, data: { ...data, updatedAt: at } });
      return { ok: true, value: stepsOf(updated) };
    });
  }

  /** The state of the agreement at the server's now. */
  status(row: BargainingAgreement) {
    return agreementStatus(stepsOf(row), this.now());
  }
}
