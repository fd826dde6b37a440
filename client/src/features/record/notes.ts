// Pure helpers for the clerk's notes (发言要点, 意见建议, 议定事项) on the record workspace.
import type { Decision, EntryRef, RecordNotes, Suggestion } from "@core/record/schema.ts";

/** Someone editing a note (as in `record.editors`). */
type RecordEditor = { participantId: string; key: string };

/** The entry a summary key names (`speech:<id>`, `interjection:<id>`, `written:<id>`), else null. */
export function entryRefOf(key: string): EntryRef | null {
  const match = /^(speech|interjection|written):(.+)$/.exec(key);
  return match ? { kind: match[1] as EntryRef["kind"], id: match[2]! } : null;
}

/** The suggestions captured from an entry, in the order they were captured. */
export const suggestionsOf = (notes: RecordNotes, key: string): Suggestion[] => notes.suggestions.filter((s) => `${s.entry.kind}:${s.entry.id}` === key);

/** The decisions (议定事项) of an agenda item (null: outside the agenda). */
export const decisionsOf = (notes: RecordNotes, itemId: string | null): Decision[] => notes.decisions.filter((d) => d.itemId === itemId);

/** The people other than me editing `key` (one entry per person). */
export const othersEditing = (editors: readonly RecordEditor[], me: string | undefined, key: string): string[] => [
  ...new Set(editors.filter((e) => e.key === key && e.participantId !== me).map((e) => e.participantId)),
];

/** The people other than me editing any note of an entry: its summary, or one of its suggestions. */
export function othersEditingEntry(editors: readonly RecordEditor[], me: string | undefined, key: string, suggestionIds: readonly string[]): string[] {
  const keys = new Set([key, ...suggestionIds.map((id) => `suggestion:${id}`)]);
  return [...new Set(editors.filter((e) => keys.has(e.key) && e.participantId !== me).map((e) => e.participantId))];
}

/**
 * Both texts in one, for the clerk to tidy up after an edit conflict: the other person's newer
 * text first, then mine; nothing twice (one text containing the other gives the longer one;
 * paragraphs already in theirs are not repeated).
 */
export function mergeTexts(theirs: string, mine: string): string {
  const a = theirs.trim();
  const b = mine.trim();
  if (a === "" || b.includes(a)) return b;
  if (b === "" || a.includes(b)) return a;
  const have = new Set(a.split(/\n+/).map((p) => p.trim()));
  const rest = b.split(/\n+/).filter((p) => p.trim() !== "" && !have.has(p.trim()));
  return rest.length === 0 ? a : `${a}\n${rest.join("\n")}`;
}

/** A summary being typed: the text and the version of the saved summary it started from. */
export interface SummaryDraft {
  text: string;
  base: number;
}

/** The draft is behind: someone saved a newer version since it was started. */
export const inConflict = (draft: SummaryDraft | undefined, savedVersion: number): boolean => draft !== undefined && draft.base !== savedVersion;
