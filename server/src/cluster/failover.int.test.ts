// Failover with kill -9 (issue 23): three node processes on one PostgreSQL schema and one Redis
// stream, behind a round-robin TCP load balancer (testing/server/loadBalancer.ts, as HAProxy in
// deploy/). Forty members connect through it — so most are on nodes that do not own the meeting —
// and vote in a secret poll while the owner is killed with SIGKILL mid-storm. Another node takes
// the meeting over from the log, every client reconnects by itself (to any node) with lastSeq,
// a ballot whose answer was lost is cast again (as the browser does); in the end every client
// holds the owner's state, every member's ballot is counted exactly once, and every acknowledged
// command is in the log once.
import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { pollOf, vote } from "../../../testing/server/pollRoom.ts";
import { eventually, Harness, send, type ServerProcess, type TestClient } from "../../../testing/server/harness.ts";
import { leaseHolder, testCluster } from "../../../testing/server/cluster.ts";
import { loadBalancer } from "../../../testing/server/loadBalancer.ts";
import { TEST_SECRET } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const MEMBERS = 40;

it(
  "kill -9 of the owner mid-vote-storm: another node takes over, clients resync, no acknowledged ballot or command lost or applied twice",
  { timeout: 120_000 },
  async () => {
    const cluster = await testCluster(h);
    // The meeting and its links, made by a node that then leaves (it owns nothing afterwards).
    const setup = await cluster.start("setup", { listen: false });
    const { meeting, participants } = await setup.server.meetings.create("市政协全体会议（故障切换测试）", [
      { name: "主持人", role: "chair" },
      ...Array.from({ length: MEMBERS }, (_, i) => ({ name: `委员${i + 1}`, role: "member" as const })),
    ]);
    const tokens = await Promise.all(participants.map((p) => setup.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role })));
    await setup.close();

    const nodes = new Map<string, ServerProcess>();
    for (const id of ["n1", "n2", "n3"]) nodes.set(id, await h.spawnServer(h.tempDir(), TEST_SECRET, { ...cluster.env, YST_NODE_ID: id }));
    const lb = await loadBalancer(() => [...nodes.values()].filter((n) => n.child.exitCode === null && n.child.signalCode === null).map((n) => n.port));
    h.onCleanup(() => lb.close());

    const [chair, ...members] = await Promise.all(tokens.map((token) => h.connect(lb.url, token, { reconnect: true })));
    const everyone: TestClient[] = [chair!, ...members];
    expect(await send(chair!, { type: "meeting.open" })).toMatchObject({ ok: true });
    const create = { type: "poll.create", poll: pollOf({ title: "关于城市更新的建议案", secret: true }) } as const;
    expect(await send(chair!, create)).toMatchObject({ ok: true });
    await eventually(() => expect(chair!.state.polls).toHaveLength(1));
    const pollId = chair!.state.polls[0]!.pollId;
    expect(await send(chair!, { type: "poll.open", pollId })).toMatchObject({ ok: true });
    await eventually(() => expect(members.every((m) => m.state.polls[0]?.status === "open")).toBe(true));

    const owner = await leaseHolder(cluster.env.YST_DATABASE_URL!, meeting.id);
    const ownerProcess = nodes.get(owner)!;
    expect(ownerProcess, `owner ${owner}`).toBeDefined();

    // The storm: every member votes; the owner dies after the first few acknowledgements.
    const acked: string[] = [];
    let killedAt = 0;
    const ballots = members.map(async (member, i) => {
      const choice = i % 3 === 0 ? "no" : "yes";
      let answer = await vote(member, { pollId, choices: [choice] }).catch(() => null);
      // The browser's rule (meetingConnection.ts): a ballot whose answer was lost is sent once more after the reconnect.
      if (!answer?.ok) {
        await eventually(() => expect(member.socket.connected).toBe(true), 20_000);
        answer = await vote(member, { pollId, choices: [choice] }).catch(() => null);
      }
      if (answer?.ok || (answer && !answer.ok && answer.error.code === "ALREADY_VOTED")) acked.push(member.welcome.me.id);
      if (acked.length === 5 && killedAt === 0) {
        killedAt = Date.now();
        await ownerProcess.kill("SIGKILL");
      }
    });
    await Promise.all(ballots);
    expect(killedAt).toBeGreaterThan(0);
    expect(acked).toHaveLength(MEMBERS);

    // A command acknowledged after the failover, sent twice with one command id: in the log once.
    const cid = randomUUID();
    const first = await sendAsBrowser(members[0]!, { type: "queue.request", cid });
    expect(first).toMatchObject({ ok: true });
    expect(await sendAsBrowser(members[0]!, { type: "queue.request", cid })).toEqual(first);

    // Everyone back in sync with the new owner.
    const newOwner = await leaseHolder(cluster.env.YST_DATABASE_URL!, meeting.id);
    expect(newOwner).not.toBe(owner);
    await eventually(() => {
      const seq = chair!.state.seq;
      for (const c of everyone) {
        expect(c.problems.join("; "), `${c.welcome.me.name}: ${c.syncs.length} syncs, first ${c.firstSync.kind}`).toBe("");
        expect(c.state.seq).toBe(seq);
      }
    }, 20_000);
    const syncedAfterMs = Date.now() - killedAt;

    expect(await sendAsBrowser(chair!, { type: "poll.close", pollId, cid: randomUUID() })).toMatchObject({ ok: true });
    await eventually(() => expect(chair!.state.polls[0]!.result).toBeTruthy());
    const result = chair!.state.polls[0]!.result!;
    expect(result).toMatchObject({ ballots: MEMBERS });
    expect(result.counts.find((c) => c.optionId === "no")?.count).toBe(Math.ceil(MEMBERS / 3));
    const queued = chair!.state.queue.filter((q) => q.participantId === members[0]!.welcome.me.id);
    expect(queued).toHaveLength(1);
    console.log(`failover: every client back in sync ${syncedAfterMs} ms after the kill`);
  },
);

/** As the browser sends (meetingConnection.ts): an answer lost to a dropped connection is asked again, same command id, once reconnected. */
async function sendAsBrowser(client: TestClient, command: { type: string; cid: string } & Record<string, unknown>): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    await eventually(() => expect(client.socket.connected).toBe(true), 20_000);
    try {
      return await send(client, command);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
