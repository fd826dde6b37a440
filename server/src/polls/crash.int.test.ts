// A vote storm cut short by kill -9: the server runs in a child process on a real SQLite file,
// ~200 members vote in a secret poll and the process is SIGKILLed in the middle of the storm.
// After a restart on the same data folder every acknowledged ballot is there, no voter has two,
// and members who never got their ack and vote again get ok (the ballot was not stored) or
// ALREADY_VOTED (it was stored, the ack was lost) — never a second ballot. The close then counts
// exactly the stored ballots.
import { afterEach, expect, it } from "vitest";
import type { Ack, BallotReceipt } from "../../../core/protocol.ts";
import type { Db } from "../db/database.ts";
import { disconnected, Harness, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { pollOf } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const MEMBERS = 200;
/** The kill comes once this many ballots are acknowledged: the storm is then in full flow. */
const KILL_AFTER_ACKS = 50;
/** One member votes every this many ms (the whole storm would take MEMBERS × this). */
const SEND_EVERY_MS = 2;

const SECRET = pollOf({ title: "关于社区公共收益使用方案的表决", secret: true });

const choiceOf = (i: number): string => ["yes", "no", "abstain"][i % 3]!;

async function counts(db: Db, pollId: string): Promise<{ voters: number; ballots: number; units: Set<string> }> {
  const voters = await db.$queryRaw<{ unitId: string }[]>`SELECT "unitId" FROM "PollVoter" WHERE "pollId" = ${pollId}`;
  const [ballots] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "PollBallot" WHERE "pollId" = ${pollId}`;
  return { voters: voters.length, ballots: Number(ballots?.n ?? 0), units: new Set(voters.map((v) => v.unitId)) };
}

async function connectAll(url: string, tokens: readonly string[]): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < tokens.length; i += 25) clients.push(...(await Promise.all(tokens.slice(i, i + 25).map((t) => h.connect(url, t)))));
  return clients;
}

it("every acknowledged ballot survives kill -9 mid-storm; retries after the restart never make a second ballot", async () => {
  // The meeting (a chair and 200 members) is prepared in-process, then the file is handed over.
  const prep = await h.startServer({ listen: false });
  const { meeting, participants } = await prep.server.meetings.create("社区议事会（断电表决测试）", [
    { name: "主持人", role: "chair" },
    ...Array.from({ length: MEMBERS }, (_, i) => ({ name: `居民代表 ${i + 1}`, role: "member" as const })),
  ]);
  const tokens = await Promise.all(participants.map((p) => prep.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role })));
  const opened = await (await prep.server.rooms.get(meeting.id)).submit({ participantId: participants[0]!.id, role: "chair" }, { type: "meeting.open" });
  expect(opened.ok).toBe(true);
  await prep.close();

  const proc = await h.spawnServer(prep.dataDir);
  const [chair, ...members] = await connectAll(proc.url, tokens);
  await settle([chair!, ...members], undefined, 20_000); // everyone present: all 200 are eligible
  const created = await send(chair!, { type: "poll.create", poll: SECRET });
  expect(created).toMatchObject({ ok: true });
  const pollId = (await chair!.waitForSeq(created.ok ? created.seq : 0)).polls.at(-1)!.pollId;
  const open = await send(chair!, { type: "poll.open", pollId });
  expect(open).toMatchObject({ ok: true });
  await Promise.all(members.map((m) => m.waitForSeq(open.ok ? open.seq : 0)));
  expect(chair!.state.polls.at(-1)!.eligible).toHaveLength(MEMBERS);

  // The storm; SIGKILL once KILL_AFTER_ACKS ballots are acknowledged.
  const acked = new Set<number>();
  const sent = new Set<number>();
  const otherAcks: Ack<BallotReceipt>[] = [];
  let killed: Promise<unknown> | null = null;
  const gone = disconnected(chair!.socket, 20_000);
  for (let i = 0; i < MEMBERS && !killed; i++) {
    sent.add(i);
    members[i]!.socket.emit("poll.vote", { pollId, choices: [choiceOf(i)] }, (ack) => {
      if (ack.ok) acked.add(i);
      else otherAcks.push(ack);
      if (acked.size >= KILL_AFTER_ACKS && !killed) killed = proc.kill("SIGKILL");
    });
    await new Promise((resolve) => setTimeout(resolve, SEND_EVERY_MS));
  }
  for (let waited = 0; !killed && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await killed).toEqual({ code: null, signal: "SIGKILL" });
  await gone;
  const ackedAtKill = new Set(acked);
  expect(otherAcks).toEqual([]);
  expect(ackedAtKill.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  // Mid-storm: some members had sent without an ack, or had not sent yet.
  expect(ackedAtKill.size).toBeLessThan(MEMBERS);

  // Restart on the same data folder: every acked voter's unit is stored, once, with one ballot each.
  const after = await h.startServer({ dataDir: prep.dataDir });
  const stored = await counts(after.server.db, pollId);
  expect(stored.voters).toBeGreaterThanOrEqual(ackedAtKill.size);
  for (const i of ackedAtKill) expect(stored.units.has(members[i]!.welcome.me.id)).toBe(true);
  expect(stored.ballots).toBe(stored.voters);
  expect(stored.voters).toBeLessThanOrEqual(sent.size); // nothing that was never sent
  const room = await after.server.rooms.get(meeting.id);
  expect(room.current.polls.find((p) => p.pollId === pollId)?.status).toBe("open");

  // Everyone votes (again): the unacknowledged get ok if their ballot was not stored, ALREADY_VOTED
  // if it was (stored, ack lost); the acknowledged get ALREADY_VOTED.
  const again = await connectAll(after.url, tokens);
  const [chair2, ...members2] = again;
  const retries = await Promise.all(members2.map((m, i) => m.socket.timeout(10_000).emitWithAck("poll.vote", { pollId, choices: [choiceOf(i + 1)] })));
  const expected = members2.map((m) => (stored.units.has(m.welcome.me.id) ? "ALREADY_VOTED" : "ok"));
  expect(retries.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(expected);
  const storedBeforeRetryUnacked = [...sent].filter((i) => !ackedAtKill.has(i) && stored.units.has(members[i]!.welcome.me.id)).length;
  const final = await counts(after.server.db, pollId);
  expect(final.voters).toBe(MEMBERS);
  expect(final.ballots).toBe(MEMBERS);

  // The close counts exactly the stored ballots.
  const closed = await send(chair2!, { type: "poll.close", pollId });
  expect(closed).toMatchObject({ ok: true });
  const poll = (await chair2!.waitForSeq(closed.ok ? closed.seq : 0)).polls.find((p) => p.pollId === pollId)!;
  expect(poll.status).toBe("closed");
  const afterClose = await counts(after.server.db, pollId);
  expect(poll.result?.ballots).toBe(afterClose.voters);
  expect(afterClose.voters).toBe(afterClose.ballots);
  expect(afterClose.voters).toBe(MEMBERS);
  // What the kill left (for the record when this runs verbosely).
  console.info(
    `crash mid-storm: ${sent.size} sent, ${ackedAtKill.size} acked, ${stored.voters} stored at the kill (${storedBeforeRetryUnacked} stored without an ack)`,
  );
}, 60_000);
