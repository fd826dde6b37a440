// The archive's index on PostgreSQL (the ArchiveStorage of archiveStorage.ts): the table
// "ArchiveText" whose "grams" column holds the same pre-tokenized text as on SQLite (tokenize.ts:
// CJK bigrams, whole words, separated by spaces), searched through the GIN index on
// to_tsvector('simple', "grams"). The 'simple' configuration only splits on the spaces and
// lower-cases (no stemming, no stop words), so its lexemes are tokenize.ts's tokens and positions
// count them one by one, which is what makes `<->` the FTS5 phrase (docs/archive.md).
import type pg from "pg";
import type { ArchiveStorage, HitRow, IndexedMeeting } from "./archiveStorage.ts";
import { indexColumn, tsQuery, type QueryTerm } from "./tokenize.ts";
import type { SearchUnit } from "./units.ts";

/** A ms time as a literal PostgreSQL reads in any session zone; stored in TIMESTAMP(3) as UTC (the session's TimeZone). */
const utc = (ms: number): string => new Date(ms).toISOString();

export class PgArchiveStorage implements ArchiveStorage {
  constructor(private readonly pool: pg.Pool) {}

  async replace(meetingId: string, units: readonly SearchUnit[], indexed: IndexedMeeting): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`DELETE FROM "ArchiveText" WHERE "meetingId" = $1`, [meetingId]);
      // One statement for all the meeting's rows (a few hundred): the columns as arrays, unnested.
      if (units.length > 0) {
        await client.query(
          `INSERT INTO "ArchiveText" ("grams", "meetingId", "kind", "ref", "itemId", "item", "speaker", "text")
             SELECT g, $1, k, r, i, it, s, t FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(g, k, r, i, it, s, t)`,
          [
            meetingId,
            units.map((u) => indexColumn(u.text)),
            units.map((u) => u.kind),
            units.map((u) => u.ref),
            units.map((u) => u.itemId),
            units.map((u) => u.item),
            units.map((u) => u.speaker),
            units.map((u) => u.text),
          ],
        );
      }
      await client.query(
        `INSERT INTO "ArchiveIndexState" ("meetingId", "seq", "version", "status", "openedAt", "speeches", "suggestions", "indexedAt")
           VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8::timestamptz)
           ON CONFLICT ("meetingId") DO UPDATE SET "seq" = excluded."seq", "version" = excluded."version", "status" = excluded."status", "openedAt" = excluded."openedAt",
             "speeches" = excluded."speeches", "suggestions" = excluded."suggestions", "indexedAt" = excluded."indexedAt"`,
        [
          meetingId,
          indexed.seq,
          indexed.version,
          indexed.status,
          indexed.openedAt === null ? null : utc(indexed.openedAt),
          indexed.speeches,
          indexed.suggestions,
          utc(indexed.indexedAt),
        ],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async search(terms: readonly QueryTerm[], options: { meetingId?: string; limit: number }): Promise<HitRow[]> {
    const query = tsQuery(terms);
    if (query === null) return [];
    // The expression must be the index's, to_tsvector('simple', "grams"), for the GIN index to
    // serve @@. ts_rank with normalization 1 divides by 1 + log(the unit's length), so more
    // matches rank higher and a long minutes section does not win by size alone (bm25 does
    // likewise on SQLite); negated, as lower is better (a float4, which pg reads as a number).
    const { rows } = await this.pool.query<HitRow>(
      `SELECT "meetingId", "kind", "ref", "itemId", "item", "speaker", "text", -ts_rank(to_tsvector('simple', "grams"), q, 1) AS "score"
         FROM "ArchiveText", to_tsquery('simple', $1) AS q
        WHERE to_tsvector('simple', "grams") @@ q AND ($2::text IS NULL OR "meetingId" = $2)
        ORDER BY "score", "id" LIMIT $3`,
      [query, options.meetingId ?? null, options.limit],
    );
    return rows;
  }
}
