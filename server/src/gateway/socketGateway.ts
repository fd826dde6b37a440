// The thin socket gateway: authenticate the handshake, then register each connection's message
// handlers, every one through handler.ts (rate limit → authorize → parse → handle → acknowledge);
// after each committed batch, the first of the rooms' listeners (broadcast per audience, roster).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { coreError, type CoreError } from "../../../core/errors.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import { parseCommandMessage } from "../../../core/protocol.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PrivateAudio } from "../media/privateAudio.ts";
import { attachPrivateAudio, leavePrivateAudioOnDisconnect } from "../media/privateAudioSocket.ts";
import type { MediaRelay } from "../media/mediaRelay.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import type { MeetingRoom, RoomListener } from "../rooms/meetingRoom.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";
import { audienceOf, AUDIENCES, differsByAudience, syncFor } from "../../../core/audience.ts";
import { actingRole } from "../../../core/bargaining/chairing.ts";
import type { BallotBox } from "../polls/ballotBox.ts";
import { caucusAudio } from "../caucus/caucusAudioHandlers.ts";
import { attachCaucus } from "../caucus/caucusHandlers.ts";
import type { CaucusStore } from "../caucus/caucusStore.ts";
import { talkAudio } from "../mediation/session/talkAudioHandlers.ts";
import { attachSeparateTalks } from "../mediation/session/talkHandlers.ts";
import type { TalkStore } from "../mediation/session/talkStore.ts";
import type { MeetingState } from "../../../core/state.ts";
import { audienceRoom, connections, ended, roomOf, type GatewayRelay, type GatewayServer, type GatewaySocket } from "./connection.ts";
import { Greeter } from "./greeting.ts";
import { handlersOf, parseWith, type Handlers } from "./handler.ts";
import { identifyJoin, stillValid } from "./handshake.ts";
import { attachMedia } from "./mediaHandlers.ts";
import type { TurnConfig } from "../media/turnCredentials.ts";
import { attachPolls } from "./pollHandlers.ts";
import { Presence } from "./presence.ts";
import { attachRecordEditing, greetEditors, RecordEditing } from "./recordEditing.ts";
import { tokenBucket } from "./rateLimit.ts";
import { Devices, DISPLAY_SCREENS, RATE } from "./devices.ts";
import { followRoster } from "./rosterChanges.ts";
import { attachGroupEnter, type GroupEnterDeps } from "../groups/groupEnter.ts";

// The gateway's face to the rest of the server (links end connections); defined in its leaf module.
export { ended, type GatewayServer } from "./connection.ts";

const LastSeq = z.number().int().min(0).optional();
const parseSyncRequest = parseWith(z.object({ lastSeq: LastSeq }).strict());

const actorOf = (socket: GatewaySocket): Actor => ({ participantId: socket.data.me.id, role: socket.data.me.role });

export interface GatewayDeps {
  tokens: TokenService;
  meetings: MeetingStore;
  rooms: RoomRegistry;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  presenceGraceMs: number;
  /** After the server starts, no departure before this long (gateway/presence.ts). */
  presenceRestartGraceMs: number;
  /** Whether the media server can carry audio and video now. */
  mediaAvailable: () => boolean;
  /** The SDP relay to Janus while media is available (docs/media.md); undefined otherwise. */
  mediaRelay?: () => MediaRelay | undefined;
  /** The private audio rooms at Janus (caucuses, separate talks) while media is available (media/privateAudio.ts). */
  privateAudio?: () => PrivateAudio | undefined;
  /** TURN for the browsers (YST_TURN_URLS…; media.iceServers); undefined: none. */
  turn?: TurnConfig;
  ballots: BallotBox;
  /** The bargaining sides' private consultation notes (背靠背; server/src/caucus). */
  caucusNotes: CaucusStore;
  /** The mediation sessions' separate talks' notes and the mediators' findings (人民调解 背靠背; server/src/mediation/session). */
  talkNotes: TalkStore;
  /** Connections one participant may have at once (YST_MAX_DEVICES); a further one ends the oldest. */
  maxDevices: number;
  /** With several nodes: sockets of meetings owned elsewhere go to their owner, and those of this node's meetings held elsewhere come here (cluster/relay). */
  relay?: GatewayRelay;
  /** 分组讨论: `groups.enter` (groups/groupEnter.ts). */
  groups: Pick<GroupEnterDeps, "groupMeetings">;
  /** Told of each command once answered: its latency and outcome (observability/commandLog.ts). */
  commands?: CommandObserver;
}

/** A command as observed (no fields, no sender): its type, how long until acknowledged, and how it ended. */
export interface ObservedCommand {
  meetingId: string;
  type: string;
  seconds: number;
  /** ok: decided; refused: answered with an error code (`code`); error: failed (INTERNAL). */
  outcome: "ok" | "refused" | "error";
  code?: string;
}

export type CommandObserver = (command: ObservedCommand) => void;

export interface Gateway extends RoomListener {
  presence: Presence;
  /**
   * The rooms' first listener: committed events go out to everyone attached to the meeting, each
   * audience what it may see; then roster changes reach the open connections (rosterChanges.ts).
   */
  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void;
}

export function attachGateway(io: GatewayServer, deps: GatewayDeps): Gateway {
  io.use(async (socket, next) => {
    try {
      // The token is verified once, here; then the meeting's owner identifies the socket (another node's, with several).
      const verified = await deps.tokens.verify((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
      if (!verified.ok) return next(refusal(verified.error));
      const identified = (await deps.relay?.identify(socket, verified.value)) ?? (await identifyJoin(verified.value, deps.meetings.joins, deps.rooms));
      if (!identified.ok) return next(refusal(identified.error));
      socket.data = identified.value;
      next();
    } catch (error) {
      deps.log("handshake failed", error);
      next(refusal(coreError("INTERNAL")));
    }
  });

  const presence = new Presence(deps.rooms, { graceMs: deps.presenceGraceMs, restartGraceMs: deps.presenceRestartGraceMs }, deps.log);
  const editing = new RecordEditing();
  const devices = new Devices<GatewaySocket>(deps.now, (socket) => ended(socket, "TOO_MANY_DEVICES"));
  const greeter = new Greeter(io, { rooms: deps.rooms, joins: deps.meetings.joins, ballots: deps.ballots, mediaAvailable: deps.mediaAvailable });
  const shared = { presence, editing, devices, greeter };
  io.on("connection", (socket) => {
    if (!deps.relay?.relays(socket)) onConnection(socket, deps, shared);
  });
  deps.relay?.serve((socket) => onConnection(socket, deps, shared));
  return {
    presence,
    committed: (meetingId, events, state) => {
      broadcast(io, meetingId, events, state);
      followRoster({ editing, mediaAvailable: deps.mediaAvailable, connections: () => connections(io, deps.relay) }, meetingId, events, state);
    },
  };
}

/** Poll results before publication and the clerk's notes reach only those who may see them (core/audience.ts). */
function broadcast(io: GatewayServer, meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
  if (differsByAudience(events)) {
    for (const audience of AUDIENCES) {
      const sync = syncFor({ kind: "events", events: [...events] }, audience, state);
      if (sync.kind === "events") io.to(audienceRoom(meetingId, audience)).emit("events", sync.events);
      else io.to(audienceRoom(meetingId, audience)).emit("sync", sync);
    }
  } else io.to(roomOf(meetingId)).emit("events", [...events]);
}

/** socket.io hands `data` of a middleware error to the client's connect_error. */
function refusal(error: CoreError): Error {
  return Object.assign(new Error(error.code), { data: error });
}

/** What all connections of the gateway share. */
interface Shared {
  presence: Presence;
  editing: RecordEditing;
  devices: Devices<GatewaySocket>;
  greeter: Greeter;
}

function onConnection(socket: GatewaySocket, deps: GatewayDeps, { presence, editing, devices, greeter }: Shared): void {
  // Who the person is (role, side…) is read per message: a roster change updates socket.data.me (rosterChanges.ts).
  const { meetingId, me, display } = socket.data;
  // One person's connections share one rate limit. The room's screens (all on its display link,
  // or its venue link) are limited in number but each keeps its own: screens renegotiating video
  // together must not starve each other.
  const shared = devices.connected(me.id, socket, display ? DISPLAY_SCREENS : deps.maxDevices);
  socket.on("disconnect", () => devices.disconnected(me.id, socket));
  const allow = display ? tokenBucket(RATE.perSecond, RATE.burst, deps.now) : shared;
  const room = deps.rooms.local(meetingId);

  // Handlers are registered before anything is awaited, so nothing the client sends right
  // after connecting is dropped; each one answers INTERNAL rather than letting a failure escape.
  const handlers = handlersOf(socket, allow, deps.log);
  attachMeeting(handlers, socket, room, deps.commands);
  socket.on("time.sync", (ack) => {
    if (typeof ack === "function") ack({ serverTime: deps.now() });
  });
  attachMedia(handlers, socket, deps, room);
  attachPolls(handlers, socket, deps.ballots, room);
  attachCaucus(handlers, socket, { notes: deps.caucusNotes, now: deps.now, newId: randomUUID }, room);
  attachSeparateTalks(handlers, socket, { notes: deps.talkNotes, now: deps.now, newId: randomUUID }, room);
  const privateAudio = { privateAudio: () => deps.privateAudio?.(), log: deps.log };
  attachPrivateAudio(handlers, socket, privateAudio, room, caucusAudio);
  attachPrivateAudio(handlers, socket, privateAudio, room, talkAudio);
  leavePrivateAudioOnDisconnect(socket, privateAudio);
  attachRecordEditing(handlers, socket, editing);
  attachGroupEnter(handlers, socket, { tokens: deps.tokens, joins: deps.meetings.joins, groupMeetings: deps.groups.groupMeetings }, room);

  const lastSeq = LastSeq.safeParse((socket.handshake.auth as Record<string, unknown>).lastSeq);
  greeter
    .greet(socket, lastSeq.success ? lastSeq.data : undefined)
    .then(async (greeted) => {
      if (!greeted) return;
      // A link revoked while this socket was in the handshake: its revocation could not reach it.
      if (!(await stillValid(socket.data, deps.meetings.joins))) return ended(socket, "LINK_REVOKED");
      greetEditors(socket, editing);
      // The room's screens and staff entered from the admin app are not attendance.
      if (display || socket.data.staff || socket.disconnected) return;
      presence.adopt(await room);
      presence.connected(meetingId, me.id);
      socket.on("disconnect", () => presence.disconnected(meetingId, me.id));
    })
    .catch((error: unknown) => {
      deps.log("connection set-up failed", error);
      socket.disconnect(true);
    });
}

/** command and sync.request: the meeting's room actor decides, and catches a connection up. */
function attachMeeting(handlers: Handlers, socket: GatewaySocket, room: Promise<MeetingRoom>, observe: CommandObserver | undefined): void {
  const { display } = socket.data;
  handlers.on("command", {
    name: ({ command }) => `command ${command.type}`,
    authorize: () => !display,
    parse: parseCommandMessage,
    // A resend with the same cid is answered as the first send was (MeetingRoom.submit).
    handle: async ({ command, cid }) => {
      const started = performance.now();
      let outcome: Pick<ObservedCommand, "outcome" | "code"> = { outcome: "error" };
      try {
        const result = await (await room).submit(actorOf(socket), command, cid);
        outcome = result.ok ? { outcome: "ok" } : { outcome: "refused", code: result.error.code };
        return result.ok ? { ok: true, seq: result.value.seq } : { ok: false, error: result.error };
      } finally {
        observe?.({ meetingId: socket.data.meetingId, type: command.type, seconds: (performance.now() - started) / 1000, ...outcome });
      }
    },
  });

  handlers.on("sync.request", {
    name: "sync.request",
    parse: parseSyncRequest,
    // Answered inside the room's turn: no event committed after the catch-up can overtake it.
    handle: async ({ lastSeq }, answer) => {
      await (
        await room
      ).catchUp((state, missed) => answer({ ok: true, sync: syncFor(missed(lastSeq), audienceOf(actingRole(state, socket.data.me), display), state) }));
    },
  });
}
