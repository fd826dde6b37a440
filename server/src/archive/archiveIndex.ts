// The archive's search index (docs/archive.md): one row per searchable unit of a meeting,
// rebuilt from the meeting's log (replayed) and its minutes (the last approved version, else the
// latest saved one, else the draft), whole meeting at a time in one transaction. Kept current by
// reindexing a few seconds after committed events that change what is searchable, at once after
// a minutes version is saved or approved, and on start for meetings whose index is missing,
// behind the log or older. The rows live in an ArchiveStorage (archiveStorage.ts; FTS5 on SQLite, a GIN index on PostgreSQL).
import { replay } from "../../../core/meeting.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { Block } from "../../../core/minutes/blocks.ts";
import type { Db } from "../db/database.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import { toMeetingJson } from "../meetings/meetingStore.ts";
import type { ArchiveStorage } from "./archiveStorage.ts";
import { queryTerms, snippet, type SnippetPart } from "./tokenize.ts";
import { searchUnits, type UnitKind } from "./units.ts";

/** Bump when the tokenization or the units change: every meeting is reindexed on the next start. */
export const INDEX_VERSION = 3;

export const DEFAULT_DEBOUNCE_MS = 3_000;

/**
 * Committed events after which a meeting is reindexed: by type prefix ("speech.") or exact type.
 * Speeches, written speeches, interjections, the clerk's notes, the transcript (typed, corrected,
 * drafted), opening and closing, poll results and what the minutes show besides (roster names,
 * agenda titles, the plan's texts, attendance).
 */
const RELEVANT = [
  "speech.",
  "interjection.",
  "record.",
  "transcript.",
  "meeting.",
  "attendance.",
  "poll.closed",
  "poll.published",
  "plan.set",
  "roster.set",
  "agenda.set",
];
export const isRelevant = (type: string): boolean => RELEVANT.some((r) => (r.endsWith(".") ? type.startsWith(r) : type === r));

export interface SearchHit {
  meetingId: string;
  meetingTitle: string;
  /** 文号 */
  meetingNumber: string | null;
  /** ISO time the meeting opened, else its scheduled start, else null. */
  date: string | null;
  kind: UnitKind;
  ref: string;
  itemId: string | null;
  item: string | null;
  speaker: string | null;
  snippet: SnippetPart[];
  /** The storage's rank (SQLite: bm25, PostgreSQL: -ts_rank), lower is better; results come best first. */
  score: number;
}

export interface ArchiveMeeting {
  id: string;
  title: string;
  number: string | null;
  /** consultation | topic | … (core/meetingKind.ts MEETING_KINDS) */
  kind: string;
  date: string | null;
  status: "scheduled" | "open" | "closed";
  archived: boolean;
  speeches: number;
  suggestions: number;
}

export interface ArchiveIndexOptions {
  db: Db;
  store: EventStore;
  /** Where the rows are written and searched. */
  storage: ArchiveStorage;
  log: (message: string, error?: unknown) => void;
  now: () => number;
  debounceMs?: number;
}

export class ArchiveIndex {
  /** How long after the last relevant event a meeting is reindexed (tests shorten it). */
  debounceMs: number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ArchiveIndexOptions) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** A batch of events was committed (the room's broadcast): schedule a reindex if it matters. */
  committed(meetingId: string, events: readonly StoredEvent[]): void {
    if (this.closed || !events.some((e) => isRelevant(e.event.type))) return;
    clearTimeout(this.timers.get(meetingId));
    this.timers.set(
      meetingId,
      setTimeout(() => {
        this.timers.delete(meetingId);
        void this.reindex(meetingId).catch((error: unknown) => this.options.log(`archive: reindexing meeting ${meetingId} failed`, error));
      }, this.debounceMs),
    );
  }

  /** Reindexes every meeting whose index is missing (and has a log), behind its log, or of an older version. */
  async catchUp(): Promise<string[]> {
    const { db, store } = this.options;
    const [heads, states] = await Promise.all([store.heads(), db.archiveIndexState.findMany({ select: { meetingId: true, seq: true, version: true } })]);
    const indexed = new Map(states.map((s) => [s.meetingId, s]));
    const stale = [...heads]
      .filter(([meetingId, seq]) => {
        const s = indexed.get(meetingId);
        return !s || s.version !== INDEX_VERSION || s.seq !== seq;
      })
      .map(([meetingId]) => meetingId);
    for (const meetingId of stale) await this.reindex(meetingId);
    return stale;
  }

  /** Rebuilds the meeting's rows from its log: delete, insert anew, record the seq, in one transaction. */
  reindex(meetingId: string): Promise<void> {
    // One meeting at a time, letting the event loop turn in between (acks, broadcasts) when many are due together.
    const run = this.chain.then(() => new Promise(setImmediate)).then(() => (this.closed ? undefined : this.rebuild(meetingId)));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops scheduling and waits for the reindex in progress (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.chain;
  }

  private async rebuild(meetingId: string): Promise<void> {
    const { db, store, storage, now } = this.options;
    const row = await db.meeting.findUnique({ where: { id: meetingId } });
    if (!row) return;
    const log = await store.load(meetingId);
    const state = replay(log);
    const saved =
      (await db.minutesVersion.findFirst({ where: { meetingId, approvedAt: { not: null } }, orderBy: { number: "desc" } })) ??
      (await db.minutesVersion.findFirst({ where: { meetingId }, orderBy: { number: "desc" } }));
    const units = searchUnits(toMeetingJson(row), state, log, saved ? (JSON.parse(saved.blocks) as Block[]) : null);
    await storage.replace(meetingId, units, {
      seq: state.seq,
      version: INDEX_VERSION,
      status: state.status,
      openedAt: state.openedAt,
      speeches: state.speeches.length + (state.floor ? 1 : 0),
      suggestions: state.notes.suggestions.length,
      indexedAt: now(),
    });
  }

  /** Full-text search, best first; `null` when the query has nothing searchable in it. */
  async search(q: string, options: { meetingId?: string; limit: number }): Promise<SearchHit[] | null> {
    const terms = queryTerms(q);
    if (terms.length === 0) return null;
    const { db, storage } = this.options;
    const rows = await storage.search(terms, options);
    const ids = [...new Set(rows.map((r) => r.meetingId))];
    const [meetings, states] = await Promise.all([
      db.meeting.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, number: true, startsAt: true, timeZone: true } }),
      db.archiveIndexState.findMany({ where: { meetingId: { in: ids } }, select: { meetingId: true, openedAt: true } }),
    ]);
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    const openedOf = new Map(states.map((s) => [s.meetingId, s.openedAt]));
    return rows.flatMap((r) => {
      const m = meetingOf.get(r.meetingId);
      if (!m) return [];
      const date = openedOf.get(r.meetingId) ?? m.startsAt;
      return [
        {
          meetingId: r.meetingId,
          meetingTitle: m.title,
          meetingNumber: m.number,
          date: date ? date.toISOString() : null,
          timeZone: m.timeZone,
          kind: r.kind as UnitKind,
          ref: r.ref,
          itemId: r.itemId,
          item: r.item,
          speaker: r.speaker,
          snippet: snippet(r.text, q),
          score: Number(r.score),
        },
      ];
    });
  }

  /** All meetings, newest first (opened, else scheduled, else created), with counts from the index. */
  async meetings(): Promise<ArchiveMeeting[]> {
    const { db } = this.options;
    const [rows, states] = await Promise.all([db.meeting.findMany(), db.archiveIndexState.findMany()]);
    const stateOf = new Map(states.map((s) => [s.meetingId, s]));
    const list = rows.map((m) => {
      const s = stateOf.get(m.id);
      const date = s?.openedAt ?? m.startsAt;
      return {
        sortKey: (date ?? m.createdAt).getTime(),
        meeting: {
          id: m.id,
          title: m.title,
          number: m.number,
          kind: m.kind,
          date: date ? date.toISOString() : null,
          timeZone: m.timeZone,
          status: (s?.status ?? "scheduled") as ArchiveMeeting["status"],
          archived: m.archived,
          speeches: s?.speeches ?? 0,
          suggestions: s?.suggestions ?? 0,
        },
      };
    });
    return list.sort((a, b) => b.sortKey - a.sortKey).map((l) => l.meeting);
  }
}
