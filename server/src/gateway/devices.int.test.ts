// Limits per person, not per connection, end to end (real server, real sockets, the browser's
// own connection code): one join link may be connected from YST_MAX_DEVICES devices at once (3
// unless set) — a further connection ends the oldest, which is told why (`connection.ended`,
// TOO_MANY_DEVICES) and does not reconnect — and all of one person's connections draw on one
// rate limit (a burst of 20, then 10 per second).
import { afterEach, describe, expect, it } from "vitest";
import { browserConnection } from "../../../testing/server/browserConnection.ts";
import { coreError } from "../../../core/errors.ts";
import {
  collectEvents,
  disconnected,
  eventually,
  Harness,
  send,
  settle,
  sleep,
  type ClientSocket,
  type TestClient,
  type TestServer,
} from "../../../testing/server/harness.ts";
import { DISPLAY_SCREENS } from "./devices.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const TOO_MANY_DEVICES = coreError("TOO_MANY_DEVICES");

const browser = (url: string, token: string) => browserConnection(h, url, token);

/** The server's connections of one participant (or of the room display). */
const connectionsOf = (srv: TestServer, id: string) => [...srv.server.io.of("/").sockets.values()].filter((s) => s.data.me.id === id).length;

/** Records what a raw socket hears about its end, in order. */
function endings(socket: ClientSocket): string[] {
  const heard: string[] = [];
  socket.on("connection.ended", (reason) => heard.push(`ended ${JSON.stringify(reason)}`));
  socket.on("disconnect", (reason) => heard.push(`disconnect ${reason}`));
  return heard;
}

const codes = (acks: readonly { ok: boolean; error?: { code: string } }[]) => acks.map((a) => (a.ok ? "ok" : a.error!.code));

describe("devices per person", () => {
  it("a fourth device ends the oldest connection, which says why and does not come back; the person stays present", async () => {
    const srv = await h.startServer({ presenceGraceSeconds: 0.3 });
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const m1Id = meeting.people.member1.id;
    const [chair, m2] = await Promise.all([h.connect(srv.url, meeting.tokens.chair), h.connect(srv.url, meeting.tokens.member2)]);
    const phone = await browser(srv.url, meeting.tokens.member1);
    const tablet = await browser(srv.url, meeting.tokens.member1);
    const laptop = await browser(srv.url, meeting.tokens.member1);
    await settle([chair, m2], srv.server);
    await eventually(() => expect(chair.state.attendance[m1Id]?.status).toBe("present"));
    expect(connectionsOf(srv, m1Id)).toBe(3);
    const fromNow = collectEvents(chair);

    const desktop = await browser(srv.url, meeting.tokens.member1);
    await eventually(() => expect(phone.getSnapshot()).toMatchObject({ status: "ended", refusal: TOO_MANY_DEVICES }));
    for (const c of [tablet, laptop, desktop]) expect(c.getSnapshot()).toMatchObject({ status: "connected", refusal: null });
    expect(connectionsOf(srv, m1Id)).toBe(3);

    // Well past socket.io's reconnection delay (1 s) and the presence grace period: the ended
    // browser has not come back to push another out, and the person never left the meeting.
    await sleep(2_000);
    expect(phone.getSnapshot()).toMatchObject({ status: "ended", refusal: TOO_MANY_DEVICES });
    for (const c of [tablet, laptop, desktop]) expect(c.getSnapshot().status).toBe("connected");
    expect(connectionsOf(srv, m1Id)).toBe(3);
    expect(fromNow.events()).toEqual([]);
    expect(chair.state.attendance[m1Id]?.status).toBe("present");

    // Reloading the page on the ended device brings it back, ending the now-oldest (the tablet).
    const reloaded = await browser(srv.url, meeting.tokens.member1);
    await eventually(() => expect(tablet.getSnapshot()).toMatchObject({ status: "ended", refusal: TOO_MANY_DEVICES }));
    for (const c of [laptop, desktop, reloaded]) expect(c.getSnapshot().status).toBe("connected");
    expect(await reloaded.send({ type: "queue.request" })).toMatchObject({ ok: true });

    // Other people are not touched.
    expect(chair.socket.connected && m2.socket.connected).toBe(true);
    expect(srv.logs).toEqual([]);
  });

  it("YST_MAX_DEVICES sets how many: with 1, a second connection ends the first, the reason arriving before the disconnect", async () => {
    const srv = await h.startServer({ env: { YST_MAX_DEVICES: "1" } });
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const first = await h.connect(srv.url, meeting.tokens.member1);
    const heard = endings(first.socket);
    const gone = disconnected(first.socket);
    const second = await h.connect(srv.url, meeting.tokens.member1);
    expect(await gone).toBe("io server disconnect");
    expect(heard).toEqual([`ended ${JSON.stringify(TOO_MANY_DEVICES)}`, "disconnect io server disconnect"]);
    expect(TOO_MANY_DEVICES.message).toEqual({ zh: expect.stringContaining("其他设备"), en: expect.stringContaining("another device") });
    expect(await send(second, { type: "queue.request" })).toMatchObject({ ok: true });
    expect(connectionsOf(srv, meeting.people.member1.id)).toBe(1);
    // Another person's connection does not count against it.
    const other = await h.connect(srv.url, meeting.tokens.member2);
    expect(second.socket.connected && other.socket.connected).toBe(true);
  });

  it(`the room display's screens are limited per meeting (${DISPLAY_SCREENS}), apart from the participants`, async () => {
    const srv = await h.startServer({ env: { YST_MAX_DEVICES: "1" } });
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const token = await h.displayToken(srv.server, meeting.meetingId);
    const member = await h.connect(srv.url, meeting.tokens.member1);
    const screens: TestClient[] = [];
    for (let i = 0; i < DISPLAY_SCREENS; i++) screens.push(await h.connect(srv.url, token));
    expect(screens.every((s) => s.socket.connected) && member.socket.connected).toBe(true);

    const heard = endings(screens[0]!.socket);
    const gone = disconnected(screens[0]!.socket);
    await h.connect(srv.url, token);
    expect(await gone).toBe("io server disconnect");
    expect(heard[0]).toBe(`ended ${JSON.stringify(TOO_MANY_DEVICES)}`);
    expect(screens.slice(1).every((s) => s.socket.connected) && member.socket.connected).toBe(true);
    expect(connectionsOf(srv, `display:${meeting.meetingId}`)).toBe(DISPLAY_SCREENS);
  });
});

describe("one rate limit per person", () => {
  it("a burst spread over several connections of one person is cut at 20 in all; another person is not affected", async () => {
    let clock = Date.now();
    const srv = await h.startServer({ now: () => clock }); // frozen unless moved: no refill
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const devices: TestClient[] = [];
    for (let i = 0; i < 3; i++) devices.push(await h.connect(srv.url, meeting.tokens.member1));
    const m2 = await h.connect(srv.url, meeting.tokens.member2);
    const base = await settle([...devices, m2], srv.server);

    // 30 commands, ten on each of the three connections, all at once.
    const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => send(devices[i % 3]!, { type: "queue.request" })));
    const tally = Object.fromEntries(["ok", "ALREADY_IN_QUEUE", "RATE_LIMITED"].map((code) => [code, codes(acks).filter((c) => c === code).length]));
    expect(tally).toEqual({ ok: 1, ALREADY_IN_QUEUE: 19, RATE_LIMITED: 10 });
    expect(acks.find((a) => !a.ok && a.error.code === "RATE_LIMITED")).toEqual({ ok: false, error: coreError("RATE_LIMITED") });
    // Every connection of that person is out of tokens, sync.request included; time.sync is not limited.
    for (const d of devices) expect(await send(d, { type: "queue.withdraw" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(await devices[1]!.socket.timeout(5_000).emitWithAck("sync.request", { lastSeq: base })).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED" },
    });
    expect(await devices[2]!.socket.timeout(5_000).emitWithAck("time.sync")).toEqual({ serverTime: clock });

    // Someone else has their own bucket.
    expect(await send(m2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 2 });

    // A new connection (ending the oldest) buys no more commands, nor does reconnecting at once.
    const fresh = await h.connect(srv.url, meeting.tokens.member1);
    expect(await send(fresh, { type: "queue.withdraw" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    const all = [...devices, fresh].filter((d) => d.socket.connected);
    await Promise.all(
      all.map((d) => {
        const gone = disconnected(d.socket);
        d.close();
        return gone;
      }),
    );
    await eventually(() => expect(connectionsOf(srv, meeting.people.member1.id)).toBe(0));
    const back = await h.connect(srv.url, meeting.tokens.member1);
    expect(await send(back, { type: "queue.withdraw" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });

    // Half a second refills five tokens (10 per second), for all the person's connections together.
    clock += 500;
    const later = await Promise.all(Array.from({ length: 7 }, () => send(back, { type: "queue.request" })));
    expect(codes(later)).toEqual([...Array(5).fill("ALREADY_IN_QUEUE"), "RATE_LIMITED", "RATE_LIMITED"]);
    expect(srv.logs).toEqual([]);
  });

  it("keeps a person's bucket while they reconnect, and forgets it once their last connection has been gone until it refilled", async () => {
    const clock = Date.now();
    const srv = await h.startServer({ now: () => clock }); // frozen: the bucket never refills, only a fresh one is full
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const m1 = await h.connect(srv.url, meeting.tokens.member1);
    await settle([m1], srv.server);
    const acks = await Promise.all(Array.from({ length: 21 }, () => send(m1, { type: "queue.withdraw" })));
    expect(codes(acks).at(-1)).toBe("RATE_LIMITED");
    const leave = async (client: TestClient) => {
      const gone = disconnected(client.socket);
      client.close();
      await gone;
      await eventually(() => expect(connectionsOf(srv, meeting.people.member1.id)).toBe(0));
    };
    await leave(m1);
    // Coming straight back: still the same, empty bucket.
    const soon = await h.connect(srv.url, meeting.tokens.member1);
    expect(await send(soon, { type: "queue.withdraw" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    await leave(soon);
    // The bucket is dropped 2 s (a full refill) after the last connection went: a fresh one then.
    await sleep(2_300);
    const back = await h.connect(srv.url, meeting.tokens.member1);
    const again = await Promise.all(Array.from({ length: 21 }, () => send(back, { type: "queue.withdraw" })));
    expect(codes(again)).toEqual([...Array(20).fill("NOT_IN_QUEUE"), "RATE_LIMITED"]);
  });
});
