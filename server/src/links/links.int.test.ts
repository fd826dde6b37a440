// Join links end to end: the link's token opens a socket; re-issuing or revoking it drops the
// person's connected sockets and the old token is refused at the handshake with LINK_REVOKED.
// Also the room display's link, the check-in link and YST_PUBLIC_URL.
import { afterEach, describe, expect, it } from "vitest";
import { disconnected, Harness } from "../../../testing/server/harness.ts";
import { ApiClient, createStaff, staffClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup(env?: Record<string, string>) {
  const t = await h.startServer(env ? { env } : {});
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  const m = await h.createMeeting(t.server);
  const linkPath = (pid: string, action = "") => `/api/meetings/${m.meetingId}/participants/${pid}/link${action}`;
  return { ...t, org, m, linkPath };
}

const tokenOf = (url: string) => /#t=(.+)$/.exec(url)![1]!;

describe("personal join links", () => {
  it("gives the current link with a QR code; its token opens the meeting as that person", async () => {
    const { org, url, m, linkPath } = await setup();
    const res = await org.get(linkPath(m.people.member1.id));
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${url}/join#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(res.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const client = await h.connect(url, tokenOf(res.body.url));
    expect(client.welcome.me.id).toBe(m.people.member1.id);
    expect((await org.get(linkPath("nobody"))).status).toBe(404);
  });

  it("re-issuing drops the person's connected sockets, refuses the old token (LINK_REVOKED) and the new one works", async () => {
    const { org, url, m, linkPath } = await setup();
    const before = await h.connect(url, m.tokens.member1);
    const bystander = await h.connect(url, m.tokens.member2);
    const gone = disconnected(before.socket);
    const res = await org.post(linkPath(m.people.member1.id, "/reissue"));
    expect(res.status).toBe(200);
    expect(await gone).toBe("io server disconnect");
    expect(bystander.socket.connected).toBe(true);
    const refused = await h.connectRefused(url, { token: m.tokens.member1 });
    expect(refused.code).toBe("LINK_REVOKED");
    const after = await h.connect(url, tokenOf(res.body.url));
    expect(after.welcome.me.id).toBe(m.people.member1.id);
    // GET now returns a link of the new version too.
    const current = await org.get(linkPath(m.people.member1.id));
    expect((await h.connect(url, tokenOf(current.body.url))).welcome.me.id).toBe(m.people.member1.id);
  });

  it("revoking drops the connected socket at once, refuses every link (handshake and GET) until re-issued", async () => {
    const { org, url, m, linkPath } = await setup();
    const member = await h.connect(url, m.tokens.member1);
    // The page is told why, so it shows the refusal instead of waiting to reconnect.
    const told = new Promise((resolve) => member.socket.once("connection.ended", resolve));
    const gone = disconnected(member.socket);
    const res = await org.post(linkPath(m.people.member1.id, "/revoke"));
    expect(res.body).toEqual({ ok: true });
    expect(await told).toMatchObject({ code: "LINK_REVOKED" });
    await gone;
    expect((await h.connectRefused(url, { token: m.tokens.member1 })).code).toBe("LINK_REVOKED");
    const get = await org.get(linkPath(m.people.member1.id));
    expect(get.status).toBe(401);
    expect(get.body.error.code).toBe("LINK_REVOKED");
    const reissued = await org.post(linkPath(m.people.member1.id, "/reissue"));
    expect((await h.connect(url, tokenOf(reissued.body.url))).welcome.me.id).toBe(m.people.member1.id);
    expect((await h.connectRefused(url, { token: m.tokens.member1 })).code).toBe("LINK_REVOKED");
  });

  it("refuses link actions for a participant of another meeting (404) and changes nothing", async () => {
    const { org, server, m, linkPath } = await setup();
    const other = await h.createMeeting(server, "另一个会议");
    const res = await org.post(linkPath(other.people.member1.id, "/revoke"));
    expect(res.status).toBe(404);
    const row = await server.db.participant.findUniqueOrThrow({ where: { id: other.people.member1.id } });
    expect(row).toMatchObject({ linkVersion: 1, linkRevoked: false });
    expect(m.meetingId).not.toBe(other.meetingId);
  });

  it("lets a chair get only their own link", async () => {
    const { server, url, m, linkPath } = await setup();
    const account = await createStaff(server, "chair1", "chair");
    await server.db.participant.update({ where: { id: m.people.chair.id }, data: { accountId: account.id } });
    const chair = new ApiClient(url);
    await chair.login("chair1");
    const own = await chair.get(linkPath(m.people.chair.id));
    expect((await h.connect(url, tokenOf(own.body.url))).welcome.me.role).toBe("chair");
    expect((await chair.get(linkPath(m.people.member1.id))).status).toBe(403);
    expect((await chair.post(linkPath(m.people.chair.id, "/reissue"))).status).toBe(403);
  });
});

describe("display and check-in links", () => {
  it("the display link connects as the read-only room display", async () => {
    const { org, url, m } = await setup();
    const res = await org.get(`/api/meetings/${m.meetingId}/display-link`);
    expect(res.body.url).toMatch(new RegExp(`^${url}/display#t=`));
    expect(res.body.qrSvg).toContain("<svg");
    const display = await h.connect(url, tokenOf(res.body.url));
    expect(display.welcome.display).toBe(true);
    expect(display.welcome.meeting.id).toBe(m.meetingId);
  });

  it("the check-in link carries the meeting's code, created once when missing and then stable", async () => {
    const { org, url, m, server } = await setup();
    await server.db.meeting.update({ where: { id: m.meetingId }, data: { checkinSecret: "" } });
    const first = await org.get(`/api/meetings/${m.meetingId}/checkin-link`);
    const code = (await server.db.meeting.findUniqueOrThrow({ where: { id: m.meetingId } })).checkinSecret;
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(first.body.url).toBe(`${url}/checkin/${m.meetingId}#c=${code}`);
    const second = await org.get(`/api/meetings/${m.meetingId}/checkin-link`);
    expect(second.body.url).toBe(first.body.url);
  });

  it("uses YST_PUBLIC_URL for links and marks the cookie Secure when it is https", async () => {
    const { org, m } = await setup({ YST_PUBLIC_URL: "https://yishiting.example.org/" });
    const res = await org.get(`/api/meetings/${m.meetingId}/participants/${m.people.member1.id}/link`);
    expect(res.body.url).toMatch(/^https:\/\/yishiting\.example\.org\/join#t=/);
    const login = await org.login("organiser1");
    expect(login.headers.getSetCookie().find((c) => c.startsWith("yst_session="))).toMatch(/; Secure/i);
  });
});
