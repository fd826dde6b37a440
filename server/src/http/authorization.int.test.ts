// Every REST route against every kind of caller: admin, organiser, the chair of this meeting,
// the chair of another meeting, the clerk of this meeting, a department account (承办单位, the
// ledger only) and nobody (no session). Each row
// sends a request that would succeed for an allowed caller, so a status other than the
// expected one shows a hole (or an over-tight rule) in the authorization.
import fs from "node:fs";
import path from "node:path";
import type { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";
import { RecordingStore } from "../media/recording/recordingStore.ts";
import { MinutesVersionStore } from "../minutes/minutesVersionStore.ts";
import { createApi } from "./api.ts";
import { apiDeps } from "./apiDeps.ts";
import { ApiClient, createStaff, fileForm, linkAccount, STAFF_PASSWORD } from "../../../testing/server/api.ts";
import { LedgerFiles } from "../ledger/ledgerFiles.ts";
import { CommunityStore } from "../community/communityStore.ts";
import { CampaignStore } from "../campaign/campaignStore.ts";
import { BargainingRequestStore } from "../bargaining/requests/requestStore.ts";
import { MediationCaseStore } from "../mediation/cases/caseStore.ts";
import type { NewMediationCase } from "../../../core/api/mediationCases.ts";
import type { NewBargainingRequest } from "../../../core/api/bargainingRequests.ts";
import { ProposalStore } from "../bargaining/proposals/proposalStore.ts";
import { AgreementStore } from "../bargaining/agreement/agreementStore.ts";
import { MediationAgreementStore } from "../mediation/agreement/mediationAgreementStore.ts";
import type { Community } from "../../../core/api/community.ts";
import { newReceiptCode, receiptHash } from "../intake/receipts.ts";
import { createDepartment, departmentClient, newLedgerItem, versionOf } from "../../../testing/server/ledger.ts";

type Caller = "admin" | "organiser" | "chairHere" | "chairOther" | "clerkHere" | "department" | "none";
const CALLERS: readonly Caller[] = ["admin", "organiser", "chairHere", "chairOther", "clerkHere", "department", "none"];
type Expect = Record<Caller, number>;

const ANYONE = (s = 200): Expect => ({ admin: s, organiser: s, chairHere: s, chairOther: s, clerkHere: s, department: s, none: s });
/** Any logged-in account, department accounts included (their own session, the departments list). */
const ALL_ACCOUNTS = (s = 200): Expect => ({ ...ANYONE(s), none: 401 });
/** Meeting staff: every account but department accounts (the ledger only). */
const ALL_STAFF = (s = 200): Expect => ({ ...ALL_ACCOUNTS(s), department: 403 });
const MEETING_STAFF = (s = 200): Expect => ({ ...ALL_STAFF(s), chairOther: 403 });
const MANAGERS = (s = 200): Expect => ({ admin: s, organiser: s, chairHere: 403, chairOther: 403, clerkHere: 403, department: 403, none: 401 });
/** The ledger's readers: the secretariat (admin, organiser) and the department of the item. */
const LEDGER_READERS = (s = 200): Expect => ({ ...MANAGERS(s), department: s });
/** Only the department of the item (progress, reply, attachments). */
const LEDGER_DEPARTMENT = (s = 200): Expect => ({ ...MANAGERS(403), department: s });
const KEEP_ALL = { recordingsDays: null, materialsDays: null };
const ADMIN_ONLY = (s = 200): Expect => ({ ...MANAGERS(s), organiser: 403 });

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const CSV = "姓名,角色,单位及职务\n周临时,委员,区教育局\n";

const h = new Harness();
let t: TestServer;
let m: TestMeeting;
let other: TestMeeting;
let checkinCode: string;
let seq = 0;
let departmentId: string;
const unique = (prefix: string) => `${prefix}${++seq}`;

beforeAll(async () => {
  t = await h.startServer();
  m = await h.createMeeting(t.server, "区政协双周协商座谈会（授权测试）");
  other = await h.createMeeting(t.server, "另一个会议");
  await createStaff(t.server, "admin1", "admin");
  await createStaff(t.server, "organiser1", "organiser");
  await linkAccount(t.server, m.people.chair.id, (await createStaff(t.server, "chairhere", "chair")).id);
  await linkAccount(t.server, other.people.chair.id, (await createStaff(t.server, "chairother", "chair")).id);
  await linkAccount(t.server, m.people.clerk.id, (await createStaff(t.server, "clerkhere", "clerk")).id);
  checkinCode = (await t.server.db.meeting.findUniqueOrThrow({ where: { id: m.meetingId } })).checkinSecret;
  departmentId = (await createDepartment(t.server, "区住建委（授权测试）")).id;
  await departmentClient(t.server, t.url, "depthere", departmentId);
});
afterAll(() => h.cleanup());

const USERNAMES: Record<Exclude<Caller, "none">, string> = {
  admin: "admin1",
  organiser: "organiser1",
  chairHere: "chairhere",
  chairOther: "chairother",
  clerkHere: "clerkhere",
  department: "depthere",
};

const sessions = new Map<Caller, ApiClient>();

/** One session per caller, or a fresh one for rows that end it. */
async function clientFor(caller: Caller, fresh = false): Promise<ApiClient> {
  if (!fresh && sessions.has(caller)) return sessions.get(caller)!;
  const client = new ApiClient(t.url);
  if (!fresh) sessions.set(caller, client);
  if (caller !== "none") {
    const res = await client.login(USERNAMES[caller]);
    if (res.status !== 200) throw new Error(`login ${caller}: ${res.status}`);
  }
  return client;
}

// Fresh objects for rows whose success removes or changes what they act on.
const newItem = async () =>
  (await t.server.db.agendaItem.create({ data: { id: unique("item-"), meetingId: m.meetingId, position: 900 + seq, title: "临时议题" } })).id;
async function newMaterial(): Promise<string> {
  const admin = await clientFor("admin");
  const item = await newItem();
  const res = await admin.request("POST", `/api/meetings/${m.meetingId}/agenda/${item}/materials`, { form: fileForm(PNG, "图.png") });
  return res.body.material.id;
}
async function newRecording(): Promise<string> {
  const id = unique("rec-");
  fs.mkdirSync(path.join(t.config.recordingsDir, m.meetingId), { recursive: true });
  fs.writeFileSync(path.join(t.config.recordingsDir, m.meetingId, `${id}.opus`), "OggS");
  const row = { id, meetingId: m.meetingId, speechId: id, participantId: m.people.member1.id, part: 1, file: `${id}.opus` };
  await new RecordingStore(t.server.db).add({ ...row, startedAt: new Date(), durationMs: 1000, bytes: 4, status: "ready" });
  return id;
}
const newParticipant = async () =>
  (await t.server.db.participant.create({ data: { id: unique("p-"), meetingId: m.meetingId, name: unique("临时委员"), role: "member", ordinal: 100 + seq } }))
    .id;
const newBooking = async () =>
  (
    await t.server.db.plannedSpeech.create({
      data: {
        id: unique("plan-"),
        meetingId: m.meetingId,
        participantId: m.people.member1.id,
        kind: "booked",
        position: 900 + seq,
        title: "临时发言",
        text: "",
        createdBy: "test",
      },
    })
  ).id;
const latestMinutesVersion = async () => (await new MinutesVersionStore(t.server.db, Date.now).list(mid())).at(-1)?.number ?? 0;
/** A new latest version of the minutes (with a note, so it may follow an approved one). */
async function newMinutesVersion(): Promise<number> {
  const saved = await new MinutesVersionStore(t.server.db, Date.now).save(
    mid(),
    { baseVersion: await latestMinutesVersion(), blocks: [{ kind: "title", text: "授权测试会议纪要" }], note: "授权测试", generated: false },
    { name: "测试", participantId: null, accountId: null },
  );
  if (!saved.ok) throw new Error(saved.code);
  return saved.version.number;
}
const newAccount = async () => (await createStaff(t.server, unique("acct"), "clerk")).id;
const newDepartment = async () => (await createDepartment(t.server, unique("临时单位"))).id;
/** A ledger item assigned to the callers' department (the id of the last one, for its body). */
let ledgerItem = "";
const newAssignedItem = async () => (ledgerItem = await newLedgerItem(t.server, departmentId));
/** An attachment listed in a reply of an item of the callers' department. */
async function newRepliedAttachment(): Promise<string> {
  const itemId = await newAssignedItem();
  const id = unique("att-");
  const storedName = await new LedgerFiles(t.config.dataDir).save(itemId, PNG);
  await t.server.db.ledgerAttachment.create({
    data: { id, itemId, name: "答复.png", storedName, size: PNG.length, mime: "image/png", uploadedBy: "test", uploadedAt: new Date() },
  });
  const dept = { role: "department" as const, id: "test", name: "区住建委", departmentId };
  await t.server.ledger.act(
    itemId,
    await versionOf(t.server, itemId),
    { type: "reply", text: "见附件", outcome: "adopted", attachments: [{ id, name: "答复.png" }] },
    dept,
  );
  return id;
}

/** The community of the residents' rows (居民点单), made once. */
let community: Promise<Community> | null = null;
const theCommunity = () =>
  (community ??= new CommunityStore(t.server.db, Date.now).create("授权测试社区").then((r) => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  }));
/** A 1×1 PNG that decodes (campaign form photos are re-encoded). */
const REAL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
let campaignHousehold: Promise<string> | undefined;
/** An open consent campaign of the test community (one household) and a paper recording in it, with its photo when asked. */
async function newCampaign(withPhoto = false): Promise<{ id: string; householdId: string; clientId: string }> {
  const communityId = (await theCommunity()).id;
  campaignHousehold ??= new CommunityStore(t.server.db, Date.now)
    .addHouseholds(communityId, [{ building: "授权1号楼", room: "101", representative: "户主" }])
    .then((r) => (r.ok ? r.value[0]!.id : Promise.reject(new Error(r.error.code))));
  const householdId = await campaignHousehold;
  const store = new CampaignStore(t.server.db, Date.now);
  const created = await store.create(
    {
      communityId,
      title: unique("授权测试征询"),
      question: "是否同意？",
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      rule: { overall: { num: 80, den: 100 }, buildings: [] },
    },
    "test",
  );
  if (!created.ok) throw new Error(created.error.code);
  const clientId = crypto.randomUUID();
  await store.record(
    created.value,
    { clientId, householdId, answer: "agree", method: "paper", recordedAt: new Date().toISOString() },
    { accountId: null, name: "测试" },
  );
  if (withPhoto) {
    const name = await new LedgerFiles(t.config.dataDir, "campaigns").save(created.value.id, REAL_PNG);
    await store.attachPhoto(clientId, { name, mime: "image/png", size: REAL_PNG.length });
  }
  return { id: created.value.id, householdId, clientId };
}
/** A request to bargain (要约书) sent yesterday (so a reply dated today, in UTC or China time, is never before it). */
const BARGAINING_REQUEST = {
  side: "worker",
  enterpriseName: "授权测试有限公司",
  unionName: "授权测试有限公司工会",
  topics: ["工资调整幅度"],
  proposedAt: "2027-01-10T01:30:00Z",
  proposedPlace: "会议室",
  requestedBy: "工会主席",
  contact: "0951-1234567",
  sentOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
};
/**
 * A bargaining meeting whose staff are this meeting's (the chair and clerk accounts linked to it too),
 * with a saved draft agreement and a recorded vote that did not pass §36: the steps after it are
 * refused in order (409), which an allowed caller reaches and the others never do.
 */
let agreementMeetingId: Promise<string> | null = null;
const agreementMeeting = (): Promise<string> =>
  (agreementMeetingId ??= (async () => {
    const bm = await h.createMeeting(t.server, "工资集体协商（授权测试）");
    await t.server.db.meeting.update({ where: { id: bm.meetingId }, data: { kind: "bargaining" } });
    const account = async (username: string) => (await t.server.db.staffAccount.findUniqueOrThrow({ where: { username } })).id;
    await linkAccount(t.server, bm.people.chair.id, await account("chairhere"));
    await linkAccount(t.server, bm.people.clerk.id, await account("clerkhere"));
    const store = new AgreementStore(t.server.db, Date.now);
    const by = { name: "测试", participantId: null, accountId: null };
    const saved = await store.save(bm.meetingId, { baseVersion: 0, content: AGREEMENT_CONTENT, note: null, generated: false }, by);
    if (!saved.ok) throw new Error(saved.code);
    const vote = {
      meetingId: bm.meetingId,
      meetingTitle: "职工代表大会",
      pollId: "q1",
      title: "合同草案",
      version: 1,
      secret: true,
      entitled: 30,
      present: 19,
      cast: 19,
      yes: 19,
      no: 0,
      abstain: 0,
      rule: "超过应到人数的半数",
      pollPassed: false,
      votedOn: "2026-12-21",
    };
    const recorded = await store.record(bm.meetingId, { kind: "vote", vote }, by);
    if (!recorded.ok) throw new Error(recorded.code);
    return bm.meetingId;
  })());
/** A mediation meeting (its chair and clerk accounts linked) with a saved 调解协议书 nobody signed or refused: signing with a wrong code and the referral answer 409 to those allowed. */
let mediationAgreementMeetingId: Promise<string> | null = null;
const mediationAgreementMeeting = (): Promise<string> =>
  (mediationAgreementMeetingId ??= (async () => {
    const session = await h.createMeeting(t.server, "邻里纠纷调解协议（授权测试）");
    await t.server.db.meeting.update({ where: { id: session.meetingId }, data: { kind: "mediation" } });
    const account = async (username: string) => (await t.server.db.staffAccount.findUniqueOrThrow({ where: { username } })).id;
    await linkAccount(t.server, session.people.chair.id, await account("chairhere"));
    await linkAccount(t.server, session.people.clerk.id, await account("clerkhere"));
    const saved = await new MediationAgreementStore(t.server.db, Date.now).save(session.meetingId, {
      baseVersion: 0,
      content: MEDIATION_AGREEMENT_CONTENT,
      note: null,
      generated: false,
      authorName: "测试",
    });
    if (!saved.ok) throw new Error(saved.code);
    return session.meetingId;
  })());
const MEDIATION_AGREEMENT_CONTENT = {
  caseNumber: "调〔2026〕1号",
  committee: "某社区人民调解委员会",
  parties: [
    { participantId: "p1", name: "甲", household: null, phone: null, role: "applicant" as const },
    { participantId: "p2", name: "乙", household: null, phone: null, role: "respondent" as const },
  ],
  facts: "相邻漏水。",
  dispute: "",
  terms: ["乙赔偿甲800元。"],
  performance: [],
  mediators: [{ participantId: "m1", name: "丙" }],
};
const AGREEMENT_CONTENT = {
  title: "工资专项集体合同",
  enterprise: "某公司",
  union: "某公司工会",
  preamble: "甲乙双方经平等协商，订立本合同。",
  articles: [{ clauseId: "c1", title: "工资调整幅度", text: "平均增长6%。" }],
  term: "一年。",
  chiefs: { worker: "甲", enterprise: "乙" },
};
const latestAgreementVersion = async () => (await new AgreementStore(t.server.db, Date.now).latest(await agreementMeeting()))?.number ?? 0;
async function newBargainingRequest(): Promise<string> {
  const created = await new BargainingRequestStore(t.server.db, Date.now).create(BARGAINING_REQUEST as NewBargainingRequest, { id: "test", name: "test" });
  if (!created.ok) throw new Error(created.error.code);
  return created.value.id;
}
/** A new mediation case (调解案件) in the residents' community, accepted today. */
const mediationCaseBody = async () => ({
  communityId: (await theCommunity()).id,
  category: "neighbour",
  facts: "楼上练琴扰民",
  acceptedOn: new Date().toISOString().slice(0, 10),
  parties: [
    { name: "张丽", household: "3号楼501", phone: "13800000001", role: "applicant" },
    { name: "张丽", household: "3号楼401", phone: "13800000002", role: "respondent" },
  ],
  mediators: [{ name: "马建国", affiliation: "司法所调解员", chief: true }],
});
/** A meeting of kind mediation (a case's session), made once. */
let mediationMeetingId: Promise<string> | null = null;
const mediationMeeting = (): Promise<string> =>
  (mediationMeetingId ??= (async () => {
    const session = await h.createMeeting(t.server, "邻里纠纷调解（授权测试）");
    await t.server.db.meeting.update({ where: { id: session.meetingId }, data: { kind: "mediation" } });
    return session.meetingId;
  })());
async function newMediationCase(): Promise<string> {
  const store = new MediationCaseStore(t.server.db, t.server.ledger, Date.now);
  const created = await store.create((await mediationCaseBody()) as NewMediationCase, { id: "test", name: "test" });
  if (!created.ok) throw new Error(created.error.code);
  return created.value.id;
}
/** A household's own link (本户链接) in a new open campaign. */
async function newOwnLink(): Promise<string> {
  const store = new CampaignStore(t.server.db, Date.now);
  const campaign = (await store.get((await newCampaign()).id))!;
  return (await store.issueLinks(campaign))[0]!.token;
}
/** A collection of workers' proposals (征集) open now, with one returned form and one 协商提案 merging it. */
async function newProposalCollection(): Promise<{ id: string; publicCode: string; proposalId: string }> {
  const store = new ProposalStore(t.server.db, Date.now);
  const created = await store.create(
    {
      title: unique("授权测试征集"),
      questions: [{ kind: "choice", text: "工资增长幅度", options: ["3%以下", "3%以上"], multiple: false }],
      handedOut: 10,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    "test",
  );
  if (!created.ok) throw new Error(created.error.code);
  const form = await store.addForm(
    created.value,
    { answers: { q1: ["3%以上"] }, suggestion: "", name: "", department: "", phone: "", anonymous: true },
    { source: "online" },
  );
  if (!form.ok) throw new Error(form.error.code);
  const proposal = await store.createProposal(created.value.id, { title: "工资增长幅度", text: "", formIds: [form.value.id], extraWorkers: 0 }, "test");
  if (!proposal.ok) throw new Error(proposal.error.code);
  return { id: created.value.id, publicCode: created.value.publicCode, proposalId: proposal.value.id };
}
/** A resident's report entered directly (no rate limit), new, solved locally (就地解决) or answered by the callers' department; its receipt code and id. */
async function newReport(stage: "new" | "solved" | "answered" = "new"): Promise<{ code: string; id: string }> {
  const code = newReceiptCode();
  const { id } = await t.server.ledger.createReport({
    id: unique("report-"),
    source: "residents",
    communityId: (await theCommunity()).id,
    raisedOn: "2026-12-05",
    raisedByName: "",
    contact: null,
    anonymous: false,
    location: "",
    topic: "环境卫生",
    text: "楼道堆物",
    receiptHash: receiptHash(code),
    photos: [],
    createdBy: "resident",
  });
  const secretariat = { role: "secretariat" as const, id: "test", name: "秘书处" };
  if (stage === "solved") await t.server.ledger.act(id, 1, { type: "resolveLocally", text: "已清理" }, secretariat);
  if (stage === "answered") {
    await t.server.ledger.act(id, 1, { type: "assign", lead: departmentId, partners: [], deadline: "2099-12-31", instructions: "" }, secretariat);
    await t.server.ledger.act(
      id,
      2,
      { type: "reply", text: "已清理", outcome: "adopted", attachments: [] },
      { role: "department", id: "test", name: "区住建委", departmentId },
    );
  }
  return { code, id };
}
/** A photo form of the public intake. */
const reportForm = () => {
  const form = new FormData();
  form.append("category", "sanitation");
  form.append("text", "楼道堆物");
  return form;
};

interface Row {
  name: string;
  /** The route it exercises, as mounted under /api. */
  route?: string;
  /** Log in afresh for this row (its success ends the session). */
  fresh?: boolean;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: () => string | Promise<string>;
  body?: () => unknown | Promise<unknown>;
  form?: () => FormData;
  expect: Expect;
  /** The code of a 401 (UNAUTHENTICATED unless the route takes a join token instead of a session). */
  code401?: string;
}

const mid = () => m.meetingId;
const ROWS: Row[] = [
  // Accounts
  {
    name: "login (wrong password)",
    route: "POST /auth/login",
    method: "POST",
    path: () => "/api/auth/login",
    body: () => ({ username: unique("ghost"), password: "wrong-password" }),
    expect: ANYONE(401),
  },
  { name: "logout", route: "POST /auth/logout", fresh: true, method: "POST", path: () => "/api/auth/logout", expect: ALL_ACCOUNTS() },
  { name: "me", route: "GET /auth/me", method: "GET", path: () => "/api/auth/me", expect: ALL_ACCOUNTS() },
  // Reaches the password rules (400 PASSWORD_TOO_WEAK) without changing anything.
  {
    name: "password",
    route: "POST /auth/password",
    method: "POST",
    path: () => "/api/auth/password",
    body: () => ({ currentPassword: STAFF_PASSWORD, newPassword: "short" }),
    expect: ALL_ACCOUNTS(400),
  },
  { name: "list accounts", route: "GET /accounts", method: "GET", path: () => "/api/accounts", expect: ADMIN_ONLY() },
  {
    name: "create account",
    route: "POST /accounts",
    method: "POST",
    path: () => "/api/accounts",
    body: () => ({ username: unique("new"), displayName: "新账号", role: "clerk" }),
    expect: ADMIN_ONLY(201),
  },
  {
    name: "patch account",
    route: "PATCH /accounts/:id",
    method: "PATCH",
    path: async () => `/api/accounts/${await newAccount()}`,
    body: () => ({ displayName: "改名" }),
    expect: ADMIN_ONLY(),
  },
  {
    name: "reset password",
    route: "POST /accounts/:id/reset-password",
    method: "POST",
    path: async () => `/api/accounts/${await newAccount()}/reset-password`,
    expect: ADMIN_ONLY(),
  },
  // Meetings and agenda
  { name: "list meetings", route: "GET /meetings", method: "GET", path: () => "/api/meetings", expect: ALL_STAFF() },
  { name: "create meeting", route: "POST /meetings", method: "POST", path: () => "/api/meetings", body: () => ({ title: "新会议" }), expect: MANAGERS(201) },
  { name: "get meeting", route: "GET /meetings/:id", method: "GET", path: () => `/api/meetings/${mid()}`, expect: MEETING_STAFF() },
  {
    name: "patch meeting",
    route: "PATCH /meetings/:id",
    method: "PATCH",
    path: () => `/api/meetings/${mid()}`,
    body: () => ({ place: "区政协三楼会议室" }),
    expect: MANAGERS(),
  },
  {
    name: "archive meeting",
    route: "POST /meetings/:id/archive",
    method: "POST",
    path: () => `/api/meetings/${mid()}/archive`,
    body: () => ({ archived: false }),
    expect: MANAGERS(),
  },
  {
    name: "add agenda item",
    route: "POST /meetings/:id/agenda",
    method: "POST",
    path: () => `/api/meetings/${mid()}/agenda`,
    body: () => ({ title: "议题", plannedMinutes: 30 }),
    expect: MANAGERS(201),
  },
  {
    name: "patch agenda item",
    route: "PATCH /meetings/:id/agenda/:itemId",
    method: "PATCH",
    path: async () => `/api/meetings/${mid()}/agenda/${await newItem()}`,
    body: () => ({ plannedMinutes: 20 }),
    expect: MANAGERS(),
  },
  {
    name: "delete agenda item",
    route: "DELETE /meetings/:id/agenda/:itemId",
    method: "DELETE",
    path: async () => `/api/meetings/${mid()}/agenda/${await newItem()}`,
    expect: MANAGERS(),
  },
  {
    name: "reorder agenda",
    route: "PUT /meetings/:id/agenda/order",
    method: "PUT",
    path: () => `/api/meetings/${mid()}/agenda/order`,
    body: async () => ({ itemIds: (await t.server.db.agendaItem.findMany({ where: { meetingId: mid() } })).map((i) => i.id).reverse() }),
    expect: MANAGERS(),
  },
  {
    name: "upload material",
    route: "POST /meetings/:id/agenda/:itemId/materials",
    method: "POST",
    path: async () => `/api/meetings/${mid()}/agenda/${await newItem()}/materials`,
    form: () => fileForm(PNG, "座位图.png"),
    expect: MANAGERS(201),
  },
  {
    name: "delete material",
    route: "DELETE /meetings/:id/materials/:materialId",
    method: "DELETE",
    path: async () => `/api/meetings/${mid()}/materials/${await newMaterial()}`,
    expect: MANAGERS(),
  },
  {
    name: "download material",
    route: "GET /meetings/:id/materials/:materialId",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/materials/${await newMaterial()}`,
    expect: MEETING_STAFF(),
  },
  // 委托书: the photo of a proxy's authorisation (poll.recordProxy's evidence). Uploaded only with the
  // in-meeting chair's or clerk's join token (proxies.int.test.ts), by no account; read back by the meeting's staff.
  {
    name: "upload a proxy's authorisation photo (join token only)",
    route: "POST /meetings/:id/polls/evidence",
    method: "POST",
    path: () => `/api/meetings/${mid()}/polls/evidence`,
    form: () => fileForm(PNG, "委托书.png"),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "a proxy's authorisation photo",
    route: "GET /meetings/:id/polls/evidence/:evidenceId",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/polls/evidence/${await new LedgerFiles(t.config.dataDir, "polls").save(mid(), PNG)}`,
    expect: MEETING_STAFF(),
  },
  // Speech recordings (录音)
  { name: "list recordings", route: "GET /meetings/:id/recordings", method: "GET", path: () => `/api/meetings/${mid()}/recordings`, expect: MEETING_STAFF() },
  {
    name: "play recording",
    route: "GET /meetings/:id/recordings/:recordingId",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/recordings/${await newRecording()}`,
    expect: MEETING_STAFF(),
  },
  // 分组讨论 (the organisers define the groups before the meeting)
  { name: "groups", route: "GET /meetings/:id/groups", method: "GET", path: () => `/api/meetings/${mid()}/groups`, expect: MEETING_STAFF() },
  {
    name: "groups proposal",
    route: "GET /meetings/:id/groups/proposal",
    method: "GET",
    path: () => `/api/meetings/${mid()}/groups/proposal?by=sector`,
    expect: MEETING_STAFF(),
  },
  {
    name: "define groups",
    route: "PUT /meetings/:id/groups",
    method: "PUT",
    path: () => `/api/meetings/${mid()}/groups`,
    body: () => ({
      method: "hand",
      groups: [
        {
          groupId: "g1",
          name: "第一组",
          topic: null,
          place: null,
          convenerId: m.people.member1.id,
          clerkId: null,
          memberIds: [m.people.member1.id, m.people.member2.id],
        },
      ],
    }),
    expect: MANAGERS(),
  },
  // Speaking statistics (发言统计)
  { name: "statistics", route: "GET /meetings/:id/statistics", method: "GET", path: () => `/api/meetings/${mid()}/statistics`, expect: MEETING_STAFF() },
  {
    name: "statistics CSV",
    route: "GET /meetings/:id/statistics.csv",
    method: "GET",
    path: () => `/api/meetings/${mid()}/statistics.csv`,
    expect: MEETING_STAFF(),
  },
  {
    name: "statistics XLSX",
    route: "GET /meetings/:id/statistics.xlsx",
    method: "GET",
    path: () => `/api/meetings/${mid()}/statistics.xlsx`,
    expect: MEETING_STAFF(),
  },
  // The minutes draft (会议纪要初稿)
  {
    name: "minutes draft",
    route: "GET /meetings/:id/minutes/draft",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/draft`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes draft Markdown",
    route: "GET /meetings/:id/minutes/draft.md",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/draft.md`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes draft DOCX",
    route: "GET /meetings/:id/minutes/draft.docx",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/draft.docx`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes draft PDF",
    route: "GET /meetings/:id/minutes/draft.pdf",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/draft.pdf`,
    expect: MEETING_STAFF(),
  },
  // The verbatim record (会议实录): as the minutes export
  {
    name: "verbatim record DOCX",
    route: "GET /meetings/:id/verbatim.docx",
    method: "GET",
    path: () => `/api/meetings/${mid()}/verbatim.docx`,
    expect: MEETING_STAFF(),
  },
  {
    name: "verbatim record PDF",
    route: "GET /meetings/:id/verbatim.pdf",
    method: "GET",
    path: () => `/api/meetings/${mid()}/verbatim.pdf`,
    expect: MEETING_STAFF(),
  },
  // Saved versions of the minutes (第n稿): the meeting's staff; approval (定稿) by its chair alone
  {
    name: "minutes versions",
    route: "GET /meetings/:id/minutes/versions",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/versions`,
    expect: MEETING_STAFF(),
  },
  {
    name: "save minutes version",
    route: "POST /meetings/:id/minutes/versions",
    method: "POST",
    path: () => `/api/meetings/${mid()}/minutes/versions`,
    body: async () => ({ baseVersion: await latestMinutesVersion(), blocks: [{ kind: "paragraph", runs: [{ text: "授权测试" }] }], note: "授权测试" }),
    expect: MEETING_STAFF(201),
  },
  {
    name: "minutes version",
    route: "GET /meetings/:id/minutes/versions/:n",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/minutes/versions/${await newMinutesVersion()}`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes version Markdown",
    route: "GET /meetings/:id/minutes/versions/:n.md",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/minutes/versions/${await newMinutesVersion()}.md`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes version DOCX",
    route: "GET /meetings/:id/minutes/versions/:n.docx",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/minutes/versions/${await newMinutesVersion()}.docx`,
    expect: MEETING_STAFF(),
  },
  {
    name: "minutes version PDF",
    route: "GET /meetings/:id/minutes/versions/:n.pdf",
    method: "GET",
    path: async () => `/api/meetings/${mid()}/minutes/versions/${await newMinutesVersion()}.pdf`,
    expect: MEETING_STAFF(),
  },
  {
    name: "approve minutes version",
    route: "POST /meetings/:id/minutes/versions/:n/approve",
    method: "POST",
    path: async () => `/api/meetings/${mid()}/minutes/versions/${await newMinutesVersion()}/approve`,
    body: () => ({}),
    expect: { ...MANAGERS(), admin: 403, organiser: 403, chairHere: 200 },
  },
  {
    name: "speech list CSV",
    route: "GET /meetings/:id/minutes/speeches.csv",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/speeches.csv`,
    expect: MEETING_STAFF(),
  },
  {
    name: "speech list XLSX",
    route: "GET /meetings/:id/minutes/speeches.xlsx",
    method: "GET",
    path: () => `/api/meetings/${mid()}/minutes/speeches.xlsx`,
    expect: MEETING_STAFF(),
  },
  // Roster and links
  {
    name: "list participants",
    route: "GET /meetings/:id/participants",
    method: "GET",
    path: () => `/api/meetings/${mid()}/participants?sort=pinyin`,
    expect: MEETING_STAFF(),
  },
  {
    name: "add participant",
    route: "POST /meetings/:id/participants",
    method: "POST",
    path: () => `/api/meetings/${mid()}/participants`,
    body: () => ({ name: unique("新委员"), role: "member" }),
    expect: MANAGERS(201),
  },
  {
    name: "patch participant",
    route: "PATCH /meetings/:id/participants/:pid",
    method: "PATCH",
    path: async () => `/api/meetings/${mid()}/participants/${await newParticipant()}`,
    body: () => ({ unit: "区财政局" }),
    expect: MANAGERS(),
  },
  {
    name: "import roster (dry run)",
    route: "POST /meetings/:id/roster/import",
    method: "POST",
    path: () => `/api/meetings/${mid()}/roster/import?dryRun=true`,
    form: () => fileForm(CSV, "名单.csv"),
    expect: MANAGERS(),
  },
  {
    name: "export roster",
    route: "GET /meetings/:id/roster/export",
    method: "GET",
    path: () => `/api/meetings/${mid()}/roster/export?format=csv`,
    expect: MEETING_STAFF(),
  },
  {
    name: "the chair's own link",
    route: "GET /meetings/:id/participants/:pid/link",
    method: "GET",
    path: () => `/api/meetings/${mid()}/participants/${m.people.chair.id}/link`,
    expect: { ...MANAGERS(), chairHere: 200 },
  },
  {
    name: "the clerk's own link",
    route: "GET /meetings/:id/participants/:pid/link",
    method: "GET",
    path: () => `/api/meetings/${mid()}/participants/${m.people.clerk.id}/link`,
    expect: { ...MANAGERS(), clerkHere: 200 },
  },
  {
    name: "a member's link",
    route: "GET /meetings/:id/participants/:pid/link",
    method: "GET",
    path: () => `/api/meetings/${mid()}/participants/${m.people.member1.id}/link`,
    expect: MANAGERS(),
  },
  {
    name: "reissue link",
    route: "POST /meetings/:id/participants/:pid/link/reissue",
    method: "POST",
    path: async () => `/api/meetings/${mid()}/participants/${await newParticipant()}/link/reissue`,
    expect: MANAGERS(),
  },
  {
    name: "revoke link",
    route: "POST /meetings/:id/participants/:pid/link/revoke",
    method: "POST",
    path: async () => `/api/meetings/${mid()}/participants/${await newParticipant()}/link/revoke`,
    expect: MANAGERS(),
  },
  { name: "display link", route: "GET /meetings/:id/display-link", method: "GET", path: () => `/api/meetings/${mid()}/display-link`, expect: MEETING_STAFF() },
  {
    name: "venue terminal link",
    route: "GET /meetings/:id/venue-link",
    method: "GET",
    path: () => `/api/meetings/${mid()}/venue-link`,
    expect: MEETING_STAFF(),
  },
  // Revoked first, then re-issued: the room's links work again for the rows after these.
  {
    name: "revoke display link",
    route: "POST /meetings/:id/display-link/revoke",
    method: "POST",
    path: () => `/api/meetings/${mid()}/display-link/revoke`,
    expect: MANAGERS(),
  },
  {
    name: "revoke venue terminal link",
    route: "POST /meetings/:id/venue-link/revoke",
    method: "POST",
    path: () => `/api/meetings/${mid()}/venue-link/revoke`,
    expect: MANAGERS(),
  },
  {
    name: "reissue display link",
    route: "POST /meetings/:id/display-link/reissue",
    method: "POST",
    path: () => `/api/meetings/${mid()}/display-link/reissue`,
    expect: MANAGERS(),
  },
  {
    name: "reissue venue terminal link",
    route: "POST /meetings/:id/venue-link/reissue",
    method: "POST",
    path: () => `/api/meetings/${mid()}/venue-link/reissue`,
    expect: MANAGERS(),
  },
  { name: "check-in link", route: "GET /meetings/:id/checkin-link", method: "GET", path: () => `/api/meetings/${mid()}/checkin-link`, expect: MEETING_STAFF() },
  // Staff entering the live meeting without a roster entry: as observer, every account of the meeting's staff
  {
    name: "staff entry",
    route: "POST /meetings/:id/staff-entry",
    method: "POST",
    path: () => `/api/meetings/${mid()}/staff-entry`,
    body: () => ({ role: "observer" }),
    expect: MEETING_STAFF(),
  },
  // The ledger's departments for the clerk's 承办单位 picker
  {
    name: "meeting departments",
    route: "GET /meetings/:id/departments",
    method: "GET",
    path: () => `/api/meetings/${mid()}/departments`,
    expect: MEETING_STAFF(),
  },
  // Join codes (入会码): anyone with a code; the printed invitations carry codes (organisers), table cards do not
  {
    name: "open a join code",
    route: "POST /join/code",
    method: "POST",
    path: () => "/api/join/code",
    body: async () => {
      const link = await t.server.links.current(t.url, await newParticipant());
      if (!link.ok) throw new Error(link.error.code);
      return { code: link.value.code };
    },
    expect: ANYONE(),
  },
  { name: "invitations PDF", route: "GET /meetings/:id/invitations", method: "GET", path: () => `/api/meetings/${mid()}/invitations`, expect: MANAGERS() },
  { name: "table cards PDF", route: "GET /meetings/:id/table-cards", method: "GET", path: () => `/api/meetings/${mid()}/table-cards`, expect: MEETING_STAFF() },
  // Speaking plan (发言安排): organisers; the speakers' own routes take a join token, never a session
  { name: "list plan", route: "GET /meetings/:id/plan", method: "GET", path: () => `/api/meetings/${mid()}/plan`, expect: MEETING_STAFF() },
  {
    name: "add planned speech",
    route: "POST /meetings/:id/plan",
    method: "POST",
    path: () => `/api/meetings/${mid()}/plan`,
    body: () => ({ participantId: m.people.member1.id, kind: "booked", title: "预约发言" }),
    expect: MANAGERS(201),
  },
  {
    name: "patch planned speech",
    route: "PATCH /meetings/:id/plan/:bookingId",
    method: "PATCH",
    path: async () => `/api/meetings/${mid()}/plan/${await newBooking()}`,
    body: () => ({ title: "改题" }),
    expect: MANAGERS(),
  },
  {
    name: "delete planned speech",
    route: "DELETE /meetings/:id/plan/:bookingId",
    method: "DELETE",
    path: async () => `/api/meetings/${mid()}/plan/${await newBooking()}`,
    expect: MANAGERS(),
  },
  {
    name: "reorder plan",
    route: "PUT /meetings/:id/plan/order",
    method: "PUT",
    path: () => `/api/meetings/${mid()}/plan/order`,
    body: async () => ({ bookingIds: (await t.server.db.plannedSpeech.findMany({ where: { meetingId: mid() } })).map((p) => p.id).reverse() }),
    expect: MANAGERS(),
  },
  {
    name: "my speeches",
    route: "GET /meetings/:id/my-speeches",
    method: "GET",
    path: () => `/api/meetings/${mid()}/my-speeches`,
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "register my speech",
    route: "POST /meetings/:id/my-speeches",
    method: "POST",
    path: () => `/api/meetings/${mid()}/my-speeches`,
    body: () => ({ kind: "booked", title: "预约发言" }),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "withdraw my speech",
    route: "DELETE /meetings/:id/my-speeches/:bookingId",
    method: "DELETE",
    path: async () => `/api/meetings/${mid()}/my-speeches/${await newBooking()}`,
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  // The live roster of a compact snapshot: a join token only (a staff session is not one).
  { name: "live roster", route: "GET /live/roster", method: "GET", path: () => "/api/live/roster", expect: ANYONE(401), code401: "TOKEN_MISSING" },
  // Check-in: anyone with the code
  { name: "check-in list", route: "GET /checkin/:meetingId", method: "GET", path: () => `/api/checkin/${mid()}?c=${checkinCode}`, expect: ANYONE() },
  {
    name: "check in",
    route: "POST /checkin/:meetingId",
    method: "POST",
    path: () => `/api/checkin/${mid()}`,
    body: () => ({ c: checkinCode, participantId: m.people.member1.id }),
    expect: ANYONE(),
  },
  // Archive (会议档案): admin and organiser sessions only
  { name: "archive meetings", route: "GET /archive/meetings", method: "GET", path: () => "/api/archive/meetings", expect: MANAGERS() },
  {
    name: "archive search",
    route: "GET /archive/search",
    method: "GET",
    path: () => `/api/archive/search?q=${encodeURIComponent("电梯")}`,
    expect: MANAGERS(),
  },
  // Retention (保留策略): admin and organiser sessions only; the policy saved keeps everything
  { name: "retention overview", route: "GET /retention", method: "GET", path: () => "/api/retention", expect: MANAGERS() },
  { name: "save retention policy", route: "PUT /retention", method: "PUT", path: () => "/api/retention", body: () => KEEP_ALL, expect: MANAGERS() },
  {
    name: "preview retention policy",
    route: "POST /retention/preview",
    method: "POST",
    path: () => "/api/retention/preview",
    body: () => KEEP_ALL,
    expect: MANAGERS(),
  },
  { name: "retention sweep", route: "POST /retention/sweep", method: "POST", path: () => "/api/retention/sweep", expect: MANAGERS() },
  // The follow-up ledger (台账): departments, items and their actions, attachments, the member's own suggestions
  { name: "ledger departments", route: "GET /ledger/departments", method: "GET", path: () => "/api/ledger/departments", expect: ALL_ACCOUNTS() },
  {
    name: "add ledger department",
    route: "POST /ledger/departments",
    method: "POST",
    path: () => "/api/ledger/departments",
    body: () => ({ name: unique("新单位") }),
    expect: MANAGERS(201),
  },
  {
    name: "patch ledger department",
    route: "PATCH /ledger/departments/:id",
    method: "PATCH",
    path: async () => `/api/ledger/departments/${await newDepartment()}`,
    body: () => ({ disabled: true }),
    expect: MANAGERS(),
  },
  { name: "ledger items", route: "GET /ledger/items", method: "GET", path: () => "/api/ledger/items?state=assigned", expect: LEDGER_READERS() },
  {
    name: "import ledger (dry run)",
    route: "POST /ledger/import",
    method: "POST",
    path: () => "/api/ledger/import?dryRun=true",
    form: () => fileForm("问题/建议,来源\n路灯不亮,热线\n", "台账.csv"),
    expect: MANAGERS(),
  },
  {
    name: "import ledger",
    route: "POST /ledger/import",
    method: "POST",
    path: () => "/api/ledger/import",
    form: () => fileForm(`问题/建议,来源\n${unique("井盖缺失")},热线\n`, "台账.csv"),
    expect: MANAGERS(),
  },
  {
    name: "add ledger item",
    route: "POST /ledger/items",
    method: "POST",
    path: () => "/api/ledger/items",
    body: () => ({ source: "hotline", raisedOn: "2026-12-04", raisedByName: "热线市民", title: "路灯不亮", text: "" }),
    expect: MANAGERS(201),
  },
  {
    name: "ledger item",
    route: "GET /ledger/items/:id",
    method: "GET",
    path: async () => `/api/ledger/items/${await newAssignedItem()}`,
    expect: LEDGER_READERS(),
  },
  {
    name: "ledger action (督办, the secretariat's)",
    route: "POST /ledger/items/:id/actions",
    method: "POST",
    path: async () => `/api/ledger/items/${await newAssignedItem()}/actions`,
    body: async () => ({ baseVersion: await versionOf(t.server, ledgerItem), action: { type: "supervise", note: "请加快办理" } }),
    expect: MANAGERS(),
  },
  {
    name: "ledger action (办理进展, the department's)",
    route: "POST /ledger/items/:id/actions",
    method: "POST",
    path: async () => `/api/ledger/items/${await newAssignedItem()}/actions`,
    body: async () => ({ baseVersion: await versionOf(t.server, ledgerItem), action: { type: "progress", note: "已现场查看" } }),
    expect: LEDGER_DEPARTMENT(),
  },
  {
    name: "upload ledger attachment",
    route: "POST /ledger/items/:id/attachments",
    method: "POST",
    path: async () => `/api/ledger/items/${await newAssignedItem()}/attachments`,
    form: () => fileForm(PNG, "答复.png"),
    expect: LEDGER_DEPARTMENT(201),
  },
  {
    name: "download ledger attachment",
    route: "GET /ledger/attachments/:id",
    method: "GET",
    path: async () => `/api/ledger/attachments/${await newRepliedAttachment()}`,
    expect: LEDGER_READERS(),
  },
  {
    name: "my suggestions",
    route: "GET /meetings/:id/my-suggestions",
    method: "GET",
    path: () => `/api/meetings/${mid()}/my-suggestions`,
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "rate my suggestion",
    route: "POST /meetings/:id/my-suggestions/:itemId/rating",
    method: "POST",
    path: async () => `/api/meetings/${mid()}/my-suggestions/${await newAssignedItem()}/rating`,
    body: () => ({ baseVersion: 2, rating: "satisfied", comment: "" }),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  // 交办单 of an item of the callers' department: the secretariat and that department
  ...(["pdf", "docx"] as const).map((format): Row => ({
    name: `ledger form ${format}`,
    route: `GET /ledger/items/:id/forms/:formId.${format}`,
    method: "GET",
    path: async () => {
      const itemId = await newAssignedItem();
      const [form] = await t.server.ledger.forms.list(itemId);
      return `/api/ledger/items/${itemId}/forms/${form!.id}.${format}`;
    },
    expect: LEDGER_READERS(),
  })),
  // Ledger reports (督办): the items list's readers, each its own items
  { name: "ledger dashboard", route: "GET /ledger/dashboard", method: "GET", path: () => "/api/ledger/dashboard?state=assigned", expect: LEDGER_READERS() },
  { name: "ledger reminders", route: "GET /ledger/reminders", method: "GET", path: () => "/api/ledger/reminders", expect: LEDGER_READERS() },
  { name: "ledger export xlsx", route: "GET /ledger/export.xlsx", method: "GET", path: () => "/api/ledger/export.xlsx", expect: LEDGER_READERS() },
  {
    name: "ledger export csv",
    route: "GET /ledger/export.csv",
    method: "GET",
    path: () => `/api/ledger/export.csv?q=${encodeURIComponent("路灯")}`,
    expect: LEDGER_READERS(),
  },
  // 居民点单: the public intake and receipts (no account), the grid worker's (no caller here is one), the secretariat's
  {
    name: "intake community",
    route: "GET /public/communities/:publicCode",
    method: "GET",
    path: async () => `/api/public/communities/${(await theCommunity()).publicCode}`,
    expect: ANYONE(),
  },
  {
    name: "intake report",
    route: "POST /public/communities/:publicCode/reports",
    method: "POST",
    path: async () => `/api/public/communities/${(await theCommunity()).publicCode}/reports`,
    form: reportForm,
    expect: ANYONE(201),
  },
  {
    name: "receipt",
    route: "GET /public/receipts/:code",
    method: "GET",
    path: async () => `/api/public/receipts/${(await newReport()).code}`,
    expect: ANYONE(),
  },
  {
    name: "receipt rating",
    route: "POST /public/receipts/:code/rating",
    method: "POST",
    path: async () => `/api/public/receipts/${(await newReport("solved")).code}/rating`,
    body: () => ({ baseVersion: 2, rating: "satisfied" }),
    expect: ANYONE(),
  },
  ...(["pdf", "docx"] as const).map((format): Row => ({
    name: `receipt feedback form ${format}`,
    route: `GET /public/receipts/:code/feedback.${format}`,
    method: "GET",
    path: async () => `/api/public/receipts/${(await newReport("answered")).code}/feedback.${format}`,
    expect: ANYONE(),
  })),
  { name: "grid reports", route: "GET /grid/reports", method: "GET", path: () => "/api/grid/reports", expect: ALL_ACCOUNTS(403) },
  { name: "grid report", route: "POST /grid/reports", method: "POST", path: () => "/api/grid/reports", form: reportForm, expect: ALL_ACCOUNTS(403) },
  {
    name: "grid rating",
    route: "POST /grid/reports/:id/rating",
    method: "POST",
    path: async () => `/api/grid/reports/${(await newReport("solved")).id}/rating`,
    body: () => ({ baseVersion: 2, rating: "satisfied" }),
    expect: ALL_ACCOUNTS(403),
  },
  {
    name: "put before the council",
    route: "POST /ledger/items/:id/council",
    method: "POST",
    path: async () => `/api/ledger/items/${(await newReport()).id}/council`,
    body: () => ({ baseVersion: 1, meetingId: mid() }),
    expect: MANAGERS(),
  },
  {
    name: "intake link",
    route: "GET /communities/:id/intake-link",
    method: "GET",
    path: async () => `/api/communities/${(await theCommunity()).id}/intake-link`,
    expect: MANAGERS(),
  },
  // Communities: the secretariat's (and their grid workers', no caller here is one)
  { name: "communities", route: "GET /communities", method: "GET", path: () => "/api/communities", expect: MANAGERS() },
  {
    name: "create community",
    route: "POST /communities",
    method: "POST",
    path: () => "/api/communities",
    body: () => ({ name: unique("社区") }),
    expect: MANAGERS(201),
  },
  { name: "community", route: "GET /communities/:id", method: "GET", path: async () => `/api/communities/${(await theCommunity()).id}`, expect: MANAGERS() },
  {
    name: "households",
    route: "GET /communities/:id/households",
    method: "GET",
    path: async () => `/api/communities/${(await theCommunity()).id}/households`,
    expect: MANAGERS(),
  },
  {
    name: "add households",
    route: "POST /communities/:id/households",
    method: "POST",
    path: async () => `/api/communities/${(await theCommunity()).id}/households`,
    body: () => ({ households: [{ building: "授权9号楼", room: unique("室"), representative: "户主" }] }),
    expect: MANAGERS(201),
  },
  {
    name: "import households",
    route: "POST /communities/:id/households/import",
    method: "POST",
    path: async () => `/api/communities/${(await theCommunity()).id}/households/import`,
    form: () => fileForm(`楼栋,户号,户代表\n授权8号楼,${unique("室")},户主\n`, "住户.csv"),
    expect: MANAGERS(201),
  },
  // 要约书: the secretariat's
  { name: "bargaining requests", route: "GET /bargaining/requests", method: "GET", path: () => "/api/bargaining/requests", expect: MANAGERS() },
  {
    name: "create bargaining request",
    route: "POST /bargaining/requests",
    method: "POST",
    path: () => "/api/bargaining/requests",
    body: () => BARGAINING_REQUEST,
    expect: MANAGERS(201),
  },
  {
    name: "bargaining request",
    route: "GET /bargaining/requests/:id",
    method: "GET",
    path: async () => `/api/bargaining/requests/${await newBargainingRequest()}`,
    expect: MANAGERS(),
  },
  {
    name: "reply to bargaining request",
    route: "POST /bargaining/requests/:id/reply",
    method: "POST",
    path: async () => `/api/bargaining/requests/${await newBargainingRequest()}/reply`,
    body: () => ({ answer: "accepted", repliedOn: new Date().toISOString().slice(0, 10), repliedBy: "企业负责人" }),
    expect: MANAGERS(),
  },
  {
    name: "bargaining request file",
    route: "GET /bargaining/requests/:id/request.:format",
    method: "GET",
    path: async () => `/api/bargaining/requests/${await newBargainingRequest()}/request.docx`,
    expect: MANAGERS(),
  },
  // 调解案件: the secretariat's
  { name: "mediation cases", route: "GET /mediation/cases", method: "GET", path: () => "/api/mediation/cases", expect: MANAGERS() },
  {
    name: "create mediation case",
    route: "POST /mediation/cases",
    method: "POST",
    path: () => "/api/mediation/cases",
    body: mediationCaseBody,
    expect: MANAGERS(201),
  },
  { name: "mediation statistics", route: "GET /mediation/cases/statistics", method: "GET", path: () => "/api/mediation/cases/statistics", expect: MANAGERS() },
  {
    name: "mediation cases export",
    route: "GET /mediation/cases/export.xlsx",
    method: "GET",
    path: () => "/api/mediation/cases/export.xlsx",
    expect: MANAGERS(),
  },
  {
    name: "mediation case",
    route: "GET /mediation/cases/:id",
    method: "GET",
    path: async () => `/api/mediation/cases/${await newMediationCase()}`,
    expect: MANAGERS(),
  },
  {
    name: "link mediation session",
    route: "POST /mediation/cases/:id/meetings",
    method: "POST",
    path: async () => `/api/mediation/cases/${await newMediationCase()}/meetings`,
    body: async () => ({ meetingId: await mediationMeeting() }),
    expect: MANAGERS(),
  },
  {
    name: "new mediation session from the case",
    route: "POST /mediation/cases/:id/sessions",
    method: "POST",
    path: async () => `/api/mediation/cases/${await newMediationCase()}/sessions`,
    body: () => ({ title: "邻里纠纷调解（授权测试）" }),
    expect: MANAGERS(201),
  },
  {
    name: "mediation case step",
    route: "POST /mediation/cases/:id/steps",
    method: "POST",
    path: async () => `/api/mediation/cases/${await newMediationCase()}/steps`,
    body: () => ({ type: "start" }),
    expect: MANAGERS(),
  },
  // 调解协议书: the mediation meeting's staff; the parties and mediators with their own join tokens only
  // (tested in mediationAgreement.int.test.ts). Signing with a wrong code and a referral before any
  // refusal answer 409 to those allowed.
  {
    name: "mediation agreement",
    route: "GET /meetings/:id/mediation-agreement",
    method: "GET",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement`,
    expect: MEETING_STAFF(),
  },
  {
    name: "save mediation agreement version",
    route: "POST /meetings/:id/mediation-agreement/versions",
    method: "POST",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/versions`,
    body: () => ({ baseVersion: 0, content: MEDIATION_AGREEMENT_CONTENT }),
    expect: MEETING_STAFF(409),
  },
  ...(["docx", "pdf"] as const).flatMap((format): Row[] => [
    {
      name: `mediation agreement version ${format}`,
      route: `GET /meetings/:id/mediation-agreement/versions/:number.${format}`,
      method: "GET",
      path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/versions/1.${format}`,
      expect: MEETING_STAFF(),
    },
    {
      name: `signed mediation agreement ${format}`,
      route: `GET /meetings/:id/mediation-agreement/signed.${format}`,
      method: "GET",
      path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/signed.${format}`,
      expect: ANYONE(401),
      code401: "TOKEN_MISSING",
    },
  ]),
  {
    name: "mediator signature recorded by the staff",
    route: "POST /meetings/:id/mediation-agreement/mediator-signatures",
    method: "POST",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/mediator-signatures`,
    body: () => ({ participantId: "m1", version: 1, code: "AAA-AAA" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "mediation referral",
    route: "POST /meetings/:id/mediation-agreement/referral",
    method: "POST",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/referral`,
    body: () => ({ referral: "court" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "a signer's view of the mediation agreement",
    route: "GET /meetings/:id/mediation-agreement/confirmation",
    method: "GET",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/confirmation`,
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "a signer confirms the mediation agreement",
    route: "POST /meetings/:id/mediation-agreement/confirmation",
    method: "POST",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/confirmation`,
    body: () => ({ version: 1, code: "AAA-AAA", name: "甲" }),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "a party refuses the mediation agreement",
    route: "POST /meetings/:id/mediation-agreement/refusal",
    method: "POST",
    path: async () => `/api/meetings/${await mediationAgreementMeeting()}/mediation-agreement/refusal`,
    body: () => ({ reason: "不同意" }),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  // The agreement after bargaining: the bargaining meeting's staff; the reminders list: the secretariat's.
  // Steps out of order (no vote passed §36) answer 409 to those allowed (docs/api.md).
  {
    name: "agreement",
    route: "GET /meetings/:id/agreement",
    method: "GET",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement`,
    expect: MEETING_STAFF(),
  },
  {
    name: "save agreement version",
    route: "POST /meetings/:id/agreement/versions",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/versions`,
    body: async () => ({ baseVersion: await latestAgreementVersion(), content: AGREEMENT_CONTENT, note: "授权测试" }),
    expect: MEETING_STAFF(201),
  },
  {
    name: "agreement version",
    route: "GET /meetings/:id/agreement/versions/:n",
    method: "GET",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/versions/1`,
    expect: MEETING_STAFF(),
  },
  ...(["docx", "pdf"] as const).flatMap((format): Row[] => [
    {
      name: `agreement version ${format}`,
      route: `GET /meetings/:id/agreement/versions/:n.${format}`,
      method: "GET",
      path: async () => `/api/meetings/${await agreementMeeting()}/agreement/versions/1.${format}`,
      expect: MEETING_STAFF(),
    },
    {
      name: `agreement vote result ${format}`,
      route: `GET /meetings/:id/agreement/vote.${format}`,
      method: "GET",
      path: async () => `/api/meetings/${await agreementMeeting()}/agreement/vote.${format}`,
      expect: MEETING_STAFF(),
    },
  ]),
  {
    name: "closed polls for the agreement's vote",
    route: "GET /meetings/:id/agreement/polls",
    method: "GET",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/polls`,
    expect: MEETING_STAFF(),
  },
  {
    name: "record agreement vote (no such poll)",
    route: "POST /meetings/:id/agreement/vote",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/vote`,
    body: async () => ({ meetingId: await agreementMeeting(), pollId: "no-such-poll" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "record a chief's signature (before a vote that passed)",
    route: "POST /meetings/:id/agreement/signatures",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/signatures`,
    body: () => ({ side: "worker", signedOn: "2026-12-21" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "record the filing (before signing)",
    route: "POST /meetings/:id/agreement/filing",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/filing`,
    body: () => ({ filedOn: "2026-12-21" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "record the receipt (before filing)",
    route: "POST /meetings/:id/agreement/receipt",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/receipt`,
    body: () => ({ receivedOn: "2026-12-21" }),
    expect: MEETING_STAFF(409),
  },
  {
    name: "record the review (before receipt)",
    route: "POST /meetings/:id/agreement/review",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/review`,
    body: () => ({ outcome: "noObjection", on: "2026-12-21" }),
    expect: MEETING_STAFF(409),
  },
  // The chiefs' own confirmation: a chief's join token only (tested in chiefConfirmation.int.test.ts); no account session.
  {
    name: "a chief's confirmation of the agreement",
    route: "GET /meetings/:id/agreement/confirmation",
    method: "GET",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/confirmation`,
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  {
    name: "a chief confirms the agreement",
    route: "POST /meetings/:id/agreement/confirmation",
    method: "POST",
    path: async () => `/api/meetings/${await agreementMeeting()}/agreement/confirmation`,
    body: () => ({ side: "worker", version: 1, code: "AAA-AAA" }),
    expect: ANYONE(401),
    code401: "TOKEN_MISSING",
  },
  { name: "agreements and reminders", route: "GET /bargaining/agreements", method: "GET", path: () => "/api/bargaining/agreements", expect: MANAGERS() },
  // 敲门计划: the secretariat's; the community's grid workers (no caller here is one) record and read the door list
  { name: "campaigns", route: "GET /campaigns", method: "GET", path: () => "/api/campaigns", expect: MANAGERS() },
  {
    name: "create campaign",
    route: "POST /campaigns",
    method: "POST",
    path: () => "/api/campaigns",
    body: async () => ({
      communityId: (await theCommunity()).id,
      title: unique("征询"),
      question: "是否同意？",
      opensAt: "2027-01-01T00:00:00Z",
      closesAt: "2027-02-01T00:00:00Z",
      rule: { overall: { num: 4, den: 5 } },
    }),
    expect: MANAGERS(201),
  },
  { name: "campaign doors", route: "GET /campaigns/:id", method: "GET", path: async () => `/api/campaigns/${(await newCampaign()).id}`, expect: MANAGERS() },
  {
    name: "edit campaign",
    route: "PATCH /campaigns/:id",
    method: "PATCH",
    path: async () => `/api/campaigns/${(await newCampaign()).id}`,
    body: () => ({ title: "改名" }),
    expect: MANAGERS(),
  },
  {
    name: "close campaign",
    route: "POST /campaigns/:id/close",
    method: "POST",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/close`,
    expect: MANAGERS(),
  },
  {
    name: "campaign progress",
    route: "GET /campaigns/:id/progress",
    method: "GET",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/progress`,
    expect: MANAGERS(),
  },
  {
    name: "campaign answer",
    route: "POST /campaigns/:id/answers",
    method: "POST",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/answers`,
    body: async () => ({
      clientId: crypto.randomUUID(),
      householdId: await campaignHousehold,
      answer: "agree",
      method: "phone",
      recordedAt: new Date().toISOString(),
    }),
    expect: MANAGERS(201),
  },
  {
    name: "campaign form photo",
    route: "POST /campaigns/:id/answers/:clientId/photo",
    method: "POST",
    path: async () => {
      const c = await newCampaign();
      return `/api/campaigns/${c.id}/answers/${c.clientId}/photo`;
    },
    form: () => fileForm(REAL_PNG, "签字表.png"),
    expect: MANAGERS(201),
  },
  {
    name: "campaign form photo download",
    route: "GET /campaigns/:id/answers/:clientId/photo",
    method: "GET",
    path: async () => {
      const c = await newCampaign(true);
      return `/api/campaigns/${c.id}/answers/${c.clientId}/photo`;
    },
    expect: MANAGERS(),
  },
  {
    name: "campaign changes",
    route: "GET /campaigns/:id/changes",
    method: "GET",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/changes`,
    expect: MANAGERS(),
  },
  {
    name: "campaign own links",
    route: "POST /campaigns/:id/links",
    method: "POST",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/links`,
    expect: MANAGERS(201),
  },
  {
    name: "own link",
    route: "GET /public/campaign-links/:token",
    method: "GET",
    path: async () => `/api/public/campaign-links/${await newOwnLink()}`,
    expect: ANYONE(),
  },
  {
    name: "own link answer",
    route: "POST /public/campaign-links/:token/answers",
    method: "POST",
    path: async () => `/api/public/campaign-links/${await newOwnLink()}/answers`,
    body: () => ({ clientId: crypto.randomUUID(), answer: "agree" }),
    expect: ANYONE(201),
  },
  // Workers' proposals (征集表 → 协商提案): the public form (no account) and the union's (admin, organiser)
  {
    name: "proposal form page",
    route: "GET /public/proposal-collections/:publicCode",
    method: "GET",
    path: async () => `/api/public/proposal-collections/${(await newProposalCollection()).publicCode}`,
    expect: ANYONE(),
  },
  {
    name: "proposal form sent",
    route: "POST /public/proposal-collections/:publicCode/forms",
    method: "POST",
    path: async () => `/api/public/proposal-collections/${(await newProposalCollection()).publicCode}/forms`,
    body: () => ({ answers: { q1: "3%以上" }, anonymous: true }),
    expect: ANYONE(201),
  },
  {
    name: "proposal collections",
    route: "GET /bargaining/proposals/collections",
    method: "GET",
    path: () => "/api/bargaining/proposals/collections",
    expect: MANAGERS(),
  },
  {
    name: "create proposal collection",
    route: "POST /bargaining/proposals/collections",
    method: "POST",
    path: () => "/api/bargaining/proposals/collections",
    body: () => ({
      title: unique("授权测试征集"),
      questions: [{ kind: "text", text: "建议" }],
      handedOut: 10,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    expect: MANAGERS(201),
  },
  {
    name: "proposal collection view",
    route: "GET /bargaining/proposals/collections/:id",
    method: "GET",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}`,
    expect: MANAGERS(),
  },
  {
    name: "edit proposal collection",
    route: "PATCH /bargaining/proposals/collections/:id",
    method: "PATCH",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}`,
    body: () => ({ handedOut: 12, paperCounted: 2 }),
    expect: MANAGERS(),
  },
  {
    name: "proposal collection link",
    route: "GET /bargaining/proposals/collections/:id/link",
    method: "GET",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}/link`,
    expect: MANAGERS(),
  },
  {
    name: "paper proposal form typed in",
    route: "POST /bargaining/proposals/collections/:id/forms",
    method: "POST",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}/forms`,
    body: () => ({ suggestion: "提高夜班津贴" }),
    expect: MANAGERS(201),
  },
  {
    name: "bargaining proposals",
    route: "GET /bargaining/proposals/collections/:id/proposals",
    method: "GET",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}/proposals`,
    expect: MANAGERS(),
  },
  {
    name: "create bargaining proposal",
    route: "POST /bargaining/proposals/collections/:id/proposals",
    method: "POST",
    path: async () => `/api/bargaining/proposals/collections/${(await newProposalCollection()).id}/proposals`,
    body: () => ({ title: "加班工资", extraWorkers: 3 }),
    expect: MANAGERS(201),
  },
  {
    name: "edit bargaining proposal",
    route: "PATCH /bargaining/proposals/collections/:id/proposals/:proposalId",
    method: "PATCH",
    path: async () => {
      const c = await newProposalCollection();
      return `/api/bargaining/proposals/collections/${c.id}/proposals/${c.proposalId}`;
    },
    body: () => ({ text: "小时工不低于每小时18元" }),
    expect: MANAGERS(),
  },
  {
    name: "delete bargaining proposal",
    route: "DELETE /bargaining/proposals/collections/:id/proposals/:proposalId",
    method: "DELETE",
    path: async () => {
      const c = await newProposalCollection();
      return `/api/bargaining/proposals/collections/${c.id}/proposals/${c.proposalId}`;
    },
    expect: MANAGERS(),
  },
  ...(["pdf", "xlsx"] as const).map((format): Row => ({
    name: `campaign report ${format}`,
    route: "GET /campaigns/:id/report.:format",
    method: "GET",
    path: async () => `/api/campaigns/${(await newCampaign()).id}/report.${format}`,
    expect: MANAGERS(),
  })),
  // Anything else under /api
  { name: "unknown route", method: "GET", path: () => "/api/nothing-here", expect: ANYONE(404) },
];

describe("authorization of every REST route", () => {
  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const seen: Partial<Record<Caller, number>> = {};
    for (const caller of CALLERS) {
      const client = await clientFor(caller, row.fresh);
      const path = await row.path();
      const res = await client.request(row.method, path, row.form ? { form: row.form() } : row.body ? { body: await row.body() } : {});
      seen[caller] = res.status;
      if (res.status === 401 && row.expect[caller] === 401 && row.name !== "login (wrong password)")
        expect(res.body.error.code).toBe(row.code401 ?? "UNAUTHENTICATED");
      if (res.status === 403) expect(res.body.error.code, `${caller}`).toBe("FORBIDDEN");
    }
    expect(seen).toEqual(row.expect);
  });

  it("the table covers every route the API mounts", () => {
    const api = createApi(
      apiDeps({
        db: t.server.db,
        events: t.server.store,
        tokens: t.server.tokens,
        rooms: t.server.rooms,
        meetings: t.server.meetings,
        io: t.server.io,
        config: t.config,
        now: Date.now,
        log: () => {},
        archive: t.server.archive,
        ledger: t.server.ledger,
        retention: t.server.retention,
      }),
    );
    const mounted = new Set(routesOf(api));
    const covered = new Set(ROWS.flatMap((row) => (row.route ? [row.route] : [])));
    expect(mounted.size).toBeGreaterThan(30);
    expect([...mounted].sort()).toEqual([...covered].sort());
  });
});

/** "METHOD /path" of every route in a router and the routers mounted in it (without a path). */
function routesOf(router: Router): string[] {
  return router.stack.flatMap((layer) => {
    if (layer.route) {
      const methods = Object.keys((layer.route as unknown as { methods: Record<string, boolean> }).methods);
      return methods.map((method) => `${method.toUpperCase()} ${layer.route!.path}`);
    }
    const nested = (layer.handle as unknown as Partial<Router>).stack;
    return nested ? routesOf(layer.handle as unknown as Router) : [];
  });
}
