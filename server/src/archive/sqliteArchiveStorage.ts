// The archive's index on SQLite (the ArchiveStorage of archiveStorage.ts): an FTS5 table whose
// `grams` column holds the text split into overlapping character pairs (tokenize.ts), searched
// with MATCH and ranked by bm25.
import type { Db } from "../db/database.ts";
import { Prisma } from "../db/generated/client.ts";
import { prismaDateTime, writeLocked } from "../db/sqliteDatabase.ts";
import type { ArchiveStorage, HitRow, IndexedMeeting } from "./archiveStorage.ts";
import { indexColumn, matchExpression, type QueryTerm } from "./tokenize.ts";
import type { SearchUnit } from "./units.ts";

export class SqliteArchiveStorage implements ArchiveStorage {
  constructor(private readonly db: Db) {}

  async replace(meetingId: string, units: readonly SearchUnit[], indexed: IndexedMeeting): Promise<void> {
    // Synchronous writes under the connection's lock: a meeting's rows are rewritten in a few
    // milliseconds, while awaited Prisma queries would hold every meeting's commits back (50
    // meetings opening together made acks wait ~1 s, docs/performance.md).
    await writeLocked(this.db, (raw) => {
      raw.prepare(`DELETE FROM "ArchiveText" WHERE "meetingId" = ?`).run(meetingId);
      const insert = raw.prepare(
        `INSERT INTO "ArchiveText" ("grams", "meetingId", "kind", "ref", "itemId", "item", "speaker", "text") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const u of units) insert.run(indexColumn(u.text), meetingId, u.kind, u.ref, u.itemId, u.item, u.speaker, u.text);
      raw
        .prepare(
          `INSERT INTO "ArchiveIndexState" ("meetingId", "seq", "version", "status", "openedAt", "speeches", "suggestions", "indexedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT ("meetingId") DO UPDATE SET "seq" = excluded."seq", "version" = excluded."version", "status" = excluded."status", "openedAt" = excluded."openedAt",
               "speeches" = excluded."speeches", "suggestions" = excluded."suggestions", "indexedAt" = excluded."indexedAt"`,
        )
        .run(
          meetingId,
          indexed.seq,
          indexed.version,
          indexed.status,
          indexed.openedAt === null ? null : prismaDateTime(indexed.openedAt),
          indexed.speeches,
          indexed.suggestions,
          prismaDateTime(indexed.indexedAt),
        );
    });
  }

  async search(terms: readonly QueryTerm[], options: { meetingId?: string; limit: number }): Promise<HitRow[]> {
    const match = matchExpression(terms);
    if (match === null) return [];
    const filter = options.meetingId === undefined ? Prisma.empty : Prisma.sql` AND "meetingId" = ${options.meetingId}`;
    return this.db.$queryRaw<HitRow[]>`
      SELECT "meetingId", "kind", "ref", "itemId", "item", "speaker", "text", bm25("ArchiveText") AS "score"
        FROM "ArchiveText" WHERE "ArchiveText" MATCH ${match}${filter} ORDER BY "score" LIMIT ${options.limit}`;
  }
}
