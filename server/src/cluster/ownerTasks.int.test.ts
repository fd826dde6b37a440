// HTTP routes whose work must run in the meeting's turn, on a node that does not own the meeting
// (two nodes of one deployment in this process: real PostgreSQL schema, real Redis stream): a
// member's own registration in the speaking plan before the meeting opens is sent to the owner
// (RoomRegistry.onOwner, bus request room.task) and answered as the owner answers it; refusals
// get the same code through either node.
import { afterEach, expect, it } from "vitest";
import { Harness, openMeeting } from "../../../testing/server/harness.ts";
import { testCluster } from "../../../testing/server/cluster.ts";
import { ApiClient, staffClient, type ApiResponse } from "../../../testing/server/api.ts";
import { MeetingRoom } from "../rooms/meetingRoom.ts";
import { RemoteRoom } from "../rooms/remoteRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const codeOf = (res: ApiResponse) => [res.status, res.body?.error?.code as unknown];

it("a member registers and withdraws their own planned speech through a node that does not own the meeting; refusals are the owner's", async () => {
  const cluster = await testCluster(h);
  const a = await cluster.start("a");
  const b = await cluster.start("b");
  const meeting = await h.createMeeting(a.server, "节点之间的发言安排");
  const base = `/api/meetings/${meeting.meetingId}`;
  expect(await a.server.rooms.get(meeting.meetingId)).toBeInstanceOf(MeetingRoom);
  expect(await b.server.rooms.get(meeting.meetingId)).toBeInstanceOf(RemoteRoom);
  const ownerPlan = async () => (await a.server.rooms.local(meeting.meetingId)).current.plan.map((p) => [p.bookingId, p.participantId]);
  const onA = new ApiClient(a.url);
  const onB = new ApiClient(b.url);
  const member1 = bearer(meeting.tokens.member1);

  // Registered through b: saved, and in the owner's live plan before the answer.
  const own = await onB.post(`${base}/my-speeches`, { kind: "booked", title: "关于社区养老的建议" }, member1);
  expect(own.status).toBe(201);
  expect(own.body.speech).toMatchObject({ participantId: meeting.people.member1.id, selfRegistered: true, title: "关于社区养老的建议" });
  expect(await ownerPlan()).toEqual([[own.body.speech.id, meeting.people.member1.id]]);
  expect(a.server.rooms.isLocal(meeting.meetingId)).toBe(true);
  expect(b.server.rooms.isLocal(meeting.meetingId)).toBe(false);

  // The organisers' plan through b reaches the owner too (their changes are synced by the owner: room.syncConfig).
  const { client: org } = await staffClient(b.server, b.url, "secretariat", "organiser");
  const arranged = await org.post(`${base}/plan`, { participantId: meeting.people.member2.id, kind: "written", title: "书面发言", text: "全文" });
  expect(arranged.status).toBe(201);
  expect(await ownerPlan()).toContainEqual([arranged.body.speech.id, meeting.people.member2.id]);

  // Withdrawn through b: gone from the owner's plan.
  expect((await onB.delete(`${base}/my-speeches/${own.body.speech.id}`, member1)).status).toBe(200);
  expect(await ownerPlan()).toEqual([[arranged.body.speech.id, meeting.people.member2.id]]);

  // A bad registration: the same refusal on either node.
  const bad = { kind: "written", title: "没有全文的书面发言" };
  expect(codeOf(await onB.post(`${base}/my-speeches`, bad, member1))).toEqual([400, "VALIDATION"]);
  expect(codeOf(await onA.post(`${base}/my-speeches`, bad, member1))).toEqual([400, "VALIDATION"]);

  // Once the meeting is open the owner refuses in its turn, and b answers with the owner's code.
  const again = await onB.post(`${base}/my-speeches`, { kind: "booked", title: "再报一次" }, member1);
  expect(again.status).toBe(201);
  await openMeeting(a.server, meeting);
  const late = { kind: "booked", title: "迟到的预约" };
  expect(codeOf(await onB.post(`${base}/my-speeches`, late, member1))).toEqual([409, "MEETING_ALREADY_OPEN"]);
  expect(codeOf(await onA.post(`${base}/my-speeches`, late, member1))).toEqual([409, "MEETING_ALREADY_OPEN"]);
  expect(codeOf(await onB.delete(`${base}/my-speeches/${again.body.speech.id}`, member1))).toEqual([409, "MEETING_ALREADY_OPEN"]);
  expect(codeOf(await onA.delete(`${base}/my-speeches/${again.body.speech.id}`, member1))).toEqual([409, "MEETING_ALREADY_OPEN"]);
  expect(await a.server.db.plannedSpeech.count({ where: { meetingId: meeting.meetingId } })).toBe(2);
});
