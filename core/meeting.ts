// The meeting core: decide(state, command, ctx) → events | error, evolve(state, event) → state.
// Pure and deterministic; shared by the server (room actor) and the browser (same reducer).
// One folder per capability, each with its schema, decide and evolve.
import { z } from "zod";
import { decideAgenda } from "./agenda/decide.ts";
import { evolveAgenda } from "./agenda/evolve.ts";
import { AgendaCommand, AgendaEvent } from "./agenda/schema.ts";
import { decideBargaining } from "./bargaining/decide.ts";
import { evolveBargaining } from "./bargaining/evolve.ts";
import { presidingActor } from "./bargaining/chairing.ts";
import { BargainingCommand, BargainingEvent } from "./bargaining/schema.ts";
import { decideMediation } from "./mediation/decide.ts";
import { evolveMediation } from "./mediation/evolve.ts";
import { MediationCommand, MediationEvent } from "./mediation/schema.ts";
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
import { decideGroups } from "./groups/decide.ts";
import { evolveGroups } from "./groups/evolve.ts";
import { GroupsCommand, GroupsEvent } from "./groups/schema.ts";
import { decideInterpretation } from "./interpretation/decide.ts";
import { evolveInterpretation } from "./interpretation/evolve.ts";
import { InterpretationCommand, InterpretationEvent } from "./interpretation/schema.ts";
import { evolveRecord } from "./record/evolve.ts";
import { RecordCommand, RecordEvent } from "./record/schema.ts";
import { evolvePoll } from "./poll/evolve.ts";
import { decideTranscript } from "./transcript/decide.ts";
import { evolveTranscript } from "./transcript/evolve.ts";
import { TranscriptCommand, TranscriptEvent } from "./transcript/schema.ts";
import { PollCommand, PollEvent } from "./poll/schema.ts";
import { initialState, type MeetingState } from "./state.ts";
import { decideVenue } from "./venue/decide.ts";
import { evolveVenue } from "./venue/evolve.ts";
import { VenueCommand, VenueEvent } from "./venue/schema.ts";

/**
 * The meeting's capabilities: each one's commands and events, as its schema.ts lists them. This
 * is the one list of them: Command, MeetingEvent, COMMAND_TYPES and the routing of decide and
 * evolve are derived from it, so a new command is one entry in its capability's schema plus its
 * case in that capability's decide (and a new capability one line here and one in HANDLERS).
 */
const CAPABILITIES = {
  queue: { commands: QueueCommand, events: QueueEvent },
  floor: { commands: FloorCommand, events: FloorEvent },
  lifecycle: { commands: LifecycleCommand, events: LifecycleEvent },
  agenda: { commands: AgendaCommand, events: AgendaEvent },
  attendance: { commands: AttendanceCommand, events: AttendanceEvent },
  config: { commands: ConfigCommand, events: ConfigEvent },
  venue: { commands: VenueCommand, events: VenueEvent },
  interpretation: { commands: InterpretationCommand, events: InterpretationEvent },
  plan: { commands: PlanCommand, events: PlanEvent },
  interjection: { commands: InterjectionCommand, events: InterjectionEvent },
  poll: { commands: PollCommand, events: PollEvent },
  record: { commands: RecordCommand, events: RecordEvent },
  transcript: { commands: TranscriptCommand, events: TranscriptEvent },
  bargaining: { commands: BargainingCommand, events: BargainingEvent },
  mediation: { commands: MediationCommand, events: MediationEvent },
  groups: { commands: GroupsCommand, events: GroupsEvent },
} as const;
type Capability = keyof typeof CAPABILITIES;
type Capabilities = (typeof CAPABILITIES)[Capability];

type CommandOption = Capabilities["commands"]["options"][number];
type EventOption = Capabilities["events"]["options"][number];
const commandOptions = Object.values(CAPABILITIES).flatMap<CommandOption>((c) => c.commands.options) as [CommandOption, ...CommandOption[]];
const eventOptions = Object.values(CAPABILITIES).flatMap<EventOption>((c) => c.events.options) as [EventOption, ...EventOption[]];

export const Command = z.discriminatedUnion("type", commandOptions);
export type Command = z.infer<typeof Command>;

export const MeetingEvent = z.discriminatedUnion("type", eventOptions);
export type MeetingEvent = z.infer<typeof MeetingEvent>;

/** Every command's type, in the capabilities' order. */
export const COMMAND_TYPES: readonly Command["type"][] = Command.options.map((option) => option.shape.type.value);

/** An event as stored in the log and sent to clients. */
export interface StoredEvent {
  seq: number;
  at: number;
  actorId: string | null;
  event: MeetingEvent;
  /**
   * On each event of a command's batch, the command id its sender gave (protocol.ts
   * CommandMessage): a resend of that command by the same actor is answered from the log with
   * the seq of the batch's last event (a run of events with the same actor and cid is one batch).
   */
  cid?: string;
}

type Decide = (state: MeetingState, command: Command, ctx: DecideContext) => Result<MeetingEvent[]>;
type Evolve = (state: MeetingState, event: MeetingEvent) => MeetingState;

/** Each capability's decide (its own commands in, events out) and evolve (its own events). */
const HANDLERS: {
  [K in Capability]: {
    decide: (state: MeetingState, command: z.infer<(typeof CAPABILITIES)[K]["commands"]>, ctx: DecideContext) => Result<MeetingEvent[]>;
    evolve: (state: MeetingState, event: z.infer<(typeof CAPABILITIES)[K]["events"]>) => MeetingState;
  };
} = {
  queue: { decide: decideQueue, evolve: evolveQueue },
  floor: { decide: decideFloor, evolve: evolveFloor },
  lifecycle: { decide: decideLifecycle, evolve: evolveLifecycle },
  agenda: { decide: decideAgenda, evolve: evolveAgenda },
  attendance: { decide: decideAttendance, evolve: evolveAttendance },
  config: { decide: decideConfig, evolve: evolveConfig },
  venue: { decide: decideVenue, evolve: evolveVenue },
  interpretation: { decide: decideInterpretation, evolve: evolveInterpretation },
  plan: { decide: decidePlan, evolve: evolvePlan },
  interjection: { decide: decideInterjection, evolve: evolveInterjection },
  poll: { decide: decidePoll, evolve: evolvePoll },
  record: { decide: decideRecord, evolve: evolveRecord },
  transcript: { decide: decideTranscript, evolve: evolveTranscript },
  bargaining: { decide: decideBargaining, evolve: evolveBargaining },
  mediation: { decide: decideMediation, evolve: evolveMediation },
  groups: { decide: decideGroups, evolve: evolveGroups },
};

// Routing by type, read off the schemas: a command (event) goes to the capability whose schema
// lists it. The casts are sound because each handler is only ever called with its own types.
const DECIDE = new Map<string, Decide>();
const EVOLVE = new Map<string, Evolve>();
for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
  const { commands, events } = CAPABILITIES[capability];
  for (const option of commands.options) DECIDE.set(option.shape.type.value, HANDLERS[capability].decide as Decide);
  for (const option of events.options) EVOLVE.set(option.shape.type.value, HANDLERS[capability].evolve as Evolve);
}

/** A command's events, or its refusal. In a bargaining meeting the presiding chief holds the chair's powers (bargaining/chairing.ts). */
export function decide(state: MeetingState, command: Command, ctx: DecideContext): Result<MeetingEvent[]> {
  return route(DECIDE, command.type)(state, command, { ...ctx, actor: presidingActor(state, ctx.actor) });
}

export function evolve(state: MeetingState, stored: StoredEvent): MeetingState {
  return { ...route(EVOLVE, stored.event.type)(state, stored.event), seq: stored.seq };
}

function route<F>(table: ReadonlyMap<string, F>, type: string): F {
  const handler = table.get(type);
  if (handler === undefined) throw new Error(`no capability handles ${type}`);
  return handler;
}

export const replay = (events: readonly StoredEvent[], from: MeetingState = initialState()): MeetingState => events.reduce(evolve, from);

/** Parse an untrusted command; VALIDATION with the failing paths on error. */
export function parseCommand(input: unknown): Result<Command> {
  const parsed = Command.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return fail(
    "VALIDATION",
    parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
  );
}
