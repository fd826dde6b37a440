// The browser's side of the SDP relay (docs/protocol.md, "Media"): publish the microphone while
// I may be heard, listen to the audible feeds. Non-trickle: the whole SDP after ICE gathering.
// Muting of everyone without the floor happens at the media server; this only follows it.
import type { Ack } from "@core/protocol.ts";

export type MediaRequest = <T>(event: "media.publish" | "media.subscribe" | "media.answer" | "media.leave", payload: unknown) => Promise<Ack<T> | null>;

function gathered(pc: RTCPeerConnection): Promise<void> {
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

export class MediaSession {
  private publisher: { pc: RTCPeerConnection; stream: MediaStream } | null = null;
  private subscriber: RTCPeerConnection | null = null;
  /** Bumped on every change of intent, so a late answer for an old intent is dropped. */
  private generation = 0;
  readonly audio: HTMLAudioElement = new Audio();

  constructor(
    private readonly request: MediaRequest,
    private readonly onLive: (live: boolean) => void,
  ) {
    this.audio.autoplay = true;
  }

  /** Opens (true) or closes (false) my microphone. */
  async setPublishing(on: boolean): Promise<void> {
    const generation = ++this.generation;
    this.stopPublishing();
    if (!on) return;
    let stream: MediaStream | undefined;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const pc = new RTCPeerConnection();
      for (const track of stream.getAudioTracks()) pc.addTransceiver(track, { direction: "sendonly" });
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
      this.onLive(true);
    } catch {
      stream?.getTracks().forEach((t) => t.stop());
      this.onLive(false);
    }
  }

  /** (Re)subscribes to whoever may be heard now (call when the floor changes). */
  async listen(): Promise<void> {
    this.subscriber?.close();
    this.subscriber = null;
    const ack = await this.request<{ sdp: string | null; feeds: string[] }>("media.subscribe", {});
    if (!ack?.ok || !ack.sdp) return;
    const pc = new RTCPeerConnection();
    this.subscriber = pc;
    const stream = new MediaStream();
    pc.addEventListener("track", (event) => {
      stream.addTrack(event.track);
      this.audio.srcObject = stream;
      void this.audio.play().catch(() => undefined);
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
    void this.request("media.leave", {});
  }

  private stopPublishing(): void {
    if (!this.publisher) return;
    this.publisher.pc.close();
    this.publisher.stream.getTracks().forEach((t) => t.stop());
    this.publisher = null;
    this.onLive(false);
  }
}
