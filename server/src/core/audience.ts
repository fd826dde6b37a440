// What reaches connections that are not the meeting's staff (members, officials, observers, the
// room display). The log is one for all, but two things are for the chair and the clerk only:
// a poll's result until the chair publishes it (poll.published carries it for everyone), and
// the clerk's notes (record.*: summaries, suggestions, decisions), their working record.
// Non-staff receive the same sequence of events with those parts removed, so no gap appears.
import type { MeetingEvent, StoredEvent } from "./meeting.ts";
import type { SyncPayload } from "./protocol.ts";
import { STAFF_ROLES, type ActorRole } from "./roles.ts";
import type { MeetingState } from "./state.ts";

export const isStaffConnection = (role: ActorRole, display: boolean): boolean => !display && STAFF_ROLES.includes(role);

const staffOnly = (event: MeetingEvent): boolean => event.type === "poll.closed" || (event.type.startsWith("record.") && event.type !== "record.withheld");

/** Whether any of these events must be changed for non-staff. */
export const hasStaffOnlyParts = (events: readonly StoredEvent[]): boolean => events.some((e) => staffOnly(e.event));

export function eventsForOthers(events: readonly StoredEvent[]): StoredEvent[] {
  return events.map((e) => {
    if (e.event.type === "poll.closed") return { ...e, event: { ...e.event, result: null } };
    if (staffOnly(e.event)) return { ...e, event: { type: "record.withheld" } };
    return e;
  });
}

export function stateForOthers(state: MeetingState): MeetingState {
  return {
    ...state,
    polls: state.polls.map((p) => (p.status === "closed" ? { ...p, result: null } : p)),
    notes: { summaries: {}, suggestions: [], decisions: [] },
  };
}

export function syncFor(sync: SyncPayload, staff: boolean): SyncPayload {
  if (staff) return sync;
  return sync.kind === "events" ? { kind: "events", events: eventsForOthers(sync.events) } : { kind: "snapshot", state: stateForOthers(sync.state) };
}
