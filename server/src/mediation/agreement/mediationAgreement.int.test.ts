// The mediation agreement (调解协议书) over real HTTP on a real SQLite file with the parties' own
// join tokens: two neighbours both named 张丽 (told apart by role and household in the screens'
// answers, the DOCX and the PDF), a 司法所 mediator and a police officer. The staff generate it
// from the roster and the case's details and edit it; each 张丽 confirms on her phone (the name
// typed and the code on her screen; one draws a signature, re-encoded as PNG); a wrong name, an
// older version's code, a bad drawing and another mediation's party are refused and change
// nothing; the mediators sign; the signed version is locked; each party downloads the signed copy
// of her own mediation only. In another mediation a party refuses: the referral recorded and the
// case the session belongs to fails (调解不成) through the case's own step.
import JSZip from "jszip";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, staffClient, type ApiResponse } from "../../../../testing/server/api.ts";
import { Harness } from "../../../../testing/server/harness.ts";
import { pdfText } from "../../../../testing/server/minutesMeeting.ts";
import { rosterHandles } from "../../../../testing/server/rosterHandles.ts";

const h = new Harness();
/** 2026-12-22 10:00 China time. */
let clock = Date.UTC(2026, 11, 22, 2, 0, 0);

const ROSTER = [
  { key: "zhangA", name: "张丽", role: "member", household: "幸福里小区3栋201" },
  { key: "zhangB", name: "张丽", role: "member", household: "幸福里小区3栋301" },
  { key: "chair", name: "马秀兰", role: "chair" },
  { key: "police", name: "杨警官", role: "official" },
  { key: "clerk", name: "何静", role: "clerk" },
] as const;
const OTHER = [
  { key: "zhao", name: "赵强", role: "member", household: "和平街5号" },
  { key: "qian", name: "钱芳", role: "member", household: "和平街7号" },
  { key: "chair", name: "马秀兰", role: "chair" },
] as const;
type Key = (typeof ROSTER)[number]["key"];
type OtherKey = (typeof OTHER)[number]["key"];

const CASE = {
  caseNumber: "兴庆调〔2026〕12号",
  committee: "幸福里社区人民调解委员会",
  facts: "2026年12月，3栋301卫生间漏水，致3栋201天花板受损。",
  dispute: "双方就维修责任和损失赔偿发生争议。",
  terms: ["张丽（301）于维修完成前停止使用卫生间淋浴。", "张丽（301）承担201天花板修复费用人民币800元。"],
};
const LEAK_FIXED = "张丽（301）请物业维修卫生间防水层。";

let t: Awaited<ReturnType<Harness["startServer"]>>;
let org: ApiClient;
let meetingId: string;
let otherId: string;
let refusalId: string;
let tokens: Record<Key, string>;
let ids: Record<Key, string>;
let other: { tokens: Record<OtherKey, string>; ids: Record<OtherKey, string> };
let refusal: { tokens: Record<OtherKey, string>; ids: Record<OtherKey, string> };

const base = (id = meetingId) => `/api/meetings/${id}/mediation-agreement`;
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const asParty = (token: string) => ({
  view: (id = meetingId) => new ApiClient(t.url).get(`${base(id)}/confirmation`, bearer(token)),
  confirm: (body: unknown, id = meetingId) => new ApiClient(t.url).post(`${base(id)}/confirmation`, body, bearer(token)),
  refuse: (body: unknown, id = meetingId) => new ApiClient(t.url).post(`${base(id)}/refusal`, body, bearer(token)),
  signed: (format: "pdf" | "docx", id = meetingId) => new ApiClient(t.url).get(`${base(id)}/signed.${format}`, bearer(token)),
});

async function docxText(res: ApiResponse): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  const zip = await JSZip.loadAsync(res.bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}
async function pdfOf(res: ApiResponse): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return (await pdfText(res.bytes)).replace(/\s+/g, "");
}
const refusedWith = (res: ApiResponse, status: number, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
};

async function mediation(title: string, roster: readonly { key: string; name: string; role: string; household?: string }[]) {
  const { meeting, participants } = await t.server.meetings.create(
    title,
    roster.map(({ key: _key, ...p }) => p as never),
  );
  await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "mediation" } });
  return { id: meeting.id, participants };
}

/** A drawn signature as the phone's canvas gives it: a PNG data URL with a dark stroke. */
async function drawing(): Promise<string> {
  const stroke = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M10 90 C 80 10, 150 110, 290 30" stroke="#111" stroke-width="6" fill="none"/></svg>',
  );
  const png = await sharp(stroke).png().toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

beforeAll(async () => {
  t = await h.startServer({ now: () => clock });
  org = (await staffClient(t.server, t.url, "secretariat", "organiser")).client;
  const a = await mediation("幸福里3栋漏水纠纷调解", ROSTER);
  meetingId = a.id;
  ({ tokens, ids } = await rosterHandles(t.server, meetingId, ROSTER, a.participants));
  const b = await mediation("和平街噪音纠纷调解", OTHER);
  otherId = b.id;
  other = await rosterHandles(t.server, otherId, OTHER, b.participants);
  const c = await mediation("和平街停车纠纷调解", OTHER);
  refusalId = c.id;
  refusal = await rosterHandles(t.server, refusalId, OTHER, c.participants);
});

afterAll(() => h.cleanup());

const generate = (parties: { participantId: string; role: string; phone?: string | null }[]) => ({ ...CASE, parties, performance: [] });

describe("the staff draft the agreement from the roster and the case", () => {
  it("refuses a draft that leaves a party without a role, and generates one naming both 张丽 apart", async () => {
    refusedWith(
      await org.post(`${base()}/versions`, {
        baseVersion: 0,
        generate: generate([
          { participantId: ids.zhangA, role: "applicant" },
          { participantId: ids.police, role: "respondent" },
        ]),
      }),
      400,
      "MEDIATION_AGREEMENT_PARTIES",
    );
    expect((await org.get(base())).body).toMatchObject({ state: "draft", versions: [], latest: null });

    const res = await org.post(`${base()}/versions`, {
      baseVersion: 0,
      generate: {
        ...generate([
          { participantId: ids.zhangA, role: "applicant", phone: "13800000001" },
          { participantId: ids.zhangB, role: "respondent" },
        ]),
        performance: [{ participantId: ids.zhangB, how: "一次性支付800元", by: "2026-12-31" }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.latest.content.parties).toEqual([
      { participantId: ids.zhangA, name: "张丽", household: "幸福里小区3栋201", phone: "13800000001", role: "applicant" },
      { participantId: ids.zhangB, name: "张丽", household: "幸福里小区3栋301", phone: null, role: "respondent" },
    ]);
    expect(res.body.latest.content.mediators).toEqual([
      { participantId: ids.chair, name: "马秀兰" },
      { participantId: ids.police, name: "杨警官" },
    ]);
    expect(res.body.latest.code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
  });

  it("edits as a new version (a stale base is refused); the DOCX and PDF name each 张丽 with role and household", async () => {
    const v1 = (await org.get(base())).body.latest;
    const content = { ...v1.content, terms: [LEAK_FIXED, ...v1.content.terms] };
    refusedWith(await org.post(`${base()}/versions`, { baseVersion: 0, content }), 409, "EDIT_CONFLICT");
    const saved = await org.post(`${base()}/versions`, { baseVersion: 1, content, note: "加上维修" });
    expect(saved.status).toBe(201);
    expect(saved.body.versions.map((v: { number: number; source: string }) => [v.number, v.source])).toEqual([
      [1, "generated"],
      [2, "edited"],
    ]);
    expect(saved.body.latest.code).not.toBe(v1.code);

    const docx = await docxText(await org.get(`${base()}/versions/2.docx`));
    for (const text of [
      "人民调解协议书",
      "编号：兴庆调〔2026〕12号",
      "申请人：张丽，住址：幸福里小区3栋201，联系电话：13800000001",
      "被申请人：张丽，住址：幸福里小区3栋301",
      `一、${LEAK_FIXED}`,
      "张丽（被申请人，幸福里小区3栋301）：一次性支付800元，于2026年12月31日前履行完毕。",
      "当事人（签名）：张丽（申请人，幸福里小区3栋201）",
      "当事人（签名）：张丽（被申请人，幸福里小区3栋301）",
      "人民调解员（签名）：杨警官",
      "幸福里社区人民调解委员会（印章）",
    ])
      expect(docx).toContain(text);
    const pdf = await pdfOf(await org.get(`${base()}/versions/2.pdf`));
    expect(pdf).toContain("张丽（申请人，幸福里小区3栋201）");
    expect(pdf).toContain("张丽（被申请人，幸福里小区3栋301）");
  });
});

describe("each party confirms on her own phone", () => {
  it("shows each 张丽 her own label, the latest text and its code", async () => {
    const a = await asParty(tokens.zhangA).view();
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ kind: "party", label: "张丽（申请人，幸福里小区3栋201）", state: "draft", signed: null, latest: { number: 2 } });
    const b = await asParty(tokens.zhangB).view();
    expect(b.body.label).toBe("张丽（被申请人，幸福里小区3栋301）");
    expect(b.body.latest.code).toBe(a.body.latest.code);
  });

  it("refuses another mediation's party, a wrong name, an older version's code and a bad drawing, changing nothing", async () => {
    const { code } = (await asParty(tokens.zhangA).view()).body.latest;
    refusedWith(await asParty(other.tokens.zhao).view(), 403, "FORBIDDEN");
    refusedWith(await asParty(other.tokens.zhao).confirm({ version: 2, code, name: "赵强" }), 403, "FORBIDDEN");
    refusedWith(await asParty(tokens.zhangA).confirm({ version: 2, code, name: "张莉" }), 400, "MEDIATION_AGREEMENT_NAME");
    refusedWith(await asParty(tokens.zhangA).confirm({ version: 2, code, name: null }), 400, "MEDIATION_AGREEMENT_NAME");
    refusedWith(await asParty(tokens.zhangA).confirm({ version: 1, code, name: "张丽" }), 409, "MEDIATION_AGREEMENT_CODE");
    refusedWith(await asParty(tokens.zhangA).confirm({ version: 2, code: "AAA-AAA", name: "张丽" }), 409, "MEDIATION_AGREEMENT_CODE");
    refusedWith(
      await asParty(tokens.zhangA).confirm({ version: 2, code, name: "张丽", signaturePng: Buffer.from("not a picture").toString("base64") }),
      400,
      "MEDIATION_AGREEMENT_SIGNATURE_IMAGE",
    );
    refusedWith(await asParty(tokens.clerk).confirm({ version: 2, code, name: "何静" }), 403, "MEDIATION_AGREEMENT_NOT_SIGNER");
    expect((await org.get(base())).body).toMatchObject({ state: "draft", signatures: [] });
    refusedWith(await asParty(tokens.zhangA).signed("pdf"), 409, "MEDIATION_AGREEMENT_NOT_SIGNED");
  });

  it("records each confirmation with the time (and the drawn signature) before answering; once only", async () => {
    const { code } = (await asParty(tokens.zhangA).view()).body.latest;
    clock += 60_000;
    const a = await asParty(tokens.zhangA).confirm({ version: 2, code: code.toLowerCase(), name: " 张丽 ", signaturePng: await drawing() });
    expect(a.status).toBe(200);
    expect(a.body.signed).toEqual({ participantId: ids.zhangA, kind: "party", name: "张丽", at: new Date(clock).toISOString(), drawn: true, via: "link" });
    expect(a.body.state).toBe("signing");
    const stored = await t.server.db.mediationAgreementSignature.findFirstOrThrow({ where: { meetingId, participantId: ids.zhangA } });
    expect((await sharp(Buffer.from(stored.signaturePng!)).metadata()).format).toBe("png");
    refusedWith(await asParty(tokens.zhangA).confirm({ version: 2, code, name: "张丽" }), 409, "MEDIATION_AGREEMENT_SIGNED_ALREADY");

    clock += 60_000;
    const b = await asParty(tokens.zhangB).confirm({ version: 2, code, name: "张丽" });
    expect(b.body.signed).toMatchObject({ participantId: ids.zhangB, drawn: false, via: "link" });
    expect(b.body.signatures).toHaveLength(2);
  });

  it("the mediators sign (the chair with her link, the police officer recorded by the staff); then the version is locked", async () => {
    const { code } = (await org.get(base())).body.latest;
    clock += 60_000;
    const chair = await asParty(tokens.chair).confirm({ version: 2, code, name: null });
    expect(chair.status).toBe(200);
    expect(chair.body).toMatchObject({ kind: "mediator", state: "signing" });
    refusedWith(await org.post(`${base()}/mediator-signatures`, { participantId: ids.zhangA, version: 2, code }), 403, "MEDIATION_AGREEMENT_NOT_SIGNER");
    clock += 60_000;
    const police = await org.post(`${base()}/mediator-signatures`, { participantId: ids.police, version: 2, code });
    expect(police.status).toBe(200);
    expect(police.body.state).toBe("signed");
    expect(police.body.signatures.map((s: { participantId: string; via: string }) => [s.participantId, s.via])).toEqual([
      [ids.zhangA, "link"],
      [ids.zhangB, "link"],
      [ids.chair, "link"],
      [ids.police, "staff"],
    ]);

    const content = police.body.latest.content;
    refusedWith(await org.post(`${base()}/versions`, { baseVersion: 2, content }), 409, "MEDIATION_AGREEMENT_LOCKED");
    refusedWith(await asParty(tokens.zhangB).refuse({ reason: "反悔" }), 409, "MEDIATION_AGREEMENT_LOCKED");
    expect((await org.get(base())).body.versions).toHaveLength(2);
  });

  it("each party downloads her own mediation's signed copy; another mediation's party cannot", async () => {
    const pdf = await pdfOf(await asParty(tokens.zhangB).signed("pdf"));
    expect(pdf).toContain("张丽（申请人，幸福里小区3栋201）（已确认2026年12月22日，手写签名附后）");
    expect(pdf).toContain("张丽（被申请人，幸福里小区3栋301）（已确认2026年12月22日）");
    expect(pdf).toContain("2026年12月22日");
    const docx = await docxText(await asParty(tokens.zhangA).signed("docx"));
    expect(docx).toContain("当事人（签名）：张丽（被申请人，幸福里小区3栋301）（已确认 2026年12月22日）");
    const zip = await JSZip.loadAsync((await asParty(tokens.zhangA).signed("docx")).bytes);
    expect(Object.keys(zip.files).some((name) => name.startsWith("word/media/"))).toBe(true);
    refusedWith(await asParty(other.tokens.zhao).signed("pdf", meetingId), 403, "FORBIDDEN");
    refusedWith(await asParty(other.tokens.zhao).signed("pdf"), 403, "FORBIDDEN");
    refusedWith(await asParty(other.tokens.zhao).signed("pdf", otherId), 403, "MEDIATION_AGREEMENT_NOT_SIGNER");
  });
});

describe("a party refuses: 调解不成 with the referral", () => {
  it("records the refusal, refuses confirmations and edits after it, and records the referral", async () => {
    const made = await org.post(`${base(refusalId)}/versions`, {
      baseVersion: 0,
      generate: generate([
        { participantId: refusal.ids.zhao, role: "applicant" },
        { participantId: refusal.ids.qian, role: "respondent" },
      ]),
    });
    expect(made.status).toBe(201);
    refusedWith(await org.post(`${base(refusalId)}/referral`, { referral: "court" }), 409, "MEDIATION_AGREEMENT_NOT_REFUSED");
    const code = made.body.latest.code;
    expect((await asParty(refusal.tokens.zhao).confirm({ version: 1, code, name: "赵强" }, refusalId)).status).toBe(200);

    clock += 60_000;
    const refused = await asParty(refusal.tokens.qian).refuse({ reason: "不同意赔偿金额" }, refusalId);
    expect(refused.status).toBe(200);
    expect(refused.body.state).toBe("refused");
    expect(refused.body.refusal).toEqual({
      participantId: refusal.ids.qian,
      name: "钱芳",
      reason: "不同意赔偿金额",
      at: new Date(clock).toISOString(),
      referral: null,
      referralNote: null,
    });
    refusedWith(await asParty(refusal.tokens.qian).confirm({ version: 1, code, name: "钱芳" }, refusalId), 409, "MEDIATION_AGREEMENT_REFUSED");
    refusedWith(await org.post(`${base(refusalId)}/versions`, { baseVersion: 1, content: made.body.latest.content }), 409, "MEDIATION_AGREEMENT_REFUSED");
    refusedWith(await asParty(refusal.tokens.chair).refuse({ reason: "x" }, refusalId), 403, "MEDIATION_AGREEMENT_NOT_SIGNER");

    // The case this session belongs to (part M1's 调解案件, 调解中) fails with the referral.
    const communityId = (await org.post("/api/communities", { name: "和平街社区" })).body.community.id;
    const created = await org.post("/api/mediation/cases", {
      communityId,
      category: "neighbour",
      facts: "停车位争议",
      acceptedOn: "2026-12-22",
      parties: [
        { name: "赵强", household: "和平街5号", phone: "13800000003", role: "applicant" },
        { name: "钱芳", household: "和平街7号", phone: "13800000004", role: "respondent" },
      ],
      mediators: [{ name: "马秀兰", affiliation: "司法所调解员", chief: true }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const caseId = created.body.case.id;
    expect((await org.post(`/api/mediation/cases/${caseId}/meetings`, { meetingId: refusalId })).status).toBe(200);
    expect((await org.post(`/api/mediation/cases/${caseId}/steps`, { type: "start" })).status).toBe(200);

    const referred = await org.post(`${base(refusalId)}/referral`, { referral: "court", note: "告知可向兴庆区人民法院起诉" });
    expect(referred.status).toBe(200);
    expect(referred.body.refusal).toMatchObject({ referral: "court", referralNote: "告知可向兴庆区人民法院起诉" });
    const failed = (await org.get(`/api/mediation/cases/${caseId}`)).body.case;
    expect(failed).toMatchObject({ state: "failed", referral: "人民法院（诉讼）：告知可向兴庆区人民法院起诉" });
    refusedWith(await org.post(`${base(refusalId)}/referral`, { referral: "police" }), 400, "VALIDATION");
  });
});

describe("generated from the case the session belongs to", () => {
  it("takes the number, the facts and each party's role and phone from the case, matching the roster by name and household; signed, the case is 达成协议", async () => {
    const session = await mediation("幸福里3栋漏水纠纷第二次调解", ROSTER);
    const handles = await rosterHandles(t.server, session.id, ROSTER, session.participants);
    const communityId = (await org.post("/api/communities", { name: "幸福里社区" })).body.community.id;
    const created = await org.post("/api/mediation/cases", {
      communityId,
      category: "neighbour",
      facts: "3栋301卫生间漏水，致3栋201天花板受损。",
      acceptedOn: "2026-12-22",
      parties: [
        { name: "张丽", household: "幸福里小区3栋301", phone: "13800000002", role: "respondent" },
        { name: "张丽", household: "幸福里小区3栋201", phone: "13800000001", role: "applicant" },
      ],
      mediators: [{ name: "马秀兰", affiliation: "司法所调解员", chief: true }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/meetings/${session.id}/mediation-agreement/versions`;
    const details = { committee: CASE.committee, terms: CASE.terms };
    refusedWith(await org.post(path, { baseVersion: 0, generate: details }), 400, "MEDIATION_AGREEMENT_PARTIES");
    expect((await org.post(`/api/mediation/cases/${created.body.case.id}/meetings`, { meetingId: session.id })).status).toBe(200);

    const made = await org.post(path, { baseVersion: 0, generate: details });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.latest.content).toMatchObject({
      caseNumber: created.body.case.number,
      facts: "3栋301卫生间漏水，致3栋201天花板受损。",
      parties: [
        { participantId: handles.ids.zhangA, name: "张丽", household: "幸福里小区3栋201", phone: "13800000001", role: "applicant" },
        { participantId: handles.ids.zhangB, name: "张丽", household: "幸福里小区3栋301", phone: "13800000002", role: "respondent" },
      ],
    });
    // Everyone signs: the case (调解中) reaches 达成协议 (书面) the same day.
    const caseId = created.body.case.id;
    expect((await org.post(`/api/mediation/cases/${caseId}/steps`, { type: "start" })).status).toBe(200);
    const { code } = made.body.latest;
    for (const key of ["zhangA", "zhangB"] as const)
      expect((await asParty(handles.tokens[key]).confirm({ version: 1, code, name: "张丽" }, session.id)).status).toBe(200);
    expect((await asParty(handles.tokens.chair).confirm({ version: 1, code, name: null }, session.id)).status).toBe(200);
    expect((await org.get(`/api/mediation/cases/${caseId}`)).body.case.state).toBe("mediating");
    const last = await org.post(`/api/meetings/${session.id}/mediation-agreement/mediator-signatures`, { participantId: handles.ids.police, version: 1, code });
    expect(last.body.state).toBe("signed");
    expect((await org.get(`/api/mediation/cases/${caseId}`)).body.case).toMatchObject({
      state: "agreed",
      agreement: { form: "written", agreedOn: "2026-12-22" },
    });
  });
});
