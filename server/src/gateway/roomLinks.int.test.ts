// The room's two links end to end (REST routes and real sockets): the room display (大屏) and the
// venue terminal (会场终端) each have a token of their own kind and version. Re-issuing or revoking
// one refuses its earlier tokens at the handshake (LINK_REVOKED) and drops its connected screens
// at once; only the venue terminal's token publishes as the room.
import { afterEach, describe, expect, it } from "vitest";
import type { Ack } from "../../../core/protocol.ts";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { ApiClient, createStaff, linkAccount, staffClient } from "../../../testing/server/api.ts";
import { disconnected, Harness, send, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const REVOKED = { code: "LINK_REVOKED", message: ERROR_MESSAGES.LINK_REVOKED };
const NOT_FOUND = { code: "NOT_FOUND", message: ERROR_MESSAGES.NOT_FOUND };
const OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";
const tokenOf = (url: string) => /#t=(.+)$/.exec(url)![1]!;

function publish(client: TestClient): Promise<Ack<Record<string, unknown>>> {
  return client.socket.timeout(5_000).emitWithAck("media.publish", { sdp: OFFER }) as Promise<Ack<Record<string, unknown>>>;
}

async function setup() {
  const t = await h.startServer({ presenceGraceSeconds: 0.3 });
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  const m = await h.createMeeting(t.server, undefined, { open: true });
  const path = (kind: "display" | "venue", action = "") => `/api/meetings/${m.meetingId}/${kind}-link${action}`;
  /** The token of the room link the organisers get now. */
  const current = async (kind: "display" | "venue") => {
    const res = await org.get(path(kind));
    expect(res.status).toBe(200);
    return tokenOf(res.body.url as string);
  };
  return { ...t, org, m, path, current };
}

describe("the room's links", () => {
  it("are two links of their own kind: the display is read-only and never publishes, the venue terminal publishes as the room", async () => {
    const { server, url, org, m, path, current } = await setup();
    const [displayUrl, venueUrl] = [(await org.get(path("display"))).body.url, (await org.get(path("venue"))).body.url];
    expect(displayUrl).toMatch(new RegExp(`^${url}/display#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(venueUrl).toMatch(new RegExp(`^${url}/venue#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    const display = await h.connect(url, await current("display"));
    const venue = await h.connect(url, await current("venue"));
    expect([display.welcome.display, display.welcome.venue, display.welcome.me.id]).toEqual([true, false, `display:${m.meetingId}`]);
    expect([venue.welcome.display, venue.welcome.venue, venue.welcome.me.id]).toEqual([true, true, `venue:${m.meetingId}`]);
    // Without a media server: the display is refused by its role first, the terminal passes it.
    expect(await publish(display)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await publish(venue)).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    // Both are screens of the room, not people: read-only and not in the attendance.
    expect(await send(venue, { type: "queue.request" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(Object.keys(venue.state.attendance).some((id) => id.includes(":"))).toBe(false);
    // A room token names its own meeting, which must exist.
    const other = await h.createMeeting(server, "另一个会议");
    const forged = await server.tokens.issue({ participantId: `venue:${other.meetingId}`, meetingId: m.meetingId, role: "observer" });
    expect(await h.connectRefused(url, { token: forged })).toEqual(NOT_FOUND);
    expect(await h.connectRefused(url, { token: await h.displayToken(server, "no-such-meeting", "venue") })).toEqual(NOT_FOUND);
  });

  it("re-issuing the display link drops its screens at once and refuses the old token; the venue terminal and the people stay", async () => {
    const { server, url, org, m, path, current } = await setup();
    const old = await current("display");
    const screens = await Promise.all([h.connect(url, old), h.connect(url, await h.displayToken(server, m.meetingId))]);
    const venue = await h.connect(url, await current("venue"));
    const member = await h.connect(url, m.tokens.member1);
    const gone = screens.map((s) => disconnected(s.socket));

    const res = await org.post(path("display", "/reissue"));
    expect(res.status).toBe(200);
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
    expect(venue.socket.connected && member.socket.connected).toBe(true);
    expect(await h.connectRefused(url, { token: old })).toEqual(REVOKED);

    // The new link, and the current one the organisers get again, open the display.
    const fresh = tokenOf(res.body.url as string);
    expect((await h.connect(url, fresh)).welcome.display).toBe(true);
    expect((await h.connect(url, await current("display"))).welcome.venue).toBe(false);
    // Again: the link just issued stops working too.
    expect((await org.post(path("display", "/reissue"))).status).toBe(200);
    expect(await h.connectRefused(url, { token: fresh })).toEqual(REVOKED);
    expect((await h.connect(url, await current("venue"))).welcome.venue).toBe(true);
  });

  it("revoking the venue terminal's link drops it at once and refuses every version (handshake and GET) until re-issued", async () => {
    const { server, url, org, m, path, current } = await setup();
    const token = await current("venue");
    const terminal = await h.connect(url, token);
    const display = await h.connect(url, await current("display"));
    const gone = disconnected(terminal.socket);

    expect((await org.post(path("venue", "/revoke"))).body).toEqual({ ok: true });
    expect(await gone).toBe("io server disconnect");
    expect(display.socket.connected).toBe(true);
    const issue = (version: number) => server.tokens.issue({ participantId: `venue:${m.meetingId}`, meetingId: m.meetingId, role: "observer", version });
    for (const version of [1, 2, 3])
      expect({ version, error: await h.connectRefused(url, { token: await issue(version) }) }).toEqual({ version, error: REVOKED });
    const get = await org.get(path("venue"));
    expect([get.status, get.body.error.code]).toEqual([401, "LINK_REVOKED"]);

    const reissued = await org.post(path("venue", "/reissue"));
    const back = await h.connect(url, tokenOf(reissued.body.url as string));
    expect(back.welcome.venue).toBe(true);
    expect(await publish(back)).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    expect(await h.connectRefused(url, { token })).toEqual(REVOKED);
  });

  it("lets the meeting's chair read the links but not re-issue or revoke them, which then changes nothing", async () => {
    const { server, url, m, path } = await setup();
    const account = await createStaff(server, "chair1", "chair");
    await linkAccount(server, m.people.chair.id, account.id);
    const chair = new ApiClient(url);
    await chair.login("chair1");
    const token = tokenOf((await chair.get(path("venue"))).body.url as string);
    for (const action of ["/reissue", "/revoke"]) {
      for (const kind of ["display", "venue"] as const) expect((await chair.post(path(kind, action))).status).toBe(403);
    }
    expect(await server.db.roomLink.count()).toBe(0);
    expect((await h.connect(url, token)).welcome.venue).toBe(true);
  });
});
