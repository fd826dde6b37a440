// Personal links and their versions, end to end: a token carries the participant's link version;
// bumping the version (link re-issued) or revoking the link refuses the old
// tokens with LINK_REVOKED, and a connected person can be dropped through their own socket room.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import {
  disconnected,
  eventually,
  Harness,
  persisted,
  send,
  settle,
  sleep,
  type TestClient,
  type TestMeeting,
  type TestServer,
} from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const REVOKED = { code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED };

describe("link versions", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let chair: TestClient;
  let m1Id: string;

  const issue = (version?: number) =>
    srv.server.tokens.issue({ participantId: m1Id, meetingId: meeting.meetingId, role: "member", ...(version === undefined ? {} : { version }) });
  // What LinkService does on a re-issue or revocation: write, then tell the handshake's link cache.
  const setLink = async (data: { linkVersion?: number; linkRevoked?: boolean }) =>
    srv.server.meetings.joins.linkChanged(meeting.meetingId, m1Id, await srv.server.db.participant.update({ where: { id: m1Id }, data }));

  beforeEach(async () => {
    srv = await h.startServer({ presenceGraceSeconds: 0.3 });
    meeting = await h.createMeeting(srv.server, undefined, { open: true });
    m1Id = meeting.people.member1.id;
    chair = await h.connect(srv.url, meeting.tokens.chair);
    await settle([chair], srv.server);
  });

  it("a re-issued link (version bumped) refuses the old token with LINK_REVOKED and accepts the new one", async () => {
    const v1 = await issue(1);
    expect((await h.connect(srv.url, v1)).welcome.me.id).toBe(m1Id);
    expect((await h.connect(srv.url, meeting.tokens.member1)).welcome.me.id).toBe(m1Id); // no version claim means 1
    // A token from the future is no good either.
    expect(await h.connectRefused(srv.url, { token: await issue(2) })).toEqual(REVOKED);

    await setLink({ linkVersion: 2 });
    expect(await h.connectRefused(srv.url, { token: v1 })).toEqual(REVOKED);
    expect(await h.connectRefused(srv.url, { token: meeting.tokens.member1 })).toEqual(REVOKED);
    const v2 = await h.connect(srv.url, await issue(2));
    expect(v2.welcome.me).toEqual(meeting.people.member1);
    expect(await send(v2, { type: "queue.request" })).toMatchObject({ ok: true });
    // The others are untouched.
    expect((await h.connect(srv.url, meeting.tokens.member2)).welcome.me.id).toBe(meeting.people.member2.id);
    expect(srv.logs).toEqual([]);
  });

  it("a revoked link refuses every version with LINK_REVOKED; lifting the revocation lets the current one in", async () => {
    await setLink({ linkVersion: 3, linkRevoked: true });
    for (const version of [1, 2, 3, 4]) {
      expect({ version, error: await h.connectRefused(srv.url, { token: await issue(version) }) }).toEqual({ version, error: REVOKED });
    }
    await setLink({ linkRevoked: false });
    expect(await h.connectRefused(srv.url, { token: await issue(2) })).toEqual(REVOKED);
    expect((await h.connect(srv.url, await issue(3))).welcome.me.id).toBe(m1Id);
  });

  it("checks the link on every handshake, so a refused person changes nothing and is never marked present", async () => {
    const base = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    await setLink({ linkRevoked: true });
    expect(await h.connectRefused(srv.url, { token: meeting.tokens.member1 })).toEqual(REVOKED);
    await sleep(600);
    expect((await persisted(srv.server, meeting.meetingId)).events).toHaveLength(base);
    expect(chair.state.attendance[m1Id]).toBeUndefined();
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(1));
  });

  it("drops a connected person through their socket room; they cannot come back with the old link, and leave after the grace period", async () => {
    const screens = await Promise.all([h.connect(srv.url, meeting.tokens.member1), h.connect(srv.url, meeting.tokens.member1, { resume: true })]);
    const m2 = await h.connect(srv.url, meeting.tokens.member2);
    const base = await settle([chair, m2, ...screens], srv.server);
    expect(await send(screens[0]!, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });

    // What the re-issue route does: bump the version, then drop every socket of that person.
    await setLink({ linkVersion: 2 });
    const gone = screens.map((s) => disconnected(s.socket));
    srv.server.io.in(`participant:${m1Id}`).disconnectSockets(true);
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
    // Only that person's sockets: the chair and member2 stay connected and served.
    expect(chair.socket.connected && m2.socket.connected).toBe(true);
    await eventually(() => expect(srv.server.io.of("/").sockets.size).toBe(2));

    // A browser tries to reconnect with the old link: refused.
    const refused = new Promise<unknown>((resolve) => screens[1]!.socket.once("connect_error", (e: Error & { data?: unknown }) => resolve(e.data)));
    screens[1]!.socket.connect();
    expect(await refused).toEqual(REVOKED);
    expect(await h.connectRefused(srv.url, { token: meeting.tokens.member1 })).toEqual(REVOKED);

    // After the grace period they have left; their place in the queue stays (the chair decides).
    await chair.waitForSeq(base + 2);
    const left = chair.broadcasts.flat().find((e) => e.seq === base + 2)!;
    expect(left).toMatchObject({ actorId: "system", event: { type: "attendance.left", participantIds: [m1Id] } });
    expect(chair.state.queue.map((q) => q.participantId)).toEqual([m1Id]);

    // With the new link they are back.
    const back = await h.connect(srv.url, await issue(2));
    await settle([chair, m2, back], srv.server);
    expect(chair.state.attendance[m1Id]?.status).toBe("present");
    expect(await send(back, { type: "queue.withdraw" })).toMatchObject({ ok: true });
    expect(srv.logs).toEqual([]);
  });
});
