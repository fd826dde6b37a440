// media.* over real sockets without a media server: clear refusals, nothing else affected.
// (With Janus: e2e/media/floor.test.ts, inside the loopback-only namespace.)
import { afterEach, expect, it } from "vitest";
import type { Ack } from "../../../core/protocol.ts";
import { Harness, send, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

function emit(client: TestClient, event: string, payload: unknown): Promise<Ack<Record<string, unknown>>> {
  return new Promise((resolve) =>
    (client.socket.emit as (e: string, p: unknown, ack: (r: Ack<Record<string, unknown>>) => void) => void)(event, payload, resolve),
  );
}

const OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";

it("answers media requests with MEDIA_UNAVAILABLE, FORBIDDEN or VALIDATION when there is no media server", async () => {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, "无音视频", { open: true });
  const member = await h.connect(srv.url, meeting.tokens.member1);
  const observer = await h.connect(srv.url, meeting.tokens.observer);
  const display = await h.connect(srv.url, await h.displayToken(srv.server, meeting.meetingId));
  const venue = await h.connect(srv.url, await h.displayToken(srv.server, meeting.meetingId, "venue"));
  expect(member.welcome.media).toEqual({ available: false });
  expect(srv.server.mediaRelay).toBeUndefined();

  expect(await emit(member, "media.publish", { sdp: OFFER })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(member, "media.subscribe", {})).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(member, "media.answer", { sdp: OFFER })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(member, "media.leave", {})).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(member, "media.publish", { sdp: "m=audio" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(member, "media.publish", { sdp: OFFER, extra: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(member, "media.subscribe", { feeds: "all" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  // A malformed request is refused as such before the media server is consulted.
  expect(await emit(member, "media.subscribe", { audioOnly: "x" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(member, "media.subscribe", { audioOnly: true, extra: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(member, "media.subscribe", { audioOnly: true })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(observer, "media.publish", { sdp: OFFER })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  // Only the venue terminal's token publishes as the room (会场): it passes the role check and
  // finds no media server; a plain display is refused before the media server is even asked.
  expect(await emit(venue, "media.publish", { sdp: OFFER })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  expect(await emit(display, "media.publish", { sdp: OFFER })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  expect(await emit(display, "media.subscribe", {})).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });

  // The connection and the meeting carry on.
  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect(srv.logs).toEqual([]);
});
