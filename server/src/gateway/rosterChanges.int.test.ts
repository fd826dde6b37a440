// A participant changed by the organisers during the meeting (PATCH /api/meetings/:id/participants/:pid)
// or taken off the roster, while connected: a real server (port 0) on a real SQLite file and real
// socket.io clients. The same socket is judged by the new entry from its next message on, is
// greeted again (welcome + snapshot for its new audience), receives what the new audience
// receives and no longer what the old one did; a person taken off the roster is dropped.
import { afterEach, describe, expect, it } from "vitest";
import type { RecordEditors, Welcome } from "../../../core/protocol.ts";
import type { MeetingState } from "../../../core/state.ts";
import { staffClient, type ApiClient } from "../../../testing/server/api.ts";
import {
  disconnected,
  Harness,
  openMeeting,
  received,
  send,
  settle,
  type TestClient,
  type TestMeeting,
  type TestServer,
} from "../../../testing/server/harness.ts";
import { pollOf, refused } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const NO_NOTES = { summaries: {}, suggestions: [], decisions: [] };
const FORBIDDEN = { ok: false, error: { code: "FORBIDDEN" } };

interface Room {
  t: TestServer;
  m: TestMeeting;
  org: ApiClient;
  /** Every welcome each client received, in order. */
  welcomes: Map<TestClient, Welcome[]>;
  connect(token: string): Promise<TestClient>;
  /** The organiser changes a participant over the API (which feeds the roster into the live room). */
  change(participantId: string, patch: Record<string, unknown>): Promise<void>;
  live(): Promise<MeetingState>;
}

async function room(): Promise<Room> {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const m = await h.createMeeting(t.server, "关于加装电梯的专题协商会");
  await openMeeting(t.server, m);
  const welcomes = new Map<TestClient, Welcome[]>();
  return {
    t,
    m,
    org,
    welcomes,
    async connect(token) {
      const client = await h.connect(t.url, token);
      const seen = [client.welcome];
      client.socket.on("welcome", (welcome) => seen.push(welcome));
      welcomes.set(client, seen);
      return client;
    },
    async change(participantId, patch) {
      const res = await org.patch(`/api/meetings/${m.meetingId}/participants/${participantId}`, patch);
      expect(res.status).toBe(200);
    },
    live: async () => (await t.server.rooms.get(m.meetingId)).current,
  };
}

describe("a participant changed while connected", () => {
  it("a chair changed to member: the same socket's next floor.give, floor.extend and poll.create are FORBIDDEN, and it is welcomed as a member", async () => {
    const r = await room();
    const [chair, member1, member2] = await Promise.all([r.m.tokens.chair, r.m.tokens.member1, r.m.tokens.member2].map((token) => r.connect(token)));
    const all = [chair!, member1!, member2!];
    await settle(all, r.t.server);
    expect(await send(member1!, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(await send(chair!, { type: "floor.give", participantId: r.m.people.member1.id })).toMatchObject({ ok: true });
    expect(await send(chair!, { type: "floor.extend", seconds: 60 })).toMatchObject({ ok: true });
    await settle(all, r.t.server);

    await r.change(r.m.people.chair.id, { role: "member" });
    // At once: the API answered after the roster reached the room, and the socket was not reconnected.
    expect(await send(chair!, { type: "floor.give", participantId: r.m.people.member2.id })).toMatchObject(FORBIDDEN);
    expect(await send(chair!, { type: "floor.extend", seconds: 60 })).toMatchObject(FORBIDDEN);
    expect(await send(chair!, { type: "poll.create", poll: pollOf({ title: "是否同意加装电梯" }) })).toMatchObject(FORBIDDEN);
    // As a member it may now ask for the floor.
    expect(await send(chair!, { type: "queue.request" })).toMatchObject({ ok: true });
    await settle(all, r.t.server);
    expect(chair!.socket.connected).toBe(true);
    const greeted = r.welcomes.get(chair!)!;
    expect(greeted.map((w) => w.me.role)).toEqual(["chair", "member"]);
    expect(greeted[1]).toEqual({ ...greeted[0], me: { ...r.m.people.chair, role: "member" } });
    // As a member now, the compact snapshot (core/compactState.ts).
    expect(chair!.syncs.at(-1)?.kind).toBe("compact");
    expect(chair!.state).toEqual(received(await r.live(), "attendee"));
    // Nobody else was greeted again.
    expect([member1!, member2!].map((c) => r.welcomes.get(c)!.length)).toEqual([1, 1]);
    expect(all.flatMap((c) => c.problems)).toEqual([]);
    expect(r.t.logs).toEqual([]);
  });

  it("a clerk changed to observer stops receiving the clerk's notes, poll results before publication and the editors list; another clerk still does", async () => {
    const r = await room();
    const added = await r.org.post(`/api/meetings/${r.m.meetingId}/participants`, { name: "许文静", role: "clerk" });
    expect(added.status).toBe(201);
    const clerk2Token = await r.t.server.tokens.issue({ participantId: added.body.participant.id, meetingId: r.m.meetingId, role: "clerk" });
    const [chair, clerk, clerk2, member] = await Promise.all(
      [r.m.tokens.chair, r.m.tokens.clerk, clerk2Token, r.m.tokens.member1].map((token) => r.connect(token)),
    );
    const all = [chair!, clerk!, clerk2!, member!];
    await settle(all, r.t.server);
    const decision = (text: string) => ({ type: "record.addDecision", decision: { text, unit: "区住建委", deadline: "" } });
    expect(await send(clerk!, decision("先行试点两个小区"))).toMatchObject({ ok: true });
    const editing = (client: TestClient, key: string | null) => client.socket.timeout(5000).emitWithAck("record.editing", { key });
    const editors: RecordEditors[] = [];
    clerk2!.socket.on("record.editors", (list) => editors.push(list));
    expect(await editing(clerk!, "decision:d1")).toEqual({ ok: true });
    await settle(all, r.t.server);
    expect(clerk!.state.notes.decisions).toHaveLength(1);

    await r.change(r.m.people.clerk.id, { role: "observer" });
    await settle(all, r.t.server);
    expect(r.welcomes.get(clerk!)!.map((w) => w.me.role)).toEqual(["clerk", "observer"]);
    // The snapshot takes away the notes it held as a clerk; the other clerk's list no longer shows it editing.
    expect(clerk!.state.notes).toEqual(NO_NOTES);
    expect(editors.at(-1)).toEqual({ editors: [] });
    expect(await editing(clerk!, "decision:d1")).toMatchObject(FORBIDDEN);
    expect(await send(clerk!, decision("不应记下"))).toMatchObject(FORBIDDEN);

    // A note and a poll closed (not yet published) after the change.
    const before = clerk!.broadcasts.length;
    expect(await send(clerk2!, decision("一个月内完成方案"))).toMatchObject({ ok: true });
    expect(await send(chair!, { type: "poll.create", poll: pollOf({ title: "是否同意试点" }) })).toMatchObject({ ok: true });
    await settle(all, r.t.server);
    const pollId = chair!.state.polls.at(-1)!.pollId;
    expect(await send(chair!, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    expect(await send(chair!, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(all, r.t.server);
    const live = await r.live();
    expect(live.polls.at(-1)?.result).not.toBeNull();

    const seen = clerk!.broadcasts
      .slice(before)
      .flat()
      .map((e) => e.event);
    expect(seen.filter((e) => e.type.startsWith("record."))).toEqual([{ type: "record.withheld" }]);
    expect(seen.find((e) => e.type === "poll.closed")).toMatchObject({ result: null });
    expect(clerk!.state.notes).toEqual(NO_NOTES);
    expect(clerk!.state.polls.at(-1)?.result).toBeNull();
    expect(JSON.stringify(clerk!.state)).not.toContain("一个月内完成方案");
    expect(await clerk!.socket.timeout(5000).emitWithAck("poll.audit", { pollId })).toEqual(refused("POLL_NOT_PUBLISHED"));
    // The other clerk: everything, as before.
    expect(clerk2!.state.notes).toEqual(live.notes);
    expect(clerk2!.state.notes.decisions.map((d) => d.text)).toEqual(["先行试点两个小区", "一个月内完成方案"]);
    expect(clerk2!.state.polls.at(-1)?.result).toEqual(live.polls.at(-1)?.result);
    expect(await clerk2!.socket.timeout(5000).emitWithAck("poll.audit", { pollId })).toMatchObject({ ok: true });
    expect(all.flatMap((c) => c.problems)).toEqual([]);
    expect(r.t.logs).toEqual([]);
  });

  it("a member changed to chair can give the floor on the same socket; a changed weight is greeted too", async () => {
    const r = await room();
    const [member1, member2] = await Promise.all([r.m.tokens.member1, r.m.tokens.member2].map((token) => r.connect(token)));
    const all = [member1!, member2!];
    await settle(all, r.t.server);
    expect(await send(member2!, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(await send(member1!, { type: "floor.give", participantId: r.m.people.member2.id })).toMatchObject(FORBIDDEN);

    await r.change(r.m.people.member1.id, { voteWeight: 2.5 });
    await settle(all, r.t.server);
    expect(r.welcomes.get(member1!)!.at(-1)?.me).toEqual({ ...r.m.people.member1, weight: 2.5 });

    await r.change(r.m.people.member1.id, { role: "chair" });
    expect(await send(member1!, { type: "floor.give", participantId: r.m.people.member2.id })).toMatchObject({ ok: true });
    await settle(all, r.t.server);
    expect(member1!.state.floor?.participantId).toBe(r.m.people.member2.id);
    expect(r.welcomes.get(member1!)!.map((w) => w.me.role)).toEqual(["member", "member", "chair"]);
    expect(r.welcomes.get(member2!)).toHaveLength(1);
    expect(all.flatMap((c) => c.problems)).toEqual([]);
    expect(r.t.logs).toEqual([]);
  });

  it("a person taken off the roster is told why (connection.ended NOT_FOUND) and dropped at once, and refused NOT_FOUND when the browser comes back; the others stay", async () => {
    const r = await room();
    const [chair, member1, member2] = await Promise.all([r.m.tokens.chair, r.m.tokens.member1, r.m.tokens.member2].map((token) => r.connect(token)));
    await settle([chair!, member1!, member2!], r.t.server);

    // No route removes people yet; the roster the room is fed is the database's (what an import replacing it would do).
    const heard: string[] = [];
    member2!.socket.on("connection.ended", (reason) => heard.push(reason.code));
    const gone = disconnected(member2!.socket);
    await r.t.server.db.participant.delete({ where: { id: r.m.people.member2.id } });
    await r.t.server.rooms.syncConfig(r.m.meetingId);
    expect(await gone).toBe("io server disconnect");
    expect(heard).toEqual(["NOT_FOUND"]);
    expect((await r.live()).roster.map((p) => p.id)).not.toContain(r.m.people.member2.id);
    expect((await h.connectRefused(r.t.url, { token: r.m.tokens.member2 })).code).toBe("NOT_FOUND");
    expect(chair!.socket.connected && member1!.socket.connected).toBe(true);
    expect(await send(member1!, { type: "queue.request" })).toMatchObject({ ok: true });
    expect([chair!, member1!].map((c) => r.welcomes.get(c)!.length)).toEqual([1, 1]);
    expect(r.t.logs).toEqual([]);
  });
});
