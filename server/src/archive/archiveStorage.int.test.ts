// The archive's storage contract on both databases (SQLite FTS5, PostgreSQL GIN): the same units
// written, the same queries (tokenize.ts's terms) find the same units on each; ranking is each
// engine's own but puts a unit with more matches first; replace swaps a meeting's rows and state
// in one go, and Prisma reads the state back.
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_KINDS, openTestDatabase, type DatabaseKind } from "../../../testing/databases.ts";
import { Harness } from "../../../testing/server/harness.ts";
import type { ArchiveStorage, IndexedMeeting } from "./archiveStorage.ts";
import { PgArchiveStorage } from "./pgArchiveStorage.ts";
import { SqliteArchiveStorage } from "./sqliteArchiveStorage.ts";
import { queryTerms } from "./tokenize.ts";
import type { SearchUnit } from "./units.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function openStorage(kind: DatabaseKind) {
  const t = await openTestDatabase(kind, h);
  const storage: ArchiveStorage = t.kind === "sqlite" ? new SqliteArchiveStorage(t.db) : new PgArchiveStorage(t.pool);
  return { db: t.db, storage };
}

const unit = (ref: string, text: string, extra: Partial<SearchUnit> = {}): SearchUnit => ({
  kind: "summary",
  ref,
  itemId: null,
  item: null,
  speaker: null,
  text,
  ...extra,
});

const state = (seq: number, extra: Partial<IndexedMeeting> = {}): IndexedMeeting => ({
  seq,
  version: 2,
  status: "closed",
  openedAt: 1_780_000_000_123,
  speeches: 2,
  suggestions: 1,
  indexedAt: 1_780_000_100_456,
  ...extra,
});

const M1 = [
  unit("speech:a", "建议老旧小区加装电梯，设立专项资金", { itemId: "i1", item: "老旧小区加装电梯", speaker: "张丽华" }),
  unit("speech:b", "监管到位，公开招投标。"),
  unit("written:c", "电梯间的照明要改善；每栋楼电梯2台。"),
  unit("s1", "Elevator retrofit: 物业 should publish the ELEVATOR budget", { kind: "suggestion" }),
  unit("d1", "电力公司与楼梯扶手的维修", { kind: "decision" }),
];
const M2 = [unit("speech:x", "物业费公示，业主监督。"), unit("speech:y", "小区电梯维保由物业负责")];

/** The refs found for a query, sorted (ranking aside). */
async function refs(storage: ArchiveStorage, q: string, options: { meetingId?: string; limit?: number } = {}): Promise<string[]> {
  const rows = await storage.search(queryTerms(q), { limit: 50, ...options });
  return rows.map((r) => `${r.meetingId}/${r.ref}`).sort();
}

describe.each(DATABASE_KINDS)("archive storage on %s", (kind) => {
  it("finds Chinese bigrams, phrases, prefixes and ASCII words as tokenize.ts makes them", async () => {
    const { storage } = await openStorage(kind);
    await storage.replace("m1", M1, state(10));
    await storage.replace("m2", M2, state(5));
    // 电梯 is an adjacent pair: not 电 (电力) and 梯 (楼梯) apart; it matches inside 电梯间 too.
    expect(await refs(storage, "电梯")).toEqual(["m1/speech:a", "m1/written:c", "m2/speech:y"]);
    expect(await refs(storage, "老旧小")).toEqual(["m1/speech:a"]);
    expect(await refs(storage, "旧老")).toEqual([]);
    // A single character is a prefix: any bigram starting with it, or the run's lone last character.
    expect(await refs(storage, "梯")).toEqual(["m1/d1", "m1/speech:a", "m1/written:c", "m2/speech:y"]);
    expect(await refs(storage, "标")).toEqual(["m1/speech:b"]);
    // Inner runs keep their lone last character, digits are words: 电梯2台 is 电梯 梯 2 台 in a row.
    expect(await refs(storage, "电梯2台")).toEqual(["m1/written:c"]);
    expect(await refs(storage, "电梯3台")).toEqual([]);
    // ASCII words whole and case-folded; full-width letters normalized; not prefix-matched.
    expect(await refs(storage, "elevator")).toEqual(["m1/s1"]);
    expect(await refs(storage, "ＥＬＥＶＡＴＯＲ")).toEqual(["m1/s1"]);
    expect(await refs(storage, "elev")).toEqual([]);
    // Punctuation separates runs (in the query as in the text) but is otherwise ignored; a term never spans two units.
    expect(await refs(storage, "照明要改善，每栋楼")).toEqual(["m1/written:c"]);
    expect(await refs(storage, "照明要改善每栋楼")).toEqual([]);
    expect(await refs(storage, "资金监管")).toEqual([]);
    // The hit carries the unit's columns.
    const [hit] = await storage.search(queryTerms("老旧小区"), { limit: 10 });
    expect(hit).toMatchObject({
      meetingId: "m1",
      kind: "summary",
      ref: "speech:a",
      itemId: "i1",
      item: "老旧小区加装电梯",
      speaker: "张丽华",
      text: M1[0]!.text,
    });
    expect(typeof hit!.score).toBe("number");
  });

  it("ANDs the terms, filters by meeting and honours the limit", async () => {
    const { storage } = await openStorage(kind);
    await storage.replace("m1", M1, state(10));
    await storage.replace("m2", M2, state(5));
    expect(await refs(storage, "物业")).toEqual(["m1/s1", "m2/speech:x", "m2/speech:y"]);
    expect(await refs(storage, "物业 电梯")).toEqual(["m2/speech:y"]);
    expect(await refs(storage, "物业 budget")).toEqual(["m1/s1"]);
    expect(await refs(storage, "物业 招投标")).toEqual([]);
    expect(await refs(storage, "物业", { meetingId: "m2" })).toEqual(["m2/speech:x", "m2/speech:y"]);
    expect(await refs(storage, "电梯", { meetingId: "m1" })).toEqual(["m1/speech:a", "m1/written:c"]);
    expect(await refs(storage, "电梯", { meetingId: "m3" })).toEqual([]);
    expect(await storage.search(queryTerms("物业"), { limit: 2 })).toHaveLength(2);
  });

  it("ranks a unit with more matches first", async () => {
    const { storage } = await openStorage(kind);
    await storage.replace(
      "m1",
      [
        unit("once", "小区道路需要修整，绿化也要提升，电梯维保另议。"),
        unit("thrice", "电梯老化，电梯故障频发，电梯维保不到位。"),
        unit("twice", "加装电梯以后，电梯维保费用如何分摊需要商量。"),
      ],
      state(3),
    );
    const rows = await storage.search(queryTerms("电梯"), { limit: 10 });
    expect(rows.map((r) => r.ref)).toEqual(["thrice", "twice", "once"]);
    expect(rows[0]!.score).toBeLessThan(rows[1]!.score);
    expect(rows[1]!.score).toBeLessThan(rows[2]!.score);
  });

  it("replace swaps the meeting's rows and state in one go, leaving other meetings alone; Prisma reads the state back", async () => {
    const { db, storage } = await openStorage(kind);
    await storage.replace("m1", M1, state(10));
    await storage.replace("m2", M2, state(5, { openedAt: null, status: "open" }));
    await storage.replace("m1", [unit("speech:z", "停车位规划要公开")], state(12, { speeches: 7, suggestions: 0, indexedAt: 1_780_000_200_789 }));
    expect(await refs(storage, "电梯")).toEqual(["m2/speech:y"]);
    expect(await refs(storage, "停车")).toEqual(["m1/speech:z"]);
    await storage.replace("m2", [], state(6));
    expect(await refs(storage, "物业")).toEqual([]);

    const states = await db.archiveIndexState.findMany({ orderBy: { meetingId: "asc" } });
    expect(states).toEqual([
      {
        meetingId: "m1",
        seq: 12,
        version: 2,
        status: "closed",
        openedAt: new Date(1_780_000_000_123),
        speeches: 7,
        suggestions: 0,
        indexedAt: new Date(1_780_000_200_789),
      },
      {
        meetingId: "m2",
        seq: 6,
        version: 2,
        status: "closed",
        openedAt: new Date(1_780_000_000_123),
        speeches: 2,
        suggestions: 1,
        indexedAt: new Date(1_780_000_100_456),
      },
    ]);
  });

  it("a failed replace leaves the meeting's old rows and state", async () => {
    const { db, storage } = await openStorage(kind);
    await storage.replace("m1", M1, state(10));
    // A unit without text fails the replace after its delete ran, inside the transaction.
    const broken = [unit("speech:z", "停车位规划"), { ...unit("speech:w", "x"), text: null as unknown as string }];
    await expect(storage.replace("m1", broken, state(11))).rejects.toThrow();
    expect(await refs(storage, "老旧小区")).toEqual(["m1/speech:a"]);
    expect(await refs(storage, "停车")).toEqual([]);
    expect((await db.archiveIndexState.findUnique({ where: { meetingId: "m1" } }))?.seq).toBe(10);
  });
});
