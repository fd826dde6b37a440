// 插话回应 end to end: a real server (port 0) on a real SQLite file, real socket.io clients for
// the chair, the member who has the floor, two officials, the clerk and another member, and the
// server's injectable clock so every duration is exact. The official asks to interject into the
// running speech; the chair grants it (the speech's clock pauses, the official is heard instead
// of the member); the official ends it (the speech resumes) and marks the response 采纳. Then the
// refusals (a second interjection while one runs, interjections switched off for the item,
// members without the organisers' permission), the decline path, a restart of the server in the
// middle of an interjection (the replayed state is the same), and a point of order, which ends
// both the interjection and the speech.
import { afterEach, describe, expect, it } from "vitest";
import { audibleParticipants } from "../../../core/media/audible.ts";
import { spokenMs, type MeetingState } from "../../../core/state.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness, openMeeting, persisted, send, settle, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const refused = (code: string) => ({ ok: false, error: { code, message: { zh: expect.any(String), en: expect.any(String) } } });

async function setup() {
  let clock = Date.parse("2026-12-03T06:30:00Z");
  const t = await h.startServer({ now: () => clock });
  const tick = (ms: number) => (clock += ms);
  const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const m = await h.createMeeting(t.server, "关于优化营商环境的专题协商会");
  const base = `/api/meetings/${m.meetingId}`;
  const official = async (name: string, unit: string) => {
    const res = await org.post(`${base}/participants`, { name, role: "official", unit });
    expect(res.status).toBe(201);
    const id: string = res.body.participant.id;
    return { id, token: await t.server.tokens.issue({ participantId: id, meetingId: m.meetingId, role: "official" }) };
  };
  const wang = await official("王局长", "区发展改革委");
  const qian = await official("钱处长", "区市场监管局");
  const item = await org.post(`${base}/agenda`, { title: "委员发言", plannedMinutes: 60 });
  expect(item.status).toBe(201);
  await openMeeting(t.server, m);
  return { ...t, tick, now: () => clock, org, m, base, wang, qian, itemId: item.body.item.id as string };
}

describe("interjections (插话回应)", () => {
  it("request, grant (the speech pauses), end by the official (the speech resumes), outcome, refusals, decline, restart and point of order", async () => {
    const t = await setup();
    const { m, wang, qian, tick } = t;
    const member1Id = m.people.member1.id;
    const member2Id = m.people.member2.id;
    const connectAll = async (url: string) => {
      const [chair, member1, member2, clerk, official, official2] = await Promise.all(
        [m.tokens.chair, m.tokens.member1, m.tokens.member2, m.tokens.clerk, wang.token, qian.token].map((token) => h.connect(url, token)),
      );
      return { chair: chair!, member1: member1!, member2: member2!, clerk: clerk!, official: official!, official2: official2! };
    };
    let c = await connectAll(t.url);
    let all: TestClient[] = Object.values(c);
    let server = t.server;
    const live = async (): Promise<MeetingState> => (await server.rooms.get(m.meetingId)).current;
    const ok = async (client: TestClient, command: unknown) => {
      expect(await send(client, command), JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, server);
    };
    /** Every client's state agrees with the server's on `pick`. */
    const everyone = async <T>(pick: (s: MeetingState) => T): Promise<T> => {
      const expected = pick(await live());
      for (const client of all) expect(pick(client.state)).toEqual(expected);
      return expected;
    };
    await settle(all, server);

    // The member has the floor.
    await ok(c.chair, { type: "agenda.goto", itemId: t.itemId });
    await ok(c.member1, { type: "queue.request" });
    await ok(c.chair, { type: "floor.give", participantId: member1Id });
    const speechId = (await live()).floor!.speechId;
    tick(60_000);

    // The official asks, with the point answered; everyone (the chair's list included) sees it.
    const askedAt = t.now();
    await ok(c.official, { type: "interjection.request", point: "关于审批时限" });
    const requests = await everyone((s) => s.interjectionRequests);
    expect(requests).toEqual([{ requestId: expect.any(String), participantId: wang.id, speechId, point: "关于审批时限", at: askedAt }]);
    expect(await send(c.official, { type: "interjection.request" })).toEqual(refused("ALREADY_REQUESTED"));
    // Members may not interject unless the organisers allow it; only the chair grants.
    expect(await send(c.member2, { type: "interjection.request" })).toEqual(refused("FORBIDDEN"));
    expect(await send(c.clerk, { type: "interjection.grant", requestId: requests[0]!.requestId })).toEqual(refused("FORBIDDEN"));

    // The chair grants: the speech's clock pauses and the interjection runs on every client.
    tick(5_000);
    const grantedAt = t.now();
    await ok(c.chair, { type: "interjection.grant", requestId: requests[0]!.requestId });
    expect(await everyone((s) => s.floor?.pausedAt)).toBe(grantedAt);
    const running = await everyone((s) => s.interjection);
    expect(running).toEqual({
      interjectionId: expect.any(String),
      participantId: wang.id,
      speechId,
      point: "关于审批时限",
      startedAt: grantedAt,
      capMs: 120_000,
      resumesSpeech: true,
      outcome: null,
    });
    expect(await everyone((s) => s.interjectionRequests)).toEqual([]);
    let audible = audibleParticipants(await live());
    expect(audible.has(wang.id)).toBe(true);
    expect(audible.has(member1Id)).toBe(false);

    // A second request may be asked while one runs, but not granted; the chair's resume is refused too.
    await ok(c.official2, { type: "interjection.request", point: "补充说明" });
    const second = (await live()).interjectionRequests[0]!;
    expect(second).toMatchObject({ participantId: qian.id, speechId });
    expect(await send(c.chair, { type: "interjection.grant", requestId: second.requestId })).toEqual(refused("INTERJECTION_RUNNING"));
    expect(await send(c.chair, { type: "floor.resume" })).toEqual(refused("INTERJECTION_RUNNING"));
    expect(await send(c.official, { type: "interjection.request" })).toEqual(refused("HAS_FLOOR"));
    expect(await send(c.member1, { type: "interjection.end" })).toEqual(refused("FORBIDDEN"));

    // The official ends their own interjection after 1:30: the speech resumes where it paused.
    tick(90_000);
    const endedAt = t.now();
    await ok(c.official, { type: "interjection.end" });
    expect(await everyone((s) => s.interjection)).toBeNull();
    expect(await everyone((s) => s.interjections)).toEqual([{ ...running, endedAt, durationMs: 90_000, overrunMs: 0, endedBy: wang.id }]);
    expect(await everyone((s) => s.floor?.pausedAt)).toBeNull();
    expect(spokenMs((await live()).floor!, t.now())).toBe(65_000);
    tick(10_000);
    expect(spokenMs((await live()).floor!, t.now())).toBe(75_000);
    audible = audibleParticipants(await live());
    expect(audible.has(member1Id)).toBe(true);
    expect(audible.has(wang.id)).toBe(false);

    // The chair marks the response 采纳: everyone sees it, and the log has it. The official who
    // responded may not grade their own answer, nor may another member.
    expect(await send(c.official, { type: "interjection.setOutcome", interjectionId: running!.interjectionId, outcome: "adopt" })).toEqual(
      refused("FORBIDDEN"),
    );
    await ok(c.chair, { type: "interjection.setOutcome", interjectionId: running!.interjectionId, outcome: "adopt" });
    expect(await everyone((s) => s.interjections.map((i) => i.outcome))).toEqual(["adopt"]);
    expect(await send(c.member2, { type: "interjection.setOutcome", interjectionId: running!.interjectionId, outcome: "study" })).toEqual(refused("FORBIDDEN"));
    const { events } = await persisted(server, m.meetingId);
    expect(events.filter((e) => e.event.type.startsWith("interjection.")).map((e) => e.event.type)).toEqual([
      "interjection.requested",
      "interjection.started",
      "interjection.requested",
      "interjection.ended",
      "interjection.outcomeSet",
    ]);
    expect(events.find((e) => e.event.type === "interjection.outcomeSet")).toMatchObject({
      actorId: m.people.chair.id,
      event: { interjectionId: running!.interjectionId, outcome: "adopt", by: m.people.chair.id },
    });

    // The chair declines the second request: it is gone from the requester's state (and everyone's).
    await ok(c.chair, { type: "interjection.decline", requestId: second.requestId });
    expect(c.official2.state.interjectionRequests).toEqual([]);
    expect(await everyone((s) => s.interjectionRequests)).toEqual([]);

    // Switched off for this agenda item: requests are refused; switched on again, they are not.
    await ok(c.chair, { type: "interjection.setEnabled", enabled: false });
    expect(await everyone((s) => s.interjectionsOff)).toEqual([t.itemId]);
    expect(await send(c.official2, { type: "interjection.request" })).toEqual(refused("INTERJECTIONS_OFF"));
    await ok(c.chair, { type: "interjection.setEnabled", enabled: true });
    expect(await everyone((s) => s.interjectionsOff)).toEqual([]);

    // The organisers allow members to interject (and shorten the cap): the live meeting follows.
    expect(await send(c.member2, { type: "interjection.request" })).toEqual(refused("FORBIDDEN"));
    const patched = await t.org.patch(t.base, { membersMayInterject: true, interjectionCapSeconds: 60 });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({ membersMayInterject: true, interjectionCapSeconds: 60 });
    await settle(all, server);
    expect(await everyone((s) => s.interjectionRules)).toEqual({ capMs: 60_000, membersMay: true, allowed: true });
    await ok(c.member2, { type: "interjection.request", point: "委员补充" });
    const memberRequest = (await live()).interjectionRequests[0]!;
    expect(memberRequest).toMatchObject({ participantId: member2Id, speechId });
    tick(1_000);
    await ok(c.chair, { type: "interjection.grant", requestId: memberRequest.requestId });
    expect(await everyone((s) => s.interjection)).toMatchObject({ participantId: member2Id, capMs: 60_000, resumesSpeech: true });
    tick(20_000);

    // Restart the server mid-interjection on the same data folder: the replayed state is the same.
    const before = await live();
    expect(before.interjection).not.toBeNull();
    const dataDir = t.dataDir;
    await t.close();
    const again = await h.startServer({ dataDir, now: t.now });
    server = again.server;
    const after = await live();
    expect(after).toEqual(before);
    c = await connectAll(again.url);
    all = Object.values(c);
    await settle(all, server);
    expect(c.member2.state.interjection).toEqual(before.interjection);
    expect(c.chair.state.floor).toEqual(before.floor);
    expect(audibleParticipants(await live()).has(member2Id)).toBe(true);

    // Only a point of order may interrupt an interjection; giving it the floor ends both.
    await ok(c.official2, { type: "queue.request" });
    expect(await send(c.chair, { type: "floor.give", participantId: qian.id })).toEqual(refused("INTERJECTION_RUNNING"));
    await ok(c.official2, { type: "queue.withdraw" });
    await ok(c.official2, { type: "queue.request", kind: "pointOfOrder" });
    tick(5_000);
    await ok(c.chair, { type: "floor.give", participantId: qian.id });
    expect(await everyone((s) => s.interjection)).toBeNull();
    expect(await everyone((s) => s.interjections.at(-1))).toMatchObject({
      participantId: member2Id,
      durationMs: 25_000,
      overrunMs: 0,
      endedBy: m.people.chair.id,
    });
    expect(await everyone((s) => s.floor)).toMatchObject({ participantId: qian.id, kind: "pointOfOrder" });
    // The member's speech ended with the time spoken before, between and after, not the pauses.
    expect(await everyone((s) => s.speeches.at(-1))).toMatchObject({ speechId, participantId: member1Id, durationMs: 75_000 + 1_000 });
    expect(t.logs).toEqual([]);
    expect(again.logs).toEqual([]);
  });
});
