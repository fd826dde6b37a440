// Who may enter a bargaining side's private audio room (背靠背, media.caucusJoin), through real
// sockets on a real server without a media server: every refusal comes before Janus would be
// asked, so it is the same with Janus running (e2e/media/caucusAudio.test.ts runs it there).
import { afterEach, describe, expect, it } from "vitest";
import { Harness, send } from "../../../testing/server/harness.ts";
import { AUDIO_OFFER, privateAudioRequests } from "../../../testing/server/privateAudioRequests.ts";
import { bargainingTable } from "../../../testing/server/privateTalkMeetings.ts";
import { caucusAudio } from "./caucusAudioHandlers.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const { emit, join, expectLeaving, joinFromConsultation } = privateAudioRequests(caucusAudio);

describe("media.caucusJoin: the side's own members while its caucus runs, and nobody else", () => {
  it("refuses the other side, the recorder, observer, official, a chair without a side and the room display before asking the media server", async () => {
    const t = await h.startServer();
    const { meetingId, clients } = await bargainingTable(h, t);
    const display = await h.connect(t.url, await h.displayToken(t.server, meetingId));

    // No caucus yet: nobody's side is consulting.
    expect(await join(clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    expect(await send(clients.workerChief, { type: "meeting.open" })).toMatchObject({ ok: true });
    expect(await send(clients.workerChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });

    // The worker side's members (the chief too) pass every check; without Janus the answer is MEDIA_UNAVAILABLE.
    for (const key of ["workerChief", "worker1", "worker2"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
    }
    // The other side cannot name the workers' room: its own caucus does not run.
    for (const key of ["enterpriseChief", "enterprise1", "enterprise2"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    }
    for (const key of ["recorder", "observer", "official", "chair"] as const) {
      expect(await join(clients[key]), key).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });
    }
    expect(await join(display)).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });

    // Malformed offers: refused first, whoever asks. The room is audio only.
    expect(await join(clients.worker1, 42)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await join(clients.worker1, `${AUDIO_OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n`)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect(await emit(clients.worker1, "media.caucusJoin", { sdp: AUDIO_OFFER, side: "enterprise" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });

    // The caucus ends: refused again. Leaving always succeeds.
    expect(await send(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    expect(await join(clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    await expectLeaving(clients.worker1);

    // Outside a bargaining meeting there is no caucus.
    expect(await joinFromConsultation(h, t)).toMatchObject({ ok: false, error: { code: "NOT_BARGAINING" } });
    expect(t.logs).toEqual([]);
  });
});
