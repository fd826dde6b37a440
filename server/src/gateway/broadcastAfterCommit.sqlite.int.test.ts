// Persistence before broadcast, watched from outside the server: a second reader on the same
// SQLite file, read synchronously the moment the server writes each 'events' packet to a socket.
// SQLite only (PostgreSQL has no synchronous reader; its append resolves only after COMMIT, and
// every other integration test runs on it too: the integration-pg project).
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../../core/meeting.ts";
import { sqliteFile } from "../../../testing/databases.ts";
import { Harness, send, settle } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("persistence before broadcast", () => {
  it("every broadcast leaves the server only after its events are committed to the database file", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server);
    // A second, independent reader on the same SQLite file, read synchronously at the very
    // moment the server writes each 'events' packet to a socket.
    const reader = new Database(sqliteFile(srv.config.database), { readonly: true });
    h.onCleanup(() => reader.close());
    const committedSeqs = reader.prepare(`SELECT seq FROM "MeetingEvent" WHERE "meetingId" = ? ORDER BY seq`);
    const checks: { seqs: number[]; committed: number[] }[] = [];
    srv.server.io.engine.on("connection", (conn: { on(event: "packetCreate", fn: (packet: { data?: unknown }) => void): void }) => {
      conn.on("packetCreate", (packet) => {
        if (typeof packet.data !== "string" || !packet.data.startsWith('2["events"')) return;
        const [, events] = JSON.parse(packet.data.slice(1)) as [string, StoredEvent[]];
        const committed = (committedSeqs.all(meeting.meetingId) as { seq: number }[]).map((r) => r.seq);
        checks.push({ seqs: events.map((e) => e.seq), committed });
      });
    });

    const [chair, member1, member2] = await Promise.all([
      h.connect(srv.url, meeting.tokens.chair),
      h.connect(srv.url, meeting.tokens.member1),
      h.connect(srv.url, meeting.tokens.member2),
    ]);
    // Client side: when a broadcast arrives, the events are already in the store.
    const clientChecks: { first: number; check: Promise<void> }[] = [];
    member2.socket.on("events", (events) => {
      clientChecks.push({
        first: events[0]!.seq,
        check: srv.server.store.load(meeting.meetingId, events[0]!.seq - 1).then((stored) => {
          expect(stored.slice(0, events.length)).toEqual(events);
        }),
      });
    });

    // The opening and the presence broadcasts (the server's own) are checked as well.
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    const base = await settle([chair, member1, member2], srv.server);
    await send(member1, { type: "queue.request" });
    await send(member2, { type: "queue.request" });
    await send(chair, { type: "floor.give" });
    await send(chair, { type: "floor.give" }); // two events in one transaction
    await send(chair, { type: "floor.end" });
    await Promise.all([chair, member1, member2].map((c) => c.waitForSeq(base + 6)));
    await Promise.all(clientChecks.map((c) => c.check));

    expect(clientChecks.filter((c) => c.first > base)).toHaveLength(5);
    expect(checks.filter((c) => c.seqs[0]! > base)).toHaveLength(15); // five broadcasts to three sockets
    expect(checks.some((c) => c.seqs.length && c.seqs[0]! <= base)).toBe(true); // opening, presence
    for (const { seqs, committed } of checks) for (const seq of seqs) expect(committed).toContain(seq);
    expect(checks.map((c) => c.seqs)).toContainEqual([base + 4, base + 5]);
  });
});
