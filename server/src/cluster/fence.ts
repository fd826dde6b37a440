// The fencing check of a meeting's lease (docs/cluster.md): run inside the transaction that
// writes for the meeting (an append to its log, a ballot, a poll's close). FOR SHARE holds the
// lease row until that transaction ends, so a node taking the lease over (which updates the row)
// waits for it, and the old owner's next write sees the new token and is refused.
import type pg from "pg";

/** The lease a node holds on a meeting: the token it was given when it took the meeting over. */
export interface Fence {
  token: number;
}

/** Thrown when the writer's lease is no longer the meeting's current one; nothing was written. */
export class LeaseLostError extends Error {
  constructor(readonly meetingId: string) {
    super(`the lease on meeting ${meetingId} was taken over by another node`);
    this.name = "LeaseLostError";
  }
}

/** Throws LeaseLostError unless `fence` is the meeting's current lease token. */
export async function assertFence(client: pg.ClientBase, meetingId: string, fence: Fence): Promise<void> {
  const { rows } = await client.query<{ token: string }>(`SELECT "token" FROM "MeetingLease" WHERE "meetingId" = $1 FOR SHARE`, [meetingId]);
  if (rows[0] === undefined || Number(rows[0].token) !== fence.token) throw new LeaseLostError(meetingId);
}
