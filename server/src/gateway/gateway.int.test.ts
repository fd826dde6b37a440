import { DEFAULT_ORDERING } from "../../../core/plan/schema.ts";
import { DEFAULT_SPEECH_CAPS } from "../../../core/floor/schema.ts";
// The socket gateway end to end: a real server (port 0, SQLite in a temp folder) and real
// socket.io clients. Covers the live fan-out and every way a connection or command is refused.
import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { TokenService } from "../auth/tokens.ts";
import { ERROR_MESSAGES, type ErrorCode } from "../../../core/errors.ts";
import type { Ack } from "../../../core/protocol.ts";
import {
  collectEvents,
  disconnected,
  eventually,
  Harness,
  persisted,
  send,
  settle,
  sleep,
  TEST_SECRET,
  type PersonKey,
  type TestClient,
  type TestMeeting,
  type TestServer,
} from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

function expectRefusal(ack: Ack, code: ErrorCode): void {
  expect(ack).toMatchObject({ ok: false, error: { code, message: ERROR_MESSAGES[code] } });
}

/** Asserts the log and the live state did not move while `run` executed. */
async function expectNothingChanged(srv: TestServer, meeting: TestMeeting, run: () => Promise<void>): Promise<void> {
  const before = await persisted(srv.server, meeting.meetingId);
  const liveBefore = (await srv.server.rooms.get(meeting.meetingId)).current;
  await run();
  const after = await persisted(srv.server, meeting.meetingId);
  expect(after.events).toEqual(before.events);
  expect((await srv.server.rooms.get(meeting.meetingId)).current).toEqual(liveBefore);
}

async function unsignedJwt(header: object, payload: object): Promise<string> {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${enc(header)}.${enc(payload)}.`;
}

describe("three live clients (chair and two members)", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let chair: TestClient;
  let m1: TestClient;
  let m2: TestClient;

  beforeEach(async () => {
    srv = await h.startServer();
    meeting = await h.createMeeting(srv.server);
    [chair, m1, m2] = await Promise.all([
      h.connect(srv.url, meeting.tokens.chair),
      h.connect(srv.url, meeting.tokens.member1),
      h.connect(srv.url, meeting.tokens.member2),
    ]);
  });

  /** The chair opens the meeting over its socket; resolves once presence has settled. */
  async function open(): Promise<number> {
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    return settle([chair, m1, m2], srv.server);
  }

  it("welcomes each participant with their identity (role from the database) and the meeting; the roster comes in the state", async () => {
    const info = await srv.server.meetings.find(meeting.meetingId);
    expect(info).toMatchObject({ id: meeting.meetingId, title: meeting.title });
    for (const c of [chair, m1, m2]) {
      expect(c.welcome.meeting).toEqual(info);
      expect(c.welcome.display).toBe(false);
      expect(c.welcome.media).toEqual({ available: false });
    }
    expect(m1.welcome.me).toEqual(meeting.people.member1);
    expect(m2.welcome.me).toEqual(meeting.people.member2);
    expect(chair.welcome.me.role).toBe("chair");
    // The first thing a new meeting's log holds is the roster, from the database (config.sync).
    const { events } = await persisted(srv.server, meeting.meetingId);
    expect(events[0]).toMatchObject({ seq: 1, actorId: "system", event: { type: "roster.set" } });
    for (const c of [chair, m1, m2]) {
      // The staff's snapshot holds the roster; the members' is compact, its roster fetched (GET /api/live/roster).
      expect(c.firstSync).toMatchObject({ kind: c === chair ? "snapshot" : "compact", state: { status: "scheduled", queue: [], floor: null } });
      if (c === chair) expect(c.firstSync.kind === "snapshot" && c.firstSync.state.roster).toEqual(Object.values(meeting.people));
      expect(c.state.roster).toEqual(Object.values(meeting.people));
    }
    // Everyone connected is marked present, as every client sees it.
    await settle([chair, m1, m2], srv.server);
    for (const c of [chair, m1, m2]) {
      for (const p of [meeting.people.chair, meeting.people.member1, meeting.people.member2]) {
        expect(c.state.attendance[p.id]).toMatchObject({ status: "present", via: "online" });
      }
      expect(c.state.attendance[meeting.people.clerk.id]).toBeUndefined();
    }
    expect(srv.logs).toEqual([]);
  });

  it("acknowledges with the new seq, broadcasts identical events to all, and every client ends in the same state", async () => {
    const base = await open();
    const collectors = [chair, m1, m2].map((c) => collectEvents(c));
    const acks: [string, Ack][] = [];
    const run = async (label: string, client: TestClient, command: unknown) => acks.push([label, await send(client, command)]);

    await run("m1 request", m1, { type: "queue.request" });
    await run("m2 request", m2, { type: "queue.request" });
    await run("move m2 first", chair, { type: "queue.move", participantId: meeting.people.member2.id, toIndex: 0 });
    await run("give (m2)", chair, { type: "floor.give" });
    await run("cap 120 s", chair, { type: "floor.setCap", seconds: 120 });
    await run("next speaker (m1)", chair, { type: "floor.give", participantId: meeting.people.member1.id });
    await run("m2 requests again", m2, { type: "queue.request" });
    await run("m2 withdraws", m2, { type: "queue.withdraw" });
    await run("m1 ends own speech", m1, { type: "floor.end" });

    // Acknowledgements carry the seq of the last event the command produced (floor.give while
    // someone speaks produces two: speech.ended + speech.started).
    expect(acks).toEqual([
      ["m1 request", { ok: true, seq: base + 1 }],
      ["m2 request", { ok: true, seq: base + 2 }],
      ["move m2 first", { ok: true, seq: base + 3 }],
      ["give (m2)", { ok: true, seq: base + 4 }],
      ["cap 120 s", { ok: true, seq: base + 5 }],
      ["next speaker (m1)", { ok: true, seq: base + 7 }],
      ["m2 requests again", { ok: true, seq: base + 8 }],
      ["m2 withdraws", { ok: true, seq: base + 9 }],
      ["m1 ends own speech", { ok: true, seq: base + 10 }],
    ]);

    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(base + 10)));
    const { events: all, state } = await persisted(srv.server, meeting.meetingId);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: base + 10 }, (_, i) => i + 1));
    const events = all.slice(base);

    // Everyone (including the sender) got the very same events, batch for batch.
    for (const [i, c] of [chair, m1, m2].entries()) {
      expect(c.problems).toEqual([]);
      expect(collectors[i]!.batches).toEqual(collectors[0]!.batches);
      expect(collectors[i]!.events()).toEqual(events);
      expect(c.state).toEqual(state);
    }
    const batches = collectors[0]!.batches;
    expect(batches.map((b) => b.length)).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1]);
    expect(batches[5]!.map((e) => e.event.type)).toEqual(["speech.ended", "speech.started"]);
    expect((await srv.server.rooms.get(meeting.meetingId)).current).toEqual(state);

    // The resulting state is what the sequence of commands means.
    expect(state.queue).toEqual([]);
    expect(state.floor).toBeNull();
    expect(state.speechCaps.impromptu).toBe(120_000);
    expect(state.speeches.map((s) => [s.participantId, s.capMs, s.endedBy])).toEqual([
      [meeting.people.member2.id, 300_000, meeting.people.chair.id],
      [meeting.people.member1.id, 120_000, meeting.people.member1.id],
    ]);
    expect(state.speeches.every((s) => s.agendaItemId === null)).toBe(true); // this meeting has no agenda
    // Each event records who caused it.
    expect(events.map((e) => e.actorId)).toEqual([
      meeting.people.member1.id,
      meeting.people.member2.id,
      ...Array(5).fill(meeting.people.chair.id),
      meeting.people.member2.id,
      meeting.people.member2.id,
      meeting.people.member1.id,
    ]);
    expect(srv.logs).toEqual([]);
  });

  it("serialises concurrent commands from different clients into one gap-free sequence", async () => {
    const base = await open();
    const acks = await Promise.all([
      send(m1, { type: "queue.request" }),
      send(m2, { type: "queue.request" }),
      send(chair, { type: "floor.setCap", seconds: 90 }),
      send(m1, { type: "queue.request" }), // one of m1's two requests must be a conflict
    ]);
    const seqs = acks.flatMap((a) => (a.ok ? [a.seq] : []));
    expect(seqs.sort((a, b) => a - b)).toEqual([base + 1, base + 2, base + 3]);
    expect(acks.filter((a) => !a.ok)).toEqual([{ ok: false, error: { code: "ALREADY_IN_QUEUE", message: ERROR_MESSAGES.ALREADY_IN_QUEUE } }]);
    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(base + 3)));
    const { state } = await persisted(srv.server, meeting.meetingId);
    for (const c of [chair, m1, m2]) {
      expect(c.problems).toEqual([]);
      expect(c.state).toEqual(state);
    }
    expect(state.queue.map((q) => q.participantId).sort()).toEqual([meeting.people.member1.id, meeting.people.member2.id].sort());
  });

  it("does not send one meeting's events to another meeting's clients", async () => {
    const other = await h.createMeeting(srv.server, "另一个会议", { open: true });
    const outsider = await h.connect(srv.url, other.tokens.member1);
    const [base, otherBase] = [await open(), await settle([outsider], srv.server)];
    const mine = collectEvents(chair);
    const theirs = collectEvents(outsider);
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    expect(await send(outsider, { type: "queue.request" })).toEqual({ ok: true, seq: otherBase + 1 });
    await Promise.all([chair.waitForSeq(base + 1), outsider.waitForSeq(otherBase + 1)]);
    await sleep(50);
    expect(mine.events().map((e) => e.actorId)).toEqual([meeting.people.member1.id]);
    expect(theirs.events().map((e) => e.actorId)).toEqual([other.people.member1.id]);
    // Every broadcast a client ever got (presence and opening included) is from its own meeting's log.
    const [ours, others] = [await persisted(srv.server, meeting.meetingId), await persisted(srv.server, other.meetingId)];
    for (const e of chair.broadcasts.flat()) expect(ours.events[e.seq - 1]).toEqual(e);
    for (const e of outsider.broadcasts.flat()) expect(others.events[e.seq - 1]).toEqual(e);
    expect(outsider.state).toEqual(others.state);
    expect(chair.state).toEqual(ours.state);
    expect(others.state.attendance[meeting.people.member1.id]).toBeUndefined();
    expect(ours.state.attendance[other.people.member1.id]).toBeUndefined();
  });
});

describe("handshake refusals", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let chair: TestClient;
  let watcher: TestClient;
  /** The log position once the chair and the watcher are in (both present). */
  let settled: number;

  beforeEach(async () => {
    srv = await h.startServer();
    meeting = await h.createMeeting(srv.server);
    // Some history, so "nothing changed" is not trivially an empty log.
    chair = await h.connect(srv.url, meeting.tokens.chair);
    const capped = await send(chair, { type: "floor.setCap", seconds: 60 });
    expect(capped).toMatchObject({ ok: true });
    watcher = await h.connect(srv.url, meeting.tokens.member2);
    settled = await settle([chair, watcher], srv.server);
    expect(settled).toBeGreaterThan(capped.ok ? capped.seq : Infinity);
  });

  async function expectRefused(auth: Record<string, unknown>, code: ErrorCode): Promise<void> {
    const seen = watcher.broadcasts.length;
    const seq = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    await expectNothingChanged(srv, meeting, async () => {
      const error = await h.connectRefused(srv.url, auth);
      expect(error).toEqual({ code, message: ERROR_MESSAGES[code] });
    });
    // The refused socket never joined; the server keeps serving the others and new arrivals.
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(2));
    expect(await watcher.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: seq })).toEqual({
      ok: true,
      sync: { kind: "events", events: [] },
    });
    // A second connection of someone already present: accepted, and changes nothing either.
    const newcomer = await h.connect(srv.url, meeting.tokens.chair);
    expect(newcomer.firstSync).toMatchObject({ kind: "snapshot", state: { seq, speechCaps: { impromptu: 60_000 } } });
    newcomer.close();
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(2));
    // Nothing reached the watcher: neither the refusal nor the extra connection broadcast anything.
    await sleep(300); // beyond the presence batch of the newcomer
    expect(watcher.broadcasts.slice(seen)).toEqual([]);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(seq);
  }

  const claims = () => ({ participantId: meeting.people.member1.id, meetingId: meeting.meetingId, role: "member" as const });

  it("refuses a missing token with TOKEN_MISSING", async () => {
    await expectRefused({}, "TOKEN_MISSING");
  });

  it("refuses an empty or non-string token with TOKEN_MISSING", async () => {
    await expectNothingChanged(srv, meeting, async () => {
      expect((await h.connectRefused(srv.url, { token: "" })).code).toBe("TOKEN_MISSING");
      expect((await h.connectRefused(srv.url, { token: 12345 })).code).toBe("TOKEN_MISSING");
      expect((await h.connectRefused(srv.url, { token: { sub: meeting.people.chair.id } })).code).toBe("TOKEN_MISSING");
    });
  });

  it("refuses a tampered token with TOKEN_INVALID (payload edited to impersonate the chair)", async () => {
    const [header, payload, signature] = meeting.tokens.member1.split(".") as [string, string, string];
    const claimsSet = JSON.parse(Buffer.from(payload, "base64url").toString());
    expect(claimsSet.sub).toBe(meeting.people.member1.id);
    const forged = Buffer.from(JSON.stringify({ ...claimsSet, sub: meeting.people.chair.id, role: "chair" })).toString("base64url");
    await expectRefused({ token: `${header}.${forged}.${signature}` }, "TOKEN_INVALID");
  });

  it("refuses a token with a damaged signature with TOKEN_INVALID", async () => {
    const token = meeting.tokens.member1;
    const last = token.at(-2) === "A" ? "B" : "A";
    await expectRefused({ token: `${token.slice(0, -2)}${last}${token.at(-1)}` }, "TOKEN_INVALID");
  });

  it("refuses garbage, over-long and unsigned (alg none) tokens with TOKEN_INVALID", async () => {
    await expectNothingChanged(srv, meeting, async () => {
      expect((await h.connectRefused(srv.url, { token: "not-a-jwt" })).code).toBe("TOKEN_INVALID");
      expect((await h.connectRefused(srv.url, { token: `${meeting.tokens.member1}${"x".repeat(2100)}` })).code).toBe("TOKEN_INVALID");
      const none = await unsignedJwt(
        { alg: "none" },
        { sub: meeting.people.chair.id, mid: meeting.meetingId, role: "chair", exp: Math.floor(Date.now() / 1000) + 3600 },
      );
      expect((await h.connectRefused(srv.url, { token: none })).code).toBe("TOKEN_INVALID");
      // The right secret but another algorithm.
      const hs512 = await new SignJWT({ mid: meeting.meetingId, role: "member" })
        .setProtectedHeader({ alg: "HS512" })
        .setSubject(meeting.people.member1.id)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(new TextEncoder().encode(TEST_SECRET));
      expect((await h.connectRefused(srv.url, { token: hs512 })).code).toBe("TOKEN_INVALID");
    });
  });

  it("refuses a token signed with another secret with TOKEN_INVALID", async () => {
    const foreign = await new TokenService("some-other-secret", 24).issue(claims());
    await expectRefused({ token: foreign }, "TOKEN_INVALID");
  });

  it("refuses a token whose exp is in the past with TOKEN_EXPIRED", async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await new SignJWT({ mid: meeting.meetingId, role: "member" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(meeting.people.member1.id)
      .setIssuedAt(past - 3600)
      .setExpirationTime(past)
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expectRefused({ token: expired }, "TOKEN_EXPIRED");
  });

  it("refuses a token issued with a one-second lifetime once it has run out (TOKEN_EXPIRED)", async () => {
    const token = await srv.server.tokens.issue(claims(), 2 / 3600);
    const { exp, iat } = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { exp: number; iat: number };
    expect(exp - iat).toBe(2);
    // Still valid right away (at least one full second remains)…
    const fresh = await h.connect(srv.url, token);
    expect(fresh.welcome.me.id).toBe(meeting.people.member1.id);
    await settle([chair, watcher, fresh], srv.server); // member1 is marked present
    fresh.close();
    await sleep(exp * 1000 - Date.now() + 50);
    await expectRefused({ token }, "TOKEN_EXPIRED");
  });

  it("refuses a correctly signed token for a participant that does not exist with NOT_FOUND", async () => {
    const token = await srv.server.tokens.issue({ ...claims(), participantId: "no-such-participant" });
    await expectRefused({ token }, "NOT_FOUND");
  });

  it("refuses a participant of another meeting with NOT_FOUND", async () => {
    const other = await h.createMeeting(srv.server, "另一个会议");
    const token = await srv.server.tokens.issue({ participantId: other.people.chair.id, meetingId: meeting.meetingId, role: "chair" });
    await expectRefused({ token }, "NOT_FOUND");
    const noMeeting = await srv.server.tokens.issue({ ...claims(), meetingId: "no-such-meeting" });
    await expectRefused({ token: noMeeting }, "NOT_FOUND");
  });

  it("takes the role from the database, not from the token's role claim", async () => {
    const token = await srv.server.tokens.issue({ ...claims(), role: "chair" });
    const member = await h.connect(srv.url, token);
    expect(member.welcome.me.role).toBe("member");
    await settle([chair, watcher, member], srv.server);
    await expectNothingChanged(srv, meeting, async () => {
      expectRefusal(await send(member, { type: "floor.setCap", seconds: 600 }), "FORBIDDEN");
    });
  });
});

describe("command refusals", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let clients: Record<PersonKey, TestClient>;

  beforeEach(async () => {
    srv = await h.startServer();
    meeting = await h.createMeeting(srv.server);
    const keys: PersonKey[] = ["chair", "member1", "member2", "clerk", "observer"];
    const connected = await Promise.all(keys.map((k) => h.connect(srv.url, meeting.tokens[k])));
    clients = Object.fromEntries(keys.map((k, i) => [k, connected[i]!])) as Record<PersonKey, TestClient>;
    expect(await send(clients.chair, { type: "meeting.open" })).toMatchObject({ ok: true });
  });

  /**
   * Runs the refusals, then one valid "marker" command: the first thing anyone receives after
   * the refusals must be the marker's event, so the refusals broadcast nothing.
   */
  async function expectRefusalsSilent(run: () => Promise<void>): Promise<void> {
    await settle(Object.values(clients), srv.server);
    const collectors = Object.values(clients).map((c) => collectEvents(c));
    await expectNothingChanged(srv, meeting, run);
    const seqBefore = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    const marker = await send(clients.chair, { type: "floor.setCap", seconds: 30 + seqBefore });
    expect(marker).toEqual({ ok: true, seq: seqBefore + 1 });
    await Promise.all(Object.values(clients).map((c) => c.waitForSeq(seqBefore + 1)));
    for (const collector of collectors) {
      expect(collector.events().map((e) => [e.seq, e.event.type])).toEqual([[seqBefore + 1, "floor.capSet"]]);
      collector.stop();
    }
  }

  it("refuses malformed commands with VALIDATION and details, changing and broadcasting nothing", async () => {
    const malformed: unknown[] = [
      null,
      42,
      "queue.request",
      [],
      {},
      { type: "queue.nonsense" },
      { type: "queue.request", extra: true },
      { type: "queue.move", participantId: meeting.people.member1.id },
      { type: "queue.move", participantId: meeting.people.member1.id, toIndex: -1 },
      { type: "queue.move", participantId: meeting.people.member1.id, toIndex: 1.5 },
      { type: "queue.move", participantId: "", toIndex: 0 },
      { type: "queue.remove", participantId: "x".repeat(65) },
      { type: "floor.setCap", seconds: 29 },
      { type: "floor.setCap", seconds: 3601 },
      { type: "floor.setCap", seconds: "120" },
      { type: "floor.give", participantId: 7 },
      { type: "speech.started", participantId: meeting.people.member1.id }, // an event is not a command
    ];
    // Sent by another connection (each has its own burst of 20).
    const malformedStaff: unknown[] = [
      { type: "meeting.open", now: true },
      { type: "agenda.goto" },
      { type: "agenda.goto", itemId: "" },
      { type: "agenda.next", itemId: "x" },
      { type: "attendance.arrive", participantIds: [], via: "clerk" },
      { type: "attendance.arrive", participantIds: [meeting.people.member1.id], via: "teleport" },
      { type: "attendance.arrive", participantIds: meeting.people.member1.id, via: "clerk" },
      { type: "attendance.leave", participantIds: ["x".repeat(65)] },
      { type: "attendance.excuse", participantId: meeting.people.member2.id },
      { type: "attendance.excuse", participantId: meeting.people.member2.id, excused: "yes" },
      { type: "config.sync" }, // malformed: refused before anything else looks at it
      { type: "attendance.arrived", participantIds: [meeting.people.member1.id], via: "clerk", at: 0 },
    ];
    await expectRefusalsSilent(async () => {
      for (const [client, commands] of [
        [clients.member1, malformed],
        [clients.clerk, malformedStaff],
      ] as const) {
        for (const command of commands) {
          const ack = await send(client, command);
          expect({ command, ack }).toMatchObject({ ack: { ok: false, error: { code: "VALIDATION", message: ERROR_MESSAGES.VALIDATION } } });
          expect(ack.ok === false && ack.error.details?.length).toBeGreaterThan(0);
        }
      }
    });
    // A validation failure names the failing field.
    const ack = await send(clients.chair, { type: "floor.setCap", seconds: 5 });
    expect(ack.ok === false && ack.error.details?.join(" ")).toContain("seconds");
  });

  it("refuses role-restricted commands with FORBIDDEN", async () => {
    // Someone in the queue and someone speaking, so only the role can be the reason.
    expect(await send(clients.member1, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(await send(clients.member2, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(await send(clients.chair, { type: "floor.give", participantId: meeting.people.member2.id })).toMatchObject({ ok: true });
    const m1 = meeting.people.member1.id;
    const m2 = meeting.people.member2.id;
    const validSync = {
      type: "config.sync",
      roster: [],
      agenda: [],
      quorumRule: "none",
      speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 60_000 },
      ordering: DEFAULT_ORDERING,
      plan: [],
    };
    const cases: [PersonKey, unknown][] = [
      ["member1", { type: "floor.give" }],
      ["member1", { type: "floor.give", participantId: m1 }],
      ["member2", { type: "floor.give", participantId: m1 }], // the speaker cannot pass the floor on
      ["member1", { type: "floor.setCap", seconds: 600 }],
      ["member1", { type: "floor.end" }], // not the speaker
      ["member1", { type: "queue.move", participantId: m1, toIndex: 0 }],
      ["member2", { type: "queue.remove", participantId: m1 }],
      ["observer", { type: "queue.request" }],
      ["clerk", { type: "queue.request" }],
      ["chair", { type: "queue.request" }],
      ["observer", { type: "floor.end" }],
      ["clerk", { type: "floor.give" }],
      ["clerk", { type: "queue.remove", participantId: m1 }],
      ["observer", { type: "floor.setCap", seconds: 60 }],
      // Lifecycle and agenda belong to the chair.
      ["member1", { type: "meeting.close" }],
      ["clerk", { type: "meeting.close" }],
      ["observer", { type: "meeting.open" }],
      ["member2", { type: "agenda.next" }],
      ["clerk", { type: "agenda.goto", itemId: "item" }],
      // Attendance is kept by the chair and the clerk, and online arrivals only by the server.
      ["member1", { type: "attendance.arrive", participantIds: [m2], via: "clerk" }],
      ["observer", { type: "attendance.leave", participantIds: [m1] }],
      ["member2", { type: "attendance.excuse", participantId: m1, excused: true }],
      ["clerk", { type: "attendance.arrive", participantIds: [m1], via: "online" }],
      ["chair", { type: "attendance.arrive", participantIds: [m1], via: "qr" }],
      // The configuration sync is the server's own: nobody may send it, not even the chair.
      ["chair", validSync],
      ["clerk", validSync],
      ["member1", validSync],
    ];
    await expectRefusalsSilent(async () => {
      for (const [who, command] of cases) {
        const ack = await send(clients[who], command);
        expect({ who, command, ack }).toMatchObject({ ack: { ok: false, error: { code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN } } });
      }
    });
  });

  it("refuses domain conflicts with their codes, changing and broadcasting nothing", async () => {
    const { chair, member1, member2 } = clients;
    const m1 = meeting.people.member1.id;
    const m2 = meeting.people.member2.id;
    await expectRefusalsSilent(async () => {
      expectRefusal(await send(chair, { type: "floor.give" }), "QUEUE_EMPTY");
      expectRefusal(await send(chair, { type: "floor.end" }), "NO_CURRENT_SPEECH");
      expectRefusal(await send(member1, { type: "queue.withdraw" }), "NOT_IN_QUEUE");
      expectRefusal(await send(chair, { type: "queue.remove", participantId: m1 }), "NOT_IN_QUEUE");
      expectRefusal(await send(chair, { type: "queue.move", participantId: m1, toIndex: 0 }), "NOT_IN_QUEUE");
      expectRefusal(await send(chair, { type: "meeting.open" }), "MEETING_ALREADY_OPEN");
      expectRefusal(await send(chair, { type: "agenda.next" }), "NO_NEXT_ITEM"); // this meeting has no agenda
      expectRefusal(await send(chair, { type: "agenda.goto", itemId: "no-such-item" }), "NOT_FOUND");
      expectRefusal(await send(clients.clerk, { type: "attendance.excuse", participantId: m1, excused: true }), "ALREADY_PRESENT");
      expectRefusal(await send(clients.clerk, { type: "attendance.excuse", participantId: "nobody", excused: true }), "NOT_FOUND");
      expectRefusal(await send(clients.clerk, { type: "attendance.arrive", participantIds: [m1, "nobody"], via: "clerk" }), "NOT_FOUND");
      expectRefusal(await send(chair, { type: "attendance.leave", participantIds: ["nobody"] }), "NOT_FOUND");
    });
    // Commands that would change nothing are acknowledged with the current seq and log nothing.
    await expectRefusalsSilent(async () => {
      const seq = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
      expect(await send(clients.clerk, { type: "attendance.arrive", participantIds: [m1, m2], via: "clerk" })).toEqual({ ok: true, seq });
      expect(await send(clients.clerk, { type: "attendance.excuse", participantId: meeting.people.observer.id, excused: false })).toEqual({ ok: true, seq });
    });
    expect(await send(member1, { type: "queue.request" })).toMatchObject({ ok: true });
    await expectRefusalsSilent(async () => {
      expectRefusal(await send(member1, { type: "queue.request" }), "ALREADY_IN_QUEUE");
      expectRefusal(await send(chair, { type: "queue.move", participantId: m1, toIndex: 1 }), "BAD_POSITION");
      expectRefusal(await send(chair, { type: "floor.give", participantId: m2 }), "NOT_IN_QUEUE");
      expectRefusal(await send(chair, { type: "floor.give", participantId: "nobody" }), "NOT_IN_QUEUE");
    });
    expect(await send(chair, { type: "floor.give" })).toMatchObject({ ok: true });
    await expectRefusalsSilent(async () => {
      expectRefusal(await send(member1, { type: "queue.request" }), "HAS_FLOOR");
      expectRefusal(await send(member1, { type: "queue.withdraw" }), "NOT_IN_QUEUE");
    });
    // A no-op move is acknowledged with the current seq and produces no event.
    expect(await send(member2, { type: "queue.request" })).toMatchObject({ ok: true });
    const seq = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    await expectRefusalsSilent(async () => {
      expect(await send(chair, { type: "queue.move", participantId: m2, toIndex: 0 })).toEqual({ ok: true, seq });
    });
  });

  it("answers a sync.request with bad input with VALIDATION", async () => {
    const socket = clients.member1.socket;
    for (const bad of [null, 5, { lastSeq: -1 }, { lastSeq: 1.5 }, { lastSeq: "3" }, { lastSeq: 0, extra: 1 }]) {
      const ack = await socket.timeout(5_000).emitWithAck("sync.request", bad);
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    const seq = await settle(Object.values(clients), srv.server);
    expect(await socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: seq })).toEqual({
      ok: true,
      sync: { kind: "events", events: [] },
    });
    expect(await socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: 0 })).toEqual({
      ok: true,
      sync: { kind: "events", events: (await persisted(srv.server, meeting.meetingId)).events },
    });
  });
});

describe("rate limiting", () => {
  it("refuses commands beyond a burst of 20 with RATE_LIMITED, per person, refilling over time", async () => {
    let clock = Date.now();
    const srv = await h.startServer({ now: () => clock }); // frozen unless we move it: no refill
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const [member1, member2] = await Promise.all([h.connect(srv.url, meeting.tokens.member1), h.connect(srv.url, meeting.tokens.member2)]);
    const base = await settle([member1, member2], srv.server);

    const acks = await Promise.all(Array.from({ length: 30 }, () => send(member1, { type: "queue.request" })));
    const codes = acks.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes).toEqual(["ok", ...Array(19).fill("ALREADY_IN_QUEUE"), ...Array(10).fill("RATE_LIMITED")]);
    expectRefusal(acks[29]!, "RATE_LIMITED");

    // Refused commands changed nothing: one event in the log.
    const { events } = await persisted(srv.server, meeting.meetingId);
    expect(events.slice(base).map((e) => e.event.type)).toEqual(["queue.requested"]);
    // sync.request draws from the same bucket; time.sync does not.
    expect(await member1.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: base })).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED" },
    });
    expect(await member1.socket.timeout(5_000).emitWithAck("time.sync")).toEqual({ serverTime: clock });

    // Another person has their own bucket (one person's connections share one: devices.int.test.ts).
    expect(await send(member2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 2 });

    // Half a second refills five tokens (10 per second).
    clock += 500;
    const later = await Promise.all(Array.from({ length: 7 }, () => send(member1, { type: "queue.withdraw" })));
    expect(later.map((a) => (a.ok ? "ok" : a.error.code))).toEqual(["ok", ...Array(4).fill("NOT_IN_QUEUE"), "RATE_LIMITED", "RATE_LIMITED"]);
    expect((await persisted(srv.server, meeting.meetingId)).events.slice(base).map((e) => e.event.type)).toEqual([
      "queue.requested",
      "queue.requested",
      "queue.withdrawn",
    ]);
  });
});

describe("abusive input", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let chair: TestClient;
  let member2: TestClient;

  beforeEach(async () => {
    srv = await h.startServer();
    meeting = await h.createMeeting(srv.server, undefined, { open: true });
    [chair, member2] = await Promise.all([h.connect(srv.url, meeting.tokens.chair), h.connect(srv.url, meeting.tokens.member2)]);
  });

  it("closes only the socket that sends a message over 64 KiB; the others keep being served", async () => {
    const attacker = await h.connect(srv.url, meeting.tokens.member1);
    const base = await settle([chair, member2, attacker], srv.server);
    const attackerGone = disconnected(attacker.socket);
    await expectNothingChanged(srv, meeting, async () => {
      const ack = send(attacker, { type: "queue.remove", participantId: "x".repeat(70 * 1024) }).catch((e: Error) => e);
      expect(await attackerGone).toBe("transport close");
      expect(await ack).toBeInstanceOf(Error); // never acknowledged
    });
    expect(attacker.socket.connected).toBe(false);
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(2));
    expect(chair.socket.connected && member2.socket.connected).toBe(true);

    expect(await send(member2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    await chair.waitForSeq(base + 1);
    expect(chair.state.queue.map((q) => q.participantId)).toEqual([meeting.people.member2.id]);
    // And new connections are still accepted.
    const again = await h.connect(srv.url, meeting.tokens.member1);
    expect(again.firstSync).toMatchObject({ kind: "compact", state: { seq: base + 1 } });
  });

  it("answers a large message just under the limit normally (VALIDATION), keeping the socket", async () => {
    const member1 = await h.connect(srv.url, meeting.tokens.member1);
    const base = await settle([chair, member2, member1], srv.server);
    await expectNothingChanged(srv, meeting, async () => {
      expectRefusal(await send(member1, { type: "queue.remove", participantId: "x".repeat(60 * 1024) }), "VALIDATION");
    });
    expect(await send(member1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
  });

  it("ignores commands without an acknowledgement function and other garbage, without crashing", async () => {
    const member1 = await h.connect(srv.url, meeting.tokens.member1);
    const base = await settle([chair, member2, member1], srv.server);
    const fromNow = collectEvents(chair);
    const raw = member1.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    await expectNothingChanged(srv, meeting, async () => {
      raw.emit("command", { type: "queue.request" }); // valid command, no ack: not executed
      raw.emit("command", { type: "queue.request" }, 42); // "ack" that is not a function
      raw.emit("command", { type: "queue.request" }, "callback");
      raw.emit("command");
      raw.emit("command", null, null);
      raw.emit("time.sync");
      raw.emit("time.sync", "now please");
      raw.emit("sync.request", { lastSeq: 0 });
      raw.emit("sync.request", { lastSeq: "garbage" }, { not: "a function" });
      raw.emit("no.such.event", { type: "queue.request" }, () => undefined);
      raw.emit("command", Buffer.from([1, 2, 3]));
      // The socket is still alive and in order: this ack comes after all of the above.
      expect(await member1.socket.timeout(5_000).emitWithAck("time.sync")).toMatchObject({ serverTime: expect.any(Number) });
      expectRefusal(await send(member1, Buffer.from('{"type":"queue.request"}')), "VALIDATION");
    });
    expect(await send(member1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    await chair.waitForSeq(base + 1);
    expect(fromNow.events().map((e) => e.seq)).toEqual([base + 1]);
    expect(srv.logs).toEqual([]);
  });

  it("drops a raw connection that sends malformed socket.io packets; the server keeps serving", async () => {
    // member1 is already in (present) over a normal connection, so the raw connections of the
    // same person change nothing in the attendance record either.
    const member1 = await h.connect(srv.url, meeting.tokens.member1);
    const base = await settle([chair, member2, member1], srv.server);
    const wsUrl = `ws://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=websocket`;
    const frames = ['42["command",{"type":', "4garbage", '42{"not":"an array"}', "99", "\u0000\u0001"];
    for (const frame of frames) {
      const ws = new WebSocket(wsUrl);
      h.onCleanup(() => ws.terminate());
      const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
      const opened = new Promise<string>((resolve) => ws.once("message", (data) => resolve(String(data))));
      expect(await opened).toMatch(/^0\{/); // engine.io open packet
      ws.send(`40${JSON.stringify({ token: meeting.tokens.member1 })}`);
      await new Promise<void>((resolve) => ws.on("message", (data) => String(data).startsWith("40") && resolve()));
      ws.send(frame);
      await closed;
    }
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(3));
    await sleep(300); // beyond the presence batch of the last raw connection
    expect(await send(member2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    await chair.waitForSeq(base + 1);
    expect((await persisted(srv.server, meeting.meetingId)).events.slice(base).map((e) => e.event.type)).toEqual(["queue.requested"]);
    expect(srv.logs).toEqual([]);
  });

  it("a raw client that sends a command with a numeric ack id but junk arguments gets a VALIDATION ack", async () => {
    const member1 = await h.connect(srv.url, meeting.tokens.member1); // present already, see above
    const base = await settle([chair, member2, member1], srv.server);
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=websocket`);
    h.onCleanup(() => ws.terminate());
    const messages: string[] = [];
    const next = (prefix: string) =>
      new Promise<string>((resolve) => {
        const check = () => {
          const i = messages.findIndex((m) => m.startsWith(prefix));
          if (i >= 0) resolve(messages.splice(i, 1)[0]!);
          else setTimeout(check, 5);
        };
        check();
      });
    ws.on("message", (data) => messages.push(String(data)));
    await next("0{");
    ws.send(`40${JSON.stringify({ token: meeting.tokens.member1 })}`);
    await next("40");
    await expectNothingChanged(srv, meeting, async () => {
      ws.send(`427["command",{"type":"queue.request","__proto__":{"admin":true}}]`);
      const answer = JSON.parse((await next("437")).slice(3));
      expect(answer).toMatchObject([{ ok: false, error: { code: "VALIDATION" } }]);
    });
    ws.send(`428["command",{"type":"queue.request"}]`);
    expect(JSON.parse((await next("438")).slice(3))).toEqual([{ ok: true, seq: base + 1 }]);
  });
});

describe("transport", () => {
  it("speaks WebSocket only (no long-polling) and answers the health check", async () => {
    const srv = await h.startServer();
    const polling = await fetch(`${srv.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
    await polling.body?.cancel();
    const health = await fetch(`${srv.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
  });
});

describe("time.sync", () => {
  it("returns the server's clock, close to Date.now()", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server);
    const client = await h.connect(srv.url, meeting.tokens.observer);
    const before = Date.now();
    const { serverTime } = await client.socket.timeout(5_000).emitWithAck("time.sync");
    expect(serverTime).toBeGreaterThanOrEqual(before);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
  });

  it("returns the injected clock (one hour ahead), and stamps events with it", async () => {
    const HOUR = 3_600_000;
    const start = Date.now();
    const srv = await h.startServer({ now: () => Date.now() + HOUR });
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const client = await h.connect(srv.url, meeting.tokens.member1);
    const base = await settle([client], srv.server);
    const before = Date.now();
    const { serverTime } = await client.socket.timeout(5_000).emitWithAck("time.sync");
    const after = Date.now();
    expect(serverTime).toBeGreaterThanOrEqual(before + HOUR);
    expect(serverTime).toBeLessThanOrEqual(after + HOUR);

    expect(await send(client, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    const events = (await persisted(srv.server, meeting.meetingId)).events;
    const stored = events.at(-1)!;
    expect(stored.seq).toBe(base + 1);
    expect(stored.at).toBeGreaterThanOrEqual(before + HOUR);
    expect(stored.event).toMatchObject({ type: "queue.requested", at: stored.at });
    // Every event is stamped with the server's clock, the server's own (sync, opening, presence) too.
    for (const e of events) expect(e.at).toBeGreaterThanOrEqual(start + HOUR);
    const arrival = events.find((e) => e.event.type === "attendance.arrived")!;
    expect(arrival.event).toMatchObject({ at: arrival.at, participantIds: [meeting.people.member1.id] });
    expect(client.state.attendance[meeting.people.member1.id]).toEqual({ status: "present", via: "online", since: arrival.at });
  });
});
