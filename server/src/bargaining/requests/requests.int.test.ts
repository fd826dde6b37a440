// Requests to bargain (要约书) over real HTTP on a real SQLite file: the secretariat enters one, the
// DOCX and PDF read back in the customary layout, the 20-day reply deadline follows the server's
// clock (waiting → due today → overdue), the reply is recorded once (on time, or late and marked),
// bad input is refused with its code and changes nothing, and only the secretariat reaches them.
// Also: a bargaining meeting with unequal delegations does not open (the room refuses meeting.open).
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, staffClient, type Json } from "../../../../testing/server/api.ts";
import { Harness, type TestServer } from "../../../../testing/server/harness.ts";
import { pdfText } from "../../../../testing/server/minutesMeeting.ts";

const DAY = 86_400_000;
/** 2026-12-07 10:00 in China. */
const START = Date.parse("2026-12-07T02:00:00Z");
let clock = START;

const h = new Harness();
let t: TestServer;
let org: ApiClient;
let chair: ApiClient;

const REQUEST = {
  side: "worker",
  enterpriseName: "宁夏塞上农产品有限公司",
  unionName: "宁夏塞上农产品有限公司工会",
  topics: ["工资调整幅度", "最低工资标准", "季节工、临时工、小时工工资指导标准"],
  proposedAt: "2026-12-20T01:30:00Z",
  proposedPlace: "公司三楼会议室",
  requestedBy: "王强",
  contact: "工会办公室 李娜 0952-6012345",
  sentOn: "2026-12-07",
};

beforeAll(async () => {
  t = await h.startServer({ now: () => clock });
  org = (await staffClient(t.server, t.url, "bargain-org", "organiser")).client;
  chair = (await staffClient(t.server, t.url, "bargain-chair", "chair")).client;
});
afterAll(() => h.cleanup());

async function create(fields: Json = {}): Promise<Json> {
  const res = await org.post("/api/bargaining/requests", { ...REQUEST, ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.request;
}

async function docxText(id: string): Promise<string> {
  const res = await org.get(`/api/bargaining/requests/${id}/request.docx`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  const xml = await (await JSZip.loadAsync(res.bytes)).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}

async function pdfOf(id: string): Promise<string> {
  const res = await org.get(`/api/bargaining/requests/${id}/request.pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("工资集体协商要约书-宁夏塞上农产品有限公司工会-2026-12-07.pdf"));
  return pdfText(res.bytes);
}

/** Moves the server's clock to `days` after the start; the sessions (which would have expired) are renewed. */
async function dayOf(days: number): Promise<void> {
  clock = START + days * DAY;
  for (const [client, name] of [
    [org, "bargain-org"],
    [chair, "bargain-chair"],
  ] as const)
    expect((await client.login(name)).status).toBe(200);
}

/** Every request as stored, to show a refusal changed nothing. */
const everything = () => t.server.db.bargainingRequest.findMany({ orderBy: { id: "asc" } });

describe("要约书", () => {
  let id: string;

  it("the secretariat enters the union's request: the reply is due 20 days after the sending", async () => {
    const request = await create();
    id = request.id;
    expect(request).toMatchObject({
      ...REQUEST,
      proposedAt: "2026-12-20T01:30:00.000Z",
      meetingId: null,
      replyDeadline: "2026-12-27",
      deadlineState: "waiting",
      daysLeft: 20,
      reply: null,
      createdByName: "bargain-org",
    });
    expect((await org.get("/api/bargaining/requests")).body.requests.map((r: Json) => r.id)).toContain(id);
    expect((await org.get(`/api/bargaining/requests/${id}`)).body.request).toEqual(request);
  });

  it("as DOCX and PDF in the customary layout: title, addressee, legal basis, numbered topics, time, place, 20 days, contact, seal and date", async () => {
    const expected = [
      "工资集体协商要约书",
      "宁夏塞上农产品有限公司：",
      "根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《集体合同规定》和《工资集体协商试行办法》的有关规定",
      "宁夏塞上农产品有限公司工会向贵方提出进行工资集体协商的要约，建议就以下事项进行协商：",
      "一、工资调整幅度",
      "二、最低工资标准",
      "三、季节工、临时工、小时工工资指导标准",
      "建议协商时间：2026年12月20日 周日 09:30",
      "建议协商地点：公司三楼会议室",
      "根据《集体合同规定》第三十二条，请贵方自收到本要约书之日起20日内以书面形式予以回应",
      "联系人及电话：工会办公室 李娜 0952-6012345",
      "宁夏塞上农产品有限公司工会（盖章）",
      "要约方代表（签字）：王强",
      "2026年12月7日",
    ];
    const docx = await docxText(id);
    const pdf = await pdfOf(id);
    let docxAt = -1;
    let pdfAt = -1;
    for (const line of expected) {
      // In this order in both files (the PDF's text without line breaks or spaces).
      const inDocx = docx.indexOf(line, docxAt + 1);
      expect(inDocx, line).toBeGreaterThan(docxAt);
      docxAt = inDocx;
      const inPdf = pdf.indexOf(line.replace(/\s+/g, ""), pdfAt + 1);
      expect(inPdf, line).toBeGreaterThan(pdfAt);
      pdfAt = inPdf;
    }
  });

  it("the enterprise's request is addressed to the union and sealed by the enterprise", async () => {
    const request = await create({ side: "enterprise", requestedBy: "赵总经理" });
    const docx = await docxText(request.id);
    expect(docx).toContain("宁夏塞上农产品有限公司工会：");
    expect(docx).toContain("宁夏塞上农产品有限公司向贵方提出");
    expect(docx).toContain("宁夏塞上农产品有限公司（盖章）");
  });

  it("counts down with the clock: due today on day 20, overdue the day after", async () => {
    await dayOf(19);
    expect((await org.get(`/api/bargaining/requests/${id}`)).body.request).toMatchObject({ deadlineState: "waiting", daysLeft: 1 });
    await dayOf(20);
    expect((await org.get(`/api/bargaining/requests/${id}`)).body.request).toMatchObject({ deadlineState: "waiting", daysLeft: 0 });
    await dayOf(21);
    expect((await org.get(`/api/bargaining/requests/${id}`)).body.request).toMatchObject({ deadlineState: "overdue", daysLeft: -1 });
    await dayOf(0);
  });

  it("records the reply on time, once", async () => {
    await dayOf(5);
    const res = await org.post(`/api/bargaining/requests/${id}/reply`, { answer: "accepted", repliedOn: "2026-12-12", repliedBy: "赵总经理" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.request).toMatchObject({
      deadlineState: "answered",
      daysLeft: null,
      reply: { answer: "accepted", reason: null, repliedOn: "2026-12-12", repliedBy: "赵总经理", late: false, recordedByName: "bargain-org" },
    });
    const before = await everything();
    const again = await org.post(`/api/bargaining/requests/${id}/reply`, {
      answer: "declined",
      reason: "改变主意",
      repliedOn: "2026-12-12",
      repliedBy: "赵总经理",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("BARGAINING_REQUEST_ANSWERED");
    expect(await everything()).toEqual(before);
    await dayOf(0);
  });

  it("a reply after the deadline is recorded and marked late; a declined reply keeps its reason", async () => {
    const late = await create();
    await dayOf(25);
    const res = await org.post(`/api/bargaining/requests/${late.id}/reply`, {
      answer: "declined",
      reason: "企业正在进行重组，建议明年一季度再协商",
      repliedOn: "2026-12-30",
      repliedBy: "赵总经理",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.request).toMatchObject({
      replyDeadline: "2026-12-27",
      deadlineState: "answered",
      reply: { answer: "declined", reason: "企业正在进行重组，建议明年一季度再协商", repliedOn: "2026-12-30", late: true },
    });
    await dayOf(0);
  });

  it("links to a bargaining meeting, not to another kind nor to none", async () => {
    const { meeting } = await t.server.meetings.create("工资集体协商（第一轮）", []);
    await t.server.meetings.update(meeting.id, { kind: "bargaining" });
    expect((await create({ meetingId: meeting.id })).meetingId).toBe(meeting.id);
    const other = await t.server.meetings.create("协商座谈会", []);
    for (const meetingId of [other.meeting.id, "no-such-meeting"]) {
      const before = await everything();
      const res = await org.post("/api/bargaining/requests", { ...REQUEST, meetingId });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("BARGAINING_MEETING_UNKNOWN");
      expect(await everything()).toEqual(before);
    }
  });

  it("refuses bad input with its code and changes nothing", async () => {
    const plain = await create();
    const cases: [string, Json, number, string][] = [
      ["create", { ...REQUEST, topics: [] }, 400, "VALIDATION"],
      ["create", { ...REQUEST, side: "government" }, 400, "VALIDATION"],
      ["create", { ...REQUEST, enterpriseName: "  " }, 400, "VALIDATION"],
      ["create", { ...REQUEST, sentOn: "2026-02-30" }, 400, "VALIDATION"],
      ["create", { ...REQUEST, extra: 1 }, 400, "VALIDATION"],
      ["create", { ...REQUEST, sentOn: "2026-12-08" }, 400, "BARGAINING_DATE_INVALID"],
      ["reply", { answer: "declined", repliedOn: "2026-12-07", repliedBy: "赵总经理" }, 400, "VALIDATION"],
      ["reply", { answer: "maybe", repliedOn: "2026-12-07", repliedBy: "赵总经理" }, 400, "VALIDATION"],
      ["reply", { answer: "accepted", repliedOn: "2026-12-06", repliedBy: "赵总经理" }, 400, "BARGAINING_DATE_INVALID"],
      ["reply", { answer: "accepted", repliedOn: "2026-12-08", repliedBy: "赵总经理" }, 400, "BARGAINING_DATE_INVALID"],
      ["reply", { answer: "accepted", repliedOn: "2026-12-07" }, 400, "VALIDATION"],
      ["missing", { answer: "accepted", repliedOn: "2026-12-07", repliedBy: "赵总经理" }, 404, "NOT_FOUND"],
    ];
    for (const [what, body, status, code] of cases) {
      const before = await everything();
      const path = what === "create" ? "/api/bargaining/requests" : `/api/bargaining/requests/${what === "missing" ? "no-such-request" : plain.id}/reply`;
      const res = await org.post(path, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.body.error.message.zh.length).toBeGreaterThan(0);
      expect(await everything()).toEqual(before);
    }
    expect((await org.get("/api/bargaining/requests/no-such-request/request.pdf")).status).toBe(404);
    expect((await org.get(`/api/bargaining/requests/${plain.id}/request.txt`)).status).toBe(400);
  });

  it("only the secretariat (admin, organiser) reaches them: a chair account is refused, no session is 401", async () => {
    expect((await chair.get("/api/bargaining/requests")).status).toBe(403);
    const before = await everything();
    expect((await chair.post("/api/bargaining/requests", REQUEST)).status).toBe(403);
    expect((await chair.post(`/api/bargaining/requests/${id}/reply`, { answer: "accepted", repliedOn: "2026-12-07", repliedBy: "x" })).status).toBe(403);
    expect(await everything()).toEqual(before);
    expect((await new ApiClient(t.url).get(`/api/bargaining/requests/${id}/request.docx`)).status).toBe(401);
  });
});

describe("delegations", () => {
  const side = (prefix: string, s: "worker" | "enterprise", n: number) =>
    Array.from({ length: n }, (_, i) => ({
      name: `${prefix}${i + 1}`,
      role: i === 0 && s === "worker" ? ("chair" as const) : ("member" as const),
      side: s,
      chief: i === 0,
    }));

  it("a bargaining meeting with unequal delegations is refused at the opening; once equal, it opens", async () => {
    const { meeting, participants } = await t.server.meetings.create("工资集体协商（第二轮）", [
      ...side("职工代表", "worker", 4),
      ...side("企业代表", "enterprise", 3),
      { name: "记录员", role: "clerk" },
      { name: "区总工会", role: "observer" },
    ]);
    await t.server.meetings.update(meeting.id, { kind: "bargaining" });
    const room = await t.server.rooms.get(meeting.id);
    await t.server.rooms.syncConfig(meeting.id);
    const chief = { participantId: participants[0]!.id, role: "chair" as const };
    const refused = await room.submit(chief, { type: "meeting.open" });
    expect(refused).toMatchObject({ ok: false, error: { code: "DELEGATION_INVALID", details: ["DELEGATION_UNEQUAL"] } });
    expect(room.current.status).toBe("scheduled");
    // The organisers add the fourth enterprise representative through the roster API.
    const add = await org.post(`/api/meetings/${meeting.id}/participants`, { name: "企业代表4", role: "member", side: "enterprise" });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    await t.server.rooms.syncConfig(meeting.id);
    expect(await room.submit(chief, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(room.current.status).toBe("open");
  });
});
