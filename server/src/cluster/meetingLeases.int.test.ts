// Meeting leases on the real PostgreSQL (docs/cluster.md): each "node" is a MeetingLeases on a
// pool of its own (and so a lock connection of its own), as two server processes would have; the
// kill -9 case runs the first node in a child process.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openPgDatabase } from "../db/pgDatabase.ts";
import { freshSchema, PG_TEST_URL } from "../../../testing/postgres.ts";
import { Harness, sleep } from "../../../testing/server/harness.ts";
import { assertFence, LeaseLostError, type Fence } from "./fence.ts";
import { MeetingLeases, type MeetingLeasesOptions } from "./meetingLeases.ts";

const REPO_ROOT = path.join(import.meta.dirname, "../../..");

const h = new Harness();
let url: string;

beforeEach(async () => {
  const schema = await freshSchema();
  url = `${PG_TEST_URL}?schema=${schema.name}`;
  h.onCleanup(() => schema.drop());
});
afterEach(() => h.cleanup());

/** A node: its own pool (migrated on first open) and its leases; both closed after the test. */
async function node(options: MeetingLeasesOptions): Promise<{ leases: MeetingLeases; fenceHolds: (meetingId: string, fence: Fence) => Promise<void> }> {
  const { pool, close } = await openPgDatabase(url, { poolSize: 3 });
  const leases = new MeetingLeases(pool, options);
  h.onCleanup(async () => {
    await leases.close();
    await close();
  });
  return {
    leases,
    // A write's fencing check, as the stores make it: inside a transaction on this node's pool.
    fenceHolds: async (meetingId, fence) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await assertFence(client, meetingId, fence);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

it("one node holds a meeting, the other gets null; after release the other takes it with the next token", async () => {
  const one = await node({ nodeId: "one", ttlMs: 400, renewMs: 100 });
  const two = await node({ nodeId: "two", ttlMs: 400, renewMs: 100 });
  const meetingId = randomUUID();

  const first = await one.leases.acquire(meetingId);
  expect(first).not.toBeNull();
  expect(await one.leases.acquire(meetingId)).toBe(first);
  expect(await two.leases.acquire(meetingId)).toBeNull();
  // Renewals keep it well past its ttl.
  await sleep(1000);
  expect(await two.leases.acquire(meetingId)).toBeNull();
  await one.fenceHolds(meetingId, first!.fence);

  await first!.release();
  const second = await two.leases.acquire(meetingId);
  expect(second?.fence.token).toBe(first!.fence.token + 1);
  expect(await one.leases.acquire(meetingId)).toBeNull();
  await expect(one.fenceHolds(meetingId, first!.fence)).rejects.toBeInstanceOf(LeaseLostError);
  await two.fenceHolds(meetingId, second!.fence);
});

it("kill -9 of the owner's process: another node takes the meeting over within 1 s, long before the lease would expire", async () => {
  const two = await node({ nodeId: "two", ttlMs: 30_000 });
  const meetingId = randomUUID();
  await openPgDatabase(url).then((db) => db.close()); // migrated before the child starts
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "testing/cluster/holdLease.ts"), url, meetingId, "30000"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  h.onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  let output = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const childToken = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const match = /token (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`the child exited before holding the lease:\n${output}`)));
  });
  expect(await two.leases.acquire(meetingId)).toBeNull();

  child.kill("SIGKILL");
  await exited;
  const killedAt = performance.now();
  let lease = await two.leases.acquire(meetingId);
  while (!lease && performance.now() - killedAt < 1000) {
    await sleep(20);
    lease = await two.leases.acquire(meetingId);
  }
  expect(lease?.fence.token).toBe(childToken + 1);
  expect(performance.now() - killedAt).toBeLessThan(1000);
});

it("a paused owner loses the meeting after its ttl: its lost resolves, its fence is refused, the new owner's passes", async () => {
  const ttlMs = 500;
  const one = await node({ nodeId: "one", ttlMs, renewMs: 100 });
  const two = await node({ nodeId: "two", ttlMs, renewMs: 100 });
  const meetingId = randomUUID();
  const first = (await one.leases.acquire(meetingId))!;
  let lostAt: number | undefined;
  void first.lost.then(() => (lostAt = performance.now()));

  one.leases.pauseRenewals();
  const pausedAt = performance.now();
  // The paused owner still holds the advisory lock, so only the expiry lets the other in.
  let second = await two.leases.acquire(meetingId);
  while (!second) {
    await sleep(20);
    second = await two.leases.acquire(meetingId);
  }
  const takenAfter = performance.now() - pausedAt;
  // Its last renewal was at most renewMs before the pause (plus timer slack).
  expect(takenAfter).toBeGreaterThan(ttlMs - 150);
  expect(takenAfter).toBeLessThan(ttlMs + 1000);
  expect(second.fence.token).toBe(first.fence.token + 1);

  // Still paused: it has not noticed, but its writes are already refused.
  expect(lostAt).toBeUndefined();
  await expect(one.fenceHolds(meetingId, first.fence)).rejects.toBeInstanceOf(LeaseLostError);
  await two.fenceHolds(meetingId, second.fence);

  one.leases.resumeRenewals();
  await first.lost;
  expect(lostAt).toBeDefined();
  // Having noticed, node one frees its advisory lock, and node two (which took over without it)
  // takes it at its next renewal: node one cannot take the meeting back from the live node two.
  await sleep(3 * ttlMs);
  expect(await one.leases.acquire(meetingId)).toBeNull();

  await second.release();
  const third = await one.leases.acquire(meetingId);
  expect(third?.fence.token).toBe(second.fence.token + 1);
});
