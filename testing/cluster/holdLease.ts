// A node that takes one meeting's lease and then only renews it, for the kill -9 test
// (server/src/cluster/meetingLeases.int.test.ts): `holdLease.ts <database url> <meetingId> <ttlMs>`.
// Prints `token <n>` once it holds the lease; the test then SIGKILLs it.
import { MeetingLeases } from "../../server/src/cluster/meetingLeases.ts";
import { openPgDatabase } from "../../server/src/db/pgDatabase.ts";

const [url, meetingId, ttlMs] = process.argv.slice(2);
if (!url || !meetingId || !ttlMs) throw new Error("usage: holdLease.ts <database url> <meetingId> <ttlMs>");
const { pool } = await openPgDatabase(url);
const lease = await new MeetingLeases(pool, { nodeId: `child-${process.pid}`, ttlMs: Number(ttlMs), renewMs: Number(ttlMs) / 3 }).acquire(meetingId);
if (!lease) throw new Error(`meeting ${meetingId} is held by another node`);
process.stdout.write(`token ${lease.fence.token}\n`);
