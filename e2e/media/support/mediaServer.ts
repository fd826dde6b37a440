// A real Yishiting server with an embedded Janus for the media tests (inside the loopback-only
// namespace: ICE only on 127.0.0.2). Each test file takes its own ports so files can run apart.
import { expect } from "vitest";
import { eventually, type Harness, type TestServer } from "../../../testing/server/harness.ts";

export async function startMediaServer(h: Harness, ports: { ws: number; admin: number; rtp: string }, env: Record<string, string> = {}): Promise<TestServer> {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  const server = await h.startServer({
    env: {
      YST_MEDIA: "embedded",
      YST_JANUS_WS_PORT: String(ports.ws),
      YST_JANUS_ADMIN_PORT: String(ports.admin),
      YST_JANUS_RTP_PORTS: ports.rtp,
      YST_JANUS_ICE_ENFORCE: "127.0.0.2",
      ...env,
    },
  });
  await eventually(() => expect(server.server.media.status()).toBe("up"), 20_000);
  return server;
}
