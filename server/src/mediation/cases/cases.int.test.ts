// Mediation cases (调解案件) over real HTTP on a real SQLite file: accepted from a typed complaint
// and from a resident's report (居民点单), with parties and mediators; the steps of the state table
// (start, agreement written or oral, failure with its referral); the obligations become ledger items
// with their deadlines (交办—督办—反馈 as any item); the return visit's outcome sends the case back
// or lets it close; refusals carry stable codes in zh and en and change nothing; the list, the
// statistics and the XLSX export read back. A session made from the case (新建调解会谈) has the
// case's people on its roster, each case party and mediator keeping their roster entry's id (the
// agreement matches them by it); two concurrent 履行中 steps leave the ledger items of the winner only.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, staffClient, type Json } from "../../../../testing/server/api.ts";
import { Harness, type TestServer } from "../../../../testing/server/harness.ts";
import type { MediationCaseStep } from "../../../../core/api/mediationCases.ts";
import type { LedgerStore } from "../../ledger/ledgerStore.ts";
import { MediationCaseStore } from "./caseStore.ts";

/** 2026-12-07 10:00 in China. */
const clock = Date.parse("2026-12-07T02:00:00Z");

const h = new Harness();
let t: TestServer;
let org: ApiClient;
let chair: ApiClient;
let communityId: string;

const PARTIES = [
  { name: "张丽", household: "3号楼2单元501", phone: "13800000001", role: "applicant" },
  { name: "张丽", household: "3号楼2单元401", phone: "13800000002", role: "respondent" },
];
const MEDIATORS = [
  { name: "马建国", affiliation: "司法所调解员", chief: true },
  { name: "李警官", affiliation: "派出所民警" },
];
const CASE = {
  category: "neighbour",
  facts: "楼上住户孩子每天练琴约 8 小时，楼下住户要求限制练琴时间",
  acceptedOn: "2026-12-01",
  parties: PARTIES,
  mediators: MEDIATORS,
};

beforeAll(async () => {
  t = await h.startServer({ now: () => clock });
  org = (await staffClient(t.server, t.url, "mediation-org", "organiser")).client;
  chair = (await staffClient(t.server, t.url, "mediation-chair", "chair")).client;
  communityId = (await org.post("/api/communities", { name: "香溪美地社区" })).body.community.id;
});
afterAll(() => h.cleanup());

async function create(fields: Json = {}): Promise<Json> {
  const res = await org.post("/api/mediation/cases", { ...CASE, communityId, ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case;
}

async function step(id: string, body: Json, status = 200): Promise<Json> {
  const res = await org.post(`/api/mediation/cases/${id}/steps`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Every case row and ledger item as stored, to show a refusal changed nothing. */
const everything = async () => ({
  cases: await t.server.db.mediationCase.findMany({ orderBy: { id: "asc" } }),
  visits: await t.server.db.mediationReturnVisit.findMany({ orderBy: { id: "asc" } }),
  obligations: await t.server.db.mediationObligation.findMany({ orderBy: { id: "asc" } }),
  items: await t.server.db.ledgerItem.count(),
});

async function refused(id: string, body: Json, status: number, code: string): Promise<Json> {
  const before = await everything();
  const res = await step(id, body, status);
  expect(res.error.code).toBe(code);
  expect(res.error.message.zh).toMatch(/\p{Script=Han}/u);
  expect(res.error.message.en).toMatch(/[a-z]/);
  expect(await everything()).toEqual(before);
  return res;
}

describe("调解案件", () => {
  let typed: Json;

  it("accepts a typed complaint: numbered （2026）调字第1号, with the parties (told by household) and the mediators", async () => {
    typed = await create();
    expect(typed).toMatchObject({
      number: "（2026）调字第1号",
      state: "accepted",
      source: "typed",
      ledgerItemId: null,
      category: "neighbour",
      facts: CASE.facts,
      communityId,
      mediators: [
        { name: "马建国", affiliation: "司法所调解员", chief: true },
        { name: "李警官", affiliation: "派出所民警", chief: false },
      ],
      agreement: null,
      obligations: [],
      returnVisits: [],
    });
    expect(typed.parties.map((p: Json) => [p.name, p.household, p.phone, p.role])).toEqual(PARTIES.map((p) => [p.name, p.household, p.phone, p.role]));
    expect((await org.get(`/api/mediation/cases/${typed.id}`)).body.case).toEqual(typed);
  });

  it("accepts a case from a resident's report (居民点单); a staff item or an unknown one is refused", async () => {
    const community = (await org.get(`/api/communities`)).body.communities.find((c: Json) => c.id === communityId);
    const resident = new ApiClient(t.url);
    const form = new FormData();
    form.append("category", "neighbours");
    form.append("location", "3号楼2单元");
    form.append("text", "楼上孩子每天练琴到深夜，多次沟通无果");
    const sent = await resident.request("POST", `/api/public/communities/${community.publicCode}/reports`, { form });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const item = (await t.server.db.ledgerItem.findFirstOrThrow({ where: { source: "residents" } })).id;
    const fromIntake = await create({ ledgerItemId: item });
    expect(fromIntake).toMatchObject({ number: "（2026）调字第2号", source: "intake", ledgerItemId: item });

    const staffItem = (await org.post("/api/ledger/items", { source: "hotline", raisedOn: "2026-12-01", raisedByName: "王五", title: "噪音", text: "噪音" }))
      .body.item;
    const before = await everything();
    for (const ledgerItemId of [staffItem.id, "no-such-item"]) {
      const res = await org.post("/api/mediation/cases", { ...CASE, communityId, ledgerItemId });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("MEDIATION_INTAKE_ITEM_INVALID");
    }
    expect((await everything()).cases).toEqual(before.cases);
  });

  it("refuses bad cases with their codes and stores nothing", async () => {
    const before = await everything();
    const bad: [Json, number, string][] = [
      [{ parties: [PARTIES[0]] }, 400, "VALIDATION"],
      [{ parties: PARTIES.map((p) => ({ ...p, role: "applicant" })) }, 400, "VALIDATION"],
      [{ mediators: [] }, 400, "VALIDATION"],
      [{ category: "criminal" }, 400, "VALIDATION"],
      [{ acceptedOn: "2026-12-08" }, 400, "MEDIATION_DATE_INVALID"],
      [{ communityId: "nowhere" }, 404, "NOT_FOUND"],
    ];
    for (const [fields, status, code] of bad) {
      const res = await org.post("/api/mediation/cases", { ...CASE, communityId, ...fields });
      expect([res.status, res.body.error?.code], JSON.stringify(fields)).toEqual([status, code]);
    }
    expect(await everything()).toEqual(before);
  });

  it("links its sessions: meetings of kind mediation only", async () => {
    const mediation = (await org.post("/api/meetings", { title: "张丽与张丽邻里纠纷调解", kind: "mediation" })).body.meeting;
    const other = (await org.post("/api/meetings", { title: "协商座谈会" })).body.meeting;
    const linked = await org.post(`/api/mediation/cases/${typed.id}/meetings`, { meetingId: mediation.id });
    expect(linked.status).toBe(200);
    expect(linked.body.case.meetingIds).toEqual([mediation.id]);
    expect(linked.body.case.sessions).toEqual([{ meetingId: mediation.id, title: "张丽与张丽邻里纠纷调解", startsAt: null, timeZone: "Asia/Shanghai" }]);
    const wrong = await org.post(`/api/mediation/cases/${typed.id}/meetings`, { meetingId: other.id });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, "MEDIATION_MEETING_UNKNOWN"]);
  });

  it("walks 受理 → 调解中 → 达成协议 → 履行中: each obligation becomes a ledger item with its deadline", async () => {
    await refused(typed.id, { type: "agree", form: "written", agreedOn: "2026-12-05" }, 409, "MEDIATION_CASE_STATE");
    expect((await step(typed.id, { type: "start" })).case.state).toBe("mediating");
    await refused(typed.id, { type: "start" }, 409, "MEDIATION_CASE_STATE");
    await refused(typed.id, { type: "agree", form: "oral", agreedOn: "2026-12-05" }, 400, "VALIDATION");
    await refused(typed.id, { type: "agree", form: "written", agreedOn: "2026-11-30" }, 400, "MEDIATION_DATE_INVALID");
    const agreed = (await step(typed.id, { type: "agree", form: "written", agreedOn: "2026-12-05" })).case;
    expect(agreed).toMatchObject({ state: "agreed", agreement: { form: "written", oralRecord: null, agreedOn: "2026-12-05" } });

    const [applicant, respondent] = agreed.parties;
    await refused(typed.id, { type: "perform", obligations: [{ partyId: "someone", text: "x", deadline: "2026-12-20" }] }, 404, "NOT_FOUND");
    const performing = (
      await step(typed.id, {
        type: "perform",
        obligations: [
          { partyId: respondent.id, text: "每天练琴不超过 2 小时，晚 8 点后不练琴", deadline: "2026-12-10" },
          { partyId: applicant.id, text: "不再向物业重复投诉", deadline: "2026-12-31" },
        ],
      })
    ).case;
    expect(performing.state).toBe("performing");
    expect(performing.obligations.map((o: Json) => [o.partyId, o.deadline])).toEqual([
      [respondent.id, "2026-12-10"],
      [applicant.id, "2026-12-31"],
    ]);
    // The ledger follows them as any item: 待交办 with the deadline, found by its 序号, then 交办.
    const first = performing.obligations[0];
    const item = (await org.get(`/api/ledger/items/${first.ledgerItemId}`)).body.item;
    expect(item).toMatchObject({ number: first.ledgerNumber, state: "new", deadline: "2026-12-10", raisedByName: "张丽", communityId });
    expect(item.text).toContain("（2026）调字第1号");
    expect(item.text).toContain("3号楼2单元401");
    const department = (await org.post("/api/ledger/departments", { name: "香溪美地社区居委会" })).body.department;
    const assigned = await org.post(`/api/ledger/items/${item.id}/actions`, {
      baseVersion: item.version,
      action: { type: "assign", lead: department.id, partners: [], deadline: "2026-12-10", instructions: "督促履行调解协议" },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.item.state).toBe("assigned");
  });

  it("回访: a partly kept visit sends the case back to 履行中; closing needs a kept one", async () => {
    await refused(typed.id, { type: "close", closedOn: "2026-12-07" }, 409, "MEDIATION_CASE_STATE");
    expect((await step(typed.id, { type: "scheduleVisit", visitOn: "2026-12-06" })).case.state).toBe("returnVisit");
    await refused(typed.id, { type: "close", closedOn: "2026-12-07" }, 409, "MEDIATION_NOT_KEPT");
    await refused(typed.id, { type: "recordVisit", outcome: "kept", visitedOn: "2026-12-08" }, 400, "MEDIATION_DATE_INVALID");
    const partly = (await step(typed.id, { type: "recordVisit", outcome: "partlyKept", visitedOn: "2026-12-06", note: "晚 8 点后仍偶有琴声" })).case;
    expect(partly.state).toBe("performing");
    expect(partly.returnVisits).toEqual([
      expect.objectContaining({
        visitOn: "2026-12-06",
        outcome: "partlyKept",
        visitedOn: "2026-12-06",
        note: "晚 8 点后仍偶有琴声",
        recordedByName: "mediation-org",
      }),
    ]);
    await step(typed.id, { type: "scheduleVisit", visitOn: "2026-12-07" });
    const kept = (await step(typed.id, { type: "recordVisit", outcome: "kept", visitedOn: "2026-12-07" })).case;
    expect([kept.state, kept.returnVisits.map((v: Json) => v.outcome)]).toEqual(["returnVisit", ["partlyKept", "kept"]]);
    const closed = (await step(typed.id, { type: "close", closedOn: "2026-12-07" })).case;
    expect([closed.state, closed.closedOn]).toEqual(["closed", "2026-12-07"]);
    await refused(typed.id, { type: "start" }, 409, "MEDIATION_CASE_STATE");
  });

  it("调解不成: the referral is recorded and the case closes; an oral agreement keeps its record", async () => {
    const failed = await create({ category: "property", facts: "物业费争议" });
    await step(failed.id, { type: "start" });
    const f = (await step(failed.id, { type: "fail", referral: "告知当事人可向人民法院提起诉讼" })).case;
    expect([f.state, f.referral]).toEqual(["failed", "告知当事人可向人民法院提起诉讼"]);
    expect((await step(failed.id, { type: "close", closedOn: "2026-12-04" })).case.state).toBe("closed");

    const oral = await create({ category: "family", facts: "赡养费争议" });
    await step(oral.id, { type: "start" });
    const o = (await step(oral.id, { type: "agree", form: "oral", oralRecord: "长子每月 5 日前支付赡养费 800 元", agreedOn: "2026-12-02" })).case;
    expect(o.agreement).toEqual({ form: "oral", oralRecord: "长子每月 5 日前支付赡养费 800 元", agreedOn: "2026-12-02" });
  });

  it("lists, counts and exports the cases as XLSX (same-name parties told apart)", async () => {
    const list = (await org.get("/api/mediation/cases")).body.cases;
    expect(list.map((c: Json) => c.number)).toEqual(["（2026）调字第4号", "（2026）调字第3号", "（2026）调字第2号", "（2026）调字第1号"]);
    expect((await org.get("/api/mediation/cases?category=family")).body.cases.map((c: Json) => c.number)).toEqual(["（2026）调字第4号"]);
    expect((await org.get("/api/mediation/cases?state=bogus")).status).toBe(400);
    const statistics = (await org.get("/api/mediation/cases/statistics")).body.statistics;
    expect(statistics).toMatchObject({
      total: 4,
      byCategory: { neighbour: 2, property: 1, family: 1, other: 0 },
      byOutcome: { written: 1, oral: 1, failed: 1, open: 1 },
      closed: 2,
      meanDaysToClose: 4.5,
    });

    const res = await org.get("/api/mediation/cases/export.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("调解案件-20261207.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("调解案件")!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(["编号", "受理日期", "类别", "当事人", "调解员", "状态", "结果", "结案日期", "用时（天）", "纠纷简要情况", "口头协议记录"]);
    // The oral agreement's record (口头协议, §28) is in the case file's export.
    expect([cells(2)[0], cells(2)[6], cells(2)[10]]).toEqual(["（2026）调字第4号", "口头协议", "长子每月 5 日前支付赡养费 800 元"]);
    expect(cells(5).slice(0, 9)).toEqual([
      "（2026）调字第1号",
      "2026-12-01",
      "邻里纠纷",
      "申请人：张丽（501室）；被申请人：张丽（401室）",
      "马建国（司法所调解员，主持调解员）；李警官（派出所民警）",
      "结案",
      "书面协议",
      "2026-12-07",
      6,
    ]);
    const stats = workbook.getWorksheet("统计")!;
    const rows = new Map<unknown, unknown>();
    stats.eachRow((row) => rows.set(row.getCell(1).value, row.getCell(2).value));
    expect([rows.get("合计"), rows.get("邻里纠纷"), rows.get("调解不成"), rows.get("平均结案用时（天）")]).toEqual([4, 2, 1, 4.5]);
  });

  it("only the secretariat reaches the cases", async () => {
    for (const path of ["/api/mediation/cases", "/api/mediation/cases/statistics", "/api/mediation/cases/export.xlsx", `/api/mediation/cases/${typed.id}`]) {
      expect((await chair.get(path)).status, path).toBe(403);
      expect((await new ApiClient(t.url).get(path)).status, path).toBe(401);
    }
    expect((await chair.post(`/api/mediation/cases/${typed.id}/steps`, { type: "start" })).status).toBe(403);
  });
});

describe("调解会谈 made from the case", () => {
  let theCase: Json;

  it("新建调解会谈: a mediation meeting whose roster is the case's people, linked, each keeping their roster entry's id", async () => {
    theCase = await create();
    const res = await org.post(`/api/mediation/cases/${theCase.id}/sessions`, { title: "张丽与张丽邻里纠纷第一次调解", startsAt: "2026-12-08T01:30:00Z" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { case: linked, meetingId } = res.body;
    expect(linked.sessions).toEqual([{ meetingId, title: "张丽与张丽邻里纠纷第一次调解", startsAt: "2026-12-08T01:30:00.000Z", timeZone: "Asia/Shanghai" }]);
    const meeting = (await org.get(`/api/meetings/${meetingId}`)).body.meeting;
    expect([meeting.kind, meeting.title]).toEqual(["mediation", "张丽与张丽邻里纠纷第一次调解"]);
    const people = (await org.get(`/api/meetings/${meetingId}/participants`)).body.participants;
    expect(people.map((p: Json) => [p.name, p.role, p.household, p.unit, p.phone])).toEqual([
      ["张丽", "member", "3号楼2单元501", null, "13800000001"],
      ["张丽", "member", "3号楼2单元401", null, "13800000002"],
      ["马建国", "chair", null, "司法所调解员", null],
      ["李警官", "official", null, "派出所民警", null],
    ]);
    expect([...linked.parties, ...linked.mediators].map((p: Json) => p.participantId)).toEqual(people.map((p: Json) => p.id));
    expect((await org.get(`/api/mediation/cases/${theCase.id}`)).body.case).toEqual(linked);
  });

  it("the agreement matches the case's parties to that roster by participantId, not by name and household", async () => {
    const c = (await org.get(`/api/mediation/cases/${theCase.id}`)).body.case;
    const meetingId = c.meetingIds[0];
    const [a, b] = c.parties;
    // The staff correct the roster's households: name and household no longer match the case.
    for (const p of [a, b]) {
      const patched = await org.patch(`/api/meetings/${meetingId}/participants/${p.participantId}`, { household: `${p.household}（更正）` });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    }
    const res = await org.post(`/api/meetings/${meetingId}/mediation-agreement/versions`, {
      baseVersion: 0,
      generate: { committee: "香溪美地社区人民调解委员会", terms: ["每天练琴不超过 2 小时"] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.latest.content.parties.map((p: Json) => [p.participantId, p.role, p.phone])).toEqual([
      [a.participantId, "applicant", a.phone],
      [b.participantId, "respondent", b.phone],
    ]);
    expect(res.body.latest.content.caseNumber).toBe(c.number);
  });

  it("refuses a session for an unknown case, a bad body, or a case no longer being mediated; nothing is made", async () => {
    const meetings = await t.server.db.meeting.count();
    const bad: [string, Json, number, string][] = [
      ["no-such-case", { title: "调解" }, 404, "NOT_FOUND"],
      [theCase.id, { title: "" }, 400, "VALIDATION"],
      [theCase.id, { title: "调解", startsAt: "明天" }, 400, "VALIDATION"],
      [theCase.id, { title: "调解", meetingId: "x" }, 400, "VALIDATION"],
    ];
    const closed = await create({ category: "other", facts: "已调解不成的纠纷" });
    await step(closed.id, { type: "start" });
    await step(closed.id, { type: "fail", referral: "告知当事人可向人民法院提起诉讼" });
    bad.push([closed.id, { title: "调解" }, 409, "MEDIATION_CASE_STATE"]);
    for (const [id, body, status, code] of bad) {
      const res = await org.post(`/api/mediation/cases/${id}/sessions`, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await t.server.db.meeting.count()).toBe(meetings);
    expect((await chair.post(`/api/mediation/cases/${theCase.id}/sessions`, { title: "调解" })).status).toBe(403);
  });

  it("two 履行中 steps at once: one wins, the ledger holds only its items", async () => {
    await step(theCase.id, { type: "start" });
    await step(theCase.id, { type: "agree", form: "written", agreedOn: "2026-12-05" });
    const [a, b] = theCase.parties;
    const items = await t.server.db.ledgerItem.count();
    const bodies = [
      { type: "perform", obligations: [{ partyId: a.id, text: "甲方：不再重复投诉", deadline: "2026-12-20" }] },
      {
        type: "perform",
        obligations: [
          { partyId: b.id, text: "乙方：晚 8 点后不练琴", deadline: "2026-12-10" },
          { partyId: a.id, text: "乙方：每月回访一次", deadline: "2026-12-31" },
        ],
      },
    ];
    // The server's own ledger, each write 50 ms late: both steps read the case (达成协议) before either
    // has written anything, as two staff members' requests may.
    const ledger = t.server.ledger;
    const slowLedger = Object.assign(Object.create(ledger) as LedgerStore, {
      create: async (...args: Parameters<LedgerStore["create"]>) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return ledger.create(...args);
      },
    });
    const store = new MediationCaseStore(t.server.db, slowLedger, () => clock);
    const answers = await Promise.all(bodies.map((body) => store.step(theCase.id, body as MediationCaseStep, { id: "test", name: "test" })));
    expect(answers.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(answers.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "MEDIATION_CASE_STATE" } });
    const won = bodies[answers.findIndex((r) => r.ok)]!;
    const stored = (await org.get(`/api/mediation/cases/${theCase.id}`)).body.case;
    expect(stored.state).toBe("performing");
    expect(stored.obligations.map((o: Json) => o.text)).toEqual(won.obligations.map((o) => o.text));
    expect(await t.server.db.ledgerItem.count()).toBe(items + won.obligations.length);
    const written = await t.server.db.ledgerItem.findMany({ where: { topic: "人民调解", text: { contains: theCase.number } } });
    expect(written.map((i) => i.id).sort()).toEqual(stored.obligations.map((o: Json) => o.ledgerItemId).sort());
  });
});
