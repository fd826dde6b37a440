// 同名区分: how a person is named in a meeting, on every screen and in every document. A name
// that only one person of the roster has is shown as it is. When two or more people share it,
// each gets a short suffix from their roster data, in Chinese full-width parentheses, taken from
// the first of these that tells all of them apart:
//   1. the flat (502室, the last number of 3号楼2单元502), 2. the whole household (3号楼2单元502),
//   3. the organisation (unit, 单位及职务), 4. the sector (界别),
//   5. every one of household, unit and sector that differs among them, joined with "，".
// People that no roster data tells apart (same name, household, unit and sector: `identityKey`)
// are refused by the roster import and by the organisers' forms; should a roster still hold them
// (an older meeting's log), they are numbered in roster order (张丽（1）, 张丽（2）) so that no
// screen shows the same label for two people. Pure, so the browser names people as the server does.
import type { RosterEntry } from "../config/schema.ts";

/** What naming needs of a person (a RosterEntry fits; so does an imported row with its fields missing). */
export interface Nameable {
  name: string;
  household?: string | null;
  unit?: string | null;
  sector?: string | null;
}

export type NamedPerson = Nameable & Pick<RosterEntry, "id">;

type Field = "household" | "unit" | "sector";
const FIELDS: readonly Field[] = ["household", "unit", "sector"];

const text = (value: string | null | undefined): string => value?.trim() ?? "";

/**
 * Two people of one meeting with the same key cannot be told apart by any roster data: the
 * roster import (server/src/roster) and the participant forms refuse the second one.
 */
export function identityKey(p: Nameable): string {
  return [p.name, ...FIELDS.map((f) => p[f])].map(text).join("\u0000");
}

/** 3号楼2单元502 → 502室; 3-2-502, 1幢301室, 502 alike; null when the household does not end in a flat number. */
export function flatOf(household: string | null | undefined): string | null {
  const match = /(?:^|单元|楼|栋|幢|座|[-－—#＃\s])(\d+[A-Za-z]?)(?:室|户)?$/.exec(text(household).normalize("NFKC"));
  return match ? `${match[1]}室` : null;
}

/** Ways of telling a group apart, in the order they are tried; each names one person or gives null. */
const SINGLE_SUFFIXES: readonly ((p: Nameable) => string | null)[] = [(p) => flatOf(p.household), ...FIELDS.map((f) => (p: Nameable) => text(p[f]) || null)];

/** The suffixes of one group of people who share a name, in the group's order; "" for none. */
function groupSuffixes(group: readonly Nameable[]): string[] {
  for (const suffixOf of SINGLE_SUFFIXES) {
    const suffixes = group.map(suffixOf);
    if (suffixes.every((s) => s !== null) && new Set(suffixes).size === group.length) return suffixes as string[];
  }
  // No one field does it: every field that differs within the group, together.
  const differing = FIELDS.filter((f) => new Set(group.map((p) => text(p[f]))).size > 1);
  const combined = group.map((p) =>
    differing
      .map((f) => text(p[f]))
      .filter((v) => v !== "")
      .join("，"),
  );
  // Whoever is still left without a suffix of their own is numbered in roster order.
  const count = new Map<string, number>();
  for (const s of combined) count.set(s, (count.get(s) ?? 0) + 1);
  return combined.map((s, i) => (s !== "" && count.get(s) === 1 ? s : s === "" ? String(i + 1) : `${s}，${i + 1}`));
}

/** Every person's name in this meeting by id: the plain name, or the name with its suffix. */
export function displayNames(roster: readonly NamedPerson[]): Map<string, string> {
  const byName = new Map<string, NamedPerson[]>();
  for (const p of roster) {
    const name = text(p.name);
    const group = byName.get(name);
    if (group) group.push(p);
    else byName.set(name, [p]);
  }
  const names = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      names.set(group[0]!.id, name);
      continue;
    }
    const suffixes = groupSuffixes(group);
    group.forEach((p, i) => names.set(p.id, `${name}（${suffixes[i]!}）`));
  }
  return names;
}

const cache = new WeakMap<readonly NamedPerson[], ReadonlyMap<string, string>>();

/**
 * `displayNames` of a roster, computed once per roster array (the state's roster only changes
 * with `roster.set`), so projections and screens may call it for every name they show.
 */
export function rosterNames(roster: readonly NamedPerson[]): ReadonlyMap<string, string> {
  let names = cache.get(roster);
  if (!names) {
    names = displayNames(roster);
    cache.set(roster, names);
  }
  return names;
}

/** One person's name in this meeting; undefined when the id is not on the roster. */
export function displayName(roster: readonly NamedPerson[], participantId: string): string | undefined {
  return rosterNames(roster).get(participantId);
}
