// The socket relay (two nodes of one deployment in this process: real PostgreSQL schema, real Redis
// stream of their own): the meeting is owned by node a; members connected to node b are served by
// a through b — greeting, commands and their acknowledgements, broadcasts, votes, presence — while
// b answers the clock itself; when a goes, b closes its relayed clients' transports so they
// reconnect, and the meeting continues on b from the log.
import { afterEach, expect, it, vi } from "vitest";
import { disconnected, eventually, Harness, openMeeting, send, settle } from "../../../../testing/server/harness.ts";
import { testCluster } from "../../../../testing/server/cluster.ts";
import { pollOf, vote } from "../../../../testing/server/pollRoom.ts";
import { MeetingRoom } from "../../rooms/meetingRoom.ts";

const h = new Harness();
afterEach(async () => {
  vi.restoreAllMocks();
  await h.cleanup();
});

const GRACE_SECONDS = 0.3;

it("members on a node that does not own the meeting are served by its owner, and reconnect when the owner goes", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a", { presenceGraceSeconds: GRACE_SECONDS });
  const b = await cluster.start("b", { presenceGraceSeconds: GRACE_SECONDS });
  const meeting = await h.createMeeting(a.server, "跨节点的协商会");
  await openMeeting(a.server, meeting);

  const chair = await h.connect(a.url, meeting.tokens.chair);
  const member1 = await h.connect(b.url, meeting.tokens.member1);
  const member2 = await h.connect(b.url, meeting.tokens.member2);
  // Greeted by the owner through b: welcome names the person, the catch-up is the owner's state.
  expect(member1.welcome.me.id).toBe(meeting.people.member1.id);
  expect(member1.welcome.meeting.id).toBe(meeting.meetingId);
  expect(member1.state.status).toBe("open");
  expect(b.server.rooms.isLocal(meeting.meetingId)).toBe(false);
  // Presence of the relayed members is recorded by the owner and broadcast to every node's sockets.
  const present = await settle([chair, member1, member2], a.server);

  // A command through b: decided by a, acknowledged back through b, broadcast to sockets on a and b alike.
  const queued = await send(member1, { type: "queue.request" });
  expect(queued).toEqual({ ok: true, seq: present + 1 });
  for (const client of [chair, member1, member2])
    expect((await client.waitForSeq(present + 1)).queue.map((q) => q.participantId)).toEqual([meeting.people.member1.id]);
  expect((await a.server.rooms.local(meeting.meetingId)).current.seq).toBe(present + 1);
  // A refusal comes back as the owner decided it.
  expect(await send(member2, { type: "meeting.close" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  // The clock is b's own.
  const before = Date.now();
  const clock = await member1.socket.timeout(2_000).emitWithAck("time.sync");
  expect(clock.serverTime).toBeGreaterThanOrEqual(before);

  // A vote through b is counted by the owner's ballot box.
  const created = await send(chair, { type: "poll.create", poll: pollOf({ title: "跨节点表决" }) });
  const pollId = (await chair.waitForSeq(created.ok ? created.seq : 0)).polls.at(-1)!.pollId;
  const opened = await send(chair, { type: "poll.open", pollId });
  expect(opened).toMatchObject({ ok: true });
  await member1.waitForSeq(opened.ok ? opened.seq : 0);
  expect(await vote(member1, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
  expect(await vote(member1, { pollId, choices: ["no"] })).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
  const closed = await send(chair, { type: "poll.close", pollId });
  expect(closed).toMatchObject({ ok: true });
  await member2.waitForSeq(closed.ok ? closed.seq : 0);
  // The result before publication is the staff's (core/audience.ts).
  expect((await chair.waitForSeq(closed.ok ? closed.seq : 0)).polls.find((p) => p.pollId === pollId)!.result?.ballots).toBe(1);

  // A relayed client leaving: the owner records the departure after the grace period.
  member2.close();
  await eventually(async () => {
    const state = (await a.server.rooms.local(meeting.meetingId)).current;
    expect(state.attendance[meeting.people.member2.id]?.status).not.toBe("present");
  });
  expect(member1.problems).toEqual([]);

  // The owner goes: b closes its relayed client's transport (a reconnect, not an end), and the client resumes on b, now the owner.
  const gone = disconnected(member1.socket);
  await a.close();
  expect(await gone).toBe("transport close");
  const back = await h.connect(b.url, meeting.tokens.member1, { resumeFrom: member1.state });
  expect(await b.server.rooms.get(meeting.meetingId)).toBeInstanceOf(MeetingRoom);
  expect(back.state.seq).toBeGreaterThanOrEqual(member1.state.seq);
  expect(await send(back, { type: "queue.withdraw" })).toMatchObject({ ok: true });
});

it("when the owner stops answering, the relayed clients' transports close", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(a.server, "节点失联");
  await openMeeting(a.server, meeting);
  const member = await h.connect(b.url, meeting.tokens.member1);
  expect(b.server.rooms.isLocal(meeting.meetingId)).toBe(false);
  // a's bus falls silent (as a frozen or cut-off node): b declares it down and lets its client reconnect.
  const gone = disconnected(member.socket, 10_000);
  a.server.cluster!.bus.close();
  expect(await gone).toBe("transport close");
});

it("an owner that loses the meeting's lease closes the transports of the meeting's sockets, its own and the relayed ones", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(a.server, "租约转移");
  await openMeeting(a.server, meeting);
  const onA = await h.connect(a.url, meeting.tokens.chair);
  const onB = await h.connect(b.url, meeting.tokens.member1);
  const goneA = disconnected(onA.socket, 10_000);
  const goneB = disconnected(onB.socket, 10_000);
  // What another node does when a's lease has expired: the token moves on (meetingLeases.ts); a finds out at its next renewal.
  await a.server.db.$executeRawUnsafe(
    `UPDATE "MeetingLease" SET "token" = "token" + 1, "holder" = 'c', "expiresAt" = now() + interval '1 minute' WHERE "meetingId" = $1`,
    meeting.meetingId,
  );
  expect(await goneA).toBe("transport close");
  expect(await goneB).toBe("transport close");
});

it("a socket's token is verified once, by the node holding the socket; a refused token gets the same answer on either node", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(a.server, "验一次令牌");
  await openMeeting(a.server, meeting);
  // Spies that call through: the real verification runs, the calls are counted.
  const verifiedOnA = vi.spyOn(a.server.tokens, "verify");
  const verifiedOnB = vi.spyOn(b.server.tokens, "verify");

  // Greeted sockets only (h.connect would also fetch the roster over HTTP, which verifies the token for its own request).
  const welcomed = (url: string, token: string) => new Promise((resolve) => h.socket(url, { token }).once("welcome", resolve));
  await welcomed(a.url, meeting.tokens.chair);
  expect(verifiedOnA).toHaveBeenCalledTimes(1);
  // Relayed: b verifies it, a (the owner) checks the link and the roster without verifying it again.
  await welcomed(b.url, meeting.tokens.member1);
  expect(verifiedOnB).toHaveBeenCalledTimes(1);
  expect(verifiedOnA).toHaveBeenCalledTimes(1);

  const stranger = await a.server.tokens.issue({ participantId: "nobody-here", meetingId: meeting.meetingId, role: "member" });
  const expired = await a.server.tokens.issue({ participantId: meeting.people.member2.id, meetingId: meeting.meetingId, role: "member" }, -1);
  for (const node of [a, b]) {
    expect((await h.connectRefused(node.url, {})).code).toBe("TOKEN_MISSING");
    expect((await h.connectRefused(node.url, { token: "not-a-jwt" })).code).toBe("TOKEN_INVALID");
    expect((await h.connectRefused(node.url, { token: expired })).code).toBe("TOKEN_EXPIRED");
    expect((await h.connectRefused(node.url, { token: stranger })).code).toBe("NOT_FOUND");
  }
});
