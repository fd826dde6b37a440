import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("media configuration", () => {
  it("is off unless YST_MEDIA says otherwise (tests never start Janus by accident)", () => {
    expect(loadConfig({}).media).toMatchObject({ mode: "off", janusWsPort: 8188, janusAdminPort: 7188, rtpPorts: "20000-20200" });
  });

  it("reads the embedded and external settings", () => {
    const media = loadConfig({
      YST_MEDIA: "external",
      YST_JANUS_URL: "ws://janus.internal:8188",
      YST_JANUS_ADMIN_URL: "ws://janus.internal:7188",
      YST_JANUS_ADMIN_SECRET: "s",
      YST_JANUS_RTP_PORTS: "30000-30100",
      YST_JANUS_ICE_ENFORCE: "eth0",
      YST_JANUS_NAT_1_1: "203.0.113.7",
      YST_JANUS_EDGE_URLS: "ws://10.0.0.11:8188, ws://10.0.0.12:8188",
    }).media;
    expect(media).toEqual({
      mode: "external",
      janusUrl: "ws://janus.internal:8188",
      janusAdminUrl: "ws://janus.internal:7188",
      janusAdminSecret: "s",
      janusWsPort: 8188,
      janusAdminPort: 7188,
      rtpPorts: "30000-30100",
      iceEnforce: "eth0",
      nat11: "203.0.113.7",
      edges: 0,
      edgeUrls: ["ws://10.0.0.11:8188", "ws://10.0.0.12:8188"],
    });
    expect(loadConfig({ YST_MEDIA: "embedded", YST_JANUS_EDGES: "3" }).media.edges).toBe(3);
  });

  it("rejects bad values", () => {
    expect(() => loadConfig({ YST_MEDIA: "on" })).toThrow(/YST_MEDIA/);
    expect(() => loadConfig({ YST_MEDIA: "external" })).toThrow(/YST_JANUS_URL/);
    expect(() => loadConfig({ YST_JANUS_RTP_PORTS: "lots" })).toThrow(/YST_JANUS_RTP_PORTS/);
    expect(() => loadConfig({ YST_JANUS_WS_PORT: "0" })).toThrow(/YST_JANUS_WS_PORT/);
    expect(() => loadConfig({ YST_JANUS_EDGES: "two" })).toThrow(/YST_JANUS_EDGES/);
    expect(() => loadConfig({ YST_JANUS_EDGES: "17" })).toThrow(/YST_JANUS_EDGES/);
    expect(() => loadConfig({ YST_JANUS_EDGE_URLS: "http://10.0.0.11:8188" })).toThrow(/YST_JANUS_EDGE_URLS/);
  });
});

describe("devices per participant", () => {
  it("allows 3 connections per participant unless YST_MAX_DEVICES says otherwise", () => {
    expect(loadConfig({}).maxDevices).toBe(3);
    expect(loadConfig({ YST_MAX_DEVICES: "1" }).maxDevices).toBe(1);
    expect(loadConfig({ YST_MAX_DEVICES: "5" }).maxDevices).toBe(5);
  });

  it("rejects anything but a whole number of at least 1", () => {
    for (const bad of ["0", "-1", "2.5", "three", ""]) expect(() => loadConfig({ YST_MAX_DEVICES: bad }), bad).toThrow(/YST_MAX_DEVICES/);
  });
});
