// The archive's search over real HTTP: two meetings run through their real rooms on a real
// SQLite file (speeches summarized by the clerk, suggestions, a decision), the index kept current
// by the server after committed events (debounce shortened), searched in Chinese by 2- and
// 3-character words; organiser and admin sessions only.
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import type { YishitingServer } from "../server.ts";
import { ApiClient, linkAccount, staffClient, type Json } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { bearer } from "../../../testing/server/minutesMeeting.ts";
import { commandRunner, rosterHandles } from "../../../testing/server/rosterHandles.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "张丽华", role: "member" },
  { key: "member2", name: "李明", role: "member" },
  { key: "clerk", name: "姜建博", role: "clerk" },
] as const satisfies readonly { key: string; name: string; role: Role }[];

interface Script {
  title: string;
  item: string;
  summaries: [string, string];
  suggestion: { title: string; text: string; topic: string; department: string };
  decision?: string;
}

/** The servers' clock (injected): each meeting below runs from its own start, a minute per command. */
let clock = 0;
const now = () => clock;

/** A closed meeting: two speeches on one agenda item, each summarized, a suggestion on the first, maybe a decision. */
async function runMeeting(server: YishitingServer, script: Script, startsAt: number) {
  clock = startsAt;
  const { meeting, participants } = await server.meetings.create(
    script.title,
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  await server.db.meeting.update({ where: { id: meetingId }, data: { startsAt: new Date(startsAt) } });
  const item = await server.agenda.append(meetingId, { title: script.item, plannedMinutes: 30 });
  const { ids, tokens, actors } = await rosterHandles(server, meetingId, ROSTER, participants);
  const room = await server.rooms.get(meetingId);
  const ok = commandRunner(room, actors, () => (clock += 60_000));
  await ok("clerk", { type: "attendance.arrive", participantIds: [ids.member1, ids.member2], via: "clerk" });
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  for (const who of ["member1", "member2"] as const) {
    await ok(who, { type: "queue.request" });
    await ok("chair", { type: "floor.give", participantId: ids[who] });
    await ok("chair", { type: "floor.end" });
  }
  const [first, second] = room.current.speeches.map((s) => s.speechId);
  await ok("clerk", { type: "record.summarize", entry: { kind: "speech", id: first }, text: script.summaries[0], baseVersion: 0 });
  await ok("clerk", { type: "record.summarize", entry: { kind: "speech", id: second }, text: script.summaries[1], baseVersion: 0 });
  await ok("clerk", { type: "record.captureSuggestion", entry: { kind: "speech", id: first }, suggestion: script.suggestion });
  if (script.decision) await ok("clerk", { type: "record.addDecision", decision: { text: script.decision, unit: "", deadline: "" } });
  await ok("chair", { type: "meeting.close" });
  return { meetingId, room, ids, tokens, speechIds: [first!, second!], ok };
}

/** Resolves once the meeting's index reflects its log up to the room's current seq. */
async function indexed(server: YishitingServer, meetingId: string): Promise<void> {
  const seq = (await server.rooms.get(meetingId)).current.seq;
  await expect.poll(async () => (await server.db.archiveIndexState.findUnique({ where: { meetingId } }))?.seq, { timeout: 10_000, interval: 50 }).toBe(seq);
}

const ELEVATOR: Script = {
  title: "区政协“老旧小区改造”专题协商会",
  item: "老旧小区加装电梯",
  // The first summary ends with 资金, the second starts with 监管: 资金监管 is in no single entry.
  summaries: ["建议老旧小区加装电梯，设立专项资金", "监管到位，公开招投标。"],
  suggestion: { title: "简化加装电梯审批", text: "建议住建、规划部门联合审批，一窗受理。", topic: "城市更新", department: "区住房城乡建设委" },
  decision: "由区住房城乡建设委牵头制定加装电梯联合审批办法。",
};
const PROPERTY: Script = {
  title: "社区议事会（第三次）",
  item: "小区服务收费",
  summaries: ["加强物业管理，规范收费公示。", "业主委员会要依法履职。"],
  suggestion: { title: "完善物业管理条例", text: "明确物业服务标准和退出机制。", topic: "基层治理", department: "区房管局" },
};

async function setup() {
  const t = await h.startServer({ now });
  t.server.archive.debounceMs = 100;
  const a = await runMeeting(t.server, ELEVATOR, Date.UTC(2026, 10, 20, 1, 0, 0));
  const b = await runMeeting(t.server, PROPERTY, Date.UTC(2026, 10, 27, 1, 0, 0));
  await indexed(t.server, a.meetingId);
  await indexed(t.server, b.meetingId);
  const { client: organiser } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const search = async (q: string, extra = ""): Promise<Json[]> => {
    const res = await organiser.get(`/api/archive/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results as Json[];
  };
  return { ...t, a, b, organiser, search };
}

const matched = (hit: Json) => (hit.snippet as { text: string; match: boolean }[]).filter((p) => p.match).map((p) => p.text);

describe("archive search", () => {
  it("finds 2-character words (电梯, 物业) in the right meeting only, as summaries, suggestions and minutes sections", async () => {
    const s = await setup();

    const elevator = await s.search("电梯");
    expect(elevator.length).toBeGreaterThan(0);
    expect(new Set(elevator.map((r) => r.meetingId))).toEqual(new Set([s.a.meetingId]));
    const summary = elevator.find((r) => r.kind === "summary");
    expect(summary).toMatchObject({
      meetingId: s.a.meetingId,
      meetingTitle: ELEVATOR.title,
      date: "2026-11-20T01:02:00.000Z",
      timeZone: "Asia/Shanghai",
      kind: "summary",
      ref: `speech:${s.a.speechIds[0]}`,
      item: ELEVATOR.item,
      speaker: "张丽华",
    });
    expect(matched(summary)).toEqual(["电梯"]);
    expect(summary.snippet.map((p: Json) => p.text).join("")).toBe(ELEVATOR.summaries[0]);
    expect(elevator.find((r) => r.kind === "suggestion")).toMatchObject({ speaker: "张丽华", item: ELEVATOR.item });
    expect(elevator.find((r) => r.kind === "decision")).toMatchObject({ speaker: null });
    // The minutes draft's section of the agenda item holds the summaries too.
    expect(elevator.find((r) => r.kind === "minutes" && r.ref === "minutes:3")).toMatchObject({ item: `三、议题一：${ELEVATOR.item}` });
    // Ranked: scores ascending (bm25, lower is better).
    const scores = elevator.map((r) => r.score as number);
    expect([...scores].sort((x, y) => x - y)).toEqual(scores);

    const property = await s.search("物业");
    expect(new Set(property.map((r) => r.meetingId))).toEqual(new Set([s.b.meetingId]));
    expect(
      property
        .filter((r) => r.kind !== "minutes")
        .map((r) => [r.kind, r.speaker])
        .sort(),
    ).toEqual([
      ["suggestion", "张丽华"],
      ["summary", "张丽华"],
    ]);
    expect(property[0].meetingTitle).toBe(PROPERTY.title);

    // Restricted to a meeting.
    expect(await s.search("电梯", `&meetingId=${s.b.meetingId}`)).toEqual([]);
  });

  it("finds 3-character terms and single characters, but never a term split across two entries", async () => {
    const s = await setup();
    const three = await s.search("老旧小");
    expect(three.some((r) => r.kind === "summary" && r.ref === `speech:${s.a.speechIds[0]}`)).toBe(true);
    expect(matched(three.find((r) => r.kind === "summary"))).toEqual(["老旧小"]);

    expect((await s.search("资金")).some((r) => r.ref === `speech:${s.a.speechIds[0]}`)).toBe(true);
    expect((await s.search("监管")).some((r) => r.ref === `speech:${s.a.speechIds[1]}`)).toBe(true);
    expect(await s.search("资金监管")).toEqual([]);
    // Not adjacent in any text: 加 and 梯 are two characters apart.
    expect(await s.search("加梯")).toEqual([]);

    const one = await s.search("梯");
    expect(new Set(one.map((r) => r.meetingId))).toEqual(new Set([s.a.meetingId]));
    // Several terms: all must match.
    expect((await s.search("电梯 招投标")).map((r) => r.kind).sort()).toEqual(["minutes"]);
  });

  it("follows an edited summary after the debounce: found under its new words, not the old", async () => {
    const s = await setup();
    expect((await s.search("专项资金")).length).toBeGreaterThan(0);
    await s.a.ok("clerk", { type: "record.summarize", entry: { kind: "speech", id: s.a.speechIds[0] }, text: "建议增设无障碍坡道。", baseVersion: 1 });
    await indexed(s.server, s.a.meetingId);
    expect(await s.search("专项资金")).toEqual([]);
    const ramp = await s.search("坡道");
    expect(ramp.find((r) => r.kind === "summary")).toMatchObject({ ref: `speech:${s.a.speechIds[0]}`, speaker: "张丽华" });
    expect(ramp.some((r) => r.kind === "minutes")).toBe(true);
  });

  it("searches the minutes as saved: the latest version until one is approved, then the approved one, not a later correction", async () => {
    const s = await setup();
    const anon = new ApiClient(s.url);
    const versions = `/api/meetings/${s.a.meetingId}/minutes/versions`;
    const as = (who: "clerk" | "chair") => bearer(s.a.tokens[who]);
    const minutesHits = async (q: string) => (await s.search(q)).filter((r) => r.kind === "minutes").map((r) => [r.ref, r.item]);
    /** Saves version `baseVersion` + 1: version `baseVersion` with the first summary's words replaced by `text`. */
    const save = async (baseVersion: number, text: string, note: string) => {
      const base = await anon.get(`${versions}/${baseVersion}`, as("clerk"));
      expect(base.status).toBe(200);
      const blocks = JSON.parse(JSON.stringify(base.body.version.blocks).replace(/设立[^"，。]*基金|设立专项资金/g, text)) as unknown;
      const res = await anon.post(versions, { baseVersion, blocks, note }, as("clerk"));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    const reindexed = async (q: string) => expect.poll(() => minutesHits(q), { timeout: 10_000, interval: 50 }).not.toEqual([]);

    expect((await anon.post(versions, { baseVersion: 0, generate: true }, as("clerk"))).status).toBe(201);
    await save(1, "设立既有住宅适老化改造基金", "整理");
    await reindexed("适老化");
    // The section keeps its agenda item; the generated wording is no longer searched.
    expect(await minutesHits("适老化")).toEqual([["minutes:3", `三、议题一：${ELEVATOR.item}`]]);
    expect(await minutesHits("专项资金")).toEqual([]);

    const approved = await anon.post(`${versions}/2/approve`, {}, as("chair"));
    expect(approved.status).toBe(200);
    await save(2, "设立楼道照明维修基金", "更正错字");
    // The correction waits for approval: the approved text stays what is searched.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await minutesHits("照明")).toEqual([]);
    expect(await minutesHits("适老化")).not.toEqual([]);
    expect((await anon.post(`${versions}/3/approve`, {}, as("chair"))).status).toBe(200);
    await reindexed("照明");
    expect(await minutesHits("适老化")).toEqual([]);
  });

  it("catches up on start: a meeting whose index is missing or behind is reindexed", async () => {
    const t = await h.startServer({ now });
    t.server.archive.debounceMs = 60_000; // never fires in this test
    const a = await runMeeting(t.server, ELEVATOR, Date.UTC(2026, 10, 20, 1, 0, 0));
    expect(await t.server.db.archiveIndexState.findUnique({ where: { meetingId: a.meetingId } })).toBeNull();
    await t.close();
    const again = await h.startServer({ dataDir: t.dataDir, now });
    await indexed(again.server, a.meetingId);
    const { client } = await staffClient(again.server, again.url, "admin1", "admin");
    const res = await client.get(`/api/archive/search?q=${encodeURIComponent("电梯")}`);
    expect(res.body.results.some((r: Json) => r.kind === "summary" && r.meetingId === a.meetingId)).toBe(true);
  });

  it("lists every meeting newest first with its status and counts", async () => {
    const s = await setup();
    const future = await s.server.meetings.create("尚未召开的会议", []);
    await s.server.db.meeting.update({
      where: { id: future.meeting.id },
      data: { startsAt: new Date(Date.UTC(2026, 11, 30, 1, 0, 0)), number: "区政协〔2026〕9号", kind: "roundtable" },
    });
    const res = await s.organiser.get("/api/archive/meetings");
    expect(res.status).toBe(200);
    expect(res.body.meetings).toEqual([
      {
        id: future.meeting.id,
        title: "尚未召开的会议",
        number: "区政协〔2026〕9号",
        kind: "roundtable",
        date: "2026-12-30T01:00:00.000Z",
        timeZone: "Asia/Shanghai",
        status: "scheduled",
        archived: false,
        speeches: 0,
        suggestions: 0,
      },
      {
        id: s.b.meetingId,
        title: PROPERTY.title,
        number: null,
        kind: "consultation",
        date: "2026-11-27T01:02:00.000Z",
        timeZone: "Asia/Shanghai",
        status: "closed",
        archived: false,
        speeches: 2,
        suggestions: 1,
      },
      {
        id: s.a.meetingId,
        title: ELEVATOR.title,
        number: null,
        kind: "consultation",
        date: "2026-11-20T01:02:00.000Z",
        timeZone: "Asia/Shanghai",
        status: "closed",
        archived: false,
        speeches: 2,
        suggestions: 1,
      },
    ]);
  });

  it("is for organiser and admin sessions only, and validates q", async () => {
    const s = await setup();
    const anon = new ApiClient(s.url);
    const path = `/api/archive/search?q=${encodeURIComponent("电梯")}`;
    const none = await anon.get(path);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("UNAUTHENTICATED");
    const member = await anon.get(path, { headers: { Authorization: `Bearer ${s.a.tokens.member1}` } });
    expect(member.status).toBe(401);
    const chairToken = await anon.get("/api/archive/meetings", { headers: { Authorization: `Bearer ${s.a.tokens.chair}` } });
    expect(chairToken.status).toBe(401);
    // A clerk's session, even linked to the meeting: the archive spans all meetings.
    const { client: clerk, account } = await staffClient(s.server, s.url, "clerk1", "clerk");
    await linkAccount(s.server, s.a.ids.clerk, account.id);
    const refused = await clerk.get(path);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    expect((await clerk.get("/api/archive/meetings")).status).toBe(403);
    const { client: admin } = await staffClient(s.server, s.url, "admin2", "admin");
    expect((await admin.get(path)).status).toBe(200);

    for (const bad of ["", "q=", `q=${encodeURIComponent("电".repeat(51))}`, `q=${encodeURIComponent("，。！")}`, "q=a&limit=0", "q=a&other=1"]) {
      const res = await s.organiser.get(`/api/archive/search?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
      expect(res.body.error.message).toEqual({ zh: "请求格式不正确", en: "The request is malformed" });
      expect(res.body.error.details.length, bad).toBeGreaterThan(0);
    }
    const longest = await s.organiser.get(`/api/archive/search?q=${encodeURIComponent("电".repeat(50))}`);
    expect(longest.status).toBe(200);
    expect(longest.body.results).toEqual([]);
  });
});
