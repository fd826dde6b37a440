// Minimal types for the parts of janode (plain JavaScript, no bundled types) that we use (the server and bench/).
declare module "janode" {
  import type { EventEmitter } from "node:events";

  export interface JanodeServerConfig {
    address: { url: string; apisecret?: string } | { url: string; apisecret?: string }[];
    retry_time_secs?: number;
    max_retries?: number;
    is_admin?: boolean;
  }

  export interface JanodeHandle extends EventEmitter {
    id: number;
    detach(): Promise<void>;
    message(body: Record<string, unknown>, jsep?: unknown): Promise<Record<string, unknown>>;
  }

  export interface JanodeSession extends EventEmitter {
    id: number;
    attach<H extends JanodeHandle = JanodeHandle>(descriptor: unknown): Promise<H>;
    destroy(): Promise<void>;
  }

  export interface JanodeConnection extends EventEmitter {
    id: string;
    create(keepaliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<Record<string, unknown>>;
    listSessions(): Promise<{ sessions: number[] }>;
    close(): Promise<void>;
  }

  const Janode: {
    connect(config: JanodeServerConfig): Promise<JanodeConnection>;
    Logger: { setLevel(level: "debug" | "verb" | "info" | "warn" | "error" | "none"): string };
    EVENT: { CONNECTION_CLOSED: string; CONNECTION_ERROR: string };
  };
  export default Janode;
}

declare module "janode/plugins/videoroom" {
  import type { JanodeHandle } from "janode";

  export interface VideoRoomHandle extends JanodeHandle {
    create(params: {
      room?: number;
      description?: string;
      secret?: string;
      permanent?: boolean;
      max_publishers?: number;
      [key: string]: unknown;
    }): Promise<{ room: number; permanent: boolean }>;
    destroy(params: { room: number; secret?: string; permanent?: boolean }): Promise<{ room: number; permanent: boolean }>;
    exists(params: { room: number }): Promise<{ room: number; exists: boolean }>;
    joinConfigurePublisher(params: {
      room: number;
      feed?: number;
      display?: string;
      audio?: boolean;
      video?: boolean;
      jsep: { type: "offer"; sdp: string };
    }): Promise<{ feed: number; jsep?: { type: string; sdp: string } }>;
    /** `streams` in the answer: the subscription's media sections (`mid`) and whose feed each carries. */
    joinSubscriber(params: { room: number; streams: { feed: number; mid?: string }[] }): Promise<{
      jsep?: { type: string; sdp: string };
      streams?: { mid?: string; type?: string; feed_id?: number; feed_mid?: string }[];
    }>;
    start(params: { jsep: { type: "answer"; sdp: string } }): Promise<unknown>;
    /** Publishers: `record`/`filename` start or stop Janus's recorder (files under the room's rec_dir). */
    configure(params: { record?: boolean; filename?: string }): Promise<unknown>;
  }

  const VideoRoomPlugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default VideoRoomPlugin;
}

declare module "janode/plugins/audiobridge" {
  import type { JanodeHandle } from "janode";

  export interface AudioBridgeHandle extends JanodeHandle {
    create(params: {
      room: number;
      description?: string;
      secret: string;
      pin: string;
      is_private?: boolean;
      permanent?: boolean;
      [key: string]: unknown;
    }): Promise<{ room: number; permanent: boolean }>;
    destroy(params: { room: number; secret: string; permanent?: boolean }): Promise<{ room: number; permanent: boolean }>;
    exists(params: { room: number }): Promise<{ room: number; exists: boolean }>;
    join(params: { room: number; feed?: number; display?: string; pin?: string; muted?: boolean }): Promise<{ feed: number }>;
    /** With the browser's offer: Janus's answer in `jsep`. */
    configure(params: { jsep?: { type: "offer"; sdp: string } }): Promise<{ jsep?: { type: string; sdp: string } }>;
    listParticipants(params: { room: number; secret?: string }): Promise<{ participants: { feed: number; display?: string }[] }>;
    leave(): Promise<unknown>;
  }

  const AudioBridgePlugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default AudioBridgePlugin;
}

declare module "janode/plugins/streaming" {
  import type { JanodeHandle } from "janode";

  export interface StreamingHandle extends JanodeHandle {
    /** Janus offers the mountpoint's media in `jsep`. */
    watch(params: { id: number }): Promise<{ status?: string; jsep?: { type: string; sdp: string } }>;
    start(params: { jsep: { type: "answer"; sdp: string } }): Promise<unknown>;
  }

  const StreamingPlugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default StreamingPlugin;
}
