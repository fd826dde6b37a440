// Where audio-only listeners pick up a meeting's mix (docs/media.md#audio-only-mix): on one Janus
// (the origin, or an edge) per meeting a Streaming RTP mountpoint with one Opus stream, fed by the
// origin's AudioBridge (`rtp_forward`, audioMix.ts). A listener `watch`es it: one audio stream
// whoever speaks, and nothing to re-negotiate when the floor changes. Called only from
// MediaRelay, inside the meeting's queue.
import StreamingPlugin, { type StreamingHandle } from "janode/plugins/streaming";
import { randomInt } from "node:crypto";
import { randomSecret } from "./janusConfig.ts";
import { pluginData, type JanusLink } from "./janusLink.ts";

/** The payload type the mix is forwarded with (the mountpoint's and the bridge's `rtp_forward` must agree). */
export const MIX_PAYLOAD_TYPE = 100;

export interface Mountpoint {
  id: number;
  /** Where the bridge must send the mix. */
  host: string;
  port: number;
}

export class MixMountpoints {
  private readonly byMeeting = new Map<string, Promise<Mountpoint & { secret: string }>>();

  constructor(
    private readonly link: Pick<JanusLink, "attach">,
    /** The address the mountpoint binds to and the origin sends to (loopback at the origin, an edge's slot address). */
    private readonly iface: string,
  ) {}

  /** The meeting's mountpoint here (made on first use). */
  mountpoint(meetingId: string): Promise<Mountpoint> {
    let made = this.byMeeting.get(meetingId);
    if (!made) {
      made = this.create(meetingId);
      this.byMeeting.set(meetingId, made);
      const current = made;
      current.catch(() => {
        if (this.byMeeting.get(meetingId) === current) this.byMeeting.delete(meetingId);
      });
    }
    return made;
  }

  /** A new listener's handle on the meeting's mountpoint and Janus's offer for it. */
  async watch(meetingId: string): Promise<{ handle: StreamingHandle; sdp: string }> {
    const { id } = await this.mountpoint(meetingId);
    const handle = await this.link.attach<StreamingHandle>(StreamingPlugin);
    try {
      const watched = await handle.watch({ id });
      if (!watched.jsep?.sdp) throw new Error("Janus gave no offer for the mix");
      return { handle, sdp: watched.jsep.sdp };
    } catch (error) {
      await handle.detach().catch(() => undefined);
      throw error;
    }
  }

  /** Their Janus went away: the mountpoints died with it. */
  forget(): void {
    this.byMeeting.clear();
  }

  /** Destroys every mountpoint here (its watchers are dropped) and forgets them: their source is gone. */
  destroyAll(): void {
    const made = [...this.byMeeting.values()];
    this.byMeeting.clear();
    for (const pending of made)
      void pending
        .then(async ({ id, secret }) => {
          const handle = await this.link.attach<StreamingHandle>(StreamingPlugin);
          await handle.message({ request: "destroy", id, secret, permanent: false }).finally(() => handle.detach());
        })
        .catch(() => undefined);
  }

  private async create(meetingId: string): Promise<Mountpoint & { secret: string }> {
    const handle = await this.link.attach<StreamingHandle>(StreamingPlugin);
    try {
      const id = randomInt(1, 2 ** 47);
      const secret = randomSecret();
      const response = await handle.message({
        request: "create",
        type: "rtp",
        id,
        name: `meeting ${meetingId} mix`,
        secret,
        permanent: false,
        // Port 0: Janus picks one; bound to `iface` only (it plays RTP from anyone who reaches it).
        media: [{ type: "audio", mid: "a", port: 0, pt: MIX_PAYLOAD_TYPE, codec: "opus", iface: this.iface }],
      });
      const stream = pluginData(response).stream as { host?: string; ports?: { port?: number }[] } | undefined;
      const port = stream?.ports?.[0]?.port;
      if (!port) throw new Error(`Janus made no mountpoint port: ${JSON.stringify(stream)}`);
      return { id, secret, host: stream.host ?? this.iface, port };
    } finally {
      await handle.detach().catch(() => undefined);
    }
  }
}
