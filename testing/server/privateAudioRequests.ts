// A private audio room's messages (media.caucusJoin / caucusLeave, media.talkJoin / talkLeave; the
// server's kinds in server/src/media/privateAudioSocket.ts) sent from a harness socket, without a
// browser: who may enter is decided before Janus would be asked.
import { expect } from "vitest";
import type { PrivateAudioKind } from "../../server/src/media/privateAudioSocket.ts";
import type { Harness, TestClient, TestServer } from "./harness.ts";

/** A browser's audio-only offer (what Chromium sends for one microphone), shortened. */
export const AUDIO_OFFER =
  "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\n";

/**
 * The kind's messages, each acknowledged within 5 s: `emit` any payload, `join` with an offer
 * (AUDIO_OFFER unless told), `leave`; `expectLeaving` checks that leaving always succeeds and takes
 * nothing; `joinFromConsultation` asks as a member of an open consultation meeting (not the kind's).
 */
export function privateAudioRequests(kind: Pick<PrivateAudioKind, "join" | "leave">) {
  const emit = (client: TestClient, event: PrivateAudioKind["join"] | PrivateAudioKind["leave"], payload: unknown) =>
    client.socket.timeout(5000).emitWithAck(event, payload);
  const join = (client: TestClient, sdp: unknown = AUDIO_OFFER) => emit(client, kind.join, { sdp });
  const leave = (client: TestClient, payload: unknown = {}) => emit(client, kind.leave, payload);
  return {
    emit,
    join,
    leave,
    expectLeaving: async (client: TestClient) => {
      expect(await leave(client)).toEqual({ ok: true });
      expect(await leave(client, { x: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    },
    joinFromConsultation: async (h: Harness, t: TestServer) => {
      const other = await h.createMeeting(t.server, "区政协双周协商座谈会", { open: true });
      return join(await h.connect(t.url, other.tokens.member1));
    },
  };
}
