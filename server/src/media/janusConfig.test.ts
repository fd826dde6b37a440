import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { janusConfigFiles, parsePortRange, randomSecret, splitPortRange, writeJanusConfig, type JanusConfigOptions } from "./janusConfig.ts";

/** Reads `section: { key = value }` pairs from jcfg text (enough for the generated files). */
function parseJcfg(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const open = /^([\w.-]+)\s*:\s*\{$/.exec(line);
    if (open) sections[open[1]!] = current = {};
    else if (line === "}") current = undefined;
    else {
      const pair = /^(\w+)\s*=\s*(.*)$/.exec(line);
      if (pair && current) current[pair[1]!] = pair[2]!.replace(/^"(.*)"$/, "$1");
    }
  }
  return sections;
}

const base: JanusConfigOptions = {
  adminSecret: "s3cret-abc",
  bindIp: "127.0.0.1",
  wsPort: 18188,
  adminPort: 17188,
  rtpPorts: { min: 20000, max: 20200 },
  iceEnforceList: "127.0.0.2",
  libDir: "/usr/lib/x86_64-linux-gnu/janus",
  configDir: "/tmp/conf",
};

describe("janusConfigFiles", () => {
  const files = janusConfigFiles(base);
  const janus = parseJcfg(files["janus.jcfg"]!);
  const ws = parseJcfg(files["janus.transport.websockets.jcfg"]!);

  it("generates only the main file, the WebSocket transport and the three plugins", () => {
    expect(Object.keys(files).sort()).toEqual([
      "janus.jcfg",
      "janus.plugin.audiobridge.jcfg",
      "janus.plugin.streaming.jcfg",
      "janus.plugin.videoroom.jcfg",
      "janus.transport.websockets.jcfg",
    ]);
  });

  it("sets the admin secret, folders and media settings", () => {
    expect(janus.general).toMatchObject({ admin_secret: "s3cret-abc", configs_folder: "/tmp/conf", plugins_folder: "/usr/lib/x86_64-linux-gnu/janus/plugins" });
    expect(janus.media!.rtp_port_range).toBe("20000-20200");
    expect(janus.nat).toMatchObject({ ignore_mdns: "true", ice_enforce_list: "127.0.0.2" });
  });

  it("gives each handle its own thread unless event loops are asked for", () => {
    expect(janus.general!.event_loops).toBeUndefined();
    const withLoops = parseJcfg(janusConfigFiles({ ...base, eventLoops: 2 })["janus.jcfg"]!);
    expect(withLoops.general).toMatchObject({ event_loops: "2" });
    expect(withLoops.general!.admin_secret).toBe(janus.general!.admin_secret);
  });

  it("has no STUN server and no NAT mapping unless asked", () => {
    expect(files["janus.jcfg"]).not.toMatch(/stun_server|turn_server/);
    expect(janus.nat!.nat_1_1_mapping).toBeUndefined();
    const withNat = parseJcfg(janusConfigFiles({ ...base, nat11Mapping: "203.0.113.7", iceEnforceList: undefined })["janus.jcfg"]!);
    expect(withNat.nat).toMatchObject({ nat_1_1_mapping: "203.0.113.7" });
    expect(withNat.nat!.ice_enforce_list).toBeUndefined();
  });

  it("loads only VideoRoom, AudioBridge, Streaming and the WebSocket transport", () => {
    const disabledPlugins = janus.plugins!.disable!.split(",");
    for (const plugin of ["videoroom", "audiobridge", "streaming"]) expect(disabledPlugins).not.toContain(`libjanus_${plugin}.so`);
    expect(disabledPlugins).toEqual(expect.arrayContaining(["libjanus_echotest.so", "libjanus_sip.so", "libjanus_recordplay.so"]));
    expect(disabledPlugins).toHaveLength(9);
    expect(janus.transports!.disable!.split(",").sort()).toEqual([
      "libjanus_http.so",
      "libjanus_mqtt.so",
      "libjanus_nanomsg.so",
      "libjanus_pfunix.so",
      "libjanus_rabbitmq.so",
    ]);
  });

  it("binds the WebSocket and Admin APIs to loopback on the configured ports, without TLS", () => {
    expect(ws.general).toMatchObject({ ws: "true", ws_port: "18188", ws_ip: "127.0.0.1", wss: "false" });
    expect(ws.admin).toMatchObject({ admin_ws: "true", admin_ws_port: "17188", admin_ws_ip: "127.0.0.1", admin_wss: "false" });
  });

  it("defines no static rooms", () => {
    for (const name of ["janus.plugin.videoroom.jcfg", "janus.plugin.audiobridge.jcfg", "janus.plugin.streaming.jcfg"]) {
      expect(Object.keys(parseJcfg(files[name]!))).toEqual(["general"]);
    }
  });

  it("escapes quotes in strings", () => {
    const text = janusConfigFiles({ ...base, adminSecret: 'a"b\\c' })["janus.jcfg"]!;
    expect(text).toContain('admin_secret = "a\\"b\\\\c"');
  });
});

describe("writeJanusConfig", () => {
  it("writes a fresh folder readable by the owner only, removing stale files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-janus-"));
    try {
      fs.writeFileSync(path.join(dir, "janus.plugin.echotest.jcfg"), "stale");
      const main = writeJanusConfig({ ...base, configDir: dir });
      expect(main).toBe(path.join(dir, "janus.jcfg"));
      expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(janusConfigFiles(base)).sort());
      expect(fs.statSync(main).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("helpers", () => {
  it("parses port ranges", () => {
    expect(parsePortRange("20000-20200")).toEqual({ min: 20000, max: 20200 });
    expect(() => parsePortRange("20200-20000")).toThrow();
    expect(() => parsePortRange("abc")).toThrow();
  });
  it("splits a port range between the origin and its edges, without overlap", () => {
    expect(splitPortRange({ min: 20000, max: 20200 }, 1)).toEqual([{ min: 20000, max: 20200 }]);
    expect(splitPortRange({ min: 20000, max: 20299 }, 3)).toEqual([
      { min: 20000, max: 20099 },
      { min: 20100, max: 20199 },
      { min: 20200, max: 20299 },
    ]);
    expect(() => splitPortRange({ min: 20000, max: 20020 }, 3)).toThrow(/too small/);
  });
  it("generates distinct long secrets", () => {
    expect(randomSecret()).not.toBe(randomSecret());
    expect(randomSecret().length).toBeGreaterThanOrEqual(32);
  });
});
