// The thin socket gateway: authenticate the handshake, then per message
// rate limit → parse → dispatch to the meeting's room actor → acknowledge.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { coreError, type CoreError, type ErrorCode } from "../core/errors.ts";
import { parseCommand } from "../core/meeting.ts";
import type { ClientToServerEvents, ServerToClientEvents, Welcome } from "../core/protocol.ts";
import type { Actor } from "../core/roles.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { MeetingRepository, ParticipantInfo } from "../meetings/meetingRepository.ts";
import type { MeetingRoom, RoomRegistry } from "../rooms/meetingRoom.ts";
import { tokenBucket } from "./rateLimit.ts";

interface SocketData {
  meetingId: string;
  participant: ParticipantInfo;
}

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const roomOf = (meetingId: string): string => `meeting:${meetingId}`;

const LastSeq = z.number().int().min(0).optional();

export interface GatewayDeps {
  tokens: TokenService;
  meetings: MeetingRepository;
  rooms: RoomRegistry;
  now: () => number;
  log: (message: string, error?: unknown) => void;
}

export function attachGateway(io: GatewayServer, deps: GatewayDeps): void {
  io.use(async (socket, next) => {
    try {
      const error = await authenticate(socket, deps);
      next(error ? refusal(error) : undefined);
    } catch (error) {
      deps.log("handshake failed", error);
      next(refusal(coreError("INTERNAL")));
    }
  });

  io.on("connection", (socket) => onConnection(socket, deps));
}

async function authenticate(socket: GatewaySocket, deps: GatewayDeps): Promise<CoreError | null> {
  const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
  const verified = await deps.tokens.verify(auth.token);
  if (!verified.ok) return verified.error;
  const participant = await deps.meetings.participant(verified.value.participantId);
  if (!participant || participant.meetingId !== verified.value.meetingId) return coreError("NOT_FOUND");
  const { meetingId, ...info } = participant;
  socket.data = { meetingId, participant: info };
  return null;
}

/** socket.io hands `data` of a middleware error to the client's connect_error. */
function refusal(error: CoreError): Error {
  return Object.assign(new Error(error.code), { data: error });
}

function onConnection(socket: GatewaySocket, deps: GatewayDeps): void {
  const { meetingId, participant } = socket.data;
  const actor: Actor = { participantId: participant.id, role: participant.role };
  const allow = tokenBucket(10, 20, deps.now);
  const room = deps.rooms.get(meetingId);

  // Handlers are registered before anything is awaited, so nothing the client sends right
  // after connecting is dropped; each one answers INTERNAL rather than letting a failure escape.
  socket.on("command", async (input, ack) => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    const command = parseCommand(input);
    if (!command.ok) return ack({ ok: false, error: command.error });
    try {
      const result = await (await room).submit(actor, command.value);
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
      await (await room).catchUp(parsed.data.lastSeq, (sync) => ack({ ok: true, sync }));
    } catch (error) {
      deps.log("sync.request failed", error);
      ack(failure("INTERNAL"));
    }
  });

  greet(socket, deps, room).catch((error: unknown) => {
    deps.log("connection set-up failed", error);
    socket.disconnect(true);
  });
}

/** Sends welcome, then the catch-up, joining the broadcast group in the same actor turn. */
async function greet(socket: GatewaySocket, deps: GatewayDeps, room: Promise<MeetingRoom>): Promise<void> {
  const { meetingId, participant } = socket.data;
  const welcome: Welcome = {
    meeting: (await deps.meetings.find(meetingId)) ?? { id: meetingId, title: "" },
    me: participant,
    participants: await deps.meetings.roster(meetingId),
  };
  socket.emit("welcome", welcome);
  const lastSeq = LastSeq.safeParse((socket.handshake.auth as Record<string, unknown>).lastSeq);
  await (await room).catchUp(lastSeq.success ? lastSeq.data : undefined, (sync) => {
    if (socket.disconnected) return;
    void socket.join(roomOf(meetingId));
    socket.emit("sync", sync);
  });
}

const failure = (code: ErrorCode): { ok: false; error: CoreError } => ({ ok: false, error: coreError(code) });
