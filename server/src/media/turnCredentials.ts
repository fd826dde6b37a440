// TURN for browsers behind strict NAT or firewalls (docs/media.md#turn): the operator's coturn with
// `use-auth-secret` and `static-auth-secret` (YST_TURN_URLS, YST_TURN_SECRET, YST_TURN_TTL_SECONDS).
// Each participant gets short-lived credentials of its own (the TURN REST API convention, which
// coturn checks with the shared secret): username `<unix expiry>:<opaque id>`, credential
// base64(HMAC-SHA1(secret, username)). The secret itself never leaves the server.
import { createHmac } from "node:crypto";
import type { IceServersResult } from "../../../core/protocol.ts";

export interface TurnConfig {
  /** turn:/turns: URLs the browsers are given, e.g. `turns:turn.example.org:443?transport=tcp`. */
  urls: string[];
  /** coturn's `static-auth-secret`. Never sent to a browser, never logged. */
  secret: string;
  /** How long minted credentials are valid. */
  ttlSeconds: number;
}

export const DEFAULT_TURN_TTL_SECONDS = 3600;
const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 7 * 24 * 3600;
const MIN_SECRET_LENGTH = 16;

/** `turn:host`, `turns:host:443?transport=tcp`, `turn:[2001:db8::1]:3478?transport=udp`. */
const TURN_URL = /^turns?:(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(?:\?transport=(?:udp|tcp))?$/;

/** The TURN settings from the environment; undefined without YST_TURN_URLS. Throws a clear error on a wrong one. */
export function loadTurnConfig(env: NodeJS.ProcessEnv): TurnConfig | undefined {
  const urls = (env.YST_TURN_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  const secret = env.YST_TURN_SECRET ?? "";
  if (urls.length === 0) {
    if (secret) throw new Error("YST_TURN_SECRET is set but YST_TURN_URLS is not: set both (docs/media.md#turn), or neither for no TURN");
    return undefined;
  }
  for (const url of urls) {
    const match = TURN_URL.exec(url);
    const port = match?.[1] === undefined ? 1 : Number(match[1]);
    if (!match || port < 1 || port > 65535)
      throw new Error(`YST_TURN_URLS must list turn: or turns: URLs separated by commas (e.g. turns:turn.example.org:443?transport=tcp), got ${url}`);
  }
  if (!secret) throw new Error("YST_TURN_URLS needs YST_TURN_SECRET: coturn's static-auth-secret (use-auth-secret), from which the credentials are minted");
  if (secret.length < MIN_SECRET_LENGTH || /\s/.test(secret))
    throw new Error(`YST_TURN_SECRET must be at least ${MIN_SECRET_LENGTH} characters without spaces (e.g. openssl rand -hex 32)`);
  const ttlText = env.YST_TURN_TTL_SECONDS ?? String(DEFAULT_TURN_TTL_SECONDS);
  const ttlSeconds = Number(ttlText);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS)
    throw new Error(`YST_TURN_TTL_SECONDS must be a whole number of seconds from ${MIN_TTL_SECONDS} to ${MAX_TTL_SECONDS}, got ${ttlText}`);
  return { urls, secret, ttlSeconds };
}

/**
 * An opaque id for one participant of one meeting: coturn logs usernames, and this names nobody
 * (no name, not even the participant's id), yet the server can recompute it to tell whose it was.
 */
export function turnUserId(secret: string, meetingId: string, participantId: string): string {
  return createHmac("sha256", secret).update(`yst-turn-user\0${meetingId}\0${participantId}`).digest("base64url").slice(0, 22);
}

/** The password coturn expects for a TURN REST API username: base64(HMAC-SHA1(secret, username)). */
export function turnPassword(secret: string, username: string): string {
  return createHmac("sha1", secret).update(username).digest("base64");
}

/** Short-lived credentials for one participant (no TURN: no servers); `now` in epoch ms. */
export function mintIceServers(turn: TurnConfig | undefined, who: { meetingId: string; participantId: string }, now: number): IceServersResult {
  if (!turn) return { iceServers: [], expiresAt: null };
  const expiry = Math.floor(now / 1000) + turn.ttlSeconds;
  const username = `${expiry}:${turnUserId(turn.secret, who.meetingId, who.participantId)}`;
  return { iceServers: [{ urls: [...turn.urls], username, credential: turnPassword(turn.secret, username) }], expiresAt: expiry * 1000 };
}
