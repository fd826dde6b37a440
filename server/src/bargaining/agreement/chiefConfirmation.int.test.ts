// The chiefs confirm the voted agreement themselves, over real HTTP with their own join tokens on a
// real SQLite file: a bargaining meeting agrees a clause through the real room, the secretariat
// drafts it, the 职工代表大会 votes by secret ballot over real sockets and the vote is recorded; then
// each chief reads the voted text with its confirmation code and confirms (确认签署). A
// representative, the recorder, an observer and the other side's chief are refused; confirming
// before the vote, twice, or with another text's code is refused and changes nothing; both
// confirmations make the agreement 已签订 with the 10-day filing deadline, and the staff's view
// names who signed how (the chief's own link, or a paper signature the staff recorded).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_36_QUORUM, ARTICLE_36_RULE } from "../../../../core/poll/article36.ts";
import { ApiClient, type ApiClient as Client } from "../../../../testing/server/api.ts";
import { Harness, send, settle } from "../../../../testing/server/harness.ts";
import { pollOf, pollRoom, vote } from "../../../../testing/server/pollRoom.ts";
import { commandRunner, rosterHandles } from "../../../../testing/server/rosterHandles.ts";
import { AGREEMENT_ROSTER, RAISE, type AgreementKey } from "../../../../testing/server/bargaining.ts";

const h = new Harness();
/** 2026-12-21 10:00 China time. */
let clock = Date.UTC(2026, 11, 21, 2, 0, 0);

type Key = AgreementKey;

let t: Awaited<ReturnType<typeof pollRoom>>;
let org: Client;
let meetingId: string;
let tokens: Record<Key, string>;
let ids: Record<Key, string>;
const path = () => `/api/meetings/${meetingId}/agreement/confirmation`;
const as = (key: Key) => ({ headers: { Authorization: `Bearer ${tokens[key]}` } });
const view = (key: Key) => new ApiClient(t.url).get(path(), as(key));
const confirm = (key: Key, body: unknown) => new ApiClient(t.url).post(path(), body, as(key));

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
  ids = handles.ids;
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, handles.actors, (ms = 60_000) => (clock += ms));
  await ok("clerk", { type: "attendance.arrive", participantIds: Object.values(handles.ids), via: "clerk" });
  await ok("wChief", { type: "meeting.open" });
  await ok("wChief", { type: "bargaining.addClause", title: "工资调整幅度" });
  const clauseId = room.current.bargaining.clauses[0]!.clauseId;
  await ok("w2", { type: "bargaining.offer", clauseId, text: RAISE });
  const offerId = room.current.bargaining.clauses[0]!.offers.at(-1)!.offerId;
  await ok("wChief", { type: "bargaining.accept", clauseId, offerId });
  await ok("eChief", { type: "bargaining.accept", clauseId, offerId });
  expect((await org.post(`/api/meetings/${meetingId}/agreement/versions`, { baseVersion: 0, generate: true })).status).toBe(201);
});

afterAll(() => h.cleanup());

/** The 职工代表大会 adopts the draft: a secret §36 poll (应到 4, 实到 3, 3 for) over real sockets, recorded on the agreement. */
async function adopt(): Promise<void> {
  const pollId = await t.create(pollOf({ title: "工资专项集体合同草案", secret: true, rule: ARTICLE_36_RULE, quorum: ARTICLE_36_QUORUM }));
  expect(await send(t.c.chair, { type: "poll.open", pollId })).toMatchObject({ ok: true });
  await settle(t.all, t.server);
  for (const member of [t.c.member1, t.c.member2, t.c.member3]) expect(await vote(member, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
  expect(await send(t.c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
  await settle(t.all, t.server);
  expect((await org.post(`/api/meetings/${meetingId}/agreement/vote`, { meetingId: t.m.meetingId, pollId })).status).toBe(200);
}

describe("the chiefs confirm the voted text themselves", () => {
  it("before the vote passed: the chief sees no text to sign, and confirming is out of order", async () => {
    const before = await view("wChief");
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ side: "worker", name: "马文华", state: "draft", voted: null, signatures: { worker: null, enterprise: null } });
    const early = await confirm("wChief", { side: "worker", version: 1, code: "AAA-AAA" });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("AGREEMENT_STEP_ORDER");
  });

  it("only a chief of this meeting opens the confirmation: representatives, the recorder, an observer, strangers and staff sessions are refused", async () => {
    for (const key of ["w2", "e3", "clerk", "observer"] as const) {
      const res = await view(key);
      expect(res.status, key).toBe(403);
      expect(res.body.error.code, key).toBe("NOT_CHIEF");
    }
    expect((await new ApiClient(t.url).get(path())).body.error.code).toBe("TOKEN_MISSING");
    // The secretariat's session is no chief's link.
    expect((await org.get(path())).status).toBe(401);
    // A chief's link of another meeting.
    const other = await new ApiClient(t.url).get(path(), { headers: { Authorization: `Bearer ${t.m.tokens.chair}` } });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("FORBIDDEN");
  });

  it("after the vote: the full voted text with its code; a representative, the recorder and the other side's chief cannot sign for the worker side", async () => {
    await adopt();
    const shown = await view("wChief");
    expect(shown.body).toMatchObject({
      state: "voted",
      voted: {
        version: 1,
        votedOn: "2026-12-21",
        content: { articles: [{ title: "工资调整幅度", text: RAISE }], chiefs: { worker: "马文华", enterprise: "王立新" } },
      },
    });
    const { version, code } = shown.body.voted as { version: number; code: string };
    expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    // The same text, the same code, on both chiefs' screens and the secretariat's.
    expect((await view("eChief")).body.voted.code).toBe(code);
    expect((await org.get(`/api/meetings/${meetingId}/agreement`)).body.vote.code).toBe(code);

    for (const key of ["w2", "clerk", "eChief"] as const) {
      const res = await confirm(key, { side: "worker", version, code });
      expect(res.status, key).toBe(403);
      expect(res.body.error.code, key).toBe("NOT_CHIEF");
    }
    // Another text's code (or version) is not this text's confirmation.
    const wrong = await confirm("wChief", { side: "worker", version, code: "AAA-AAA" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe("AGREEMENT_CONFIRMATION_CODE");
    expect((await confirm("wChief", { side: "worker", version: 2, code })).body.error.code).toBe("AGREEMENT_CONFIRMATION_CODE");
    expect((await confirm("wChief", { side: "worker", version })).body.error.code).toBe("VALIDATION");
    expect((await org.get(`/api/meetings/${meetingId}/agreement`)).body.signatures).toEqual({ worker: null, enterprise: null });
  });

  it("the worker chief confirms: recorded as given with the chief's own link, persisted before the answer; twice is refused", async () => {
    clock += 5 * 60_000;
    const code = (await view("wChief")).body.voted.code as string;
    const res = await confirm("wChief", { side: "worker", version: 1, code });
    expect(res.status).toBe(200);
    const signature = { name: "马文华", signedOn: "2026-12-21", recordedByName: "马文华", via: "chief", at: new Date(clock).toISOString() };
    expect(res.body).toMatchObject({ state: "voted", signatures: { worker: signature, enterprise: null } });
    // In the store before the answer: the row names the participant who confirmed.
    const row = await t.server.db.bargainingAgreement.findUniqueOrThrow({ where: { meetingId } });
    expect(row).toMatchObject({ workerSignedVia: "chief", workerSignedParticipantId: ids.wChief, workerSignedAt: new Date(clock) });
    expect((await org.get(`/api/meetings/${meetingId}/agreement`)).body.signatures.worker).toEqual(signature);

    const again = await confirm("wChief", { side: "worker", version: 1, code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("AGREEMENT_STEP_RECORDED");
    // The staff cannot record a paper signature over the chief's own.
    expect((await org.post(`/api/meetings/${meetingId}/agreement/signatures`, { side: "worker", signedOn: "2026-12-21" })).body.error.code).toBe(
      "AGREEMENT_STEP_RECORDED",
    );
    expect(await t.server.db.bargainingAgreement.findUniqueOrThrow({ where: { meetingId } })).toEqual(row);
  });

  it("the enterprise chief confirms too: 已签订, the 10-day filing deadline starts", async () => {
    clock += 60 * 60_000;
    const code = (await view("eChief")).body.voted.code as string;
    const res = await confirm("eChief", { side: "enterprise", version: 1, code });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: "signed",
      signedOn: "2026-12-21",
      filingDue: "2026-12-31",
      signatures: { worker: { via: "chief" }, enterprise: { name: "王立新", via: "chief", recordedByName: "王立新" } },
    });
    const agreement = (await org.get(`/api/meetings/${meetingId}/agreement`)).body;
    expect(agreement.status).toMatchObject({ state: "signed", signedOn: "2026-12-21", filingDue: "2026-12-31", daysLeft: 10 });
    expect((await org.get("/api/bargaining/agreements")).body.agreements).toEqual([
      expect.objectContaining({ meetingId, state: "signed", reminder: { kind: "filing", due: "2026-12-31", daysLeft: 10, overdue: false } }),
    ]);
  });
});

describe("a paper signature recorded by the staff", () => {
  it("is marked as recorded by staff, with the date only", async () => {
    const { meeting, participants } = await t.server.meetings.create(
      "纸质签字的协商",
      AGREEMENT_ROSTER.map(({ key: _key, ...p }) => p),
    );
    await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "bargaining" } });
    await rosterHandles(t.server, meeting.id, AGREEMENT_ROSTER, participants);
    await t.server.db.bargainingAgreement.create({
      data: {
        meetingId: meeting.id,
        vote: JSON.stringify({ entitled: 4, present: 3, yes: 3, votedOn: "2026-12-21", version: 1 }),
        createdAt: new Date(clock),
        updatedAt: new Date(clock),
      },
    });
    const res = await org.post(`/api/meetings/${meeting.id}/agreement/signatures`, { side: "enterprise", signedOn: "2026-12-21", name: "王立新" });
    expect(res.status).toBe(200);
    expect(res.body.signatures.enterprise).toEqual({ name: "王立新", signedOn: "2026-12-21", recordedByName: "secretariat", via: "staff", at: null });
  });
});
