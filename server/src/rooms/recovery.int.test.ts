// Recovery end to end: clients that miss events and come back, a server restarted on the same
// SQLite file, and a server process killed with SIGKILL. Real server, real file, real clients.
import { afterEach, describe, expect, it } from "vitest";
import { syncFor } from "../../../core/audience.ts";
import { expandState } from "../../../core/compactState.ts";
import { replay as replayFrom_, type StoredEvent } from "../../../core/meeting.ts";
import type { Ack } from "../../../core/protocol.ts";
import type { MeetingState } from "../../../core/state.ts";
import {
  disconnected,
  Harness,
  openMeeting,
  persisted,
  received,
  send,
  settle,
  sleep,
  threeConnected,
  type TestClient,
  type TestMeeting,
} from "../../../testing/server/harness.ts";

const h = new Harness();
const replayFrom = (state: MeetingState, events: readonly StoredEvent[]): MeetingState => replayFrom_(events, state);
afterEach(() => h.cleanup());

/**
 * A realistic stretch of meeting: queue, reordering, two speeches, a cap change — eight events
 * after the meeting was opened and everyone connected is present. Resolves with the seq it ends at.
 */
async function runMeeting(meeting: TestMeeting, chair: TestClient, m1: TestClient, m2: TestClient): Promise<number> {
  const base = await settle([chair, m1, m2]);
  expect(chair.state.status).toBe("open");
  const acks: Ack[] = [];
  acks.push(await send(m1, { type: "queue.request" }));
  acks.push(await send(m2, { type: "queue.request" }));
  acks.push(await send(chair, { type: "queue.move", participantId: meeting.people.member2.id, toIndex: 0 }));
  acks.push(await send(chair, { type: "floor.setCap", seconds: 180 }));
  acks.push(await send(chair, { type: "floor.give" })); // m2 speaks
  acks.push(await send(m2, { type: "floor.end" }));
  acks.push(await send(chair, { type: "floor.give" })); // m1 speaks
  acks.push(await send(m2, { type: "queue.request" })); // and m2 waits again
  expect(acks.map((a) => a.ok && a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => base + n));
  return base + 8;
}

function expectMidMeetingState(state: MeetingState, meeting: TestMeeting, seq: number): void {
  expect(state.seq).toBe(seq);
  expect(state.status).toBe("open");
  expect(state.speechCaps.impromptu).toBe(180_000);
  expect(state.floor).toMatchObject({ participantId: meeting.people.member1.id, capMs: 180_000 });
  expect(state.queue.map((q) => q.participantId)).toEqual([meeting.people.member2.id]);
  expect(state.speeches.map((s) => [s.participantId, s.endedBy])).toEqual([[meeting.people.member2.id, meeting.people.member2.id]]);
  for (const p of [meeting.people.chair, meeting.people.member1, meeting.people.member2]) {
    expect(state.attendance[p.id]).toMatchObject({ status: "present", via: "online" });
  }
}

const startWithThree = () => threeConnected(h);

describe("reconnecting after missing events", () => {
  it("a member who comes back with lastSeq receives exactly the missed events and ends in the same state", async () => {
    const { srv, meeting, chair, m1, m2, base } = await startWithThree();
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    expect(await send(m2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 2 });
    await m2.waitForSeq(base + 2);
    const lastSeq = m2.state.seq;
    m2.close();

    // The others carry on while m2 is away (within the grace period: m2 stays present).
    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: base + 3 });
    expect(await send(chair, { type: "floor.setCap", seconds: 240 })).toEqual({ ok: true, seq: base + 4 });
    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: base + 6 }); // m1 ends, m2 starts
    await chair.waitForSeq(base + 6);

    const back = await h.connect(srv.url, meeting.tokens.member2, { resumeFrom: m2.state });
    expect(back.socket.auth).toEqual({ token: meeting.tokens.member2, lastSeq: base + 2 });
    expect(back.firstSync.kind).toBe("events");
    const missed = back.firstSync.kind === "events" ? back.firstSync.events : [];
    expect(missed.map((e) => e.seq)).toEqual([3, 4, 5, 6].map((n) => base + n));
    expect(missed).toEqual((await persisted(srv.server, meeting.meetingId)).events.slice(lastSeq));
    expect(missed).toEqual(chair.broadcasts.flat().filter((e) => e.seq > lastSeq));

    // Applying the missed events to the state it had gives the state everyone else has.
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(chair.state);
    expect(back.state).toEqual((await srv.server.rooms.get(meeting.meetingId)).current);
    expect(back.state.floor?.participantId).toBe(meeting.people.member2.id);

    // And it is live again afterwards; coming back within the grace period changed no attendance.
    expect(await send(back, { type: "floor.end" })).toEqual({ ok: true, seq: base + 7 });
    await chair.waitForSeq(base + 7);
    await sleep(300); // beyond the presence batch of the reconnect
    expect(back.broadcasts.flat().map((e) => e.seq)).toEqual([base + 7]);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(base + 7);
  });

  it("a client without lastSeq gets a snapshot of the current state", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    const end = await runMeeting(meeting, chair, m1, m2);
    await chair.waitForSeq(end);
    const before = (await persisted(srv.server, meeting.meetingId)).state;
    const late = await h.connect(srv.url, meeting.tokens.observer);
    // A member's, an official's or an observer's snapshot is compact (core/compactState.ts).
    expect(late.firstSync).toEqual(syncFor({ kind: "snapshot", state: before }, "attendee", before));
    expectMidMeetingState(before, meeting, end);
    // The late arrival is then marked present, like everyone else.
    await settle([chair, late], srv.server);
    expect(received(late.state, "attendee")).toEqual(received((await persisted(srv.server, meeting.meetingId)).state, "attendee"));
    expect(late.state.attendance[meeting.people.observer.id]).toMatchObject({ status: "present", via: "online" });
  });

  it("answers lastSeq = current with no events, and an unusable lastSeq with a snapshot", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    // The observer and the clerk are in already, so their connections below change nothing.
    const present = await Promise.all([h.connect(srv.url, meeting.tokens.observer), h.connect(srv.url, meeting.tokens.clerk)]);
    await settle([chair, m1, m2, ...present], srv.server);
    const end = await runMeeting(meeting, chair, m1, m2);
    await chair.waitForSeq(end);
    const current = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: end });
    expect(current.firstSync).toEqual({ kind: "events", events: [] });
    const fromZero = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: 0 });
    expect(fromZero.firstSync.kind).toBe("events");
    expect(fromZero.firstSync.kind === "events" && fromZero.firstSync.events.map((e) => e.seq)).toEqual(Array.from({ length: end }, (_, i) => i + 1));
    expect(fromZero.state).toEqual(chair.state);

    // From the future (e.g. a database reset), negative, fractional or not a number: snapshot.
    for (const lastSeq of [end + 1, 1_000, -1, 2.5, "3", null]) {
      const client = await h.connect(srv.url, meeting.tokens.clerk, { auth: { token: meeting.tokens.clerk, lastSeq } });
      expect({ lastSeq, kind: client.firstSync.kind }).toEqual({ lastSeq, kind: "snapshot" });
      expectMidMeetingState(client.state, meeting, end);
      client.close();
    }
    await sleep(300); // beyond the presence batches of these connections
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(end);
  });

  it("sends a snapshot instead of events when more than 500 were missed", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    // The observer has been in before (present), so reconnecting changes nothing.
    const earlier = await h.connect(srv.url, meeting.tokens.observer);
    const base = await settle([earlier], srv.server);
    earlier.close();
    const room = await srv.server.rooms.get(meeting.meetingId);
    const actor = { participantId: meeting.people.member1.id, role: "member" as const };
    // Through the room actor itself (the rate limit would make 500 socket commands slow).
    for (let i = 0; i < 502; i++) {
      const result = await room.submit(actor, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" });
      expect(result.ok).toBe(true);
    }
    const end = base + 502;
    const justWithin = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: end - 500 });
    expect(justWithin.firstSync.kind).toBe("events");
    expect(justWithin.firstSync.kind === "events" && justWithin.firstSync.events.map((e) => e.seq)).toEqual(
      Array.from({ length: 500 }, (_, i) => end - 500 + i + 1),
    );
    const tooFar = await h.connect(srv.url, meeting.tokens.observer, { lastSeq: end - 501 });
    expect(tooFar.firstSync).toMatchObject({ kind: "compact", state: { seq: end, queue: [] } });
    expect(tooFar.firstSync).toEqual(syncFor({ kind: "snapshot", state: room.current }, "attendee", room.current));
  });

  it("a browser-like client whose connection drops resumes by itself from its own lastSeq", async () => {
    const { srv, meeting, chair, m1, base } = await startWithThree();
    const browser = await h.connect(srv.url, meeting.tokens.member2, { resume: true }); // member2's second screen
    expect(browser.firstSync.kind).toBe("compact");
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    await browser.waitForSeq(base + 1);

    // The network drops (server side closes the transport, not a deliberate kick).
    const serverSide = srv.server.io.of("/").sockets.get(browser.socket.id!)!;
    expect(serverSide.data.me.id).toBe(meeting.people.member2.id);
    const gone = disconnected(browser.socket);
    serverSide.conn.close();
    expect(await gone).toBe("transport close");

    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: base + 2 });
    expect(await send(m1, { type: "floor.end" })).toEqual({ ok: true, seq: base + 3 });
    expect(browser.broadcasts.flat().map((e) => e.seq)).toEqual([base + 1]);

    browser.socket.connect(); // the auth callback supplies lastSeq = base + 1
    await browser.waitForSeq(base + 3);
    expect(browser.syncs.at(-1)).toMatchObject({ kind: "events", events: [{ seq: base + 2 }, { seq: base + 3 }] });
    expect(browser.problems).toEqual([]);
    expect(received(browser.state, "attendee")).toEqual(received(chair.state, "attendee"));
  });

  it("sync.request fills a gap on a live connection", async () => {
    const { srv, meeting, chair, m1, m2, base } = await startWithThree();
    const end = await runMeeting(meeting, chair, m1, m2);
    const ack = await m2.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: base + 5 });
    const events = (await persisted(srv.server, meeting.meetingId)).events;
    expect(ack).toEqual({ ok: true, sync: { kind: "events", events: events.slice(base + 5) } });
    expect(events.slice(base + 5).map((e) => e.seq)).toEqual([base + 6, base + 7, base + 8]);
    expect(await m2.socket.timeout(5_000).emitWithAck("sync.request", {})).toMatchObject({ ok: true, sync: { kind: "compact", state: { seq: end } } });
  });
});

describe("restart recovery", () => {
  it("a server restarted on the same data folder rebuilds exactly the state it had, and carries on", async () => {
    const { srv, meeting, chair, m1, m2 } = await startWithThree();
    const end = await runMeeting(meeting, chair, m1, m2);
    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(end)));
    const stateBefore = (await srv.server.rooms.get(meeting.meetingId)).current;
    const eventsBefore = (await persisted(srv.server, meeting.meetingId)).events;
    expect(chair.state).toEqual(stateBefore);
    const m2Gone = disconnected(m2.socket);
    await srv.close();
    expect(await m2Gone).toBe("transport close"); // not a kick: browsers reconnect by themselves

    const again = await h.startServer({ dataDir: srv.dataDir });
    expect(again.config.database).toEqual(srv.config.database);
    const chairAgain = await h.connect(again.url, meeting.tokens.chair);
    expect(chairAgain.firstSync.kind).toBe("snapshot");
    expect(chairAgain.state).toEqual(stateBefore);
    expectMidMeetingState(chairAgain.state, meeting, end);
    // Reopening the room synced the configuration: unchanged, so nothing was added to the log.
    expect((await persisted(again.server, meeting.meetingId)).events).toEqual(eventsBefore);

    // The old tokens still work (same secret), a client resumes by lastSeq, and seqs continue.
    const m2Again = await h.connect(again.url, meeting.tokens.member2, { resumeFrom: m2.state });
    expect(m2Again.firstSync).toEqual({ kind: "events", events: [] });
    expect(await send(chairAgain, { type: "floor.give" })).toEqual({ ok: true, seq: end + 2 });
    await m2Again.waitForSeq(end + 2);
    expect(m2Again.state.floor?.participantId).toBe(meeting.people.member2.id);
    expect(m2Again.state).toEqual((await persisted(again.server, meeting.meetingId)).state);
    // The attendance record survived the restart; those who came back were present already.
    await sleep(300); // beyond the presence batch of the reconnects
    const { events: after, state } = await persisted(again.server, meeting.meetingId);
    expect(after.map((e) => e.event.type).slice(eventsBefore.length)).toEqual(["speech.ended", "speech.started"]);
    expect(state.attendance).toEqual(stateBefore.attendance);
    expect(again.logs).toEqual([]);
    expect(srv.logs).toEqual([]);
  });

  it("join links survive a restart when the token secret is generated and kept in the data folder", async () => {
    const first = await h.startServer({ secret: "" }); // no YST_TOKEN_SECRET: generate one
    expect(first.config.tokenSecret).toBeUndefined();
    const meeting = await h.createMeeting(first.server, undefined, { open: true });
    const member = await h.connect(first.url, meeting.tokens.member1);
    const base = await settle([member], first.server);
    expect(await send(member, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    await member.waitForSeq(base + 1);
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
    const end = await runMeeting(first.meeting, first.chair, first.m1, first.m2);
    await first.srv.close();
    const srv = await h.startServer({ dataDir: first.srv.dataDir });
    const socket = h.socket(srv.url, { token: first.meeting.tokens.member1 });
    const [time, ack] = await Promise.all([
      socket.timeout(3_000).emitWithAck("time.sync"),
      socket.timeout(3_000).emitWithAck("command", { type: "floor.end" }),
    ]);
    expect(time.serverTime).toBeGreaterThan(0);
    expect(ack).toEqual({ ok: true, seq: end + 1 });
  });
});

describe("kill -9", () => {
  /** Creates and opens the meeting with the in-process server, then frees the file for a child process. */
  async function prepare(): Promise<{ dataDir: string; meeting: TestMeeting }> {
    const prep = await h.startServer({ listen: false });
    const meeting = await h.createMeeting(prep.server);
    expect(await openMeeting(prep.server, meeting)).toBe(2); // roster.set, meeting.opened
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
    const end = await runMeeting(meeting, chair, m1, m2);
    await Promise.all([chair, m1, m2].map((c) => c.waitForSeq(end)));
    const stateBefore = chair.state;
    expect(m1.state).toEqual(stateBefore);
    expectMidMeetingState(stateBefore, meeting, end);

    const gone = disconnected(chair.socket);
    expect(await proc.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await gone;

    const after = await h.startServer({ dataDir });
    const { events, state } = await persisted(after.server, meeting.meetingId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: end }, (_, i) => i + 1));
    expect(state).toEqual(stateBefore);
    const observer = await h.connect(after.url, meeting.tokens.observer);
    expect(observer.firstSync).toEqual(syncFor({ kind: "snapshot", state: stateBefore }, "attendee", stateBefore));
    const m1Again = await h.connect(after.url, meeting.tokens.member1, { resumeFrom: m1.state });
    expect(m1Again.firstSync).toEqual({ kind: "events", events: [] });
    const now = await settle([observer, m1Again], after.server); // the observer arrives; member1 was present
    expect(now).toBe(end + 1);
    expect(await send(m1Again, { type: "floor.end" })).toEqual({ ok: true, seq: end + 2 });
    await m1Again.waitForSeq(end + 2);
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
    const base = await settle([chair, m1, m2]);
    // 3 × 15 commands that all succeed whatever the interleaving: cap changes, request/withdraw.
    const pending: Promise<Ack | Error>[] = [];
    for (let i = 0; i < 15; i++) {
      pending.push(send(chair, { type: "floor.setCap", seconds: 30 + i }).catch((e: Error) => e));
      pending.push(send(m1, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" }).catch((e: Error) => e));
      pending.push(send(m2, { type: i % 2 === 0 ? "queue.request" : "queue.withdraw" }).catch((e: Error) => e));
    }
    await chair.waitForSeq(base + 3);
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
    expect(events.slice(base).every((e) => e.actorId !== "system")).toBe(true); // presence had settled
    // Whatever a client saw before the kill is a prefix of what survived.
    for (const c of [chair, m1, m2]) {
      const first = c.firstSync;
      const snapshot = first.kind === "snapshot" ? first.state : first.kind === "compact" ? expandState(first.state, c.state.roster) : null;
      expect(snapshot).not.toBeNull();
      const seen: StoredEvent[] = c.broadcasts.flat();
      expect(seen[0]?.seq).toBe(snapshot!.seq + 1);
      expect(events.slice(snapshot!.seq, snapshot!.seq + seen.length)).toEqual(seen);
      expect(replayFrom(snapshot!, events.slice(snapshot!.seq, snapshot!.seq + seen.length))).toEqual(c.state);
    }
    const observer = await h.connect(after.url, meeting.tokens.observer);
    expect(observer.firstSync).toEqual(syncFor({ kind: "snapshot", state }, "attendee", state));
    expect(state.seq).toBe(n);
  });

  it("the server process shuts down cleanly on SIGTERM", async () => {
    const { dataDir, meeting } = await prepare();
    const proc = await h.spawnServer(dataDir);
    const member = await h.connect(proc.url, meeting.tokens.member1);
    const base = await settle([member]);
    expect(await send(member, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    const gone = disconnected(member.socket);
    expect(await proc.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(await gone).toBe("transport close");
    expect(proc.output()).toContain("Received SIGTERM, shutting down");
  });
});
