// Speaking statistics, live and after the meeting: how many speeches and how much speaking time
// per person, sector, party and agenda item, overruns, and who asked but never had the floor.
// A pure projection of the state, so the chair's screen, the clerk's and the export agree.
import { rosterNames } from "../naming/displayNames.ts";
import { spokenMs, type MeetingState } from "../state.ts";
import type { InterjectionOutcome } from "../interjection/schema.ts";
import type { SpeechKind } from "../queue/schema.ts";

export interface Tally {
  key: string;
  /** A display label: the person's name, the sector, the party, the item title. */
  label: string;
  speeches: number;
  totalMs: number;
  overruns: number;
}

export interface SpeechStats {
  overall: Omit<Tally, "key" | "label"> & { written: number; byKind: Record<SpeechKind, number> };
  byPerson: Tally[];
  bySector: Tally[];
  byParty: Tally[];
  byItem: Tally[];
  /** Asked (or were put in line) and never had the floor: roster ids and guests, first ask first. */
  neverSpoke: { participantId: string; label: string }[];
  /** 插话: count and time per person (overruns against the interjection cap), and outcomes. */
  interjections: {
    overall: { count: number; totalMs: number; byOutcome: Record<InterjectionOutcome | "none", number> };
    byPerson: Tally[];
  };
}

/** `now` counts the running speech's time so far (live); after the meeting nothing runs. */
export function speechStats(
  state: Pick<MeetingState, "speeches" | "floor" | "roster" | "agenda" | "written" | "asked" | "queue" | "interjection" | "interjections">,
  now: number,
): SpeechStats {
  const person = new Map(state.roster.map((p) => [p.id, p]));
  const guests = new Map(
    state.speeches
      .concat(state.floor ? [{ ...state.floor, endedAt: now, durationMs: 0, overrunMs: 0, endedBy: "" }] : [])
      .map((s) => [s.participantId, s.guestName]),
  );
  for (const entry of state.queue) if (entry.guestName) guests.set(entry.participantId, entry.guestName);
  // Same names told apart (core/naming), as on every screen.
  const names = rosterNames(state.roster);
  const nameOf = (id: string) => names.get(id) ?? guests.get(id) ?? id;
  const all = [
    ...state.speeches.map((s) => ({ participantId: s.participantId, kind: s.kind, itemId: s.agendaItemId, ms: s.durationMs, overrun: s.overrunMs > 0 })),
    ...(state.floor
      ? [{ participantId: state.floor.participantId, kind: state.floor.kind, itemId: state.floor.agendaItemId, ms: spokenMs(state.floor, now), overrun: false }]
      : []),
  ];
  const group = <T extends { ms: number; overrun: boolean }>(rows: readonly T[], keyOf: (s: T) => string | null, labelOf: (key: string) => string): Tally[] => {
    const tallies = new Map<string, Tally>();
    for (const s of rows) {
      const key = keyOf(s);
      if (key === null) continue;
      const t = tallies.get(key) ?? { key, label: labelOf(key), speeches: 0, totalMs: 0, overruns: 0 };
      t.speeches += 1;
      t.totalMs += s.ms;
      t.overruns += s.overrun ? 1 : 0;
      tallies.set(key, t);
    }
    // Most speaking time first; ties by label so every screen lists them alike.
    return [...tallies.values()].sort((a, b) => b.totalMs - a.totalMs || b.speeches - a.speeches || a.label.localeCompare(b.label, "zh-CN"));
  };
  const items = new Map(state.agenda.map((i) => [i.id, i.title]));
  const interjections = [
    ...state.interjections.map((i) => ({ participantId: i.participantId, ms: i.durationMs, overrun: i.overrunMs > 0, outcome: i.outcome })),
    ...(state.interjection
      ? [
          {
            participantId: state.interjection.participantId,
            ms: Math.max(0, now - state.interjection.startedAt),
            overrun: false,
            outcome: state.interjection.outcome,
          },
        ]
      : []),
  ];
  const byKind: Record<SpeechKind, number> = { booked: 0, impromptu: 0, pointOfOrder: 0 };
  for (const s of all) byKind[s.kind] += 1;
  const spoke = new Set(all.map((s) => s.participantId));
  return {
    overall: {
      speeches: all.length,
      totalMs: all.reduce((sum, s) => sum + s.ms, 0),
      overruns: all.filter((s) => s.overrun).length,
      written: state.written.length,
      byKind,
    },
    byPerson: group(all, (s) => s.participantId, nameOf),
    bySector: group(
      all,
      (s) => person.get(s.participantId)?.sector ?? null,
      (k) => k,
    ),
    byParty: group(
      all,
      (s) => person.get(s.participantId)?.party ?? null,
      (k) => k,
    ),
    byItem: group(
      all,
      (s) => s.itemId,
      (k) => items.get(k) ?? k,
    ),
    neverSpoke: state.asked.filter((id) => !spoke.has(id)).map((participantId) => ({ participantId, label: nameOf(participantId) })),
    interjections: {
      overall: {
        count: interjections.length,
        totalMs: interjections.reduce((sum, i) => sum + i.ms, 0),
        byOutcome: { adopt: 0, study: 0, explain: 0, none: 0, ...countBy(interjections.map((i) => i.outcome ?? "none")) },
      },
      byPerson: group(interjections, (i) => i.participantId, nameOf),
    },
  };
}

function countBy<K extends string>(keys: readonly K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
