// Commit latency of many busy meetings (`npm run bench:commits`, docs/performance.md): 50
// meetings each append one event after another (one command's commit), all at once, on a temp
// SQLite file through the real event store. BEFORE is the store as it was until issue 17 (one
// Prisma batch transaction per append), AFTER the current one (prepared statements on Prisma's
// connection, under the adapter's transaction lock), each with synchronous NORMAL and FULL, in
// the same run. Prints p50/p99 of one append and the ratios.
// Environment: BENCH_MEETINGS (50), BENCH_APPENDS (40 per meeting), BENCH_ROUNDS (3).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { MeetingEvent, StoredEvent } from "../core/meeting.ts";
import type { Db } from "../server/src/db/database.ts";
import { openSqliteDatabase, type Synchronous } from "../server/src/db/sqliteDatabase.ts";
import type { EventStore } from "../server/src/eventlog/eventStore.ts";
import { sqliteEventStore } from "../server/src/eventlog/sqliteEventStore.ts";

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 50);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_P99_MS = 20;

/** The event store before issue 17, verbatim: a Prisma batch transaction per append. */
function prismaBatchStore(db: Db): Pick<EventStore, "append"> {
  return {
    async append(meetingId, events) {
      await db.$transaction(
        events.map((e) =>
          db.meetingEvent.create({
            data: { meetingId, seq: e.seq, type: e.event.type, actorId: e.actorId, at: new Date(e.at), payload: JSON.stringify(e.event) },
          }),
        ),
      );
    },
  };
}

type Variant = { name: string; synchronous: Synchronous; store: (db: Db) => Pick<EventStore, "append"> };
const VARIANTS: Variant[] = [
  { name: "before (Prisma tx), NORMAL", synchronous: "normal", store: prismaBatchStore },
  { name: "before (Prisma tx), FULL", synchronous: "full", store: prismaBatchStore },
  { name: "after (statements), NORMAL", synchronous: "normal", store: sqliteEventStore },
  { name: "after (statements), FULL", synchronous: "full", store: sqliteEventStore },
];

function event(seq: number, participantId: string): StoredEvent {
  const e = { type: "queue.requested", participantId, kind: "impromptu" } as unknown as MeetingEvent;
  return { seq, at: Date.now(), actorId: participantId, event: e };
}

async function measure(variant: Variant): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-bench-commits-"));
  const db = await openSqliteDatabase(path.join(dir, "db.sqlite"), { synchronous: variant.synchronous });
  try {
    const store = variant.store(db);
    const ids = Array.from({ length: MEETINGS }, (_, i) => `bench-meeting-${i}`);
    for (const id of ids) await db.meeting.create({ data: { id, title: id } });
    for (let s = 1; s <= 20; s++) await store.append(ids[0]!, [event(s, "warm-up")]); // JIT, statement caches
    const latencies: number[] = [];
    await Promise.all(
      ids.map(async (id, m) => {
        for (let s = m === 0 ? 21 : 1, n = 0; n < APPENDS; s++, n++) {
          const t = performance.now();
          await store.append(id, [event(s, `p${n}`)]);
          latencies.push(performance.now() - t);
        }
      }),
    );
    return latencies;
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const results = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const v of VARIANTS) results.get(v.name)!.push(...(await measure(v)));
}
console.log(`${MEETINGS} meetings × ${APPENDS} appends each, all meetings at once, ${ROUNDS} rounds (${os.cpus().length} CPUs)`);
const rows = VARIANTS.map((v) => {
  const sorted = results.get(v.name)!.sort((a, b) => a - b);
  return { name: v.name, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1)! };
});
for (const r of rows)
  console.log(`${r.name.padEnd(30)} p50 ${r.p50.toFixed(2).padStart(8)} ms  p99 ${r.p99.toFixed(2).padStart(8)} ms  max ${r.max.toFixed(2).padStart(8)} ms`);
const [beforeNormal, , afterNormal, afterFull] = rows;
console.log(
  `ratio before/after (NORMAL): p50 ×${(beforeNormal!.p50 / afterNormal!.p50).toFixed(0)}, p99 ×${(beforeNormal!.p99 / afterNormal!.p99).toFixed(0)}`,
);
console.log(
  `target p99 ≤ ${TARGET_P99_MS} ms: NORMAL ${afterNormal!.p99 <= TARGET_P99_MS ? "met" : "MISSED"}, FULL ${afterFull!.p99 <= TARGET_P99_MS ? "met" : "MISSED"}`,
);
