// The meeting core: decide(state, command, ctx) → events | error, evolve(state, event) → state.
// Pure and deterministic; shared by the server (room actor) and the browser (same reducer).
// One folder per capability, each with its schema, decide and evolve.
import { z } from "zod";
import { decideAgenda } from "./agenda/decide.ts";
import { evolveAgenda } from "./agenda/evolve.ts";
import { AgendaCommand, AgendaEvent } from "./agenda/schema.ts";
import { decideAttendance } from "./attendance/decide.ts";
import { evolveAttendance } from "./attendance/evolve.ts";
import { AttendanceCommand, AttendanceEvent } from "./attendance/schema.ts";
import { decideConfig } from "./config/decide.ts";
import { evolveConfig } from "./config/evolve.ts";
import { ConfigCommand, ConfigEvent } from "./config/schema.ts";
import type { DecideContext } from "./context.ts";
import { fail, ok, type Result } from "./errors.ts";
import { decideFloor } from "./floor/decide.ts";
import { evolveFloor } from "./floor/evolve.ts";
import { FloorCommand, FloorEvent } from "./floor/schema.ts";
import { decideLifecycle } from "./lifecycle/decide.ts";
import { evolveLifecycle } from "./lifecycle/evolve.ts";
import { LifecycleCommand, LifecycleEvent } from "./lifecycle/schema.ts";
import { decideQueue } from "./queue/decide.ts";
import { evolveQueue } from "./queue/evolve.ts";
import { QueueCommand, QueueEvent } from "./queue/schema.ts";
import { decidePlan } from "./plan/decide.ts";
import { evolvePlan } from "./plan/evolve.ts";
import { PlanCommand, PlanEvent } from "./plan/schema.ts";
import { decideInterjection } from "./interjection/decide.ts";
import { evolveInterjection } from "./interjection/evolve.ts";
import { InterjectionCommand, InterjectionEvent } from "./interjection/schema.ts";
import { decidePoll } from "./poll/decide.ts";
import { decideRecord } from "./record/decide.ts";
import { evolveRecord } from "./record/evolve.ts";
import { RecordCommand, RecordEvent } from "./record/schema.ts";
import { evolvePoll } from "./poll/evolve.ts";
import { PollCommand, PollEvent } from "./poll/schema.ts";
import { initialState, type MeetingState } from "./state.ts";
import { decideVenue } from "./venue/decide.ts";
import { evolveVenue } from "./venue/evolve.ts";
import { VenueCommand, VenueEvent } from "./venue/schema.ts";

export const Command = z.discriminatedUnion("type", [
  ...QueueCommand.options,
  ...FloorCommand.options,
  ...LifecycleCommand.options,
  ...AgendaCommand.options,
  ...AttendanceCommand.options,
  ...ConfigCommand.options,
  ...VenueCommand.options,
  ...PlanCommand.options,
  ...InterjectionCommand.options,
  ...PollCommand.options,
  ...RecordCommand.options,
]);
export type Command = z.infer<typeof Command>;

export const MeetingEvent = z.discriminatedUnion("type", [
  ...QueueEvent.options,
  ...FloorEvent.options,
  ...LifecycleEvent.options,
  ...AgendaEvent.options,
  ...AttendanceEvent.options,
  ...ConfigEvent.options,
  ...VenueEvent.options,
  ...PlanEvent.options,
  ...InterjectionEvent.options,
  ...PollEvent.options,
  ...RecordEvent.options,
]);
export type MeetingEvent = z.infer<typeof MeetingEvent>;

/** An event as stored in the log and sent to clients. */
export interface StoredEvent {
  seq: number;
  at: number;
  actorId: string | null;
  event: MeetingEvent;
}

export function decide(state: MeetingState, command: Command, ctx: DecideContext): Result<MeetingEvent[]> {
  switch (command.type) {
    case "queue.request":
    case "queue.withdraw":
    case "queue.remove":
    case "queue.move":
    case "queue.add":
      return decideQueue(state, command, ctx);
    case "floor.give":
    case "floor.end":
    case "floor.setCap":
    case "floor.extend":
    case "floor.pause":
    case "floor.resume":
      return decideFloor(state, command, ctx);
    case "meeting.open":
    case "meeting.close":
      return decideLifecycle(state, command, ctx);
    case "agenda.goto":
    case "agenda.next":
      return decideAgenda(state, command, ctx);
    case "attendance.arrive":
    case "attendance.leave":
    case "attendance.excuse":
      return decideAttendance(state, command, ctx);
    case "config.sync":
      return decideConfig(state, command, ctx);
    case "venue.setMuted":
      return decideVenue(state, command, ctx);
    case "speech.submitWritten":
      return decidePlan(state, command, ctx);
    case "interjection.request":
    case "interjection.withdraw":
    case "interjection.grant":
    case "interjection.decline":
    case "interjection.end":
    case "interjection.setOutcome":
    case "interjection.setEnabled":
      return decideInterjection(state, command, ctx);
    case "poll.create":
    case "poll.discard":
    case "poll.open":
    case "poll.close":
    case "poll.publish":
    case "poll.enterHands":
      return decidePoll(state, command, ctx);
    case "record.summarize":
    case "record.captureSuggestion":
    case "record.editSuggestion":
    case "record.withdrawSuggestion":
    case "record.addDecision":
    case "record.editDecision":
    case "record.withdrawDecision":
      return decideRecord(state, command, ctx);
  }
}

export function evolve(state: MeetingState, stored: StoredEvent): MeetingState {
  return { ...apply(state, stored.event), seq: stored.seq };
}

function apply(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case "queue.requested":
    case "queue.withdrawn":
    case "queue.moved":
      return evolveQueue(state, event);
    case "speech.started":
    case "speech.ended":
    case "speech.extended":
    case "speech.paused":
    case "speech.resumed":
    case "floor.capSet":
      return evolveFloor(state, event);
    case "meeting.opened":
    case "meeting.closed":
      return evolveLifecycle(state, event);
    case "agenda.itemStarted":
    case "agenda.set":
      return evolveAgenda(state, event);
    case "attendance.arrived":
    case "attendance.left":
    case "attendance.excused":
    case "attendance.ruleSet":
      return evolveAttendance(state, event);
    case "roster.set":
    case "meeting.kindSet":
      return evolveConfig(state, event);
    case "venue.mutedSet":
      return evolveVenue(state, event);
    case "speech.written":
    case "plan.set":
    case "ordering.set":
      return evolvePlan(state, event);
    case "interjection.requested":
    case "interjection.withdrawn":
    case "interjection.declined":
    case "interjection.expired":
    case "interjection.started":
    case "interjection.ended":
    case "interjection.outcomeSet":
    case "interjection.enabledSet":
    case "interjection.rulesSet":
      return evolveInterjection(state, event);
    case "poll.created":
    case "poll.discarded":
    case "poll.opened":
    case "poll.closed":
    case "poll.published":
    case "poll.handsEntered":
    case "poll.rulesSet":
      return evolvePoll(state, event);
    case "record.summarized":
    case "record.suggestionCaptured":
    case "record.suggestionEdited":
    case "record.suggestionWithdrawn":
    case "record.decisionAdded":
    case "record.decisionEdited":
    case "record.decisionWithdrawn":
    case "record.sharedSet":
    case "record.withheld":
      return evolveRecord(state, event);
  }
}

export const replay = (events: readonly StoredEvent[], from: MeetingState = initialState()): MeetingState =>
  events.reduce(evolve, from);

/** Parse an untrusted command; VALIDATION with the failing paths on error. */
export function parseCommand(input: unknown): Result<Command> {
  const parsed = Command.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail("VALIDATION", parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
}
