// The meeting core: decide(state, command, ctx) → events | error, evolve(state, event) → state.
// Pure and deterministic; shared by the server (room actor) and the browser (same reducer).
import { z } from "zod";
import type { DecideContext } from "./context.ts";
import { fail, ok, type Result } from "./errors.ts";
import { decideFloor } from "./floor/decide.ts";
import { evolveFloor } from "./floor/evolve.ts";
import { FloorCommand, FloorEvent } from "./floor/schema.ts";
import { decideQueue } from "./queue/decide.ts";
import { evolveQueue } from "./queue/evolve.ts";
import { QueueCommand, QueueEvent } from "./queue/schema.ts";
import { initialState, type MeetingState } from "./state.ts";

// One discriminated union (not z.union) so a malformed command is checked against the schema its
// `type` names, and VALIDATION details carry the failing field instead of a bare "Invalid input".
export const Command = z.discriminatedUnion("type", [QueueCommand, FloorCommand]);
export type Command = z.infer<typeof Command>;

export const MeetingEvent = z.union([QueueEvent, FloorEvent]);
export type MeetingEvent = z.infer<typeof MeetingEvent>;

/** An event as stored in the log and sent to clients. */
export interface StoredEvent {
  seq: number;
  at: number;
  actorId: string | null;
  event: MeetingEvent;
}

export function decide(state: MeetingState, command: Command, ctx: DecideContext): Result<MeetingEvent[]> {
  return isQueueCommand(command) ? decideQueue(state, command, ctx) : decideFloor(state, command, ctx);
}

export function evolve(state: MeetingState, stored: StoredEvent): MeetingState {
  const { event } = stored;
  const next = isQueueEvent(event) ? evolveQueue(state, event) : evolveFloor(state, event);
  return { ...next, seq: stored.seq };
}

export const replay = (events: readonly StoredEvent[], from: MeetingState = initialState()): MeetingState =>
  events.reduce(evolve, from);

const isQueueCommand = (command: Command): command is QueueCommand => command.type.startsWith("queue.");
const isQueueEvent = (event: MeetingEvent): event is QueueEvent => event.type.startsWith("queue.");

/** Parse an untrusted command; VALIDATION with the failing paths on error. */
export function parseCommand(input: unknown): Result<Command> {
  const parsed = Command.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail("VALIDATION", parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
}
