// A collective wage bargaining session (工资集体协商) through real sockets: a real server on a
// real SQLite file, both delegations (chief and two representatives each), the recorder, an
// observer and the organisers' chair without a side. Offers and counter-offers, a stale
// acceptance refused, the chair handed to the enterprise chief (who then runs the meeting and is
// greeted as the chair), the agreement, the suspension (中止), then the server restarted on the
// same data folder: the session goes on where it was.
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import { ApiClient } from "../../../testing/server/api.ts";
import { eventually, Harness, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { DELEGATIONS } from "../../../testing/server/privateTalkMeetings.ts";

const h = new Harness();
afterEach(() => h.cleanup());

type Key = "workerChief" | "worker1" | "worker2" | "enterpriseChief" | "enterprise1" | "enterprise2" | "recorder" | "observer" | "chair";

const ROSTER: readonly { key: Key; name: string; role: Role; side: "worker" | "enterprise" | null; chief: boolean }[] = [
  ...DELEGATIONS,
  { key: "recorder", name: "孙记录", role: "clerk", side: null, chief: false },
  { key: "observer", name: "钱人社", role: "observer", side: null, chief: false },
  { key: "chair", name: "冯主持", role: "chair", side: null, chief: false },
];

const refused = (code: string) => ({ ok: false, error: { code, message: { zh: expect.any(String), en: expect.any(String) } } });
const DAY = 86_400_000;

describe("a bargaining session through real sockets", () => {
  it("offers, a stale acceptance, the handover, agreement and suspension, then a restart on the same file: the session goes on", async () => {
    let clock = Date.parse("2026-12-21T01:30:00Z");
    const now = () => clock;
    let t = await h.startServer({ now });
    const { meeting, participants } = await t.server.meetings.create(
      "某某公司2027年度工资集体协商",
      ROSTER.map(({ name, role, side, chief }) => ({ name, role, side, chief })),
    );
    // Before the room is first loaded: the live meeting reads its kind from the row.
    await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "bargaining" } });
    const ids = Object.fromEntries(ROSTER.map((p, i) => [p.key, participants[i]!.id])) as Record<Key, string>;
    const connectAll = async (url: string) => {
      const clients = await Promise.all(
        ROSTER.map(async (p) => h.connect(url, await t.server.tokens.issue({ participantId: ids[p.key], meetingId: meeting.id, role: p.role }))),
      );
      return Object.fromEntries(ROSTER.map((p, i) => [p.key, clients[i]!])) as Record<Key, TestClient>;
    };
    let c = await connectAll(t.url);
    await settle(Object.values(c), t.server);
    const live = async (): Promise<MeetingState> => (await t.server.rooms.get(meeting.id)).current;
    const ok = async (key: Key, command: unknown) => {
      const ack = await send(c[key], command);
      expect(ack, `${key}: ${JSON.stringify(command)}`).toMatchObject({ ok: true });
    };
    /** Everyone's client reached the room's state, and holds the same table. */
    const table = async () => {
      const state = await live();
      await Promise.all(Object.values(c).map((client) => client.waitForSeq(state.seq)));
      for (const key of Object.keys(c) as Key[]) expect(c[key].state.bargaining, key).toEqual(state.bargaining);
      return state.bargaining;
    };

    // The worker chief presides first: the organisers' chair without a side is a member here.
    expect(await send(c.chair, { type: "meeting.open" })).toEqual(refused("FORBIDDEN"));
    await ok("workerChief", { type: "meeting.open" });
    await ok("workerChief", { type: "bargaining.addClause", title: "工资调整幅度" });
    expect(await send(c.enterpriseChief, { type: "bargaining.addClause", title: "福利" })).toEqual(refused("NOT_PRESIDING"));
    await ok("recorder", { type: "bargaining.addClause", title: "最低工资标准" });
    const [wage, minimum] = (await table()).clauses.map((x) => x.clauseId) as [string, string];

    // 报价 / 还价 by the representatives; nobody without a side offers.
    clock += 60_000;
    await ok("worker1", { type: "bargaining.offer", clauseId: wage, text: "上调 8%", reason: "物价上涨" });
    await ok("enterprise1", { type: "bargaining.offer", clauseId: wage, text: "上调 5%", reason: "利润下降" });
    expect(await send(c.chair, { type: "bargaining.offer", clauseId: wage, text: "上调 6%" })).toEqual(refused("NO_SIDE"));
    expect(await send(c.recorder, { type: "bargaining.offer", clauseId: wage, text: "上调 6%" })).toEqual(refused("NO_SIDE"));
    await ok("worker2", { type: "bargaining.offer", clauseId: wage, text: "上调 6%" });
    let clause = (await table()).clauses[0]!;
    expect(clause.offers.map((o) => [o.side, o.text, o.by])).toEqual([
      ["worker", "上调 8%", ids.worker1],
      ["enterprise", "上调 5%", ids.enterprise1],
      ["worker", "上调 6%", ids.worker2],
    ]);
    // The workers' 8% is stale; a representative cannot accept.
    expect(await send(c.enterpriseChief, { type: "bargaining.accept", clauseId: wage, offerId: clause.offers[0]!.offerId })).toEqual(
      refused("OFFER_NOT_CURRENT"),
    );
    expect(await send(c.enterprise1, { type: "bargaining.accept", clauseId: wage, offerId: clause.offers[2]!.offerId })).toEqual(refused("NOT_CHIEF"));

    // A newcomer of a side (an attendee: the compact snapshot) receives the whole table.
    const late = await h.connect(t.url, await t.server.tokens.issue({ participantId: ids.worker2, meetingId: meeting.id, role: "member" }));
    expect(late.firstSync.kind).toBe("compact");
    expect(late.state.bargaining).toEqual((await live()).bargaining);
    late.close();

    // The chair passes to the enterprise chief: it runs the meeting now, and is greeted as the chair (the staff's snapshot).
    expect(await send(c.enterpriseChief, { type: "bargaining.handOver" })).toEqual(refused("NOT_PRESIDING"));
    expect(await send(c.enterpriseChief, { type: "venue.setMuted", muted: true })).toEqual(refused("FORBIDDEN"));
    const greetings = c.enterpriseChief.syncs.length;
    await ok("workerChief", { type: "bargaining.handOver" });
    expect((await table()).chairSide).toBe("enterprise");
    await eventually(() => expect(c.enterpriseChief.syncs.slice(greetings).map((s) => s.kind)).toContain("snapshot"));
    // …and the worker chief, a representative again, an attendee's compact snapshot.
    await eventually(() => expect(c.workerChief.syncs.at(-1)?.kind).toBe("compact"));
    expect(await send(c.workerChief, { type: "venue.setMuted", muted: true })).toEqual(refused("FORBIDDEN"));
    await ok("enterpriseChief", { type: "venue.setMuted", muted: true });
    // The chair's other powers follow: marking what it edits in the record (the staff's presence list).
    const editing = (key: Key) => c[key].socket.timeout(5000).emitWithAck("record.editing", { key: null });
    expect(await editing("enterpriseChief")).toEqual({ ok: true });
    expect(await editing("workerChief")).toEqual(refused("FORBIDDEN"));
    expect(await editing("recorder")).toEqual({ ok: true });
    // …and uploading a proxy's signed form for a poll (the chair's and the clerk's HTTP tool).
    const upload = async (key: Key) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(photo)]), "委托书.jpg");
      const token = await t.server.tokens.issue({ participantId: ids[key], meetingId: meeting.id, role: ROSTER.find((p) => p.key === key)!.role });
      return (await http.request("POST", `/api/meetings/${meeting.id}/polls/evidence`, { form, headers: { Authorization: `Bearer ${token}` } })).status;
    };
    const http = new ApiClient(t.url);
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#36c" } })
      .jpeg()
      .toBuffer();
    expect(await upload("enterpriseChief")).toBe(201);
    expect(await upload("workerChief")).toBe(403);
    expect(await upload("chair")).toBe(403);
    await ok("enterpriseChief", { type: "venue.setMuted", muted: false });

    // Both chiefs accept the same wording (two offers of the same text): agreed.
    clock += 60_000;
    await ok("enterprise2", { type: "bargaining.offer", clauseId: wage, text: "上调 6%" });
    clause = (await table()).clauses[0]!;
    await ok("workerChief", { type: "bargaining.accept", clauseId: wage, offerId: clause.offers[3]!.offerId });
    await ok("enterpriseChief", { type: "bargaining.accept", clauseId: wage, offerId: clause.offers[2]!.offerId });
    clause = (await table()).clauses[0]!;
    expect(clause.agreed).toEqual({ offerId: clause.offers[2]!.offerId, text: "上调 6%", at: clock });
    expect(await send(c.worker1, { type: "bargaining.offer", clauseId: wage, text: "上调 7%" })).toEqual(refused("CLAUSE_AGREED"));

    // 中止: the presiding (enterprise) chief, with the reason, the open matter and the agreed time.
    const resumeAt = clock + DAY;
    expect(await send(c.workerChief, { type: "bargaining.suspend", reason: "核算成本", openMatters: ["最低工资标准"], resumeAt })).toEqual(
      refused("NOT_PRESIDING"),
    );
    await ok("enterpriseChief", { type: "bargaining.suspend", reason: "企业需核算成本", openMatters: ["最低工资标准"], resumeAt });
    expect(await send(c.worker1, { type: "bargaining.offer", clauseId: minimum, text: "2600 元" })).toEqual(refused("SESSION_SUSPENDED"));
    const before = await live();
    expect(before.bargaining.suspension).toMatchObject({ reason: "企业需核算成本", openMatters: ["最低工资标准"], resumeAt, by: ids.enterpriseChief });

    // Restart on the same data folder: the replayed state is the live state of before.
    for (const client of Object.values(c)) client.close();
    const dataDir = t.dataDir;
    await t.close();
    clock = resumeAt;
    t = await h.startServer({ dataDir, now });
    expect(await live()).toEqual(before);
    c = await connectAll(t.url);
    await settle(Object.values(c), t.server);
    expect((await table()).suspension).not.toBeNull();

    // The enterprise chief still presides: resumes, and the session goes on.
    expect(await send(c.workerChief, { type: "bargaining.resume" })).toEqual(refused("NOT_PRESIDING"));
    await ok("enterpriseChief", { type: "bargaining.resume" });
    await ok("worker1", { type: "bargaining.offer", clauseId: minimum, text: "2600 元" });
    const after = await table();
    expect(after.suspensions).toEqual([{ ...before.bargaining.suspension!, resumedAt: resumeAt }]);
    expect(after.clauses[1]!.offers.map((o) => o.text)).toEqual(["2600 元"]);
    expect(after.clauses[0]!.agreed?.text).toBe("上调 6%");
    expect(after.handovers).toEqual([{ from: "worker", to: "enterprise", by: ids.workerChief, at: before.bargaining.handovers[0]!.at }]);
  });
});
