// The SDP relay between browsers (through our authenticated socket) and Janus's VideoRoom, and
// floor control at the media server. Per meeting one VideoRoom at the origin Janus that our
// server creates with a random secret that never leaves the server; per participant at most one
// publisher handle there, and per connection one subscriber handle — at the origin, or, when the
// media plane has edges (a plenary's listeners, docs/media.md#plenary-edges), at the edge the
// connection is placed on (edgeRelay.ts). Audio-only listeners get the meeting's mix instead, when
// Janus can make it (audioMix.ts, mixMountpoints.ts). Browsers never see Janus's API, ids or
// secrets beyond the SDP.
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { randomInt } from "node:crypto";
import type { RecordingTarget } from "../../../core/media/recording.ts";
import type { ListenChannel, SubscribedStream, SubscribeResult } from "../../../core/protocol.ts";
import { VENUE_ID } from "../../../core/media/audible.ts";
import { AudioMix } from "./audioMix.ts";
import { EdgeRelay, onceKnown, type EdgeInstance } from "./edgeRelay.ts";
import { randomSecret } from "./janusConfig.ts";
import { MediaError } from "./janusErrors.ts";
import { JanusLink } from "./janusLink.ts";
import { MeetingQueues } from "./meetingQueues.ts";
import { MixMountpoints } from "./mixMountpoints.ts";
import { publishedStreams, type PublishedStream } from "./sdp.ts";
import type { RelayRecorder, Take } from "./recording/speechRecorder.ts";

/** Who asks: the media identity (a participant, or the room 会场 for a venue terminal) and the socket. */
export interface MediaPeer {
  participantId: string;
  connectionId: string;
}

interface Publisher {
  handle: VideoRoomHandle;
  /** The connection that published it (a participant may have several open). */
  connectionId: string;
  feed: number;
  audioMids: string[];
  /** Its media sections in m-line order, as Janus answered (an edge's slot copies the layout). */
  streams: PublishedStream[];
  /** The edges it is forwarded to (a slot on each). */
  remotes: Set<EdgeRelay>;
  /** Its audio is forwarded into the meeting's mix. */
  mixed: boolean;
  /** What Janus was last told (undefined: nothing yet). */
  muted: boolean | undefined;
  /** Its PeerConnection is up at Janus (only then can anyone subscribe to it). */
  live: boolean;
  /** Janus is recording it for this speech (configure record: true). */
  take?: Take | undefined;
}

interface Room {
  id: number;
  secret: string;
  nextFeed: number;
  /** By participant: one publisher each. */
  publishers: Map<string, Publisher>;
  /** By connection: every open page listens on its own (to feeds, or to the mix's mountpoint). */
  subscribers: Map<string, Pick<VideoRoomHandle, "start" | "detach">>;
  /** The connections whose subscription is the mix. */
  mixListeners: Set<string>;
  /** By connection: the edge it listens on while it stays connected (none: the origin), so also where its subscriber handle is. */
  placements: Map<string, EdgeRelay>;
  audible: ReadonlySet<string>;
  /** The interpreter (传译): let through at Janus for their own channel, never into the floor's mix. */
  interpreter: string | null;
}

/** Where a listener subscribes: the meeting's room at the origin or at an edge, and what each publisher is called there. */
interface ListeningPoint {
  /** "origin", or the edge's id. */
  id: string;
  roomId: number;
  edge: EdgeRelay | undefined;
  mountpoints: MixMountpoints;
  attach: () => Promise<VideoRoomHandle>;
  feedOf: (participantId: string, publisher: Publisher) => Promise<{ feed: number; audioMids: string[]; videoMids: string[] }>;
}

export interface MediaRelayDeps {
  janusUrl: string;
  log: (message: string, error?: unknown) => void;
  /** An audible publisher's feed came up or went away: listeners should subscribe again. */
  onFeedsChanged?: (meetingId: string) => void;
  /** Per-speech recordings (docs/media.md#recordings); none when absent. */
  recorder?: RelayRecorder;
  /** Edge Janus instances for listeners (a plenary); none: everyone listens at the origin. */
  edges?: EdgeInstance[];
  /** These connections' edge went away: they should subscribe again (and are placed elsewhere). */
  onListenersMoved?: (meetingId: string, connectionIds: string[]) => void;
}

export class MediaRelay {
  private readonly origin: JanusLink;
  private readonly edges: EdgeRelay[];
  private readonly mix: AudioMix;
  private readonly originMountpoints: MixMountpoints;
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Per meeting, operations run one at a time (publish, moderate, leave). */
  private readonly queues = new MeetingQueues();
  /** Per meeting, who is in a private audio room (privateAudio.ts: a caucus, a separate talk): muted here whatever the floor. */
  private readonly withdrawn = new Map<string, Set<string>>();
  constructor(private readonly deps: MediaRelayDeps) {
    this.origin = new JanusLink(deps.janusUrl, () => this.reset());
    this.mix = new AudioMix(this.origin);
    // The bridge forwards the mix to a mountpoint on its own Janus over loopback.
    this.originMountpoints = new MixMountpoints(this.origin, "127.0.0.1");
    this.edges = (deps.edges ?? []).map((instance) => new EdgeRelay(instance, { log: deps.log, lost: (edge) => this.edgeLost(edge) }));
  }

  /** Publishes a participant's offer; returns Janus's answer. Muted at once unless audible. */
  publish(
    meetingId: string,
    peer: MediaPeer,
    offer: { sdp: string; audioMids: string[] },
    audible: ReadonlySet<string>,
    interpreter: string | null = null,
  ): Promise<string> {
    const { participantId, connectionId } = peer;
    return this.queues.run(meetingId, async () => {
      const room = await this.room(meetingId, audible, interpreter);
      await this.dropPublisher(meetingId, room, participantId);
      const handle = await this.attach();
      const feed = room.nextFeed++;
      const publisher: Publisher = {
        handle,
        connectionId,
        feed,
        audioMids: offer.audioMids,
        streams: [],
        remotes: new Set(),
        mixed: false,
        muted: undefined,
        live: false,
      };
      const changed = (live: boolean) => {
        publisher.live = live;
        const shown = room.audible.has(participantId) || participantId === VENUE_ID;
        if (room.publishers.get(participantId) === publisher && shown) this.deps.onFeedsChanged?.(meetingId);
      };
      handle.on("handle_webrtcup", () => changed(true));
      handle.on("handle_hangup", () => changed(false));
      try {
        const joined = await handle.joinConfigurePublisher({ room: room.id, feed, display: participantId, jsep: { type: "offer", sdp: offer.sdp } });
        if (!joined.jsep?.sdp) throw new Error("Janus gave no answer");
        publisher.streams = publishedStreams(joined.jsep.sdp);
        room.publishers.set(participantId, publisher);
        // Before the browser has the answer, so no unallowed audio ever reaches a listener.
        await this.moderate(meetingId, room, participantId, publisher);
        if (this.mix.started(meetingId))
          await this.feedMix(meetingId, room, participantId, publisher).catch((error: unknown) =>
            this.deps.log(`could not feed a publisher into the mix of meeting ${meetingId}`, error),
          );
        await this.record(meetingId, room, participantId, publisher, await this.recordingTarget(meetingId));
        return joined.jsep.sdp;
      } catch (error) {
        if (room.publishers.get(participantId) === publisher) room.publishers.delete(participantId);
        await handle.detach().catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * The feeds a listener receives: the shown participants' (chair, floor holder, the room — whose
   * audio Janus drops while they may not be heard; `audible` only seeds a room created here).
   * `audioOnly` (weak connections): the meeting's mix — one audio stream, whoever is heard — or,
   * where no mix can be made, or for someone who may be heard themselves (they would hear their
   * own voice in it), only each feed's audio mids; either way no video RTP is sent at all.
   */
  subscribe(
    meetingId: string,
    peer: MediaPeer,
    who: { shown: ReadonlySet<string>; audible: ReadonlySet<string>; interpreter?: string | null },
    options: { audioOnly?: boolean; channel?: ListenChannel } = {},
  ): Promise<SubscribeResult> {
    const { participantId, connectionId } = peer;
    return this.queues.run(meetingId, async () => {
      const room = await this.room(meetingId, who.audible, who.interpreter ?? null);
      await this.dropSubscriber(room, connectionId);
      // 传译: the speakers' video and the interpreter's voice instead of theirs (while the interpreter publishes).
      const interpreter = who.interpreter && who.interpreter !== participantId ? room.publishers.get(who.interpreter) : undefined;
      const channel: ListenChannel = options.channel === "interpretation" && interpreter?.live ? "interpretation" : "floor";
      const wanted = (id: string): "all" | "audio" | "video" | null => {
        if (channel === "interpretation") return id === who.interpreter ? "audio" : who.shown.has(id) && !options.audioOnly ? "video" : null;
        return who.shown.has(id) ? (options.audioOnly ? "audio" : "all") : null;
      };
      const point = await this.listeningPoint(meetingId, room, connectionId);
      if (options.audioOnly && channel === "floor" && !who.audible.has(participantId)) {
        const mixed = await this.listenToMix(meetingId, room, peer, who.shown, point);
        if (mixed) return mixed;
      }
      const byFeed = new Map<number, string>();
      const requested: { feed: number; mid?: string }[] = [];
      for (const [id, p] of room.publishers) {
        const part = id === participantId || !p.live ? null : wanted(id);
        if (!part || (part !== "all" && !p.streams.some((s) => s.type === part))) continue;
        const { feed, audioMids, videoMids } = await point.feedOf(id, p);
        byFeed.set(feed, id);
        requested.push(...(part === "all" ? [{ feed }] : (part === "audio" ? audioMids : videoMids).map((mid) => ({ feed, mid }))));
      }
      if (requested.length === 0) return { sdp: null, feeds: [], streams: [], channel, mixed: false };
      const handle = await point.attach();
      try {
        const join = () => handle.joinSubscriber({ room: point.roomId, streams: requested });
        const joined = await (point.edge ? onceKnown(join) : join());
        if (!joined.jsep?.sdp) throw new Error("Janus gave no offer");
        room.subscribers.set(connectionId, handle);
        const streams = (joined.streams ?? []).flatMap((s): SubscribedStream[] => {
          const owner = s.feed_id === undefined ? undefined : byFeed.get(s.feed_id);
          return owner && s.mid !== undefined && (s.type === "audio" || s.type === "video") ? [{ mid: s.mid, kind: s.type, participantId: owner }] : [];
        });
        return { sdp: joined.jsep.sdp, feeds: [...byFeed.values()], streams, channel, mixed: false };
      } catch (error) {
        await handle.detach().catch(() => undefined);
        throw error;
      }
    });
  }

  /** The listener's answer to the offer from `subscribe`. */
  answer(meetingId: string, connectionId: string, sdp: string): Promise<void> {
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      const handle = room?.subscribers.get(connectionId);
      if (!handle) throw new MediaError("NOT_FOUND", "no subscription to answer");
      await handle.start({ jsep: { type: "answer", sdp } });
    });
  }

  /** Stops this connection's listening, and its publishing if it is the one that published (also on disconnect). */
  leave(meetingId: string, peer: MediaPeer): Promise<void> {
    if (!this.rooms.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      if (!room) return;
      if (room.publishers.get(peer.participantId)?.connectionId === peer.connectionId) await this.dropPublisher(meetingId, room, peer.participantId);
      await this.dropSubscriber(room, peer.connectionId);
      this.unplace(room, peer.connectionId);
    });
  }

  /** Floor control: mutes at Janus every publisher that may not be heard now, unmutes the others; the interpreter stays out of the mix. */
  applyAudible(meetingId: string, audible: ReadonlySet<string>, interpreter: string | null = null): Promise<void> {
    if (!this.rooms.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      if (!room) return;
      room.audible = audible;
      room.interpreter = interpreter;
      // Each publisher on its own: one failure must not leave the others unmuted.
      const failures: unknown[] = [];
      for (const [participantId, publisher] of room.publishers) {
        await this.moderate(meetingId, room, participantId, publisher).catch((error: unknown) => failures.push(error));
      }
      if (failures.length > 0) throw failures[0];
    });
  }

  /**
   * A participant went into (or came back from) their side's private audio room (背靠背): while
   * there, their publisher here is muted at Janus even when the floor would let them be heard.
   */
  withdraw(meetingId: string, participantId: string, withdrawn: boolean): Promise<void> {
    const set = this.withdrawn.get(meetingId) ?? new Set<string>();
    if (withdrawn) set.add(participantId);
    else set.delete(participantId);
    if (set.size > 0) this.withdrawn.set(meetingId, set);
    else this.withdrawn.delete(meetingId);
    if (!this.rooms.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      const publisher = room?.publishers.get(participantId);
      if (room && publisher) await this.moderate(meetingId, room, participantId, publisher);
    });
  }

  /** Recording follows the speech: Janus records the target's publisher, and no other. */
  applyRecording(meetingId: string, target: RecordingTarget | null): Promise<void> {
    if (!this.deps.recorder || !this.rooms.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      if (!room) return;
      for (const [participantId, publisher] of room.publishers) await this.record(meetingId, room, participantId, publisher, target);
    });
  }

  /** For tests and diagnostics: what Janus was told about each publisher, and the edges it is forwarded to. */
  async publishers(meetingId: string): Promise<{ participantId: string; feed: number; muted: boolean | undefined; live: boolean; edges: string[] }[]> {
    const room = await this.rooms.get(meetingId);
    return room
      ? [...room.publishers].map(([participantId, p]) => ({
          participantId,
          feed: p.feed,
          muted: p.muted,
          live: p.live,
          edges: [...p.remotes].map((e) => e.id),
        }))
      : [];
  }

  /** For tests and diagnostics: where each listening connection subscribed (an edge's id, or null: the origin). */
  async listeners(meetingId: string): Promise<Map<string, string | null>> {
    const room = await this.rooms.get(meetingId);
    return new Map([...(room?.subscribers.keys() ?? [])].map((connectionId) => [connectionId, room?.placements.get(connectionId)?.id ?? null]));
  }

  /** For tests and diagnostics: the connections listening to the meeting's mix. */
  async mixListeners(meetingId: string): Promise<string[]> {
    return [...((await this.rooms.get(meetingId))?.mixListeners ?? [])];
  }

  /** Janus went away (crash/restart): its rooms and handles are gone; clients re-negotiate. */
  reset(): void {
    this.origin.drop();
    // Janus closed the recordings it had open when it stopped: what it wrote is still a take.
    for (const room of this.rooms.values())
      void room.then(
        (r) => this.finishTakes(r),
        () => undefined,
      );
    this.rooms.clear();
    this.mix.forget();
    this.originMountpoints.forget();
    // The private audio rooms died with Janus too: nobody is in one any more.
    this.withdrawn.clear();
    // The edges' slots and mountpoints lost their source; listeners subscribe again once the origin is back.
    for (const edge of this.edges) edge.reset();
  }

  async close(): Promise<void> {
    // Recordings still open (a speech running at shutdown) are closed at Janus and handed to the
    // recorder first, so what was said so far is kept.
    await Promise.all(
      [...this.rooms].map(([meetingId, pending]) =>
        this.queues.run(meetingId, async () => {
          const room = await pending.catch(() => undefined);
          for (const publisher of room?.publishers.values() ?? []) await this.stopRecording(publisher);
        }),
      ),
    );
    this.rooms.clear();
    await Promise.all([this.origin.close(), ...this.edges.map((edge) => edge.close())]);
  }

  private async moderate(meetingId: string, room: Room, participantId: string, publisher: Publisher): Promise<void> {
    const mute = !room.audible.has(participantId) || this.withdrawn.get(meetingId)?.has(participantId) === true;
    // The mix is the floor's: the interpreter, let through for their own channel, is kept out of it.
    if (publisher.mixed)
      await this.mix
        .muteInlet(meetingId, publisher.feed, mute || participantId === room.interpreter)
        .catch((error: unknown) => this.deps.log(`could not ${mute ? "mute" : "unmute"} an inlet of the mix`, error));
    if (publisher.muted === mute) return;
    for (const mid of publisher.audioMids) {
      // janode does not wrap `moderate`: a plain plugin message (../shared/docs/stack.md).
      await publisher.handle.message({ request: "moderate", room: room.id, secret: room.secret, id: publisher.feed, mid, mute }).catch((error: unknown) => {
        // 428 (no such feed/stream): the browser hung up, so no audio of it can flow; it can
        // only publish again through `publish`, which makes a new handle and moderates it.
        if ((error as { _code?: unknown })._code !== 428) throw error;
      });
    }
    publisher.muted = mute;
    // Defence in depth: a muted publisher sends nothing to its edges, and its slots there are muted too.
    for (const edge of publisher.remotes)
      await edge
        .muteSlot(meetingId, publisher.feed, mute)
        .catch((error: unknown) => this.deps.log(`could not ${mute ? "mute" : "unmute"} a slot on edge ${edge.id}`, error));
  }

  private async dropPublisher(meetingId: string, room: Room, participantId: string): Promise<void> {
    const publisher = room.publishers.get(participantId);
    if (!publisher) return;
    room.publishers.delete(participantId);
    await this.stopRecording(publisher);
    // Detaching ends its forwardings to the edges; their slots go too.
    await publisher.handle.detach().catch(() => undefined);
    for (const edge of publisher.remotes) await edge.removeSlot(meetingId, publisher.feed).catch(() => undefined);
    // Its forwarding into the mix ended with it too; its inlet leaves the bridge.
    if (publisher.mixed) await this.mix.removeInlet(meetingId, publisher.feed).catch(() => undefined);
  }

  private async recordingTarget(meetingId: string): Promise<RecordingTarget | null> {
    try {
      return (await this.deps.recorder?.target(meetingId)) ?? null;
    } catch (error) {
      this.deps.log(`recording: could not read the floor of meeting ${meetingId}`, error);
      return null;
    }
  }

  /**
   * Starts or stops Janus's recorder of one publisher so that only the target's current speech
   * is recorded; a new speech (or a republish) is a new take. Never throws: a recording problem
   * must not break publishing or floor control.
   */
  private async record(meetingId: string, room: Room, participantId: string, publisher: Publisher, target: RecordingTarget | null): Promise<void> {
    const recorder = this.deps.recorder;
    if (!recorder) return;
    // The floor holder's speech, and the interpreter's channel beside it (another take of the speech).
    const speechId = target && (target.participantId === participantId || target.interpreterId === participantId) ? target.speechId : undefined;
    if (publisher.take && publisher.take.speechId !== speechId) await this.stopRecording(publisher);
    if (!target || speechId === undefined || publisher.take || room.publishers.get(participantId) !== publisher) return;
    try {
      const take = await recorder.begin(meetingId, { participantId, speechId });
      // Janus writes <rec_dir>/<take id>-audio-<n>.mjr (and -video- for a camera).
      await publisher.handle.configure({ record: true, filename: take.id });
      publisher.take = take;
    } catch (error) {
      this.deps.log(`recording speech ${speechId} of meeting ${meetingId} could not start`, error);
    }
  }

  private async stopRecording(publisher: Publisher): Promise<void> {
    const take = publisher.take;
    if (!take) return;
    publisher.take = undefined;
    // Janus closes the files before it answers; if the browser already hung up, Janus closed
    // them then and refuses the request, which changes nothing.
    await publisher.handle.configure({ record: false }).catch(() => undefined);
    this.deps.recorder?.finish(take);
  }

  private finishTakes(room: Room): void {
    for (const publisher of room.publishers.values()) {
      if (publisher.take) this.deps.recorder?.finish(publisher.take);
      publisher.take = undefined;
    }
  }

  private async dropSubscriber(room: Room, connectionId: string): Promise<void> {
    const handle = room.subscribers.get(connectionId);
    if (!handle) return;
    room.subscribers.delete(connectionId);
    room.mixListeners.delete(connectionId);
    await handle.detach().catch(() => undefined);
  }

  private attach(): Promise<VideoRoomHandle> {
    return this.origin.attach<VideoRoomHandle>(VideoRoomPlugin);
  }

  /**
   * Where this connection listens: with edges, the one it was placed on while that one stays
   * available, else the available edge with the fewest listeners; with none available, the origin.
   */
  private async listeningPoint(meetingId: string, room: Room, connectionId: string): Promise<ListeningPoint> {
    // An edge that cannot be reached is paused by its relay (no longer available): the next one is tried.
    for (;;) {
      let edge = room.placements.get(connectionId);
      if (!edge?.available()) {
        this.unplace(room, connectionId);
        edge = this.edges.filter((e) => e.available()).sort((a, b) => a.listeners - b.listeners)[0];
        if (edge) {
          room.placements.set(connectionId, edge);
          edge.listeners++;
        }
      }
      if (!edge)
        return {
          id: "origin",
          roomId: room.id,
          edge: undefined,
          mountpoints: this.originMountpoints,
          attach: () => this.attach(),
          feedOf: (_id, p) =>
            Promise.resolve({ feed: p.feed, audioMids: p.audioMids, videoMids: p.streams.filter((s) => s.type === "video").map((s) => s.mid) }),
        };
      const at = edge;
      const roomId = await at.roomId(meetingId).catch(() => undefined);
      if (roomId === undefined) {
        this.unplace(room, connectionId);
        continue;
      }
      return {
        id: at.id,
        roomId,
        edge: at,
        mountpoints: at.mountpoints,
        attach: () => at.attach(),
        feedOf: async (participantId, p) => {
          const slot = await this.remotize(meetingId, room, participantId, p, at);
          return { feed: slot.id, audioMids: slot.audioMids, videoMids: slot.videoMids };
        },
      };
    }
  }

  /**
   * The meeting's mix at this listening point: every publisher fed into it, the bridge forwarding
   * to the point's mountpoint, and a watch of it for this connection. Undefined when nobody
   * shown is publishing (nothing to hear yet, as for feeds) or when Janus cannot make the mix
   * (an external Janus without the AudioBridge or Streaming plugin): the caller listens to feeds.
   */
  private async listenToMix(
    meetingId: string,
    room: Room,
    peer: MediaPeer,
    shown: ReadonlySet<string>,
    point: ListeningPoint,
  ): Promise<SubscribeResult | undefined> {
    const heard = [...room.publishers].filter(([id, p]) => id !== peer.participantId && p.live && shown.has(id)).map(([id]) => id);
    if (heard.length === 0) return { sdp: null, feeds: [], streams: [], channel: "floor", mixed: false };
    try {
      for (const [id, publisher] of room.publishers) if (!publisher.mixed) await this.feedMix(meetingId, room, id, publisher);
      await this.mix.addOutlet(meetingId, point.id, await point.mountpoints.mountpoint(meetingId));
      const { handle, sdp } = await point.mountpoints.watch(meetingId);
      room.subscribers.set(peer.connectionId, handle);
      room.mixListeners.add(peer.connectionId);
      return { sdp, feeds: heard, streams: [], channel: "floor", mixed: true };
    } catch (error) {
      this.deps.log(`the audio mix of meeting ${meetingId} is unavailable at ${point.id}: listening to the feeds`, error);
      return undefined;
    }
  }

  /** Forwards a publisher's audio (at the origin) into its inlet of the meeting's mix. */
  private async feedMix(meetingId: string, room: Room, participantId: string, publisher: Publisher): Promise<void> {
    const audio = publisher.streams.find((s) => s.type === "audio");
    if (!audio) return;
    const muted = publisher.muted !== false || participantId === room.interpreter;
    const inlet = await this.mix.addInlet(meetingId, publisher.feed, audio.payloadType, muted);
    try {
      await publisher.handle.message({
        request: "rtp_forward",
        room: room.id,
        secret: room.secret,
        publisher_id: publisher.feed,
        host: inlet.host,
        streams: [{ mid: audio.mid, port: inlet.port }],
      });
    } catch (error) {
      await this.mix.removeInlet(meetingId, publisher.feed).catch(() => undefined);
      throw error;
    }
    publisher.mixed = true;
  }

  private unplace(room: Room, connectionId: string): void {
    const edge = room.placements.get(connectionId);
    if (!edge) return;
    room.placements.delete(connectionId);
    edge.listeners = Math.max(0, edge.listeners - 1);
  }

  /** The publisher's slot on the edge, made and fed from the origin the first time a listener there needs it. */
  private async remotize(meetingId: string, room: Room, participantId: string, publisher: Publisher, edge: EdgeRelay) {
    const existing = publisher.remotes.has(edge) ? await edge.slot(meetingId, publisher.feed) : undefined;
    if (existing) return existing;
    const slot = await edge.addSlot(meetingId, publisher.feed, { participantId, streams: publisher.streams, muted: publisher.muted !== false });
    try {
      // Always with rtcp_port: without it a listener there never gets a keyframe (plenary-media-design.md §3).
      await publisher.handle.message({
        request: "publish_remotely",
        room: room.id,
        secret: room.secret,
        publisher_id: publisher.feed,
        remote_id: edge.id,
        host: slot.host,
        port: slot.port,
        rtcp_port: slot.rtcpPort,
      });
    } catch (error) {
      await edge.removeSlot(meetingId, publisher.feed).catch(() => undefined);
      throw error;
    }
    publisher.remotes.add(edge);
    return slot;
  }

  /**
   * An edge's connection closed (its Janus died or restarted): its slots and subscriptions are
   * gone. The origin stops forwarding there, and its listeners are told to subscribe again, which
   * places them on another edge (or on this one once it is back).
   */
  private edgeLost(edge: EdgeRelay): void {
    for (const meetingId of this.rooms.keys())
      void this.queues
        .run(meetingId, async () => {
          const room = await this.rooms.get(meetingId);
          if (!room) return;
          // Their handles died with the edge: forgotten, not detached.
          const moved = [...room.placements].filter(([, placed]) => placed === edge).map(([connectionId]) => connectionId);
          for (const connectionId of moved) {
            room.subscribers.delete(connectionId);
            room.mixListeners.delete(connectionId);
            room.placements.delete(connectionId);
          }
          await this.mix.removeOutlet(meetingId, edge.id).catch((error: unknown) => this.deps.log(`could not stop the mix to the lost edge ${edge.id}`, error));
          for (const publisher of room.publishers.values()) {
            if (!publisher.remotes.delete(edge)) continue;
            await publisher.handle
              .message({ request: "unpublish_remotely", room: room.id, secret: room.secret, publisher_id: publisher.feed, remote_id: edge.id })
              .catch((error: unknown) => this.deps.log(`could not stop forwarding to the lost edge ${edge.id}`, error));
          }
          if (moved.length > 0) this.deps.onListenersMoved?.(meetingId, moved);
        })
        .catch((error: unknown) => this.deps.log(`moving the listeners of edge ${edge.id} failed for meeting ${meetingId}`, error));
  }

  private room(meetingId: string, audible: ReadonlySet<string>, interpreter: string | null): Promise<Room> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = (async () => {
        const handle = await this.attach();
        try {
          const secret = randomSecret();
          const id = randomInt(1, 2 ** 47);
          // rec_dir: per-speech recordings go to the meeting's folder (no `lock_record`: only our
          // server talks to Janus, so no one else can change a publisher's recording).
          const recDir = this.deps.recorder?.dirOf(meetingId);
          await handle.create({
            room: id,
            secret,
            description: `meeting ${meetingId}`,
            permanent: false,
            max_publishers: 100,
            audiolevel_event: false,
            ...(recDir ? { rec_dir: recDir } : {}),
          });
          return {
            id,
            secret,
            nextFeed: 1,
            publishers: new Map(),
            subscribers: new Map(),
            mixListeners: new Set(),
            placements: new Map(),
            audible,
            interpreter,
          };
        } finally {
          await handle.detach().catch(() => undefined);
        }
      })();
      this.rooms.set(meetingId, room);
      const created = room;
      created.catch((error: unknown) => {
        this.deps.log(`could not create the VideoRoom for meeting ${meetingId}`, error);
        if (this.rooms.get(meetingId) === created) this.rooms.delete(meetingId);
      });
    }
    return room;
  }
}
