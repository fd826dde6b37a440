// The speaking plan end to end over real HTTP, a real SQLite file and real socket.io clients:
// the secretariat loads the plan before the meeting, a member registers a booked speech with
// their join token, the meeting opens and the booked speeches are in line in planned order;
// then live impromptu requests, a point of order, a written speech, extension and pause of a
// running speech (on the server's injectable clock), an in-room guest, and the caps per kind.
// Refusals: members cannot use the organiser routes, bad input changes nothing, and nobody
// registers after the meeting has opened.
import { afterEach, describe, expect, it } from "vitest";
import { Harness, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { ApiClient, linkAccount, staffClient, type ApiResponse } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

async function setup() {
  let clock = Date.parse("2026-12-03T06:30:00Z");
  const t = await h.startServer({ now: () => clock });
  const tick = (ms: number) => (clock += ms);
  const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const m = await h.createMeeting(t.server, "关于优化营商环境的专题协商会");
  const base = `/api/meetings/${m.meetingId}`;

  // Two more members and an official, added the way the secretariat does it.
  const person = async (name: string, role: "member" | "official", extra: Record<string, unknown> = {}) => {
    const res = await org.post(`${base}/participants`, { name, role, ...extra });
    expect(res.status).toBe(201);
    const id: string = res.body.participant.id;
    return { id, token: await t.server.tokens.issue({ participantId: id, meetingId: m.meetingId, role }) };
  };
  const zhang = await person("张建华", "member", { sector: "经济界", party: "民建" });
  const zhao = await person("赵丽", "member", { sector: "教育界" });
  const wang = await person("王局长", "official", { unit: "区发展改革委 主任" });

  const item = async (title: string) => {
    const res = await org.post(`${base}/agenda`, { title, plannedMinutes: 60 });
    expect(res.status).toBe(201);
    return res.body.item.id as string;
  };
  const item1 = await item("委员发言");
  const item2 = await item("部门回应");
  return { ...t, tick, org, m, base, zhang, zhao, wang, item1, item2 };
}

/** The room's current state (the server's own view). */
const live = async (t: Awaited<ReturnType<typeof setup>>) => (await t.server.rooms.get(t.m.meetingId)).current;

const expectError = (res: ApiResponse, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message.zh).toEqual(expect.any(String));
  expect(res.body.error.message.en).toEqual(expect.any(String));
};

describe("the speaking plan", () => {
  it("runs a meeting from the booked plan: planned order, live requests, point of order, written speech, clock, guest, caps", async () => {
    const t = await setup();
    const { org, base, m, zhang, zhao, wang, item1, item2 } = t;

    // The caps per kind and the ordering rules, in the meeting's settings.
    const patched = await org.patch(base, {
      speechCapSeconds: 240,
      bookedCapSeconds: 420,
      pointOfOrderCapSeconds: 90,
      orderPartyFirst: false,
      orderNotYetSpoken: "meeting",
    });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({
      speechCapSeconds: 240,
      bookedCapSeconds: 420,
      pointOfOrderCapSeconds: 90,
      orderBookedFirst: true,
      orderPartyFirst: false,
      orderSectorBalance: true,
      orderNotYetSpoken: "meeting",
    });

    // The secretariat books two speeches on item 1 (entered in the wrong order, then reordered)
    // and one written speech on item 2.
    const book = async (body: Record<string, unknown>) => {
      const res = await org.post(`${base}/plan`, body);
      expect(res.status).toBe(201);
      return res.body.speech;
    };
    const second = await book({
      participantId: m.people.member2.id,
      kind: "booked",
      agendaItemId: item1,
      title: "关于社区养老服务的建议",
      text: "各位委员：……",
    });
    const first = await book({
      participantId: m.people.member1.id,
      kind: "booked",
      agendaItemId: item1,
      title: "关于民营企业融资难的建议",
      text: "主席、各位委员：……",
    });
    const written = await book({ participantId: wang.id, kind: "written", agendaItemId: item2, title: "关于营商环境评价的说明", text: "书面发言全文……" });
    expect(first).toMatchObject({ participantName: "李帅国", kind: "booked", agendaItemId: item1, selfRegistered: false });
    const order = await org.put(`${base}/plan/order`, { bookingIds: [first.id, second.id, written.id] });
    expect(order.status).toBe(200);
    expect(order.body.plan.map((s: { id: string }) => s.id)).toEqual([first.id, second.id, written.id]);

    // A member registers one more booked speech with its text through their own link.
    const own = await new ApiClient(t.url).post(
      `${base}/my-speeches`,
      { kind: "booked", agendaItemId: item1, title: "关于小微企业减税的建议", text: "我的发言稿……" },
      bearer(zhang.token),
    );
    expect(own.status).toBe(201);
    expect(own.body.speech).toMatchObject({ participantId: zhang.id, kind: "booked", selfRegistered: true, text: "我的发言稿……" });
    const mine = await new ApiClient(t.url).get(`${base}/my-speeches`, bearer(zhang.token));
    expect(mine.body.plan.map((s: { id: string }) => s.id)).toEqual([own.body.speech.id]);

    // The organisers' list is in planned order: item 1's speeches, then item 2's.
    const listed = await org.get(`${base}/plan`);
    expect(listed.body.plan.map((s: { id: string }) => s.id)).toEqual([first.id, second.id, own.body.speech.id, written.id]);

    // Everything reached the live meeting before it opens.
    const chair = await h.connect(t.url, m.tokens.chair);
    const clerk = await h.connect(t.url, m.tokens.clerk);
    const member1 = await h.connect(t.url, m.tokens.member1);
    const member2 = await h.connect(t.url, m.tokens.member2);
    const official = await h.connect(t.url, wang.token);
    const member4 = await h.connect(t.url, zhao.token);
    const clients: TestClient[] = [chair, clerk, member1, member2, official, member4];
    await settle(clients, t.server);
    expect(chair.state.speechCaps).toEqual({ booked: 420_000, impromptu: 240_000, pointOfOrder: 90_000 });
    expect(chair.state.ordering).toEqual({ bookedFirst: true, partyFirst: false, sectorBalance: true, notYetSpoken: "meeting", sectorFirst: false });
    expect(chair.state.plan).toEqual([
      {
        bookingId: first.id,
        participantId: m.people.member1.id,
        kind: "booked",
        agendaItemId: item1,
        title: "关于民营企业融资难的建议",
        text: "主席、各位委员：……",
      },
      { bookingId: second.id, participantId: m.people.member2.id, kind: "booked", agendaItemId: item1, title: "关于社区养老服务的建议", text: "各位委员：……" },
      { bookingId: own.body.speech.id, participantId: zhang.id, kind: "booked", agendaItemId: item1, title: "关于小微企业减税的建议", text: "我的发言稿……" },
      { bookingId: written.id, participantId: wang.id, kind: "written", agendaItemId: item2, title: "关于营商环境评价的说明", text: "书面发言全文……" },
    ]);

    // The meeting opens on item 1: its booked speeches are in line in planned order; the written one never queues.
    t.tick(1000);
    expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    const seq = await settle(clients, t.server);
    expect(chair.state.currentItemId).toBe(item1);
    expect(chair.state.queue.map((q) => [q.participantId, q.kind, q.bookingId])).toEqual([
      [m.people.member1.id, "booked", first.id],
      [m.people.member2.id, "booked", second.id],
      [zhang.id, "booked", own.body.speech.id],
    ]);

    // No more registration once the meeting is open (written speeches go through speech.submitWritten).
    const before = await t.server.db.plannedSpeech.count();
    const late = await new ApiClient(t.url).post(
      `${base}/my-speeches`,
      { kind: "booked", agendaItemId: item1, title: "迟到的预约", text: "……" },
      bearer(zhao.token),
    );
    expectError(late, 409, "MEETING_ALREADY_OPEN");
    const lateWritten = await new ApiClient(t.url).post(`${base}/my-speeches`, { kind: "written", title: "书面", text: "……" }, bearer(zhao.token));
    expectError(lateWritten, 409, "MEETING_ALREADY_OPEN");
    expectError(await new ApiClient(t.url).delete(`${base}/my-speeches/${own.body.speech.id}`, bearer(zhang.token)), 409, "MEETING_ALREADY_OPEN");
    expect(await t.server.db.plannedSpeech.count()).toBe(before);
    expect((await live(t)).seq).toBe(seq);

    // A live impromptu request joins at the end; a point of order goes to the top, marked as such.
    t.tick(1000);
    expect(await send(official, { type: "queue.request" })).toMatchObject({ ok: true });
    t.tick(1000);
    expect(await send(member4, { type: "queue.request", kind: "pointOfOrder" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(chair.state.queue.map((q) => [q.participantId, q.kind])).toEqual([
      [zhao.id, "pointOfOrder"],
      [m.people.member1.id, "booked"],
      [m.people.member2.id, "booked"],
      [zhang.id, "booked"],
      [wang.id, "impromptu"],
    ]);

    // The point of order is heard first, with its own cap.
    t.tick(1000);
    expect(await send(chair, { type: "floor.give", participantId: zhao.id })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(chair.state.floor).toMatchObject({ participantId: zhao.id, kind: "pointOfOrder", capMs: 90_000 });
    t.tick(20_000);
    expect(await send(chair, { type: "floor.end" })).toMatchObject({ ok: true });

    // The first booked speech starts with the booked cap; the chair extends, pauses and resumes it.
    t.tick(1000);
    expect(await send(chair, { type: "floor.give", participantId: m.people.member1.id })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(member2.state.floor).toMatchObject({ participantId: m.people.member1.id, kind: "booked", bookingId: first.id, capMs: 420_000, extendedMs: 0 });
    t.tick(30_000);
    expect(await send(chair, { type: "floor.extend", seconds: 120 })).toMatchObject({ ok: true });
    expect(await send(chair, { type: "floor.pause" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    for (const c of clients) expect(c.state.floor).toMatchObject({ extendedMs: 120_000, pausedAt: expect.any(Number) });
    expect((await send(chair, { type: "floor.pause" })) as unknown).toMatchObject({ ok: false, error: { code: "SPEECH_PAUSED" } });
    t.tick(100_000); // paused: does not count
    expect(await send(chair, { type: "floor.resume" })).toMatchObject({ ok: true });
    t.tick(20_000);
    expect(await send(chair, { type: "floor.end" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    const delivered = chair.state.speeches.find((s) => s.bookingId === first.id)!;
    expect(delivered).toMatchObject({ kind: "booked", capMs: 420_000, extendedMs: 120_000, pausedMs: 100_000, durationMs: 50_000, overrunMs: 0 });

    // A written speech handed in during the meeting shows in the record of the current item.
    t.tick(1000);
    expect(await send(member2, { type: "speech.submitWritten", text: "补充书面意见：建议设立小微企业服务专窗。" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(member1.state.written).toEqual([
      expect.objectContaining({
        participantId: m.people.member2.id,
        text: "补充书面意见：建议设立小微企业服务专窗。",
        agendaItemId: item1,
        submittedBy: m.people.member2.id,
      }),
    ]);

    // The clerk puts an in-room guest without a device in line; the chair gives them the floor (impromptu cap).
    t.tick(1000);
    expect(await send(clerk, { type: "queue.add", guestName: "陈师傅（群众代表）" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    const guest = chair.state.queue.find((q) => q.guestName === "陈师傅（群众代表）")!;
    expect(guest).toMatchObject({ kind: "impromptu", bookingId: null });
    expect(guest.participantId).toMatch(/^guest-/);
    t.tick(1000);
    expect(await send(chair, { type: "floor.give", participantId: guest.participantId, reason: "群众代表时间有限" })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    for (const c of clients)
      expect(c.state.floor).toMatchObject({ participantId: guest.participantId, guestName: "陈师傅（群众代表）", kind: "impromptu", capMs: 240_000 });
    t.tick(60_000);
    expect(await send(chair, { type: "floor.end" })).toMatchObject({ ok: true });

    // The official's impromptu speech uses the impromptu cap; the next booked one the booked cap.
    t.tick(1000);
    expect(await send(chair, { type: "floor.give", participantId: wang.id })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(chair.state.floor).toMatchObject({ kind: "impromptu", capMs: 240_000 });
    t.tick(1000);
    expect(await send(chair, { type: "floor.give", participantId: m.people.member2.id })).toMatchObject({ ok: true });
    await settle(clients, t.server);
    expect(chair.state.floor).toMatchObject({ kind: "booked", bookingId: second.id, capMs: 420_000 });
    expect(chair.state.speeches.map((s) => s.kind)).toEqual(["pointOfOrder", "booked", "impromptu", "impromptu"]);
    for (const c of clients) expect(c.problems).toEqual([]);
  });

  it("refuses members on the organiser routes, bad input with VALIDATION (nothing changed), and others' entries", async () => {
    const t = await setup();
    const { org, base, m, zhang, wang, item1 } = t;
    const ok = await org.post(`${base}/plan`, { participantId: m.people.member1.id, kind: "booked", agendaItemId: item1, title: "关于民营企业融资难的建议" });
    expect(ok.status).toBe(201);
    const booking = ok.body.speech.id as string;
    const snapshot = async () => ({ rows: await t.server.db.plannedSpeech.findMany({ orderBy: { id: "asc" } }), seq: (await live(t)).seq });
    const start = await snapshot();

    // A member's join token does not open the organiser routes; neither does a chair's staff session.
    const member = new ApiClient(t.url);
    const body = { participantId: m.people.member1.id, kind: "booked", title: "x" };
    expectError(await member.post(`${base}/plan`, body, bearer(m.tokens.member1)), 401, "UNAUTHENTICATED");
    expectError(await member.patch(`${base}/plan/${booking}`, { title: "改" }, bearer(m.tokens.member1)), 401, "UNAUTHENTICATED");
    expectError(await member.put(`${base}/plan/order`, { bookingIds: [booking] }, bearer(m.tokens.member1)), 401, "UNAUTHENTICATED");
    expectError(await member.delete(`${base}/plan/${booking}`, bearer(m.tokens.member1)), 401, "UNAUTHENTICATED");
    const { client: chairStaff, account } = await staffClient(t.server, t.url, "chair1", "chair");
    await linkAccount(t.server, m.people.chair.id, account.id);
    expect((await chairStaff.get(`${base}/plan`)).status).toBe(200);
    expectError(await chairStaff.post(`${base}/plan`, body), 403, "FORBIDDEN");
    expectError(await chairStaff.delete(`${base}/plan/${booking}`), 403, "FORBIDDEN");
    // No CSRF header, no change.
    expectError(await org.post(`${base}/plan`, body, { csrf: false }), 403, "CSRF_CHECK_FAILED");

    // Bad input.
    const bad: Record<string, unknown>[] = [
      {},
      { participantId: m.people.member1.id, kind: "booked" },
      { participantId: m.people.member1.id, kind: "spoken", title: "x" },
      { participantId: m.people.member1.id, kind: "booked", title: "" },
      { participantId: m.people.member1.id, kind: "booked", title: "x".repeat(201) },
      { participantId: m.people.member1.id, kind: "booked", title: "x", text: "字".repeat(20_001) },
      { participantId: m.people.member1.id, kind: "written", title: "x" },
      { participantId: m.people.member1.id, kind: "written", title: "x", text: "   " },
      { participantId: m.people.member1.id, kind: "booked", title: "x", extra: 1 },
      { participantId: "nobody", kind: "booked", title: "x" },
      { participantId: m.people.observer.id, kind: "booked", title: "x" },
      { participantId: m.people.clerk.id, kind: "booked", title: "x" },
      { participantId: m.people.member1.id, kind: "booked", title: "x", agendaItemId: "no-such-item" },
    ];
    for (const input of bad) {
      const res = await org.post(`${base}/plan`, input);
      expectError(res, 400, "VALIDATION");
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    expectError(await org.patch(`${base}/plan/${booking}`, { kind: "written" }), 400, "VALIDATION");
    expectError(await org.patch(`${base}/plan/${booking}`, { participantId: m.people.observer.id }), 400, "VALIDATION");
    expectError(await org.patch(`${base}/plan/${booking}`, { title: "   " }), 400, "VALIDATION");
    expectError(await org.patch(`${base}/plan/nope`, { title: "x" }), 404, "NOT_FOUND");
    expectError(await org.delete(`${base}/plan/nope`), 404, "NOT_FOUND");
    expectError(await org.put(`${base}/plan/order`, { bookingIds: [] }), 400, "VALIDATION");
    expectError(await org.put(`${base}/plan/order`, { bookingIds: [booking, booking] }), 400, "VALIDATION");
    expectError(await org.put(`${base}/plan/order`, { bookingIds: [booking, "other"] }), 400, "VALIDATION");
    expectError(await org.post(`/api/meetings/nope/plan`, body), 404, "NOT_FOUND");
    // The participant routes: an observer cannot register; bad bodies; another meeting's token.
    expectError(await member.post(`${base}/my-speeches`, { kind: "booked", title: "x" }, bearer(m.tokens.observer)), 403, "FORBIDDEN");
    expectError(await member.post(`${base}/my-speeches`, { kind: "booked", title: "x" }), 401, "TOKEN_MISSING");
    expectError(await member.post(`${base}/my-speeches`, { kind: "written", title: "x" }, bearer(zhang.token)), 400, "VALIDATION");
    expectError(await member.post(`${base}/my-speeches`, { kind: "booked", title: "x", participantId: wang.id }, bearer(zhang.token)), 400, "VALIDATION");
    expectError(await member.post(`${base}/my-speeches`, { kind: "booked", title: "x", agendaItemId: "nope" }, bearer(zhang.token)), 400, "VALIDATION");
    const other = await h.createMeeting(t.server, "另一个会议");
    expectError(await member.post(`${base}/my-speeches`, { kind: "booked", title: "x" }, bearer(other.tokens.member1)), 403, "FORBIDDEN");
    // Withdrawing: not someone else's entry, not one the secretariat arranged.
    expectError(await member.delete(`${base}/my-speeches/${booking}`, bearer(zhang.token)), 404, "NOT_FOUND");
    expectError(await member.delete(`${base}/my-speeches/${booking}`, bearer(m.tokens.member1)), 403, "FORBIDDEN");

    expect(await snapshot()).toEqual(start);

    // A member withdraws their own registration before the meeting; the live plan follows.
    const own = await member.post(`${base}/my-speeches`, { kind: "written", title: "书面发言", text: "全文" }, bearer(zhang.token));
    expect(own.status).toBe(201);
    // Entries without an agenda item come first in the live plan (they join when the meeting opens).
    expect((await live(t)).plan.map((p) => p.bookingId)).toEqual([own.body.speech.id, booking]);
    expect((await member.delete(`${base}/my-speeches/${own.body.speech.id}`, bearer(zhang.token))).status).toBe(200);
    expect((await live(t)).plan.map((p) => p.bookingId)).toEqual([booking]);

    // Organiser edits and deletion reach the live plan; deleting an agenda item keeps its speeches without an item.
    const edited = await org.patch(`${base}/plan/${booking}`, { kind: "written", text: "改为书面发言" });
    expect(edited.body.speech).toMatchObject({ kind: "written", text: "改为书面发言" });
    expect((await live(t)).plan).toEqual([expect.objectContaining({ bookingId: booking, kind: "written", text: "改为书面发言" })]);
    expect((await org.delete(`${base}/agenda/${item1}`)).status).toBe(200);
    expect((await org.get(`${base}/plan`)).body.plan).toEqual([expect.objectContaining({ id: booking, agendaItemId: null })]);
    expect((await live(t)).plan).toEqual([expect.objectContaining({ bookingId: booking, agendaItemId: null })]);
    expect((await org.delete(`${base}/plan/${booking}`)).status).toBe(200);
    expect((await live(t)).plan).toEqual([]);
    expect((await org.get(`${base}/plan`)).body.plan).toEqual([]);
  });

  it("names the speakers of two same-name entries apart (同名区分), as the live screens do", async () => {
    const t = await setup();
    const { org, base, item1 } = t;
    const zhang = await org.post(`${base}/participants`, { name: "张建华", role: "member", sector: "教育界" });
    await org.post(`${base}/plan`, { participantId: t.zhang.id, kind: "booked", agendaItemId: item1, title: "甲", text: "" });
    await org.post(`${base}/plan`, { participantId: zhang.body.participant.id, kind: "booked", agendaItemId: item1, title: "乙", text: "" });
    const plan = (await org.get(`${base}/plan`)).body.plan as { participantName: string }[];
    expect(plan.map((s) => s.participantName)).toEqual(["张建华（经济界）", "张建华（教育界）"]);
  });

  it("new meetings get the customary caps and ordering rules; the meeting's PATCH validates them", async () => {
    const t = await setup();
    const created = await t.org.post("/api/meetings", { title: "新会议" });
    expect(created.body.meeting).toMatchObject({
      speechCapSeconds: 300,
      bookedCapSeconds: 480,
      pointOfOrderCapSeconds: 120,
      orderBookedFirst: true,
      orderPartyFirst: true,
      orderSectorBalance: true,
      orderNotYetSpoken: "item",
    });
    for (const bad of [{ bookedCapSeconds: 29 }, { pointOfOrderCapSeconds: 3601 }, { orderBookedFirst: "yes" }, { orderNotYetSpoken: "always" }]) {
      expectError(await t.org.patch(`/api/meetings/${created.body.meeting.id}`, bad), 400, "VALIDATION");
    }
    expect((await t.org.get(`/api/meetings/${created.body.meeting.id}`)).body.meeting).toEqual(created.body.meeting);
  });
});
