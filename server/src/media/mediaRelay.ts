// The SDP relay between browsers (through our authenticated socket) and Janus's VideoRoom, and
// floor control at the media server. Per meeting one VideoRoom that our server creates with a
// random secret that never leaves the server; per participant at most one publisher handle and
// one subscriber handle. Browsers never see Janus's API, ids or secrets beyond the SDP.
import Janode, { type JanodeConnection, type JanodeSession } from "janode";
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { randomInt } from "node:crypto";
import type { RecordingTarget } from "../../../core/media/recording.ts";
import type { SubscribedStream, SubscribeResult } from "../../../core/protocol.ts";
import { VENUE_ID } from "../../../core/media/audible.ts";
import { randomSecret } from "./janusConfig.ts";
import { MeetingQueues } from "./meetingQueues.ts";
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
  /** By connection: every open page listens on its own. */
  subscribers: Map<string, VideoRoomHandle>;
  audible: ReadonlySet<string>;
}

export class MediaError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "VALIDATION" | "MEDIA_UNAVAILABLE" | "NO_CAUCUS" | "NO_SEPARATE_TALK",
    message: string,
  ) {
    super(message);
  }
}

export interface MediaRelayDeps {
  janusUrl: string;
  log: (message: string, error?: unknown) => void;
  /** An audible publisher's feed came up or went away: listeners should subscribe again. */
  onFeedsChanged?: (meetingId: string) => void;
  /** Per-speech recordings (docs/media.md#recordings); none when absent. */
  recorder?: RelayRecorder;
}

export class MediaRelay {
  private connection: Promise<{ connection: JanodeConnection; session: JanodeSession }> | undefined;
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Per meeting, operations run one at a time (publish, moderate, leave). */
  private readonly queues = new MeetingQueues();
  /** Per meeting, who is in a private audio room (privateAudio.ts: a caucus, a separate talk): muted here whatever the floor. */
  private readonly withdrawn = new Map<string, Set<string>>();
  private closed = false;

  constructor(private readonly deps: MediaRelayDeps) {}

  /** Publishes a participant's offer; returns Janus's answer. Muted at once unless audible. */
  publish(meetingId: string, peer: MediaPeer, offer: { sdp: string; audioMids: string[] }, audible: ReadonlySet<string>): Promise<string> {
    const { participantId, connectionId } = peer;
    return this.queues.run(meetingId, async () => {
      const room = await this.room(meetingId, audible);
      await this.dropPublisher(room, participantId);
      const handle = await this.attach();
      const feed = room.nextFeed++;
      const publisher: Publisher = { handle, connectionId, feed, audioMids: offer.audioMids, muted: undefined, live: false };
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
        room.publishers.set(participantId, publisher);
        // Before the browser has the answer, so no unallowed audio ever reaches a listener.
        await this.moderate(meetingId, room, participantId, publisher);
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
   * `audioOnly` (weak connections): only each feed's audio mids, so no video RTP is sent at all.
   */
  subscribe(
    meetingId: string,
    peer: MediaPeer,
    who: { shown: ReadonlySet<string>; audible: ReadonlySet<string> },
    options: { audioOnly?: boolean } = {},
  ): Promise<SubscribeResult> {
    const { participantId, connectionId } = peer;
    return this.queues.run(meetingId, async () => {
      const room = await this.room(meetingId, who.audible);
      await this.dropSubscriber(room, connectionId);
      const feeds = [...room.publishers].filter(
        ([id, p]) => id !== participantId && p.live && who.shown.has(id) && (!options.audioOnly || p.audioMids.length > 0),
      );
      if (feeds.length === 0) return { sdp: null, feeds: [], streams: [] };
      const requested = feeds.flatMap(([, p]) => (options.audioOnly ? p.audioMids.map((mid) => ({ feed: p.feed, mid })) : [{ feed: p.feed }]));
      const handle = await this.attach();
      try {
        const joined = await handle.joinSubscriber({ room: room.id, streams: requested });
        if (!joined.jsep?.sdp) throw new Error("Janus gave no offer");
        room.subscribers.set(connectionId, handle);
        const byFeed = new Map(feeds.map(([id, p]) => [p.feed, id]));
        const streams = (joined.streams ?? []).flatMap((s): SubscribedStream[] => {
          const owner = s.feed_id === undefined ? undefined : byFeed.get(s.feed_id);
          return owner && s.mid !== undefined && (s.type === "audio" || s.type === "video") ? [{ mid: s.mid, kind: s.type, participantId: owner }] : [];
        });
        return { sdp: joined.jsep.sdp, feeds: feeds.map(([id]) => id), streams };
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
      if (room.publishers.get(peer.participantId)?.connectionId === peer.connectionId) await this.dropPublisher(room, peer.participantId);
      await this.dropSubscriber(room, peer.connectionId);
    });
  }

  /** Floor control: mutes at Janus every publisher that may not be heard now, unmutes the others. */
  applyAudible(meetingId: string, audible: ReadonlySet<string>): Promise<void> {
    if (!this.rooms.has(meetingId)) return Promise.resolve();
    return this.queues.run(meetingId, async () => {
      const room = await this.rooms.get(meetingId);
      if (!room) return;
      room.audible = audible;
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

  /** For tests and diagnostics: what Janus was told about each publisher. */
  async publishers(meetingId: string): Promise<{ participantId: string; feed: number; muted: boolean | undefined; live: boolean }[]> {
    const room = await this.rooms.get(meetingId);
    return room ? [...room.publishers].map(([participantId, p]) => ({ participantId, feed: p.feed, muted: p.muted, live: p.live })) : [];
  }

  /** Janus went away (crash/restart): its rooms and handles are gone; clients re-negotiate. */
  reset(): void {
    const old = this.connection;
    this.connection = undefined;
    // Janus closed the recordings it had open when it stopped: what it wrote is still a take.
    for (const room of this.rooms.values())
      void room.then(
        (r) => this.finishTakes(r),
        () => undefined,
      );
    this.rooms.clear();
    // The private audio rooms died with Janus too: nobody is in one any more.
    this.withdrawn.clear();
    void old?.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
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
    const old = this.connection;
    this.connection = undefined;
    this.rooms.clear();
    await old?.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  private async moderate(meetingId: string, room: Room, participantId: string, publisher: Publisher): Promise<void> {
    const mute = !room.audible.has(participantId) || this.withdrawn.get(meetingId)?.has(participantId) === true;
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
  }

  private async dropPublisher(room: Room, participantId: string): Promise<void> {
    const publisher = room.publishers.get(participantId);
    if (!publisher) return;
    room.publishers.delete(participantId);
    await this.stopRecording(publisher);
    await publisher.handle.detach().catch(() => undefined);
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
    const speechId = target?.participantId === participantId ? target.speechId : undefined;
    if (publisher.take && publisher.take.speechId !== speechId) await this.stopRecording(publisher);
    if (!target || speechId === undefined || publisher.take || room.publishers.get(participantId) !== publisher) return;
    try {
      const take = await recorder.begin(meetingId, target);
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
    await handle.detach().catch(() => undefined);
  }

  private session(): Promise<{ connection: JanodeConnection; session: JanodeSession }> {
    if (this.closed) return Promise.reject(new MediaError("MEDIA_UNAVAILABLE", "media relay closed"));
    this.connection ??= (async () => {
      const connection = await Janode.connect({ address: { url: this.deps.janusUrl }, max_retries: 0 });
      connection.once(Janode.EVENT.CONNECTION_CLOSED, () => this.forget(connection));
      connection.once(Janode.EVENT.CONNECTION_ERROR, () => this.forget(connection));
      const session = await connection.create();
      return { connection, session };
    })();
    const current = this.connection;
    current.catch(() => {
      if (this.connection === current) this.connection = undefined;
    });
    return current;
  }

  private forget(connection: JanodeConnection): void {
    void this.connection?.then(
      (c) => {
        if (c.connection === connection) this.reset();
      },
      () => undefined,
    );
  }

  private async attach(): Promise<VideoRoomHandle> {
    const { session } = await this.session();
    return session.attach<VideoRoomHandle>(VideoRoomPlugin);
  }

  private room(meetingId: string, audible: ReadonlySet<string>): Promise<Room> {
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
          return { id, secret, nextFeed: 1, publishers: new Map(), subscribers: new Map(), audible };
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
