// The browser's side of a private audio room (docs/media.md#private-audio-背靠背): a bargaining
// side's caucus (media.caucusJoin) or a mediation session's separate talk (media.talkJoin). One
// connection that sends my microphone and receives the room's mix (everyone in it but me).
// Non-trickle, like the meeting's media (features/media/mediaSession.ts). While I am in it the
// server mutes my microphone in the meeting's room.
import type { CoreError } from "@core/errors.ts";
import type { Ack, IceServersResult } from "@core/protocol.ts";
import { IceServers } from "../iceServers.ts";
import { gathered } from "../mediaSession.ts";
import { micProblemOf, openMicrophone, type MicProblem } from "../settings/microphone.ts";

/** The events of one kind of private room: how to join it (an offer) and leave it. */
export type PrivateAudioEvents = { join: "media.caucusJoin"; leave: "media.caucusLeave" } | { join: "media.talkJoin"; leave: "media.talkLeave" };

export const CAUCUS_AUDIO: PrivateAudioEvents = { join: "media.caucusJoin", leave: "media.caucusLeave" };
export const TALK_AUDIO: PrivateAudioEvents = { join: "media.talkJoin", leave: "media.talkLeave" };

export type PrivateAudioRequest = <T>(
  event: PrivateAudioEvents["join"] | PrivateAudioEvents["leave"] | "media.iceServers",
  payload: unknown,
) => Promise<Ack<T> | null>;

/** How a join ended: in the room, refused by the server, the microphone would not open, or no answer (offline). */
export type PrivateJoinResult = { ok: true } | { ok: false; error: CoreError } | { ok: false; micProblem: MicProblem } | { ok: false; offline: true };

export class PrivateAudioCall {
  private current: { pc: RTCPeerConnection; stream: MediaStream; audio: HTMLAudioElement } | null = null;
  /** Bumped by every join and leave: a join overtaken by a leave gives up. */
  private generation = 0;
  /** TURN with my own short-lived credentials, as for the meeting's media (docs/media.md#turn). */
  private readonly iceServers: IceServers;

  constructor(
    private readonly request: PrivateAudioRequest,
    private readonly events: PrivateAudioEvents,
  ) {
    this.iceServers = new IceServers((event, payload) => request<IceServersResult>(event, payload));
  }

  get joined(): boolean {
    return this.current !== null;
  }

  async join(micId: string | undefined): Promise<PrivateJoinResult> {
    this.close();
    const generation = ++this.generation;
    let stream: MediaStream;
    try {
      stream = await openMicrophone(micId);
    } catch (error) {
      return { ok: false, micProblem: micProblemOf(error) };
    }
    const configuration = await this.iceServers.configuration();
    if (generation !== this.generation) {
      stream.getTracks().forEach((track) => track.stop());
      return { ok: false, offline: true };
    }
    const pc = new RTCPeerConnection(configuration);
    const audio = new Audio();
    audio.autoplay = true;
    pc.addEventListener("track", (event) => {
      audio.srcObject = new MediaStream([event.track]);
      void audio.play().catch(() => undefined);
    });
    const abandon = () => {
      pc.close();
      stream.getTracks().forEach((track) => track.stop());
    };
    try {
      const [track] = stream.getAudioTracks();
      if (!track) throw new Error("no microphone track");
      pc.addTransceiver(track, { direction: "sendrecv" });
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc);
      const ack = await this.request<{ sdp: string }>(this.events.join, { sdp: pc.localDescription?.sdp });
      if (generation !== this.generation) {
        // Left (or joined again) meanwhile: out of the room at the server too.
        abandon();
        if (ack?.ok) void this.request(this.events.leave, {});
        return { ok: false, offline: true };
      }
      if (!ack) {
        abandon();
        return { ok: false, offline: true };
      }
      if (!ack.ok) {
        abandon();
        return ack;
      }
      await pc.setRemoteDescription({ type: "answer", sdp: ack.sdp });
      this.current = { pc, stream, audio };
      return { ok: true };
    } catch {
      abandon();
      return { ok: false, offline: true };
    }
  }

  /** Leaves the room (the server puts my microphone back in the meeting's room). */
  async leave(): Promise<void> {
    const wasIn = this.current !== null;
    this.close();
    if (wasIn) await this.request(this.events.leave, {});
  }

  /** Stops sending and playing here (the caucus or talk ended: the server already destroyed the room). */
  close(): void {
    this.generation++;
    const current = this.current;
    this.current = null;
    if (!current) return;
    current.pc.close();
    current.stream.getTracks().forEach((track) => track.stop());
    current.audio.srcObject = null;
  }
}
