// The workers' proposals over real HTTP and SQLite: the union creates a collection (征集) with its
// questions; a worker without an account fills in the 征集表 through the public link, anonymously or
// named (limits per device and per address; bad input refused with stable codes, nothing stored);
// the union sees handed out, returned and the rate, the answers per question, types in paper
// forms, and merges forms into numbered 协商提案 with the workers each covers.
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, staffClient, type Json } from "../../../../testing/server/api.ts";
import { Harness } from "../../../../testing/server/harness.ts";
import { MAX_FORMS_PER_ADDRESS, MAX_FORMS_PER_DEVICE } from "./formLimiter.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const DAY = 86_400_000;
const BASE = "/api/bargaining/proposals/collections";
const QUESTIONS = [
  { kind: "choice", text: "您希望今年工资增长幅度是多少？", options: ["3%以下", "3%-5%", "5%以上"] },
  { kind: "choice", text: "您最关心哪些事项？（可多选）", options: ["计件单价", "加班工资", "季节工、临时工、小时工指导标准"], multiple: true },
  { kind: "text", text: "对季节工、临时工、小时工的工资指导标准有什么建议？" },
];

function collectionBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "2026年度工资集体协商意见建议征集",
    questions: QUESTIONS,
    handedOut: 360,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
    ...overrides,
  };
}

async function setup(overrides: Record<string, unknown> = {}) {
  const t = await h.startServer();
  const { client: union } = await staffClient(t.server, t.url, "union", "organiser");
  const created = await union.post(BASE, collectionBody(overrides));
  expect(created.status).toBe(201);
  const collection = created.body.collection;
  const worker = new ApiClient(t.url);
  return { ...t, union, collection, worker, form: `/api/public/proposal-collections/${collection.publicCode}/forms` };
}

const deviceCookie = (n: number) => ({ Cookie: `yst_device=${n.toString(16).padStart(32, "0")}` });
const send = (worker: ApiClient, path: string, body: unknown, device?: number) =>
  worker.request("POST", path, { body, ...(device === undefined ? {} : { headers: deviceCookie(device) }) });

const ANONYMOUS = { answers: { q1: "3%-5%", q2: ["计件单价", "加班工资"] }, suggestion: "希望提高夜班津贴", anonymous: true };
const NAMED = {
  answers: { q1: ["5%以上"], q3: "小时工每小时不低于18元" },
  name: "马建军",
  department: "包装车间",
  phone: "13900000001",
};

describe("workers' proposals (征集表 → 协商提案)", () => {
  it("a worker sends the form anonymously and with a name; the union sees the forms, the counts and the rate", async () => {
    const { server, union, collection, worker, form } = await setup();
    expect(collection).toMatchObject({ handedOut: 360, paperCounted: 0, phase: "open", meetingId: null });
    expect(collection.questions.map((q: Json) => [q.id, q.kind, q.multiple])).toEqual([
      ["q1", "choice", false],
      ["q2", "choice", true],
      ["q3", "text", false],
    ]);
    const link = (await union.get(`${BASE}/${collection.id}/link`)).body;
    expect(link.url).toMatch(new RegExp(`/w/${collection.publicCode}$`));
    expect(link.qrSvg).toContain("<svg");

    const page = await worker.get(`/api/public/proposal-collections/${collection.publicCode}`);
    expect(page.status).toBe(200);
    expect(page.body.collection).toMatchObject({ title: "2026年度工资集体协商意见建议征集", phase: "open" });
    expect(page.body.collection.questions).toHaveLength(3);
    // Nothing but what the form needs: no counts, no code, no other worker's answers.
    expect(Object.keys(page.body.collection).sort()).toEqual(["closesAt", "opensAt", "phase", "questions", "title"]);
    expect(page.headers.getSetCookie().some((c) => /^yst_device=[a-f0-9]{32}/.test(c) && /HttpOnly/i.test(c))).toBe(true);

    const first = await send(worker, form, ANONYMOUS);
    expect([first.status, first.body.form.number]).toEqual([201, 1]);
    const second = await send(worker, form, NAMED);
    expect([second.status, second.body.form.number]).toEqual([201, 2]);
    // The worker's acknowledgement names no one.
    expect(JSON.stringify(second.body)).not.toContain("马建军");

    const view = (await union.get(`${BASE}/${collection.id}`)).body;
    expect(view.forms).toMatchObject([
      { number: 1, source: "online", anonymous: true, name: "", department: "", phone: "", answers: { q1: ["3%-5%"], q2: ["计件单价", "加班工资"] } },
      { number: 2, source: "online", anonymous: false, name: "马建军", department: "包装车间", phone: "13900000001", enteredByName: null },
    ]);
    expect(view.returns).toEqual({ handedOut: 360, online: 2, paperTyped: 0, paperCounted: 0, returned: 2, rate: 2 / 360, overHandedOut: false });

    // Paper forms: one typed in by the union, the rest counted.
    const typed = await union.post(`${BASE}/${collection.id}/forms`, { answers: { q1: "3%-5%" }, suggestion: "季节工按件计酬", department: "大田班组" });
    expect(typed.status).toBe(201);
    expect(typed.body.form).toMatchObject({ number: 3, source: "paper", enteredByName: "union", department: "大田班组" });
    const counted = await union.patch(`${BASE}/${collection.id}`, { paperCounted: 352 });
    expect(counted.body.collection.paperCounted).toBe(352);
    const after = (await union.get(`${BASE}/${collection.id}`)).body;
    // 平罗县: 360 handed out, 355 back.
    expect(after.returns).toMatchObject({ handedOut: 360, online: 2, paperTyped: 1, paperCounted: 352, returned: 355, overHandedOut: false });
    expect(after.returns.rate).toBeCloseTo(355 / 360, 10);
    expect(after.answers).toEqual([
      {
        questionId: "q1",
        kind: "choice",
        text: QUESTIONS[0]!.text,
        answered: 3,
        counts: [
          { option: "3%以下", count: 0 },
          { option: "3%-5%", count: 2 },
          { option: "5%以上", count: 1 },
        ],
      },
      {
        questionId: "q2",
        kind: "choice",
        text: QUESTIONS[1]!.text,
        answered: 1,
        counts: [
          { option: "计件单价", count: 1 },
          { option: "加班工资", count: 1 },
          { option: "季节工、临时工、小时工指导标准", count: 0 },
        ],
      },
      { questionId: "q3", kind: "text", text: QUESTIONS[2]!.text, answered: 1, texts: [{ formNumber: 2, text: "小时工每小时不低于18元" }] },
    ]);
    expect(after.suggestions).toEqual([
      { formNumber: 1, text: "希望提高夜班津贴" },
      { formNumber: 3, text: "季节工按件计酬" },
    ]);
    const list = (await union.get(BASE)).body.collections;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: collection.id, proposals: 0, returns: { returned: 355 } });
    expect(await server.db.proposalForm.count()).toBe(3);
  });

  it("refuses bad input with stable codes and stores nothing", async () => {
    const { server, union, collection, worker, form } = await setup();
    const refused: [unknown, number, string][] = [
      [{ answers: { q1: "10%" } }, 400, "PROPOSAL_ANSWERS_INVALID"],
      [{ answers: { q9: "x" } }, 400, "PROPOSAL_ANSWERS_INVALID"],
      [{ answers: { q1: ["3%以下", "5%以上"] } }, 400, "PROPOSAL_ANSWERS_INVALID"],
      [{ answers: { q3: ["计件单价"] } }, 400, "PROPOSAL_ANSWERS_INVALID"],
      [{ answers: {}, suggestion: "   " }, 400, "PROPOSAL_FORM_EMPTY"],
      [{ answers: { q3: "  " } }, 400, "PROPOSAL_FORM_EMPTY"],
      [{ ...ANONYMOUS, name: "马建军" }, 400, "VALIDATION"],
      [{ suggestion: "x", phone: "call me" }, 400, "VALIDATION"],
      [{ suggestion: "x", age: 40 }, 400, "VALIDATION"],
      [{ suggestion: "长".repeat(2001) }, 400, "VALIDATION"],
      ["not an object", 400, "VALIDATION"],
    ];
    for (const [index, [body, status, code]] of refused.entries()) {
      const res = await send(worker, form, body, 100 + index);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.body.error.message.zh).toBeTruthy();
      expect(res.body.error.message.en).toBeTruthy();
    }
    const unknown = await send(worker, "/api/public/proposal-collections/nosuchcode/forms", ANONYMOUS, 1);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "PROPOSAL_LINK_UNKNOWN"]);
    expect((await worker.get("/api/public/proposal-collections/nosuchcode")).body.error.code).toBe("PROPOSAL_LINK_UNKNOWN");
    // The union typing in a paper form is held to the same questions.
    expect((await union.post(`${BASE}/${collection.id}/forms`, { answers: { q2: ["其他"] } })).body.error.code).toBe("PROPOSAL_ANSWERS_INVALID");
    expect(await server.db.proposalForm.count()).toBe(0);

    // The union's own bad input: a choice question with one option, a period backwards, an unknown meeting.
    const one = await union.post(BASE, collectionBody({ questions: [{ kind: "choice", text: "幅度", options: ["5%"] }] }));
    expect([one.status, one.body.error.code]).toEqual([400, "VALIDATION"]);
    const backwards = await union.post(BASE, collectionBody({ closesAt: new Date(Date.now() - 2 * DAY).toISOString() }));
    expect(backwards.body.error.code).toBe("VALIDATION");
    const meeting = await union.post(BASE, collectionBody({ meetingId: "no-such-meeting" }));
    expect([meeting.status, meeting.body.error.code]).toEqual([400, "BARGAINING_MEETING_UNKNOWN"]);
    expect(await server.db.proposalCollection.count()).toBe(1);
  });

  it("takes forms through the link only within the period; the union types in paper forms after it", async () => {
    const { union, worker, collection, form } = await setup({
      opensAt: new Date(Date.now() + DAY).toISOString(),
      closesAt: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    const early = await send(worker, form, ANONYMOUS);
    expect([early.status, early.body.error.code]).toEqual([409, "PROPOSAL_COLLECTION_NOT_OPEN"]);
    await union.patch(`${BASE}/${collection.id}`, {
      opensAt: new Date(Date.now() - 2 * DAY).toISOString(),
      closesAt: new Date(Date.now() - DAY).toISOString(),
    });
    const late = await send(worker, form, ANONYMOUS);
    expect([late.status, late.body.error.code]).toEqual([409, "PROPOSAL_COLLECTION_CLOSED"]);
    expect((await worker.get(`/api/public/proposal-collections/${collection.publicCode}`)).body.collection.phase).toBe("closed");
    expect((await union.post(`${BASE}/${collection.id}/forms`, ANONYMOUS)).status).toBe(201);
    // Once a form is back the questions are fixed; the rest may change.
    const locked = await union.patch(`${BASE}/${collection.id}`, { questions: [{ kind: "text", text: "建议" }] });
    expect([locked.status, locked.body.error.code]).toEqual([409, "PROPOSAL_QUESTIONS_LOCKED"]);
    expect((await union.patch(`${BASE}/${collection.id}`, { handedOut: 400, title: "征集（补发）" })).body.collection).toMatchObject({
      handedOut: 400,
      title: "征集（补发）",
    });
  });

  it("rate limits per device and per network address: 429 RATE_LIMITED and nothing stored", async () => {
    const { server, worker, form } = await setup();
    for (let i = 0; i < MAX_FORMS_PER_DEVICE; i++) expect((await send(worker, form, ANONYMOUS, 1)).status).toBe(201);
    const device = await send(worker, form, ANONYMOUS, 1);
    expect([device.status, device.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(await server.db.proposalForm.count()).toBe(MAX_FORMS_PER_DEVICE);
    // Other phones on the same network (a workshop's Wi-Fi), until the address has used its share.
    for (let i = MAX_FORMS_PER_DEVICE; i < MAX_FORMS_PER_ADDRESS; i++) expect((await send(worker, form, ANONYMOUS, 1000 + i)).status).toBe(201);
    const address = await send(worker, form, ANONYMOUS, 999_999);
    expect([address.status, address.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    // Without the cookie a new device id, but the address is still over its limit.
    expect((await send(worker, form, ANONYMOUS)).status).toBe(429);
    expect(await server.db.proposalForm.count()).toBe(MAX_FORMS_PER_ADDRESS);
  });

  it("merges forms into numbered 协商提案: a form may go into several, coverage counts distinct forms plus paper workers", async () => {
    const { server, union, collection, worker, form } = await setup();
    const ids: string[] = [];
    for (const [i, body] of [ANONYMOUS, NAMED, ANONYMOUS, NAMED].entries()) {
      expect((await send(worker, form, body, i + 1)).status).toBe(201);
    }
    for (const f of (await union.get(`${BASE}/${collection.id}`)).body.forms) ids.push(f.id);
    const proposals = `${BASE}/${collection.id}/proposals`;

    const wage = await union.post(proposals, { title: "工资增长幅度", text: "职工工资平均增长不低于5%", formIds: [ids[0], ids[1], ids[0]] });
    expect(wage.status).toBe(201);
    expect(wage.body.proposal).toMatchObject({ number: 1, formNumbers: [1, 2], extraWorkers: 0, workersCovered: 2 });
    const seasonal = await union.post(proposals, { title: "季节工、临时工、小时工指导标准", formIds: [ids[1], ids[2]], extraWorkers: 120 });
    expect(seasonal.body.proposal).toMatchObject({ number: 2, formNumbers: [2, 3], workersCovered: 122 });
    const paperOnly = await union.post(proposals, { title: "夜班津贴", extraWorkers: 40 });
    expect(paperOnly.body.proposal).toMatchObject({ number: 3, formIds: [], workersCovered: 40 });

    // A form of another collection is refused; nothing is created or changed.
    const other = (await union.post(BASE, collectionBody({ title: "另一次征集" }))).body.collection;
    expect((await send(worker, `/api/public/proposal-collections/${other.publicCode}/forms`, ANONYMOUS, 50)).status).toBe(201);
    const foreign = (await union.get(`${BASE}/${other.id}`)).body.forms[0].id;
    const refused = await union.post(proposals, { title: "混入", formIds: [ids[0], foreign] });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([400, "PROPOSAL_FORM_UNKNOWN", [foreign]]);
    const editRefused = await union.patch(`${proposals}/${wage.body.proposal.id}`, { formIds: [foreign] });
    expect(editRefused.body.error.code).toBe("PROPOSAL_FORM_UNKNOWN");
    expect(await server.db.bargainingProposal.count()).toBe(3);

    const view = (await union.get(`${BASE}/${collection.id}`)).body;
    expect(view.proposals.map((p: Json) => [p.number, p.workersCovered])).toEqual([
      [1, 2],
      [2, 122],
      [3, 40],
    ]);
    expect([view.merged, view.unmerged]).toEqual([3, [ids[3]]]);

    const edited = await union.patch(`${proposals}/${wage.body.proposal.id}`, { formIds: [ids[0], ids[1], ids[3]], extraWorkers: 5 });
    expect(edited.body.proposal).toMatchObject({ number: 1, title: "工资增长幅度", formNumbers: [1, 2, 4], workersCovered: 8 });

    // Deleting No. 1: the others move up, numbers stay 1..n; the forms stay.
    const left = await union.delete(`${proposals}/${wage.body.proposal.id}`);
    expect(left.body.proposals.map((p: Json) => [p.number, p.title])).toEqual([
      [1, "季节工、临时工、小时工指导标准"],
      [2, "夜班津贴"],
    ]);
    expect((await union.post(proposals, { title: "加班工资", formIds: [ids[3]] })).body.proposal.number).toBe(3);
    // The session takes them as clauses from here.
    const forSession = (await union.get(proposals)).body.proposals;
    expect(forSession.map((p: Json) => p.number)).toEqual([1, 2, 3]);
    expect(await server.db.proposalForm.count({ where: { collectionId: collection.id } })).toBe(4);
    expect((await union.delete(`${proposals}/${wage.body.proposal.id}`)).status).toBe(404);
  });

  it("links a collection to a bargaining meeting and lists by meeting; workers' and others' calls need the union", async () => {
    const t = await h.startServer();
    const meeting = await h.createMeeting(t.server, "2026年度工资集体协商会议");
    const plain = await h.createMeeting(t.server, "双周协商座谈会");
    await t.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { kind: "bargaining" } });
    const { client: union } = await staffClient(t.server, t.url, "union", "admin");
    const { client: clerk } = await staffClient(t.server, t.url, "clerk", "clerk");
    const notBargaining = await union.post(BASE, collectionBody({ meetingId: plain.meetingId }));
    expect(notBargaining.body.error.code).toBe("BARGAINING_MEETING_UNKNOWN");
    const linked = (await union.post(BASE, collectionBody({ meetingId: meeting.meetingId }))).body.collection;
    await union.post(BASE, collectionBody({ title: "未关联" }));
    expect((await union.get(`${BASE}?meetingId=${meeting.meetingId}`)).body.collections.map((c: Json) => c.id)).toEqual([linked.id]);
    expect((await union.get(BASE)).body.collections).toHaveLength(2);
    expect((await clerk.get(BASE)).status).toBe(403);
    expect((await new ApiClient(t.url).get(`${BASE}/${linked.id}`)).status).toBe(401);
  });
});
