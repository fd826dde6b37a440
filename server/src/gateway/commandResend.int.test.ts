// The browser's connection (client/src/connection/meetingConnection.ts, in node) when an
// acknowledgement is lost: the server applies the command, but the connection drops before the
// answer arrives. The client resends it once with the same cid after reconnecting, and the
// promise resolves with the server's answer — the first one, not a second application. Real
// server, real sockets; the loss is made by the server dropping the connection instead of acking.
import { afterEach, describe, expect, it } from "vitest";
import { browserConnection } from "../../../testing/server/browserConnection.ts";
import type { MeetingEvent } from "../../../core/meeting.ts";
import { eventually, Harness, persisted, send, settle, type TestServer } from "../../../testing/server/harness.ts";
import { pollOf } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const browser = (url: string, token: string) => browserConnection(h, url, token);

/**
 * The next `times` messages named `event` from `participantId` are handled (and stored) as usual,
 * but instead of their acknowledgement the server closes the connection's transport: the client
 * never learns the outcome and reconnects by itself. Returns what was swallowed, in order.
 */
function loseAcks(srv: TestServer, participantId: string, event: string, times = 1): unknown[] {
  const lost: unknown[] = [];
  srv.server.io.on("connection", (socket) => {
    if (socket.data.me.id !== participantId) return;
    socket.use((packet, next) => {
      const ack = packet.at(-1);
      if (packet[0] === event && typeof ack === "function" && lost.length < times) {
        packet[packet.length - 1] = (answer: unknown) => {
          lost.push(answer);
          socket.conn.close();
        };
      }
      next();
    });
  });
  return lost;
}

const typesBy = (events: readonly { actorId: string | null; event: MeetingEvent }[], actorId: string) =>
  events.filter((e) => e.actorId === actorId).map((e) => e.event.type);

describe("a command whose acknowledgement was lost", () => {
  it("is resent once with its cid after the reconnect, applied once, and resolves with the first answer", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const m1 = meeting.people.member1.id;
    const lost = loseAcks(srv, m1, "command");
    const connection = await browser(srv.url, meeting.tokens.member1);

    const result = await connection.send({ type: "queue.request" });
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ ok: true });
    expect(result).toEqual(lost[0]); // the resend's answer is the first one
    const { events, state } = await persisted(srv.server, meeting.meetingId);
    expect(typesBy(events, m1).filter((t) => t === "queue.requested")).toHaveLength(1);
    expect(state.queue.map((q) => q.participantId)).toEqual([m1]);
    await eventually(() => expect(connection.getSnapshot().state?.queue.map((q) => q.participantId)).toEqual([m1]));
  });

  it("a refused command is answered with its refusal after the resend, not a timeout", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const m1 = meeting.people.member1.id;
    const lost = loseAcks(srv, m1, "command");
    const connection = await browser(srv.url, meeting.tokens.member1);
    const result = await connection.send({ type: "queue.withdraw" });
    expect(lost).toMatchObject([{ ok: false, error: { code: "NOT_IN_QUEUE" } }]);
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_IN_QUEUE" } });
  });

  it("a vote whose acknowledgement was lost is resent, stored once, and counts as voted", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const m1 = meeting.people.member1.id;
    const chair = await h.connect(srv.url, meeting.tokens.chair);
    const lost = loseAcks(srv, m1, "poll.vote");
    const connection = await browser(srv.url, meeting.tokens.member1);
    await settle([chair], srv.server);
    const created = await send(chair, { type: "poll.create", poll: pollOf({ title: "关于更换电梯的表决", secret: true }) });
    const pollId = (await chair.waitForSeq(created.ok ? created.seq : 0)).polls.at(-1)!.pollId;
    const opened = await send(chair, { type: "poll.open", pollId, confirmed: true });
    expect([created.ok, opened]).toEqual([true, { ok: true, seq: expect.any(Number) }]);
    await eventually(() => expect(connection.getSnapshot().state?.seq).toBe(opened.ok ? opened.seq : -1));

    const result = await connection.vote({ pollId, choices: ["yes"] });
    expect(lost).toMatchObject([{ ok: true, pollId }]);
    // The resend finds the ballot stored: ALREADY_VOTED, shown as voted (已投票).
    expect(result).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
    expect(connection.getSnapshot().polls.mine).toEqual({ [pollId]: null });
    expect(await srv.server.db.pollVoter.count({ where: { pollId } })).toBe(1);
    expect(await srv.server.db.pollBallot.count({ where: { pollId } })).toBe(1);
  });
});
