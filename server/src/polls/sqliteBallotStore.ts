// The ballot store on SQLite (the BallotStore of ballotStore.ts): both tables are WITHOUT ROWID,
// so rows sit in key order, not voting order; a batch of ballots is two statements whatever its
// size (rows as one JSON parameter, json_each); after a secret poll its rows are rewritten in key
// order and the write-ahead log is emptied. docs/ballot-secrecy.md.
import { randomBytes } from "node:crypto";
import type { Fence } from "../cluster/fence.ts";
import type { Db } from "../db/database.ts";
import { Prisma } from "../db/generated/client.ts";
import { BallotReads } from "./ballotReads.ts";
import { outcomesOf, type BallotStore, type BallotToStore, type StoreOutcome } from "./ballotStore.ts";

/**
 * The rows of a JSON array of n-element arrays (ballots: [pollId, ballotId, choices, weight,
 * groups]; voters add via and note) as a SELECT. `WHERE true` is SQLite's required
 * disambiguation before an upsert's ON CONFLICT.
 */
const fromJsonRows = (n: number, json: string) =>
  Prisma.sql`SELECT ${Prisma.raw(Array.from({ length: n }, (_, i) => `json_extract("value", '$[${i}]')`).join(", "))} FROM json_each(${json}) WHERE true`;
const VOTER_COLUMNS = Prisma.raw(`"pollId", "unitId", "choices", "weight", "groups", "via", "note"`);
const BALLOT_COLUMNS = Prisma.raw(`"pollId", "ballotId", "choices", "weight", "groups"`);

type StoredRow = Record<string, string | number | null>;

export class SqliteBallotStore extends BallotReads implements BallotStore {
  constructor(db: Db) {
    super(db);
  }

  /**
   * One transaction (one fsync for many voters); rows go in as one JSON parameter per statement.
   * The fence is ignored: SQLite is one process with no leases, so no other node can own the meeting.
   */
  async cast(batch: readonly BallotToStore[], _fence?: { meetingId: string } & Fence): Promise<StoreOutcome[]> {
    if (batch.length === 0) return [];
    return this.db.$transaction(async (tx) => {
      const voters = batch.map((b) => [
        b.pollId,
        b.unitId,
        b.secret ? null : JSON.stringify(b.choices),
        b.weight,
        JSON.stringify(b.groups),
        b.via,
        b.secret ? null : b.note,
      ]);
      const rows = await tx.$queryRaw<{ pollId: string; unitId: string }[]>`
        INSERT INTO "PollVoter" (${VOTER_COLUMNS}) ${fromJsonRows(7, JSON.stringify(voters))} ON CONFLICT DO NOTHING RETURNING "pollId", "unitId"`;
      const { outcomes, secret } = await outcomesOf(
        batch,
        rows,
        async (b) =>
          (await tx.$executeRaw`
            UPDATE "PollVoter" SET "choices" = ${JSON.stringify(b.choices)} WHERE "pollId" = ${b.pollId} AND "unitId" = ${b.unitId} AND "via" = 'self'`) > 0,
      );
      if (secret.length > 0) {
        const ballots = secret.map((b) => [b.pollId, randomBytes(16).toString("hex"), JSON.stringify(b.choices), b.weight, JSON.stringify(b.groups)]);
        await tx.$executeRaw`INSERT INTO "PollBallot" (${BALLOT_COLUMNS}) ${fromJsonRows(5, JSON.stringify(ballots))}`;
      }
      return outcomes;
    });
  }

  /**
   * SQLite places each new row in its page next to the previous one, so the byte offsets of the
   * rows would tell the order of voting. The poll's rows are rewritten in key order (deleted
   * content is zeroed: sqliteDatabase.ts turns secure_delete on), then the write-ahead log is folded in and emptied.
   */
  async forgetWriteOrder(pollId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const voters = await tx.$queryRaw<StoredRow[]>`SELECT ${VOTER_COLUMNS} FROM "PollVoter" WHERE "pollId" = ${pollId} ORDER BY "unitId"`;
      const ballots = await tx.$queryRaw<StoredRow[]>`SELECT ${BALLOT_COLUMNS} FROM "PollBallot" WHERE "pollId" = ${pollId} ORDER BY "ballotId"`;
      await tx.$executeRaw`DELETE FROM "PollVoter" WHERE "pollId" = ${pollId}`;
      await tx.$executeRaw`DELETE FROM "PollBallot" WHERE "pollId" = ${pollId}`;
      // json_each yields the rows in array order, i.e. key order.
      await tx.$executeRaw`INSERT INTO "PollVoter" (${VOTER_COLUMNS}) ${fromJsonRows(7, JSON.stringify(voters.map(Object.values)))} ORDER BY "key"`;
      await tx.$executeRaw`INSERT INTO "PollBallot" (${BALLOT_COLUMNS}) ${fromJsonRows(5, JSON.stringify(ballots.map(Object.values)))} ORDER BY "key"`;
    });
    // TRUNCATE waits for readers; a reader holding an old snapshot makes it report busy: retry.
    for (let attempt = 0; attempt < 20; attempt++) {
      const [result] = await this.db.$queryRaw<{ busy: bigint | number }[]>`PRAGMA wal_checkpoint(TRUNCATE)`;
      if (Number(result?.busy ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the write-ahead log could not be emptied after a secret poll");
  }
}
