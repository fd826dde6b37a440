// 会议记录 end to end: a real server (port 0) on a real SQLite file and real socket.io clients
// for the chair, two clerks (the second added through the organiser API), a member and an
// observer. Both clerks open the summary of the same speech — each sees the other editing it,
// the chair sees both, the member and the observer never hear of it — and save at the same time
// from the same base version: exactly one wins, the other gets EDIT_CONFLICT with the winner's
// text in its state, and saves again on the new version. A connection joining gets the current
// editors; one going away stops editing. Members cannot write notes. The notes survive a
// restart (the log is replayed); who is editing does not (it was never in the log).
import { afterEach, describe, expect, it } from "vitest";
import type { RecordEditors } from "../../../core/protocol.ts";
import type { MeetingState } from "../../../core/state.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { eventually, Harness, openMeeting, persisted, send, settle, type ClientSocket, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const refused = (code: string) => ({ ok: false, error: { code, message: { zh: expect.any(String), en: expect.any(String) } } });

/** Every record.editors a socket receives, from the moment this is called. */
function editorsOf(socket: ClientSocket): RecordEditors[] {
  const seen: RecordEditors[] = [];
  socket.on("record.editors", (editors) => seen.push(editors));
  return seen;
}

const editing = (client: TestClient | ClientSocket, key: unknown) => {
  const socket = "socket" in client ? client.socket : client;
  return socket.timeout(5_000).emitWithAck("record.editing", key as never);
};

async function setup() {
  let clock = Date.parse("2026-12-10T02:00:00Z");
  const t = await h.startServer({ now: () => clock });
  const tick = (ms: number) => (clock += ms);
  const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const m = await h.createMeeting(t.server, "关于老旧小区改造的专题协商会");
  const base = `/api/meetings/${m.meetingId}`;
  const res = await org.post(`${base}/participants`, { name: "赵记录", role: "clerk" });
  expect(res.status).toBe(201);
  const clerk2Id: string = res.body.participant.id;
  const clerk2Token = await t.server.tokens.issue({ participantId: clerk2Id, meetingId: m.meetingId, role: "clerk" });
  const item = await org.post(`${base}/agenda`, { title: "委员发言", plannedMinutes: 60 });
  expect(item.status).toBe(201);
  await openMeeting(t.server, m);
  return { ...t, tick, now: () => clock, m, clerk2Id, clerk2Token, itemId: item.body.item.id as string };
}

describe("the record (会议记录)", () => {
  it("two clerks: editing presence for the staff only, one concurrent save wins (EDIT_CONFLICT for the other), members refused, notes survive a restart", async () => {
    const t = await setup();
    const { m, clerk2Id } = t;
    const clerkAId = m.people.clerk.id;
    const chairId = m.people.chair.id;
    const memberId = m.people.member1.id;
    const [chair, clerkA, clerkB, member, observer] = await Promise.all(
      [m.tokens.chair, m.tokens.clerk, t.clerk2Token, m.tokens.member1, m.tokens.observer].map((token) => h.connect(t.url, token)),
    );
    const c = { chair: chair!, clerkA: clerkA!, clerkB: clerkB!, member: member!, observer: observer! };
    const all: TestClient[] = Object.values(c);
    const heard = {
      chair: editorsOf(c.chair.socket),
      clerkA: editorsOf(c.clerkA.socket),
      clerkB: editorsOf(c.clerkB.socket),
      member: editorsOf(c.member.socket),
      observer: editorsOf(c.observer.socket),
    };
    const latest = (seen: RecordEditors[]) => seen.at(-1)?.editors;
    let server = t.server;
    const live = async (): Promise<MeetingState> => (await server.rooms.get(m.meetingId)).current;
    const ok = async (client: TestClient, command: unknown) => {
      const ack = await send(client, command);
      expect(ack, JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, server);
      return ack;
    };
    await settle(all, server);

    // The member speaks.
    await ok(c.chair, { type: "agenda.goto", itemId: t.itemId });
    await ok(c.member, { type: "queue.request" });
    await ok(c.chair, { type: "floor.give", participantId: memberId });
    const speechId = (await live()).floor!.speechId;
    const key = `speech:${speechId}`;
    const entry = { kind: "speech", id: speechId };
    t.tick(90_000);

    // Clerk A opens the summary: clerk B and the chair see it, nobody else.
    expect(await editing(c.clerkA, { key })).toEqual({ ok: true });
    await eventually(() => {
      expect(latest(heard.clerkB)).toEqual([{ participantId: clerkAId, key }]);
      expect(latest(heard.chair)).toEqual([{ participantId: clerkAId, key }]);
      expect(latest(heard.clerkA)).toEqual([{ participantId: clerkAId, key }]);
    });
    // Clerk B opens it too: both are listed.
    expect(await editing(c.clerkB, { key })).toEqual({ ok: true });
    const both = [
      { participantId: clerkAId, key },
      { participantId: clerk2Id, key },
    ].sort((a, b) => (a.participantId < b.participantId ? -1 : 1));
    await eventually(() => {
      for (const seen of [heard.chair, heard.clerkA, heard.clerkB]) expect(latest(seen)).toEqual(both);
    });
    // Saying the same again changes nothing, so nothing is broadcast.
    const chairHeard = heard.chair.length;
    expect(await editing(c.clerkB, { key })).toEqual({ ok: true });

    // Only chair and clerk say what they edit; the message is checked strictly.
    expect(await editing(c.member, { key })).toEqual(refused("FORBIDDEN"));
    expect(await editing(c.observer, { key: null })).toEqual(refused("FORBIDDEN"));
    for (const bad of [{ key: "poll:q1" }, { key: "speech:" }, { key: `speech:${speechId} ` }, { key: 3 }, {}, { key, extra: 1 }, null, key]) {
      expect(await editing(c.clerkA, bad), JSON.stringify(bad)).toEqual(refused("VALIDATION"));
    }

    // Both save a summary at once, from the same base version (0): exactly one wins.
    const [ackA, ackB] = await Promise.all([
      send(c.clerkA, { type: "record.summarize", entry, text: "甲：建议加装电梯，资金多方分担", baseVersion: 0 }),
      send(c.clerkB, { type: "record.summarize", entry, text: "乙：加装电梯，财政补贴一部分", baseVersion: 0 }),
    ]);
    await settle(all, server);
    const acks = [ackA, ackB];
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.filter((a) => !a.ok)).toEqual([refused("EDIT_CONFLICT")]);
    const [winner, loser, winnerText, loserText, loserId] = ackA.ok
      ? [c.clerkA, c.clerkB, "甲：建议加装电梯，资金多方分担", "乙：加装电梯，财政补贴一部分", clerk2Id]
      : [c.clerkB, c.clerkA, "乙：加装电梯，财政补贴一部分", "甲：建议加装电梯，资金多方分担", clerkAId];
    // The loser's state already shows the winner's text, at version 1.
    const won = (await live()).notes.summaries[key];
    expect(won).toMatchObject({ text: winnerText, version: 1, by: winner.welcome.me.id });
    // The notes are the clerk's working record: the chair has them, the member and the observer
    // receive record.withheld in their place (no gap in the sequence) and no notes at all —
    // also in the snapshot a newly connecting member gets.
    expect(c.chair.state.notes.summaries[key]).toEqual(won);
    for (const other of [c.member, c.observer]) {
      expect(other.state.notes).toEqual({ summaries: {}, suggestions: [], decisions: [] });
      expect(other.problems).toEqual([]);
      expect(
        other.broadcasts
          .flat()
          .filter((e) => e.event.type.startsWith("record."))
          .map((e) => e.event),
      ).toEqual([{ type: "record.withheld" }]);
    }
    const fresh = await h.connect(t.url, m.tokens.member2);
    expect(fresh.state.notes).toEqual({ summaries: {}, suggestions: [], decisions: [] });
    expect(JSON.stringify(fresh.firstSync)).not.toContain(winnerText);
    fresh.close();
    expect(loser.state.notes.summaries[key]).toEqual(won);
    for (const client of [c.chair, c.clerkA, c.clerkB]) expect(client.state.notes).toEqual((await live()).notes);
    // It merges by hand and saves on the new version; the stale base is still refused.
    expect(await send(loser, { type: "record.summarize", entry, text: loserText, baseVersion: 0 })).toEqual(refused("EDIT_CONFLICT"));
    const merged = `${winnerText}；${loserText}`;
    await ok(loser, { type: "record.summarize", entry, text: merged, baseVersion: 1 });
    expect((await live()).notes.summaries[key]).toEqual({ entry, text: merged, version: 2, by: loserId, at: t.now() });
    expect(winner.state.notes.summaries[key]).toMatchObject({ text: merged, version: 2 });
    // The winner, still on version 1, is refused now.
    expect(await send(winner, { type: "record.summarize", entry, text: "覆盖", baseVersion: 1 })).toEqual(refused("EDIT_CONFLICT"));

    // A suggestion from the speech and a decision of the item; both clerks' edits are checked too.
    await ok(c.clerkA, {
      type: "record.captureSuggestion",
      entry,
      suggestion: { title: "加装电梯", text: "财政补贴三成", topic: "城市更新", department: "区住建委" },
    });
    const suggestion = (await live()).notes.suggestions[0]!;
    expect(suggestion).toMatchObject({ participantId: memberId, itemId: t.itemId, capturedBy: clerkAId, version: 1 });
    await ok(c.chair, { type: "record.addDecision", decision: { text: "形成协商意见报区委", unit: "区政协办公室", deadline: "2027-01-31" } });
    const decision = (await live()).notes.decisions[0]!;
    expect(decision).toMatchObject({ itemId: t.itemId, version: 1, by: chairId });
    await ok(c.clerkB, {
      type: "record.editSuggestion",
      suggestionId: suggestion.suggestionId,
      suggestion: { title: "加装电梯", text: "财政补贴三成，居民分摊", topic: "城市更新", department: "区住建委" },
      baseVersion: 1,
    });
    expect(
      await send(c.clerkA, {
        type: "record.editSuggestion",
        suggestionId: suggestion.suggestionId,
        suggestion: { title: "改", text: "", topic: "", department: "" },
        baseVersion: 1,
      }),
    ).toEqual(refused("EDIT_CONFLICT"));

    // Members and observers cannot write notes.
    const seq = (await live()).seq;
    expect(await send(c.member, { type: "record.summarize", entry, text: "我的发言要点", baseVersion: 2 })).toEqual(refused("FORBIDDEN"));
    expect(await send(c.member, { type: "record.captureSuggestion", entry, suggestion: { title: "x", text: "", topic: "", department: "" } })).toEqual(
      refused("FORBIDDEN"),
    );
    expect(await send(c.member, { type: "record.addDecision", decision: { text: "x", unit: "", deadline: "" } })).toEqual(refused("FORBIDDEN"));
    expect(await send(c.observer, { type: "record.withdrawDecision", decisionId: decision.decisionId })).toEqual(refused("FORBIDDEN"));
    expect((await live()).seq).toBe(seq);

    // Clerk A is done: only clerk B is left.
    expect(await editing(c.clerkA, { key: null })).toEqual({ ok: true });
    await eventually(() => {
      for (const seen of [heard.chair, heard.clerkA, heard.clerkB]) expect(latest(seen)).toEqual([{ participantId: clerk2Id, key }]);
    });
    expect(heard.chair.length).toBe(chairHeard + 1);
    // A staff connection joining gets the current list; a member's never does.
    const chair2 = h.socket(t.url, { token: m.tokens.chair }, false);
    const chair2Heard = editorsOf(chair2);
    chair2.connect();
    const member2 = h.socket(t.url, { token: m.tokens.member2 }, false);
    const member2Heard = editorsOf(member2);
    member2.connect();
    await eventually(() => expect(latest(chair2Heard)).toEqual([{ participantId: clerk2Id, key }]));
    // Clerk B's connection goes away: it stops editing.
    c.clerkB.close();
    await eventually(() => {
      expect(latest(heard.chair)).toEqual([]);
      expect(latest(chair2Heard)).toEqual([]);
      expect(latest(heard.clerkA)).toEqual([]);
    });
    await eventually(() => expect(member2.connected).toBe(true));
    expect(heard.member).toEqual([]);
    expect(heard.observer).toEqual([]);
    expect(member2Heard).toEqual([]);
    chair2.disconnect();
    member2.disconnect();

    // Restart the server on the same data folder: the notes are replayed from the log.
    const notes = (await live()).notes;
    expect(notes.summaries[key]).toMatchObject({ text: merged, version: 2 });
    expect(notes.suggestions).toHaveLength(1);
    expect(notes.decisions).toHaveLength(1);
    expect((await persisted(server, m.meetingId)).state.notes).toEqual(notes);
    const editingBefore = await editing(c.clerkA, { key: `decision:${decision.decisionId}` });
    expect(editingBefore).toEqual({ ok: true });
    for (const client of all) client.close();
    await t.close();
    const again = await h.startServer({ dataDir: t.dataDir, now: t.now });
    server = again.server;
    expect((await live()).notes).toEqual(notes);
    const rawClerk = h.socket(again.url, { token: m.tokens.clerk }, false);
    const rawClerkHeard = editorsOf(rawClerk);
    rawClerk.connect();
    // Who was editing did not survive: it was never in the log.
    await eventually(() => expect(latest(rawClerkHeard)).toEqual([]));
    rawClerk.disconnect();
    const clerkAgain = await h.connect(again.url, t.clerk2Token);
    expect(clerkAgain.state.notes).toEqual(notes);
    // Work goes on from the replayed versions.
    expect(await send(clerkAgain, { type: "record.summarize", entry, text: "重启后", baseVersion: 1 })).toEqual(refused("EDIT_CONFLICT"));
    expect(await send(clerkAgain, { type: "record.summarize", entry, text: "重启后", baseVersion: 2 })).toMatchObject({ ok: true });
    expect(again.logs.filter((l) => l.message.includes("failed"))).toEqual([]);
    expect(t.logs.filter((l) => l.message.includes("failed"))).toEqual([]);
  });
});
