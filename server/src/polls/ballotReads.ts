// The ballot store's reads, in SQL every backend runs the same (tagged `$queryRaw`: the
// placeholders are the client's own), shared by the implementations of BallotStore.
import type { BallotVia, Tally } from "../../../core/poll/schema.ts";
import type { Db } from "../db/database.ts";
import { Prisma } from "../db/generated/client.ts";
import { viaOf, type BallotStore, type PollAudit, type VoterRow } from "./ballotStore.ts";

interface Row {
  choices: string | null;
  weight: number;
  groups: string;
}

/** A PollBallot row's content (JSON text) as the reads use it. */
export interface SecretBallotRow {
  choices: string;
  weight: number;
  groups: string;
}

export abstract class BallotReads implements Omit<BallotStore, "cast" | "forgetWriteOrder"> {
  constructor(protected readonly db: Db) {}

  /** The totals of a poll's ballots (one query, whatever the number of ballots), and how many came by proxy or on paper (from the voters' side). */
  async tally(pollId: string, secret: boolean): Promise<Tally> {
    const rows = secret
      ? await this.secretBallots(pollId)
      : await this.db.$queryRaw<Row[]>`SELECT "choices", "weight", "groups" FROM "PollVoter" WHERE "pollId" = ${pollId}`;
    const ways = await this.db.$queryRaw<{ via: BallotVia; n: bigint | number }[]>`
      SELECT "via", COUNT(*) AS n FROM "PollVoter" WHERE "pollId" = ${pollId} AND "via" <> 'self' GROUP BY "via"`;
    const count = (via: BallotVia) => Number(ways.find((w) => w.via === via)?.n ?? 0);
    const tally = tallyRows(rows);
    return { ...tally, ...(count("proxy") ? { proxies: count("proxy") } : {}), ...(count("paper") ? { paper: count("paper") } : {}) };
  }

  async turnout(pollId: string): Promise<number> {
    const [row] = await this.db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "PollVoter" WHERE "pollId" = ${pollId}`;
    return Number(row?.n ?? 0);
  }

  async voters(pollId: string): Promise<VoterRow[]> {
    return this.db.$queryRaw<VoterRow[]>`SELECT "unitId", "via" FROM "PollVoter" WHERE "pollId" = ${pollId} ORDER BY "unitId"`;
  }

  async mine(pairs: readonly { pollId: string; unitId: string }[]): Promise<{ pollId: string; unitId: string; choices: string[] | null }[]> {
    if (pairs.length === 0) return [];
    const which = Prisma.join(
      pairs.map((p) => Prisma.sql`("pollId" = ${p.pollId} AND "unitId" = ${p.unitId})`),
      " OR ",
    );
    const rows = await this.db.$queryRaw<{ pollId: string; unitId: string; choices: string | null }[]>`
      SELECT "pollId", "unitId", "choices" FROM "PollVoter" WHERE ${which}`;
    return rows.map((r) => ({ pollId: r.pollId, unitId: r.unitId, choices: r.choices === null ? null : (JSON.parse(r.choices) as string[]) }));
  }

  async audit(pollId: string, secret: boolean): Promise<PollAudit> {
    const voters = await this.db.$queryRaw<{ unitId: string; choices: string | null; weight: number; via: BallotVia }[]>`
      SELECT "unitId", "choices", "weight", "via" FROM "PollVoter" WHERE "pollId" = ${pollId} ORDER BY "unitId"`;
    const ballots = secret
      ? (await this.secretBallots(pollId)).map((b) => ({ voter: null, choices: JSON.parse(b.choices) as string[], weight: b.weight }))
      : voters.map((v) => ({ voter: v.unitId, choices: JSON.parse(v.choices ?? "[]") as string[], weight: v.weight }));
    return { voters: voters.map((v) => v.unitId), via: viaOf(voters), ballots };
  }

  /**
   * A secret poll's ballots in random-id order, choices and groups as JSON text. A backend that
   * stores them otherwise while the poll is open (PostgreSQL: encrypted) turns them back here.
   */
  protected async secretBallots(pollId: string): Promise<SecretBallotRow[]> {
    return this.db.$queryRaw<SecretBallotRow[]>`
      SELECT "choices", "weight", "groups" FROM "PollBallot" WHERE "pollId" = ${pollId} ORDER BY "ballotId"`;
  }
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
