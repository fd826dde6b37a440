// Saved versions of the minutes (第n稿) in the MinutesVersion table. A save names the version it
// was based on and succeeds only if that is still the latest, checked and written in one
// transaction; the (meetingId, number) primary key refuses a second writer of the same number
// whatever the interleaving, so of two saves on the same base exactly one wins. Approval (定稿)
// is recorded once on the latest version; the database's triggers keep saved content unchanged.
import type { Block } from "../../../core/minutes/blocks.ts";
import type { ErrorCode } from "../../../core/errors.ts";
import type { Db } from "../db/database.ts";
import type { MinutesVersion } from "../db/generated/client.ts";

export type VersionSource = "generated" | "edited" | "correction";

export interface VersionMeta {
  number: number;
  source: VersionSource;
  /** 修改说明, or the 更正理由 of a correction. */
  note: string | null;
  authorName: string;
  createdAt: string;
  approvedAt: string | null;
  approvedByName: string | null;
}

export interface MinutesVersionJson extends VersionMeta {
  blocks: Block[];
}

/** Who saves or approves: a participant with their join token, or a staff account. */
export interface VersionActor {
  name: string;
  participantId: string | null;
  accountId: string | null;
}

export type VersionResult = { ok: true; version: MinutesVersionJson } | { ok: false; code: ErrorCode; latest: number };

const meta = (row: MinutesVersion): VersionMeta => ({
  number: row.number,
  source: row.source as VersionSource,
  note: row.note,
  authorName: row.authorName,
  createdAt: row.createdAt.toISOString(),
  approvedAt: row.approvedAt?.toISOString() ?? null,
  approvedByName: row.approvedByName,
});
const full = (row: MinutesVersion): MinutesVersionJson => ({ ...meta(row), blocks: JSON.parse(row.blocks) as Block[] });

export class MinutesVersionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async list(meetingId: string): Promise<VersionMeta[]> {
    const rows = await this.db.minutesVersion.findMany({ where: { meetingId }, orderBy: { number: "asc" } });
    return rows.map(meta);
  }

  async get(meetingId: string, number: number): Promise<MinutesVersionJson | null> {
    const row = await this.db.minutesVersion.findUnique({ where: { meetingId_number: { meetingId, number } } });
    return row ? full(row) : null;
  }

  /**
   * Saves `blocks` as the version after `baseVersion` (0: the first). Refused with EDIT_CONFLICT
   * when another version was saved meanwhile, and with MINUTES_LOCKED when the latest is
   * approved and no note (更正理由) is given; a save after approval is a correction.
   */
  async save(
    meetingId: string,
    input: { baseVersion: number; blocks: readonly Block[]; note: string | null; generated: boolean },
    author: VersionActor,
  ): Promise<VersionResult> {
    try {
      return await this.db.$transaction(async (tx): Promise<VersionResult> => {
        const latest = await tx.minutesVersion.findFirst({ where: { meetingId }, orderBy: { number: "desc" } });
        const latestNumber = latest?.number ?? 0;
        if (input.baseVersion !== latestNumber) return { ok: false, code: "EDIT_CONFLICT", latest: latestNumber };
        const approved = latest?.approvedAt != null;
        if (approved && input.note === null) return { ok: false, code: "MINUTES_LOCKED", latest: latestNumber };
        const source: VersionSource = approved ? "correction" : input.generated ? "generated" : "edited";
        const row = await tx.minutesVersion.create({
          data: {
            meetingId,
            number: latestNumber + 1,
            blocks: JSON.stringify(input.blocks),
            source,
            note: input.note,
            authorName: author.name,
            authorParticipantId: author.participantId,
            authorAccountId: author.accountId,
            createdAt: new Date(this.now()),
          },
        });
        return { ok: true, version: full(row) };
      });
    } catch (error) {
      // The primary key: another save of the same number committed between our read and write.
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      return { ok: false, code: "EDIT_CONFLICT", latest: await latestIn(this.db, meetingId) };
    }
  }

  /** Approves version `number` (定稿): only the latest, only once. */
  async approve(meetingId: string, number: number, approver: VersionActor): Promise<VersionResult | null> {
    return this.db.$transaction(async (tx): Promise<VersionResult | null> => {
      const row = await tx.minutesVersion.findUnique({ where: { meetingId_number: { meetingId, number } } });
      if (!row) return null;
      const latest = await latestIn(tx, meetingId);
      if (number !== latest) return { ok: false, code: "MINUTES_NOT_LATEST", latest };
      if (row.approvedAt) return { ok: false, code: "MINUTES_ALREADY_APPROVED", latest: number };
      const approved = await tx.minutesVersion.update({
        where: { meetingId_number: { meetingId, number } },
        data: {
          approvedAt: new Date(this.now()),
          approvedByName: approver.name,
          approvedByParticipantId: approver.participantId,
          approvedByAccountId: approver.accountId,
        },
      });
      return { ok: true, version: full(approved) };
    });
  }
}

async function latestIn(db: Pick<Db, "minutesVersion">, meetingId: string): Promise<number> {
  const agg = await db.minutesVersion.aggregate({ where: { meetingId }, _max: { number: true } });
  return agg._max.number ?? 0;
}
