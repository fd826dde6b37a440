// 分组讨论: the group meetings are made in the plenary's turn, before groups.open is decided
// (GroupMeetings.decideContext → ctx.groupsOpening), so their rows exist when groups.opened is out
// and groups.enter answers at once; rows made for an opening that was then not decided (an orphan)
// never show in the organisers' meeting list, and group meetings show there once opened. A real
// server, real sockets and a real database (SQLite here, PostgreSQL in the integration-pg project).
import { afterEach, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness, send } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const PEOPLE: { name: string; role: Role; sector: string | null }[] = [
  { name: "沈主席", role: "chair", sector: null },
  { name: "李经一", role: "member", sector: "经济界" },
  { name: "王经二", role: "member", sector: "经济界" },
  { name: "赵教一", role: "member", sector: "教育界" },
  { name: "孙教二", role: "member", sector: "教育界" },
];

it("makes the group meetings before groups.opened is committed; an orphan group meeting is not listed, an opened one is", async () => {
  const srv = await h.startServer();
  const { server } = srv;
  const { meeting, participants } = await server.meetings.create("区政协全体会议", PEOPLE);
  const plenaryId = meeting.id;
  const id = (name: string) => participants.find((p) => p.name === name)!.id;
  const token = (name: string, role: Role) => server.tokens.issue({ participantId: id(name), meetingId: plenaryId, role });
  const groups = [
    { groupId: "g1", name: "经济界", topic: null, place: null, convenerId: id("李经一"), clerkId: null, memberIds: [id("李经一"), id("王经二")] },
    { groupId: "g2", name: "教育界", topic: null, place: "302 室", convenerId: id("赵教一"), clerkId: null, memberIds: [id("赵教一"), id("孙教二")] },
  ];
  const { client: org } = await staffClient(server, srv.url, "organiser1", "organiser");
  expect((await org.request("PUT", `/api/meetings/${plenaryId}/groups`, { body: { method: "hand", groups } })).status).toBe(200);

  // An orphan: group meeting rows of this plenary that no groups.opened names (made, then the decision failed).
  const orphanId = "orphan-group-meeting";
  await server.meetings.createGroupMeetings(plenaryId, [
    { meetingId: orphanId, groupId: "g1", name: "经济界", place: null, seats: [{ participantId: id("李经一"), seatId: "orphan-seat", role: "chair" }] },
  ]);
  const listed = async () => ((await org.get("/api/meetings?archived=false")).body.meetings as { id: string; status: string }[]).map((m) => [m.id, m.status]);
  expect(await listed()).toEqual([[plenaryId, "scheduled"]]);

  const chair = await h.connect(srv.url, await token("沈主席", "chair"));
  const member = await h.connect(srv.url, await token("孙教二", "member"));
  expect((await send(chair, { type: "meeting.open" })).ok).toBe(true);
  // A member may not open the groups: nothing is made for a command the core refuses.
  expect(await send(member, { type: "groups.open" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  expect((await server.meetings.groupMeetings(plenaryId)).map((g) => g.id)).toEqual([orphanId]);

  // The chair opens: the rows are there as soon as the command is answered (made in the plenary's turn, not after).
  const opened = await send(chair, { type: "groups.open" });
  if (!opened.ok) throw new Error(opened.error.code);
  const state = await chair.waitForSeq(opened.seq);
  const round = state.groups.groups.map((g) => g.meetingId!);
  const rows = await server.meetings.groupMeetings(plenaryId);
  expect(rows.map((r) => r.id).sort()).toEqual([orphanId, ...round].sort());
  const education = await server.meetings.find(round[1]!);
  expect(education).toMatchObject({ kind: "group", title: "区政协全体会议 · 教育界", place: "302 室" });

  // groups.enter answers with the member's seat in the group meeting, which the member joins (open, or opened a moment later).
  const entry = await member.socket.timeout(5_000).emitWithAck("groups.enter", {});
  if (!entry.ok) throw new Error(entry.error.code);
  expect(entry.meetingId).toBe(round[1]);
  const inGroup = await h.connect(srv.url, entry.token);
  expect(inGroup.welcome.me).toMatchObject({ name: "孙教二", role: "member" });
  await server.groupMeetings.idle();
  const groupRoom = await server.rooms.get(round[1]!);
  expect(groupRoom.current.status).toBe("open");
  // Nothing lost between a greeting of a still scheduled meeting and its opening.
  expect((await inGroup.waitForSeq(groupRoom.current.seq)).status).toBe("open");
  expect(inGroup.problems).toEqual([]);

  // The organisers' list: the plenary and its two opened group meetings; never the orphan.
  expect((await listed()).sort()).toEqual([[plenaryId, "open"], ...round.map((r) => [r, "open"])].sort());
});
