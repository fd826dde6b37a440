// A mediation session's separate talk (人民调解 背靠背) through real sockets: a real server (port 0)
// on a real SQLite file, real socket.io clients for both parties (two neighbours both named 张丽),
// the 主持调解员, a police officer (a mediator), the clerk, an observer and the room display. Each
// client records every packet it received, decoded (onAny) and raw (engine.io); the other party
// and everyone else must never have received a byte of the talk's notes: neither text nor id.
import { afterEach, describe, expect, it } from "vitest";
import { connectRecording as recording, type RecordingClient } from "../../../../testing/server/recordingClient.ts";
import type { TalkNote } from "../../../../core/protocol.ts";
import { eventually, Harness } from "../../../../testing/server/harness.ts";
import { MEDIATION_SESSION, type SessionKey } from "../../../../testing/server/privateTalkMeetings.ts";

const h = new Harness();
afterEach(() => h.cleanup());

type Key = SessionKey | "display";

const ROSTER = MEDIATION_SESSION;

type Client = RecordingClient<"mediation.noted">;

const connectRecording = (url: string, token: string) => recording(h, url, token, "mediation.noted");

async function session() {
  const t = await h.startServer();
  const { meeting, participants } = await t.server.meetings.create(
    "楼上漏水纠纷调解",
    ROSTER.map(({ name, role }) => ({ name, role })),
  );
  await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "mediation" } });
  const ids = Object.fromEntries(ROSTER.map((p, i) => [p.key, participants[i]!.id])) as Record<Exclude<Key, "display">, string>;
  const people = await Promise.all(
    ROSTER.map(async (p) => connectRecording(t.url, await t.server.tokens.issue({ participantId: ids[p.key], meetingId: meeting.id, role: p.role }))),
  );
  const display = await connectRecording(t.url, await h.displayToken(t.server, meeting.id));
  const clients = { ...Object.fromEntries(ROSTER.map((p, i) => [p.key, people[i]!])), display } as Record<Key, Client>;
  return { ids, clients };
}

const command = (client: Client, body: unknown) => client.socket.timeout(5000).emitWithAck("command", body);
const talkNote = (client: Client, text: unknown) => client.socket.timeout(5000).emitWithAck("mediation.talkNote", { text });
const finding = (client: Client, kind: string, text: string) => client.socket.timeout(5000).emitWithAck("mediation.noteFinding", { kind, text });
const history = (client: Client) => client.socket.timeout(5000).emitWithAck("mediation.talkHistory", {});
const flushed = (clients: readonly Client[]) => Promise.all(clients.map((c) => c.socket.timeout(5000).emitWithAck("time.sync")));
const leaked = (client: Client, notes: readonly TalkNote[]) =>
  client.packets.filter((packet) => notes.some((n) => packet.includes(n.noteId) || packet.includes(JSON.stringify(n.text).slice(1, -1))));
const noteOf = (ack: { ok: true; note: TalkNote } | { ok: false }) => (ack.ok ? ack.note : expect.unreachable());

describe("separate talks (背靠背) in a mediation session", () => {
  it("a talk's notes reach the mediators and that party only; findings the mediators only: every packet of the others is searched", async () => {
    const { ids, clients } = await session();
    expect(await command(clients.chair, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(await command(clients.partyB, { type: "mediation.statePosition", text: "要求楼上赔偿漏水损失" })).toMatchObject({ ok: true });
    expect(await command(clients.chair, { type: "mediation.startSeparateTalk", partyId: ids.partyA })).toMatchObject({ ok: true });

    const byMediator = noteOf(await talkNote(clients.chair, "  A方承认防水层老化，愿意修缮  "));
    const byParty = noteOf(await talkNote(clients.partyA, "赔偿最多一千五百元"));
    expect(byMediator).toMatchObject({ kind: "talk", partyId: ids.partyA, authorName: "王调解", text: "A方承认防水层老化，愿意修缮" });
    const fact = noteOf(await finding(clients.police, "fact", "漏水点位于A方卫生间下水管"));
    const option = noteOf(await finding(clients.chair, "option", "A方修缮并补偿一千二百元"));
    const talk = [byMediator, byParty];
    await eventually(() =>
      expect([clients.chair, clients.police].map((c) => c.noted)).toEqual([
        [...talk, fact, option],
        [...talk, fact, option],
      ]),
    );
    await eventually(() => expect(clients.partyA.noted).toEqual(talk));

    // The other party (and everyone not in the talk) cannot write to it, nor read it, nor note findings.
    expect(await talkNote(clients.partyB, "我也要说")).toMatchObject({ ok: false, error: { code: "TALK_NOT_MEMBER" } });
    expect(await talkNote(clients.clerk, "记录")).toMatchObject({ ok: false, error: { code: "TALK_NOT_MEMBER" } });
    expect(await talkNote(clients.display, "x")).toMatchObject({ ok: false, error: { code: "TALK_NOT_MEMBER" } });
    expect(await finding(clients.partyA, "fact", "对方夸大损失")).toMatchObject({ ok: false, error: { code: "NOT_MEDIATOR" } });
    expect(await history(clients.partyB)).toEqual({ ok: true, notes: [] });
    expect(await history(clients.observer)).toMatchObject({ ok: false, error: { code: "TALK_NOT_MEMBER" } });
    expect(await talkNote(clients.chair, "")).toMatchObject({ ok: false, error: { code: "TALK_NOTE_LENGTH" } });
    expect(await command(clients.partyB, { type: "mediation.statePosition", text: "我不同意" })).toMatchObject({
      ok: false,
      error: { code: "SEPARATE_TALK_RUNNING" },
    });

    expect(await command(clients.police, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
    await flushed(Object.values(clients));
    for (const key of ["partyB", "clerk", "observer", "display"] as const) {
      expect(leaked(clients[key], [...talk, fact, option]), key).toEqual([]);
      expect(clients[key].noted, key).toEqual([]);
    }
    // The party in the talk never receives the mediators' findings.
    expect(leaked(clients.partyA, [fact, option])).toEqual([]);
    // Everyone learnt that a talk ran (the public fact).
    for (const key of ["partyB", "observer", "display"] as const)
      expect(
        clients[key].packets.some((p) => p.includes("mediation.separateTalkStarted")),
        key,
      ).toBe(true);

    // After the talk: the party reads back its own talk's notes; the mediators everything.
    expect(await talkNote(clients.partyA, "还想补充")).toMatchObject({ ok: false, error: { code: "TALK_NOT_MEMBER" } });
    expect(await history(clients.partyA)).toEqual({ ok: true, notes: talk });
    expect(await history(clients.police)).toEqual({ ok: true, notes: [...talk, fact, option] });
  });
});
