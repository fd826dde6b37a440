// 分组讨论 with a real server, real sockets and a real database (SQLite here, PostgreSQL in the
// integration-pg project): a plenary of 12 split by 界别 through the organisers' route, everyone
// entering their group from the plenary's socket, the group meetings as meetings of their own (a
// member of one group never receives another group's events), the chair following each group's
// speaker and reports, a suggestion of a group reaching the ledger with the group meeting as its
// source, the call back closing the groups at the end of its countdown across a restart, and the
// conveners queued to report.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../../../core/meeting.ts";
import { GroupsProposalResponse, GroupsResponse } from "../../../core/api/groups.ts";
import type { GroupDefinition } from "../../../core/groups/schema.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import type { Ack, GroupEntry } from "../../../core/protocol.ts";
import type { Role } from "../../../core/roles.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { pollOf, vote } from "../../../testing/server/pollRoom.ts";
import { collectEvents, eventually, Harness, send, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const TITLE = "区政协全体会议";
const PEOPLE: { name: string; role: Role; sector: string | null }[] = [
  { name: "沈主席", role: "chair", sector: null },
  { name: "姜秘书", role: "clerk", sector: null },
  { name: "李经一", role: "member", sector: "经济界" },
  { name: "王经二", role: "member", sector: "经济界" },
  { name: "赵教一", role: "member", sector: "教育界" },
  { name: "钱经三", role: "member", sector: "经济界" },
  { name: "孙教二", role: "member", sector: "教育界" },
  { name: "周医一", role: "member", sector: "医卫界" },
  { name: "吴医二", role: "member", sector: "医卫界" },
  { name: "郑教三", role: "member", sector: "教育界" },
  { name: "冯医三", role: "member", sector: "医卫界" },
  { name: "陈经四", role: "member", sector: "经济界" },
];

const enter = (client: TestClient, request?: { groupId: string }): Promise<Ack<GroupEntry>> =>
  client.socket.timeout(5_000).emitWithAck("groups.enter", request ?? {});

async function ok(client: TestClient, command: unknown): Promise<number> {
  const ack = await send(client, command);
  if (!ack.ok) throw new Error(`${(command as { type: string }).type} refused: ${ack.error.code}`);
  return ack.seq;
}

describe("分组讨论", () => {
  it("splits a plenary by 界别 into group meetings, relays their floor and reports, and calls everyone back across a restart", async () => {
    const srv = await h.startServer();
    const { server } = srv;
    const { meeting, participants } = await server.meetings.create(TITLE, PEOPLE);
    const plenaryId = meeting.id;
    const byName = new Map(participants.map((p) => [p.name, p]));
    const id = (name: string) => byName.get(name)!.id;
    const token = (name: string) => server.tokens.issue({ participantId: id(name), meetingId: plenaryId, role: byName.get(name)!.role });

    // The organisers: the proposal by 界别 (the clerk, without one, is left out: no 其他), each group's second member its clerk.
    const { client: org } = await staffClient(server, srv.url, "organiser1", "organiser");
    const proposal = await org.get(`/api/meetings/${plenaryId}/groups/proposal?by=sector`);
    expect(proposal.status).toBe(200);
    const groups = (proposal.body.groups as GroupDefinition[]).filter((g) => g.name !== "其他").map((g) => ({ ...g, clerkId: g.memberIds[1]! }));
    expect(groups.map((g) => [g.groupId, g.name, g.memberIds.length])).toEqual([
      ["g1", "经济界", 4],
      ["g2", "教育界", 3],
      ["g3", "医卫界", 3],
    ]);
    const defined = await org.request("PUT", `/api/meetings/${plenaryId}/groups`, { body: { method: "sector", groups } });
    expect(defined.status).toBe(200);
    expect(defined.body.groups.phase).toBe("defined");
    // The answers as the browser's client parses them (core/api/groups.ts).
    expect(GroupsProposalResponse.safeParse(proposal.body).success).toBe(true);
    expect(GroupsResponse.safeParse(defined.body).success).toBe(true);
    const twice = await org.request("PUT", `/api/meetings/${plenaryId}/groups`, {
      body: { method: "hand", groups: [{ ...groups[0]!, memberIds: [...groups[0]!.memberIds, id("赵教一")] }, groups[1]] },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, "GROUP_MEMBER_TWICE"]);
    expect((await org.get(`/api/meetings/${plenaryId}/groups`)).body.groups.groups).toHaveLength(3);

    // Everyone in the plenary.
    const plenary = new Map<string, TestClient>();
    for (const p of PEOPLE) plenary.set(p.name, await h.connect(srv.url, await token(p.name)));
    const chair = plenary.get("沈主席")!;
    await ok(chair, { type: "meeting.open" });
    expect(await enter(plenary.get("李经一")!)).toMatchObject({ ok: false, error: { code: "GROUPS_NOT_OPEN" } });

    const opened = await ok(chair, { type: "groups.open" });
    await chair.waitForSeq(opened);
    const reopen = await org.request("PUT", `/api/meetings/${plenaryId}/groups`, { body: { method: "sector", groups } });
    expect([reopen.status, reopen.body.error.code]).toEqual([409, "GROUPS_OPEN"]);
    const live = chair.state.groups.groups;
    const meetingOf = (groupId: string) => live.find((g) => g.groupId === groupId)!.meetingId!;

    // Each member enters their group from the plenary's socket and joins its meeting with the token.
    const inGroup = new Map<string, TestClient>();
    for (const group of groups)
      for (const memberId of group.memberIds) {
        const name = participants.find((p) => p.id === memberId)!.name;
        const entry = await enter(plenary.get(name)!);
        if (!entry.ok) throw new Error(`groups.enter of ${name}: ${entry.error.code}`);
        expect(entry.meetingId).toBe(meetingOf(group.groupId));
        const client = await h.connect(srv.url, entry.token);
        expect(client.welcome.meeting).toMatchObject({ id: entry.meetingId, kind: "group", title: `${TITLE} · ${group.name}` });
        expect(client.state.groupOf).toEqual({ plenaryId, groupId: group.groupId, name: group.name });
        // Joined as soon as its rows exist (maybe still scheduled); the server's meeting.open follows.
        await server.groupMeetings.idle();
        expect((await client.waitForSeq((await server.rooms.get(entry.meetingId)).current.seq)).status).toBe("open");
        const role = memberId === group.convenerId ? "chair" : memberId === group.clerkId ? "clerk" : "member";
        expect(client.welcome.me).toMatchObject({ name, role, sector: group.name });
        inGroup.set(name, client);
      }
    // The plenary's chair looks into 教育界 through the observer seat; the plenary's clerk has no group; a member may not look into another group.
    const look = await enter(chair, { groupId: "g2" });
    if (!look.ok) throw new Error(look.error.code);
    const observer = await h.connect(srv.url, look.token);
    expect(observer.welcome.me).toMatchObject({ name: "沈主席", role: "observer" });
    expect(await enter(plenary.get("姜秘书")!)).toMatchObject({ ok: false, error: { code: "NOT_IN_GROUP" } });
    expect(await enter(plenary.get("姜秘书")!, { groupId: "g1" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await enter(plenary.get("李经一")!, { groupId: "g2" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await enter(chair)).toMatchObject({ ok: false, error: { code: "NOT_IN_GROUP" } });

    // 教育界's convener gives 孙教二 the floor: 经济界's members receive nothing of it; the plenary's chair sees the speaker.
    const economy = groups[0]!.memberIds.map((m) => inGroup.get(participants.find((p) => p.id === m)!.name)!);
    const heard = economy.map((c) => collectEvents(c));
    const convenerB = inGroup.get("赵教一")!;
    const speaker = inGroup.get("郑教三")!;
    const progressed = collectEvents(chair);
    await ok(speaker, { type: "queue.request" });
    await ok(convenerB, { type: "floor.give", participantId: speaker.welcome.me.id });
    const relayed = await eventually(() => {
      const progress = chair.state.groups.groups.find((g) => g.groupId === "g2")!.progress;
      expect(progress).toMatchObject({ status: "open", speakerId: id("郑教三"), speakerName: "郑教三", speeches: 0 });
      return progress!;
    });
    expect(relayed.speechStartedAt).not.toBeNull();
    expect(progressed.events().some((e) => e.event.type === "groups.progressed" && e.event.groupId === "g2")).toBe(true);
    const speechId = convenerB.state.floor!.speechId;
    // 教育界's clerk notes a suggestion of the speech: it reaches the ledger with the group meeting as its source.
    await ok(speaker, { type: "floor.end" });
    await eventually(() => expect(chair.state.groups.groups.find((g) => g.groupId === "g2")!.progress).toMatchObject({ speakerId: null, speeches: 1 }));
    const clerkB = inGroup.get("孙教二")!;
    await ok(clerkB, {
      type: "record.captureSuggestion",
      entry: { kind: "speech", id: speechId },
      suggestion: { title: "增加课后服务师资", text: "建议统筹退休教师参与课后服务", topic: "教育", department: "区教育局" },
    });
    const item = await eventually(async () => {
      const items = (await org.get(`/api/ledger/items?meetingId=${meetingOf("g2")}`)).body.items as LedgerItemJson[];
      expect(items).toHaveLength(1);
      return items[0]!;
    });
    expect(item).toMatchObject({ source: "meeting", meetingId: meetingOf("g2"), meetingTitle: `${TITLE} · 教育界`, raisedByName: "郑教三", sector: "教育界" });
    for (const c of heard) c.stop();
    const leaked = heard.flatMap((c) => c.events()).filter((e) => e.event.type.startsWith("speech.") || e.event.type.startsWith("record."));
    expect(leaked).toEqual([]);
    // Whatever they did receive meanwhile is their own group meeting's log, event for event.
    const economyLog = await server.store.load(meetingOf("g1"));
    for (const received of heard.flatMap((c) => c.events())) expect(received).toEqual(economyLog[received.seq - 1]);
    for (const c of economy) {
      expect(c.state.groupOf!.groupId).toBe("g1");
      expect(c.state.speeches).toEqual([]);
      expect(c.problems).toEqual([]);
    }
    expect(observer.state.speeches).toHaveLength(1);

    // Each group's clerk saves the group's report: the plenary's chair receives all three.
    for (const group of groups) {
      const clerk = inGroup.get(participants.find((p) => p.id === group.clerkId)!.name)!;
      await ok(clerk, { type: "groups.report", report: { summary: `${group.name}小组讨论要点`, suggestions: [{ text: `${group.name}的建议`, by: null }] } });
    }
    await eventually(() => {
      for (const group of chair.state.groups.groups) expect(group.report).toMatchObject({ summary: `${group.name}小组讨论要点`, version: 1 });
    });
    expect(progressed.events().filter((e) => e.event.type === "groups.reportReceived")).toHaveLength(3);
    progressed.stop();

    // 医卫界's convener has a vote running when the call back comes: it is closed (and counted) before its meeting.
    const health = inGroup.get("周医一")!;
    const voter = inGroup.get("冯医三")!;
    // Eligible once present in the group meeting (arrivals are recorded in batches).
    await eventually(() => expect(health.state.attendance[voter.welcome.me.id]?.status).toBe("present"));
    await ok(health, { type: "poll.create", poll: pollOf({ title: "是否建议增设社区医院" }) });
    const pollId = health.state.polls.at(-1)!.pollId;
    await ok(health, { type: "poll.open", pollId, confirmed: true });
    expect(await vote(voter, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });

    // The chair calls everyone back in 2 s; the server restarts meanwhile: the countdown closes the groups all the same.
    await ok(chair, { type: "groups.recall", seconds: 2 });
    await srv.close();
    const srv2 = await h.startServer({ dataDir: srv.dataDir });
    const chair2 = await h.connect(srv2.url, await srv2.server.tokens.issue({ participantId: id("沈主席"), meetingId: plenaryId, role: "chair" }));
    expect(["recalling", "closed"]).toContain(chair2.state.groups.phase);
    await eventually(() => expect(chair2.state.groups.phase).toBe("closed"), 6_000);
    await eventually(async () => {
      for (const g of live) expect((await srv2.server.rooms.get(g.meetingId!)).current.status).toBe("closed");
    });
    const closedEvent = (await srv2.server.store.load(plenaryId)).find((e) => e.event.type === "groups.closed")!;
    expect(closedEvent.event).toMatchObject({ by: "system" });
    // What the groups did is kept: the reports, the speech, the ledger's item.
    expect(chair2.state.groups.groups.map((g) => g.report?.summary)).toEqual(["经济界小组讨论要点", "教育界小组讨论要点", "医卫界小组讨论要点"]);
    const groupB = (await srv2.server.rooms.get(meetingOf("g2"))).current;
    expect(groupB.speeches).toHaveLength(1);
    expect(groupB.groupReport?.summary).toBe("教育界小组讨论要点");
    const healthPoll = (await srv2.server.rooms.get(meetingOf("g3"))).current.polls[0]!;
    expect(healthPoll.status).toBe("closed");
    expect(healthPoll.result?.ballots).toBe(1);
    expect(await enter(chair2)).toMatchObject({ ok: false, error: { code: "GROUPS_NOT_OPEN" } });

    // Back in the plenary, 教育界's clerk amends the group's report in its closed meeting: the new version reaches the plenary.
    const token2 = (name: string) => srv2.server.tokens.issue({ participantId: id(name), meetingId: plenaryId, role: byName.get(name)!.role });
    const clerkBack = await h.connect(srv2.url, await token2("孙教二"));
    const amend = await enter(clerkBack);
    if (!amend.ok) throw new Error(`groups.enter of the clerk after the close: ${amend.error.code}`);
    expect(amend.meetingId).toBe(meetingOf("g2"));
    const closedGroup = await h.connect(srv2.url, amend.token);
    expect(closedGroup.welcome.me).toMatchObject({ name: "孙教二", role: "clerk" });
    expect(closedGroup.state).toMatchObject({ status: "closed", groupOf: { groupId: "g2" }, groupReport: { version: 1 } });
    await ok(closedGroup, { type: "groups.report", report: { summary: "教育界小组讨论要点（补充）", suggestions: [{ text: "教育界的建议", by: "郑教三" }] } });
    await eventually(() =>
      expect(chair2.state.groups.groups.find((g) => g.groupId === "g2")!.report).toMatchObject({
        summary: "教育界小组讨论要点（补充）",
        version: 2,
        byName: "孙教二",
      }),
    );
    // 经济界's convener too (with or without the groupId), not into another group; a member, the plenary's clerk: not open.
    const convenerBack = await h.connect(srv2.url, await token2("李经一"));
    expect(await enter(convenerBack)).toMatchObject({ ok: true, meetingId: meetingOf("g1") });
    expect(await enter(convenerBack, { groupId: "g1" })).toMatchObject({ ok: true, meetingId: meetingOf("g1") });
    expect(await enter(convenerBack, { groupId: "g2" })).toMatchObject({ ok: false, error: { code: "GROUPS_NOT_OPEN" } });
    expect(await enter(await h.connect(srv2.url, await token2("郑教三")))).toMatchObject({ ok: false, error: { code: "GROUPS_NOT_OPEN" } });
    expect(await enter(await h.connect(srv2.url, await token2("姜秘书")))).toMatchObject({ ok: false, error: { code: "GROUPS_NOT_OPEN" } });
    // The plenary's chair still looks in through the observer seat.
    const lookAfter = await enter(chair2, { groupId: "g3" });
    if (!lookAfter.ok) throw new Error(lookAfter.error.code);
    expect((await h.connect(srv2.url, lookAfter.token)).welcome.me).toMatchObject({ name: "沈主席", role: "observer" });
    expect(await enter(chair2, { groupId: "g9" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const { client: org2 } = await staffClient(srv2.server, srv2.url, "organiser2", "organiser");
    const after = await org2.get(`/api/meetings/${plenaryId}/groups`);
    expect(after.status).toBe(200);
    expect(GroupsResponse.parse(after.body).groups).toMatchObject({ phase: "closed", groups: [{ meetingId: meetingOf("g1") }, {}, {}] });

    // 请召集人汇报: the conveners join the plenary's queue in the groups' order.
    await ok(chair2, { type: "groups.callReports" });
    await eventually(() => expect(chair2.state.queue.map((q) => q.participantId)).toEqual(groups.map((g) => g.convenerId)));
    expect(srv2.logs).toEqual([]);
  });

  it("makes and opens the group meetings after a restart between groups.opened and their creation, and closes them after one between groups.closed and their close", async () => {
    const srv = await h.startServer();
    const { meeting, participants } = await srv.server.meetings.create(TITLE, PEOPLE);
    const room = await srv.server.rooms.get(meeting.id);
    const chair = { participantId: participants[0]!.id, role: "chair" as const };
    expect((await room.submit(chair, { type: "meeting.open" })).ok).toBe(true);
    const members = participants.filter((p) => p.role === "member").map((p) => p.id);
    const groups = [
      { groupId: "a", name: "第一组", topic: null, place: "第一会议室", convenerId: members[0]!, clerkId: null, memberIds: members.slice(0, 5) },
      { groupId: "b", name: "第二组", topic: null, place: null, convenerId: members[5]!, clerkId: null, memberIds: members.slice(5) },
    ];
    expect((await room.submit(chair, { type: "groups.define", method: "hand", groups })).ok).toBe(true);
    // groups.opened reaches the log but the server goes down before its listener saw it: appended
    // to the log directly (as decided by the core), with no room listener running.
    const decided = decide(room.current, { type: "groups.open" }, { actor: chair, now: Date.now(), newId: randomUUID });
    if (!decided.ok) throw new Error(decided.error.code);
    const at = Date.now();
    await srv.server.store.append(
      meeting.id,
      decided.value.map((event, i) => ({ seq: room.current.seq + 1 + i, at, actorId: chair.participantId, event })),
    );
    const opened = decided.value.flatMap((e) => (e.type === "groups.opened" ? e.groups.map((g) => g.meetingId) : []));
    expect(opened).toHaveLength(2);
    await srv.close();
    const srv2 = await h.startServer({ dataDir: srv.dataDir });
    expect(await srv2.server.caughtUp.groups).toEqual([meeting.id]);
    for (const [i, meetingId] of opened.entries()) {
      const group = (await srv2.server.rooms.get(meetingId)).current;
      expect(group.status).toBe("open");
      expect(group.groupOf).toEqual({ plenaryId: meeting.id, groupId: groups[i]!.groupId, name: groups[i]!.name });
      expect(group.roster.filter((p) => p.role !== "observer")).toHaveLength(groups[i]!.memberIds.length);
    }
    const info = await srv2.server.meetings.get(opened[0]!);
    expect(info).toMatchObject({ kind: "group", place: "第一会议室", parentMeetingId: meeting.id, groupId: "a", title: `${TITLE} · 第一组` });
    expect((await srv2.server.meetings.get(opened[1]!))?.place).toBeNull();
    expect(srv2.logs).toEqual([]);

    // And groups.closed reaching the log with the server going down before its listener: the next start closes the group meetings.
    // Appended inside the plenary's turn (nothing else commits meanwhile), its listeners not told; the server then stops.
    await srv2.server.groupRelay.idle();
    await (
      await srv2.server.rooms.local(meeting.id)
    ).withTurn(async (plenary2) => {
      const closing = decide(plenary2, { type: "groups.close" }, { actor: chair, now: Date.now(), newId: randomUUID });
      if (!closing.ok) throw new Error(closing.error.code);
      await srv2.server.store.append(
        meeting.id,
        closing.value.map((event, i) => ({ seq: plenary2.seq + 1 + i, at: Date.now(), actorId: chair.participantId, event })),
      );
    });
    await srv2.close();
    const srv3 = await h.startServer({ dataDir: srv.dataDir });
    expect(await srv3.server.caughtUp.groups).toEqual([meeting.id]);
    for (const meetingId of opened) expect((await srv3.server.rooms.get(meetingId)).current.status).toBe("closed");
    expect((await srv3.server.meetings.groupMeetings(meeting.id)).map((g) => g.status)).toEqual(["closed", "closed"]);
    // Nothing left to do on the next start.
    await srv3.close();
    const srv4 = await h.startServer({ dataDir: srv.dataDir });
    expect(await srv4.server.caughtUp.groups).toEqual([]);
    expect(srv3.logs.concat(srv4.logs)).toEqual([]);
  });
});
