// 即时表决 with real socket.io clients against a real server on a real SQLite file: a secret
// 赞成/反对/弃权 poll from opening to the published result, and every refusal the ballot box
// owes (double votes — also from two sockets at once and after a reconnect —, malformed and
// ineligible ballots, late ballots); the result hidden from members until published; a named
// poll with a live tally for the chair only and changeable votes; the countdown close, also
// across a restart; and the secrecy check: after a secret poll, nothing in the database, the
// event log or the server logs links a voter to a choice.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { allRows, sqliteFile } from "../../../testing/databases.ts";
import type { Ack, MyBallots, PollAudit, PollLiveTally, PollTurnout } from "../../../core/protocol.ts";
import { collectEvents, eventually, Harness, persisted, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, refused, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const SECRET_80 = pollOf({
  title: "关于老旧小区加装电梯的协商意见",
  secret: true,
  rule: [{ base: "entitled", share: { num: 4, den: 5 }, compare: "atLeast", measure: "count" }],
});

const setup = (options: { now?: () => number; dataDir?: string } = {}) => pollRoom(h, options);

describe("instant polls (即时表决)", () => {
  it("a secret 赞成/反对/弃权 poll with an 80 % rule: ballots, refusals, close, result hidden until published", async () => {
    const t = await setup();
    const { c, all, m } = t;
    const pollId = await t.create(SECRET_80);
    // Before opening: not open.
    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toEqual(refused("POLL_NOT_OPEN"));
    // 80 % of the 4 entitled needs all 4, and one is absent: the chair is warned and must confirm.
    expect(await send(c.chair, { type: "poll.open", pollId })).toMatchObject({
      ok: false,
      error: { code: "POLL_NEEDS_CONFIRMATION", details: ["unreachable"] },
    });
    expect(c.chair.state.polls[0]!.status).toBe("draft");
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    // Frozen at opening: every member entitled (应到 4), the three present marked (实到 3); other roles are not on it.
    const eligible = c.member1.state.polls[0]!.eligible.map((u) => [u.unitId, u.present]).sort();
    expect(eligible).toEqual(
      [
        [m.people.member1.id, true],
        [m.people.member2.id, true],
        [t.member3.id, true],
        [t.absent.id, false],
      ].sort(),
    );

    const turnouts: PollTurnout[] = [];
    c.member2.socket.on("poll.turnout", (x) => turnouts.push(x));
    const tallies: PollLiveTally[] = [];
    for (const client of all) client.socket.on("poll.tally", (x) => tallies.push(x));

    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toEqual({ ok: true, pollId, changed: false });
    // The same person again, from this socket, from a second socket at the same time, after a reconnect.
    expect(await vote(c.member1, { pollId, choices: ["no"] })).toEqual(refused("ALREADY_VOTED"));
    const second = await h.connect(t.url, m.tokens.member2);
    const both = await Promise.all([vote(c.member2, { pollId, choices: ["yes"] }), vote(second, { pollId, choices: ["no"] })]);
    expect(both.filter((a) => a.ok)).toHaveLength(1);
    expect(both.filter((a) => !a.ok)).toEqual([refused("ALREADY_VOTED")]);
    second.close();
    const again = await h.connect(t.url, m.tokens.member1);
    expect(await vote(again, { pollId, choices: ["abstain"] })).toEqual(refused("ALREADY_VOTED"));
    expect(await again.socket.timeout(5000).emitWithAck("poll.mine", {})).toEqual({ ok: true, ballots: [{ pollId, choices: null }] } satisfies Ack<MyBallots>);
    again.close();

    // Malformed ballots change nothing.
    expect(await vote(c.member3, { pollId, choices: ["maybe"] })).toMatchObject(refused("INVALID_BALLOT"));
    expect(await vote(c.member3, { pollId, choices: ["yes", "no"] })).toMatchObject(refused("INVALID_BALLOT"));
    expect(await vote(c.member3, { pollId, choices: ["yes"], weight: 2 })).toMatchObject(refused("INVALID_BALLOT"));
    expect(await vote(c.member3, { pollId, choices: [] })).toMatchObject(refused("INVALID_BALLOT"));
    expect(await vote(c.member3, { pollId: "nope", choices: ["yes"] })).toEqual(refused("POLL_NOT_FOUND"));
    // Not eligible: other roles, and a member who was not present at the opening (even if they come now).
    expect(await vote(c.observer, { pollId, choices: ["yes"] })).toEqual(refused("NOT_ELIGIBLE"));
    expect(await vote(c.chair, { pollId, choices: ["yes"] })).toEqual(refused("NOT_ELIGIBLE"));
    // A screen that connects while the poll is open learns the turnout at once, not at the next ballot.
    const joining = h.socket(t.url, { token: m.tokens.observer }, false);
    const joinTurnout = new Promise<PollTurnout>((resolve) => joining.once("poll.turnout", resolve));
    joining.connect();
    expect(await joinTurnout).toEqual({ pollId, ballots: 2 });
    joining.close();
    const late = await h.connect(t.url, t.absent.token);
    expect(await vote(late, { pollId, choices: ["yes"] })).toEqual(refused("ABSENT_AT_OPENING"));
    await eventually(() => expect(turnouts.at(-1)).toEqual({ pollId, ballots: 2 }));

    // Members may not close; the chair closes; late ballots are refused.
    expect(await send(c.member3, { type: "poll.close", pollId })).toEqual(refused("FORBIDDEN"));
    const seen = all.map((client) => collectEvents(client));
    expect(await send(c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle([...all, late], t.server);
    expect(await vote(c.member3, { pollId, choices: ["no"] })).toEqual(refused("POLL_CLOSED"));

    const result = c.chair.state.polls[0]!.result!;
    expect(result).toMatchObject({ eligibleCount: 4, presentCount: 3, ballots: 2, passed: false, passedOptions: [] });
    expect(result.counts.find((x) => x.optionId === "yes")!.count).toBe(2 - (both.find((a) => a.ok) === both[1] ? 1 : 0));
    expect(result.clauses[0]).toMatchObject({ optionId: "yes", denominator: 4 });
    expect(c.clerk.state.polls[0]!.result).toEqual(result);
    // Members, the observer and the room display learn the result only once it is published.
    for (const client of [c.member1, c.member2, c.member3, c.observer, late]) expect(client.state.polls[0]!.result).toBeNull();
    const closedFor = (i: number) => seen[i]!.events().find((e) => e.event.type === "poll.closed")!.event;
    expect(closedFor(all.indexOf(c.member1))).toMatchObject({ result: null });
    expect(closedFor(all.indexOf(c.chair))).toMatchObject({ result });
    const display = await h.connect(t.url, await h.displayToken(t.server, m.meetingId));
    expect(display.state.polls[0]!.result).toBeNull();
    expect(await send(c.chair, { type: "poll.publish", pollId })).toMatchObject({ ok: true });
    await settle([...all, late, display], t.server);
    for (const client of [...all, late, display]) expect(client.state.polls[0]).toMatchObject({ status: "published", result });
    // A secret poll's tally was never sent to anyone.
    expect(tallies).toEqual([]);

    // Anyone in the meeting can check the count: the voters, and anonymous ballots whose sum is the result.
    const audit = (await c.member3.socket.timeout(5000).emitWithAck("poll.audit", { pollId })) as Ack<PollAudit>;
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.voters.sort()).toEqual([m.people.member1.id, m.people.member2.id].sort());
    expect(audit.ballots).toHaveLength(2);
    expect(audit.ballots.every((b) => b.voter === null)).toBe(true);
    for (const { optionId, count } of result.counts) expect(audit.ballots.filter((b) => b.choices.includes(optionId)).length).toBe(count);
    // The log replays to the live state.
    expect((await persisted(t.server, m.meetingId)).state).toEqual((await t.server.rooms.get(m.meetingId)).current);
  });

  it("after a secret poll nothing links a voter to a choice: not the tables, not the event log, not the logs, not the write-ahead log", async () => {
    const t = await setup();
    const { c, all, m } = t;
    const pollId = await t.create({
      ...SECRET_80,
      form: "single",
      options: ["方案甲：加装电梯", "方案乙：改造楼梯", "方案丙：暂缓"],
      rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "count" }],
    });
    expect(await send(c.chair, { type: "poll.open", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const choices = { [m.people.member1.id]: "o1", [m.people.member2.id]: "o2", [t.member3.id]: "o3" };
    // One at a time, so that each ballot is its own transaction (the hardest case for the disk),
    // in an order that is neither the order of the voters' keys nor its reverse.
    const byKey = [c.member1, c.member2, c.member3].sort((a, b) => (a.welcome.me.id < b.welcome.me.id ? -1 : 1));
    for (const voter of [byKey[1]!, byKey[0]!, byKey[2]!])
      expect(await vote(voter, { pollId, choices: [choices[voter.welcome.me.id]!] })).toMatchObject({ ok: true });
    expect(await send(c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    // Every table, through the server's own connection: a row naming a voter carries no choice of this poll.
    for (const { table, row } of await allRows(t.server.db, t.config.database.kind)) {
      const text = JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
      for (const [voter, choice] of Object.entries(choices)) {
        // Any row naming a voter must not carry any choice of this poll (labels or ids).
        if (!text.includes(voter)) continue;
        for (const marker of [`"${choice}"`, "方案甲", "方案乙", "方案丙"])
          expect(text.includes(marker) && text.includes(pollId), `${table}: ${text}`).toBe(false);
      }
    }
    // SQLite's file itself: no write-ahead log left, no rowid, rows in key order. (PostgreSQL's heap,
    // xmin and write-ahead log are the PostgreSQL ballot store's: polls/ballotStore.int.test.ts.)
    if (t.config.database.kind === "sqlite") {
      const file = sqliteFile(t.config.database);
      await eventually(() => expect(fs.statSync(`${file}-wal`).size).toBe(0));

      const db = new Database(file, { readonly: true });
      try {
        // The ballots table has no voter, no time and no rowid (rows sit in random-key order).
        const columns = (db.prepare(`PRAGMA table_info("PollBallot")`).all() as { name: string }[]).map((r) => r.name);
        expect(columns.sort()).toEqual(["ballotId", "choices", "groups", "pollId", "weight"]);
        expect(() => db.prepare(`SELECT rowid FROM "PollBallot"`).all()).toThrow(/rowid/);
        expect(() => db.prepare(`SELECT rowid FROM "PollVoter"`).all()).toThrow(/rowid/);
        expect(db.prepare(`SELECT choices FROM "PollVoter" WHERE pollId = ?`).all(pollId)).toEqual([{ choices: null }, { choices: null }, { choices: null }]);
        const ballots = db.prepare(`SELECT ballotId, choices FROM "PollBallot" WHERE pollId = ? ORDER BY ballotId`).all(pollId) as {
          ballotId: string;
          choices: string;
        }[];
        expect(ballots.map((b) => JSON.parse(b.choices)[0]).sort()).toEqual(["o1", "o2", "o3"]);
        // Where the rows sit in the file follows their keys, not the order of voting: a record
        // stores its key columns side by side, so pollId+unitId (pollId+ballotId) finds each row.
        const bytes = fs.readFileSync(file);
        const offsets = (keys: readonly string[]) => keys.map((key) => bytes.indexOf(Buffer.from(pollId + key)));
        const monotonic = (xs: readonly number[]) =>
          xs.every((x) => x >= 0) && (xs.every((x, i) => i === 0 || x > xs[i - 1]!) || xs.every((x, i) => i === 0 || x < xs[i - 1]!));
        expect(monotonic(offsets(byKey.map((v) => v.welcome.me.id))), "PollVoter rows in key order").toBe(true);
        expect(monotonic(offsets(ballots.map((b) => b.ballotId))), "PollBallot rows in key order").toBe(true);
      } finally {
        db.close();
      }
    }
    // The event log has no event per ballot; the server logged nothing about them.
    const { events } = await persisted(t.server, m.meetingId);
    expect(events.filter((e) => e.event.type.startsWith("poll.")).map((e) => e.event.type)).toEqual(["poll.created", "poll.opened", "poll.closed"]);
    expect(JSON.stringify(t.logs)).not.toMatch(/o1|o2|o3|方案/);
    // No file in the data folder other than the database mentions a choice next to a voter.
    for (const name of fs.readdirSync(t.dataDir)) {
      const full = path.join(t.dataDir, name);
      if (!fs.statSync(full).isFile() || name.startsWith("yishiting.db")) continue;
      const text = fs.readFileSync(full, "latin1");
      for (const voter of Object.keys(choices)) expect(text.includes(voter) && /"o[123]"/.test(text), name).toBe(false);
    }
  });

  it("a named poll: the live tally reaches the chair only, votes change until the close, the result lists who voted what", async () => {
    const t = await setup();
    const { c, all, m } = t;
    // More than half of those present at the opening (实到 3).
    const pollId = await t.create({
      ...SECRET_80,
      secret: false,
      form: "consent",
      tallyVisibility: "chair",
      allowChange: true,
      rule: [{ base: "present", share: { num: 1, den: 2 }, compare: "more", measure: "count" }],
    });
    expect(await send(c.chair, { type: "poll.open", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const tallies = new Map<TestClient, PollLiveTally[]>(all.map((client) => [client, []]));
    for (const client of all) client.socket.on("poll.tally", (x) => tallies.get(client)!.push(x));
    expect(await vote(c.member1, { pollId, choices: ["disagree"] })).toEqual({ ok: true, pollId, changed: false });
    expect(await vote(c.member2, { pollId, choices: ["agree"] })).toMatchObject({ ok: true });
    expect(await vote(c.member1, { pollId, choices: ["agree"] })).toEqual({ ok: true, pollId, changed: true });
    await eventually(() => expect(tallies.get(c.chair)!.at(-1)).toEqual({ pollId, counts: { agree: 2 }, weights: { agree: 2 } }));
    for (const client of all) if (client !== c.chair) expect(tallies.get(client)).toEqual([]);
    expect(await send(c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    expect(c.chair.state.polls[0]!.result).toMatchObject({ ballots: 2, passed: true, passedOptions: ["agree"], clauses: [{ numerator: 2, denominator: 3 }] });
    // The ballots follow the result's publication rule: the chair from the close, a member once published.
    expect(await c.member2.socket.timeout(5000).emitWithAck("poll.audit", { pollId })).toEqual(refused("POLL_NOT_PUBLISHED"));
    expect(await c.chair.socket.timeout(5000).emitWithAck("poll.audit", { pollId })).toMatchObject({ ok: true });
    expect(await send(c.chair, { type: "poll.publish", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const audit = (await c.member2.socket.timeout(5000).emitWithAck("poll.audit", { pollId })) as Ack<PollAudit>;
    expect(audit).toMatchObject({ ok: true });
    if (audit.ok)
      expect(audit.ballots.sort((a, b) => (a.voter! < b.voter! ? -1 : 1))).toEqual(
        [
          { voter: m.people.member1.id, choices: ["agree"], weight: 1 },
          { voter: m.people.member2.id, choices: ["agree"], weight: 1 },
        ].sort((a, b) => (a.voter < b.voter ? -1 : 1)),
      );
  });

  it("the countdown closes the poll, also when it ran out while the server was down", async () => {
    let clock = Date.parse("2026-12-03T07:00:00Z");
    const t = await setup({ now: () => clock });
    const { c, all, m } = t;
    const pollId = await t.create({ ...SECRET_80, durationSeconds: 60 });
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    expect(c.member1.state.polls[0]!.closesAt).toBe(clock + 60_000);
    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    for (const client of all) client.close();
    await t.close();
    clock += 61_000;
    const again = await h.startServer({ now: () => clock, dataDir: t.dataDir });
    await again.server.rooms.get(m.meetingId);
    await eventually(async () =>
      expect((await again.server.rooms.get(m.meetingId)).current.polls[0]).toMatchObject({ status: "closed", closedAt: clock, result: { ballots: 1 } }),
    );
    const { events } = await persisted(again.server, m.meetingId);
    expect(events.find((e) => e.event.type === "poll.closed")).toMatchObject({ actorId: "system" });
  });
});
