// A bargaining side's private consultation (背靠背) through real sockets: a real server (port 0)
// on a real SQLite file, real socket.io clients for both delegations, the recorder, an observer,
// an official, a chair without a side and the room display. Each client records every packet it
// received, decoded (onAny) and raw (engine.io); the other side and everyone else must never
// have received a byte of a note: neither its text nor its id.
import { afterEach, describe, expect, it } from "vitest";
import { connectRecording as recording, type RecordingClient } from "../../../testing/server/recordingClient.ts";
import type { CaucusNote } from "../../../core/protocol.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { disconnected, eventually, Harness, type TestServer } from "../../../testing/server/harness.ts";
import { BARGAINING_TABLE, type CaucusKey } from "../../../testing/server/privateTalkMeetings.ts";

const h = new Harness();
afterEach(() => h.cleanup());

type Key = CaucusKey | "display";

const ROSTER = BARGAINING_TABLE;

type Client = RecordingClient<"caucus.noted">;

interface Table {
  t: TestServer;
  meetingId: string;
  ids: Record<Exclude<Key, "display">, string>;
  clients: Record<Key, Client>;
  connect(key: Exclude<Key, "display">): Promise<Client>;
}

const connectRecording = (url: string, token: string) => recording(h, url, token, "caucus.noted");

/** A bargaining meeting with its two delegations and the others, everyone connected. */
async function table(): Promise<Table> {
  const t = await h.startServer();
  const { meeting, participants } = await t.server.meetings.create(
    "某某公司2027年度工资集体协商",
    ROSTER.map(({ name, role, side, chief }) => ({ name, role, side, chief })),
  );
  // Before the room is first loaded: the live meeting reads its kind from the row.
  await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "bargaining" } });
  const ids = Object.fromEntries(ROSTER.map((p, i) => [p.key, participants[i]!.id])) as Table["ids"];
  const connect = async (key: Exclude<Key, "display">) => {
    const role = ROSTER.find((p) => p.key === key)!.role;
    return connectRecording(t.url, await t.server.tokens.issue({ participantId: ids[key], meetingId: meeting.id, role }));
  };
  const people = await Promise.all(ROSTER.map((p) => connect(p.key)));
  const display = await connectRecording(t.url, await h.displayToken(t.server, meeting.id));
  const clients = { ...Object.fromEntries(ROSTER.map((p, i) => [p.key, people[i]!])), display } as Record<Key, Client>;
  return { t, meetingId: meeting.id, ids, clients, connect };
}

const note = (client: Client, text: unknown) => client.socket.timeout(5000).emitWithAck("caucus.note", { text });
const command = (client: Client, body: unknown) => client.socket.timeout(5000).emitWithAck("command", body);
const history = (client: Client) => client.socket.timeout(5000).emitWithAck("caucus.history", {});
/** A round trip: everything the server sent this socket before has arrived. */
const flushed = (clients: readonly Client[]) => Promise.all(clients.map((c) => c.socket.timeout(5000).emitWithAck("time.sync")));

const WORKERS: readonly Key[] = ["workerChief", "worker1", "worker2"];
const ENTERPRISE: readonly Key[] = ["enterpriseChief", "enterprise1", "enterprise2"];
const NEUTRAL: readonly Key[] = ["recorder", "observer", "official", "chair", "display"];

/** What of the notes the client's packets contain (their texts and ids). */
const leaked = (client: Client, notes: readonly CaucusNote[]) =>
  client.packets.filter((packet) => notes.some((n) => packet.includes(n.noteId) || packet.includes(JSON.stringify(n.text).slice(1, -1))));

describe("the caucus channel (背靠背)", () => {
  it("a side's notes reach its own members only: every packet of the other side, the recorder, observer, official, a chair without a side and the display is searched", async () => {
    const { t, meetingId, clients } = await table();
    const of = (keys: readonly Key[]) => keys.map((k) => clients[k]);
    // The worker chief presides first: opens the session and withdraws the side (the public fact).
    expect(await command(clients.workerChief, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(await command(clients.workerChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });

    const first = await note(clients.worker1, "  底线：增幅不低于6%，低于5%不签字  ");
    const second = await note(clients.workerChief, "先谈最低工资标准，再谈增幅");
    expect(first).toMatchObject({ ok: true, note: { side: "worker", authorName: "李职工", text: "底线：增幅不低于6%，低于5%不签字" } });
    expect(second).toMatchObject({ ok: true, note: { side: "worker", authorName: "王工会" } });
    const workerNotes = [first, second].map((ack) => (ack.ok ? ack.note : expect.unreachable()));
    await eventually(() => expect(of(WORKERS).map((c) => c.noted)).toEqual([workerNotes, workerNotes, workerNotes]));

    const theirs = await note(clients.enterpriseChief, "预算上限5.5%，可在津补贴上让步");
    const enterpriseNotes = [theirs.ok ? theirs.note : expect.unreachable()];
    await eventually(() => expect(of(ENTERPRISE).map((c) => c.noted)).toEqual([enterpriseNotes, enterpriseNotes, enterpriseNotes]));
    await flushed(Object.values(clients));

    expect(await command(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    await flushed(Object.values(clients));
    // Everyone saw that the worker side consulted, and when: the fact, not the content.
    for (const key of [...ENTERPRISE, ...NEUTRAL]) {
      expect(clients[key].packets.filter((p) => p.includes("bargaining.caucusStarted")).length, key).toBeGreaterThan(0);
    }

    // Both kinds of record caught the traffic (the notes arrived as decoded events and raw packets).
    expect(leaked(clients.worker2, workerNotes).length).toBeGreaterThanOrEqual(4);
    for (const key of [...ENTERPRISE, ...NEUTRAL]) {
      expect(clients[key].packets.length, key).toBeGreaterThan(0);
      expect(leaked(clients[key], workerNotes), key).toEqual([]);
      expect(
        clients[key].packets.filter((p) => p.includes("caucus.noted") && !ENTERPRISE.includes(key)),
        key,
      ).toEqual([]);
    }
    for (const key of [...WORKERS, ...NEUTRAL]) expect(leaked(clients[key], enterpriseNotes), key).toEqual([]);

    // History: the own side's notes, oldest first; never the other side's.
    expect(await history(clients.worker2)).toEqual({ ok: true, notes: workerNotes });
    expect(await history(clients.enterprise2)).toEqual({ ok: true, notes: enterpriseNotes });
    // Nobody without a side may read or write; nothing is stored for them.
    for (const key of NEUTRAL) {
      expect(await history(clients[key]), key).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });
      expect(await note(clients[key], `${key} 想看看`), key).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });
    }

    // Stored in CaucusNote, never in the meeting's event log.
    const rows = await t.server.db.caucusNote.findMany({ where: { meetingId }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.side, r.authorName, r.text])).toEqual([
      ["worker", "李职工", "底线：增幅不低于6%，低于5%不签字"],
      ["worker", "王工会", "先谈最低工资标准，再谈增幅"],
      ["enterprise", "陈人事", "预算上限5.5%，可在津补贴上让步"],
    ]);
    const log = await t.server.db.meetingEvent.findMany({ where: { meetingId } });
    expect(log.map((row) => row.type)).toEqual(expect.arrayContaining(["bargaining.caucusStarted", "bargaining.caucusEnded"]));
    const all = [...workerNotes, ...enterpriseNotes];
    expect(log.filter((row) => all.some((n) => `${row.type} ${row.payload}`.includes(n.noteId) || row.payload.includes(n.text)))).toEqual([]);
    expect(t.logs).toEqual([]);
  });

  it("bad notes are refused with stable codes and store nothing; outside a bargaining meeting there is no caucus", async () => {
    const { t, meetingId, clients } = await table();
    expect(await note(clients.worker1, "   ")).toMatchObject({ ok: false, error: { code: "CAUCUS_NOTE_LENGTH" } });
    expect(await note(clients.worker1, "字".repeat(2001))).toMatchObject({ ok: false, error: { code: "CAUCUS_NOTE_LENGTH" } });
    expect(await note(clients.worker1, 42)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await clients.worker1.socket.timeout(5000).emitWithAck("caucus.note", { text: "x", side: "enterprise" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect(await note(clients.worker1, "字".repeat(2000))).toMatchObject({ ok: true });
    expect(await t.server.db.caucusNote.count({ where: { meetingId } })).toBe(1);

    const other = await h.createMeeting(t.server, "区政协双周协商座谈会");
    const member = await connectRecording(t.url, other.tokens.member1);
    expect(await note(member, "不是协商会议")).toMatchObject({ ok: false, error: { code: "NOT_BARGAINING" } });
    expect(await history(member)).toMatchObject({ ok: false, error: { code: "NOT_BARGAINING" } });
    expect(await t.server.db.caucusNote.count()).toBe(1);
  });

  it("follows the roster: a representative moved to the other side leaves the old side's room at once; one taken off the roster is dropped", async () => {
    const { t, meetingId, ids, clients } = await table();
    const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
    const moved = await org.patch(`/api/meetings/${meetingId}/participants/${ids.worker2}`, { side: "enterprise" });
    expect(moved.status).toBe(200);

    const workers = await note(clients.workerChief, "赵职工已调到企业方，以后不要抄送他");
    const enterprise = await note(clients.enterprise1, "欢迎赵职工加入企业方");
    const [workerNote, enterpriseNote] = [workers, enterprise].map((ack) => (ack.ok ? ack.note : expect.unreachable()));
    await eventually(() => expect(clients.worker2.noted).toEqual([enterpriseNote]));
    await eventually(() => expect(clients.worker1.noted).toEqual([workerNote]));
    await flushed([clients.worker2]);
    expect(leaked(clients.worker2, [workerNote!])).toEqual([]);
    expect(await history(clients.worker2)).toEqual({ ok: true, notes: [enterpriseNote] });

    // A representative made the recorder: out of the room, refused.
    expect((await org.patch(`/api/meetings/${meetingId}/participants/${ids.enterprise2}`, { role: "clerk", side: null })).status).toBe(200);
    const after = await note(clients.enterpriseChief, "记录员不应看到");
    const afterNote = after.ok ? after.note : expect.unreachable();
    await eventually(() => expect(clients.enterprise1.noted.at(-1)).toEqual(afterNote));
    await flushed([clients.enterprise2]);
    expect(leaked(clients.enterprise2, [afterNote])).toEqual([]);
    expect(await history(clients.enterprise2)).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });

    // The chair without a side made the worker side's chief: from now on in the worker side's room.
    expect((await org.patch(`/api/meetings/${meetingId}/participants/${ids.chair}`, { side: "worker", chief: true })).status).toBe(200);
    const joined = await note(clients.worker1, "冯主持已作为职工方首席代表加入");
    await eventually(() => expect(clients.chair.noted).toEqual([joined.ok ? joined.note : expect.unreachable()]));
    expect(await history(clients.chair)).toMatchObject({ ok: true, notes: [workerNote, joined.ok && joined.note] });

    // Taken off the roster: told NOT_FOUND and dropped (no socket left in any room).
    const gone = disconnected(clients.worker1.socket);
    await t.server.db.participant.delete({ where: { id: ids.worker1 } });
    await t.server.rooms.syncConfig(meetingId);
    expect(await gone).toBe("io server disconnect");
    expect(t.logs).toEqual([]);
  });
});
