// What each kind of connection receives. The log is one for all, but two things are for the
// chair and the clerk only: a poll's result until the chair publishes it (poll.published carries
// it for everyone), and the clerk's notes (record.*: summaries, suggestions, decisions), their
// working record — unless the organisers share the record with members (会议记录向委员公开,
// state.recordShared): then members, officials and observers receive the notes too. The room
// display never does (it is shown to the room, and the record is for the people in the meeting).
// Whoever may not see a part receives the same sequence of events with that part removed, so no
// gap appears. A proxy's authorisation (委托依据: the note and the evidence file) is for the staff
// too: everyone else learns only who holds whose proxy. The seats of a plenary's groups (which
// roster id each person has in their group's meeting) are the server's and the staff's: the
// others know who is in which group, and get their own seat's link from groups.enter.
// The transcript (速记稿) is part of the record too, with one exception: a typed line is the live
// caption (字幕) of what the room hears, so transcript.appended goes to everyone as it is, and
// every snapshot keeps the lines of the entry holding the floor now. Older lines, corrections
// and machine drafts follow the record's rule.
import { compactState } from "./compactState.ts";
import type { MeetingEvent, StoredEvent } from "./meeting.ts";
import type { SyncPayload } from "./protocol.ts";
import { STAFF_ROLES, type ActorRole } from "./roles.ts";
import type { Poll } from "./poll/schema.ts";
import type { MeetingState } from "./state.ts";
import { captionEntry, sameEntry } from "./transcript/captions.ts";

/** staff: chair and clerk; attendee: members, officials, observers; display: the room display. */
export type Audience = "staff" | "attendee" | "display";
export const AUDIENCES: readonly Audience[] = ["staff", "attendee", "display"];

export const audienceOf = (role: ActorRole, display: boolean): Audience => (display ? "display" : STAFF_ROLES.includes(role) ? "staff" : "attendee");

/**
 * The one publication rule for a poll's result, however it leaves the server (events, snapshots,
 * the ballots of poll.audit): the staff from the close, everyone once published.
 */
export const seesResult = (poll: Pick<Poll, "status">, audience: Audience): boolean =>
  poll.status === "published" || (poll.status === "closed" && audience === "staff");

/** A part of the record withheld from whoever may not see it: the clerk's notes, corrections and machine drafts of the transcript. */
const isNote = (event: MeetingEvent): boolean =>
  (event.type.startsWith("record.") && event.type !== "record.withheld" && event.type !== "record.sharedSet") ||
  event.type === "transcript.corrected" ||
  event.type === "transcript.drafted";

/** Whether this audience receives the clerk's notes while the record is (or is not) shared. */
const seesNotes = (audience: Audience, recordShared: boolean): boolean => audience === "staff" || (audience === "attendee" && recordShared);

/**
 * Whether some audience must receive these events differently from the staff: a poll result,
 * a note, or the sharing switched (attendees then get a snapshot, see `syncFor`).
 */
export const differsByAudience = (events: readonly StoredEvent[]): boolean =>
  events.some(
    (e) =>
      e.event.type === "poll.closed" ||
      e.event.type === "poll.proxyRecorded" ||
      e.event.type === "groups.opened" ||
      e.event.type === "record.sharedSet" ||
      isNote(e.event),
  );

/** A proxy without its authorisation. */
const withoutEvidence = <T extends { note: string; evidence: string | null }>(proxy: T): T => ({ ...proxy, note: "", evidence: null });

function eventsFor(events: readonly StoredEvent[], notes: boolean): StoredEvent[] {
  return events.map((e) => {
    if (e.event.type === "poll.closed") return { ...e, event: { ...e.event, result: null } };
    if (e.event.type === "poll.proxyRecorded") return { ...e, event: withoutEvidence(e.event) };
    if (e.event.type === "groups.opened") return { ...e, event: { ...e.event, groups: e.event.groups.map((g) => ({ ...g, seats: [] })) } };
    if (!notes && isNote(e.event)) return { ...e, event: { type: "record.withheld" } };
    return e;
  });
}

export function stateFor(state: MeetingState, audience: Audience): MeetingState {
  if (audience === "staff") return state;
  return {
    ...state,
    polls: state.polls.map((p) => ({
      ...p,
      result: p.result !== null && !seesResult(p, audience) ? null : p.result,
      proxies: p.proxies.map(withoutEvidence),
    })),
    notes: seesNotes(audience, state.recordShared) ? state.notes : { summaries: {}, suggestions: [], decisions: [] },
    transcript: seesNotes(audience, state.recordShared) ? state.transcript : liveCaptions(state),
    groups: state.groups.phase === "none" ? state.groups : { ...state.groups, groups: state.groups.groups.map((g) => ({ ...g, seats: [] })) },
  };
}

/**
 * The typed lines of the entry holding the floor now, as they were typed (a correction is part of
 * the record): exactly what everyone received live as transcript.appended.
 */
function liveCaptions(state: MeetingState): MeetingState["transcript"] {
  const entry = captionEntry(state);
  if (!entry) return [];
  return state.transcript
    .filter((line) => line.source === "steno" && sameEntry(line.entry, entry))
    .map((line) => (line.history.length === 0 ? line : { ...line, text: line.history[0]!.text, version: 1, history: [] }));
}

/**
 * What `audience` receives of a catch-up or a committed batch; `state` is the meeting's state
 * after those events. Events that switch the sharing change which notes an attendee may hold,
 * including earlier ones it never received (or must drop), so attendees get a snapshot instead.
 */
export function syncFor(sync: SyncPayload, audience: Audience, state: MeetingState): SyncPayload {
  if (audience === "staff") return sync;
  if (sync.kind !== "events") return compactFor(sync.kind === "snapshot" ? sync.state : state, audience);
  if (audience === "attendee" && sync.events.some((e) => e.event.type === "record.sharedSet")) return compactFor(state, audience);
  return { kind: "events", events: eventsFor(sync.events, seesNotes(audience, state.recordShared)) };
}

/**
 * Everyone but the staff gets a compact snapshot (core/compactState.ts): no roster (fetched once
 * over HTTP by its tag), ids by roster position, so its size does not grow with the roster squared.
 * The attendance log only where the record's timeline shows it: attendees of a shared record.
 */
const compactFor = (state: MeetingState, audience: Audience): SyncPayload => ({
  kind: "compact",
  state: compactState(stateFor(state, audience), audience === "attendee" && state.recordShared),
});
