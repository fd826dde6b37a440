// Who may enter a separate talk's private audio room (单独谈话, media.talkJoin), through real sockets
// on a real server without a media server: every refusal comes before Janus would be asked, so it is
// the same with Janus running (e2e/media/separateTalkAudio.test.ts runs it there, in the loopback
// namespace). Two parties both named 张丽, the 主持调解员, a police officer, the clerk, an observer
// and the room display.
import { afterEach, describe, expect, it } from "vitest";
import { Harness, send } from "../../../../testing/server/harness.ts";
import { AUDIO_OFFER, privateAudioRequests } from "../../../../testing/server/privateAudioRequests.ts";
import { mediationSession } from "../../../../testing/server/privateTalkMeetings.ts";
import { talkAudio } from "./talkAudioHandlers.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const { emit, join, expectLeaving, joinFromConsultation } = privateAudioRequests(talkAudio);

describe("media.talkJoin: the mediators and the party in the talk while it runs, and nobody else", () => {
  it("refuses the other party, the clerk, the observer and the room display before asking the media server", async () => {
    const t = await h.startServer();
    const { meetingId, ids, clients } = await mediationSession(h, t);
    const display = await h.connect(t.url, await h.displayToken(t.server, meetingId));
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
    expect(await join(clients.partyA, `${AUDIO_OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n`)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect(await emit(clients.partyB, "media.talkJoin", { sdp: AUDIO_OFFER, partyId: ids.partyB })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    // The talk ends; one with the other 张丽 begins: now she may, and the first may not.
    expect(await send(clients.chair, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
    expect(await join(clients.partyA)).toMatchObject({ ok: false, error: { code: "NO_SEPARATE_TALK" } });
    expect(await send(clients.police, { type: "mediation.startSeparateTalk", partyId: ids.partyB })).toMatchObject({ ok: true });
    expect(await join(clients.partyB)).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    expect(await join(clients.partyA)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });

    // Leaving always succeeds; it takes nothing.
    await expectLeaving(clients.partyA);

    // Outside a mediation session there is no separate talk; a caucus is not a talk either.
    expect(await joinFromConsultation(h, t)).toMatchObject({ ok: false, error: { code: "NOT_MEDIATION" } });
    expect(t.logs).toEqual([]);
  });
});
