// Which node owns a meeting's actor (docs/cluster.md, "Leases and fencing"). A lease is the
// meeting's "MeetingLease" row: its holder, its fencing token (bumped at every change of owner,
// checked by assertFence in every write) and its expiry, always compared with the database's
// clock (now()), never a node's, so the nodes' clocks need not agree.
//
// Two ways to take a lease over, each one statement (one transaction):
// - the holder is dead: its session advisory lock on the meeting (held on this node's one
//   dedicated connection, not the pool's) was freed by PostgreSQL the moment its connection
//   dropped, so whoever obtains the lock may take over at once;
// - the holder is alive but stopped renewing (paused, cut off): once "expiresAt" has passed.
//   When it resumes, its renewal finds the token changed and `lost` resolves; until then its
//   writes are refused by assertFence.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Fence } from "./fence.ts";

/** The advisory locks' first key ("ysl" in ASCII; the migrations use "yst"); the second is hashtext(meetingId). */
const LEASE_LOCK_KEY = 0x79736c;

export interface Lease {
  readonly meetingId: string;
  /** Passed to every write for the meeting; refused once another node has taken over. */
  readonly fence: Fence;
  /**
   * Resolves when this node no longer owns the meeting against its will: a renewal found the
   * token changed, or no renewal got through for a whole ttl. Never resolves after release().
   */
  readonly lost: Promise<void>;
  /** Gives the meeting up: any node may take it over at once. */
  release(): Promise<void>;
}

export interface MeetingLeasesOptions {
  /** Written to "holder": which node owns the meeting, for people reading the table. */
  nodeId: string;
  /** How long a lease lasts without renewal. */
  ttlMs?: number;
  /** How often this node renews all its leases (in one statement). */
  renewMs?: number;
}

interface Held {
  lease: Lease;
  /** Whether this node holds the meeting's advisory lock (not when it took over an expired lease whose old owner still holds it). */
  locked: boolean;
  /** performance.now() when the last renewal that got through was sent: the lease lasts at least ttl from then. */
  renewedAt: number;
  markLost: () => void;
}

export class MeetingLeases {
  private readonly nodeId: string;
  private readonly ttlMs: number;
  private readonly lockClient: pg.Client;
  private connection: Promise<unknown> | undefined;
  private readonly held = new Map<string, Held>();
  private readonly acquiring = new Map<string, Promise<Lease | null>>();
  private readonly timer: NodeJS.Timeout;
  private renewing = false;
  private paused = false;
  private closed = false;
  private failure: Error | undefined;

  constructor(
    private readonly pool: pg.Pool,
    options: MeetingLeasesOptions,
  ) {
    this.nodeId = options.nodeId;
    this.ttlMs = options.ttlMs ?? 3000;
    // The pool's settings (server, search_path, time zone) on a connection of its own: the advisory
    // locks live as long as this session, and only this node's death (or close()) ends it.
    this.lockClient = new pg.Client(pool.options);
    this.lockClient.on("error", (error) => this.fail(error));
    this.timer = setInterval(() => void this.tick(), options.renewMs ?? 1000);
    this.timer.unref();
  }

  /** The meeting's lease, or null when another live node holds it. */
  acquire(meetingId: string): Promise<Lease | null> {
    const held = this.held.get(meetingId);
    if (held) return Promise.resolve(held.lease);
    // Two calls at once must not take the meeting over twice (the second would fence off the first).
    let attempt = this.acquiring.get(meetingId);
    if (!attempt) {
      attempt = this.takeOver(meetingId).finally(() => this.acquiring.delete(meetingId));
      this.acquiring.set(meetingId, attempt);
    }
    return attempt;
  }

  /** Releases every lease and closes the lock connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await Promise.allSettled(this.acquiring.values());
    await Promise.allSettled([...this.held.values()].map((held) => this.release(held)));
    if (this.connection) await this.lockClient.end().catch(() => undefined);
  }

  /** For tests: stops renewing, as a paused process would (its leases expire, its locks stay held). */
  pauseRenewals(): void {
    this.paused = true;
  }

  resumeRenewals(): void {
    this.paused = false;
  }

  private async takeOver(meetingId: string): Promise<Lease | null> {
    if (this.closed) throw new Error("MeetingLeases is closed");
    if (this.failure) throw this.failure;
    await (this.connection ??= this.lockClient.connect());
    const locked = await this.tryLock(meetingId);
    const sentAt = performance.now();
    let token: number | undefined;
    try {
      // With the lock: a new meeting's row is inserted, an existing one taken over (its holder is
      // dead, or expired: we hold the lock it held). Without it, only an expired row may change
      // owner, and never a new meeting's: two nodes claiming a new meeting at once would otherwise
      // both write under token 1 for a moment. A writer of the old owner holding the row FOR SHARE
      // (assertFence) makes either wait until its transaction ends.
      const { rows } = locked
        ? await this.pool.query<{ token: string }>(
            `INSERT INTO "MeetingLease" ("meetingId", "token", "holder", "expiresAt")
             VALUES ($1, 1, $2, now() + $3::int * interval '1 millisecond')
             ON CONFLICT ("meetingId") DO UPDATE
               SET "token" = "MeetingLease"."token" + 1, "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
             RETURNING "token"`,
            [meetingId, this.nodeId, this.ttlMs],
          )
        : await this.pool.query<{ token: string }>(
            `UPDATE "MeetingLease" SET "token" = "token" + 1, "holder" = $2, "expiresAt" = now() + $3::int * interval '1 millisecond'
             WHERE "meetingId" = $1 AND "expiresAt" < now()
             RETURNING "token"`,
            [meetingId, this.nodeId, this.ttlMs],
          );
      if (rows[0]) token = Number(rows[0].token);
    } finally {
      if (token === undefined && locked) await this.unlock(meetingId);
    }
    if (token === undefined) return null;
    let markLost!: () => void;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    const held: Held = {
      lease: { meetingId, fence: { token }, lost, release: () => this.release(held) },
      locked,
      renewedAt: sentAt,
      markLost,
    };
    this.held.set(meetingId, held);
    return held.lease;
  }

  private async release(held: Held): Promise<void> {
    const { meetingId, fence } = held.lease;
    if (this.held.get(meetingId) !== held) return;
    this.held.delete(meetingId);
    // -infinity: expired for every node's next takeover, whatever its transaction's now() is.
    await this.pool.query(`UPDATE "MeetingLease" SET "expiresAt" = '-infinity' WHERE "meetingId" = $1 AND "token" = $2`, [meetingId, fence.token]);
    if (held.locked) await this.unlock(meetingId);
  }

  private async tick(): Promise<void> {
    if (this.paused || this.closed) return;
    if (this.renewing) return this.expireUnrenewed();
    this.renewing = true;
    try {
      await this.renew();
    } catch {
      this.expireUnrenewed();
    } finally {
      this.renewing = false;
    }
  }

  /** Extends every lease whose token is still the meeting's; the others were taken over. */
  private async renew(): Promise<void> {
    const leases = [...this.held.values()];
    if (leases.length === 0) return;
    const sentAt = performance.now();
    const { rows } = await this.pool.query<{ meetingId: string }>(
      `UPDATE "MeetingLease" AS l SET "expiresAt" = now() + $3::int * interval '1 millisecond'
       FROM unnest($1::text[], $2::bigint[]) AS h("meetingId", "token")
       WHERE l."meetingId" = h."meetingId" AND l."token" = h."token"
       RETURNING l."meetingId"`,
      [leases.map((held) => held.lease.meetingId), leases.map((held) => held.lease.fence.token), this.ttlMs],
    );
    const renewed = new Set(rows.map((row) => row.meetingId));
    for (const held of leases) {
      if (!renewed.has(held.lease.meetingId)) {
        this.drop(held);
        continue;
      }
      held.renewedAt = sentAt;
      // Taken over by expiry from a paused owner: its lock is freed when it notices (or dies), and
      // holding it from then on gives this lease the fast failover too.
      if (!held.locked && this.held.get(held.lease.meetingId) === held) await this.lockLater(held);
    }
  }

  private async lockLater(held: Held): Promise<void> {
    const meetingId = held.lease.meetingId;
    if (!(await this.tryLock(meetingId))) return;
    if (this.held.get(meetingId) === held) held.locked = true;
    else await this.unlock(meetingId); // released meanwhile
  }

  /** A renewal that has not got through for a whole ttl: another node may own the meeting by now. */
  private expireUnrenewed(): void {
    const now = performance.now();
    for (const held of [...this.held.values()]) if (now - held.renewedAt > this.ttlMs) this.drop(held);
  }

  private drop(held: Held): void {
    const meetingId = held.lease.meetingId;
    if (this.held.get(meetingId) !== held) return;
    this.held.delete(meetingId);
    held.markLost();
    if (held.locked) this.unlock(meetingId).catch(() => undefined);
  }

  /** The lock connection broke: its advisory locks are gone, so every lease may be taken over at once. */
  private fail(error: Error): void {
    this.failure = error;
    for (const held of [...this.held.values()]) this.drop(held);
  }

  private async tryLock(meetingId: string): Promise<boolean> {
    const { rows } = await this.lockClient.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS "locked"`, [LEASE_LOCK_KEY, meetingId]);
    return rows[0]!.locked;
  }

  private async unlock(meetingId: string): Promise<void> {
    await this.lockClient.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LEASE_LOCK_KEY, meetingId]);
  }
}
