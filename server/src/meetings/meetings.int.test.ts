// Meetings and agenda over real HTTP: validation (nothing changes on a refusal), archive,
// the list per role, agenda order as a permutation, deletion refused once an item has been
// current, and agenda/rule changes reaching a live meeting's screens through its log.
import { afterEach, describe, expect, it } from "vitest";
import { Harness, openMeeting, persisted, send } from "../../../testing/server/harness.ts";
import { linkAccount, staffClient, type ApiClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  return { ...t, org };
}

async function newMeeting(org: ApiClient, body: Record<string, unknown> = {}) {
  const res = await org.post("/api/meetings", { title: "关于优化营商环境的专题协商会", ...body });
  expect(res.status).toBe(201);
  return res.body.meeting;
}

describe("meetings", () => {
  it("creates a meeting with the defaults of the schema, and never returns the check-in secret", async () => {
    const { org, server } = await setup();
    const meeting = await newMeeting(org, { number: "区政协协商〔2026〕5号", startsAt: "2026-12-03T14:30:00+08:00", place: "区政协三楼会议室" });
    expect(meeting).toMatchObject({
      title: "关于优化营商环境的专题协商会",
      number: "区政协协商〔2026〕5号",
      kind: "consultation",
      mode: "hybrid",
      speechCapSeconds: 300,
      interjectionsAllowed: true,
      interjectionCapSeconds: 120,
      membersMayInterject: false,
      pollsAllowed: true,
      clerkMayRunPolls: false,
      recordShared: false,
      quorumRule: "majority",
      archived: false,
      startsAt: "2026-12-03T06:30:00.000Z",
      place: "区政协三楼会议室",
    });
    expect(meeting).not.toHaveProperty("checkinSecret");
    const row = await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(row.checkinSecret).toMatch(/^[0-9a-f]{32}$/);
    const got = await org.get(`/api/meetings/${meeting.id}`);
    expect(got.body).toEqual({ meeting, agenda: [], participants: [] });
  });

  it("refuses invalid input with 400 VALIDATION and field details, creating or changing nothing", async () => {
    const { org, server } = await setup();
    const cases: Record<string, unknown>[] = [
      {},
      { title: "" },
      { title: "x", kind: "party" },
      // A group meeting (分组讨论) is made by its plenary's opening only.
      { title: "x", kind: "group" },
      { title: "x", speechCapSeconds: 29 },
      { title: "x", speechCapSeconds: 3601 },
      { title: "x", speechCapSeconds: 60.5 },
      { title: "x", startsAt: "next tuesday" },
      { title: "x", mode: "offline" },
      { title: "x", quorumRule: "all" },
      { title: "x", interjectionsAllowed: "yes" },
      { title: "x", interjectionCapSeconds: 29 },
      { title: "x", interjectionCapSeconds: 3601 },
      { title: "x", membersMayInterject: "yes" },
      { title: "x", clerkMayRunPolls: "yes" },
      { title: "x", clerkMayRunPolls: null },
      { title: "x", recordShared: "yes" },
      { title: "x", recordShared: null },
      { title: "x", unknownField: 1 },
      { title: "x".repeat(201) },
    ];
    for (const body of cases) {
      const res = await org.post("/api/meetings", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    expect(await server.db.meeting.count()).toBe(0);

    const meeting = await newMeeting(org);
    const bad = await org.patch(`/api/meetings/${meeting.id}`, { title: "新标题", speechCapSeconds: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.join()).toContain("speechCapSeconds");
    expect((await org.get(`/api/meetings/${meeting.id}`)).body.meeting.title).toBe(meeting.title);
    const toGroup = await org.patch(`/api/meetings/${meeting.id}`, { title: "新标题", kind: "group" });
    expect([toGroup.status, toGroup.body.error.code]).toEqual([400, "VALIDATION"]);
    expect((await org.get(`/api/meetings/${meeting.id}`)).body.meeting).toMatchObject({ title: meeting.title, kind: meeting.kind });
    const nothing = await org.patch("/api/meetings/no-such-meeting", { title: "新标题" });
    expect(nothing.status).toBe(404);
    expect(nothing.body.error.code).toBe("NOT_FOUND");
  });

  it("patches, clears optional fields with null, and archives (archived meetings leave the default list)", async () => {
    const { org } = await setup();
    const meeting = await newMeeting(org, { place: "会议室", startsAt: "2026-12-03T06:30:00Z" });
    const patched = await org.patch(`/api/meetings/${meeting.id}`, {
      place: null,
      startsAt: null,
      kind: "roundtable",
      speechCapSeconds: 480,
      interjectionCapSeconds: 180,
      membersMayInterject: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({
      place: null,
      startsAt: null,
      kind: "roundtable",
      speechCapSeconds: 480,
      interjectionCapSeconds: 180,
      membersMayInterject: true,
      title: meeting.title,
    });
    expect((await org.patch(`/api/meetings/${meeting.id}`, { interjectionCapSeconds: 20 })).body.error.details.join()).toContain("interjectionCapSeconds");
    expect((await org.post(`/api/meetings/${meeting.id}/archive`, { archived: "yes" })).status).toBe(400);
    const archived = await org.post(`/api/meetings/${meeting.id}/archive`, { archived: true });
    expect(archived.body.meeting.archived).toBe(true);
    expect((await org.get("/api/meetings")).body.meetings).toEqual([]);
    expect((await org.get("/api/meetings?archived=true")).body.meetings.map((x: { id: string }) => x.id)).toEqual([meeting.id]);
    expect((await org.get("/api/meetings?archived=maybe")).status).toBe(400);
  });

  it("lists only their own meetings to a chair or clerk", async () => {
    const { org, server, url } = await setup();
    const mine = await h.createMeeting(server, "我的会议");
    await h.createMeeting(server, "别人的会议");
    const { client: chair, account } = await staffClient(server, url, "chair1", "chair");
    await linkAccount(server, mine.people.chair.id, account.id);
    expect((await chair.get("/api/meetings")).body.meetings.map((x: { title: string }) => x.title)).toEqual(["我的会议"]);
    expect((await org.get("/api/meetings")).body.meetings).toHaveLength(2);
  });
});

describe("agenda", () => {
  async function withItems(org: ApiClient, titles: string[]) {
    const meeting = await newMeeting(org);
    const ids: string[] = [];
    for (const title of titles) {
      const res = await org.post(`/api/meetings/${meeting.id}/agenda`, { title, presenter: "区发改委", plannedMinutes: 30 });
      expect(res.status).toBe(201);
      ids.push(res.body.item.id);
    }
    return { meeting, ids };
  }

  it("appends items in order, patches them and validates them", async () => {
    const { org } = await setup();
    const { meeting, ids } = await withItems(org, ["通报情况", "委员发言", "领导讲话"]);
    const agenda = (await org.get(`/api/meetings/${meeting.id}`)).body.agenda;
    expect(agenda.map((i: { title: string; position: number }) => [i.position, i.title])).toEqual([
      [0, "通报情况"],
      [1, "委员发言"],
      [2, "领导讲话"],
    ]);
    expect(agenda[0]).toEqual({ id: ids[0], position: 0, title: "通报情况", presenter: "区发改委", plannedMinutes: 30, materials: [] });
    const patched = await org.patch(`/api/meetings/${meeting.id}/agenda/${ids[1]}`, { plannedMinutes: 90, presenter: null });
    expect(patched.body.item).toMatchObject({ plannedMinutes: 90, presenter: null, title: "委员发言" });
    for (const body of [{ title: "x", plannedMinutes: 0 }, { plannedMinutes: 30 }, { title: "x", plannedMinutes: 30, position: 0 }]) {
      expect((await org.post(`/api/meetings/${meeting.id}/agenda`, body)).status).toBe(400);
    }
    expect((await org.patch(`/api/meetings/${meeting.id}/agenda/nope`, { title: "x" })).status).toBe(404);
  });

  it("reorders only with a permutation of all items; anything else is 400 and changes nothing", async () => {
    const { org } = await setup();
    const { meeting, ids } = await withItems(org, ["一", "二", "三"]);
    const [a, b, c] = ids as [string, string, string];
    const other = await withItems(org, ["别的会议的议题"]);
    const bad = [[a, b], [a, b, c, c], [a, b, b], [a, b, c, other.ids[0]!], [a, b, "nope"], []];
    for (const itemIds of bad) {
      const res = await org.put(`/api/meetings/${meeting.id}/agenda/order`, { itemIds });
      expect(res.status, JSON.stringify(itemIds)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
    const titles = async () => (await org.get(`/api/meetings/${meeting.id}`)).body.agenda.map((i: { title: string }) => i.title);
    expect(await titles()).toEqual(["一", "二", "三"]);
    const res = await org.put(`/api/meetings/${meeting.id}/agenda/order`, { itemIds: [c, a, b] });
    expect(res.status).toBe(200);
    expect(res.body.agenda.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    expect(await titles()).toEqual(["三", "一", "二"]);
  });

  it("deletes an item and closes the gap; refuses (MEETING_ALREADY_OPEN) an item that has been current", async () => {
    const { org, server } = await setup();
    const m = await h.createMeeting(server);
    const ids: string[] = [];
    for (const title of ["一", "二", "三"]) ids.push((await org.post(`/api/meetings/${m.meetingId}/agenda`, { title, plannedMinutes: 10 })).body.item.id);
    expect((await org.delete(`/api/meetings/${m.meetingId}/agenda/${ids[1]}`)).status).toBe(200);
    const agenda = (await org.get(`/api/meetings/${m.meetingId}`)).body.agenda;
    expect(agenda.map((i: { title: string; position: number }) => [i.position, i.title])).toEqual([
      [0, "一"],
      [1, "三"],
    ]);
    await openMeeting(server, m); // the first item becomes current
    const refused = await org.delete(`/api/meetings/${m.meetingId}/agenda/${ids[0]}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("MEETING_ALREADY_OPEN");
    expect((await org.get(`/api/meetings/${m.meetingId}`)).body.agenda).toHaveLength(2);
    expect((await org.delete(`/api/meetings/${m.meetingId}/agenda/${ids[2]}`)).status).toBe(200);
  });

  it("changes to the agenda and rules reach the live meeting's log and its connected screens", async () => {
    const { org, server, url } = await setup();
    const m = await h.createMeeting(server);
    const member = await h.connect(url, m.tokens.member1);
    const added = await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "委员发言", presenter: null, plannedMinutes: 45 });
    await org.patch(`/api/meetings/${m.meetingId}`, { quorumRule: "twoThirds", speechCapSeconds: 480, interjectionCapSeconds: 90, membersMayInterject: true });
    const { state } = await persisted(server, m.meetingId);
    expect(state.interjectionRules).toEqual({ capMs: 90_000, membersMay: true, allowed: true });
    expect(state.agenda.map((i) => [i.id, i.title, i.plannedMs])).toEqual([[added.body.item.id, "委员发言", 45 * 60_000]]);
    expect(state.quorumRule).toBe("twoThirds");
    expect(state.speechCaps.impromptu).toBe(480_000);
    const seen = await member.waitForSeq(state.seq);
    expect(seen.agenda.map((i) => i.title)).toEqual(["委员发言"]);
    // 允许插话 off in the meeting's settings: the live meeting refuses interjections altogether.
    await org.patch(`/api/meetings/${m.meetingId}`, { interjectionsAllowed: false });
    expect((await persisted(server, m.meetingId)).state.interjectionRules).toEqual({ capMs: 90_000, membersMay: true, allowed: false });
    expect(seen.quorumRule).toBe("twoThirds");
  });
});

describe("表决权重 and 记录员可发起表决", () => {
  it("a vote weight, clerkMayRunPolls and pollsAllowed set through the organiser API reach the live state and its screens", async () => {
    const { org, server, url } = await setup();
    const m = await h.createMeeting(server);
    const base = `/api/meetings/${m.meetingId}`;
    const member = await h.connect(url, m.tokens.member1);
    const before = await persisted(server, m.meetingId);
    expect(before.state.pollRules).toEqual({ clerkMay: false, allowed: true });
    expect(before.state.roster.some((p) => "weight" in p)).toBe(false);

    // 专有部分面积 as the weight: by hand for a new owner, edited for an existing one.
    const added = await org.post(`${base}/participants`, { name: "钟玉", role: "member", household: "1号楼1单元203", voteWeight: 89.5 });
    expect(added.status).toBe(201);
    expect(added.body.participant).toMatchObject({ name: "钟玉", voteWeight: 89.5 });
    const edited = await org.patch(`${base}/participants/${m.people.member1.id}`, { voteWeight: 120.1234 });
    expect(edited.body.participant.voteWeight).toBe(120.1234);
    const meeting = await org.patch(base, { clerkMayRunPolls: true });
    expect(meeting.status).toBe(200);
    expect(meeting.body.meeting.clerkMayRunPolls).toBe(true);

    const { state, events } = await persisted(server, m.meetingId);
    expect(state.pollRules).toEqual({ clerkMay: true, allowed: true });
    expect(events.filter((e) => e.event.type === "poll.rulesSet").map((e) => [e.event, e.actorId])).toEqual([
      [{ type: "poll.rulesSet", clerkMay: true, allowed: true }, "system"],
    ]);
    expect(state.roster.find((p) => p.id === added.body.participant.id)?.weight).toBe(89.5);
    expect(state.roster.find((p) => p.id === m.people.member1.id)?.weight).toBe(120.1234);
    // Not set: no weight in the live roster at all (counts as 1).
    expect(state.roster.find((p) => p.id === m.people.member2.id)).not.toHaveProperty("weight");
    const seen = await member.waitForSeq(state.seq);
    expect(seen.pollRules).toEqual({ clerkMay: true, allowed: true });
    expect(seen.roster.find((p) => p.id === m.people.member1.id)?.weight).toBe(120.1234);

    // An unchanged setting syncs nothing more; clearing the weight removes it from the live roster.
    await org.patch(base, { clerkMayRunPolls: true, title: "改名后的会议" });
    await org.patch(`${base}/participants/${m.people.member1.id}`, { voteWeight: null });
    const after = await persisted(server, m.meetingId);
    expect(after.events.filter((e) => e.event.type === "poll.rulesSet")).toHaveLength(1);
    expect(after.state.roster.find((p) => p.id === m.people.member1.id)).not.toHaveProperty("weight");
    await org.patch(base, { clerkMayRunPolls: false });
    expect((await persisted(server, m.meetingId)).state.pollRules).toEqual({ clerkMay: false, allowed: true });

    // 允许表决 unticked: the live meeting refuses polls (POLLS_OFF) and every screen knows it.
    await openMeeting(server, m);
    await org.patch(base, { pollsAllowed: false });
    const off = await persisted(server, m.meetingId);
    expect(off.state.pollRules).toEqual({ clerkMay: false, allowed: false });
    expect((await member.waitForSeq(off.state.seq)).pollRules.allowed).toBe(false);
    const chair = await h.connect(url, m.tokens.chair);
    const poll = { title: "表决", form: "consent", secret: false, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }] };
    expect(await send(chair, { type: "poll.create", poll })).toMatchObject({ ok: false, error: { code: "POLLS_OFF" } });
    await org.patch(base, { pollsAllowed: true });
    expect(await send(chair, { type: "poll.create", poll })).toMatchObject({ ok: true });
  });

  it("refuses a bad vote weight (400 VALIDATION naming voteWeight) and changes nothing", async () => {
    const { org, server } = await setup();
    const m = await h.createMeeting(server);
    const base = `/api/meetings/${m.meetingId}`;
    for (const voteWeight of [0, -1, 1.23456, 1_000_000.5, "89.5", null]) {
      const res = await org.post(`${base}/participants`, { name: "某", role: "member", voteWeight });
      expect(res.status, JSON.stringify(voteWeight)).toBe(400);
      expect(res.body.error.details.join()).toContain("voteWeight");
    }
    expect(await server.db.participant.count({ where: { name: "某" } })).toBe(0);
    const bad = await org.patch(`${base}/participants/${m.people.member1.id}`, { voteWeight: 0.00001 });
    expect(bad.status).toBe(400);
    expect((await server.db.participant.findUniqueOrThrow({ where: { id: m.people.member1.id } })).voteWeight).toBeNull();
    expect((await org.patch(base, { clerkMayRunPolls: 1 })).status).toBe(400);
    expect((await persisted(server, m.meetingId)).state.pollRules).toEqual({ clerkMay: false, allowed: true });
  });
});

describe("会议记录向委员公开 (recordShared)", () => {
  it("set on creation or by PATCH, it reaches the live state once (record.sharedSet from the system); a bad value changes nothing", async () => {
    const { org, server } = await setup();
    const created = await newMeeting(org, { recordShared: true });
    expect(created.recordShared).toBe(true);
    const m = await h.createMeeting(server);
    const base = `/api/meetings/${m.meetingId}`;
    expect((await persisted(server, m.meetingId)).state.recordShared).toBe(false);
    const shared = await org.patch(base, { recordShared: true });
    expect(shared.status).toBe(200);
    expect(shared.body.meeting.recordShared).toBe(true);
    expect((await org.get(base)).body.meeting.recordShared).toBe(true);
    await org.patch(base, { recordShared: true, title: "改名后的会议" });
    const { state, events } = await persisted(server, m.meetingId);
    expect(state.recordShared).toBe(true);
    expect(events.filter((e) => e.event.type === "record.sharedSet").map((e) => [e.event, e.actorId])).toEqual([
      [{ type: "record.sharedSet", shared: true }, "system"],
    ]);
    for (const bad of ["true", 1, null]) expect((await org.patch(base, { recordShared: bad })).status, JSON.stringify(bad)).toBe(400);
    expect((await org.get(base)).body.meeting.recordShared).toBe(true);
    await org.patch(base, { recordShared: false });
    expect((await persisted(server, m.meetingId)).state.recordShared).toBe(false);
  });
});

describe("the meeting's time zone and the microphone on being given the floor", () => {
  it("default to Beijing time and a tap; PATCHed, they reach the live state once each; an unknown zone changes nothing", async () => {
    const { org, server } = await setup();
    const created = await newMeeting(org, { startsAt: "2026-12-03T14:30:00+08:00" });
    expect(created).toMatchObject({ timeZone: "Asia/Shanghai", micOpensOnFloor: false });
    const m = await h.createMeeting(server);
    const base = `/api/meetings/${m.meetingId}`;
    expect((await persisted(server, m.meetingId)).state).toMatchObject({ timeZone: "Asia/Shanghai", micOpensOnFloor: false });

    for (const bad of ["Mars/Olympus", "", "Asia/Shanghai ".repeat(10), 8, null]) {
      const refused = await org.patch(base, { timeZone: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe("VALIDATION");
      expect(refused.body.error.details.join()).toContain("timeZone");
    }
    expect((await org.patch(base, { micOpensOnFloor: "yes" })).status).toBe(400);
    expect((await org.get(base)).body.meeting).toMatchObject({ timeZone: "Asia/Shanghai", micOpensOnFloor: false });

    const patched = await org.patch(base, { timeZone: "Europe/Berlin", micOpensOnFloor: true, startsAt: "2026-12-03T14:30:00+01:00" });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({ timeZone: "Europe/Berlin", micOpensOnFloor: true, startsAt: "2026-12-03T13:30:00.000Z" });
    await org.patch(base, { timeZone: "Europe/Berlin", title: "改名后的会议" });
    const { state, events } = await persisted(server, m.meetingId);
    expect(state).toMatchObject({ timeZone: "Europe/Berlin", micOpensOnFloor: true });
    expect(events.filter((e) => e.event.type.startsWith("meeting.") && e.event.type !== "meeting.kindSet").map((e) => [e.event, e.actorId])).toEqual([
      [{ type: "meeting.timeZoneSet", timeZone: "Europe/Berlin" }, "system"],
      [{ type: "meeting.micOpensOnFloorSet", opens: true }, "system"],
    ]);
  });
});

describe("the kind of meeting and 界别均衡优先 in the live meeting", () => {
  it("PATCHed by the organisers, they reach the live state once each (meeting.kindSet, ordering.set from the system) and the screens; bad values change nothing", async () => {
    const { org, server, url } = await setup();
    const m = await h.createMeeting(server);
    const base = `/api/meetings/${m.meetingId}`;
    const member = await h.connect(url, m.tokens.member1);
    // A consultation (the default) has nothing to sync.
    const before = await persisted(server, m.meetingId);
    expect(before.state.kind).toBe("consultation");
    expect(before.state.ordering.sectorFirst).toBe(false);
    expect(before.events.some((e) => e.event.type === "meeting.kindSet")).toBe(false);

    const patched = await org.patch(base, { kind: "bargaining", orderSectorFirst: true });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({ kind: "bargaining", orderSectorFirst: true });
    await org.patch(base, { kind: "bargaining", title: "工资集体协商（第二轮）" });
    const { state, events } = await persisted(server, m.meetingId);
    expect(state.kind).toBe("bargaining");
    expect(state.ordering).toEqual({ bookedFirst: true, partyFirst: true, sectorBalance: true, notYetSpoken: "item", sectorFirst: true });
    expect(events.filter((e) => e.event.type === "meeting.kindSet").map((e) => [e.event, e.actorId])).toEqual([
      [{ type: "meeting.kindSet", kind: "bargaining" }, "system"],
    ]);
    const seen = await member.waitForSeq(state.seq);
    expect(seen.kind).toBe("bargaining");
    expect(seen.ordering.sectorFirst).toBe(true);

    for (const bad of [{ kind: "townHall" }, { orderSectorFirst: "yes" }]) expect((await org.patch(base, bad)).status, JSON.stringify(bad)).toBe(400);
    expect((await org.get(base)).body.meeting).toMatchObject({ kind: "bargaining", orderSectorFirst: true });
    await org.patch(base, { kind: "mediation" });
    expect((await persisted(server, m.meetingId)).state.kind).toBe("mediation");
  });
});

describe("a plenary's roster", () => {
  it("a meeting of 2,001 people is created at once, in roster order (a few statements, on either database)", async () => {
    const { server } = await h.startServer();
    const roster = [
      { name: "主持人", role: "chair" as const },
      ...Array.from({ length: 2_000 }, (_, i) => ({ name: `委员${i + 1}`, role: "member" as const })),
    ];
    const { meeting, participants } = await server.meetings.create("市政协全体会议", roster);
    expect(participants).toHaveLength(2_001);
    const stored = await server.db.participant.findMany({ where: { meetingId: meeting.id }, orderBy: { ordinal: "asc" }, select: { name: true } });
    expect(stored.map((p) => p.name)).toEqual(roster.map((p) => p.name));
  });
});
