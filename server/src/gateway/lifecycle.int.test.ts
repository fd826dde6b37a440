// The meeting's lifecycle over real sockets: the chair opens it (the first agenda item becomes
// current), moves through the agenda while people speak, and closes it (a running speech ends,
// the queue empties, speaking commands are refused from then on). Also the commands only the
// server itself may send. A controllable clock makes the agenda's times exact.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attendanceSummary } from "../../../core/attendance/summary.ts";
import { ERROR_MESSAGES, type ErrorCode } from "../../../core/errors.ts";
import type { Ack } from "../../../core/protocol.ts";
import {
  collectEvents,
  Harness,
  persisted,
  received,
  send,
  settle,
  sleep,
  type PersonKey,
  type TestClient,
  type TestMeeting,
  type TestServer,
} from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const refused = (code: ErrorCode): Ack => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] } });

describe("meeting lifecycle", () => {
  let clock: number;
  let srv: TestServer;
  let meeting: TestMeeting;
  let items: string[];
  let c: Record<PersonKey | "display", TestClient>;
  let all: TestClient[];

  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 26, 1, 30); // 09:30 in Beijing
    srv = await h.startServer({ now: () => clock, presenceGraceSeconds: 0.3 });
    meeting = await h.createMeeting(srv.server);
    items = ["item-elevators", "item-parking", "item-any-other"];
    for (const [position, id] of items.entries()) {
      await srv.server.db.agendaItem.create({ data: { id, meetingId: meeting.meetingId, position, title: `议题${position + 1}`, plannedMinutes: 20 } });
    }
    const keys: PersonKey[] = ["chair", "member1", "member2", "clerk", "observer"];
    const clients = await Promise.all([
      ...keys.map((k) => h.connect(srv.url, meeting.tokens[k])),
      h.connect(srv.url, await h.displayToken(srv.server, meeting.meetingId)),
    ]);
    c = Object.fromEntries([...keys, "display"].map((k, i) => [k, clients[i]!])) as typeof c;
    all = clients;
    await settle(all, srv.server);
  });

  /** Sends the commands in order, expecting each answer; the log and the state must not move. */
  async function expectAllRefused(cases: [PersonKey, unknown, Ack][]): Promise<void> {
    const seq = await settle(all, srv.server);
    const before = await persisted(srv.server, meeting.meetingId);
    const collectors = all.map((client) => collectEvents(client));
    for (const [who, command, answer] of cases) expect({ who, command, ack: await send(c[who], command) }).toEqual({ who, command, ack: answer });
    await sleep(100);
    expect(await persisted(srv.server, meeting.meetingId)).toEqual(before);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(seq);
    for (const collector of collectors) expect(collector.batches).toEqual([]);
  }

  /** Sends a command that must succeed; resolves with the batch everyone received for it. */
  async function step(who: PersonKey, command: unknown): Promise<{ seq: number; types: string[] }> {
    const ack = await send(c[who], command);
    expect({ command, ack }).toMatchObject({ ack: { ok: true } });
    const seq = (ack as { seq: number }).seq;
    await Promise.all(all.map((client) => client.waitForSeq(seq)));
    const batch = c.display.broadcasts.at(-1)!;
    expect(batch.at(-1)!.seq).toBe(seq);
    for (const client of all) expect(client.broadcasts.at(-1)).toEqual(batch);
    return { seq, types: batch.map((e) => e.event.type) };
  }

  it("before the chair opens it, nobody can queue, speak or move the agenda", async () => {
    const m1 = meeting.people.member1.id;
    expect(c.chair.state).toMatchObject({ status: "scheduled", currentItemId: null, openedAt: null });
    await expectAllRefused([
      ["member1", { type: "queue.request" }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "floor.give" }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "floor.give", participantId: m1 }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "queue.remove", participantId: m1 }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "queue.move", participantId: m1, toIndex: 0 }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "agenda.next" }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "agenda.goto", itemId: items[1] }, refused("MEETING_NOT_OPEN")],
      ["chair", { type: "meeting.close" }, refused("MEETING_NOT_OPEN")],
      ["member1", { type: "meeting.open" }, refused("FORBIDDEN")],
      ["clerk", { type: "meeting.open" }, refused("FORBIDDEN")],
    ]);
  });

  it("runs end to end: open, agenda, speeches on the current item, close", async () => {
    const [m1, m2] = [meeting.people.member1.id, meeting.people.member2.id];
    const t0 = clock;

    // 宣布开会: the meeting opens and the first agenda item becomes current, in one broadcast.
    const opened = await step("chair", { type: "meeting.open" });
    expect(opened.types).toEqual(["meeting.opened", "agenda.itemStarted"]);
    expect(c.display.broadcasts.at(-1)!.map((e) => e.event)).toEqual([
      { type: "meeting.opened", at: t0 },
      { type: "agenda.itemStarted", itemId: items[0], at: t0 },
    ]);
    expect(c.member2.state).toMatchObject({ status: "open", openedAt: t0, currentItemId: items[0] });
    expect(c.member2.state.agenda.map((i) => [i.id, i.startedAt, i.actualMs])).toEqual([
      [items[0], t0, 0],
      [items[1], null, 0],
      [items[2], null, 0],
    ]);

    // A speech on the first item.
    await step("member1", { type: "queue.request" });
    const first = await step("chair", { type: "floor.give" });
    expect(first.types).toEqual(["speech.started"]);
    expect(c.chair.state.floor).toMatchObject({ participantId: m1, agendaItemId: items[0], startedAt: t0 });

    // 下一议题 a minute later: the running speech keeps the item it started on.
    clock += 60_000;
    expect((await step("chair", { type: "agenda.next" })).types).toEqual(["agenda.itemStarted"]);
    expect(c.observer.state.currentItemId).toBe(items[1]);
    expect(c.observer.state.agenda.map((i) => [i.id, i.startedAt, i.actualMs])).toEqual([
      [items[0], null, 60_000],
      [items[1], t0 + 60_000, 0],
      [items[2], null, 0],
    ]);
    expect(c.chair.state.floor).toMatchObject({ participantId: m1, agendaItemId: items[0] });

    // The next speaker speaks on the second item.
    await step("member2", { type: "queue.request" });
    clock += 10_000;
    expect((await step("chair", { type: "floor.give" })).types).toEqual(["speech.ended", "speech.started"]);
    expect(c.chair.state.floor).toMatchObject({ participantId: m2, agendaItemId: items[1] });

    // Back to the first item (an item can be returned to); going where we are changes nothing.
    clock += 20_000;
    expect((await step("chair", { type: "agenda.goto", itemId: items[0] })).types).toEqual(["agenda.itemStarted"]);
    const here = (await srv.server.rooms.get(meeting.meetingId)).current.seq;
    expect(await send(c.chair, { type: "agenda.goto", itemId: items[0] })).toEqual({ ok: true, seq: here });
    expect(await send(c.chair, { type: "agenda.goto", itemId: "no-such-item" })).toEqual(refused("NOT_FOUND"));
    clock += 10_000;
    await step("chair", { type: "agenda.next" }); // the second item again
    clock += 5_000;
    await step("chair", { type: "agenda.next" }); // the third item
    expect(await send(c.chair, { type: "agenda.next" })).toEqual(refused("NO_NEXT_ITEM"));
    expect(c.clerk.state.agenda.map((i) => [i.id, i.startedAt, i.actualMs])).toEqual([
      [items[0], null, 70_000],
      [items[1], null, 35_000],
      [items[2], t0 + 105_000, 0],
    ]);

    // Someone waits while member2 still speaks; then 宣布散会.
    await step("member1", { type: "queue.request" });
    clock += 15_000;
    const closed = await step("chair", { type: "meeting.close" });
    expect(closed.types).toEqual(["speech.ended", "meeting.closed"]);
    expect(c.display.broadcasts.at(-1)!.map((e) => e.event)).toEqual([
      expect.objectContaining({ type: "speech.ended", participantId: m2, endedBy: meeting.people.chair.id, durationMs: 50_000, at: t0 + 120_000 }),
      { type: "meeting.closed", at: t0 + 120_000 },
    ]);
    const { state } = await persisted(srv.server, meeting.meetingId);
    expect(state).toMatchObject({ status: "closed", closedAt: t0 + 120_000, currentItemId: null, queue: [], floor: null });
    expect(state.agenda.map((i) => [i.id, i.startedAt, i.actualMs])).toEqual([
      [items[0], null, 70_000],
      [items[1], null, 35_000],
      [items[2], null, 15_000],
    ]);
    expect(state.speeches.map((s) => [s.participantId, s.agendaItemId, s.durationMs, s.endedBy])).toEqual([
      [m1, items[0], 70_000, meeting.people.chair.id],
      [m2, items[1], 50_000, meeting.people.chair.id],
    ]);
    for (const client of all) {
      expect(client.state).toEqual(state);
      expect(client.problems).toEqual([]);
    }

    // From now on the meeting is over: speaking and the agenda are refused.
    await expectAllRefused([
      ["member1", { type: "queue.request" }, refused("MEETING_CLOSED")],
      ["member2", { type: "queue.request" }, refused("MEETING_CLOSED")],
      ["member1", { type: "queue.withdraw" }, refused("NOT_IN_QUEUE")], // the queue was emptied
      ["member2", { type: "floor.end" }, refused("FORBIDDEN")], // no longer the speaker
      ["chair", { type: "floor.end" }, refused("NO_CURRENT_SPEECH")],
      ["chair", { type: "floor.give", participantId: m1 }, refused("MEETING_CLOSED")],
      ["chair", { type: "queue.remove", participantId: m1 }, refused("MEETING_CLOSED")],
      ["chair", { type: "agenda.next" }, refused("MEETING_CLOSED")],
      ["chair", { type: "agenda.goto", itemId: items[0] }, refused("MEETING_CLOSED")],
      ["chair", { type: "meeting.open" }, refused("MEETING_CLOSED")],
      ["chair", { type: "meeting.close" }, refused("MEETING_CLOSED")],
    ]);

    // A restart keeps it closed.
    await srv.close();
    const again = await h.startServer({ dataDir: srv.dataDir, now: () => clock });
    const member = await h.connect(again.url, meeting.tokens.member1);
    expect(member.firstSync.kind).toBe("compact");
    expect(member.state).toEqual(received(state, "attendee"));
    expect(await send(member, { type: "queue.request" })).toEqual(refused("MEETING_CLOSED"));
    expect(srv.logs).toEqual([]);
  });

  it("closing with nobody speaking is just meeting.closed; the queue still empties", async () => {
    await step("chair", { type: "meeting.open" });
    await step("member1", { type: "queue.request" });
    await step("member2", { type: "queue.request" });
    expect((await step("chair", { type: "meeting.close" })).types).toEqual(["meeting.closed"]);
    expect(c.member1.state).toMatchObject({ status: "closed", queue: [], floor: null, speeches: [] });
  });
});

describe("commands only the server may send", () => {
  let srv: TestServer;
  let meeting: TestMeeting;
  let chair: TestClient;
  let clerk: TestClient;
  let m1: TestClient;

  beforeEach(async () => {
    srv = await h.startServer({ presenceGraceSeconds: 0.3 });
    meeting = await h.createMeeting(srv.server, undefined, { open: true });
    [chair, clerk, m1] = await Promise.all([
      h.connect(srv.url, meeting.tokens.chair),
      h.connect(srv.url, meeting.tokens.clerk),
      h.connect(srv.url, meeting.tokens.member1),
    ]);
    await settle([chair, clerk, m1], srv.server);
  });

  it("refuses config.sync from any connection, the chair's included, with FORBIDDEN", async () => {
    const seq = await settle([chair, clerk, m1], srv.server);
    const before = await persisted(srv.server, meeting.meetingId);
    const takeover = {
      type: "config.sync",
      roster: [{ ...meeting.people.member1, role: "chair" }],
      agenda: [{ id: "x", title: "改写议程", presenter: null, plannedMs: 60_000 }],
      quorumRule: "none",
      speechCaps: { booked: 3_600_000, impromptu: 3_600_000, pointOfOrder: 3_600_000 },
      ordering: { bookedFirst: false, partyFirst: false, sectorBalance: false, notYetSpoken: "off" },
      plan: [],
    };
    for (const client of [chair, clerk, m1]) expect(await send(client, takeover)).toEqual(refused("FORBIDDEN"));
    await sleep(100);
    expect(await persisted(srv.server, meeting.meetingId)).toEqual(before);
    expect(chair.state.seq).toBe(seq);
    expect(chair.broadcasts.flat().filter((e) => e.seq > seq)).toEqual([]);
  });

  it("lets the clerk mark arrivals only as the clerk (via clerk), never as online or QR check-ins", async () => {
    const [m2, observer] = [meeting.people.member2.id, meeting.people.observer.id];
    const seq = await settle([chair, clerk, m1], srv.server);
    expect(await send(clerk, { type: "attendance.arrive", participantIds: [m2], via: "online" })).toEqual(refused("FORBIDDEN"));
    expect(await send(clerk, { type: "attendance.arrive", participantIds: [m2], via: "qr" })).toEqual(refused("FORBIDDEN"));
    expect(await send(chair, { type: "attendance.arrive", participantIds: [m2], via: "online" })).toEqual(refused("FORBIDDEN"));
    expect(await send(m1, { type: "attendance.arrive", participantIds: [m2], via: "clerk" })).toEqual(refused("FORBIDDEN"));
    expect((await persisted(srv.server, meeting.meetingId)).events).toHaveLength(seq);

    // Via clerk: accepted, recorded as the clerk's doing, seen by everyone.
    expect(await send(clerk, { type: "attendance.arrive", participantIds: [m2, observer], via: "clerk" })).toEqual({ ok: true, seq: seq + 1 });
    await Promise.all([chair, clerk, m1].map((client) => client.waitForSeq(seq + 1)));
    const arrival = chair.broadcasts.flat().at(-1)!;
    expect(arrival).toMatchObject({
      seq: seq + 1,
      actorId: meeting.people.clerk.id,
      event: { type: "attendance.arrived", participantIds: [m2, observer], via: "clerk" },
    });
    expect(m1.state.attendance[m2]).toEqual({ status: "present", via: "clerk", since: arrival.at });
    expect(attendanceSummary(m1.state)).toMatchObject({ expected: 2, present: 2, quorate: true });

    // No connection of theirs: presence does not take them away again.
    await sleep(1_000);
    expect((await srv.server.rooms.get(meeting.meetingId)).current.seq).toBe(seq + 1);

    // The clerk records a departure and an excused absence (请假), and the chair may too.
    expect(await send(clerk, { type: "attendance.leave", participantIds: [m2] })).toEqual({ ok: true, seq: seq + 2 });
    expect(await send(chair, { type: "attendance.excuse", participantId: m2, excused: true })).toEqual({ ok: true, seq: seq + 3 });
    await m1.waitForSeq(seq + 3);
    expect(m1.state.attendance[m2]).toMatchObject({ status: "excused", via: null });
    expect(attendanceSummary(m1.state)).toMatchObject({ present: 1, excused: 1, quorate: false });
    expect(srv.logs).toEqual([]);
  });
});
