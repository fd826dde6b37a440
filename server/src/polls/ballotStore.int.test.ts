// The ballot store's contract on both databases (a real SQLite file, a real PostgreSQL schema):
// one ballot per unit, named changes, proxies and paper, the reads, and the rewrite at the close;
// then what only PostgreSQL has: sealed secret ballots while the poll is open, and the fence.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { LeaseLostError } from "../cluster/fence.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../../testing/databases.ts";
import { Harness } from "../../../testing/server/harness.ts";
import type { BallotStore, BallotToStore } from "./ballotStore.ts";
import { PgBallotStore } from "./pgBallotStore.ts";
import { SqliteBallotStore } from "./sqliteBallotStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const SECRET = randomBytes(32);

function storeOf(database: TestDatabase, secret: Buffer = SECRET): BallotStore {
  return database.kind === "sqlite" ? new SqliteBallotStore(database.db) : new PgBallotStore(database.db, database.pool, secret);
}

async function open(kind: (typeof DATABASE_KINDS)[number]): Promise<{ database: TestDatabase; store: BallotStore }> {
  const database = await openTestDatabase(kind, h);
  return { database, store: storeOf(database) };
}

/** Choice ids distinctive enough to be found in any raw row that holds them. */
const YES = "choice-yes-5e1f";
const NO = "choice-no-9a3c";

/** A ballot of one voting unit in the named poll "named" or the secret poll "secret". */
const ballotIn =
  (pollId: "named" | "secret") =>
  (unitId: string, choices: string[], extra: Partial<BallotToStore> = {}): BallotToStore => ({
    pollId,
    unitId,
    secret: pollId === "secret",
    allowChange: pollId === "named",
    choices,
    weight: 1,
    groups: [],
    via: "self",
    note: null,
    ...extra,
  });
const named = ballotIn("named");
const secret = ballotIn("secret");

describe.each(DATABASE_KINDS)("the ballot store on %s", (kind) => {
  it("takes one ballot per unit, across batches and within one", async () => {
    const { store } = await open(kind);
    expect(await store.cast([secret("u1", [YES]), secret("u2", [NO]), secret("u1", [NO])])).toEqual(["stored", "stored", "duplicate"]);
    expect(await store.cast([secret("u2", [YES]), secret("u1", [YES], { via: "paper" })])).toEqual(["duplicate", "duplicate"]);
    expect(await store.turnout("secret")).toBe(2);
    const tally = await store.tally("secret", true);
    expect(tally.counts).toEqual({ [YES]: 1, [NO]: 1 });
    expect(tally.ballots).toBe(2);
  });

  it("changes a named ballot from the unit's own device only, never a proxy's or a paper one, never a secret one", async () => {
    const { store } = await open(kind);
    await store.cast([named("u1", [YES]), named("u2", [YES], { via: "proxy" }), secret("u3", [YES], { allowChange: true })]);
    expect(await store.cast([named("u1", [NO]), named("u2", [NO]), secret("u3", [NO], { allowChange: true })])).toEqual(["changed", "duplicate", "duplicate"]);
    expect(await store.cast([named("u1", [YES], { allowChange: false })])).toEqual(["duplicate"]);
    expect((await store.tally("named", false)).counts).toEqual({ [NO]: 1, [YES]: 1 });
    expect((await store.tally("secret", true)).counts).toEqual({ [YES]: 1 });
  });

  it("counts proxies and paper ballots as the unit's one ballot and says how they came", async () => {
    const { store } = await open(kind);
    expect(
      await store.cast([
        named("u3", [YES], { via: "paper", note: "signed sheet 3" }),
        named("u1", [YES], { via: "proxy" }),
        named("u2", [NO]),
        secret("u1", [NO], { via: "paper" }),
      ]),
    ).toEqual(["stored", "stored", "stored", "stored"]);
    expect(await store.cast([named("u3", [NO]), named("u1", [NO], { via: "paper" })])).toEqual(["duplicate", "duplicate"]);
    expect(await store.voters("named")).toEqual([
      { unitId: "u1", via: "proxy" },
      { unitId: "u2", via: "self" },
      { unitId: "u3", via: "paper" },
    ]);
    expect(await store.tally("named", false)).toMatchObject({ ballots: 3, proxies: 1, paper: 1, counts: { [YES]: 2, [NO]: 1 } });
    expect(await store.tally("secret", true)).toMatchObject({ ballots: 1, paper: 1, counts: { [NO]: 1 } });
  });

  it("tallies weights, groups and blank ballots, and tells each unit what it voted in named polls only", async () => {
    const { store } = await open(kind);
    await store.cast([
      named("u1", [YES], { weight: 80.5, groups: ["3号楼"] }),
      named("u2", [NO], { weight: 60, groups: ["3号楼", "@present:"] }),
      named("u3", [], { weight: 10 }),
      secret("u1", [YES], { groups: ["@present:"] }),
      secret("u2", [], { groups: ["@present:"] }),
    ]);
    expect(await store.tally("named", false)).toEqual({
      ballots: 3,
      weightCast: 150.5,
      blank: 1,
      counts: { [YES]: 1, [NO]: 1 },
      weights: { [YES]: 80.5, [NO]: 60 },
      groups: {
        "3号楼": { ballots: 2, weightCast: 140.5, counts: { [YES]: 1, [NO]: 1 }, weights: { [YES]: 80.5, [NO]: 60 } },
        "@present:": { ballots: 1, weightCast: 60, counts: { [NO]: 1 }, weights: { [NO]: 60 } },
      },
    });
    expect(await store.tally("secret", true)).toEqual({
      ballots: 2,
      weightCast: 2,
      blank: 1,
      counts: { [YES]: 1 },
      weights: { [YES]: 1 },
      groups: { "@present:": { ballots: 2, weightCast: 2, blank: 1, counts: { [YES]: 1 }, weights: { [YES]: 1 } } },
    });
    expect(await store.turnout("named")).toBe(3);
    expect(await store.turnout("nobody")).toBe(0);
    const mine = await store.mine([
      { pollId: "named", unitId: "u1" },
      { pollId: "secret", unitId: "u2" },
      { pollId: "secret", unitId: "u3" },
    ]);
    expect(mine.sort((a, b) => a.pollId.localeCompare(b.pollId))).toEqual([
      { pollId: "named", unitId: "u1", choices: [YES] },
      { pollId: "secret", unitId: "u2", choices: null },
    ]);
    expect(await store.mine([])).toEqual([]);
  });

  it("audits a named poll by voter and a secret one without voters", async () => {
    const { store } = await open(kind);
    await store.cast([named("u2", [NO]), named("u1", [YES], { via: "proxy" }), secret("u2", [NO]), secret("u1", [YES], { via: "paper" })]);
    expect(await store.audit("named", false)).toEqual({
      voters: ["u1", "u2"],
      via: { u1: "proxy" },
      ballots: [
        { voter: "u1", choices: [YES], weight: 1 },
        { voter: "u2", choices: [NO], weight: 1 },
      ],
    });
    const audit = await store.audit("secret", true);
    expect(audit.voters).toEqual(["u1", "u2"]);
    expect(audit.via).toEqual({ u1: "paper" });
    expect(audit.ballots.map((b) => b.voter)).toEqual([null, null]);
    expect(audit.ballots.map((b) => b.choices[0]).sort()).toEqual([NO, YES].sort());
  });

  it("keeps the totals, the voters and the ballots when it forgets the write order", async () => {
    const { store } = await open(kind);
    const units = ["u5", "u1", "u4", "u2", "u3"];
    for (const [i, unit] of units.entries()) await store.cast([secret(unit, i % 2 ? [NO] : [YES], { groups: ["3号楼"] })]);
    await store.cast([named("u1", [YES])]);
    const tally = await store.tally("secret", true);
    const audit = await store.audit("secret", true);
    await store.forgetWriteOrder("secret");
    expect(await store.tally("secret", true)).toEqual(tally);
    expect(tally.counts).toEqual({ [YES]: 3, [NO]: 2 });
    const after = await store.audit("secret", true);
    expect(after.voters).toEqual(audit.voters);
    expect(after.ballots.map((b) => b.choices[0]).sort()).toEqual(audit.ballots.map((b) => b.choices[0]).sort());
    expect(await store.voters("secret")).toEqual(["u1", "u2", "u3", "u4", "u5"].map((unitId) => ({ unitId, via: "self" })));
    // Another poll is untouched, and the poll's voters still refuse a second ballot.
    expect(await store.tally("named", false)).toMatchObject({ ballots: 1, counts: { [YES]: 1 } });
    expect(await store.cast([secret("u3", [YES])])).toEqual(["duplicate"]);
  });
});

describe("the ballot store on postgresql only", () => {
  async function openPg() {
    const database = await openTestDatabase("postgresql", h);
    if (database.kind !== "postgresql") throw new Error("unreachable");
    return { database, store: new PgBallotStore(database.db, database.pool, SECRET) };
  }

  it("holds only ciphertext for an open secret poll, and plaintext under new ids in one transaction after the close", async () => {
    const { database, store } = await openPg();
    const units = ["u3", "u1", "u4", "u2"];
    for (const [i, unit] of units.entries()) await store.cast([secret(unit, i < 3 ? [YES] : [NO], { groups: ["7号楼"] })]);
    const raw = async () => {
      const ballots = await database.pool.query<{ ballotId: string; choices: string; weight: number; groups: string; xmin: string }>(
        `SELECT "ballotId", "choices", "weight", "groups", xmin::text AS xmin FROM "PollBallot" WHERE "pollId" = 'secret' ORDER BY ctid`,
      );
      const voters = await database.pool.query<{ unitId: string; choices: string | null; xmin: string }>(
        `SELECT "unitId", "choices", xmin::text AS xmin FROM "PollVoter" WHERE "pollId" = 'secret' ORDER BY ctid`,
      );
      return { ballots: ballots.rows, voters: voters.rows };
    };

    const open = await raw();
    expect(open.ballots).toHaveLength(4);
    const text = JSON.stringify(open);
    for (const words of [YES, NO, "7号楼"]) expect(text).not.toContain(words);
    for (const ballot of open.ballots) expect({ weight: ballot.weight, groups: ballot.groups }).toEqual({ weight: 0, groups: "[]" });
    expect(open.voters.map((v) => v.choices)).toEqual([null, null, null, null]);
    // Each voter shares its transaction with a ballot: what links them is ciphertext only.
    expect(new Set(open.ballots.map((b) => b.xmin))).toEqual(new Set(open.voters.map((v) => v.xmin)));
    const tally = await store.tally("secret", true);
    expect(tally).toMatchObject({ ballots: 4, counts: { [YES]: 3, [NO]: 1 }, groups: { "7号楼": { ballots: 4 } } });

    await store.forgetWriteOrder("secret");
    const closed = await raw();
    expect(
      closed.ballots
        .map((b) => JSON.parse(b.choices) as string[])
        .flat()
        .sort(),
    ).toEqual([NO, YES, YES, YES]);
    for (const ballot of closed.ballots) expect({ weight: ballot.weight, groups: ballot.groups }).toEqual({ weight: 1, groups: '["7号楼"]' });
    // One transaction wrote them all; in the heap they follow the new random ids, none of which is an old one.
    expect(new Set([...closed.ballots, ...closed.voters].map((r) => r.xmin)).size).toBe(1);
    const ids = closed.ballots.map((b) => b.ballotId);
    expect(ids).toEqual([...ids].sort());
    expect(ids.filter((id) => open.ballots.some((b) => b.ballotId === id))).toEqual([]);
    expect(closed.voters.map((v) => v.unitId)).toEqual(["u1", "u2", "u3", "u4"]);
    expect(await store.tally("secret", true)).toEqual(tally);
  });

  it("cannot open the sealed ballots without the node's secret", async () => {
    const { database, store } = await openPg();
    await store.cast([secret("u1", [YES])]);
    await expect(storeOf(database, randomBytes(32)).tally("secret", true)).rejects.toThrow();
    expect((await store.tally("secret", true)).counts).toEqual({ [YES]: 1 });
  });

  it("stores nothing under a stale or missing fence, and stores under the current one", async () => {
    const { database, store } = await openPg();
    await expect(store.cast([secret("u1", [YES])], { meetingId: "m1", token: 1 })).rejects.toBeInstanceOf(LeaseLostError);
    await database.pool.query(
      `INSERT INTO "MeetingLease" ("meetingId", "token", "holder", "expiresAt") VALUES ('m1', 2, 'node-b', now() + interval '3 seconds')`,
    );
    await expect(store.cast([secret("u1", [YES]), named("u1", [YES])], { meetingId: "m1", token: 1 })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await store.turnout("secret")).toBe(0);
    expect(await store.turnout("named")).toBe(0);
    const ballots = await database.pool.query(`SELECT 1 FROM "PollBallot"`);
    expect(ballots.rowCount).toBe(0);
    expect(await store.cast([secret("u1", [YES])], { meetingId: "m1", token: 2 })).toEqual(["stored"]);
    expect((await store.tally("secret", true)).counts).toEqual({ [YES]: 1 });
  });
});
