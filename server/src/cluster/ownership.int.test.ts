// Two nodes of one deployment (real PostgreSQL schema, real Redis stream, two real servers in this
// process): a meeting's room opens on the node that claims it first; the other node reads its
// state and submits commands through the owner; when the owner closes, the other takes over the
// meeting and rebuilds it from the log, and the old lease's appends are refused.
import { afterEach, expect, it } from "vitest";
import { eventually, Harness, openMeeting, persisted } from "../../../testing/server/harness.ts";
import { testCluster } from "../../../testing/server/cluster.ts";
import { MeetingRoom } from "../rooms/meetingRoom.ts";
import { RemoteRoom } from "../rooms/remoteRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

it("the owner runs the meeting; another node reads and submits through it; after the owner closes, the other takes over from the log", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(a.server, "两个节点的协商会");
  await openMeeting(a.server, meeting);
  expect(await a.server.rooms.get(meeting.meetingId)).toBeInstanceOf(MeetingRoom);
  expect(a.server.rooms.fenceOf(meeting.meetingId)).toEqual({ token: 1 });

  const onB = await b.server.rooms.get(meeting.meetingId);
  expect(onB).toBeInstanceOf(RemoteRoom);
  expect(onB.current.status).toBe("open");
  const member = { participantId: meeting.people.member1.id, role: "member" as const };
  const submitted = await onB.submit(member, { type: "queue.request" });
  expect(submitted).toMatchObject({ ok: true });
  const seq = submitted.ok ? submitted.value.seq : -1;
  expect((await a.server.rooms.get(meeting.meetingId)).current.seq).toBe(seq);
  const seqAfter = async () => (await a.server.rooms.get(meeting.meetingId)).current.seq;
  // A command id sent again through the other node: applied once, answered with the first result.
  const again = await onB.submit(member, { type: "queue.withdraw" }, "cid-through-b-0001");
  expect(again).toMatchObject({ ok: true });
  expect(await onB.submit(member, { type: "queue.withdraw" }, "cid-through-b-0001")).toEqual(again);
  expect(await seqAfter()).toBe(seq + 1);
  expect(await onB.submit(member, { type: "queue.request" })).toMatchObject({ ok: true, value: { seq: seq + 2 } });
  // A refusal comes back as the owner decided it.
  expect(await onB.submit(member, { type: "meeting.close" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

  // An organiser's change through node b reaches the owner's log.
  await b.server.rooms.syncConfig(meeting.meetingId);

  await a.close();
  const taken = await b.server.rooms.get(meeting.meetingId);
  expect(taken).toBeInstanceOf(MeetingRoom);
  expect(taken.current.seq).toBe(seq + 2);
  expect(b.server.rooms.fenceOf(meeting.meetingId)).toEqual({ token: 2 });
  expect(await taken.submit(member, { type: "queue.withdraw" })).toMatchObject({ ok: true });
  expect((await persisted(b.server, meeting.meetingId)).state.seq).toBe(seq + 3);
});

it("an owner whose lease was taken over while it was paused can append nothing more, and drops the meeting", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const meeting = await h.createMeeting(a.server, "暂停的节点");
  await openMeeting(a.server, meeting);
  const room = await a.server.rooms.get(meeting.meetingId);
  const before = (await persisted(a.server, meeting.meetingId)).events.length;
  const dropped: string[] = [];
  a.server.rooms.onDropped((id) => dropped.push(id));

  // What another node does when a's lease has expired: the token moves on (meetingLeases.ts).
  await a.server.db.$executeRawUnsafe(
    `UPDATE "MeetingLease" SET "token" = "token" + 1, "holder" = 'b', "expiresAt" = now() + interval '1 minute' WHERE "meetingId" = $1`,
    meeting.meetingId,
  );
  const member = { participantId: meeting.people.member1.id, role: "member" as const };
  expect(await room.submit(member, { type: "queue.request" })).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
  expect((await persisted(a.server, meeting.meetingId)).events.length).toBe(before);
  await eventually(() => expect(dropped).toEqual([meeting.meetingId]), 5_000);
  expect(a.server.rooms.isLocal(meeting.meetingId)).toBe(false);
});
