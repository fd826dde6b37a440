// The agreement after a bargaining session over real HTTP on a real SQLite file: a bargaining
// meeting (3 + 3 representatives, the recorder) agrees two clauses through the real room; the
// draft is generated from them, edited (a new version; a stale base is refused), read back from
// word/document.xml and the PDF's text; the 职工代表大会 votes by secret ballot over real sockets
// (应到 4, 实到 3) and the result document states the §36 test; the chiefs' signatures, the
// filing (§42, 10 days) and the review window (§47, 15 days) move the state and the reminders.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_36_QUORUM, ARTICLE_36_RULE } from "../../../../core/poll/article36.ts";
import { ApiClient, staffClient, type ApiResponse } from "../../../../testing/server/api.ts";
import { Harness, send, settle } from "../../../../testing/server/harness.ts";
import { pdfText } from "../../../../testing/server/minutesMeeting.ts";
import { pollOf, pollRoom, vote } from "../../../../testing/server/pollRoom.ts";
import { commandRunner, rosterHandles } from "../../../../testing/server/rosterHandles.ts";
import { AGREEMENT_ROSTER, RAISE } from "../../../../testing/server/bargaining.ts";

const h = new Harness();
const DAY = 86_400_000;
/** 2026-12-21 10:00 China time. */
let clock = Date.UTC(2026, 11, 21, 2, 0, 0);

const MINIMUM = "企业最低工资标准为每月2300元，高于当地最低工资标准。";
const EDITED = "2027年度职工工资平均增长6%，其中一线职工不低于7%，自2027年1月1日起执行。";

let t: Awaited<ReturnType<typeof pollRoom>>;
let org: ApiClient;
let meetingId: string;
let tokens: Record<(typeof AGREEMENT_ROSTER)[number]["key"], string>;
let pollId: string;
const base = () => `/api/meetings/${meetingId}/agreement`;

async function docxText(res: ApiResponse): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  const xml = await (await JSZip.loadAsync(res.bytes)).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}
async function pdfOf(res: ApiResponse): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return pdfText(res.bytes);
}

beforeAll(async () => {
  t = await pollRoom(h, { now: () => clock });
  org = t.org;
  const { meeting, participants } = await t.server.meetings.create(
    "宁夏塞上农产品有限公司2027年度工资集体协商",
    AGREEMENT_ROSTER.map(({ key: _key, ...p }) => p),
  );
  meetingId = meeting.id;
  await t.server.db.meeting.update({ where: { id: meetingId }, data: { kind: "bargaining" } });
  const handles = await rosterHandles(t.server, meetingId, AGREEMENT_ROSTER, participants);
  tokens = handles.tokens;
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, handles.actors, (ms = 60_000) => (clock += ms));
  await ok("clerk", { type: "attendance.arrive", participantIds: Object.values(handles.ids), via: "clerk" });
  await ok("wChief", { type: "meeting.open" });
  // Before any clause is agreed there is nothing to draft from.
  expect((await org.post(`${base()}/versions`, { baseVersion: 0, generate: true })).body.error.code).toBe("AGREEMENT_NO_AGREED_CLAUSES");
  await ok("wChief", { type: "bargaining.addClause", title: "工资调整幅度" });
  await ok("wChief", { type: "bargaining.addClause", title: "最低工资标准" });
  await ok("wChief", { type: "bargaining.addClause", title: "计件工资" });
  const [raise, minimum] = room.current.bargaining.clauses;
  // A counter-offer, then both chiefs accept the worker side's last offer.
  await ok("w2", { type: "bargaining.offer", clauseId: raise!.clauseId, text: "2027年度职工工资平均增长8%。", reason: "物价上涨" });
  await ok("e2", { type: "bargaining.offer", clauseId: raise!.clauseId, text: "2027年度职工工资平均增长5%。" });
  await ok("w2", { type: "bargaining.offer", clauseId: raise!.clauseId, text: RAISE });
  const raiseOffer = room.current.bargaining.clauses[0]!.offers.at(-1)!.offerId;
  await ok("wChief", { type: "bargaining.accept", clauseId: raise!.clauseId, offerId: raiseOffer });
  await ok("eChief", { type: "bargaining.accept", clauseId: raise!.clauseId, offerId: raiseOffer });
  await ok("e3", { type: "bargaining.offer", clauseId: minimum!.clauseId, text: MINIMUM });
  const minimumOffer = room.current.bargaining.clauses[1]!.offers.at(-1)!.offerId;
  await ok("eChief", { type: "bargaining.accept", clauseId: minimum!.clauseId, offerId: minimumOffer });
  await ok("wChief", { type: "bargaining.accept", clauseId: minimum!.clauseId, offerId: minimumOffer });
  expect(room.current.bargaining.clauses.map((c) => c.agreed?.text ?? null)).toEqual([RAISE, MINIMUM, null]);
});

afterAll(() => h.cleanup());

describe("the draft agreement", () => {
  it("is generated from the agreed clauses, in the customary structure", async () => {
    const res = await org.post(`${base()}/versions`, { baseVersion: 0, generate: true });
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({
      number: 1,
      source: "generated",
      content: {
        enterprise: "宁夏塞上农产品有限公司",
        union: "宁夏塞上农产品有限公司工会",
        chiefs: { worker: "马文华", enterprise: "王立新" },
        articles: [
          { title: "工资调整幅度", text: RAISE },
          { title: "最低工资标准", text: MINIMUM },
        ],
      },
    });
    const text = await docxText(await org.get(`${base()}/versions/1.docx`));
    for (const part of [
      "工资专项集体合同（草案）",
      "甲方（企业方）：宁夏塞上农产品有限公司",
      "第一条　工资调整幅度",
      RAISE,
      "第二条　最低工资标准",
      MINIMUM,
      "第三条　合同期限",
      "甲方首席代表（签字）",
      "乙方首席代表（签字）",
    ])
      expect(text).toContain(part);
    expect(text).not.toContain("计件工资");
  });

  it("an edit is a new version; a save on a stale version is refused and changes nothing", async () => {
    const first = (await org.get(`${base()}/versions/1`)).body.version;
    const content = {
      ...first.content,
      preamble: "甲乙双方经平等协商，订立本合同。",
      articles: first.content.articles.map((a: { text: string }, i: number) => (i === 0 ? { ...a, text: EDITED } : a)),
    };
    const saved = await org.post(`${base()}/versions`, { baseVersion: 1, content, note: "补充执行日期" });
    expect(saved.status).toBe(201);
    expect(saved.body.version).toMatchObject({ number: 2, source: "edited", note: "补充执行日期", authorName: "secretariat" });
    const stale = await org.post(`${base()}/versions`, { baseVersion: 1, content });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "EDIT_CONFLICT", details: { latest: 2 } });
    const agreement = (await org.get(base())).body;
    expect(agreement.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(agreement.status).toMatchObject({ state: "draft" });
    expect((await org.get(`${base()}/versions/1`)).body.version.content.articles[0].text).toBe(RAISE);

    const docx = await docxText(await org.get(`${base()}/versions/2.docx`));
    expect(docx).toContain(EDITED);
    expect(docx).toContain("甲乙双方经平等协商，订立本合同。");
    const pdf = await pdfOf(await org.get(`${base()}/versions/2.pdf`));
    for (const part of ["工资专项集体合同（草案）", "第一条", EDITED, "第二条", MINIMUM]) expect(pdf).toContain(part.replace(/\s+/g, ""));
  });

  it("refuses bad input with a stable code", async () => {
    expect((await org.post(`${base()}/versions`, { baseVersion: 2 })).body.error.code).toBe("VALIDATION");
    expect((await org.post(`${base()}/versions`, { baseVersion: 2, content: { title: "" } })).body.error.code).toBe("VALIDATION");
    expect((await org.get(`${base()}/versions/9`)).status).toBe(404);
  });
});

describe("the vote of the 职工代表大会 (§36), signing and filing", () => {
  it("signing before a vote that passes is out of order", async () => {
    const res = await org.post(`${base()}/signatures`, { side: "worker", signedOn: "2026-12-21" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("AGREEMENT_STEP_ORDER");
  });

  it("an open poll is no vote; the closed secret §36 poll is recorded with its test and result document", async () => {
    pollId = await t.create(pollOf({ title: "工资专项集体合同草案", secret: true, rule: ARTICLE_36_RULE, quorum: ARTICLE_36_QUORUM }));
    expect(await send(t.c.chair, { type: "poll.open", pollId })).toMatchObject({ ok: true });
    await settle(t.all, t.server);
    expect((await org.post(`${base()}/vote`, { meetingId: t.m.meetingId, pollId })).body.error.code).toBe("AGREEMENT_POLL_NOT_CLOSED");
    for (const member of [t.c.member1, t.c.member2, t.c.member3]) expect(await vote(member, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    expect(await send(t.c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(t.all, t.server);

    expect((await org.get(`${base()}/polls?meetingId=${t.m.meetingId}`)).body.polls).toEqual([
      { pollId, title: "工资专项集体合同草案", closedAt: expect.any(Number), passed: true },
    ]);
    expect((await org.get(`${base()}/polls`)).body.polls).toEqual([]);
    const res = await org.post(`${base()}/vote`, { meetingId: t.m.meetingId, pollId });
    expect(res.status).toBe(200);
    expect(res.body.vote).toMatchObject({
      entitled: 4,
      present: 3,
      cast: 3,
      yes: 3,
      version: 2,
      secret: true,
      pollPassed: true,
      votedOn: "2026-12-21",
      article36: { present: { amount: 3, needed: 3, met: true }, yes: { amount: 3, needed: 3, met: true }, passed: true },
    });
    // A secret ballot: the agreement keeps totals, never who voted how.
    expect(JSON.stringify(res.body)).not.toContain(t.member3.id);
    expect(JSON.stringify(res.body)).not.toContain("钟玉");
    expect((await org.get(base())).body.status.state).toBe("voted");
    // The adopted text is what the chiefs sign: no more versions.
    const late = await org.post(`${base()}/versions`, { baseVersion: 2, generate: true });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("AGREEMENT_STEP_RECORDED");

    const docx = await docxText(await org.get(`${base()}/vote.docx`));
    for (const part of [
      "表决结果",
      "（合同草案第2稿）",
      "无记名投票",
      "应到 4 人，实到 3 人",
      "赞成 3 票",
      "不少于应到人数的三分之二（3 人）：符合",
      "超过应到人数的半数（至少 3 票）：符合",
      "合同草案获得通过",
    ])
      expect(docx).toContain(part);
    const pdf = await pdfOf(await org.get(`${base()}/vote.pdf`));
    expect(pdf).toContain("应到4人，实到3人");
    expect(pdf).toContain("合同草案获得通过");
    expect((await org.post(`${base()}/vote`, { meetingId: t.m.meetingId, pollId })).body.error.code).toBe("AGREEMENT_STEP_RECORDED");
  });

  it("both chiefs sign: 已签订, filing due within 10 days, listed as a reminder", async () => {
    const future = await org.post(`${base()}/signatures`, { side: "worker", signedOn: "2026-12-22" });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe("AGREEMENT_DATE_INVALID");
    expect((await org.post(`${base()}/signatures`, { side: "worker", signedOn: "2026-12-21" })).status).toBe(200);
    expect((await org.post(`${base()}/signatures`, { side: "worker", signedOn: "2026-12-21" })).body.error.code).toBe("AGREEMENT_STEP_RECORDED");
    const signed = await org.post(`${base()}/signatures`, { side: "enterprise", signedOn: "2026-12-21" });
    expect(signed.body.signatures).toMatchObject({
      worker: { name: "马文华", signedOn: "2026-12-21", recordedByName: "secretariat" },
      enterprise: { name: "王立新", signedOn: "2026-12-21" },
    });
    expect(signed.body.status).toMatchObject({ state: "signed", signedOn: "2026-12-21", filingDue: "2026-12-31", daysLeft: 10 });
    // The signed document carries the date of signing and no longer says 草案.
    const docx = await docxText(await org.get(`${base()}/versions/2.docx`));
    expect(docx).toContain("签订日期：2026年12月21日");
    expect(docx).not.toContain("（草案）");

    clock += 12 * DAY; // 2027-01-02: two days late (the staff session has expired meanwhile)
    await org.login("secretariat");
    const reminders = (await org.get("/api/bargaining/agreements")).body.agreements;
    expect(reminders).toEqual([
      expect.objectContaining({ meetingId, state: "signed", reminder: { kind: "filing", due: "2026-12-31", daysLeft: -2, overdue: true } }),
    ]);
  });

  it("filing (late, marked), receipt, then 15 days without objection: 已生效", async () => {
    const early = await org.post(`${base()}/filing`, { filedOn: "2026-12-20" });
    expect(early.body.error.code).toBe("AGREEMENT_DATE_INVALID");
    expect((await org.get(base())).body.filedOn).toBeNull();
    const filed = await org.post(`${base()}/filing`, { filedOn: "2027-01-02" });
    expect(filed.body.status).toMatchObject({ state: "filed", filedLate: true });
    const received = await org.post(`${base()}/receipt`, { receivedOn: "2027-01-02" });
    expect(received.body.status).toMatchObject({ state: "underReview", reviewEnds: "2027-01-17", daysLeft: 15 });
    expect((await org.get("/api/bargaining/agreements")).body.agreements[0].reminder).toEqual({
      kind: "review",
      due: "2027-01-17",
      daysLeft: 15,
      overdue: false,
    });

    clock += 16 * DAY; // 2027-01-18
    await org.login("secretariat");
    const after = (await org.get(base())).body;
    expect(after.status).toMatchObject({ state: "effective", effectiveOn: "2027-01-18" });
    expect((await org.get("/api/bargaining/agreements")).body.agreements[0].reminder).toBeNull();
  });
});

describe("who may", () => {
  it("the meeting's recorder may; a representative, an observer and strangers may not", async () => {
    const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
    expect((await org.get(base())).status).toBe(200);
    expect((await new ApiClient(t.url).get(base())).status).toBe(401);
    expect((await new ApiClient(t.url).get(base(), as(tokens.clerk))).status).toBe(200);
    for (const who of ["wChief", "eChief", "observer"] as const) expect((await new ApiClient(t.url).get(base(), as(tokens[who]))).status).toBe(403);
    const { client: chairAccount } = await staffClient(t.server, t.url, "chair-account", "chair");
    expect((await chairAccount.get(base())).status).toBe(403);
    expect((await chairAccount.get("/api/bargaining/agreements")).status).toBe(403);
    // Not a bargaining meeting: no agreement.
    expect((await org.get(`/api/meetings/${t.m.meetingId}/agreement`)).body.error.code).toBe("NOT_BARGAINING");
  });
});
