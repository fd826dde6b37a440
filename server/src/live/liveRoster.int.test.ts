// The small snapshot and the live roster resource (issue 17), over a real server and sockets:
// a member's or the display's snapshot stays small however large the roster (it names the
// roster, fetched once from GET /api/live/roster, cacheable by its ETag); the chair and the
// clerk still get the whole state.
import { afterEach, describe, expect, it } from "vitest";
import type { RosterEntry } from "../../../core/config/schema.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness, received, send, settle, type TestClient, type TestServer } from "../../../testing/server/harness.ts";
import { pollOf } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const LIMIT = 16 * 1024;
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** A plenary of `n` members besides the chair and the clerk, opened, everyone present, a poll open. */
async function plenary(srv: TestServer, n: number) {
  const roster = [
    { name: "主持人", role: "chair" as const },
    { name: "记录员", role: "clerk" as const },
    ...Array.from({ length: n }, (_, i) => ({ name: `委员${i + 1}`, role: "member" as const })),
  ];
  const { meeting, participants } = await srv.server.meetings.create(`全体会议（${n} 人）`, roster);
  const token = (p: RosterEntry) => srv.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role });
  const chair = await h.connect(srv.url, await token(participants[0]!));
  expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
  const members = participants.slice(2);
  // In pieces: one message may not exceed 64 KiB.
  for (let i = 0; i < members.length; i += 500) {
    expect(await send(chair, { type: "attendance.arrive", participantIds: members.slice(i, i + 500).map((p) => p.id), via: "clerk" })).toMatchObject({
      ok: true,
    });
  }
  expect(await send(chair, { type: "poll.create", poll: pollOf({ title: "关于年度工作报告的决议" }) })).toMatchObject({ ok: true });
  await settle([chair], srv.server);
  expect(await send(chair, { type: "poll.open", pollId: chair.state.polls.at(-1)!.pollId })).toMatchObject({ ok: true });
  await settle([chair], srv.server);
  return { meetingId: meeting.id, participants, chair, token };
}

describe("a member's snapshot stays small whatever the roster", () => {
  it.each([50, 2_000])("N = %i, everyone present, a poll open: the member's and the display's snapshots ≤ 16 KB; the clerk's holds the roster", async (n) => {
    const srv = await h.startServer();
    const { meetingId, participants, chair, token } = await plenary(srv, n);
    const clerk = await h.connect(srv.url, await token(participants[1]!));
    await settle([chair, clerk], srv.server);
    // Connected last, so that nothing happens after their snapshots (the members are present already).
    const display = await h.connect(srv.url, await h.displayToken(srv.server, meetingId));
    const member = await h.connect(srv.url, await token(participants[2]!));
    await settle([chair, member, display, clerk], srv.server);

    expect(member.firstSync.kind).toBe("compact");
    expect(bytes(member.firstSync)).toBeLessThanOrEqual(LIMIT);
    expect(display.firstSync.kind).toBe("compact");
    expect(bytes(display.firstSync)).toBeLessThanOrEqual(LIMIT);
    expect(clerk.firstSync.kind === "snapshot" && clerk.firstSync.state.roster).toHaveLength(n + 2);
    expect(chair.state.polls[0]?.eligible).toHaveLength(n);

    // With the roster fetched, the member holds what the staff hold (less when each arrival was).
    const live = (await srv.server.rooms.get(meetingId)).current;
    expect(member.state).toEqual(received(live, "attendee"));
    expect(member.state.roster).toEqual(clerk.state.roster);
    expect(Object.values(member.state.attendance).filter((a) => a.status === "present")).toHaveLength(n + 2);
    expect(member.state.polls[0]?.eligible).toEqual(clerk.state.polls[0]?.eligible);
    expect(display.state).toEqual(received(live, "display"));
    expect([member, display, clerk, chair].flatMap((c) => c.problems)).toEqual([]);
  });
});

describe("GET /api/live/roster", () => {
  const get = (srv: TestServer, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${srv.url}/api/live/roster`, { headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers } });

  it("answers the roster the snapshot names with its ETag, 304 while unchanged, a new one after a roster change; refuses a bad or revoked token", async () => {
    const srv = await h.startServer();
    const { meetingId, participants, chair, token } = await plenary(srv, 50);
    const memberToken = await token(participants[2]!);
    const member = await h.connect(srv.url, memberToken);
    await settle([chair, member], srv.server);
    const tag = member.firstSync.kind === "compact" ? member.firstSync.state.roster.tag : "";

    const first = await get(srv, memberToken);
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe(`"${tag}"`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(await first.json()).toEqual({ version: tag, roster: chair.state.roster });
    // Gzipped once per roster for browsers (fetch asks for gzip and unpacks it); plain for a client that does not.
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const plain = await get(srv, memberToken, { "Accept-Encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.json()).toEqual({ version: tag, roster: chair.state.roster });
    const again = await get(srv, memberToken, { "If-None-Match": `"${tag}"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // The room display reads it with its own link.
    expect((await get(srv, await h.displayToken(srv.server, meetingId), { "If-None-Match": `"${tag}"` })).status).toBe(304);

    // Refused without a valid join token, or with a revoked link.
    const refusal = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code });
    expect(await refusal(await get(srv, null))).toEqual({ status: 401, code: "TOKEN_MISSING" });
    expect(await refusal(await get(srv, "not-a-token"))).toEqual({ status: 401, code: "TOKEN_INVALID" });
    const revokedToken = await token(participants[3]!);
    await srv.server.links.revoke(participants[3]!.id);
    expect(await refusal(await get(srv, revokedToken))).toEqual({ status: 401, code: "LINK_REVOKED" });

    // The organisers add someone: a new roster, a new tag; the old one is answered in full.
    const { client: org } = await staffClient(srv.server, srv.url, "secretariat", "organiser");
    expect((await org.post(`/api/meetings/${meetingId}/participants`, { name: "新委员", role: "member" })).status).toBe(201);
    await settle([chair, member], srv.server);
    const changed = await get(srv, memberToken, { "If-None-Match": `"${tag}"` });
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { version: string; roster: RosterEntry[] };
    expect(changed.headers.get("etag")).toBe(`"${body.version}"`);
    expect(body.version).not.toBe(tag);
    expect(body.roster).toEqual(chair.state.roster);
    expect(body.roster.map((p) => p.name)).toContain("新委员");
    // A member who connects now is named the new roster.
    const late: TestClient = await h.connect(srv.url, await token(participants[4]!));
    expect(late.firstSync.kind === "compact" && late.firstSync.state.roster.tag).toBe(body.version);
    expect(late.state.roster).toEqual(chair.state.roster);
  });
});
