// Pure helpers for interjections (插话回应) on the live screens: who may ask now, what became of
// my request once it left the list, and which interjections belong to which speech in the record.
import type { MeetingState } from "@core/state.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { Interjection, InterjectionRecord, InterjectionRequest } from "@core/interjection/schema.ts";

export type RequestFate = "granted" | "declined" | "expired";

type LiveState = Pick<MeetingState, "status" | "floor" | "speeches" | "interjectionRequests" | "interjection" | "interjections">;

/** Interjections are switched off for the current agenda item. */
export const interjectionsOff = (state: Pick<MeetingState, "currentItemId" | "interjectionsOff" | "interjectionRules">): boolean =>
  !state.interjectionRules.allowed || state.interjectionsOff.includes(state.currentItemId ?? "");

/** Whether this person's role may interject at all in this meeting (officials; members if allowed). */
export const mayInterject = (state: Pick<MeetingState, "interjectionRules">, me: Pick<RosterEntry, "role">): boolean =>
  me.role === "official" || (me.role === "member" && state.interjectionRules.membersMay);

/**
 * What happened to my request that is no longer in the list (a withdrawal is known locally and
 * never asked about): granted when I interject (or did) since asking; expired when the speech it
 * answered is no longer the one to answer (the next speech started, or the meeting closed);
 * otherwise the chair declined it.
 */
export function requestFate(request: InterjectionRequest, state: LiveState, me: string): RequestFate | null {
  if (state.interjectionRequests.some((r) => r.requestId === request.requestId)) return null;
  const mine = (i: Interjection) => i.participantId === me && i.speechId === request.speechId && i.startedAt >= request.at;
  if ((state.interjection && mine(state.interjection)) || state.interjections.some(mine)) return "granted";
  if (state.status !== "open" || answerable(state) !== request.speechId) return "expired";
  return "declined";
}

/** Interjections by the speech they interrupted or followed, in order; the running one last. */
export function interjectionsBySpeech(state: Pick<MeetingState, "interjection" | "interjections">): Map<string, (Interjection | InterjectionRecord)[]> {
  const bySpeech = new Map<string, (Interjection | InterjectionRecord)[]>();
  for (const i of [...state.interjections, ...(state.interjection ? [state.interjection] : [])]) {
    bySpeech.set(i.speechId, [...(bySpeech.get(i.speechId) ?? []), i]);
  }
  return bySpeech;
}

/** The speech an interjection would answer now (as the core decides it): the running one, else the last. */
const answerable = (state: Pick<MeetingState, "floor" | "speeches">): string | null => state.floor?.speechId ?? state.speeches.at(-1)?.speechId ?? null;

export const isEnded = (i: Interjection | InterjectionRecord): i is InterjectionRecord => "endedAt" in i;
