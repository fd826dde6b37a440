// Who may enter a separate talk's private audio room (单独谈话, media.talkJoin), through real sockets
// on a real server without a media server: every refusal comes before Janus would be asked, so it is
// the same with Janus running (e2e/media/separateTalkAudio.test.ts runs it there, in the loopback
// namespace). Two parties both named 张丽, the 主持调解员, a police officer, the clerk, an observer
// and the room display.
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../../core/roles.ts";
import { Harness, send, type TestClient } from "../../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

type Key = "partyA" | "partyB" | "chair" | "police" | "clerk" | "observer";
const ROSTER: readonly { key: Key; name: string; role: Role }[] = [
  { key: "partyA", name: "张丽", role: "member" },
  { key: "partyB", name: "张丽", role: "member" },
  { key: "chair", name: "王调解", role: "chair" },
  { key: "police", name: "刘警官", role: "official" },
  { key: "clerk", name: "孙记录", role: "clerk" },
  { key: "observer", name: "钱居委", role: "observer" },
];

/** A browser's audio-only offer (what Chromium sends for one microphone), shortened. */
const OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\n";
const emit = (client: TestClient, event: "media.talkJoin" | "media.talkLeave", payload: unknown) => client.socket.timeout(5000).emitWithAck(event, payload);
const join = (client: TestClient, sdp: unknown = OFFER) => emit(client, "media.talkJoin", { sdp });

describe("media.talkJoin: the mediators and the party in the talk while it runs, and nobody else", () => {
  it("refuses the other party, the clerk, the observer and the room display before asking the media server", async () => {
    const t = await h.startServer();
    const { meeting, participants } = await t.server.meetings.create(
      "楼上漏水纠纷调解",
      ROSTER.map(({ name, role }) => ({ name, role })),
    );
    await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "mediation" } });
    const ids = Object.fromEntries(ROSTER.map((p, i) => [p.key, participants[i]!.id])) as Record<Key, string>;
    const clients = Object.fromEntries(
      await Promise.all(
        ROSTER.map(async (p) => [
          p.key,
          await h.connect(t.url, await t.server.tokens.issue({ participantId: ids[p.key], meetingId: meeting.id, role: p.role })),
        ]),
      ),
    ) as Record<Key, TestClient>;
    const display = await h.connect(t.url, await h.displayToken(t.server, meeting.id));
    expect(await send(clients.chair, { type: "meeting.open" })).toMatchObject({ ok: true });

    // The joint session: no talk to join. The clerk, the observer and the display never may.
    for (const key of ["partyA", "partyB", "chair", "police"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "NO_SEPARATE_TALK" } });
    }
    for (const client of [clients.clerk, clients.observer, display]) {
      expect(await join(client)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });
    }

    // A talk with the first 张丽: she and the mediators pass every check (without Janus the answer is
    // MEDIA_UNAVAILABLE); the other 张丽 and everyone else are refused.
    expect(await send(clients.chair, { type: "mediation.startSeparateTalk", partyId: ids.partyA })).toMatchObject({ ok: true });
    for (const key of ["partyA", "chair", "police"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    }
    for (const client of [clients.partyB, clients.clerk, clients.observer, display]) {
      expect(await join(client)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });
    }

    // Malformed offers: refused first, whoever asks. The room is audio only; nobody names a party.
    expect(await join(clients.partyA, 42)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await join(clients.partyA, `${OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n`)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await emit(clients.partyB, "media.talkJoin", { sdp: OFFER, partyId: ids.partyB })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    // The talk ends; one with the other 张丽 begins: now she may, and the first may not.
    expect(await send(clients.chair, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
    expect(await join(clients.partyA)).toMatchObject({ ok: false, error: { code: "NO_SEPARATE_TALK" } });
    expect(await send(clients.police, { type: "mediation.startSeparateTalk", partyId: ids.partyB })).toMatchObject({ ok: true });
    expect(await join(clients.partyB)).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    expect(await join(clients.partyA)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });

    // Leaving always succeeds; it takes nothing.
    expect(await emit(clients.partyA, "media.talkLeave", {})).toEqual({ ok: true });
    expect(await emit(clients.partyA, "media.talkLeave", { x: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    // Outside a mediation session there is no separate talk; a caucus is not a talk either.
    const other = await h.createMeeting(t.server, "区政协双周协商座谈会", { open: true });
    expect(await join(await h.connect(t.url, other.tokens.member1))).toMatchObject({ ok: false, error: { code: "NOT_MEDIATION" } });
    expect(t.logs).toEqual([]);
  });
});
