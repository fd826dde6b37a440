// The browser's side of the SDP relay (docs/protocol.md, "Media"): publish the microphone (and
// camera) while I may be heard, listen to the audible feeds. Non-trickle: the whole SDP after ICE gathering.
// Muting of everyone without the floor happens at the media server; this only follows it.
import type { Ack, SubscribeResult } from "@core/protocol.ts";
import { openCamera } from "./camera.ts";
import { micProblemOf, openMicrophone } from "./settings/microphone.ts";
import { reportMicProblem } from "./settings/micProblemStore.ts";
import { setLocalVideo, setRemoteVideos } from "./videoFeeds.ts";

export type MediaRequest = <T>(event: "media.publish" | "media.subscribe" | "media.answer" | "media.leave", payload: unknown) => Promise<Ack<T> | null>;

/** Resolves once ICE gathering is complete (non-trickle: the whole SDP goes in one message). */
export function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (pc.iceGatheringState !== "complete") return;
      pc.removeEventListener("icegatheringstatechange", done);
      resolve();
    };
    pc.addEventListener("icegatheringstatechange", done);
  });
}

/** My microphone: sent (live), not sent (off), or the browser would not open it (refused). */
export type MicStatus = "live" | "off" | "refused";

/** What to publish with: the chosen devices; audio-only sends no camera. */
export interface PublishOptions {
  micId?: string;
  cameraId?: string;
  audioOnly: boolean;
}

export class MediaSession {
  private publisher: { pc: RTCPeerConnection; stream: MediaStream } | null = null;
  private subscriber: RTCPeerConnection | null = null;
  /** Bumped on every change of intent, so a late answer for an old intent is dropped. */
  private generation = 0;
  /** Bumped on every listen(), so only the latest subscription's offer is answered. */
  private listens = 0;
  /** The member closed their microphone mid-turn: the track is silenced, the publication (and its recording) goes on. */
  private muted = false;
  readonly audio: HTMLAudioElement = new Audio();

  constructor(
    private readonly request: MediaRequest,
    private readonly onMic: (status: MicStatus) => void,
  ) {
    this.audio.autoplay = true;
  }

  /** Opens (true) or closes (false) my microphone, and my camera unless in audio-only mode. */
  async setPublishing(on: boolean, options: PublishOptions = { audioOnly: false }): Promise<void> {
    const generation = ++this.generation;
    this.stopPublishing();
    if (!on) return;
    let stream: MediaStream;
    try {
      // `exact`, falling back to the default when the device is gone: Chromium ignores an
      // `ideal` deviceId (e2e/media/micChoice.test.ts).
      stream = await openMicrophone(options.micId);
    } catch (error) {
      if (generation !== this.generation) return;
      reportMicProblem(micProblemOf(error));
      this.onMic("refused");
      return;
    }
    reportMicProblem(null);
    for (const track of stream.getAudioTracks()) track.enabled = !this.muted;
    // Without a camera (none, refused, or audio-only) I am heard without being seen.
    const camera = options.audioOnly ? null : await openCamera(options.cameraId);
    if (camera) stream.addTrack(camera);
    try {
      if (generation !== this.generation) throw new Error("superseded");
      const pc = new RTCPeerConnection();
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc);
      const ack = await this.request<{ sdp: string }>("media.publish", { sdp: pc.localDescription?.sdp });
      if (generation !== this.generation || !ack?.ok) {
        pc.close();
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      await pc.setRemoteDescription({ type: "answer", sdp: ack.sdp });
      this.publisher = { pc, stream };
      setLocalVideo(camera ? new MediaStream([camera]) : null);
      this.onMic("live");
    } catch {
      stream.getTracks().forEach((t) => t.stop());
      if (generation === this.generation) this.onMic("off");
    }
  }

  /** Silences (true) or unsilences my microphone without ending the publication. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const track of this.publisher?.stream.getAudioTracks() ?? []) track.enabled = !muted;
  }

  /**
   * (Re)subscribes to whoever may be heard now (call when the floor changes). Each received
   * track goes where the stream map says: audio to the one audio element, video to its owner's tile.
   */
  async listen(options: { audioOnly: boolean } = { audioOnly: false }): Promise<void> {
    const turn = ++this.listens;
    this.subscriber?.close();
    this.subscriber = null;
    setRemoteVideos(new Map());
    const ack = await this.request<SubscribeResult>("media.subscribe", { audioOnly: options.audioOnly });
    // A later listen() asked meanwhile: the server replaced this subscription with that one, so
    // answering this offer would go to the wrong one.
    if (turn !== this.listens || !ack?.ok || !ack.sdp) return;
    const pc = new RTCPeerConnection();
    this.subscriber = pc;
    const owners = new Map(ack.streams.map((s) => [s.mid, s.participantId]));
    const audio = new MediaStream();
    const videos = new Map<string, MediaStream>();
    pc.addEventListener("track", (event) => {
      if (this.subscriber !== pc) return;
      if (event.track.kind === "audio") {
        audio.addTrack(event.track);
        this.audio.srcObject = audio;
        void this.audio.play().catch(() => undefined);
        return;
      }
      const owner = event.transceiver.mid === null ? undefined : owners.get(event.transceiver.mid);
      if (!owner) return;
      videos.set(owner, new MediaStream([event.track]));
      setRemoteVideos(new Map(videos));
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp: ack.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered(pc);
      if (this.subscriber !== pc) return pc.close();
      await this.request("media.answer", { sdp: pc.localDescription?.sdp });
    } catch {
      pc.close();
    }
  }

  close(): void {
    this.generation++;
    this.stopPublishing();
    this.subscriber?.close();
    this.subscriber = null;
    this.audio.srcObject = null;
    setRemoteVideos(new Map());
    void this.request("media.leave", {});
  }

  private stopPublishing(): void {
    if (!this.publisher) return;
    this.publisher.pc.close();
    this.publisher.stream.getTracks().forEach((t) => t.stop());
    this.publisher = null;
    setLocalVideo(null);
    this.onMic("off");
  }
}
