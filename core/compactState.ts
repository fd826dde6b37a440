// The small snapshot members, officials, observers and the room display receive (issue 17): the
// roster is not in it — a client fetches it once over HTTP (GET /api/live/roster, cacheable by
// its tag) — and what is keyed by roster ids (attendance, the attendance log, `asked`, each
// poll's frozen eligible list) refers to roster entries by their position. `expandState` turns it
// back into the MeetingState the client evolves, given the roster the tag names.
import { householdUnit } from "./poll/eligibility.ts";
import type { EligibleVoter, Poll } from "./poll/schema.ts";
import type { MeetingState } from "./state.ts";
import type { RosterEntry } from "./config/schema.ts";
import type { ArrivalVia, Attendance, AttendanceChange, AttendanceStatus } from "./attendance/schema.ts";

/** A participant: their position in the roster, or their id when they are no longer on it. */
export type Ref = number | string;

/**
 * A unit of a frozen eligible list: `n` one roster person (position n) present at the opening,
 * `"~n"` absent; `"a-b"` / `"~a-b"` every position from a to b, each a unit of one; `[refs,
 * present, weight]` a unit of several (a household) or with a weight; a unit the roster no longer
 * describes (it changed since the opening) as it is.
 */
export type CompactUnit = number | string | [Ref[], 0 | 1, number] | EligibleVoter;

export interface CompactAttendance {
  /** One character per roster entry, in roster order (see MARKS): status and arrival route. */
  marks: string;
  /** Attendance of people no longer on the roster (rare; omitted when none). */
  others?: Record<string, Attendance>;
}

/** The attendance log by columns: who, what (MARKS), and when (each `at` less the previous one). */
export interface CompactLog {
  who: Ref[];
  marks: string;
  at: number[];
}

export type CompactPoll = Omit<Poll, "eligible"> & { eligible: CompactUnit[] };

export type CompactState = Omit<MeetingState, "roster" | "attendance" | "attendanceLog" | "asked" | "polls"> & {
  /** Which roster this snapshot refers to (`rosterTag`), and its length. */
  roster: { tag: string; size: number };
  attendance: CompactAttendance;
  /** Sent only to those who see the record (the timeline shows arrivals); null otherwise. */
  attendanceLog: CompactLog | null;
  asked: Ref[];
  polls: CompactPoll[];
};

// Attendance as one character: status, and for the present the route of arrival.
const MARKS: Record<string, { status: AttendanceStatus; via: ArrivalVia | null }> = {
  o: { status: "present", via: "online" },
  q: { status: "present", via: "qr" },
  c: { status: "present", via: "clerk" },
  p: { status: "present", via: null },
  a: { status: "absent", via: null },
  e: { status: "excused", via: null },
};
const NONE = "-";
const markOf = (a: { status: AttendanceStatus; via: ArrivalVia | null }): string =>
  Object.keys(MARKS).find((k) => MARKS[k]!.status === a.status && MARKS[k]!.via === a.via) ?? "p";

interface Tagged {
  tag: string;
  json: string;
}
const tags = new WeakMap<readonly RosterEntry[], Tagged>();

/**
 * The roster's JSON and a tag naming its content (a 53-bit hash, with its length): computed once
 * per roster (the array changes only with roster.set). The HTTP resource's ETag and body.
 */
export function rosterJson(roster: readonly RosterEntry[]): Tagged {
  let tagged = tags.get(roster);
  if (!tagged) {
    const json = JSON.stringify(roster);
    tagged = { tag: `${hash53(json).toString(36)}-${json.length.toString(36)}`, json };
    tags.set(roster, tagged);
  }
  return tagged;
}

export const rosterTag = (roster: readonly RosterEntry[]): string => rosterJson(roster).tag;

// cyrb53 (public domain): fast, well mixed; enough to tell one meeting's rosters apart.
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const positions = new WeakMap<readonly RosterEntry[], Map<string, number>>();
function positionsOf(roster: readonly RosterEntry[]): Map<string, number> {
  let index = positions.get(roster);
  if (!index) {
    index = new Map(roster.map((entry, i) => [entry.id, i]));
    positions.set(roster, index);
  }
  return index;
}

/** The state without its roster, ids by roster position. `withLog`: keep the attendance log. */
export function compactState(state: MeetingState, withLog: boolean): CompactState {
  const { roster, attendance, attendanceLog, asked, polls, ...rest } = state;
  const index = positionsOf(roster);
  const ref = (id: string): Ref => index.get(id) ?? id;
  const others = Object.entries(attendance).filter(([id]) => !index.has(id));
  return {
    ...rest,
    roster: { tag: rosterTag(roster), size: roster.length },
    attendance: {
      marks: roster.map((p) => (attendance[p.id] ? markOf(attendance[p.id]!) : NONE)).join(""),
      ...(others.length > 0 ? { others: Object.fromEntries(others) } : {}),
    },
    attendanceLog: withLog
      ? {
          who: attendanceLog.map((c) => ref(c.participantId)),
          marks: attendanceLog.map(markOf).join(""),
          at: attendanceLog.map((c, i) => c.at - (i === 0 ? 0 : attendanceLog[i - 1]!.at)),
        }
      : null,
    asked: asked.map(ref),
    polls: polls.map((p) => ({ ...p, eligible: compactEligible(p, roster, index) })),
  };
}

function compactEligible(poll: Poll, roster: readonly RosterEntry[], index: Map<string, number>): CompactUnit[] {
  const out: CompactUnit[] = [];
  for (const unit of poll.eligible) {
    const refs = unit.participantIds.map((id) => index.get(id) ?? id);
    const packed: CompactUnit =
      refs.length === 1 && typeof refs[0] === "number" && unit.weight === 1
        ? unit.present
          ? refs[0]
          : `~${refs[0]}`
        : [refs, unit.present ? 1 : 0, unit.weight];
    // The roster changed since the opening in a way that alters the unit: send it as it is.
    if (!same(expandUnit(packed, poll, roster)[0], unit)) {
      out.push(unit);
      continue;
    }
    // Consecutive positions of single present (or absent) people become a run "a-b".
    const last = out[out.length - 1];
    const single =
      typeof packed === "number" ? { at: packed, absent: false } : typeof packed === "string" ? { at: Number(packed.slice(1)), absent: true } : null;
    const run = typeof last === "number" || typeof last === "string" ? parseRun(last) : null;
    if (single && run && run.absent === single.absent && run.to + 1 === single.at) out[out.length - 1] = `${run.absent ? "~" : ""}${run.from}-${single.at}`;
    else out.push(packed);
  }
  return out;
}

function parseRun(unit: number | string): { from: number; to: number; absent: boolean } {
  if (typeof unit === "number") return { from: unit, to: unit, absent: false };
  const absent = unit.startsWith("~");
  const [from, to] = (absent ? unit.slice(1) : unit).split("-").map(Number);
  return { from: from!, to: to ?? from!, absent };
}

function expandUnit(unit: CompactUnit, poll: Pick<Poll, "definition">, roster: readonly RosterEntry[]): EligibleVoter[] {
  if (typeof unit === "object" && !Array.isArray(unit)) return [unit];
  const perHousehold = poll.definition.eligibility.perHousehold;
  const build = (refs: Ref[], present: boolean, weight: number): EligibleVoter => {
    const ids = refs.map((r) => (typeof r === "number" ? (roster[r]?.id ?? "") : r));
    const first = typeof refs[0] === "number" ? roster[refs[0]] : undefined;
    const household = first?.household ?? null;
    // As eligibleVoters names units: a household in a per-household poll, else the person.
    return { unitId: perHousehold && household ? householdUnit(household) : ids[0]!, participantIds: ids, weight, household, present };
  };
  if (Array.isArray(unit)) return [build(unit[0], unit[1] === 1, unit[2])];
  const run = parseRun(unit);
  const units: EligibleVoter[] = [];
  for (let i = run.from; i <= run.to; i++) units.push(build([i], !run.absent, 1));
  return units;
}

const same = (a: EligibleVoter | undefined, b: EligibleVoter): boolean =>
  a !== undefined &&
  a.unitId === b.unitId &&
  a.weight === b.weight &&
  a.household === b.household &&
  a.present === b.present &&
  a.participantIds.length === b.participantIds.length &&
  a.participantIds.every((id, i) => id === b.participantIds[i]);

/**
 * The MeetingState a compact snapshot stands for, given the roster its tag names (the caller
 * checks the tag). `since` of an attendance is not sent: it is 0 (no member or display view shows it).
 */
export function expandState(compact: CompactState, roster: RosterEntry[]): MeetingState {
  const { roster: _ref, attendance, attendanceLog, asked, polls, ...rest } = compact;
  const id = (r: Ref): string => (typeof r === "number" ? (roster[r]?.id ?? "") : r);
  const expanded: Record<string, Attendance> = { ...attendance.others };
  roster.forEach((p, i) => {
    const mark = MARKS[attendance.marks[i] ?? NONE];
    if (mark) expanded[p.id] = { ...mark, since: 0 };
  });
  let at = 0;
  const log: AttendanceChange[] = attendanceLog
    ? attendanceLog.who.map((who, i) => ({ participantId: id(who), ...MARKS[attendanceLog.marks[i]!]!, at: (at += attendanceLog.at[i]!) }))
    : [];
  return {
    ...rest,
    roster,
    attendance: expanded,
    attendanceLog: log,
    asked: asked.map(id),
    polls: polls.map((p) => ({ ...p, eligible: p.eligible.flatMap((u) => expandUnit(u, p, roster)) })),
  };
}
