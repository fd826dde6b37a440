// One edge Janus of the plenary media plane (docs/media.md#plenary-edges). Listeners subscribe
// here instead of at the origin, to *slots*: VideoRoom remote publishers that the origin feeds
// over plain RTP (`publish_remotely` there → `add_remote_publisher` here). Per meeting one
// VideoRoom with its own random secret; per origin publisher at most one slot, made the first
// time a listener here needs it. Floor control stays at the origin (a muted publisher sends
// nothing to any edge); each slot is also muted here like its publisher, because a slot plays RTP
// from anyone who reaches its port. Called only from MediaRelay, inside the meeting's queue.
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { randomInt } from "node:crypto";
import { randomSecret } from "./janusConfig.ts";
import { JanusLink, pluginData } from "./janusLink.ts";
import { MixMountpoints } from "./mixMountpoints.ts";
import type { MediaStatus } from "./janusProcess.ts";
import type { PublishedStream } from "./sdp.ts";

/** How long an edge that went away or refused a connection takes no new listeners, unless reported up again sooner. */
const PAUSE_MS = 5000;

/** An edge as the media plane describes it. */
export interface EdgeInstance {
  /** Stable name, also the `remote_id` of every forwarding from the origin to it. */
  id: string;
  /** Its Janus WebSocket API (our server only). */
  url: string;
  /** The address its slots bind to and the origin sends to (the private network between them). */
  slotAddress: string;
  /** Whether it may take listeners now. */
  available: () => boolean;
  /** Its watcher's (or supervisor's) view changed; returns an unsubscribe function. */
  onStatusChange: (listener: (status: MediaStatus) => void) => () => void;
}

/** Where the origin must forward a publisher, and what a listener subscribes to here. */
export interface Slot {
  id: number;
  host: string;
  port: number;
  rtcpPort: number;
  /** The slot's audio and video mids ("0", "1", …: positions in the publisher's layout). */
  audioMids: string[];
  videoMids: string[];
  muted: boolean;
}

interface EdgeRoom {
  id: number;
  secret: string;
  /** One handle per edge room for its requests (create, add/remove slots, moderate). */
  control: VideoRoomHandle;
  /** By the origin publisher's feed. */
  slots: Map<number, Slot>;
}

export class EdgeRelay {
  readonly id: string;
  /** Connections placed here (MediaRelay keeps it in step with its placements). */
  listeners = 0;
  private readonly link: JanusLink;
  /** The audio-only mix's mountpoints here (audioMix.ts feeds them). */
  readonly mountpoints: MixMountpoints;
  private readonly rooms = new Map<string, Promise<EdgeRoom>>();
  private pausedUntil = 0;

  constructor(
    private readonly instance: EdgeInstance,
    private readonly deps: { log: (message: string, error?: unknown) => void; lost: (edge: EdgeRelay) => void },
  ) {
    this.id = instance.id;
    this.link = new JanusLink(instance.url, () => {
      this.forget();
      this.pause();
      deps.lost(this);
    });
    this.mountpoints = new MixMountpoints(this.link, instance.slotAddress);
    // Back up (restarted): it takes listeners again at once.
    instance.onStatusChange((status) => {
      if (status === "up") this.pausedUntil = 0;
    });
  }

  /** Whether it may take listeners now: up by its watcher, and not failed us a moment ago (an external edge's watcher looks only every 10 s). */
  available(): boolean {
    return this.instance.available() && Date.now() >= this.pausedUntil;
  }

  attach(): Promise<VideoRoomHandle> {
    return this.link.attach<VideoRoomHandle>(VideoRoomPlugin);
  }

  /** The meeting's VideoRoom here (made on first use). */
  async roomId(meetingId: string): Promise<number> {
    return (await this.room(meetingId)).id;
  }

  slot(meetingId: string, feed: number): Promise<Slot | undefined> {
    return this.rooms.get(meetingId)?.then((room) => room.slots.get(feed)) ?? Promise.resolve(undefined);
  }

  /** A slot for an origin publisher with this layout, muted unless `muted` is false. */
  async addSlot(meetingId: string, feed: number, publisher: { participantId: string; streams: PublishedStream[]; muted: boolean }): Promise<Slot> {
    const room = await this.room(meetingId);
    const created = pluginData(
      await room.control.message({
        request: "add_remote_publisher",
        room: room.id,
        secret: room.secret,
        id: randomInt(1, 2 ** 47),
        display: publisher.participantId,
        iface: this.instance.slotAddress,
        // The slot's streams take their mids from their positions here: the publisher's m-line order.
        streams: publisher.streams.map((s, mindex) => ({ type: s.type, mindex, mid: String(mindex), codec: s.codec })),
      }),
    );
    const midsOf = (type: string) => publisher.streams.flatMap((s, mindex) => (s.type === type ? [String(mindex)] : []));
    const slot: Slot = {
      id: Number(created.id),
      host: typeof created.ip === "string" ? created.ip : this.instance.slotAddress,
      port: Number(created.port),
      rtcpPort: Number(created.rtcp_port),
      audioMids: midsOf("audio"),
      videoMids: midsOf("video"),
      muted: false,
    };
    room.slots.set(feed, slot);
    if (publisher.muted) await this.muteSlot(meetingId, feed, true);
    return slot;
  }

  async muteSlot(meetingId: string, feed: number, mute: boolean): Promise<void> {
    const room = await this.rooms.get(meetingId);
    const slot = room?.slots.get(feed);
    if (!room || !slot || slot.muted === mute) return;
    for (const mid of slot.audioMids)
      await onceKnown(() => room.control.message({ request: "moderate", room: room.id, secret: room.secret, id: slot.id, mid, mute }));
    slot.muted = mute;
  }

  /** Removes the slot; its subscribers here get an offer with inactive sections (they subscribe again on `media.feeds`). */
  async removeSlot(meetingId: string, feed: number): Promise<void> {
    const room = await this.rooms.get(meetingId);
    const slot = room?.slots.get(feed);
    if (!room || !slot) return;
    room.slots.delete(feed);
    await room.control.message({ request: "remove_remote_publisher", room: room.id, secret: room.secret, id: slot.id });
  }

  /** The origin went away: every slot and mountpoint here lost its source. Destroys this edge's rooms and mountpoints (dropping their listeners) and forgets them. */
  reset(): void {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    this.listeners = 0;
    this.mountpoints.destroyAll();
    for (const pending of rooms)
      void pending
        .then(async (room) => {
          await room.control.message({ request: "destroy", room: room.id, secret: room.secret });
          await room.control.detach();
        })
        .catch(() => undefined);
  }

  async close(): Promise<void> {
    this.rooms.clear();
    await this.link.close();
  }

  /** The connection to this edge closed: its rooms, slots and subscriptions died with it. */
  private forget(): void {
    this.rooms.clear();
    this.listeners = 0;
    this.mountpoints.forget();
  }

  /** No new listeners for a few seconds: it went away or refused us (so MediaRelay's placement moves on). */
  private pause(): void {
    this.pausedUntil = Date.now() + PAUSE_MS;
  }

  private room(meetingId: string): Promise<EdgeRoom> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = (async () => {
        const control = await this.attach().catch((error: unknown) => {
          this.pause();
          throw error;
        });
        try {
          const secret = randomSecret();
          const id = randomInt(1, 2 ** 47);
          await control.create({
            room: id,
            secret,
            description: `meeting ${meetingId} (edge ${this.id})`,
            permanent: false,
            max_publishers: 100,
            audiolevel_event: false,
          });
          return { id, secret, control, slots: new Map() };
        } catch (error) {
          this.pause();
          await control.detach().catch(() => undefined);
          throw error;
        }
      })();
      this.rooms.set(meetingId, room);
      const created = room;
      created.catch((error: unknown) => {
        this.deps.log(`could not create the VideoRoom of meeting ${meetingId} on edge ${this.id}`, error);
        if (this.rooms.get(meetingId) === created) this.rooms.delete(meetingId);
      });
    }
    return room;
  }
}

/**
 * Janus answers `add_remote_publisher` (and `publish_remotely` at the origin) before the new slot
 * can be found by `moderate` or subscribed to (seen here: 428 "No such user" / "No such feed" in
 * about one run in two when asked at once), so a request about a fresh slot is made again for up
 * to a second.
 */
export async function onceKnown<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if ((error as { _code?: unknown })._code !== 428 || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
