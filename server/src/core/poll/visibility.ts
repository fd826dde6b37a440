// A poll's result is seen by the chair and the clerk when it closes, and by everyone else (the
// members' phones, the room display) only once the chair publishes it. The event log keeps the
// result; what non-staff receive has it removed until then.
import type { StoredEvent } from "../meeting.ts";
import type { SyncPayload } from "../protocol.ts";
import { STAFF_ROLES, type ActorRole } from "../roles.ts";
import type { MeetingState } from "../state.ts";

export const seesResultsAtClose = (role: ActorRole, display: boolean): boolean => !display && STAFF_ROLES.includes(role);

/** Whether any of these events must be changed for non-staff. */
export const hasUnpublishedResult = (events: readonly StoredEvent[]): boolean => events.some((e) => e.event.type === "poll.closed");

export function withoutUnpublishedResults(events: readonly StoredEvent[]): StoredEvent[] {
  return events.map((e) => (e.event.type === "poll.closed" ? { ...e, event: { ...e.event, result: null } } : e));
}

export function stateWithoutUnpublishedResults(state: MeetingState): MeetingState {
  if (!state.polls.some((p) => p.status === "closed")) return state;
  return { ...state, polls: state.polls.map((p) => (p.status === "closed" ? { ...p, result: null } : p)) };
}

export function syncFor(sync: SyncPayload, staff: boolean): SyncPayload {
  if (staff) return sync;
  return sync.kind === "events" ? { kind: "events", events: withoutUnpublishedResults(sync.events) } : { kind: "snapshot", state: stateWithoutUnpublishedResults(sync.state) };
}
