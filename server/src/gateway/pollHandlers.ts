// poll.vote / poll.mine / poll.audit: ballots bypass the command path and go to the ballot box,
// which acknowledges each one only after it is stored.
import { z } from "zod";
import { audienceOf } from "../../../core/audience.ts";
import { coreError, type CoreError, type ErrorCode } from "../../../core/errors.ts";
import { BallotInput } from "../../../core/poll/schema.ts";
import type { Ack } from "../../../core/protocol.ts";
import type { BallotBox } from "../polls/ballotBox.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import type { GatewaySocket } from "./socketGateway.ts";

const AuditRequest = z.object({ pollId: z.string().min(1).max(64) }).strict();
const EmptyRequest = z.object({}).strict().optional();

export function attachPolls(socket: GatewaySocket, box: BallotBox, room: Promise<MeetingRoom>, allow: () => boolean, log: (message: string, error?: unknown) => void): void {
  const { meetingId, me, display } = socket.data;
  const guard = async <T>(name: string, ack: (result: Ack<T>) => void, work: () => Promise<Ack<T>>): Promise<void> => {
    if (typeof ack !== "function") return;
    if (!allow()) return ack(failure("RATE_LIMITED"));
    if (display) return ack(failure("FORBIDDEN"));
    try {
      ack(await work());
    } catch (error) {
      log(`${name} failed`, error);
      ack(failure("INTERNAL"));
    }
  };

  socket.on("poll.vote", (input, ack) =>
    guard("poll.vote", ack, async () => {
      const parsed = BallotInput.safeParse(input);
      if (!parsed.success) return { ok: false, error: coreError("VALIDATION", parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)) };
      const outcome = await box.vote(meetingId, me.id, parsed.data);
      return outcome.ok ? { ok: true, ...outcome.value } : outcome;
    }),
  );

  socket.on("poll.mine", (input, ack) =>
    guard("poll.mine", ack, async () => {
      if (!EmptyRequest.safeParse(input).success) return failure("VALIDATION");
      return { ok: true, ballots: await box.mine((await room).current, me.id) };
    }),
  );

  socket.on("poll.audit", (input, ack) =>
    guard("poll.audit", ack, async () => {
      const parsed = AuditRequest.safeParse(input);
      if (!parsed.success) return failure("VALIDATION");
      // The role as it is now: the organisers may change it during the meeting (rosterChanges.ts).
      const audit = await box.audit((await room).current, parsed.data.pollId, audienceOf(socket.data.me.role, display));
      return audit.ok ? { ok: true, ...audit.value } : audit;
    }),
  );
}

const failure = (code: ErrorCode): { ok: false; error: CoreError } => ({ ok: false, error: coreError(code) });
