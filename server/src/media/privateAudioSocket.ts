// What the private audio rooms' socket handlers share (media.caucusJoin, media.talkJoin and their
// leaves; media/privateAudio.ts): the browser's offer checked before it reaches Janus, and leaving
// whichever private room a connection is in when it goes away.
import { z } from "zod";
import { fail, ok } from "../../../core/errors.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { parseWith } from "../gateway/handler.ts";
import type { PrivateAudio } from "./privateAudio.ts";
import { checkSdp, type CheckedSdp } from "./sdp.ts";

export interface PrivateAudioHandlerDeps {
  /** The private rooms at Janus while media is available; undefined otherwise. */
  privateAudio: () => PrivateAudio | undefined;
  log: (message: string, error?: unknown) => void;
}

const SdpRequest = z.object({ sdp: z.unknown() }).strict();

export const parseEmpty = parseWith(z.object({}).strict().optional());

/** A browser's offer, checked before it reaches Janus (sdp.ts): one audio section and nothing else (the rooms are audio only). */
export function parseAudioOffer(input: unknown) {
  const parsed = SdpRequest.safeParse(input);
  const sdp = parsed.success ? checkSdp(parsed.data.sdp) : null;
  const audioOnly = sdp !== null && sdp.audioMids.length === 1 && !/^m=video /m.test(sdp.sdp);
  return sdp && audioOnly ? ok<CheckedSdp>(sdp) : fail<CheckedSdp>("VALIDATION");
}

/** A connection that goes away leaves the private room it joined (its microphone back in the main room). */
export function leavePrivateAudioOnDisconnect(socket: GatewaySocket, deps: PrivateAudioHandlerDeps): void {
  socket.on("disconnect", () => {
    void deps
      .privateAudio()
      ?.leave(socket.data.meetingId, { participantId: socket.data.me.id, connectionId: socket.id })
      .catch((error: unknown) => deps.log("private audio leave on disconnect failed", error));
  });
}
