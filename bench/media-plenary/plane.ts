// The media plane under test (docs/plenary-media-design.md): an origin Janus where the one
// publisher publishes (VideoRoom), an edge Janus with a VideoRoom remote-publisher slot fed by
// `publish_remotely`, and the product's audio mix (server/src/media/audioMix.ts,
// mixMountpoints.ts): the publisher's audio forwarded into a plain-RTP inlet of an AudioBridge room
// on the origin, whose mix goes to a Streaming mountpoint on the edge. Listeners are thin
// receivers (receivers.ts) subscribed in one of five modes.
import { randomInt } from "node:crypto";
import type { JanodeHandle } from "janode";
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { AudioMix } from "../../server/src/media/audioMix.ts";
import { randomSecret } from "../../server/src/media/janusConfig.ts";
import { MixMountpoints } from "../../server/src/media/mixMountpoints.ts";
import { publishedStreams } from "../../server/src/media/sdp.ts";
import { BenchJanus, request } from "./janus.ts";
import type { PublisherPage } from "./publisher.ts";
import type { ReceiverPool } from "./receivers.ts";

export type Mode = "single-av" | "single-audio" | "edge-av" | "edge-audio" | "mix";
export const MODES: Mode[] = ["single-av", "single-audio", "edge-av", "edge-audio", "mix"];

export const MODE_LABEL: Record<Mode, string> = {
  "single-av": "single Janus, audio+video (today)",
  "single-audio": "single Janus, audio-only (today)",
  "edge-av": "origin → edge (remote publisher), audio+video",
  "edge-audio": "origin → edge (remote publisher), audio-only",
  mix: "VideoRoom rtp_forward → AudioBridge mix → rtp_forward → edge Streaming, audio-only (the product's)",
};

/** Which Janus the mode's listeners are on, and whether they get video. */
export const modeEdge = (mode: Mode) => mode.startsWith("edge") || mode === "mix";
export const modeVideo = (mode: Mode) => mode.endsWith("-av");

interface Room {
  id: number;
  secret: string;
}

export interface Listener {
  receiver: number;
  handle: JanodeHandle;
}

const SLOT_ID = 9001;
/** The audio mix's meeting key (one meeting here). */
const MEETING = "bench";

export class Plane {
  readonly origin = new BenchJanus("origin", 0);
  readonly edge = new BenchJanus("edge", 1);
  private originRoom!: Room;
  private edgeRoom!: Room;
  private publisherHandle!: VideoRoomHandle;
  private feed = 0;
  private audioMid = "0";
  private opusPayloadType = 111;
  private remotized = false;
  private mixing: MixMountpoints | undefined;

  constructor(
    private readonly publisher: PublisherPage,
    private readonly receivers: ReceiverPool,
  ) {}

  async start(): Promise<void> {
    await Promise.all([this.origin.start(), this.edge.start()]);
  }

  private async createRoom(janus: BenchJanus): Promise<Room> {
    const handle = await janus.attach<VideoRoomHandle>(VideoRoomPlugin);
    const room = { id: randomInt(1, 2 ** 40), secret: randomSecret() };
    await handle.create({ room: room.id, secret: room.secret, permanent: false, max_publishers: 10, audiolevel_event: false });
    await handle.detach();
    return room;
  }

  /** The origin's VideoRoom, the edge's, and the publisher's audio+video in the origin's. */
  async publish(): Promise<{ audioMid: string }> {
    this.originRoom = await this.createRoom(this.origin);
    this.edgeRoom = await this.createRoom(this.edge);
    this.publisherHandle = await this.origin.attach<VideoRoomHandle>(VideoRoomPlugin);
    const offer = await this.publisher.offer("videoroom", true);
    const joined = (await this.publisherHandle.joinConfigurePublisher({
      room: this.originRoom.id,
      feed: 1,
      display: "speaker",
      jsep: { type: "offer", sdp: offer },
    })) as { feed: number; jsep?: { sdp: string } };
    if (!joined.jsep) throw new Error("publisher: no answer");
    await this.publisher.answer("videoroom", joined.jsep.sdp);
    this.feed = joined.feed;
    // The audio m-line's mid in the publisher's offer (Chromium: the microphone first, "0").
    this.audioMid = /^m=audio[^]*?^a=mid:(\S+)/m.exec(offer)?.[1] ?? "0";
    this.opusPayloadType = publishedStreams(joined.jsep.sdp).find((s) => s.type === "audio")?.payloadType ?? 111;
    return { audioMid: this.audioMid };
  }

  /** Edge slot (`add_remote_publisher`, audio then video, bound to 127.0.0.1) fed by `publish_remotely`. */
  async remotize(): Promise<void> {
    if (this.remotized) return;
    const edgeHandle = await this.edge.attach<VideoRoomHandle>(VideoRoomPlugin);
    const slot = await request(edgeHandle, {
      request: "add_remote_publisher",
      room: this.edgeRoom.id,
      secret: this.edgeRoom.secret,
      id: SLOT_ID,
      display: "speaker@origin",
      iface: "127.0.0.1",
      streams: [
        { type: "audio", mindex: 0, mid: "0", codec: "opus" },
        { type: "video", mindex: 1, mid: "1", codec: "vp8" },
      ],
    });
    await edgeHandle.detach();
    await request(this.publisherHandle, {
      request: "publish_remotely",
      room: this.originRoom.id,
      secret: this.originRoom.secret,
      publisher_id: this.feed,
      remote_id: "edge-1",
      host: "127.0.0.1",
      port: slot.port,
      rtcp_port: slot.rtcp_port,
    });
    this.remotized = true;
  }

  async unremotize(): Promise<void> {
    if (!this.remotized) return;
    await request(this.publisherHandle, {
      request: "unpublish_remotely",
      room: this.originRoom.id,
      secret: this.originRoom.secret,
      publisher_id: this.feed,
      remote_id: "edge-1",
    });
    const edgeHandle = await this.edge.attach<VideoRoomHandle>(VideoRoomPlugin);
    await request(edgeHandle, { request: "remove_remote_publisher", room: this.edgeRoom.id, secret: this.edgeRoom.secret, id: SLOT_ID });
    await edgeHandle.detach();
    this.remotized = false;
  }

  /** The product's mix: the publisher's audio into an inlet of an AudioBridge room on the origin, the mix to an edge mountpoint. */
  async startMix(): Promise<void> {
    if (this.mixing) return;
    const mix = new AudioMix(this.origin);
    const mountpoints = new MixMountpoints(this.edge, "127.0.0.1");
    const inlet = await mix.addInlet(MEETING, this.feed, this.opusPayloadType, false);
    // As MediaRelay feeds a publisher into the mix.
    await request(this.publisherHandle, {
      request: "rtp_forward",
      room: this.originRoom.id,
      secret: this.originRoom.secret,
      publisher_id: this.feed,
      host: inlet.host,
      streams: [{ mid: this.audioMid, port: inlet.port }],
    });
    await mix.addOutlet(MEETING, this.edge.name, await mountpoints.mountpoint(MEETING));
    this.mixing = mountpoints;
  }

  /** One listener of `mode`: a Janus handle on its instance and a thin receiver answering its offer. */
  async subscribe(mode: Mode): Promise<Listener> {
    const janus = modeEdge(mode) ? this.edge : this.origin;
    if (mode === "mix") {
      if (!this.mixing) throw new Error("the mix is not started");
      const { handle, sdp: offer } = await this.mixing.watch(MEETING);
      const { id, sdp } = await this.receivers.answer(offer);
      await handle.start({ jsep: { type: "answer", sdp } });
      return { receiver: id, handle };
    }
    const handle = await janus.attach<VideoRoomHandle>(VideoRoomPlugin);
    const feed = modeEdge(mode) ? SLOT_ID : this.feed;
    const room = modeEdge(mode) ? this.edgeRoom.id : this.originRoom.id;
    const mid = modeEdge(mode) ? "0" : this.audioMid;
    const joined = await handle.joinSubscriber({ room, streams: [modeVideo(mode) ? { feed } : { feed, mid }] });
    if (!joined.jsep) throw new Error("joinSubscriber: no offer");
    if (!modeVideo(mode) && /^m=video/m.test(joined.jsep.sdp)) throw new Error("audio-only offer has video");
    const { id, sdp } = await this.receivers.answer(joined.jsep.sdp);
    await handle.start({ jsep: { type: "answer", sdp } });
    return { receiver: id, handle };
  }

  async stop(): Promise<void> {
    await Promise.all([this.origin.stop(), this.edge.stop()]);
  }
}
