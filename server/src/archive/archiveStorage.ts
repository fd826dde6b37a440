// Where the archive's index rows live (docs/archive.md): ArchiveIndex decides what is indexed
// and when; a storage writes a meeting's rows and searches them in its database's full-text
// engine. Each database has its implementation (sqliteArchiveStorage.ts, pgArchiveStorage.ts),
// chosen by db/database.ts.
import type { QueryTerm } from "./tokenize.ts";
import type { SearchUnit } from "./units.ts";

/** What the index records of a meeting besides its rows (ArchiveIndexState). */
export interface IndexedMeeting {
  /** The log's seq the rows were built from. */
  seq: number;
  /** INDEX_VERSION of the tokenization and units. */
  version: number;
  status: string;
  /** ms; when the meeting opened. */
  openedAt: number | null;
  speeches: number;
  suggestions: number;
  /** ms */
  indexedAt: number;
}

/** One matching unit; `score` lower is better. */
export interface HitRow {
  meetingId: string;
  kind: string;
  ref: string;
  itemId: string | null;
  item: string | null;
  speaker: string | null;
  text: string;
  score: number;
}

export interface ArchiveStorage {
  /** Replaces the meeting's rows and its recorded state, in one transaction. */
  replace(meetingId: string, units: readonly SearchUnit[], indexed: IndexedMeeting): Promise<void>;
  /** The rows matching every term (AND), best first; `terms` is never empty. */
  search(terms: readonly QueryTerm[], options: { meetingId?: string; limit: number }): Promise<HitRow[]>;
}
