// A whole meeting joining at once (issue 17), over real sockets: every connection gets its
// welcome and one catch-up, then exactly the events after it (a chair command committed during
// the storm is in the snapshot or arrives as an event, never both, never neither); the catch-up
// is encoded once per group of joining sockets, not once per socket; a link revoked during the
// storm is refused and its open connection cut; and joining a meeting the server already knows
// reads nothing from the database.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { SyncPayload } from "../../../core/protocol.ts";
import { disconnected, eventually, Harness, send, type ClientSocket, type TestClient, type TestServer } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => {
  vi.restoreAllMocks();
  return h.cleanup();
});

const MEMBERS = 200;

interface Person {
  id: string;
  token: string;
}

/** What one raw socket received, in order, recorded from before it connects. */
interface Received {
  socket: ClientSocket;
  log: ({ type: "welcome" } | { type: "sync"; seq: number; events: number[] } | { type: "events"; seqs: number[] })[];
  ended: unknown[];
  refused?: unknown;
}

const seqOfSync = (sync: SyncPayload): { seq: number; events: number[] } =>
  sync.kind === "events" ? { seq: sync.events.at(-1)?.seq ?? -1, events: sync.events.map((e) => e.seq) } : { seq: sync.state.seq, events: [] };

function record(socket: ClientSocket): Received {
  const received: Received = { socket, log: [], ended: [] };
  socket.on("welcome", () => received.log.push({ type: "welcome" }));
  socket.on("sync", (sync) => received.log.push({ type: "sync", ...seqOfSync(sync) }));
  socket.on("events", (events: StoredEvent[]) => received.log.push({ type: "events", seqs: events.map((e) => e.seq) }));
  socket.on("connection.ended", (error) => received.ended.push(error));
  socket.on("connect_error", (error: Error & { data?: unknown }) => (received.refused = error.data));
  return received;
}

const latest = (r: Received): number => Math.max(-1, ...r.log.flatMap((x) => (x.type === "sync" ? [x.seq] : x.type === "events" ? x.seqs : [])));

/** The seqs a fresh client holds, from its snapshot on: each exactly once, in order. */
function held(received: Received): { snapshotSeq: number; after: number[] } {
  const [welcome, sync, ...rest] = received.log;
  expect(welcome?.type).toBe("welcome");
  if (sync?.type !== "sync") throw new Error(`expected sync second, got ${JSON.stringify(received.log.slice(0, 3))}`);
  expect(rest.every((r) => r.type === "events")).toBe(true); // one catch-up, then only events
  return { snapshotSeq: sync.seq, after: rest.flatMap((r) => (r.type === "events" ? r.seqs : [])) };
}

describe("a whole meeting joining at once", () => {
  let srv: TestServer;
  let meetingId: string;
  let chair: Person;
  let members: Person[];

  beforeEach(async () => {
    srv = await h.startServer({ presenceGraceSeconds: 5 });
    const roster = [
      { name: "主席", role: "chair" as const },
      ...Array.from({ length: MEMBERS }, (_, i) => ({ name: `委员${i + 1}`, role: "member" as const })),
    ];
    const { meeting, participants } = await srv.server.meetings.create("全体会议（加入风暴）", roster);
    meetingId = meeting.id;
    const people = await Promise.all(
      participants.map(async (p) => ({ id: p.id, token: await srv.server.tokens.issue({ participantId: p.id, meetingId, role: p.role }) })),
    );
    [chair, ...members] = people as [Person, ...Person[]];
    const room = await srv.server.rooms.get(meetingId);
    expect(await room.submit({ participantId: chair.id, role: "chair" }, { type: "meeting.open" })).toMatchObject({ ok: true });
  });

  it(`${MEMBERS} sockets at once: each gets welcome and one catch-up, then exactly the events after it, in order; the catch-up is encoded once per group`, async () => {
    const chairClient: TestClient = await h.connect(srv.url, chair.token);
    // The server's one packet encoder (every emit, to one socket or many, goes through it).
    const encode = vi.spyOn(srv.server.io.encoder, "encode");
    const storm = members.map((m) => record(h.socket(srv.url, { token: m.token }, false)));
    for (const r of storm) r.socket.connect();
    // Chair commands committed while the storm is being greeted (once the first are in).
    await eventually(() => expect(storm.filter((r) => r.log.length > 1).length).toBeGreaterThan(0));
    const commands: number[] = [];
    for (const seconds of [61, 62, 63]) {
      const ack = await send(chairClient, { type: "floor.setCap", seconds });
      expect(ack).toMatchObject({ ok: true });
      commands.push((ack as { seq: number }).seq);
    }
    const room = await srv.server.rooms.get(meetingId);
    // Everyone connected, everyone's arrival recorded (presence batches), everyone caught up.
    await eventually(() => {
      expect(Object.values(room.current.attendance).filter((a) => a.status === "present")).toHaveLength(MEMBERS + 1);
      expect(storm.filter((r) => latest(r) !== room.current.seq)).toHaveLength(0);
    }, 20_000);
    const final = room.current.seq;
    for (const r of storm) {
      expect(r.refused).toBeUndefined();
      const { snapshotSeq, after } = held(r);
      // No gap, no duplicate: the events are exactly those after the snapshot, up to the last one.
      expect(after).toEqual(Array.from({ length: final - snapshotSeq }, (_, i) => snapshotSeq + 1 + i));
      for (const seq of commands) expect(seq <= snapshotSeq || after.includes(seq)).toBe(true);
    }
    // The chair commands went out during the storm: some sockets had them only as events.
    expect(storm.some((r) => held(r).snapshotSeq < commands[0]!)).toBe(true);
    // One encoding of `sync` per greeting turn and audience, far fewer than one per socket.
    const syncEncodes = encode.mock.calls.filter(([packet]) => (packet as { data?: unknown[] }).data?.[0] === "sync").length;
    expect(syncEncodes).toBeGreaterThan(0);
    expect(syncEncodes).toBeLessThan(MEMBERS / 4);
    expect(srv.logs).toEqual([]);
  }, 60_000);

  it("a link revoked during the storm is refused at the handshake, and its open connection is cut at once", async () => {
    const [early, late, ...rest] = members as [Person, Person, ...Person[]];
    const open = record(h.socket(srv.url, { token: early.token }));
    await eventually(() => expect(open.log.map((r) => r.type)).toEqual(["welcome", "sync"]));
    const storm = rest.map((m) => record(h.socket(srv.url, { token: m.token }, false)));
    const lateSocket = record(h.socket(srv.url, { token: late.token }, false));
    for (const r of storm.slice(0, MEMBERS / 2)) r.socket.connect();
    lateSocket.socket.connect();
    const cut = disconnected(open.socket);
    await srv.server.links.revoke(early.id);
    await srv.server.links.revoke(late.id);
    for (const r of storm.slice(MEMBERS / 2)) r.socket.connect();

    expect(await cut).toBe("io server disconnect");
    expect(open.ended).toEqual([{ code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED }]);
    // The socket that was in the storm when its link was revoked: refused, or cut right after its greeting.
    await eventually(() => expect(lateSocket.refused ?? lateSocket.ended[0]).toBeDefined());
    await eventually(() => expect(lateSocket.socket.connected).toBe(false));
    if (lateSocket.refused === undefined) expect(lateSocket.ended).toEqual([{ code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED }]);
    else expect(lateSocket.refused).toEqual({ code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED });
    for (const token of [early.token, late.token]) {
      expect(await h.connectRefused(srv.url, { token })).toEqual({ code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED });
    }
    // Everyone else got in; nobody of the revoked links is connected.
    await eventually(() => expect(storm.every((r) => r.log.some((x) => x.type === "sync"))).toBe(true), 20_000);
    const connected = [...srv.server.io.of("/").sockets.values()].map((s) => s.data.me.id);
    expect(connected).toHaveLength(MEMBERS - 2);
    expect(connected).not.toContain(early.id);
    expect(connected).not.toContain(late.id);
  }, 60_000);

  it("joining a meeting the server already knows reads nothing from the database", async () => {
    // Warm: the meeting has been joined once (its room and join cache are loaded).
    await h.connect(srv.url, chair.token);
    const statements: string[] = [];
    const prepare = Database.prototype.prepare;
    vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, sql: string) {
      statements.push(sql);
      return prepare.call(this, sql);
    });
    const joined = await Promise.all(members.slice(0, 20).map((m) => h.connect(srv.url, m.token)));
    // A reconnect with lastSeq: the events after it, also from memory.
    const again = await h.connect(srv.url, members[20]!.token, { lastSeq: 1 });
    expect(joined.map((c) => c.welcome.me.id)).toEqual(members.slice(0, 20).map((m) => m.id));
    expect(again.firstSync.kind).toBe("events");
    expect(statements.filter((sql) => /^\s*select/i.test(sql))).toEqual([]);
  });
});
