// Which node runs a meeting's actor (docs/cluster.md). One process alone owns every meeting; in a
// deployment of several nodes the meeting's lease decides (meetingLeases.ts): a node claiming a
// meeting nobody live owns takes its lease over, else it learns which node holds it.
import type pg from "pg";
import type { Lease, MeetingLeases } from "./meetingLeases.ts";

export type Claim = { mine: true; lease?: Lease } | { mine: false; owner: string };

export interface Ownership {
  /** Whether this node owns the meeting now (taking it over when no live node does), else which node does. */
  claim(meetingId: string): Promise<Claim>;
}

/** One process, no other node: every meeting is its own, without a lease. */
export const SOLE_OWNER: Ownership = { claim: () => Promise.resolve({ mine: true }) };

/** The answer of a node that was asked about a meeting it does not own (any more). */
export class NotOwnerError extends Error {
  constructor(readonly meetingId: string) {
    super(`this node does not own meeting ${meetingId}`);
    this.name = "NotOwnerError";
  }
}

export class LeaseOwnership implements Ownership {
  constructor(
    private readonly leases: MeetingLeases,
    private readonly pool: pg.Pool,
  ) {}

  async claim(meetingId: string): Promise<Claim> {
    // A holder that dies between our failed take-over and the read of its name, or another node
    // inserting a new meeting's lease right now (it holds the lock, its row is not there yet): try again.
    for (let attempt = 0; attempt < 20; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const lease = await this.leases.acquire(meetingId);
      if (lease) return { mine: true, lease };
      const { rows } = await this.pool.query<{ holder: string }>(`SELECT "holder" FROM "MeetingLease" WHERE "meetingId" = $1 AND "expiresAt" > now()`, [
        meetingId,
      ]);
      if (rows[0]) return { mine: false, owner: rows[0].holder };
    }
    throw new Error(`meeting ${meetingId}: neither its lease nor its holder could be read`);
  }
}

/** How often, and how many times, a node claims a meeting again when its owner has just died or given it up (its lease frees within seconds). */
const OWNER_GONE_RETRY_MS = 500;
const OWNER_GONE_ATTEMPTS = 12;

/**
 * Reaches whoever runs the meeting: `here` when this node runs it already (`runsHere`) or owns it
 * (taking it over now: the lease, none for one process alone), else `remote` with the owner. When
 * the owner does not answer (it died, or gave the meeting up a moment ago) the meeting is claimed
 * again, every 500 ms, for up to 6 s; after that the owner's last failure is thrown.
 */
export async function untilOwnerAnswers<T>(
  ownership: Ownership,
  meetingId: string,
  reach: { runsHere?: () => boolean; here: (lease: Lease | undefined) => T | Promise<T>; remote: (owner: string) => Promise<T> },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (reach.runsHere?.()) return reach.here(undefined);
    const claim = await ownership.claim(meetingId);
    if (claim.mine) return reach.here(claim.lease);
    try {
      return await reach.remote(claim.owner);
    } catch (error) {
      if (attempt >= OWNER_GONE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, OWNER_GONE_RETRY_MS));
    }
  }
}
