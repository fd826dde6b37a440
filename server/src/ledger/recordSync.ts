// The ledger follows the meetings' records (docs/ledger.md): every suggestion the clerk captured
// (state.notes.suggestions) and every decision (议定事项, state.notes.decisions) has an item
// (source "meeting", origin suggestion or decision); while the item is new its texts (a decision's
// unit and deadline too) follow the record's edits; a withdrawn suggestion or decision closes its
// new item (`withdraw`, actor system);
// liveResponses (the officials' interjections into the speech and their outcome) always follow
// the record. A projection of the meeting's state after each relevant committed batch, serialized
// per meeting and idempotent by (meetingId, suggestionId) and (meetingId, decisionId); on start, meetings whose relevant
// events are newer than their last sync are replayed and synced (a crash, an upgrade).
import { chinaDate } from "../../../core/ledger/deadline.ts";
import { shortTitle } from "../../../core/ledger/item.ts";
import type { LiveResponse } from "../../../core/ledger/json.ts";
import { replay, type StoredEvent } from "../../../core/meeting.ts";
import { rosterNames } from "../../../core/naming/displayNames.ts";
import { entryKey, type Decision, type Suggestion } from "../../../core/record/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { Db } from "../db/database.ts";
import type { LedgerItem as ItemRow } from "../db/generated/client.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import type { DecisionItemFields, LedgerStore, RecordFollowed, RecordItemFields } from "./ledgerStore.ts";

/** Event types after which a meeting's items may differ: the suggestions, decisions, interjections (live responses), names and titles. */
const RELEVANT = ["record.suggestion", "record.decision", "interjection.", "roster.set", "agenda.set"];
export const isRelevantToLedger = (type: string): boolean => RELEVANT.some((prefix) => type.startsWith(prefix));

const SYSTEM = { role: "system", id: "system", name: "会议记录" } as const;

/** What a new item takes over from the record on every sync; once assigned, only liveResponses. */
const FOLLOWED_WHILE_NEW = ["title", "text", "topic", "suggestedDepartment", "raisedByName", "sector", "agendaItemTitle"] as const;
/** What a decision's new item takes over from the record on every sync; once assigned, nothing. */
const DECISION_FOLLOWED_WHILE_NEW = ["title", "text", "suggestedDepartment", "deadline", "agendaItemTitle"] as const;

/** The fields among `keys` where the record now differs from the item. */
function changed<K extends keyof RecordFollowed & keyof ItemRow>(row: ItemRow, fields: Record<K, ItemRow[K]>, keys: readonly K[]): RecordFollowed {
  const patch: RecordFollowed = {};
  for (const key of keys) if (row[key] !== fields[key]) Object.assign(patch, { [key]: fields[key] });
  return patch;
}

/** The live responses to an entry: the interjections into that speech (finished or running), in order. */
export function liveResponsesOf(state: MeetingState, suggestion: Pick<Suggestion, "entry">): LiveResponse[] {
  if (suggestion.entry.kind !== "speech") return [];
  const speechId = suggestion.entry.id;
  const interjections = [...state.interjections, ...(state.interjection ? [state.interjection] : [])].filter((ij) => ij.speechId === speechId);
  return interjections.map((ij) => {
    const who = state.roster.find((r) => r.id === ij.participantId);
    return { name: rosterNames(state.roster).get(ij.participantId) ?? "", unit: who?.unit ?? null, outcome: ij.outcome, point: ij.point ?? "" };
  });
}

/** What the ledger holds of a suggestion of the meeting's record. */
export function projectSuggestion(meetingId: string, state: MeetingState, suggestion: Suggestion): RecordItemFields {
  const who = state.roster.find((r) => r.id === suggestion.participantId);
  const speech =
    suggestion.entry.kind === "speech" ? [...state.speeches, ...(state.floor ? [state.floor] : [])].find((s) => s.speechId === suggestion.entry.id) : undefined;
  return {
    meetingId,
    suggestionId: suggestion.suggestionId,
    agendaItemTitle: state.agenda.find((a) => a.id === suggestion.itemId)?.title ?? null,
    entryKey: entryKey(suggestion.entry),
    raisedByParticipantId: who ? who.id : null,
    // The name as the meeting showed it (same names told apart: core/naming).
    raisedByName: (who && rosterNames(state.roster).get(who.id)) ?? speech?.guestName ?? "",
    sector: who?.sector ?? null,
    raisedOn: chinaDate(suggestion.capturedAt),
    title: suggestion.title,
    text: suggestion.text,
    topic: suggestion.topic,
    suggestedDepartment: suggestion.department,
    liveResponses: liveResponsesOf(state, suggestion),
  };
}

/**
 * What the ledger holds of a decision (议定事项) of the meeting's record: the agenda item, the text
 * (its first line as the title), the 责任单位 as the department to preselect at 交办 and the
 * 完成时限 as the deadline, so that 逾期/临期 and 督办提醒 apply from the start.
 */
export function projectDecision(meetingId: string, state: MeetingState, decision: Decision): DecisionItemFields {
  return {
    meetingId,
    decisionId: decision.decisionId,
    agendaItemTitle: state.agenda.find((a) => a.id === decision.itemId)?.title ?? null,
    raisedOn: chinaDate(decision.at),
    title: shortTitle(decision.text),
    text: decision.text,
    suggestedDepartment: decision.unit,
    deadline: decision.deadline === "" ? null : decision.deadline,
  };
}

export interface RecordSyncOptions {
  db: Db;
  store: EventStore;
  ledger: LedgerStore;
  log: (message: string, error?: unknown) => void;
  now: () => number;
}

export class RecordSync {
  /** The newest state waiting per meeting. */
  private readonly pending = new Map<string, MeetingState>();
  private readonly running = new Map<string, Promise<void>>();
  /** The seq each meeting was last synced at (a stale state is never applied over a newer one). */
  private readonly synced = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: RecordSyncOptions) {}

  /** A batch was committed (the room's broadcast, with the state after it): sync if it matters. */
  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
    if (this.closed || !events.some((e) => isRelevantToLedger(e.event.type))) return;
    this.enqueue(meetingId, state);
  }

  /** Replays and syncs every meeting whose relevant events are newer than its last sync; the meetings synced. */
  async catchUp(): Promise<string[]> {
    const { db, store } = this.options;
    const [heads, states] = await Promise.all([store.heads(RELEVANT), db.ledgerSyncState.findMany({ select: { meetingId: true, seq: true } })]);
    const syncedAt = new Map(states.map((s) => [s.meetingId, s.seq]));
    const stale = [...heads].filter(([meetingId, seq]) => (syncedAt.get(meetingId) ?? 0) < seq).map(([meetingId]) => meetingId);
    for (const meetingId of stale) {
      if (this.closed) break;
      this.enqueue(meetingId, replay(await store.load(meetingId)));
      await this.running.get(meetingId);
    }
    return stale;
  }

  /** Resolves when every sync queued so far is done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    await this.idle();
  }

  private enqueue(meetingId: string, state: MeetingState): void {
    const waiting = this.pending.get(meetingId);
    if (waiting && waiting.seq > state.seq) return;
    this.pending.set(meetingId, state);
    if (this.running.has(meetingId)) return; // the running loop takes it next
    const run = (async () => {
      for (let next = this.pending.get(meetingId); next !== undefined; next = this.pending.get(meetingId)) {
        this.pending.delete(meetingId);
        if (next.seq < (this.synced.get(meetingId) ?? 0)) continue;
        try {
          await this.sync(meetingId, next);
          this.synced.set(meetingId, next.seq);
        } catch (error) {
          this.options.log(`ledger: syncing the record of meeting ${meetingId} failed`, error);
        }
      }
    })().finally(() => {
      this.running.delete(meetingId);
      const late = this.pending.get(meetingId);
      if (late !== undefined && !this.closed) this.enqueue(meetingId, late);
    });
    this.running.set(meetingId, run);
  }

  private async sync(meetingId: string, state: MeetingState): Promise<void> {
    const { db, ledger } = this.options;
    const rows = await ledger.ofMeeting(meetingId);
    await this.syncSuggestions(
      meetingId,
      state,
      rows.filter((r) => r.origin !== "decision"),
    );
    await this.syncDecisions(
      meetingId,
      state,
      rows.filter((r) => r.origin === "decision"),
    );
    const data = { seq: state.seq, syncedAt: new Date(this.options.now()) };
    await db.ledgerSyncState.upsert({ where: { meetingId }, create: { meetingId, ...data }, update: data });
  }

  private async syncSuggestions(meetingId: string, state: MeetingState, rows: ItemRow[]): Promise<void> {
    const { ledger } = this.options;
    const items = new Map(rows.map((row) => [row.suggestionId ?? "", row]));
    const present = new Set<string>();
    for (const suggestion of state.notes.suggestions) {
      present.add(suggestion.suggestionId);
      const fields = projectSuggestion(meetingId, state, suggestion);
      const existing = items.get(suggestion.suggestionId);
      if (!existing) {
        await ledger.createFromRecord(fields);
        continue;
      }
      await this.follow(
        existing,
        () => ledger.bySuggestion(meetingId, suggestion.suggestionId),
        (row) => {
          // Until 交办, the item is the record's suggestion as it stands (texts, speaker's name and 界别, agenda title).
          const patch = row.state === "new" ? changed(row, fields, FOLLOWED_WHILE_NEW) : {};
          const live = JSON.stringify(fields.liveResponses);
          if (row.liveResponses !== live) patch.liveResponses = live;
          return patch;
        },
      );
    }
    await this.withdrawGone(items, present, (id) => ledger.bySuggestion(meetingId, id));
  }

  private async syncDecisions(meetingId: string, state: MeetingState, rows: ItemRow[]): Promise<void> {
    const { ledger } = this.options;
    const items = new Map(rows.map((row) => [row.decisionId ?? "", row]));
    const present = new Set<string>();
    for (const decision of state.notes.decisions) {
      present.add(decision.decisionId);
      const fields = projectDecision(meetingId, state, decision);
      const existing = items.get(decision.decisionId);
      if (!existing) {
        await ledger.createFromDecision(fields);
        continue;
      }
      // Until 交办 the item is the decision as it stands; afterwards the department's deadline is the 交办's.
      await this.follow(
        existing,
        () => ledger.byDecision(meetingId, decision.decisionId),
        (row) => (row.state === "new" ? changed(row, fields, DECISION_FOLLOWED_WHILE_NEW) : null),
      );
    }
    await this.withdrawGone(items, present, (id) => ledger.byDecision(meetingId, id));
  }

  /**
   * Brings an item to the record's version: `patchOf` says what differs (null: nothing may
   * follow any more); an edit that lost to someone else's (followRecord false) is retried on
   * the reloaded item.
   */
  private async follow(existing: ItemRow, reload: () => Promise<ItemRow | null>, patchOf: (row: ItemRow) => RecordFollowed | null): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = attempt === 0 ? existing : await reload();
      const patch = row && patchOf(row);
      if (!row || !patch || Object.keys(patch).length === 0 || (await this.options.ledger.followRecord(row, patch))) return;
    }
  }

  /** Withdrawn from the record: a new item is closed; one already assigned stays with its department. */
  private async withdrawGone(items: Map<string, ItemRow>, present: Set<string>, reload: (id: string) => Promise<ItemRow | null>): Promise<void> {
    for (const [id, row] of items) {
      if (present.has(id) || row.state !== "new") continue;
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = attempt === 0 ? row : await reload(id);
        if (!current || current.state !== "new") break;
        const withdrawn = await this.options.ledger.act(current.id, current.version, { type: "withdraw" }, SYSTEM);
        // Someone else's step got in first: look again; any other refusal is a fault.
        if (withdrawn.ok) break;
        if (withdrawn.error.code !== "EDIT_CONFLICT") throw new Error(`ledger: withdrawing item ${current.id} refused: ${withdrawn.error.code}`);
      }
    }
  }
}
