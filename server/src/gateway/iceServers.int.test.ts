// media.iceServers through real sockets (docs/protocol.md, docs/media.md#turn): each connection gets
// TURN credentials of its own person, which coturn's use-auth-secret accepts (the password is the
// HMAC of the username with the shared secret), and the secret itself never goes out.
import { createHmac } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import type { Ack, IceServersResult } from "../../../core/protocol.ts";
import { Harness, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const SECRET = "static-auth-secret-for-the-test";
const URLS = ["turns:turn.example.org:443?transport=tcp", "turn:turn.example.org:3478?transport=udp"];

const iceServers = (client: TestClient, payload: unknown = {}) =>
  (client.socket.timeout(5_000).emitWithAck as (e: string, p: unknown) => Promise<Ack<IceServersResult>>)("media.iceServers", payload);

it("mints short-lived credentials per participant; the secret stays on the server", async () => {
  const server = await h.startServer({ env: { YST_TURN_URLS: URLS.join(","), YST_TURN_SECRET: SECRET, YST_TURN_TTL_SECONDS: "900" } });
  const meeting = await h.createMeeting(server.server, "TURN", { open: true });
  const member = await h.connect(server.url, meeting.tokens.member1);
  const again = await h.connect(server.url, meeting.tokens.member1);
  const observer = await h.connect(server.url, meeting.tokens.observer);

  const before = Math.floor(Date.now() / 1000);
  const answer = await iceServers(member);
  if (!answer.ok) throw new Error(`refused: ${answer.error.code}`);
  expect(JSON.stringify(answer)).not.toContain(SECRET);
  const [turn] = answer.iceServers;
  expect(answer.iceServers).toHaveLength(1);
  expect(turn?.urls).toEqual(URLS);
  const [expiry, id] = turn!.username.split(":");
  expect(Number(expiry)).toBeGreaterThanOrEqual(before + 900);
  expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 900);
  expect(answer.expiresAt).toBe(Number(expiry) * 1000);
  // Opaque: neither the person's id nor their name.
  expect(turn!.username).not.toContain(meeting.people.member1.id);
  expect(turn!.username).not.toContain(meeting.people.member1.name);
  // What coturn computes with its static-auth-secret.
  expect(turn!.credential).toBe(createHmac("sha1", SECRET).update(turn!.username).digest("base64"));

  // The same person on another device: the same opaque id; another person: another one.
  const second = await iceServers(again);
  const third = await iceServers(observer);
  if (!second.ok || !third.ok) throw new Error("refused");
  expect(second.iceServers[0]!.username.split(":")[1]).toBe(id);
  expect(third.iceServers[0]!.username.split(":")[1]).not.toBe(id);

  expect(await iceServers(member, { secret: true })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
});

it("gives no ICE servers without TURN", async () => {
  const server = await h.startServer();
  const meeting = await h.createMeeting(server.server, "No TURN", { open: true });
  const member = await h.connect(server.url, meeting.tokens.member1);
  expect(await iceServers(member)).toEqual({ ok: true, iceServers: [], expiresAt: null });
});
