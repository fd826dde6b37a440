// The thin socket gateway: authenticate the handshake, then per message
// rate limit → parse → dispatch to the meeting's room actor → acknowledge.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { coreError, type CoreError, type ErrorCode } from "../../../core/errors.ts";
import { parseCommand, type StoredEvent } from "../../../core/meeting.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents, Welcome } from "../../../core/protocol.ts";
import { audibleParticipants, shownParticipants, VENUE_ID } from "../../../core/media/audible.ts";
import { SPEAKING_ROLES, type Actor } from "../../../core/roles.ts";
import { MediaError, type MediaPeer, type MediaRelay } from "../media/mediaRelay.ts";
import { checkSdp } from "../media/sdp.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import type { MeetingRoom, RoomRegistry } from "../rooms/meetingRoom.ts";
import { audienceOf, syncFor, type Audience } from "../../../core/audience.ts";
import type { BallotBox } from "../polls/ballotBox.ts";
import type { MeetingState, RosterEntry } from "../../../core/state.ts";
import { Greeter } from "./greeting.ts";
import { identify, stillValid, type Connected } from "./handshake.ts";
import { attachPolls } from "./pollHandlers.ts";
import { Presence } from "./presence.ts";
import { attachRecordEditing, greetEditors, RecordEditing } from "./recordEditing.ts";
import { tokenBucket } from "./rateLimit.ts";
import { Devices, DISPLAY_SCREENS, RATE } from "./devices.ts";
import { followRoster } from "./rosterChanges.ts";

/** `welcome`: what the connection was last greeted with (set once greeted; rosterChanges.ts greets it again). */
type SocketData = Connected & { welcome?: Welcome };

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const roomOf = (meetingId: string): string => `meeting:${meetingId}`;

const LastSeq = z.number().int().min(0).optional();

export const participantRoom = (participantId: string): string => `participant:${participantId}`;
/**
 * The connections of one audience (core/audience.ts): the staff (chair and clerk) see poll
 * results at the close and the clerk's notes; attendees (members, officials, observers) see the
 * notes when the record is shared; the room display never.
 */
export const audienceRoom = (meetingId: string, audience: Audience): string => `meeting:${meetingId}:${audience}`;
export const staffRoom = (meetingId: string): string => audienceRoom(meetingId, "staff");
/** The chair's connections (a named poll's live tally shown to the chair only). */
export const chairRoom = (meetingId: string): string => `meeting:${meetingId}:chair`;

/** The broadcast groups of a connection: its meeting, its person, its audience, and the chair's. */
export function roomsOf(meetingId: string, me: RosterEntry, display: boolean): string[] {
  const rooms = [roomOf(meetingId), participantRoom(me.id), audienceRoom(meetingId, audienceOf(me.role, display))];
  if (me.role === "chair" && !display) rooms.push(chairRoom(meetingId));
  return rooms;
}

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
  ballots: BallotBox;
  /** Connections one participant may have at once (YST_MAX_DEVICES); a further one ends the oldest. */
  maxDevices: number;
}

const SdpRequest = z.object({ sdp: z.unknown() }).strict();
const EmptyRequest = z.object({}).strict().optional();
/** `audioOnly`: weak connections receive no video at all (docs/protocol.md, media.subscribe). */
const SubscribeRequest = z.object({ audioOnly: z.boolean().optional() }).strict().optional();

export interface Gateway {
  presence: Presence;
  /** Committed events of a meeting (the rooms' broadcast hook, after they went out): roster changes reach open connections. */
  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void;
}

export function attachGateway(io: GatewayServer, deps: GatewayDeps): Gateway {
  io.use(async (socket, next) => {
    try {
      const identified = await identify((socket.handshake.auth as Record<string, unknown> | undefined)?.token, deps.tokens, deps.meetings.joins, deps.rooms);
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
  io.on("connection", (socket) => onConnection(socket, deps, presence, editing, devices, greeter));
  return { presence, committed: (meetingId, events, state) => followRoster(io, { editing, mediaAvailable: deps.mediaAvailable }, meetingId, events, state) };
}

/** socket.io hands `data` of a middleware error to the client's connect_error. */
function refusal(error: CoreError): Error {
  return Object.assign(new Error(error.code), { data: error });
}

/** Ends a connection, saying why first (`connection.ended`): the client shows it and does not reconnect. */
export function ended(socket: GatewaySocket, code: ErrorCode): void {
  socket.emit("connection.ended", coreError(code));
  socket.disconnect(true);
}

function onConnection(socket: GatewaySocket, deps: GatewayDeps, presence: Presence, editing: RecordEditing, devices: Devices<GatewaySocket>, greeter: Greeter): void {
  // Who the person is (role, side…) is read per message: a roster change updates socket.data.me (rosterChanges.ts).
  const { meetingId, me, display } = socket.data;
  // One person's connections share one rate limit. The room's screens (all on its display link,
  // or its venue link) are limited in number but each keeps its own: screens renegotiating video
  // together must not starve each other.
  const shared = devices.connected(me.id, socket, display ? DISPLAY_SCREENS : deps.maxDevices);
  socket.on("disconnect", () => devices.disconnected(me.id, socket));
  const allow = display ? tokenBucket(RATE.perSecond, RATE.burst, deps.now) : shared;
  const room = deps.rooms.get(meetingId);

  // Handlers are registered before anything is awaited, so nothing the client sends right
  // after connecting is dropped; each one answers INTERNAL rather than letting a failure escape.
  socket.on("command", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    if (display) return ack(failure("FORBIDDEN"));
    const command = parseCommand(input);
    if (!command.ok) return ack({ ok: false, error: command.error });
    try {
      const result = await (await room).submit(actorOf(socket), command.value);
      ack(result.ok ? { ok: true, seq: result.value.seq } : { ok: false, error: result.error });
    } catch (error) {
      deps.log(`command ${command.value.type} failed`, error);
      ack(failure("INTERNAL"));
    }
  });

  socket.on("time.sync", (ack) => {
    if (typeof ack === "function") ack({ serverTime: deps.now() });
  });

  socket.on("sync.request", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    const parsed = z.object({ lastSeq: LastSeq }).strict().safeParse(input);
    if (!parsed.success) return ack(failure("VALIDATION"));
    try {
      await (await room).catchUp((state, missed) => ack({ ok: true, sync: syncFor(missed(parsed.data.lastSeq), audienceOf(socket.data.me.role, display), state) }));
    } catch (error) {
      deps.log("sync.request failed", error);
      ack(failure("INTERNAL"));
    }
  });

  attachMedia(socket, deps, room, allow);
  attachPolls(socket, deps.ballots, room, allow, deps.log);
  attachRecordEditing(socket, editing, allow, deps.log);

  const lastSeq = LastSeq.safeParse((socket.handshake.auth as Record<string, unknown>).lastSeq);
  greeter
    .greet(socket, lastSeq.success ? lastSeq.data : undefined)
    .then(async (greeted) => {
      if (!greeted) return;
      // A link revoked while this socket was in the handshake: its revocation could not reach it.
      if (!(await stillValid(socket.data, deps.meetings.joins))) return ended(socket, "LINK_REVOKED");
      greetEditors(socket, editing);
      if (display || socket.disconnected) return;
      presence.adopt(await room);
      presence.connected(meetingId, me.id);
      socket.on("disconnect", () => presence.disconnected(meetingId, me.id));
    })
    .catch((error: unknown) => {
      deps.log("connection set-up failed", error);
      socket.disconnect(true);
    });
}

/** media.*: the SDP relay. Errors answer only the asking socket; nobody else is affected. */
function attachMedia(socket: GatewaySocket, deps: GatewayDeps, room: Promise<MeetingRoom>, allow: () => boolean): void {
  const { meetingId, me, display, venue } = socket.data;
  // Every display is in the room, so it never receives the room's own feed (no echo); only the
  // venue terminal's token lets it publish as the room (会场): its microphone mix and camera.
  const peer: MediaPeer = { participantId: display ? VENUE_ID : me.id, connectionId: socket.id };
  const mayPublish = () => venue || socket.data.me.role === "chair" || SPEAKING_ROLES.includes(socket.data.me.role);
  const audible = async () => audibleParticipants((await room).current);
  const relay = () => (deps.mediaAvailable() ? deps.mediaRelay?.() : undefined);
  const run = async <T>(name: string, ack: (result: Ack<T>) => void, work: (relay: MediaRelay) => Promise<T>): Promise<void> => {
    const current = relay();
    if (!current) return ack(failure("MEDIA_UNAVAILABLE"));
    try {
      ack({ ok: true, ...(await work(current)) });
    } catch (error) {
      if (error instanceof MediaError) return ack(failure(error.code));
      // Janus refused the SDP: core JSEP errors 463–465 (unknown type, invalid SDP), VideoRoom
      // errors 429–437 (missing/invalid element, invalid SDP…). Only this socket hears of it.
      const code = (error as { _code?: unknown })._code ?? Number(/^(\d{3}) /.exec(String((error as Error).message))?.[1]);
      if (typeof code === "number" && ((code >= 429 && code <= 437) || (code >= 463 && code <= 465))) return ack(failure("VALIDATION"));
      // 428: a feed went away in the meantime (its browser hung up); ask again.
      if (code === 428) return ack(failure("NOT_FOUND"));
      deps.log(`${name} failed`, error);
      ack(failure("INTERNAL"));
    }
  };

  socket.on("media.publish", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    if (!mayPublish()) return ack(failure("FORBIDDEN"));
    const parsed = SdpRequest.safeParse(input);
    const offer = parsed.success ? checkSdp(parsed.data.sdp) : null;
    if (!offer) return ack(failure("VALIDATION"));
    await run("media.publish", ack, async (r) => ({ sdp: await r.publish(meetingId, peer, offer, await audible()) }));
  });

  socket.on("media.subscribe", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    // Malformed requests are refused before the media server is consulted (as for media.publish).
    const parsed = SubscribeRequest.safeParse(input);
    if (!parsed.success) return ack(failure("VALIDATION"));
    await run("media.subscribe", ack, async (r) => r.subscribe(meetingId, peer, { shown: shownParticipants((await room).current), audible: await audible() }, { audioOnly: parsed.data?.audioOnly }));
  });

  socket.on("media.answer", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    const parsed = SdpRequest.safeParse(input);
    const answer = parsed.success ? checkSdp(parsed.data.sdp) : null;
    if (!answer) return ack(failure("VALIDATION"));
    await run("media.answer", ack, async (r) => {
      await r.answer(meetingId, peer.connectionId, answer.sdp);
      return {};
    });
  });

  socket.on("media.leave", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!EmptyRequest.safeParse(input).success) return ack(failure("VALIDATION"));
    await run("media.leave", ack, async (r) => {
      await r.leave(meetingId, peer);
      return {};
    });
  });

  socket.on("disconnect", () => {
    void deps.mediaRelay?.()?.leave(meetingId, peer).catch((error: unknown) => deps.log("media leave on disconnect failed", error));
  });
}

const failure = (code: ErrorCode): { ok: false; error: CoreError } => ({ ok: false, error: coreError(code) });
