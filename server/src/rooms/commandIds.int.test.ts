// Command ids end to end (real server, real database, real clients): a command resent with the
// same cid — its sender lost the acknowledgement — is applied once and answered as the first send
// was, also after a restart (remembered from the log); a refused command is decided again; the
// ids are per actor.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, persisted, send, settle, threeConnected, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const startWithThree = () => threeConnected(h);

/** The log's events that carry `cid`. */
async function withCid(srv: TestServer, meeting: TestMeeting, cid: string): Promise<number[]> {
  return (await persisted(srv.server, meeting.meetingId)).events.filter((e) => e.cid === cid).map((e) => e.seq);
}

describe("command ids", () => {
  it("the same cid twice is applied once and answered with the same seq, even sent together", async () => {
    const { srv, meeting, m1, m2, base } = await startWithThree();
    const cid = randomUUID();
    const [first, second] = await Promise.all([send(m1, { type: "queue.request", cid }), send(m1, { type: "queue.request", cid })]);
    expect(first).toEqual({ ok: true, seq: base + 1 });
    expect(second).toEqual(first);
    // Not ALREADY_IN_QUEUE either later: it is not decided again.
    expect(await send(m1, { type: "queue.request", cid })).toEqual(first);
    expect(await send(m2, { type: "queue.request" })).toEqual({ ok: true, seq: base + 2 });
    expect(await withCid(srv, meeting, cid)).toEqual([base + 1]);
    expect((await persisted(srv.server, meeting.meetingId)).state.queue.map((q) => q.participantId)).toEqual([
      meeting.people.member1.id,
      meeting.people.member2.id,
    ]);
  });

  it("after a restart the same cid is answered from the log, with the last seq of its batch", async () => {
    const { srv, meeting, chair, m1, m2, base } = await startWithThree();
    await send(m1, { type: "queue.request" });
    await send(m2, { type: "queue.request" });
    await send(chair, { type: "floor.give" }); // m1 speaks
    const cid = randomUUID();
    // m2 called while m1 speaks: m1's speech ends and m2's starts, two events in one batch.
    const given = await send(chair, { type: "floor.give", cid });
    expect(given).toEqual({ ok: true, seq: base + 5 });
    expect(await withCid(srv, meeting, cid)).toEqual([base + 4, base + 5]);
    const before = (await persisted(srv.server, meeting.meetingId)).state;
    await srv.close();

    const again = await h.startServer({ dataDir: srv.dataDir });
    const chairAgain = await h.connect(again.url, meeting.tokens.chair);
    await settle([chairAgain], again.server);
    const seqBefore = (await persisted(again.server, meeting.meetingId)).state.seq;
    expect(await send(chairAgain, { type: "floor.give", cid })).toEqual(given);
    const after = await persisted(again.server, meeting.meetingId);
    expect(after.state.seq).toBe(seqBefore);
    expect(after.state.floor).toEqual(before.floor);
    // A fresh id is a new command: decided now (nobody is waiting any more).
    expect(await send(chairAgain, { type: "floor.give", cid: randomUUID() })).toMatchObject({ ok: false, error: { code: "QUEUE_EMPTY" } });
  });

  it("a refused command resent with its cid is decided again: nothing of it was applied", async () => {
    const { srv, meeting, m1, base } = await startWithThree();
    const cid = randomUUID();
    expect(await send(m1, { type: "queue.withdraw", cid })).toMatchObject({ ok: false, error: { code: "NOT_IN_QUEUE" } });
    expect(await send(m1, { type: "queue.request" })).toEqual({ ok: true, seq: base + 1 });
    expect(await send(m1, { type: "queue.withdraw", cid })).toEqual({ ok: true, seq: base + 2 });
    expect(await withCid(srv, meeting, cid)).toEqual([base + 2]);
  });

  it("two actors with the same cid send two commands", async () => {
    const { srv, meeting, m1, m2, base } = await startWithThree();
    const cid = randomUUID();
    expect(await send(m1, { type: "queue.request", cid })).toEqual({ ok: true, seq: base + 1 });
    expect(await send(m2, { type: "queue.request", cid })).toEqual({ ok: true, seq: base + 2 });
    const { events } = await persisted(srv.server, meeting.meetingId);
    expect(events.filter((e) => e.cid === cid).map((e) => e.actorId)).toEqual([meeting.people.member1.id, meeting.people.member2.id]);
  });

  it("a malformed cid is refused as VALIDATION, nothing decided", async () => {
    const { srv, meeting, m1, base } = await startWithThree();
    for (const cid of ["short", "x".repeat(65), "has space in it", 12345678, null]) {
      expect(await send(m1, { type: "queue.request", cid })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    expect((await persisted(srv.server, meeting.meetingId)).state.seq).toBe(base);
  });
});
