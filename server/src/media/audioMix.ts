// The audio-only listeners' mix (docs/media.md#audio-only-mix). Per meeting, once someone listens
// to it, an AudioBridge room at the origin with:
// - an *inlet* per publisher: a plain-RTP participant that the publisher's VideoRoom audio is
//   forwarded to (MediaRelay's `rtp_forward`). The VideoRoom forwards no audio of a publisher it
//   mutes, so the floor decided at the origin is what is mixed; the inlet is muted like its
//   publisher too (defence in depth: it plays RTP from anyone who reaches its port);
// - an *outlet* per listening point (the origin or an edge): the bridge's `rtp_forward` of the mix
//   into that point's Streaming mountpoint (mixMountpoints.ts), always on — 50 packets/s of
//   encoded silence when nobody is heard, so a listener's connection watch sees it is alive.
// Called only from MediaRelay, inside the meeting's queue.
import AudioBridgePlugin, { type AudioBridgeHandle } from "janode/plugins/audiobridge";
import { randomInt } from "node:crypto";
import { randomSecret } from "./janusConfig.ts";
import { pluginData, type JanusLink } from "./janusLink.ts";
import { MIX_PAYLOAD_TYPE, type Mountpoint } from "./mixMountpoints.ts";

interface Inlet {
  /** The participant's own handle: detaching it leaves the bridge. */
  handle: AudioBridgeHandle;
  id: number;
  muted: boolean;
}

interface Bridge {
  id: number;
  secret: string;
  /** For the room's requests (mute, rtp_forward). */
  control: AudioBridgeHandle;
  /** By the publisher's feed at the origin. */
  inlets: Map<number, Inlet>;
  /** By listening point ("origin" or an edge's id): the bridge's forwarder's stream id. */
  outlets: Map<string, number>;
}

export class AudioMix {
  private readonly bridges = new Map<string, Promise<Bridge>>();

  constructor(private readonly origin: Pick<JanusLink, "attach">) {}

  /** Whether the meeting's mix has been started (a listener asked for it): new publishers are fed into it. */
  started(meetingId: string): boolean {
    return this.bridges.has(meetingId);
  }

  /** A publisher's inlet (made once): where the VideoRoom must forward its audio, with this payload type. */
  async addInlet(meetingId: string, feed: number, payloadType: number, muted: boolean): Promise<{ host: string; port: number }> {
    const bridge = await this.bridge(meetingId);
    if (bridge.inlets.has(feed)) throw new Error(`feed ${feed} already has an inlet`);
    const handle = await this.origin.attach<AudioBridgeHandle>(AudioBridgePlugin);
    try {
      // No `ip`/`port` of ours: the inlet only receives (nothing of the mix is sent back).
      const joined = pluginData(await handle.message({ request: "join", room: bridge.id, display: `feed ${feed}`, rtp: { payload_type: payloadType } }));
      const rtp = joined.rtp as { ip?: string; port?: number } | undefined;
      if (typeof joined.id !== "number" || !rtp?.port) throw new Error(`AudioBridge gave no plain-RTP port: ${JSON.stringify(joined)}`);
      bridge.inlets.set(feed, { handle, id: joined.id, muted: false });
      await this.muteInlet(meetingId, feed, muted);
      return { host: rtp.ip ?? "127.0.0.1", port: rtp.port };
    } catch (error) {
      await handle.detach().catch(() => undefined);
      throw error;
    }
  }

  async muteInlet(meetingId: string, feed: number, mute: boolean): Promise<void> {
    const bridge = await this.bridges.get(meetingId);
    const inlet = bridge?.inlets.get(feed);
    if (!bridge || !inlet || inlet.muted === mute) return;
    await bridge.control.message({ request: mute ? "mute" : "unmute", room: bridge.id, secret: bridge.secret, id: inlet.id });
    inlet.muted = mute;
  }

  async removeInlet(meetingId: string, feed: number): Promise<void> {
    const bridge = await this.bridges.get(meetingId);
    const inlet = bridge?.inlets.get(feed);
    if (!bridge || !inlet) return;
    bridge.inlets.delete(feed);
    await inlet.handle.detach();
  }

  /** Makes sure the mix is forwarded to this listening point's mountpoint. */
  async addOutlet(meetingId: string, pointId: string, to: Mountpoint): Promise<void> {
    const bridge = await this.bridge(meetingId);
    if (bridge.outlets.has(pointId)) return;
    const forwarded = pluginData(
      await bridge.control.message({
        request: "rtp_forward",
        room: bridge.id,
        secret: bridge.secret,
        host: to.host,
        port: to.port,
        ptype: MIX_PAYLOAD_TYPE,
        codec: "opus",
        always_on: true,
      }),
    );
    bridge.outlets.set(pointId, Number(forwarded.stream_id));
  }

  /** Stops forwarding to a listening point that went away. */
  async removeOutlet(meetingId: string, pointId: string): Promise<void> {
    const bridge = await this.bridges.get(meetingId);
    const streamId = bridge?.outlets.get(pointId);
    if (!bridge || streamId === undefined) return;
    bridge.outlets.delete(pointId);
    await bridge.control.message({ request: "stop_rtp_forward", room: bridge.id, secret: bridge.secret, stream_id: streamId });
  }

  /** The origin went away: the bridges died with it. */
  forget(): void {
    this.bridges.clear();
  }

  private bridge(meetingId: string): Promise<Bridge> {
    let bridge = this.bridges.get(meetingId);
    if (!bridge) {
      bridge = (async () => {
        const control = await this.origin.attach<AudioBridgeHandle>(AudioBridgePlugin);
        try {
          const id = randomInt(1, 2 ** 47);
          const secret = randomSecret();
          await control.message({
            request: "create",
            room: id,
            secret,
            description: `meeting ${meetingId} mix`,
            permanent: false,
            sampling_rate: 48000,
            allow_rtp_participants: true,
          });
          return { id, secret, control, inlets: new Map(), outlets: new Map() };
        } catch (error) {
          await control.detach().catch(() => undefined);
          throw error;
        }
      })();
      this.bridges.set(meetingId, bridge);
      const current = bridge;
      current.catch(() => {
        if (this.bridges.get(meetingId) === current) this.bridges.delete(meetingId);
      });
    }
    return bridge;
  }
}
