// Stores ballots so that one voting unit can vote once (the PollVoter primary key) and a secret
// ballot cannot be linked to its voter (PollBallot has no voter, no time and a random key).
// The ballot box talks only to this interface; each database has its implementation
// (sqliteBallotStore.ts, pgBallotStore.ts), chosen by db/database.ts. docs/ballot-secrecy.md.
import type { BallotVia, Tally } from "../../../core/poll/schema.ts";
import type { Fence } from "../cluster/fence.ts";

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

export interface PollAudit {
  voters: string[];
  via: Record<string, "proxy" | "paper">;
  ballots: { voter: string | null; choices: string[]; weight: number }[];
}

export interface BallotStore {
  /**
   * Stores a batch in one transaction and says, per ballot, whether it was stored, replaced a
   * named ballot, or refused because the unit has voted. With a `fence` (several nodes on
   * PostgreSQL) nothing is stored unless it is still the meeting's current lease (LeaseLostError).
   */
  cast(batch: readonly BallotToStore[], fence?: { meetingId: string } & Fence): Promise<StoreOutcome[]>;
  /** The totals of a poll's ballots, and how many came by proxy or on paper (from the voters' side). */
  tally(pollId: string, secret: boolean): Promise<Tally>;
  /** How many units have voted in this poll. */
  turnout(pollId: string): Promise<number>;
  /** The units that have voted in this poll and how, in key order (for named polls' live list of voters, and the audit). */
  voters(pollId: string): Promise<VoterRow[]>;
  /** Which of these (poll, unit) pairs have voted, with the choices of named ballots. */
  mine(pairs: readonly { pollId: string; unitId: string }[]): Promise<{ pollId: string; unitId: string; choices: string[] | null }[]>;
  /**
   * Who voted (units, in key order, with how: only "voted via proxy or paper" is on the voters'
   * side) and the ballots: by random id for a secret poll, by voter for a named one.
   */
  audit(pollId: string, secret: boolean): Promise<PollAudit>;
  /** After a secret poll closes: erases every trace of the order its ballots were written in. */
  forgetWriteOrder(pollId: string): Promise<void>;
}

/** The units that did not vote on their own device, and how (委托 or 纸质票). */
export function viaOf(voters: readonly { unitId: string; via: BallotVia }[]): Record<string, "proxy" | "paper"> {
  return Object.fromEntries(voters.flatMap((v) => (v.via === "self" ? [] : [[v.unitId, v.via]])));
}

/**
 * Each ballot's outcome once the batch's voters' rows were inserted where free (`inserted`: the
 * (pollId, unitId) pairs that went in): stored, a named ballot changed by its own device
 * (`change`, true when a row was updated), or a duplicate; and the secret ballots still to store.
 * The same unit twice in one batch: the first one counts.
 */
export async function outcomesOf(
  batch: readonly BallotToStore[],
  inserted: readonly { pollId: string; unitId: string }[],
  change: (ballot: BallotToStore) => Promise<boolean>,
): Promise<{ outcomes: StoreOutcome[]; secret: BallotToStore[] }> {
  const fresh = new Set(inserted.map((row) => `${row.pollId}\u0000${row.unitId}`));
  const outcomes: StoreOutcome[] = [];
  const secret: BallotToStore[] = [];
  const seen = new Set<string>();
  for (const b of batch) {
    const key = `${b.pollId}\u0000${b.unitId}`;
    if (fresh.has(key) && !seen.has(key)) {
      seen.add(key);
      outcomes.push("stored");
      if (b.secret) secret.push(b);
    } else if (b.allowChange && !b.secret && b.via === "self") {
      // Only a unit's own device changes its named ballot; a proxy or paper ballot is never replaced (nor replaces).
      outcomes.push((await change(b)) ? "changed" : "duplicate");
    } else outcomes.push("duplicate");
  }
  return { outcomes, secret };
}
