// The organisers' settings reach the live meeting: on first use of a room and after every change
// (`rooms.syncConfig`), the server feeds the roster, agenda, quorum rule and default speech cap
// from the database into the meeting's log — only what differs. Real server, file and sockets.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attendanceSummary } from "../../../core/attendance/summary.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import { collectEvents, Harness, persisted, send, settle, sleep, type TestClient, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

let nextItem = 0;
async function addItem(srv: TestServer, meetingId: string, title: string, plannedMinutes = 30, presenter: string | null = null): Promise<string> {
  const id = `item-${++nextItem}`;
  const position = await srv.server.db.agendaItem.count({ where: { meetingId } });
  await srv.server.db.agendaItem.create({ data: { id, meetingId, position, title, presenter, plannedMinutes } });
  return id;
}

describe("the first use of a room", () => {
  it("starts the log with the organisers' roster, agenda, quorum rule and speech cap, by the server", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server);
    await srv.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { quorumRule: "twoThirds", speechCapSeconds: 120 } });
    const first = await addItem(srv, meeting.meetingId, "关于老旧小区加装电梯的协商", 45, "区住建局");
    const second = await addItem(srv, meeting.meetingId, "自由发言", 20);

    const chair = await h.connect(srv.url, meeting.tokens.chair);
    const { events } = await persisted(srv.server, meeting.meetingId);
    expect(events.slice(0, 4).map((e) => [e.seq, e.actorId, e.event])).toEqual([
      [1, "system", { type: "roster.set", roster: Object.values(meeting.people) }],
      [
        2,
        "system",
        {
          type: "agenda.set",
          items: [
            { id: first, title: "关于老旧小区加装电梯的协商", presenter: "区住建局", plannedMs: 45 * 60_000 },
            { id: second, title: "自由发言", presenter: null, plannedMs: 20 * 60_000 },
          ],
        },
      ],
      [3, "system", { type: "attendance.ruleSet", quorumRule: "twoThirds" }],
      [4, "system", { type: "floor.capSet", capMs: 120_000, kind: "impromptu" }],
    ]);
    expect(new Set(events.slice(0, 4).map((e) => e.at)).size).toBe(1); // one command, one transaction
    expect(chair.firstSync).toMatchObject({
      kind: "snapshot",
      state: { seq: 4, status: "scheduled", quorumRule: "twoThirds", speechCaps: { impromptu: 120_000 }, currentItemId: null },
    });
    expect(chair.state.agenda.map((i) => [i.id, i.actualMs, i.startedAt])).toEqual([
      [first, 0, null],
      [second, 0, null],
    ]);
    // 应到 2, two thirds: 2 needed.
    expect(attendanceSummary(chair.state)).toMatchObject({ expected: 2, needed: 2 });
  });

  it("a meeting with the default settings starts with the roster only; a restart adds nothing", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server);
    await srv.server.rooms.get(meeting.meetingId);
    expect((await persisted(srv.server, meeting.meetingId)).events.map((e) => e.event.type)).toEqual(["roster.set"]);
    await srv.close();
    const again = await h.startServer({ dataDir: srv.dataDir });
    await again.server.rooms.get(meeting.meetingId);
    await again.server.rooms.syncConfig(meeting.meetingId);
    expect((await persisted(again.server, meeting.meetingId)).events.map((e) => e.event.type)).toEqual(["roster.set"]);
  });

  it("refuses to open a room for a meeting that does not exist, and does not keep the failure", async () => {
    const srv = await h.startServer();
    await expect(srv.server.rooms.get("no-such-meeting")).rejects.toThrow(/not found/);
    await expect(srv.server.rooms.syncConfig("no-such-meeting")).rejects.toThrow(/not found/);
    expect(await srv.server.store.load("no-such-meeting")).toEqual([]);
    // Once the meeting exists, its room opens (the failed attempt was not cached).
    await srv.server.db.meeting.create({ data: { id: "no-such-meeting", title: "后来创建的会议" } });
    const room = await srv.server.rooms.get("no-such-meeting");
    expect(room.current).toMatchObject({ seq: 0, roster: [], status: "scheduled" }); // an empty roster is no change
  });
});

describe("syncing changes into a live meeting", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let clients: TestClient[];
  let chair: TestClient;

  beforeEach(async () => {
    srv = await h.startServer({ presenceGraceSeconds: 0.3 });
    meeting = await h.createMeeting(srv.server);
    const display = await h.connect(srv.url, await h.displayToken(srv.server, meeting.meetingId));
    chair = await h.connect(srv.url, meeting.tokens.chair);
    clients = [chair, await h.connect(srv.url, meeting.tokens.member1), display];
    await settle(clients, srv.server);
  });

  /**
   * Runs `change` (database edits), syncs, and checks that every connected client got exactly one
   * broadcast with exactly the expected events — the ones now at the end of the log.
   */
  async function expectSync(change: () => Promise<unknown>, expected: StoredEvent["event"][]): Promise<StoredEvent[]> {
    const seq = await settle(clients, srv.server);
    const collectors = clients.map((c) => collectEvents(c));
    await change();
    await srv.server.rooms.syncConfig(meeting.meetingId);
    const { events, state } = await persisted(srv.server, meeting.meetingId);
    expect(events.slice(seq).map((e) => e.event)).toEqual(expected);
    await Promise.all(clients.map((c) => c.waitForSeq(seq + expected.length)));
    await sleep(100); // anything else would arrive now
    for (const [i, c] of clients.entries()) {
      expect(collectors[i]!.batches).toEqual(expected.length ? [events.slice(seq)] : []);
      expect(c.state).toEqual(state);
      expect(c.problems).toEqual([]);
      collectors[i]!.stop();
    }
    expect(events.slice(seq).every((e) => e.actorId === "system")).toBe(true);
    return events.slice(seq);
  }

  it("broadcasts exactly what differs: an agenda item, the quorum rule, a new participant", async () => {
    const item = "item-budget";
    await expectSync(
      () =>
        srv.server.db.agendaItem.create({
          data: { id: item, meetingId: meeting.meetingId, position: 0, title: "预算草案审议", presenter: "区财政局", plannedMinutes: 60 },
        }),
      [{ type: "agenda.set", items: [{ id: item, title: "预算草案审议", presenter: "区财政局", plannedMs: 3_600_000 }] }],
    );
    expect(chair.state.agenda).toEqual([{ id: item, title: "预算草案审议", presenter: "区财政局", plannedMs: 3_600_000, actualMs: 0, startedAt: null }]);

    await expectSync(
      () => srv.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { quorumRule: "none" } }),
      [{ type: "attendance.ruleSet", quorumRule: "none" }],
    );
    expect(attendanceSummary(chair.state)).toMatchObject({ needed: null, quorate: null });

    const newcomer = { id: "p-new-member", name: "黄兰洋", role: "member", unit: "区工商联", ordinal: 9 };
    const [rosterSet] = await expectSync(
      () => srv.server.db.participant.create({ data: { ...newcomer, meetingId: meeting.meetingId } }),
      [
        {
          type: "roster.set",
          roster: [
            ...Object.values(meeting.people),
            { id: newcomer.id, name: newcomer.name, role: "member", sector: null, party: null, unit: "区工商联", side: null, chief: false, household: null },
          ],
        },
      ],
    );
    expect(rosterSet!.event.type).toBe("roster.set");
    expect(attendanceSummary(chair.state)).toMatchObject({ expected: 3 });
    // The new participant's link works, and they are counted when they arrive.
    const token = await srv.server.tokens.issue({ participantId: newcomer.id, meetingId: meeting.meetingId, role: "member" });
    const joined = await h.connect(srv.url, token);
    expect(joined.welcome.me.unit).toBe("区工商联");
    await settle([...clients, joined], srv.server);
    expect(attendanceSummary(chair.state)).toMatchObject({ expected: 3, present: 2 });

    // Several changes at once: one broadcast, in the order roster, agenda, rule, cap.
    await expectSync(async () => {
      await srv.server.db.participant.update({ where: { id: newcomer.id }, data: { name: "黄兰洋（代）" } });
      await srv.server.db.agendaItem.update({ where: { id: item }, data: { plannedMinutes: 50 } });
      await srv.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { quorumRule: "majority", speechCapSeconds: 240 } });
    }, [
      { type: "roster.set", roster: expect.arrayContaining([expect.objectContaining({ id: newcomer.id, name: "黄兰洋（代）" })]) },
      { type: "agenda.set", items: [{ id: item, title: "预算草案审议", presenter: "区财政局", plannedMs: 50 * 60_000 }] },
      { type: "attendance.ruleSet", quorumRule: "majority" },
      { type: "floor.capSet", capMs: 240_000, kind: "impromptu" },
    ]);
    expect(srv.logs).toEqual([]);
  });

  it("an unchanged sync logs and broadcasts nothing", async () => {
    await addItem(srv, meeting.meetingId, "议题一");
    await srv.server.rooms.syncConfig(meeting.meetingId);
    const before = await persisted(srv.server, meeting.meetingId);
    for (let i = 0; i < 3; i++) await expectSync(async () => undefined, []);
    // Many at once, too (each reads the same settings).
    await expectSync(() => Promise.all(Array.from({ length: 5 }, () => srv.server.rooms.syncConfig(meeting.meetingId))), []);
    expect(await persisted(srv.server, meeting.meetingId)).toEqual(before);
    // Concurrent syncs after one change write it once.
    const id = await addItem(srv, meeting.meetingId, "议题二");
    await expectSync(
      () => Promise.all(Array.from({ length: 5 }, () => srv.server.rooms.syncConfig(meeting.meetingId))),
      [{ type: "agenda.set", items: [expect.objectContaining({ title: "议题一" }), expect.objectContaining({ id, title: "议题二" })] }],
    );
  });

  it("the meeting's speech cap applies only before the meeting opens; then the chair owns it", async () => {
    const cap = (seconds: number) => srv.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { speechCapSeconds: seconds } });
    await expectSync(() => cap(90), [{ type: "floor.capSet", capMs: 90_000, kind: "impromptu" }]);
    expect(chair.state.speechCaps.impromptu).toBe(90_000);

    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    await expectSync(() => cap(600), []);
    expect(chair.state.speechCaps.impromptu).toBe(90_000);
    // The chair changes it; a later sync leaves the chair's choice alone, and speeches use it.
    expect(await send(chair, { type: "floor.setCap", seconds: 150 })).toMatchObject({ ok: true });
    await expectSync(() => cap(60), []);
    const member = clients[1]!;
    expect(await send(member, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(await send(chair, { type: "floor.give" })).toMatchObject({ ok: true });
    await settle(clients, srv.server);
    expect(chair.state.floor).toMatchObject({ participantId: meeting.people.member1.id, capMs: 150_000 });
    // Other settings still follow the organisers while the meeting is open.
    await expectSync(async () => {
      await cap(45);
      await srv.server.db.meeting.update({ where: { id: meeting.meetingId }, data: { quorumRule: "twoThirds" } });
    }, [{ type: "attendance.ruleSet", quorumRule: "twoThirds" }]);
    // And after the meeting closed, the cap is not touched either.
    expect(await send(chair, { type: "meeting.close" })).toMatchObject({ ok: true });
    await expectSync(() => cap(1200), []);
    expect(chair.state.speechCaps.impromptu).toBe(150_000);
  });

  it("agenda edits during the meeting keep the current item and its running time", async () => {
    const a = await addItem(srv, meeting.meetingId, "议题一");
    const b = await addItem(srv, meeting.meetingId, "议题二");
    await srv.server.rooms.syncConfig(meeting.meetingId);
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    await settle(clients, srv.server);
    const started = chair.state.agenda.find((i) => i.id === a)!.startedAt;
    expect(chair.state.currentItemId).toBe(a);
    expect(started).not.toBeNull();

    // Renamed, reordered, with a new item in between.
    const c = await addItem(srv, meeting.meetingId, "议题三");
    await expectSync(async () => {
      await srv.server.db.agendaItem.update({ where: { id: a }, data: { title: "议题一（修订）", position: 2 } });
      await srv.server.db.agendaItem.update({ where: { id: b }, data: { position: 0 } });
      await srv.server.db.agendaItem.update({ where: { id: c }, data: { position: 1 } });
    }, [
      {
        type: "agenda.set",
        items: [expect.objectContaining({ id: b }), expect.objectContaining({ id: c }), expect.objectContaining({ id: a, title: "议题一（修订）" })],
      },
    ]);
    expect(chair.state.currentItemId).toBe(a);
    expect(chair.state.agenda.map((i) => [i.id, i.startedAt])).toEqual([
      [b, null],
      [c, null],
      [a, started],
    ]);
    // "Next" follows the new order: the current item is now the last one.
    expect(await send(chair, { type: "agenda.next" })).toMatchObject({ ok: false, error: { code: "NO_NEXT_ITEM" } });
  });

  it("someone removed from the roster while connected: the roster follows, and their departure is not an error", async () => {
    const m1 = clients[1]!;
    const m1Id = meeting.people.member1.id;
    expect(chair.state.attendance[m1Id]?.status).toBe("present");
    await expectSync(
      () => srv.server.db.participant.delete({ where: { id: m1Id } }),
      [{ type: "roster.set", roster: Object.values(meeting.people).filter((p) => p.id !== m1Id) }],
    );
    expect(attendanceSummary(chair.state)).toMatchObject({ expected: 1 });
    // Their link no longer works; their connection ending records nothing and logs no error.
    expect((await h.connectRefused(srv.url, { token: meeting.tokens.member1 })).code).toBe("NOT_FOUND");
    const seq = await settle([chair, clients[2]!], srv.server);
    m1.close();
    await sleep(1_000);
    expect((await persisted(srv.server, meeting.meetingId)).events).toHaveLength(seq);
    expect(srv.logs).toEqual([]);
  });
});
