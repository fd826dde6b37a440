// TURN settings and the credentials minted from them (docs/media.md#turn). The password vector was
// computed outside this code: printf '%s' '1700003600:abc' | openssl dgst -sha1 -hmac 'north-wind-0123456789' -binary | base64
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.ts";
import { loadTurnConfig, mintIceServers, turnPassword, turnUserId } from "./turnCredentials.ts";

const SECRET = "north-wind-0123456789";
const URLS = "turns:turn.example.org:443?transport=tcp, turn:turn.example.org:3478?transport=udp";

describe("loadTurnConfig", () => {
  it("is off without YST_TURN_URLS, and reads the URLs, the secret and the lifetime (default 3600 s)", () => {
    expect(loadTurnConfig({})).toBeUndefined();
    expect(loadTurnConfig({ YST_TURN_URLS: " , " })).toBeUndefined();
    expect(loadTurnConfig({ YST_TURN_URLS: URLS, YST_TURN_SECRET: SECRET })).toEqual({
      urls: ["turns:turn.example.org:443?transport=tcp", "turn:turn.example.org:3478?transport=udp"],
      secret: SECRET,
      ttlSeconds: 3600,
    });
    expect(loadTurnConfig({ YST_TURN_URLS: "turn:[2001:db8::1]:3478,turn:10.0.0.5", YST_TURN_SECRET: SECRET, YST_TURN_TTL_SECONDS: "600" })).toMatchObject({
      urls: ["turn:[2001:db8::1]:3478", "turn:10.0.0.5"],
      ttlSeconds: 600,
    });
    expect(loadConfig({ YST_TURN_URLS: URLS, YST_TURN_SECRET: SECRET }).turn?.urls).toHaveLength(2);
    expect(loadConfig({}).turn).toBeUndefined();
  });

  it("refuses wrong settings with a message naming the variable", () => {
    const wrong = (env: NodeJS.ProcessEnv) => () => loadConfig(env);
    expect(wrong({ YST_TURN_SECRET: SECRET })).toThrow(/YST_TURN_SECRET is set but YST_TURN_URLS is not/);
    expect(wrong({ YST_TURN_URLS: URLS })).toThrow(/YST_TURN_URLS needs YST_TURN_SECRET/);
    expect(wrong({ YST_TURN_URLS: URLS, YST_TURN_SECRET: "short" })).toThrow(/YST_TURN_SECRET must be at least 16 characters/);
    expect(wrong({ YST_TURN_URLS: URLS, YST_TURN_SECRET: "with a space 0123456789" })).toThrow(/YST_TURN_SECRET/);
    for (const url of ["https://turn.example.org", "turn:", "turns:turn.example.org:70000", "turn:host?transport=sctp", "stun:turn.example.org"])
      expect(wrong({ YST_TURN_URLS: url, YST_TURN_SECRET: SECRET })).toThrow(/YST_TURN_URLS must list turn: or turns: URLs/);
    for (const ttl of ["0", "59", "1.5", "x", "604801"])
      expect(wrong({ YST_TURN_URLS: URLS, YST_TURN_SECRET: SECRET, YST_TURN_TTL_SECONDS: ttl })).toThrow(/YST_TURN_TTL_SECONDS must be a whole number/);
  });
});

describe("mintIceServers", () => {
  const turn = { urls: ["turns:turn.example.org:443?transport=tcp"], secret: SECRET, ttlSeconds: 3600 };

  it("gives the TURN REST API credential coturn expects: base64 HMAC-SHA1 of the username with the secret", () => {
    expect(turnPassword(SECRET, "1700003600:abc")).toBe("KVqWBUkEdIevx8GOl9dyzuGX/P0=");
  });

  it("mints <expiry>:<opaque id> per participant, valid for the lifetime, without the secret", () => {
    const now = 1_700_000_000_500;
    const grant = mintIceServers(turn, { meetingId: "m1", participantId: "p1" }, now);
    expect(grant.expiresAt).toBe(1_700_003_600_000);
    const [server] = grant.iceServers;
    expect(server?.urls).toEqual(turn.urls);
    expect(server?.username).toMatch(/^1700003600:[A-Za-z0-9_-]{22}$/);
    expect(server?.username).not.toContain("p1");
    expect(server?.credential).toBe(turnPassword(SECRET, server!.username));
    expect(JSON.stringify(grant)).not.toContain(SECRET);
    // The same person is recognisable by the server (the same id), another person is not the same.
    expect(server?.username.split(":")[1]).toBe(turnUserId(SECRET, "m1", "p1"));
    expect(turnUserId(SECRET, "m1", "p2")).not.toBe(turnUserId(SECRET, "m1", "p1"));
    expect(turnUserId(SECRET, "m2", "p1")).not.toBe(turnUserId(SECRET, "m1", "p1"));
  });

  it("gives no servers without TURN", () => {
    expect(mintIceServers(undefined, { meetingId: "m1", participantId: "p1" }, 0)).toEqual({ iceServers: [], expiresAt: null });
  });
});
