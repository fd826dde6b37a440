// Changes made through one node reach the join path and the sockets of every node (two nodes in
// this process, real PostgreSQL and Redis): a link revoked through node a ends its socket held by
// node b at once and node b refuses its token from then on; a meeting's title edited through a is
// what b greets with next. (A staff logout travels the same way: LinkService.endStaffSession.)
import { afterEach, expect, it } from "vitest";
import { coreError, type CoreError } from "../../../core/errors.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { eventually, Harness, openMeeting } from "../../../testing/server/harness.ts";
import { testCluster } from "../../../testing/server/cluster.ts";

const h = new Harness();
afterEach(() => h.cleanup());

it("a link revoked through one node ends its socket on another, which refuses it from then on; an edit of the meeting reaches the other's greeting", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(b.server, "两个节点的议事会");
  await openMeeting(b.server, meeting); // node b owns it and holds the member's socket itself
  const member = await h.connect(b.url, meeting.tokens.member1);
  const ended = new Promise<CoreError>((resolve) => member.socket.once("connection.ended", resolve));

  const { client: org } = await staffClient(a.server, a.url, "secretariat", "organiser");
  expect((await org.post(`/api/meetings/${meeting.meetingId}/participants/${meeting.people.member1.id}/link/revoke`, {})).status).toBe(200);
  expect(await ended).toEqual(coreError("LINK_REVOKED"));
  await eventually(() => expect(member.socket.connected).toBe(false));
  expect(await h.connectRefused(b.url, { token: meeting.tokens.member1 })).toEqual(coreError("LINK_REVOKED"));

  // The join path of node b had the meeting cached: an edit through node a is what b greets with next.
  expect((await org.patch(`/api/meetings/${meeting.meetingId}`, { title: "两个节点的议事会（改）" })).status).toBe(200);
  await eventually(async () => expect((await h.connect(b.url, meeting.tokens.member2)).welcome.meeting.title).toBe("两个节点的议事会（改）"));
});
