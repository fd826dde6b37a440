// The ballot store on PostgreSQL (the BallotStore of ballotStore.ts). PostgreSQL keeps the write
// order of rows where SQLite's rewrite cannot reach: every row carries the id of the transaction
// that wrote it (xmin), new rows go to the end of the heap, and the WAL and dead tuples keep old
// versions until recycled. A voter row and its ballot are written in one transaction, so they
// share an xmin. Therefore, while a secret poll is open, its PollBallot rows hold only ciphertext
// (AES-256-GCM under a per-poll key derived from the node's ballot secret): the shared xmin links a
// voter to ciphertext only. At the close the ballots are rewritten as plaintext, under new random
// ids, in one transaction in id order. docs/ballot-secrecy.md "PostgreSQL".
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type pg from "pg";
import { assertFence, type Fence } from "../cluster/fence.ts";
import type { Db } from "../db/database.ts";
import { BallotReads, type SecretBallotRow } from "./ballotReads.ts";
import { outcomesOf, type BallotStore, type BallotToStore, type StoreOutcome } from "./ballotStore.ts";

/** Marks an encrypted "choices" value (plaintext choices are a JSON array, which starts with "["). */
const SEALED = "sealed:v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What the ciphertext of a secret ballot holds: everything that could tell the vote. */
interface SealedContent {
  choices: string[];
  weight: number;
  groups: string[];
}

/** Polls whose sealing key is kept derived (the open and recently closed ones). */
const MAX_CACHED_KEYS = 256;

export class PgBallotStore extends BallotReads implements BallotStore {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    db: Db,
    private readonly pool: pg.Pool,
    private readonly ballotSecret: Buffer,
  ) {
    super(db);
    // HKDF stretches any secret, but a short one could be guessed and would open every poll.
    if (ballotSecret.length < 16) throw new Error("the ballot secret must be at least 16 bytes");
  }

  /**
   * One transaction: the fence check (FOR SHARE on the lease row, held to the commit), the voters
   * in one statement (the PollVoter primary key refuses a unit's second ballot), named changes,
   * then the secret ballots, sealed, in one statement.
   */
  async cast(batch: readonly BallotToStore[], fence?: { meetingId: string } & Fence): Promise<StoreOutcome[]> {
    if (batch.length === 0) return [];
    return this.transaction(async (client) => {
      if (fence) await assertFence(client, fence.meetingId, fence);
      const column = <T>(pick: (b: BallotToStore) => T) => batch.map(pick);
      const { rows } = await client.query<{ pollId: string; unitId: string }>(
        `INSERT INTO "PollVoter" ("pollId", "unitId", "choices", "weight", "groups", "via", "note")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT DO NOTHING RETURNING "pollId", "unitId"`,
        [
          column((b) => b.pollId),
          column((b) => b.unitId),
          column((b) => (b.secret ? null : JSON.stringify(b.choices))),
          column((b) => b.weight),
          column((b) => JSON.stringify(b.groups)),
          column((b) => b.via),
          column((b) => (b.secret ? null : b.note)),
        ],
      );
      // unnest keeps the array order, so the first of a unit's two ballots in a batch is the one inserted.
      const { outcomes, secret } = await outcomesOf(batch, rows, async (b) => {
        const changed = await client.query(`UPDATE "PollVoter" SET "choices" = $1 WHERE "pollId" = $2 AND "unitId" = $3 AND "via" = 'self'`, [
          JSON.stringify(b.choices),
          b.pollId,
          b.unitId,
        ]);
        return (changed.rowCount ?? 0) > 0;
      });
      if (secret.length > 0) {
        // Weight 0 and no groups in the clear: the sealed content carries them.
        await client.query(
          `INSERT INTO "PollBallot" ("pollId", "ballotId", "choices", "weight", "groups")
           SELECT p, id, c, 0, '[]' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(p, id, c)`,
          [
            secret.map((b) => b.pollId),
            secret.map(() => newBallotId()),
            secret.map((b) => this.seal(b.pollId, { choices: b.choices, weight: b.weight, groups: b.groups })),
          ],
        );
      }
      return outcomes;
    });
  }

  /**
   * At the close of a secret poll: its ballots are decrypted and rewritten as plaintext under new
   * random ids (an old id would link the plaintext to the sealed row and so to its voter's xmin),
   * in id order, and its voters in key order, all in one transaction: every row of the poll then
   * has the same xmin, and the heap order of the ballots is the order of random ids.
   */
  async forgetWriteOrder(pollId: string): Promise<void> {
    await this.transaction(async (client) => {
      const voters = await client.query<Record<string, unknown>>(
        `SELECT "pollId", "unitId", "choices", "weight", "groups", "via", "note" FROM "PollVoter" WHERE "pollId" = $1 ORDER BY "unitId" FOR UPDATE`,
        [pollId],
      );
      const stored = await client.query<SecretBallotRow>(`SELECT "choices", "weight", "groups" FROM "PollBallot" WHERE "pollId" = $1 FOR UPDATE`, [pollId]);
      const ballots = stored.rows
        .map((row) => ({ ballotId: newBallotId(), ...this.open(pollId, row) }))
        .sort((a, b) => (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0));
      await client.query(`DELETE FROM "PollVoter" WHERE "pollId" = $1`, [pollId]);
      await client.query(`DELETE FROM "PollBallot" WHERE "pollId" = $1`, [pollId]);
      const v = voters.rows;
      // WITH ORDINALITY … ORDER BY: the rows go in in the arrays' (key) order.
      await client.query(
        `INSERT INTO "PollVoter" ("pollId", "unitId", "choices", "weight", "groups", "via", "note")
         SELECT p, u, c, w, g, v, n FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[])
           WITH ORDINALITY AS t(p, u, c, w, g, v, n, i) ORDER BY i`,
        [
          v.map((r) => r.pollId),
          v.map((r) => r.unitId),
          v.map((r) => r.choices),
          v.map((r) => r.weight),
          v.map((r) => r.groups),
          v.map((r) => r.via),
          v.map((r) => r.note),
        ],
      );
      await client.query(
        `INSERT INTO "PollBallot" ("pollId", "ballotId", "choices", "weight", "groups")
         SELECT $1, id, c, w, g FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[]) WITH ORDINALITY AS t(id, c, w, g, i) ORDER BY i`,
        [pollId, ballots.map((b) => b.ballotId), ballots.map((b) => b.choices), ballots.map((b) => b.weight), ballots.map((b) => b.groups)],
      );
    });
  }

  /** Decrypted in memory: sealed rows (an open poll) and plaintext rows (a closed one) alike. */
  protected override async secretBallots(pollId: string): Promise<SecretBallotRow[]> {
    const rows = await super.secretBallots(pollId);
    return rows.map((row) => this.open(pollId, row));
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Each poll has its own key, so a key that leaks opens one poll's ballots only. */
  private keyOf(pollId: string): Buffer {
    // Derived once per poll while it is in use (a tally opens every ballot of the poll), not per ballot.
    let key = this.keys.get(pollId);
    if (!key) {
      key = Buffer.from(hkdfSync("sha256", this.ballotSecret, "yst-ballot-v1", pollId, 32));
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(pollId, key);
    }
    return key;
  }

  private seal(pollId: string, content: SealedContent): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keyOf(pollId), nonce);
    const body = Buffer.concat([cipher.update(JSON.stringify(content), "utf8"), cipher.final()]);
    return SEALED + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
  }

  /** A stored row as plaintext JSON; a sealed one is decrypted (GCM refuses a tampered one or a wrong secret). */
  private open(pollId: string, row: SecretBallotRow): SecretBallotRow {
    if (!row.choices.startsWith(SEALED)) return { choices: row.choices, weight: Number(row.weight), groups: row.groups };
    const sealed = Buffer.from(row.choices.slice(SEALED.length), "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.keyOf(pollId), sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    const content = JSON.parse(text) as SealedContent;
    return { choices: JSON.stringify(content.choices), weight: content.weight, groups: JSON.stringify(content.groups) };
  }
}

/** 128 random bits from the system CSPRNG: no time, no sequence. */
function newBallotId(): string {
  return randomBytes(16).toString("hex");
}
