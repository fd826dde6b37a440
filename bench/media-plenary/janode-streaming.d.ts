// Minimal types for janode's Streaming plugin (plain JavaScript, no bundled types), as used by
// bench/media-plenary (server/src/media/janode.d.ts types the VideoRoom and AudioBridge parts).
declare module "janode/plugins/streaming" {
  import type { JanodeHandle } from "janode";

  export interface StreamingHandle extends JanodeHandle {
    watch(params: { id: number }): Promise<{ status?: string; jsep?: { type: string; sdp: string } }>;
    start(params: { jsep: { type: "answer"; sdp: string } }): Promise<unknown>;
  }

  const StreamingPlugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default StreamingPlugin;
}
