// The ledger follows the record, end to end: a real server on a real SQLite file, real socket.io
// clients for the chair, the clerk, a member and an official. The member speaks, the official
// interjects (插话回应) with an outcome, the clerk captures a suggestion from the speech: within
// moments the ledger has the item with its source (meeting, agenda item, speech, speaker, sector)
// and the live response; edits follow while the item is new; liveResponses always follow; a
// withdrawal closes a new item (by the system, as a step) but not an assigned one; suggestions
// captured while the sync was not running enter the ledger on the next start (catch-up).
import { afterEach, describe, expect, it } from "vitest";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import type { MeetingState } from "../../../core/state.ts";
import { ApiClient, staffClient, type Json } from "../../../testing/server/api.ts";
import { eventually, Harness, openMeeting, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { chinaDay, createDepartment } from "../../../testing/server/ledger.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("suggestions of the record in the ledger", () => {
  it("enter at once with their source and live responses, follow edits while new, close on withdrawal, and catch up after a restart", async () => {
    let clock = Date.parse("2026-12-10T02:00:00Z");
    const t = await h.startServer({ now: () => clock });
    const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
    const m = await h.createMeeting(t.server, "关于老旧小区改造的专题协商会");
    const base = `/api/meetings/${m.meetingId}`;
    const member1Id = m.people.member1.id;
    expect((await org.patch(`${base}/participants/${member1Id}`, { sector: "经济界" })).status).toBe(200);
    const official = await org.post(`${base}/participants`, { name: "王局长", role: "official", unit: "区住建委" });
    const officialToken = await t.server.tokens.issue({ participantId: official.body.participant.id, meetingId: m.meetingId, role: "official" });
    const agendaItem = await org.post(`${base}/agenda`, { title: "加装电梯专题", plannedMinutes: 60 });
    await openMeeting(t.server, m);
    const [chair, clerk, member, officialClient] = await Promise.all(
      [m.tokens.chair, m.tokens.clerk, m.tokens.member1, officialToken].map((token) => h.connect(t.url, token)),
    );
    const c = { chair: chair!, clerk: clerk!, member: member!, official: officialClient! };
    const all: TestClient[] = Object.values(c);
    const server = t.server;
    const live = async (): Promise<MeetingState> => (await server.rooms.get(m.meetingId)).current;
    const ok = async (client: TestClient, command: unknown) => {
      expect(await send(client, command), JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, server);
    };
    await settle(all, server);
    const items = async (): Promise<LedgerItemJson[]> => (await org.get(`/api/ledger/items?meetingId=${m.meetingId}`)).body.items;
    const item = async (suggestionId: string): Promise<LedgerItemJson> => {
      const found = (await items()).find((i) => i.suggestionId === suggestionId);
      if (!found) throw new Error(`no item for ${suggestionId}`);
      return found;
    };

    // The member speaks; the official interjects and gives the outcome.
    await ok(c.chair, { type: "agenda.goto", itemId: agendaItem.body.item.id });
    await ok(c.member, { type: "queue.request" });
    await ok(c.chair, { type: "floor.give", participantId: member1Id });
    const speechId = (await live()).floor!.speechId;
    clock += 60_000;
    await ok(c.official, { type: "interjection.request", point: "关于加装电梯补贴" });
    await ok(c.chair, { type: "interjection.grant", requestId: (await live()).interjectionRequests[0]!.requestId });
    const interjectionId = (await live()).interjection!.interjectionId;
    await ok(c.chair, { type: "interjection.setOutcome", interjectionId, outcome: "adopt" });
    clock += 30_000;
    await ok(c.official, { type: "interjection.end" });

    // The clerk captures a suggestion from the speech: the item is there at once.
    const started = Date.now();
    await ok(c.clerk, {
      type: "record.captureSuggestion",
      entry: { kind: "speech", id: speechId },
      suggestion: { title: "简化加装电梯审批", text: "建议并联审批，压缩时限", topic: "城市更新", department: "区住建委" },
    });
    const first = (await live()).notes.suggestions[0]!.suggestionId;
    const created = await eventually(() => item(first), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(created).toMatchObject({
      source: "meeting",
      meetingId: m.meetingId,
      meetingTitle: "关于老旧小区改造的专题协商会",
      agendaItemTitle: "加装电梯专题",
      entryKey: `speech:${speechId}`,
      raisedByName: m.people.member1.name,
      sector: "经济界",
      raisedOn: "2026-12-10",
      title: "简化加装电梯审批",
      text: "建议并联审批，压缩时限",
      topic: "城市更新",
      suggestedDepartment: "区住建委",
      state: "new",
      liveResponses: [{ name: "王局长", unit: "区住建委", outcome: "adopt", point: "关于加装电梯补贴" }],
    });

    // Edited in the record while new: the item follows; the outcome changed: liveResponses follow.
    await ok(c.clerk, {
      type: "record.editSuggestion",
      suggestionId: first,
      baseVersion: 1,
      suggestion: { title: "简化加装电梯审批流程", text: "建议并联审批", topic: "城市更新", department: "区住建委、区规自局" },
    });
    await eventually(
      async () => expect(await item(first)).toMatchObject({ title: "简化加装电梯审批流程", text: "建议并联审批", suggestedDepartment: "区住建委、区规自局" }),
      2_000,
    );
    await ok(c.chair, { type: "interjection.setOutcome", interjectionId, outcome: "study" });
    await eventually(async () => expect((await item(first)).liveResponses.map((r) => r.outcome)).toEqual(["study"]), 2_000);

    // A second suggestion; the first is assigned, then both are edited and withdrawn in the record.
    await ok(c.clerk, {
      type: "record.captureSuggestion",
      entry: { kind: "speech", id: speechId },
      suggestion: { title: "设立加装电梯专项资金", text: "", topic: "", department: "" },
    });
    const second = (await live()).notes.suggestions[1]!.suggestionId;
    const secondItem = await eventually(() => item(second), 2_000);
    expect(secondItem.number).toBe(created.number + 1);
    const department = await createDepartment(t.server, "区住建委");
    const assigned = await org.post(`/api/ledger/items/${created.id}/actions`, {
      baseVersion: (await item(first)).version,
      action: { type: "assign", lead: department.id, partners: [], deadline: chinaDay(clock, 14), instructions: "" },
    });
    expect(assigned.status).toBe(200);
    await ok(c.clerk, {
      type: "record.editSuggestion",
      suggestionId: first,
      baseVersion: 2,
      suggestion: { title: "交办后的改动", text: "", topic: "", department: "" },
    });
    await ok(c.chair, { type: "interjection.setOutcome", interjectionId, outcome: "explain" });
    await eventually(async () => expect((await item(first)).liveResponses.map((r) => r.outcome)).toEqual(["explain"]), 2_000);
    expect((await item(first)).title).toBe("简化加装电梯审批流程");
    await ok(c.clerk, { type: "record.withdrawSuggestion", suggestionId: second });
    await ok(c.clerk, { type: "record.withdrawSuggestion", suggestionId: first });
    await eventually(async () => expect((await item(second)).state).toBe("closed"), 2_000);
    await server.recordSync.idle();
    expect((await item(first)).state).toBe("assigned");
    const { steps } = (await org.get(`/api/ledger/items/${secondItem.id}`)).body;
    expect(steps.map((s: Json) => [s.action.type, s.byRole, s.from, s.to])).toEqual([["withdraw", "system", "new", "closed"]]);
    expect((await item(second)).closedAt).toBe(new Date(clock).toISOString());

    // The member sees both of their suggestions, without contacts.
    const mine = await new ApiClient(t.url).get(`${base}/my-suggestions`, { headers: { Authorization: `Bearer ${m.tokens.member1}` } });
    expect(mine.body.items.map((i: Json) => i.suggestionId).sort()).toEqual([first, second].sort());

    // Captured while the sync is not running (a crash right after the commit): the next start catches up.
    await server.recordSync.close();
    await ok(c.clerk, {
      type: "record.captureSuggestion",
      entry: { kind: "speech", id: speechId },
      suggestion: { title: "加强电梯维保监管", text: "", topic: "", department: "" },
    });
    const third = (await live()).notes.suggestions.find((s) => s.title === "加强电梯维保监管")!.suggestionId;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await items()).some((i) => i.suggestionId === third)).toBe(false);
    for (const client of all) client.close();
    await t.close();
    const again = await h.startServer({ dataDir: t.dataDir, now: () => clock });
    await eventually(async () => expect(await again.server.db.ledgerItem.count({ where: { meetingId: m.meetingId, suggestionId: third } })).toBe(1), 5_000);
    await again.server.recordSync.idle();
    // Idempotent: nothing else was created or changed by the catch-up.
    const rows = await again.server.db.ledgerItem.findMany({ where: { meetingId: m.meetingId }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.suggestionId, r.state])).toEqual([
      [first, "assigned"],
      [second, "closed"],
      [third, "new"],
    ]);
    expect(await again.server.recordSync.catchUp()).toEqual([]);
  });
});

describe("decisions (议定事项) of the record in the ledger", () => {
  it("enter with their agenda item, responsible unit and deadline; are flagged and reminded; follow edits while new; close on withdrawal", async () => {
    // 2026-12-10 21:00 in China (the clock moves on by hours only: staff sessions last 12 hours).
    let clock = Date.parse("2026-12-10T13:00:00Z");
    const t = await h.startServer({ now: () => clock });
    const server = t.server;
    const { client: org } = await staffClient(server, t.url, "secretariat", "organiser");
    const m = await h.createMeeting(server, "区政协双周协商座谈会");
    const agendaItem = await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "老旧小区改造", plannedMinutes: 60 });
    const housing = await createDepartment(server, "区住建委");
    await openMeeting(server, m);
    const clerk = await h.connect(t.url, m.tokens.clerk);
    const chair = await h.connect(t.url, m.tokens.chair);
    const all = [clerk, chair];
    const ok = async (command: unknown, by: TestClient = clerk) => {
      expect(await send(by, command), JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, server);
    };
    const decisionIds = async () => (await server.rooms.get(m.meetingId)).current.notes.decisions.map((d) => d.decisionId);
    const item = async (decisionId: string): Promise<LedgerItemJson> => {
      const found = ((await org.get(`/api/ledger/items?meetingId=${m.meetingId}`)).body.items as LedgerItemJson[]).find((i) => i.decisionId === decisionId);
      if (!found) throw new Error(`no item for ${decisionId}`);
      return found;
    };

    await ok({ type: "agenda.goto", itemId: agendaItem.body.item.id }, chair);
    const started = Date.now();
    await ok({ type: "record.addDecision", decision: { text: "由区住建委牵头制定加装电梯并联审批办法。", unit: "区住建委", deadline: "2026-12-12" } });
    const [first] = await decisionIds();
    const created = await eventually(() => item(first!), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(created).toMatchObject({
      source: "meeting",
      origin: "decision",
      meetingTitle: "区政协双周协商座谈会",
      agendaItemTitle: "老旧小区改造",
      decisionId: first,
      suggestionId: null,
      entryKey: null,
      raisedByName: "",
      sector: null,
      raisedOn: "2026-12-10",
      title: "由区住建委牵头制定加装电梯并联审批办法。",
      text: "由区住建委牵头制定加装电梯并联审批办法。",
      suggestedDepartment: "区住建委",
      deadline: "2026-12-12",
      state: "new",
      lead: null,
      // two days left: 临期 while not yet handed over
      flag: "dueSoon",
    });
    // A decision without deadline, and one for a unit that is no department.
    await ok({ type: "record.addDecision", decision: { text: "下次会议通报落实情况", unit: "", deadline: "" } });
    await ok({ type: "record.addDecision", decision: { text: "请物业公司一个月内完成外墙修缮", unit: "某物业公司", deadline: "2027-01-10" } });
    const [, second, third] = await decisionIds();
    await eventually(() => item(third!), 2_000);
    expect(await item(second!)).toMatchObject({ deadline: null, flag: null, suggestedDepartment: "" });

    // The origin filter tells decisions from suggestions; the export says 议定事项.
    expect((await org.get("/api/ledger/items?origin=decision")).body.items).toHaveLength(3);
    expect((await org.get("/api/ledger/items?origin=suggestion")).body.items).toHaveLength(0);
    expect((await org.get("/api/ledger/items?origin=minutes")).status).toBe(400);
    const csv = (await org.get("/api/ledger/export.csv?origin=decision")).bytes.toString("utf8");
    expect(csv).toContain("区政协双周协商座谈会,议定事项,,,由区住建委牵头制定加装电梯并联审批办法。,,,2026-12-12,待交办");

    // Edited in the record while new: text, unit and deadline follow.
    await ok({
      type: "record.editDecision",
      decisionId: first,
      baseVersion: 1,
      decision: { text: "由区住建委牵头制定加装电梯并联审批办法，报区政府。", unit: "区住建委", deadline: "2026-12-10" },
    });
    await eventually(
      async () =>
        expect(await item(first!)).toMatchObject({ text: "由区住建委牵头制定加装电梯并联审批办法，报区政府。", deadline: "2026-12-10", flag: "dueSoon" }),
      2_000,
    );

    // After midnight in China (injected clock) the deadline has passed: 逾期, in the reminders under 未交办.
    clock += 4 * 3_600_000;
    expect((await item(first!)).flag).toBe("overdue");
    expect((await org.get("/api/ledger/items?flag=overdue")).body.items.map((i: Json) => i.decisionId)).toEqual([first]);
    const reminders = (await org.get("/api/ledger/reminders")).body.departments;
    expect(reminders.map((r: Json) => [r.department.id, r.department.name, r.overdue.map((i: Json) => i.decisionId)])).toEqual([["", "未交办", [first]]]);

    // 交办 to the unit: a new deadline (not in the past); now the department's reminders apply, and the record no longer changes it.
    const assigned = await org.post(`/api/ledger/items/${created.id}/actions`, {
      baseVersion: (await item(first!)).version,
      action: { type: "assign", lead: housing.id, partners: [], deadline: chinaDay(clock, 2), instructions: "" },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.item).toMatchObject({ state: "assigned", deadline: chinaDay(clock, 2), flag: "dueSoon" });
    const afterAssign = (await org.get("/api/ledger/reminders")).body.departments;
    expect(afterAssign.map((r: Json) => [r.department.name, r.dueSoon.map((i: Json) => i.decisionId)])).toEqual([["区住建委", [first]]]);
    await ok({ type: "record.editDecision", decisionId: first, baseVersion: 2, decision: { text: "交办后的改动", unit: "", deadline: "" } });
    await ok({ type: "record.withdrawDecision", decisionId: first });
    await ok({ type: "record.withdrawDecision", decisionId: second });
    await eventually(async () => expect((await item(second!)).state).toBe("closed"), 2_000);
    await server.recordSync.idle();
    expect(await item(first!)).toMatchObject({ state: "assigned", text: "由区住建委牵头制定加装电梯并联审批办法，报区政府。" });
    const { steps } = (await org.get(`/api/ledger/items/${(await item(second!)).id}`)).body;
    expect(steps.map((s: Json) => [s.action.type, s.byRole, s.from, s.to])).toEqual([["withdraw", "system", "new", "closed"]]);

    // Idempotent: a catch-up replays the log and changes nothing.
    await server.db.ledgerSyncState.deleteMany({});
    expect(await server.recordSync.catchUp()).toEqual([m.meetingId]);
    await server.recordSync.idle();
    const rows = await server.db.ledgerItem.findMany({ where: { meetingId: m.meetingId }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.decisionId, r.origin, r.state])).toEqual([
      [first, "decision", "assigned"],
      [second, "decision", "closed"],
      [third, "decision", "new"],
    ]);
    for (const client of all) client.close();
  });
});
