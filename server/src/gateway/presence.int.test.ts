// Attendance from connections, end to end: real server, real sockets, real SQLite file. A
// participant arrives with their first connection and leaves once their last one has been gone
// for the grace period (YST_PRESENCE_GRACE_SECONDS, short here); arrivals are batched.
import { afterEach, describe, expect, it } from "vitest";
import { attendanceSummary } from "../../../core/attendance/summary.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import {
  collectEvents,
  disconnected,
  eventually,
  Harness,
  persisted,
  received,
  send,
  settle,
  sleep,
  type TestClient,
  type TestServer,
} from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const GRACE_S = 0.3;
const GRACE_MS = GRACE_S * 1000;
/** Comfortably past the grace period and the 200 ms arrival batch. */
const WELL_PAST_GRACE_MS = GRACE_MS + 700;

type Movement = { kind: "arrived" | "left"; ids: string[]; via?: string; at: number; seq: number; actorId: string | null };

/** The attendance movements among some events (in order). */
function movements(events: readonly StoredEvent[]): Movement[] {
  return events.flatMap((e): Movement[] => {
    const { event } = e;
    if (event.type === "attendance.arrived")
      return [{ kind: "arrived", ids: event.participantIds, via: event.via, at: event.at, seq: e.seq, actorId: e.actorId }];
    if (event.type === "attendance.left") return [{ kind: "left", ids: event.participantIds, at: event.at, seq: e.seq, actorId: e.actorId }];
    return [];
  });
}

async function start(graceSeconds = GRACE_S): Promise<{ srv: TestServer; meeting: Awaited<ReturnType<Harness["createMeeting"]>>; chair: TestClient }> {
  const srv = await h.startServer({ presenceGraceSeconds: graceSeconds });
  const meeting = await h.createMeeting(srv.server, undefined, { open: true });
  const chair = await h.connect(srv.url, meeting.tokens.chair);
  await settle([chair], srv.server);
  return { srv, meeting, chair };
}

describe("arrivals", () => {
  it("a participant's first connection marks them present (via online, by the server) for everyone", async () => {
    const { srv, meeting, chair } = await start();
    expect(chair.state.attendance[meeting.people.chair.id]).toMatchObject({ status: "present", via: "online" });
    const fromNow = collectEvents(chair);
    const before = Date.now();

    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    // Not synchronously at connect: the arrival comes in the next batch.
    const first = m1.firstSync.kind === "compact" ? m1.firstSync.state : null;
    expect(first?.attendance.marks[chair.state.roster.findIndex((p) => p.id === meeting.people.member1.id)]).toBe("-"); // no record yet
    const seq = await settle([chair, m1], srv.server);
    const [arrival, ...rest] = movements(fromNow.events());
    expect(rest).toEqual([]);
    expect(arrival).toMatchObject({ kind: "arrived", ids: [meeting.people.member1.id], via: "online", actorId: "system", seq });
    expect(arrival!.at).toBeGreaterThanOrEqual(before);
    for (const c of [chair, m1]) expect(c.state.attendance[meeting.people.member1.id]).toEqual({ status: "present", via: "online", since: arrival!.at });
    const { state } = await persisted(srv.server, meeting.meetingId);
    expect(chair.state).toEqual(state);
    // The member's snapshot was compact (core/compactState.ts): alike once compacted the same way.
    expect(received(m1.state, "attendee")).toEqual(received(state, "attendee"));

    // 应到 2 members, majority quorum: 2 needed. One member present is not quorate; two are.
    expect(attendanceSummary(chair.state)).toEqual({ expected: 2, present: 1, excused: 0, needed: 2, quorate: false });
    const m2 = await h.connect(srv.url, meeting.tokens.member2);
    await settle([chair, m1, m2], srv.server);
    expect(attendanceSummary(chair.state)).toEqual({ expected: 2, present: 2, excused: 0, needed: 2, quorate: true });
    // An observer is recorded too, but is not a member: the summary does not move.
    const observer = await h.connect(srv.url, meeting.tokens.observer);
    await settle([chair, m1, m2, observer], srv.server);
    expect(chair.state.attendance[meeting.people.observer.id]?.status).toBe("present");
    expect(attendanceSummary(chair.state)).toEqual({ expected: 2, present: 2, excused: 0, needed: 2, quorate: true });
    expect(srv.logs).toEqual([]);
  });

  it("a whole meeting joining at once is a few batched events, each person exactly once", async () => {
    const srv = await h.startServer({ presenceGraceSeconds: GRACE_S });
    const roster = [{ name: "主持人", role: "chair" as const }, ...Array.from({ length: 40 }, (_, i) => ({ name: `委员${i + 1}`, role: "member" as const }))];
    const { meeting, participants } = await srv.server.meetings.create("全体会议", roster);
    const tokens = await Promise.all(participants.map((p) => srv.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role })));
    const watcher = await h.connect(srv.url, tokens[0]!);
    const base = await settle([watcher], srv.server);

    const members = await Promise.all(tokens.slice(1).map((t) => h.connect(srv.url, t)));
    await settle([watcher, ...members], srv.server);
    const arrivals = movements((await persisted(srv.server, meeting.id)).events.slice(base));
    expect(arrivals.every((m) => m.kind === "arrived" && m.via === "online" && m.actorId === "system")).toBe(true);
    const ids = arrivals.flatMap((m) => m.ids);
    expect(ids.slice().sort()).toEqual(
      participants
        .slice(1)
        .map((p) => p.id)
        .sort(),
    ); // everyone, once
    expect(arrivals.length).toBeLessThanOrEqual(8); // batched: far fewer events than people
    expect(attendanceSummary(watcher.state)).toMatchObject({ expected: 40, present: 40, quorate: true });
  });

  it("several connections of one person count once; they leave only when the last one is gone", async () => {
    const { srv, meeting, chair } = await start();
    const fromNow = collectEvents(chair);
    const screens = await Promise.all([1, 2, 3].map(() => h.connect(srv.url, meeting.tokens.member1)));
    const base = await settle([chair, ...screens], srv.server);
    expect(movements(fromNow.events()).map((m) => [m.kind, m.ids])).toEqual([["arrived", [meeting.people.member1.id]]]);

    // Two of three screens close: still present, well past the grace period.
    screens[0]!.close();
    screens[1]!.close();
    await sleep(WELL_PAST_GRACE_MS);
    expect(chair.state.seq).toBe(base);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.attendance[meeting.people.member1.id]?.status).toBe("present");

    // The last one closes: after the grace period, and not before, they have left.
    const closedAt = Date.now();
    screens[2]!.close();
    await chair.waitForSeq(base + 1, GRACE_MS + 5_000);
    const [left] = movements(fromNow.events().filter((e) => e.seq > base));
    expect(left).toMatchObject({ kind: "left", ids: [meeting.people.member1.id], actorId: "system", seq: base + 1 });
    expect(left!.at).toBeGreaterThanOrEqual(closedAt + GRACE_MS - 10);
    expect(chair.state.attendance[meeting.people.member1.id]).toEqual({ status: "absent", via: null, since: left!.at });
    expect(srv.logs).toEqual([]);
  });
});

describe("departures", () => {
  it("a reconnect within the grace period produces no departure (and no new arrival)", async () => {
    const { srv, meeting, chair } = await start(1.5);
    const m1 = await h.connect(srv.url, meeting.tokens.member1, { resume: true });
    const base = await settle([chair, m1], srv.server);
    const since = chair.state.attendance[meeting.people.member1.id]!.since;

    // A brief network drop (the server closes the transport), then the browser comes back.
    const gone = disconnected(m1.socket);
    srv.server.io.of("/").sockets.get(m1.socket.id!)!.conn.close();
    expect(await gone).toBe("transport close");
    await sleep(100);
    m1.socket.connect();
    await eventually(() => expect(m1.socket.connected).toBe(true));
    // Also a reload: a fresh connection after the old one is closed.
    m1.close();
    const reloaded = await h.connect(srv.url, meeting.tokens.member1);

    await sleep(1_500 + 700); // past the grace period counted from either disconnect
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(base);
    expect(chair.state.seq).toBe(base);
    expect(chair.state.attendance[meeting.people.member1.id]).toEqual({ status: "present", via: "online", since });
    expect(reloaded.state.attendance[meeting.people.member1.id]).toMatchObject({ status: "present", via: "online" });
    expect(srv.logs).toEqual([]);
  });

  it("someone gone for longer than the grace period is marked absent for everyone; coming back marks them present again", async () => {
    const { srv, meeting, chair } = await start();
    const [m1, m2] = await Promise.all([h.connect(srv.url, meeting.tokens.member1), h.connect(srv.url, meeting.tokens.member2)]);
    const base = await settle([chair, m1, m2], srv.server);
    expect(attendanceSummary(chair.state)).toMatchObject({ present: 2, quorate: true });

    const closedAt = Date.now();
    m1.close();
    await Promise.all([chair.waitForSeq(base + 1), m2.waitForSeq(base + 1)]);
    for (const c of [chair, m2]) {
      const [left] = movements(c.broadcasts.flat().filter((e) => e.seq > base));
      expect(left).toMatchObject({ kind: "left", ids: [meeting.people.member1.id], actorId: "system" });
      expect(left!.at).toBeGreaterThanOrEqual(closedAt + GRACE_MS - 10);
      expect(c.state.attendance[meeting.people.member1.id]?.status).toBe("absent");
    }
    expect(attendanceSummary(chair.state)).toMatchObject({ present: 1, quorate: false });

    const back = await h.connect(srv.url, meeting.tokens.member1);
    const seq = await settle([chair, m2, back], srv.server);
    expect(seq).toBe(base + 2);
    expect(movements(chair.broadcasts.flat().filter((e) => e.seq > base)).map((m) => [m.kind, m.ids])).toEqual([
      ["left", [meeting.people.member1.id]],
      ["arrived", [meeting.people.member1.id]],
    ]);
    expect(attendanceSummary(chair.state)).toMatchObject({ present: 2, quorate: true });
    expect(chair.state).toEqual((await persisted(srv.server, meeting.meetingId)).state);
  });

  it("with no grace period, someone who connects and disconnects at once is never marked present", async () => {
    const { srv, meeting, chair } = await start(0);
    const base = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    await sleep(50); // the server has counted the connection by now
    m1.close(); // well within the 200 ms arrival batch
    await sleep(700);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.attendance[meeting.people.member1.id]?.status ?? "absent").toBe("absent");
    expect(movements((await persisted(srv.server, meeting.meetingId)).events.slice(base)).filter((m) => m.kind === "arrived")).toEqual([]);
    expect(chair.state.seq).toBe((await srv.server.rooms.get(meeting.meetingId)).current.seq);
  });

  it("the room display never appears in attendance, arriving or leaving", async () => {
    const { srv, meeting, chair } = await start();
    const displayToken = await h.displayToken(srv.server, meeting.meetingId);
    const base = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    const displays = await Promise.all([h.connect(srv.url, displayToken), h.connect(srv.url, displayToken)]);
    expect(displays.map((d) => d.welcome.display)).toEqual([true, true]);
    await sleep(WELL_PAST_GRACE_MS);
    displays[0]!.close();
    await sleep(WELL_PAST_GRACE_MS);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(base);

    // It sees the others come and go like everyone else.
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    await settle([chair, m1, displays[1]!], srv.server);
    m1.close();
    await displays[1]!.waitForSeq(base + 2);
    expect(movements(displays[1]!.broadcasts.flat()).map((m) => [m.kind, m.ids])).toEqual([
      ["arrived", [meeting.people.member1.id]],
      ["left", [meeting.people.member1.id]],
    ]);
    displays[1]!.close();
    await sleep(WELL_PAST_GRACE_MS);
    const { events, state } = await persisted(srv.server, meeting.meetingId);
    expect(events).toHaveLength(base + 2);
    expect(Object.keys(state.attendance).sort()).toEqual([meeting.people.chair.id, meeting.people.member1.id].sort());
    expect(JSON.stringify(events)).not.toContain("display:");
  });
});

describe("restart", () => {
  it("a restarted server keeps the attendance record from the log, and shutting down records no departures", async () => {
    const srv = await h.startServer({ presenceGraceSeconds: GRACE_S });
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const [chair, m1, clerk] = await Promise.all([
      h.connect(srv.url, meeting.tokens.chair),
      h.connect(srv.url, meeting.tokens.member1),
      h.connect(srv.url, meeting.tokens.clerk),
    ]);
    await settle([chair, m1, clerk], srv.server);
    // The clerk marks member2 in the room (no phone) and excuses the observer.
    expect(await send(clerk, { type: "attendance.arrive", participantIds: [meeting.people.member2.id], via: "clerk" })).toMatchObject({ ok: true });
    expect(await send(clerk, { type: "attendance.excuse", participantId: meeting.people.observer.id, excused: true })).toMatchObject({ ok: true });
    const seq = await settle([chair, m1, clerk], srv.server);
    const before = (await srv.server.rooms.get(meeting.meetingId)).current;
    expect(Object.values(before.attendance).map((a) => [a.status, a.via])).toEqual([
      ["present", "online"],
      ["present", "online"],
      ["present", "online"],
      ["present", "clerk"],
      ["excused", null],
    ]);

    // The server goes down with everyone connected: that is not everyone leaving.
    await srv.close();
    await sleep(WELL_PAST_GRACE_MS);
    // No restart grace here: the plain grace period applies to who does not come back (the restart grace: next test).
    const again = await h.startServer({ dataDir: srv.dataDir, presenceGraceSeconds: GRACE_S, env: { YST_PRESENCE_RESTART_GRACE_SECONDS: "0" } });
    const { events, state } = await persisted(again.server, meeting.meetingId);
    expect(events).toHaveLength(seq);
    expect(state).toEqual(before);

    // Those who come back were present already: nothing new is recorded for them. The clerk,
    // present online before the restart, never comes back: after the grace period they are
    // recorded as gone; member2, checked in by the clerk in the room, stays present.
    const chairAgain = await h.connect(again.url, meeting.tokens.chair, { resumeFrom: chair.state });
    const m1Again = await h.connect(again.url, meeting.tokens.member1);
    expect(chairAgain.firstSync).toEqual({ kind: "events", events: [] });
    expect(m1Again.firstSync.kind).toBe("compact");
    expect(m1Again.state).toEqual(received(before, "attendee"));
    await chairAgain.waitForSeq(seq + 1);
    await sleep(WELL_PAST_GRACE_MS);
    expect((await persisted(again.server, meeting.meetingId)).events).toHaveLength(seq + 1);
    expect(movements(chairAgain.broadcasts.flat()).map((m) => [m.kind, m.ids])).toEqual([["left", [meeting.people.clerk.id]]]);
    expect(chairAgain.state.attendance[meeting.people.chair.id]).toEqual(before.attendance[meeting.people.chair.id]);
    expect(chairAgain.state.attendance[meeting.people.member2.id]).toEqual(before.attendance[meeting.people.member2.id]);

    // And presence works on the new server: member1 leaves for good.
    m1Again.close();
    await chairAgain.waitForSeq(seq + 2);
    expect(movements(chairAgain.broadcasts.flat()).map((m) => [m.kind, m.ids])).toEqual([
      ["left", [meeting.people.clerk.id]],
      ["left", [meeting.people.member1.id]],
    ]);
    expect(srv.logs).toEqual([]);
    expect(again.logs).toEqual([]);
  });

  it("a kill -9 and restart is nobody leaving: who reconnects within the restart grace records nothing, who stays away leaves when it ends", async () => {
    const prep = await h.startServer({ listen: false });
    const meeting = await h.createMeeting(prep.server, undefined, { open: true });
    await prep.close();
    const proc = await h.spawnServer(prep.dataDir);
    const [chair, m1, m2] = await Promise.all([
      h.connect(proc.url, meeting.tokens.chair),
      h.connect(proc.url, meeting.tokens.member1),
      h.connect(proc.url, meeting.tokens.member2),
    ]);
    const seq = await settle([chair, m1, m2]);
    const before = chair.state;
    expect(attendanceSummary(before)).toMatchObject({ expected: 2, present: 2, quorate: true });
    const gone = disconnected(chair.socket);
    expect(await proc.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await gone;

    // Grace 200 ms, restart grace 2 s: member1 comes back after 1 s, far past the grace.
    const startedBefore = Date.now();
    const again = await h.startServer({ dataDir: prep.dataDir, presenceGraceSeconds: 0.2, env: { YST_PRESENCE_RESTART_GRACE_SECONDS: "2" } });
    const chairAgain = await h.connect(again.url, meeting.tokens.chair, { resumeFrom: chair.state });
    await sleep(startedBefore + 1_000 - Date.now());
    const m1Again = await h.connect(again.url, meeting.tokens.member1, { resumeFrom: m1.state });
    expect(m1Again.firstSync).toEqual({ kind: "events", events: [] });
    await sleep(500); // past the arrival batch, still within the restart grace
    expect(chairAgain.broadcasts).toEqual([]);
    expect((await persisted(again.server, meeting.meetingId)).events).toHaveLength(seq);
    expect(chairAgain.state).toEqual(before);
    expect(attendanceSummary(chairAgain.state)).toEqual(attendanceSummary(before));

    // member2 never comes back: gone once the restart grace is over, at that time, and only them.
    await chairAgain.waitForSeq(seq + 1);
    const [left, ...rest] = movements(chairAgain.broadcasts.flat());
    expect(rest).toEqual([]);
    expect(left).toMatchObject({ kind: "left", ids: [meeting.people.member2.id], actorId: "system" });
    expect(left!.at).toBeGreaterThanOrEqual(startedBefore + 2_000);
    expect(chairAgain.state.attendance[meeting.people.member1.id]).toEqual(before.attendance[meeting.people.member1.id]);
    expect((await m1Again.waitForSeq(seq + 1)).seq).toBe(seq + 1);
    expect(again.logs).toEqual([]);
  });
});

describe("in-room check-ins and closed meetings", () => {
  it("a phone dropping does not undo an in-room check-in", async () => {
    const { srv, meeting, chair } = await start();
    // member1 was checked in by the chair in the room, then opens and closes their link.
    expect(await send(chair, { type: "attendance.arrive", participantIds: [meeting.people.member1.id], via: "clerk" })).toMatchObject({ ok: true });
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    const seq = await settle([chair, m1], srv.server);
    m1.close();
    await sleep(WELL_PAST_GRACE_MS);
    expect((await persisted(srv.server, meeting.meetingId)).events).toHaveLength(seq);
    expect(chair.state.attendance[meeting.people.member1.id]).toMatchObject({ status: "present", via: "clerk" });
  });

  it("records no arrivals or departures once the meeting is closed", async () => {
    const { srv, meeting, chair } = await start();
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    await settle([chair, m1], srv.server);
    expect(await send(chair, { type: "meeting.close" })).toMatchObject({ ok: true });
    const closedAt = (await persisted(srv.server, meeting.meetingId)).events.length;
    m1.close();
    const m2 = await h.connect(srv.url, meeting.tokens.member2);
    await sleep(WELL_PAST_GRACE_MS);
    const { events, state } = await persisted(srv.server, meeting.meetingId);
    expect(events).toHaveLength(closedAt);
    expect(state.attendance[meeting.people.member1.id]).toMatchObject({ status: "present" });
    expect(state.attendance[meeting.people.member2.id]).toBeUndefined();
    m2.close();
  });
});
