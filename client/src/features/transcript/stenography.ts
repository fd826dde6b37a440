// What the stenography (速记) screens show, apart from React: who is being transcribed now, whom the
// chair may still name, what Enter may send, and where captions (字幕) are offered.
import type { RosterEntry } from "@core/config/schema.ts";
import type { Role } from "@core/roles.ts";
import type { MeetingState } from "@core/state.ts";
import { captionEntry } from "@core/transcript/captions.ts";
import { MAX_STENOGRAPHERS, type TranscriptEntry } from "@core/transcript/schema.ts";
import type { SpeechKind } from "@core/queue/schema.ts";

/** The longest line the meeting takes (core/transcript/schema.ts). */
export const LINE_MAX = 2000;

export interface PadEntry {
  entry: TranscriptEntry;
  /** The badge: the speech's kind (预约, 即席 …) or 插话. */
  badge: SpeechKind | "interjection";
  /** Who speaks: a roster id, or a guest's name (来宾) for a speech given to one. */
  participantId: string;
  guestName: string | null;
}

/**
 * The entry a stenographer types into now: the running interjection, else the floor's speech
 * (core's captionEntry, the same one the captions show); null when nobody holds the floor or the
 * meeting is not open (the pad says 当前没有发言 and is disabled).
 */
export function padEntry(state: MeetingState): PadEntry | null {
  if (state.status !== "open") return null;
  const entry = captionEntry(state);
  if (!entry) return null;
  if (entry.kind === "interjection" && state.interjection)
    return { entry, badge: "interjection", participantId: state.interjection.participantId, guestName: null };
  if (entry.kind === "speech" && state.floor)
    return { entry, badge: state.floor.kind, participantId: state.floor.participantId, guestName: state.floor.guestName };
  return null;
}

/**
 * Whom the chair or the clerk may still name: the roster but those already named (any role: the
 * display is not on the roster); none once MAX_STENOGRAPHERS are named.
 */
export function assignable(state: MeetingState): RosterEntry[] {
  if (state.stenographers.length >= MAX_STENOGRAPHERS) return [];
  return state.roster.filter((p) => !state.stenographers.includes(p.id));
}

/** What Enter sends: the field trimmed, or null when there is nothing (blanks are not sent). */
export function lineToSend(field: string): string | null {
  const text = field.trim();
  return text.length > 0 ? text : null;
}

/**
 * The field after `sent` was acknowledged: what was typed after it stays (the stenographer goes on
 * typing while the answer is on its way); if the field was changed otherwise, it is left alone.
 */
export function afterSent(field: string, sent: string): string {
  return field.startsWith(sent) ? field.slice(sent.length).replace(/^\s+/, "") : field;
}

/** 字幕 is offered on the listeners' pages (members, officials, observers), not the chair's or clerk's. */
export const captionsOffered = (role: Role | null): boolean => role === "member" || role === "official" || role === "observer";
