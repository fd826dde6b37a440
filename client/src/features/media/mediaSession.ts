// The browser's side of the SDP relay (docs/protocol.md, "Media"): publish the microphone (and
// camera) while I may be heard, listen to the audible feeds. Non-trickle: the whole SDP after ICE gathering.
// Muting of everyone without the floor happens at the media server; this only follows it. A
// connection that fails or (listening) goes silent while the socket stays up is replaced by itself
// (connectionWatch.ts; docs/media.md, "Self-healing"). Listening with video or audio only follows
// the member's choice or, in auto, the connection (listenMode.ts; docs/media.md, "Listener modes").
// A listener may listen on the interpretation channel (传译) instead of the floor: the server then
// sends the interpreter's voice instead of the speakers' (features/interpretation/listenChannel.ts).
import type { Ack, IceServersResult, SubscribeResult } from "@core/protocol.ts";
import { openCamera } from "./camera.ts";
import { ConnectionWatch, HEALING, HealBackoff, type Trouble } from "./connectionWatch.ts";
import { IceServers } from "./iceServers.ts";
import { expectedToHear, type ListenChannel } from "../interpretation/listenChannel.ts";
import { ListenModeChooser, listenStatsOf, type ListenMode, type ListenStats } from "./listenMode.ts";
import { onNetworkChange, readNetworkHint, reportListenDecision } from "./listenModeStore.ts";
import { micProblemOf, openMicrophone } from "./settings/microphone.ts";
import { reportMicProblem } from "./settings/micProblemStore.ts";
import { setLocalVideo, setRemoteVideos } from "./videoFeeds.ts";

export type MediaRequest = <T>(
  event: "media.publish" | "media.subscribe" | "media.answer" | "media.leave" | "media.iceServers",
  payload: unknown,
) => Promise<Ack<T> | null>;

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

/**
 * What to listen with: the member's listen mode, who may be heard now (whose silence means trouble),
 * and the channel (原声 / 传译) with the interpreter, whose silence means trouble on that channel.
 */
export interface ListenOptions {
  mode: ListenMode;
  /** My media identity (my participant id; the room's on the display): the mix is not for whoever may be heard. */
  self: string;
  audible: readonly string[];
  /** Absent: the floor. */
  channel?: ListenChannel;
  /** The interpreter while an interpretation runs (interpreterOf). */
  interpreter?: string | null;
}

/** How often the connections are looked at while there are any (docs/media.md, "Self-healing"). */
const WATCH_INTERVAL_MS = 1_000;

export class MediaSession {
  private publisher: { pc: RTCPeerConnection; stream: MediaStream; watch: ConnectionWatch } | null = null;
  private subscriber: RTCPeerConnection | null = null;
  /** The subscriber's watch, from the moment its answer went out. */
  private subscriberWatch: ConnectionWatch | null = null;
  /** The subscriber listens to the meeting's audio mix (docs/media.md, "Audio-only mix"). */
  private subscriberMixed = false;
  private lastListen: ListenOptions | null = null;
  /** Auto's choice between video and audio only, from the hints and the subscriber's stats. */
  private readonly chooser = new ListenModeChooser();
  private readonly stopNetworkWatch: () => void;
  /** The listens turn of the current subscriber: which connection the stats are from. */
  private subscriberTurn = 0;
  private readonly publisherBackoff = new HealBackoff();
  private readonly subscriberBackoff = new HealBackoff();
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private checking = false;
  private republishing = false;
  /** Bumped on every change of intent, so a late answer for an old intent is dropped. */
  private generation = 0;
  /** Bumped on every listen(), so only the latest subscription's offer is answered. */
  private listens = 0;
  /** The member closed their microphone mid-turn: the track is silenced, the publication (and its recording) goes on. */
  private muted = false;
  readonly audio: HTMLAudioElement = new Audio();
  /** TURN with my own short-lived credentials, for every connection (docs/media.md#turn). */
  private readonly iceServers: IceServers;

  constructor(
    private readonly request: MediaRequest,
    private readonly onMic: (status: MicStatus) => void,
  ) {
    this.iceServers = new IceServers((event, payload) => request<IceServersResult>(event, payload));
    this.audio.autoplay = true;
    // The browser's estimate changes even while there is no connection to look at.
    this.stopNetworkWatch = onNetworkChange(() => this.modeMayChange());
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
      const pc = await this.offerPublication(stream, generation);
      if (!pc) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.publisher = { pc, stream, watch: new ConnectionWatch(Date.now(), false) };
      this.publisherBackoff.reset();
      this.watchConnections();
      setLocalVideo(camera ? new MediaStream([camera]) : null);
      this.onMic("live");
    } catch {
      stream.getTracks().forEach((t) => t.stop());
      if (generation === this.generation) this.onMic("off");
    }
  }

  /** Publishes the stream on a new connection; null when refused or superseded meanwhile. */
  private async offerPublication(stream: MediaStream, generation: number): Promise<RTCPeerConnection | null> {
    const pc = new RTCPeerConnection(await this.iceServers.configuration());
    try {
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc);
      const ack = await this.request<{ sdp: string }>("media.publish", { sdp: pc.localDescription?.sdp });
      if (generation !== this.generation || !ack?.ok) {
        pc.close();
        return null;
      }
      await pc.setRemoteDescription({ type: "answer", sdp: ack.sdp });
      return pc;
    } catch (error) {
      pc.close();
      throw error;
    }
  }

  /**
   * My publication's connection failed while the socket is up: publish the same tracks again (the
   * server replaces my publisher), so the microphone stays as I set it and the page shows no change.
   */
  private async republish(): Promise<void> {
    const current = this.publisher;
    if (!current) return;
    const generation = this.generation;
    current.pc.close();
    this.republishing = true;
    let pc: RTCPeerConnection | null = null;
    try {
      pc = await this.offerPublication(current.stream, generation);
    } catch {
      // Failed like a refusal: see below.
    } finally {
      this.republishing = false;
    }
    if (this.publisher !== current || generation !== this.generation) return pc?.close();
    // Not through (refused, or the socket went): the closed connection reads as failed, so the
    // watch tries again after the backoff; a reconnect or a floor change starts over anyway.
    if (!pc) return;
    this.publisher = { ...current, pc, watch: new ConnectionWatch(Date.now(), false) };
  }

  /** Silences (true) or unsilences my microphone without ending the publication. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const track of this.publisher?.stream.getAudioTracks() ?? []) track.enabled = !muted;
  }

  /**
   * (Re)subscribes to whoever may be heard now (call when the floor changes). Each received
   * track goes where the stream map says: audio to the one audio element, video to its owner's tile.
   * A listener on the audio mix keeps it while it would be given it again — the mix follows the
   * floor by itself, so a floor change costs a plenary's audio-only listeners no new negotiation —
   * unless `fresh` (the Janus it listened on went away).
   */
  async listen(options: ListenOptions, { fresh = false } = {}): Promise<void> {
    this.lastListen = options;
    this.chooser.setMode(options.mode);
    reportListenDecision(this.chooser.observe({ at: Date.now(), network: readNetworkHint() }));
    if (!fresh && this.keepsMix(options)) return;
    this.subscriberBackoff.reset();
    await this.subscribe(options);
  }

  private keepsMix(options: ListenOptions): boolean {
    const pc = this.subscriber;
    return (
      this.subscriberMixed &&
      pc !== null &&
      pc.connectionState !== "failed" &&
      pc.connectionState !== "closed" &&
      this.chooser.decision().audioOnly &&
      (options.channel ?? "floor") === "floor" &&
      !options.audible.includes(options.self)
    );
  }

  /**
   * Auto's choice after a look (with the subscriber's stats when there are any): when it changes
   * between video and audio only, subscribe again with it (a fresh listen); true if so.
   */
  private modeMayChange(stats?: ListenStats): boolean {
    const options = this.lastListen;
    if (!options) return false;
    const before = this.chooser.decision().audioOnly;
    const decision = this.chooser.observe({ at: Date.now(), network: readNetworkHint(), stats: stats && { ...stats, connection: this.subscriberTurn } });
    reportListenDecision(decision);
    if (decision.audioOnly === before) return false;
    this.subscriberBackoff.reset();
    void this.subscribe(options);
    return true;
  }

  private async subscribe(options: ListenOptions): Promise<void> {
    const turn = ++this.listens;
    this.subscriberTurn = turn;
    this.subscriber?.close();
    this.subscriber = null;
    this.subscriberWatch = null;
    this.subscriberMixed = false;
    setRemoteVideos(new Map());
    // The floor is the default channel: asked for as before.
    const ack = await this.request<SubscribeResult>("media.subscribe", {
      audioOnly: this.chooser.decision().audioOnly,
      ...(options.channel === "interpretation" ? { channel: "interpretation" } : {}),
    });
    // A later listen() asked meanwhile: the server replaced this subscription with that one, so
    // answering this offer would go to the wrong one.
    if (turn !== this.listens || !ack?.ok || !ack.sdp) return;
    const configuration = await this.iceServers.configuration();
    if (turn !== this.listens) return;
    const pc = new RTCPeerConnection(configuration);
    this.subscriber = pc;
    this.subscriberMixed = ack.mixed;
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
      if (this.subscriber !== pc) return;
      // Audio must keep arriving while someone I subscribed to may be heard (a muted feed sends none):
      // on the interpretation channel the interpreter, whatever the floor does; on the mix always
      // (it sends encoded silence when nobody is heard).
      const expected = expectedToHear(ack.channel, options.audible, options.interpreter ?? null);
      this.subscriberWatch = new ConnectionWatch(Date.now(), ack.mixed || ack.feeds.some((feed) => expected.includes(feed)));
      this.watchConnections();
    } catch {
      pc.close();
    }
  }

  /** Looks at the connections once a second while there are any. */
  private watchConnections(): void {
    this.watchTimer ??= setInterval(() => void this.check(), WATCH_INTERVAL_MS);
  }

  private async check(): Promise<void> {
    if (!this.publisher && !this.subscriber) {
      if (this.watchTimer !== null) clearInterval(this.watchTimer);
      this.watchTimer = null;
      return;
    }
    if (this.checking) return;
    this.checking = true;
    try {
      const publisher = this.publisher;
      if (publisher && !this.republishing) {
        const trouble = publisher.watch.read({
          at: Date.now(),
          connectionState: publisher.pc.connectionState,
          iceConnectionState: publisher.pc.iceConnectionState,
        });
        if (this.heals(this.publisherBackoff, publisher.watch, trouble)) void this.republish();
      }
      const pc = this.subscriber;
      const watch = this.subscriberWatch;
      const options = this.lastListen;
      if (pc && watch && options) {
        const stats = await listenStats(pc);
        if (this.subscriberWatch !== watch) return;
        const { audioPackets } = stats;
        const trouble = watch.read({ at: Date.now(), connectionState: pc.connectionState, iceConnectionState: pc.iceConnectionState, audioPackets });
        // A change of mode subscribes anew anyway, which also heals.
        if (this.modeMayChange(stats)) return;
        if (this.heals(this.subscriberBackoff, watch, trouble)) void this.subscribe(options);
      }
    } finally {
      this.checking = false;
    }
  }

  /** Whether to replace the connection now (and counts the attempt); a long healthy spell forgives earlier ones. */
  private heals(backoff: HealBackoff, watch: ConnectionWatch, trouble: Trouble | null): boolean {
    const now = Date.now();
    if (watch.healthyFor(now) >= HEALING.healthyMs) backoff.reset();
    if (!trouble || !backoff.allows(trouble, now)) return false;
    backoff.attempted(trouble, now);
    return true;
  }

  close(): void {
    this.stopNetworkWatch();
    this.lastListen = null;
    reportListenDecision(null);
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.watchTimer = null;
    this.subscriberWatch = null;
    this.generation++;
    this.listens++;
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

/** What the listening connection has received so far: audio packets for the watch, loss and video for the mode (all 0 once it is closed). */
async function listenStats(pc: RTCPeerConnection): Promise<ListenStats> {
  try {
    return listenStatsOf((await pc.getStats()).values());
  } catch {
    // Closed meanwhile: the caller sees it has moved on.
    return listenStatsOf([]);
  }
}
