// Test helpers for the meeting core (used by the *.test.ts files next to the code only).
// Pure like the rest of the core: time is passed in and randomness comes from a seeded PRNG.
import { expect, it } from "vitest";
import type { z } from "zod";
import type { AgendaItemInput } from "../core/agenda/schema.ts";
import { ERROR_MESSAGES, type ErrorCode, type Result } from "../core/errors.ts";
import { decide, evolve, parseCommand, replay, type Command, type MeetingEvent, type StoredEvent } from "../core/meeting.ts";
import { pollOptions } from "../core/poll/decide.ts";
import { PollDefinition, type RuleClause, type Tally } from "../core/poll/schema.ts";
import { entryKey, type DecisionFields, type EntryRef, type SuggestionFields, type SummaryRef } from "../core/record/schema.ts";
import type { Actor, Role } from "../core/roles.ts";
import type { MeetingState } from "../core/state.ts";
import type { RosterEntry } from "../core/config/schema.ts";
import { DEFAULT_INTERJECTION_RULES, type InterjectionOutcome, type InterjectionRules } from "../core/interjection/schema.ts";
import { DEFAULT_ORDERING, type OrderingRules, type PlannedSpeech, type WrittenSpeech } from "../core/plan/schema.ts";
import { DEFAULT_SPEECH_CAP_MS, DEFAULT_SPEECH_CAPS, type Speech } from "../core/floor/schema.ts";
import type { ArrivalVia, QuorumRule } from "../core/attendance/schema.ts";
import type { QueueEntry, SpeechKind } from "../core/queue/schema.ts";

export const ROLES: readonly Role[] = ["chair", "member", "official", "clerk", "observer"];

/** A small cast: one actor per role, plus extra members to fill a queue. All are on the roster. */
export const people = {
  chair: { participantId: "p-chair", role: "chair" },
  alice: { participantId: "p-alice", role: "member" },
  bob: { participantId: "p-bob", role: "member" },
  carol: { participantId: "p-carol", role: "member" },
  olga: { participantId: "p-olga", role: "official" },
  clerk: { participantId: "p-clerk", role: "clerk" },
  observer: { participantId: "p-observer", role: "observer" },
} as const satisfies Record<string, Actor>;

/** The default `now` of a decision when a test does not care about time. */
export const NOW = 1_000_000;

/** A roster entry for a participant; the optional fields are empty unless given. */
export function rosterEntry(p: { participantId: string; role: Role }, fields: Partial<Omit<RosterEntry, "id">> = {}): RosterEntry {
  return {
    id: p.participantId,
    name: p.participantId,
    role: p.role,
    sector: null,
    party: null,
    unit: null,
    side: null,
    chief: false,
    household: null,
    ...fields,
  };
}

/** The roster of the cast, in the key order the server builds (and the schema parses). */
export const ROSTER: readonly RosterEntry[] = Object.values(people).map((p) => rosterEntry(p));

/** An agenda item as the organisers enter it. */
export function agendaItem(id: string, plannedMs = 600_000, title = `item ${id}`, presenter: string | null = null): AgendaItemInput {
  return { id, title, presenter, plannedMs };
}

/** An entry of the speaking plan: a booked speech on an item unless told otherwise. */
export function planned(bookingId: string, participantId: string, fields: Partial<Omit<PlannedSpeech, "bookingId" | "participantId">> = {}): PlannedSpeech {
  return { bookingId, participantId, kind: "booked", agendaItemId: null, title: `title ${bookingId}`, text: `text ${bookingId}`, ...fields };
}

/** A queue entry as the state holds it: impromptu, a roster person, no booking (unless told). */
export function queueEntry(participantId: string, requestedAt = 0, fields: Partial<Omit<QueueEntry, "participantId" | "requestedAt">> = {}): QueueEntry {
  return { participantId, requestedAt, kind: "impromptu", guestName: null, bookingId: null, ...fields };
}

/** The running speech as the state holds it, with the defaults of ev.started. */
export function speech(participantId: string, fields: Partial<Omit<Speech, "participantId">> = {}): Speech {
  return {
    speechId: `s-${participantId}`,
    participantId,
    kind: "impromptu",
    guestName: null,
    bookingId: null,
    startedAt: 0,
    capMs: DEFAULT_SPEECH_CAP_MS,
    extendedMs: 0,
    pausedAt: null,
    pausedMs: 0,
    agendaItemId: null,
    override: null,
    ...fields,
  };
}

/** A config.sync that, unless told otherwise, repeats what `given` and `givenScheduled` start from. */
export function configSync(
  fields: Partial<{
    roster: RosterEntry[];
    agenda: AgendaItemInput[];
    quorumRule: QuorumRule;
    speechCaps: Partial<SpeechCapsInput>;
    ordering: Partial<OrderingRules>;
    plan: PlannedSpeech[];
    interjectionRules: InterjectionRules;
    pollRules: { clerkMay: boolean; allowed?: boolean };
  }> = {},
) {
  return {
    type: "config.sync" as const,
    roster: fields.roster ?? [...ROSTER],
    agenda: fields.agenda ?? [],
    quorumRule: fields.quorumRule ?? ("majority" as QuorumRule),
    speechCaps: { ...DEFAULT_SPEECH_CAPS, ...fields.speechCaps },
    ordering: { ...DEFAULT_ORDERING, ...fields.ordering },
    plan: fields.plan ?? [],
    // Absent unless given (a sync without them leaves the rules alone).
    ...(fields.interjectionRules ? { interjectionRules: fields.interjectionRules } : {}),
    ...(fields.pollRules ? { pollRules: { allowed: true, ...fields.pollRules } } : {}),
  };
}
type SpeechCapsInput = Record<SpeechKind, number>;

/** Event builders with defaults, so tables only spell out what matters. */
export const ev = {
  /** A request as decide emits it: impromptu, a roster person, no booking (unless told). */
  requested: (
    participantId: string,
    at = 0,
    {
      kind = "impromptu",
      guestName = null,
      bookingId = null,
      by,
    }: { kind?: SpeechKind; guestName?: string | null; bookingId?: string | null; by?: string } = {},
  ): MeetingEvent => ({ type: "queue.requested", participantId, at, kind, guestName, bookingId, ...(by === undefined ? {} : { by }) }),
  /** A booked speech put in line by the plan (when the meeting opens or its item starts). */
  booked: (participantId: string, bookingId: string, at = 0): MeetingEvent => ({
    type: "queue.requested",
    participantId,
    at,
    kind: "booked",
    guestName: null,
    bookingId,
    by: "plan",
  }),
  withdrawn: (participantId: string, by: string = participantId): MeetingEvent => ({ type: "queue.withdrawn", participantId, by }),
  moved: (participantId: string, toIndex: number): MeetingEvent => ({ type: "queue.moved", participantId, toIndex }),
  started: (
    participantId: string,
    {
      speechId = `s-${participantId}`,
      at = 0,
      capMs = DEFAULT_SPEECH_CAP_MS,
      agendaItemId = null,
      kind = "impromptu",
      guestName = null,
      bookingId = null,
      override = null,
    }: {
      speechId?: string;
      at?: number;
      capMs?: number;
      agendaItemId?: string | null;
      kind?: SpeechKind;
      guestName?: string | null;
      bookingId?: string | null;
      override?: { suggested: string; reason: string | null } | null;
    } = {},
  ): MeetingEvent => ({ type: "speech.started", speechId, participantId, at, capMs, agendaItemId, kind, guestName, bookingId, override }),
  ended: (participantId: string, f: { speechId?: string; at: number; durationMs: number; overrunMs: number; endedBy: string }): MeetingEvent => ({
    type: "speech.ended",
    speechId: f.speechId ?? `s-${participantId}`,
    participantId,
    at: f.at,
    durationMs: f.durationMs,
    overrunMs: f.overrunMs,
    endedBy: f.endedBy,
  }),
  extended: (speechId: string, byMs: number): MeetingEvent => ({ type: "speech.extended", speechId, byMs }),
  paused: (speechId: string, at: number): MeetingEvent => ({ type: "speech.paused", speechId, at }),
  resumed: (speechId: string, at: number): MeetingEvent => ({ type: "speech.resumed", speechId, at }),
  capSet: (capMs: number, kind: SpeechKind = "impromptu"): MeetingEvent => ({ type: "floor.capSet", capMs, kind }),
  written: (
    participantId: string,
    { writtenId = "new-1", text = "书面发言", at = 0, agendaItemId = null, submittedBy = participantId }: Partial<Omit<WrittenSpeech, "participantId">> = {},
  ): MeetingEvent => ({ type: "speech.written", writtenId, participantId, text, at, agendaItemId, submittedBy }),
  planSet: (plan: readonly PlannedSpeech[]): MeetingEvent => ({ type: "plan.set", plan: [...plan] }),
  orderingSet: (ordering: Partial<OrderingRules> = {}): MeetingEvent => ({ type: "ordering.set", ordering: { ...DEFAULT_ORDERING, ...ordering } }),
  opened: (at = 0): MeetingEvent => ({ type: "meeting.opened", at }),
  closed: (at = 0): MeetingEvent => ({ type: "meeting.closed", at }),
  itemStarted: (itemId: string, at = 0): MeetingEvent => ({ type: "agenda.itemStarted", itemId, at }),
  agendaSet: (items: AgendaItemInput[]): MeetingEvent => ({ type: "agenda.set", items }),
  arrived: (participantIds: string[], via: ArrivalVia = "clerk", at = 0): MeetingEvent => ({ type: "attendance.arrived", participantIds, via, at }),
  left: (participantIds: string[], at = 0): MeetingEvent => ({ type: "attendance.left", participantIds, at }),
  excused: (participantId: string, excused = true, at = 0): MeetingEvent => ({ type: "attendance.excused", participantId, excused, at }),
  ruleSet: (quorumRule: QuorumRule): MeetingEvent => ({ type: "attendance.ruleSet", quorumRule }),
  rosterSet: (roster: readonly RosterEntry[]): MeetingEvent => ({ type: "roster.set", roster: [...roster] }),
  venueMuted: (muted = true): MeetingEvent => ({ type: "venue.mutedSet", muted }),
  interpretationStarted: (participantId: string, language = "英语"): MeetingEvent => ({ type: "interpretation.started", participantId, language }),
  interpretationStopped: (): MeetingEvent => ({ type: "interpretation.stopped" }),
  // 插话: the request ids default to the first id decide hands out ("new-1"), the speech to `s-…`.
  ijRequested: (
    participantId: string,
    speechId: string,
    { requestId = "new-1", point = null, at = 0 }: { requestId?: string; point?: string | null; at?: number } = {},
  ): MeetingEvent => ({ type: "interjection.requested", requestId, participantId, speechId, point, at }),
  ijWithdrawn: (requestId: string): MeetingEvent => ({ type: "interjection.withdrawn", requestId }),
  ijDeclined: (requestId: string, by = "p-chair"): MeetingEvent => ({ type: "interjection.declined", requestId, by }),
  ijExpired: (...requestIds: string[]): MeetingEvent => ({ type: "interjection.expired", requestIds }),
  ijStarted: (
    participantId: string,
    speechId: string,
    {
      interjectionId = "new-1",
      requestId = "r1",
      point = null,
      at = 0,
      capMs = DEFAULT_INTERJECTION_RULES.capMs,
      resumesSpeech = true,
    }: { interjectionId?: string; requestId?: string; point?: string | null; at?: number; capMs?: number; resumesSpeech?: boolean } = {},
  ): MeetingEvent => ({ type: "interjection.started", interjectionId, requestId, participantId, speechId, point, at, capMs, resumesSpeech }),
  ijEnded: (interjectionId: string, f: { at: number; durationMs: number; overrunMs?: number; endedBy: string }): MeetingEvent => ({
    type: "interjection.ended",
    interjectionId,
    at: f.at,
    durationMs: f.durationMs,
    overrunMs: f.overrunMs ?? 0,
    endedBy: f.endedBy,
  }),
  ijOutcome: (interjectionId: string, outcome: InterjectionOutcome | null, by = "p-chair"): MeetingEvent => ({
    type: "interjection.outcomeSet",
    interjectionId,
    outcome,
    by,
  }),
  ijEnabled: (itemId: string, enabled: boolean): MeetingEvent => ({ type: "interjection.enabledSet", itemId, enabled }),
  ijRules: (rules: Partial<InterjectionRules> = {}): MeetingEvent => ({ type: "interjection.rulesSet", ...DEFAULT_INTERJECTION_RULES, ...rules }),
  // 即时表决: a poll created by the chair (id "q1" unless told), with the options decide gives its form.
  pollCreated: (
    pollId = "q1",
    definition: PollDefinition = pollDefinition(),
    { itemId = null, by = "p-chair" }: { itemId?: string | null; by?: string } = {},
  ): MeetingEvent => ({
    type: "poll.created",
    pollId,
    itemId,
    by,
    options: pollOptions(definition),
    definition,
  }),
  pollDiscarded: (pollId = "q1"): MeetingEvent => ({ type: "poll.discarded", pollId }),
  pollOpened: (pollId = "q1", at = 0, closesAt: number | null = null): MeetingEvent => ({ type: "poll.opened", pollId, at, closesAt }),
  pollClosed: (pollId: string, result: PollResultOf, { at = 0, by = "p-chair" }: { at?: number; by?: string } = {}): MeetingEvent => ({
    type: "poll.closed",
    pollId,
    at,
    by,
    result,
  }),
  /** Carries the result again (the one poll.closed recorded). */
  pollPublished: (pollId: string, result: PollResult, at = 0): MeetingEvent => ({ type: "poll.published", pollId, at, result }),
  handsEntered: (pollId: string, counts: Record<string, number>, by = "p-clerk"): MeetingEvent => ({ type: "poll.handsEntered", pollId, counts, by }),
  pollRules: (clerkMay: boolean, allowed = true): MeetingEvent => ({ type: "poll.rulesSet", clerkMay, allowed }),
  // 会议记录: the clerk writes (by p-clerk at NOW unless told), a first version unless told.
  summarized: (
    entry: SummaryRef,
    text: string,
    { version = 1, by = "p-clerk", at = NOW }: { version?: number; by?: string; at?: number } = {},
  ): MeetingEvent => ({
    type: "record.summarized",
    key: entryKey(entry),
    entry,
    text,
    version,
    by,
    at,
  }),
  suggestionCaptured: (
    suggestionId: string,
    entry: EntryRef,
    suggestion: SuggestionFields = suggestionFields(),
    { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {},
  ): MeetingEvent => ({
    type: "record.suggestionCaptured",
    suggestionId,
    entry,
    suggestion,
    by,
    at,
  }),
  suggestionEdited: (
    suggestionId: string,
    suggestion: SuggestionFields,
    version: number,
    { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {},
  ): MeetingEvent => ({
    type: "record.suggestionEdited",
    suggestionId,
    suggestion,
    version,
    by,
    at,
  }),
  suggestionWithdrawn: (suggestionId: string, { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {}): MeetingEvent => ({
    type: "record.suggestionWithdrawn",
    suggestionId,
    by,
    at,
  }),
  decisionAdded: (
    decisionId: string,
    itemId: string | null,
    decision: DecisionFields = decisionFields(),
    { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {},
  ): MeetingEvent => ({
    type: "record.decisionAdded",
    decisionId,
    itemId,
    decision,
    by,
    at,
  }),
  decisionEdited: (
    decisionId: string,
    decision: DecisionFields,
    version: number,
    { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {},
  ): MeetingEvent => ({
    type: "record.decisionEdited",
    decisionId,
    decision,
    version,
    by,
    at,
  }),
  decisionWithdrawn: (decisionId: string, { by = "p-clerk", at = NOW }: { by?: string; at?: number } = {}): MeetingEvent => ({
    type: "record.decisionWithdrawn",
    decisionId,
    by,
    at,
  }),
};

/** What a note is about: `entry("speech", "s-p-alice")`. */
export const entry = (kind: EntryRef["kind"], id: string): EntryRef => ({ kind, id });

/** A suggestion (意见建议) as the clerk enters it; the fields not given are filled in. */
export function suggestionFields(fields: Partial<SuggestionFields> = {}): SuggestionFields {
  return { title: "加快老旧小区改造", text: "建议增设电梯。", topic: "城市更新", department: "区住建委", ...fields };
}

/** A decision (议定事项) as the clerk enters it; the fields not given are filled in. */
export function decisionFields(fields: Partial<DecisionFields> = {}): DecisionFields {
  return { text: "形成协商意见报区委", unit: "区政协办公室", deadline: "2025-06-30", ...fields };
}
type PollResultOf = Extract<MeetingEvent, { type: "poll.closed" }>["result"];
type PollResult = Extract<MeetingEvent, { type: "poll.published" }>["result"];

/** A poll definition as parsed (defaults filled in): a named 赞成/反对/弃权 vote by a majority of the ballots cast, unless told. */
export function pollDefinition(fields: Partial<z.input<typeof PollDefinition>> = {}): PollDefinition {
  return PollDefinition.parse({ title: "关于议题的表决", form: "yesNoAbstain", secret: false, rule: [CLAUSES.majorityOfCast], ...fields });
}

/**
 * Ballot box totals: per option counts; unless told, every ballot weighs 1 (weights = counts),
 * ballots = the sum of the counts (one choice per ballot), weightCast = the sum of the weights, no groups.
 */
/** Ballot box totals; unless `groups` says otherwise, every ballot came from a unit present at the opening. */
export function tally(fields: Partial<Tally> & Pick<Tally, "counts">): Tally {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const weights = fields.weights ?? fields.counts;
  const totals = {
    ballots: fields.ballots ?? sum(fields.counts),
    weightCast: fields.weightCast ?? sum(weights),
    counts: fields.counts,
    weights,
    ...(fields.blank ? { blank: fields.blank } : {}),
  };
  return { ...totals, groups: fields.groups ?? { "@present:": totals } };
}

/** The usual clauses by name (the presets of the chair's form). */
export const CLAUSES = {
  majorityOfCast: { base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "count" },
  majorityOfEntitled: { base: "entitled", share: { num: 1, den: 2 }, compare: "more", measure: "count" },
  twoThirdsOfPresent: { base: "present", share: { num: 2, den: 3 }, compare: "atLeast", measure: "count" },
  twoThirdsOfEntitled: { base: "entitled", share: { num: 2, den: 3 }, compare: "atLeast", measure: "count" },
} as const satisfies Record<string, RuleClause>;

/** At least `percent` % of a base (不少于, 含本数), as the exact fraction percent/100. */
export const percentOf = (percent: number, base: RuleClause["base"] = "entitled"): RuleClause => ({
  base,
  share: { num: Math.round(percent * 100), den: 10_000 },
  compare: "atLeast",
  measure: "count",
});

/** What every `givenScheduled` starts from: the cast's roster, synced before the meeting. */
export const SCHEDULED: readonly MeetingEvent[] = [ev.rosterSet(ROSTER)];
/** What every `given` starts from: the roster, then the chair opened the meeting at t=0. */
export const OPENED: readonly MeetingEvent[] = [...SCHEDULED, ev.opened(0)];

/** Stamps events the way the room does: consecutive sequence numbers after `afterSeq`. */
export function stamp(afterSeq: number, events: readonly MeetingEvent[], at: number, actorId: string | null): StoredEvent[] {
  return events.map((event, i) => ({ seq: afterSeq + 1 + i, at, actorId, event }));
}

/** A deterministic id generator: prefix-1, prefix-2, ... */
export function sequentialIds(prefix = "new-"): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export interface Outcome {
  readonly before: MeetingState;
  readonly result: Result<MeetingEvent[]>;
  /** The events decided; throws (failing the test) if the command was refused. */
  readonly events: MeetingEvent[];
  /** The error code, or undefined if the command was accepted. */
  readonly error: ErrorCode | undefined;
  /** The state after applying the events, stamped like the room does (unchanged when refused). */
  readonly after: MeetingState;
}

export interface Scenario {
  readonly log: StoredEvent[];
  readonly state: MeetingState;
  /** Parses `command` as untrusted input (like the gateway), then decides it for `actor` at `now`. */
  /** `tally`: the ballot box totals the server hands to poll.close. */
  when(command: unknown, actor: Actor, now?: number, tally?: Tally): Outcome;
}

/** Exactly these prior events (no roster, not opened), then .when(command, actor, now) → outcome. */
export function givenExactly(...events: MeetingEvent[]): Scenario {
  const log = stamp(0, events, 0, null);
  const state = deepFreeze(replay(log));
  return {
    log,
    state,
    when(command, actor, now = NOW, tally) {
      const parsed = parseCommand(command);
      const result = parsed.ok ? decide(state, parsed.value, { actor, now, newId: sequentialIds(), ...(tally ? { tally } : {}) }) : parsed;
      const after = result.ok ? stamp(state.seq, result.value, now, actor.participantId).reduce(evolve, state) : state;
      return {
        before: state,
        result,
        get events() {
          if (!result.ok) throw new Error(`expected events, the command was refused with ${result.error.code}`);
          return result.value;
        },
        error: result.ok ? undefined : result.error.code,
        after,
      };
    },
  };
}

/** An open meeting with the cast on its roster, then these prior events. */
export const given = (...events: MeetingEvent[]): Scenario => givenExactly(...OPENED, ...events);

/** A meeting not opened yet (status "scheduled") with the cast on its roster, then these prior events. */
export const givenScheduled = (...events: MeetingEvent[]): Scenario => givenExactly(...SCHEDULED, ...events);

export type Step = [command: Command, actor: Actor, now: number];

/** Drives commands through decide and evolve like the room does; throws if one is refused. */
export function play(from: MeetingState, steps: readonly Step[], newId = sequentialIds()): { state: MeetingState; log: StoredEvent[] } {
  const log: StoredEvent[] = [];
  let state = deepFreeze(from);
  for (const [command, actor, now] of steps) {
    const result = decide(state, command, { actor, now, newId });
    if (!result.ok) throw new Error(`${command.type} by ${actor.participantId} refused: ${result.error.code}`);
    const stored = stamp(state.seq, result.value, now, actor.participantId);
    state = deepFreeze(stored.reduce(evolve, state));
    log.push(...stored);
  }
  return { state, log };
}

export interface DecisionCase {
  name: string;
  /** The meeting the prior events follow: open (the default) or not opened yet. */
  meeting?: "open" | "scheduled";
  given: MeetingEvent[];
  command: unknown;
  actor: Actor;
  now?: number;
  /** poll.close: the ballot box totals passed in the context. */
  tally?: Tally;
  /** The exact events decided, or the error code of the refusal. */
  then: MeetingEvent[] | { error: ErrorCode };
}

/** One test per row: given prior events (after OPENED or SCHEDULED), when the command comes from the actor, then events or error. */
export function decisionTable(cases: readonly DecisionCase[]): void {
  it.each(cases)("$name", (c) => {
    const outcome = (c.meeting === "scheduled" ? givenScheduled : given)(...c.given).when(c.command, c.actor, c.now, c.tally);
    if (Array.isArray(c.then)) {
      expect(outcome.result).toEqual({ ok: true, value: c.then });
    } else {
      expect(outcome.result).toEqual({ ok: false, error: expect.objectContaining({ code: c.then.error, message: ERROR_MESSAGES[c.then.error] }) });
      expect(outcome.after).toBe(outcome.before);
    }
  });
}

/** Freezes an object graph (skipping parts already frozen) so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** Structural equality of plain data (JSON-like values), independent of key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** mulberry32: a tiny seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
}
