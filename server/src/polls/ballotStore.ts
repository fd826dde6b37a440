// Stores ballots so that one voting unit can vote once (the PollVoter primary key) and a secret
// ballot cannot be linked to its voter (PollBallot has no voter, no time and a random key; both
// tables are WITHOUT ROWID so rows sit in key order, not voting order). docs/ballot-secrecy.md.
import { randomBytes } from "node:crypto";
import type { BallotVia, Tally } from "../../../core/poll/schema.ts";
import type { Db } from "../db/database.ts";

export interface BallotToStore {
  pollId: string;
  unitId: string;
  secret: boolean;
  allowChange: boolean;
  choices: string[];
  weight: number;
  /** The groups of the poll's clauses this ballot counts in (rules.ts groupsOf: a building, present at the opening). */
  groups: string[];
  /** How it came in; a proxy or paper ballot is the unit's one ballot like any other. */
  via: BallotVia;
  /** The clerk's note on a paper ballot of a named poll (checkPaperBallot refuses one for a secret poll). */
  note: string | null;
}

/** A unit that has voted, and how when not on its own device (委托 or 纸质票). */
export interface VoterRow {
  unitId: string;
  via: BallotVia;
}

export type StoreOutcome = "stored" | "changed" | "duplicate";

/**
 * The rows of a JSON array of n-element arrays (ballots: [pollId, ballotId, choices, weight,
 * groups]; voters add via and note) as a SELECT. `WHERE true` is SQLite's required
 * disambiguation before an upsert's ON CONFLICT.
 */
const fromJsonRows = (n: number) => `SELECT ${Array.from({ length: n }, (_, i) => `json_extract("value", '$[${i}]')`).join(", ")} FROM json_each(?) WHERE true`;
const VOTER_COLUMNS = `"pollId", "unitId", "choices", "weight", "groups", "via", "note"`;
const BALLOT_COLUMNS = `"pollId", "ballotId", "choices", "weight", "groups"`;

type StoredRow = Record<string, string | number | null>;

export class BallotStore {
  constructor(private readonly db: Db) {}

  /**
   * Stores a batch in one transaction (one fsync for many voters) and says, per ballot, whether
   * it was stored, replaced a named ballot, or refused because the unit has voted. Rows go in as
   * one JSON parameter per statement (json_each), so a batch of any size is two statements.
   */
  async cast(batch: readonly BallotToStore[]): Promise<StoreOutcome[]> {
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
      const rows = await tx.$queryRawUnsafe<{ pollId: string; unitId: string }[]>(
        `INSERT INTO "PollVoter" (${VOTER_COLUMNS}) ${fromJsonRows(7)} ON CONFLICT DO NOTHING RETURNING "pollId", "unitId"`,
        JSON.stringify(voters),
      );
      const inserted = new Set(rows.map((row) => `${row.pollId}\u0000${row.unitId}`));
      const outcomes: StoreOutcome[] = [];
      const secret: BallotToStore[] = [];
      const seen = new Set<string>();
      for (const b of batch) {
        const key = `${b.pollId}\u0000${b.unitId}`;
        // The same unit twice in one batch: the first one counts.
        if (inserted.has(key) && !seen.has(key)) {
          seen.add(key);
          outcomes.push("stored");
          if (b.secret) secret.push(b);
        } else if (b.allowChange && !b.secret && b.via === "self") {
          // Only a unit's own device changes its named ballot; a proxy or paper ballot is never replaced (nor replaces).
          const changed = await tx.$executeRawUnsafe(
            `UPDATE "PollVoter" SET "choices" = ? WHERE "pollId" = ? AND "unitId" = ? AND "via" = 'self'`,
            JSON.stringify(b.choices),
            b.pollId,
            b.unitId,
          );
          outcomes.push(changed > 0 ? "changed" : "duplicate");
        } else outcomes.push("duplicate");
      }
      if (secret.length > 0) {
        const ballots = secret.map((b) => [b.pollId, randomBytes(16).toString("hex"), JSON.stringify(b.choices), b.weight, JSON.stringify(b.groups)]);
        await tx.$executeRawUnsafe(`INSERT INTO "PollBallot" (${BALLOT_COLUMNS}) ${fromJsonRows(5)}`, JSON.stringify(ballots));
      }
      return outcomes;
    });
  }

  /** The totals of a poll's ballots (one query, whatever the number of ballots), and how many came by proxy or on paper (from the voters' side). */
  async tally(pollId: string, secret: boolean): Promise<Tally> {
    const rows = secret
      ? await this.db.$queryRawUnsafe<Row[]>(`SELECT "choices", "weight", "groups" FROM "PollBallot" WHERE "pollId" = ?`, pollId)
      : await this.db.$queryRawUnsafe<Row[]>(`SELECT "choices", "weight", "groups" FROM "PollVoter" WHERE "pollId" = ?`, pollId);
    const ways = await this.db.$queryRawUnsafe<{ via: BallotVia; n: bigint | number }[]>(
      `SELECT "via", COUNT(*) AS n FROM "PollVoter" WHERE "pollId" = ? AND "via" <> 'self' GROUP BY "via"`,
      pollId,
    );
    const count = (via: BallotVia) => Number(ways.find((w) => w.via === via)?.n ?? 0);
    const tally = tallyRows(rows);
    return { ...tally, ...(count("proxy") ? { proxies: count("proxy") } : {}), ...(count("paper") ? { paper: count("paper") } : {}) };
  }

  /** How many units have voted in this poll. */
  async turnout(pollId: string): Promise<number> {
    const [row] = await this.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "PollVoter" WHERE "pollId" = ?`, pollId);
    return Number(row?.n ?? 0);
  }

  /** The units that have voted in this poll and how, in key order (for named polls' live list of voters, and the audit). */
  async voters(pollId: string): Promise<VoterRow[]> {
    return this.db.$queryRawUnsafe<VoterRow[]>(`SELECT "unitId", "via" FROM "PollVoter" WHERE "pollId" = ? ORDER BY "unitId"`, pollId);
  }

  /** Which of these (poll, unit) pairs have voted, with the choices of named ballots. */
  async mine(pairs: readonly { pollId: string; unitId: string }[]): Promise<{ pollId: string; unitId: string; choices: string[] | null }[]> {
    if (pairs.length === 0) return [];
    const rows = await this.db.$queryRawUnsafe<{ pollId: string; unitId: string; choices: string | null }[]>(
      `SELECT "pollId", "unitId", "choices" FROM "PollVoter" WHERE ${pairs.map(() => `("pollId" = ? AND "unitId" = ?)`).join(" OR ")}`,
      ...pairs.flatMap((p) => [p.pollId, p.unitId]),
    );
    return rows.map((r) => ({ pollId: r.pollId, unitId: r.unitId, choices: r.choices === null ? null : (JSON.parse(r.choices) as string[]) }));
  }

  /**
   * Who voted (units, in key order, with how: only "voted via proxy or paper" is on the voters'
   * side) and the ballots: by random id for a secret poll, by voter for a named one.
   */
  async audit(
    pollId: string,
    secret: boolean,
  ): Promise<{ voters: string[]; via: Record<string, "proxy" | "paper">; ballots: { voter: string | null; choices: string[]; weight: number }[] }> {
    const voters = await this.db.$queryRawUnsafe<{ unitId: string; choices: string | null; weight: number; via: BallotVia }[]>(
      `SELECT "unitId", "choices", "weight", "via" FROM "PollVoter" WHERE "pollId" = ? ORDER BY "unitId"`,
      pollId,
    );
    const ballots = secret
      ? (
          await this.db.$queryRawUnsafe<{ choices: string; weight: number }[]>(
            `SELECT "choices", "weight" FROM "PollBallot" WHERE "pollId" = ? ORDER BY "ballotId"`,
            pollId,
          )
        ).map((b) => ({ voter: null, choices: JSON.parse(b.choices) as string[], weight: b.weight }))
      : voters.map((v) => ({ voter: v.unitId, choices: JSON.parse(v.choices ?? "[]") as string[], weight: v.weight }));
    return { voters: voters.map((v) => v.unitId), via: viaOf(voters), ballots };
  }

  /**
   * After a secret poll closes, erases every trace of the order its ballots were written in:
   * SQLite places each new row in its page next to the previous one, so the byte offsets of the
   * rows would tell the order of voting. The poll's rows are rewritten in key order (deleted
   * content is zeroed: database.ts turns secure_delete on), then the write-ahead log is folded in and emptied.
   */
  async forgetWriteOrder(pollId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const voters = await tx.$queryRawUnsafe<StoredRow[]>(`SELECT ${VOTER_COLUMNS} FROM "PollVoter" WHERE "pollId" = ? ORDER BY "unitId"`, pollId);
      const ballots = await tx.$queryRawUnsafe<StoredRow[]>(`SELECT ${BALLOT_COLUMNS} FROM "PollBallot" WHERE "pollId" = ? ORDER BY "ballotId"`, pollId);
      await tx.$executeRawUnsafe(`DELETE FROM "PollVoter" WHERE "pollId" = ?`, pollId);
      await tx.$executeRawUnsafe(`DELETE FROM "PollBallot" WHERE "pollId" = ?`, pollId);
      // json_each yields the rows in array order, i.e. key order.
      await tx.$executeRawUnsafe(`INSERT INTO "PollVoter" (${VOTER_COLUMNS}) ${fromJsonRows(7)} ORDER BY "key"`, JSON.stringify(voters.map(Object.values)));
      await tx.$executeRawUnsafe(`INSERT INTO "PollBallot" (${BALLOT_COLUMNS}) ${fromJsonRows(5)} ORDER BY "key"`, JSON.stringify(ballots.map(Object.values)));
    });
    // TRUNCATE waits for readers; a reader holding an old snapshot makes it report busy: retry.
    for (let attempt = 0; attempt < 20; attempt++) {
      const [result] = await this.db.$queryRawUnsafe<{ busy: bigint | number }[]>(`PRAGMA wal_checkpoint(TRUNCATE)`);
      if (Number(result?.busy ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the write-ahead log could not be emptied after a secret poll");
  }
}

/** The units that did not vote on their own device, and how (委托 or 纸质票). */
export function viaOf(voters: readonly { unitId: string; via: BallotVia }[]): Record<string, "proxy" | "paper"> {
  return Object.fromEntries(voters.flatMap((v) => (v.via === "self" ? [] : [[v.unitId, v.via]])));
}

interface Row {
  choices: string | null;
  weight: number;
  groups: string;
}

function tallyRows(rows: readonly Row[]): Tally {
  const tally: Tally = { ballots: 0, weightCast: 0, counts: {}, weights: {}, groups: {} };
  for (const row of rows) {
    const choices = JSON.parse(row.choices ?? "[]") as string[];
    add(tally, choices, row.weight);
    for (const group of JSON.parse(row.groups) as string[]) {
      tally.groups[group] ??= { ballots: 0, weightCast: 0, counts: {}, weights: {} };
      add(tally.groups[group], choices, row.weight);
    }
  }
  return tally;
}

function add(totals: Omit<Tally, "groups">, choices: readonly string[], weight: number): void {
  totals.ballots += 1;
  totals.weightCast += weight;
  if (choices.length === 0) totals.blank = (totals.blank ?? 0) + 1;
  for (const id of choices) {
    totals.counts[id] = (totals.counts[id] ?? 0) + 1;
    totals.weights[id] = (totals.weights[id] ?? 0) + weight;
  }
}
