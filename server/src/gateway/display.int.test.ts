import { DEFAULT_ORDERING } from "../../../core/plan/schema.ts";
import { DEFAULT_SPEECH_CAPS } from "../../../core/floor/schema.ts";
// The room display (大屏) connection end to end: a token whose subject is `display:<meetingId>`
// connects read-only — it gets the state and every broadcast, and every command is refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { Harness, persisted, received, send, settle, sleep, type TestClient, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("room display", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let token: string;

  beforeEach(async () => {
    srv = await h.startServer({ presenceGraceSeconds: 0.3 });
    meeting = await h.createMeeting(srv.server);
    token = await h.displayToken(srv.server, meeting.meetingId);
  });

  it("connects read-only: a pseudo participant, the current state, then every broadcast", async () => {
    const display = await h.connect(srv.url, token);
    expect(display.welcome).toEqual({
      meeting: await srv.server.meetings.find(meeting.meetingId),
      me: {
        id: `display:${meeting.meetingId}`,
        name: expect.any(String),
        role: "observer",
        sector: null,
        party: null,
        unit: null,
        side: null,
        chief: false,
        household: null,
      },
      display: true,
      venue: false,
      media: { available: false },
    });
    // The first connection opened the room: the roster is in the state it was sent.
    // Compact (core/compactState.ts): the roster came from GET /api/live/roster.
    expect(display.firstSync.kind).toBe("compact");
    expect(display.state).toEqual(received((await persisted(srv.server, meeting.meetingId)).state, "display"));
    expect(display.state.roster).toEqual(Object.values(meeting.people));
    expect(display.state.status).toBe("scheduled");

    // The meeting runs; the display follows along event by event.
    const [chair, m1] = await Promise.all([h.connect(srv.url, meeting.tokens.chair), h.connect(srv.url, meeting.tokens.member1)]);
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(await send(m1, { type: "queue.request" })).toMatchObject({ ok: true });
    const give = await send(chair, { type: "floor.give" });
    expect(give).toMatchObject({ ok: true });
    const seq = await settle([chair, m1, display], srv.server);
    const { events, state } = await persisted(srv.server, meeting.meetingId);
    expect(display.broadcasts.flat()).toEqual(events.slice(display.firstSync.kind === "events" ? 0 : display.firstSync.state.seq));
    expect(display.state).toEqual(state);
    expect(display.state.seq).toBe(seq);
    expect(display.state.floor?.participantId).toBe(meeting.people.member1.id);
    expect(display.problems).toEqual([]);

    // It may ask for what it missed, and for the time, like any screen.
    expect(await display.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: seq - 1 })).toEqual({
      ok: true,
      sync: { kind: "events", events: events.slice(seq - 1) },
    });
    expect(await display.socket.timeout(5_000).emitWithAck("time.sync")).toMatchObject({ serverTime: expect.any(Number) });
  });

  it("refuses every command with FORBIDDEN, valid or not, changing and broadcasting nothing", async () => {
    const chair = await h.connect(srv.url, meeting.tokens.chair);
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    expect(await send(m1, { type: "queue.request" })).toMatchObject({ ok: true });
    const display = await h.connect(srv.url, token);
    const seq = await settle([chair, m1, display], srv.server);
    const before = await persisted(srv.server, meeting.meetingId);
    const seen = chair.broadcasts.length;

    const m1Id = meeting.people.member1.id;
    const commands: unknown[] = [
      { type: "queue.request" },
      { type: "queue.withdraw" },
      { type: "queue.remove", participantId: m1Id },
      { type: "queue.move", participantId: m1Id, toIndex: 0 },
      { type: "floor.give" },
      { type: "floor.end" },
      { type: "floor.setCap", seconds: 60 },
      { type: "meeting.close" },
      { type: "agenda.next" },
      { type: "attendance.arrive", participantIds: [meeting.people.member2.id], via: "clerk" },
      { type: "attendance.leave", participantIds: [m1Id] },
      {
        type: "config.sync",
        roster: [],
        agenda: [],
        quorumRule: "none",
        speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 60_000 },
        ordering: DEFAULT_ORDERING,
        plan: [],
      },
      { type: "no.such.command" }, // not even parsed
      null,
    ];
    for (const command of commands) {
      expect({ command, ack: await send(display, command) }).toEqual({
        command,
        ack: { ok: false, error: { code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN } },
      });
    }
    await sleep(100);
    expect(await persisted(srv.server, meeting.meetingId)).toEqual(before);
    expect((await srv.server.rooms.get(meeting.meetingId)).current).toEqual(before.state);
    expect(chair.broadcasts.slice(seen)).toEqual([]);
    // The same command from the chair's own link works.
    expect(await send(chair, { type: "floor.give" })).toEqual({ ok: true, seq: seq + 1 });
    await display.waitForSeq(seq + 1);
    expect(display.state.floor?.participantId).toBe(m1Id);
  });

  it("refuses a display token for another or a missing meeting, or a malformed display subject, with NOT_FOUND", async () => {
    const other = await h.createMeeting(srv.server, "另一个会议");
    const issue = (participantId: string, meetingId: string) => srv.server.tokens.issue({ participantId, meetingId, role: "observer" });
    const cases = [
      await issue(`display:${other.meetingId}`, meeting.meetingId), // another meeting's display, this meeting's claim
      await issue(`display:${meeting.meetingId}`, other.meetingId),
      await issue("display:no-such-meeting", "no-such-meeting"),
      await issue(`display:${meeting.meetingId}x`, meeting.meetingId),
      await issue("display:", meeting.meetingId),
    ];
    for (const t of cases) {
      expect(await h.connectRefused(srv.url, { token: t })).toEqual({ code: "NOT_FOUND", message: ERROR_MESSAGES.NOT_FOUND });
    }
    // Each meeting's own display token works, and sees only its own meeting.
    const mine = await h.connect(srv.url, token);
    const theirs = await h.connect(srv.url, await h.displayToken(srv.server, other.meetingId));
    expect(mine.welcome.meeting.id).toBe(meeting.meetingId);
    expect(theirs.welcome.meeting.id).toBe(other.meetingId);
    expect(theirs.state.roster.map((p) => p.id)).toEqual(Object.values(other.people).map((p) => p.id));
    expect(srv.logs).toEqual([]);
  });

  it("a display token carries no link version: bumping a participant's links does not affect it", async () => {
    await srv.server.db.participant.updateMany({ where: { meetingId: meeting.meetingId }, data: { linkVersion: 5 } });
    const display: TestClient = await h.connect(srv.url, token);
    expect(display.welcome.display).toBe(true);
  });
});
