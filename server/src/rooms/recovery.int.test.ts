// Recovery end to end: clients that miss events and come back, a server restarted on the same
// SQLite file, and a server process killed with SIGKILL. Real server, real file, real clients.
import { afterEach, describe, expect, it } from "vitest";
import type { StoredEvent } from "../core/meeting.ts";
import type { Ack } from "../core/protocol.ts";
import type { MeetingState } from "../core/state.ts";
import {
  disconnected,
  Harness,
  persisted,
  send,
  type TestClient,
  type TestMeeting,
  type TestServer,
} from "../testing/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** A realistic stretch of meeting: queue, reordering, two speeches, a cap change. Ends at seq 9. */
async function runMeeting(meeting: TestMeeting, chair: TestClient, m1: TestClient, m2: TestClient): Promise<number> {
  const acks: Ack[] = [];
  acks.push(await send(m1, { type: "queue.request" }));
  acks.push(await send(m2, { type: "queue.request" }));
  acks.push(await send(chair, { type: "queue.move", participantId: meeting.people.member2.id, toIndex: 0 }));
  acks.push(await send(chair, { type: "floor.setCap", seconds: 180 }));
  acks.push(await send(chair, { type: "floor.give" })); // m2 speaks
  acks.push(await send(m2, { type: "floor.end" }));
  acks.push(await send(chair, { type: "floor.give" })); // m1 speaks
  acks.push(await send(m2, { type: "queue.request" })); // and m2 waits again
  expect(acks.map((a) => a.ok && a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  return 8;
}

function expectMidMeetingState(state: MeetingState, meeting: TestMeeting): void {
  expect(state.seq).toBe(8);
  expect(state.speechCapMs).toBe(180_000);
  expect(state.floor).toMatchObject({ participantId: meeting.people.member1.id, capMs: 180_000 });
  expect(state.queue.map((q) => q.participantId)).toEqual([meeting.people.member2.id]);
  expect(state.speeches.map((s) => [s.participantId, s.endedBy])).toEqual([[meeting.people.member2.id, meeting.people.member2.id]]);
}

async function startWithThree(): Promise<{ srv: TestServer; meeting: TestMeeting; chair: TestClient; m1: TestClient; m2: TestClient }> {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server);
  const [chair, m1, m2] = await Promise.all([
    h.connect(srv.url, meeting.tokens.chair),
    h.connect(srv.url, meeting.tokens.member1),
    h.connect(srv.url, meeting.tokens.member2),
  ]);
  return { srv, meeting, chair, m1, m2 };
}

describe("reconnecting after missing events", () => {
  it("a member who comes back with lastSeq receives exactly the missed events and ends in the same state", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: 1 });
    expect(await send(m2, { type: "queue.request" })).toEqual({ ok: true, seq: 2 });
    await m2.waitForSeq(2);
    const lastSeq = m2.state.seq;
    m2.close();

    // The others carry on while m2 is away.
    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: 3 });
    expect(await send(chair, { type: "floor.setCap", seconds: 240 })).toEqual({ ok: true, seq: 4 });
    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: 6 }); // m1 ends, m2 starts
    await chair.waitForSeq(6);

    const back = await h.connect(srv.url, meeting.tokens.member2, { resumeFrom: m2.state });
    expect(back.socket.auth).toEqual({ token: meeting.tokens.member2, lastSeq: 2 });
    expect(back.firstSync.kind).toBe("events");
    const missed = back.firstSync.kind === "events" ? back.firstSync.events : [];
    expect(missed.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(missed).toEqual((await persisted(srv.server, meeting.meetingId)).events.slice(lastSeq));
    expect(missed).toEqual(chair.broadcasts.flat().slice(lastSeq));

    // Applying the missed events to the state it had gives the state everyone else has.
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(chair.state);
    expect(back.state).toEqual((await srv.server.rooms.get(meeting.meetingId)).current);
    expect(back.state.floor?.participantId).toBe(meeting.people.member2.id);

    // And it is live again afterwards.
    expect(await send(back, { type: "floor.end" })).toEqual({ ok: true, seq: 7 });
    await chair.waitForSeq(7);
    expect(back.broadcasts.flat().map((e) => e.seq)).toEqual([7]);
  });

  it("a client without lastSeq gets a snapshot of the current state", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    await runMeeting(meeting, chair, m1, m2);
    const late = await h.connect(srv.url, meeting.tokens.observer);
    expect(late.firstSync.kind).toBe("snapshot");
    expectMidMeetingState(late.state, meeting);
    expect(late.state).toEqual((await persisted(srv.server, meeting.meetingId)).state);
  });

  it("answers lastSeq = current with no events, and an unusable lastSeq with a snapshot", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    await runMeeting(meeting, chair, m1, m2);
    const current = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: 8 });
    expect(current.firstSync).toEqual({ kind: "events", events: [] });
    const fromZero = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: 0 });
    expect(fromZero.firstSync.kind).toBe("events");
    expect(fromZero.state).toEqual(chair.state);

    // From the future (e.g. a database reset), negative, fractional or not a number: snapshot.
    for (const lastSeq of [9, 1_000, -1, 2.5, "3", null]) {
      const client = await h.connect(srv.url, meeting.tokens.clerk, { auth: { token: meeting.tokens.clerk, lastSeq } });
      expect({ lastSeq, kind: client.firstSync.kind }).toEqual({ lastSeq, kind: "snapshot" });
      expectMidMeetingState(client.state, meeting);
      client.close();
    }
  });

  it("sends a snapshot instead of events when more than 500 were missed", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server);
    const room = await srv.server.rooms.get(meeting.meetingId);
    const actor = { participantId: meeting.people.member1.id, role: "member" as const };
    // Through the room actor itself (the rate limit would make 500 socket commands slow).
    for (let i = 0; i < 502; i++) {
      const result = await room.submit(actor, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" });
      expect(result.ok).toBe(true);
    }
    const justWithin = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: 2 });
    expect(justWithin.firstSync.kind).toBe("events");
    expect(justWithin.firstSync.kind === "events" && justWithin.firstSync.events.map((e) => e.seq)).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 3),
    );
    const tooFar = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: 1 });
    expect(tooFar.firstSync).toMatchObject({ kind: "snapshot", state: { seq: 502, queue: [] } });
  });

  it("a browser-like client whose connection drops resumes by itself from its own lastSeq", async () => {
    const { srv, meeting, chair, m1 } = await startWithThree();
    const browser = await h.connect(srv.url, meeting.tokens.member2, { resume: true });
    expect(browser.firstSync.kind).toBe("snapshot");
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: 1 });
    await browser.waitForSeq(1);

    // The network drops (server side closes the transport, not a deliberate kick).
    const serverSide = srv.server.io.of("/").sockets.get(browser.socket.id!)!;
    expect(serverSide.data.participant.id).toBe(meeting.people.member2.id);
    const gone = disconnected(browser.socket);
    serverSide.conn.close();
    expect(await gone).toBe("transport close");

    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: 2 });
    expect(await send(m1, { type: "floor.end" })).toEqual({ ok: true, seq: 3 });
    expect(browser.broadcasts.flat().map((e) => e.seq)).toEqual([1]);

    browser.socket.connect(); // the auth callback supplies lastSeq = 1
    await browser.waitForSeq(3);
    expect(browser.syncs.at(-1)).toMatchObject({ kind: "events", events: [{ seq: 2 }, { seq: 3 }] });
    expect(browser.problems).toEqual([]);
    expect(browser.state).toEqual(chair.state);
  });

  it("sync.request fills a gap on a live connection", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    await runMeeting(meeting, chair, m1, m2);
    const ack = await m2.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: 5 });
    expect(ack).toEqual({ ok: true, sync: { kind: "events", events: (await persisted(srv.server, meeting.meetingId)).events.slice(5) } });
    expect(await m2.socket.timeout(5_000).emitWithAck("sync.request", {})).toMatchObject({ ok: true, sync: { kind: "snapshot", state: { seq: 8 } } });
  });
});

describe("restart recovery", () => {
  it("a server restarted on the same data folder rebuilds exactly the state it had, and carries on", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    await runMeeting(meeting, chair, m1, m2);
    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(8)));
    const stateBefore = (await srv.server.rooms.get(meeting.meetingId)).current;
    const eventsBefore = (await persisted(srv.server, meeting.meetingId)).events;
    expect(chair.state).toEqual(stateBefore);
    const m2Gone = disconnected(m2.socket);
    await srv.close();
    expect(await m2Gone).toBe("transport close"); // not a kick: browsers reconnect by themselves

    const again = await h.startServer({ dataDir: srv.dataDir });
    expect(again.config.databaseFile).toBe(srv.config.databaseFile);
    const chairAgain = await h.connect(again.url, meeting.tokens.chair);
    expect(chairAgain.firstSync.kind).toBe("snapshot");
    expect(chairAgain.state).toEqual(stateBefore);
    expectMidMeetingState(chairAgain.state, meeting);
    expect((await persisted(again.server, meeting.meetingId)).events).toEqual(eventsBefore);

    // The old tokens still work (same secret), a client resumes by lastSeq, and seqs continue.
    const m2Again = await h.connect(again.url, meeting.tokens.member2, { resumeFrom: m2.state });
    expect(m2Again.firstSync).toEqual({ kind: "events", events: [] });
    expect(await send(chairAgain, { type: "floor.give" })).toEqual({ ok: true, seq: 10 });
    await m2Again.waitForSeq(10);
    expect(m2Again.state.floor?.participantId).toBe(meeting.people.member2.id);
    expect(m2Again.state).toEqual((await persisted(again.server, meeting.meetingId)).state);
    expect(again.logs).toEqual([]);
  });

  it("join links survive a restart when the token secret is generated and kept in the data folder", async () => {
    const first = await h.startServer({ secret: "" }); // no YST_TOKEN_SECRET: generate one
    expect(first.config.tokenSecret).toBeUndefined();
    const meeting = await h.createMeeting(first.server);
    const member = await h.connect(first.url, meeting.tokens.member1);
    expect(await send(member, { type: "queue.request" })).toEqual({ ok: true, seq: 1 });
    await first.close();

    const again = await h.startServer({ dataDir: first.dataDir, secret: "" });
    const back = await h.connect(again.url, meeting.tokens.member1, { resumeFrom: member.state });
    expect(back.firstSync).toEqual({ kind: "events", events: [] });
    expect(back.state.queue.map((q) => q.participantId)).toEqual([meeting.people.member1.id]);
    await again.close();

    // A configured secret that differs from the one the links were signed with rejects them.
    const rotated = await h.startServer({ dataDir: first.dataDir, secret: "rotated-secret" });
    expect((await h.connectRefused(rotated.url, { token: meeting.tokens.member1 })).code).toBe("TOKEN_INVALID");
  });

  it("does not drop commands and clock requests a client sends the moment it connects to a fresh server", async () => {
    // First connection to a meeting after a (re)start: the room is opened by replaying its log
    // while the client is already connected. The browser asks for the time as soon as it is
    // connected, and socket.io-client flushes anything queued while offline at that moment.
    const first = await startWithThree();
    await runMeeting(first.meeting, first.chair, first.m1, first.m2);
    await first.srv.close();
    const srv = await h.startServer({ dataDir: first.srv.dataDir });
    const socket = h.socket(srv.url, { token: first.meeting.tokens.member1 });
    const [time, ack] = await Promise.all([
      socket.timeout(3_000).emitWithAck("time.sync"),
      socket.timeout(3_000).emitWithAck("command", { type: "floor.end" }),
    ]);
    expect(time.serverTime).toBeGreaterThan(0);
    expect(ack).toEqual({ ok: true, seq: 9 });
  });
});

describe("kill -9", () => {
  /** Creates the meeting with the in-process server, then frees the file for a child process. */
  async function prepare(): Promise<{ dataDir: string; meeting: TestMeeting }> {
    const prep = await h.startServer({ listen: false });
    const meeting = await h.createMeeting(prep.server);
    await prep.close();
    return { dataDir: prep.dataDir, meeting };
  }

  it("every acknowledged command survives SIGKILL of the server process", async () => {
    const { dataDir, meeting } = await prepare();
    const proc = await h.spawnServer(dataDir);
    expect(proc.output()).toContain(`listening on 127.0.0.1:${proc.port}`);
    const [chair, m1, m2] = await Promise.all([
      h.connect(proc.url, meeting.tokens.chair),
      h.connect(proc.url, meeting.tokens.member1),
      h.connect(proc.url, meeting.tokens.member2),
    ]);
    await runMeeting(meeting, chair, m1, m2);
    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(8)));
    const stateBefore = chair.state;
    expect(m1.state).toEqual(stateBefore);

    const gone = disconnected(chair.socket);
    expect(await proc.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await gone;

    const after = await h.startServer({ dataDir });
    const { events, state } = await persisted(after.server, meeting.meetingId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(state).toEqual(stateBefore);
    const observer = await h.connect(after.url, meeting.tokens.observer);
    expect(observer.state).toEqual(stateBefore);
    const m1Again = await h.connect(after.url, meeting.tokens.member1, { resumeFrom: m1.state });
    expect(m1Again.firstSync).toEqual({ kind: "events", events: [] });
    expect(await send(m1Again, { type: "floor.end" })).toEqual({ ok: true, seq: 9 });
    await m1Again.waitForSeq(9);
    expect(m1Again.state).toEqual((await persisted(after.server, meeting.meetingId)).state);
  });

  it("a SIGKILL in the middle of a burst leaves a gap-free log holding every acknowledged event", async () => {
    const { dataDir, meeting } = await prepare();
    const proc = await h.spawnServer(dataDir);
    const [chair, m1, m2] = await Promise.all([
      h.connect(proc.url, meeting.tokens.chair),
      h.connect(proc.url, meeting.tokens.member1),
      h.connect(proc.url, meeting.tokens.member2),
    ]);
    // 3 × 15 commands that all succeed whatever the interleaving: cap changes, request/withdraw.
    const pending: Promise<Ack | Error>[] = [];
    for (let i = 0; i < 15; i++) {
      pending.push(send(chair, { type: "floor.setCap", seconds: 30 + i }).catch((e: Error) => e));
      pending.push(send(m1, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" }).catch((e: Error) => e));
      pending.push(send(m2, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" }).catch((e: Error) => e));
    }
    await chair.waitForSeq(3);
    await proc.kill("SIGKILL");
    const acks = await Promise.all(pending);
    const ackedSeqs = acks.flatMap((a) => (!(a instanceof Error) && a.ok ? [a.seq] : []));
    expect(acks.filter((a) => !(a instanceof Error) && !a.ok)).toEqual([]);
    expect(ackedSeqs.length).toBeGreaterThanOrEqual(1);

    const after = await h.startServer({ dataDir });
    const { events, state } = await persisted(after.server, meeting.meetingId);
    const n = events.length;
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(Math.max(...ackedSeqs)).toBeLessThanOrEqual(n);
    // Whatever a client saw before the kill is a prefix of what survived.
    for (const c of [chair, m1, m2]) {
      const seen: StoredEvent[] = c.broadcasts.flat();
      expect(events.slice(0, seen.length)).toEqual(seen);
    }
    const observer = await h.connect(after.url, meeting.tokens.observer);
    expect(observer.state).toEqual(state);
    expect(state.seq).toBe(n);
  });

  it("the server process shuts down cleanly on SIGTERM", async () => {
    const { dataDir, meeting } = await prepare();
    const proc = await h.spawnServer(dataDir);
    const member = await h.connect(proc.url, meeting.tokens.member1);
    expect(await send(member, { type: "queue.request" })).toEqual({ ok: true, seq: 1 });
    const gone = disconnected(member.socket);
    expect(await proc.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(await gone).toBe("transport close");
    expect(proc.output()).toContain("Received SIGTERM, shutting down");
  });
});
