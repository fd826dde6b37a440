// poll.vote / poll.paper / poll.mine / poll.audit: ballots bypass the command path and go to the
// ballot box, which acknowledges each one only after it is stored.
import { z } from "zod";
import { audienceOf } from "../../../core/audience.ts";
import { actingRole } from "../../../core/bargaining/chairing.ts";
import { coreError, fail, ok } from "../../../core/errors.ts";
import { BallotInput, PaperBallotInput } from "../../../core/poll/schema.ts";
import type { BallotBox } from "../polls/ballotBox.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import type { GatewaySocket } from "./connection.ts";
import { parseWith, type Handlers } from "./handler.ts";

const parseAudit = parseWith(z.object({ pollId: z.string().min(1).max(64) }).strict());
const parseEmpty = parseWith(z.object({}).strict().optional());

/** A ballot (or a paper ballot), or VALIDATION naming the first few problems. */
const ballotParser =
  <T>(schema: z.ZodType<T>) =>
  (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return ok(parsed.data);
    return fail<T>(
      "VALIDATION",
      parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  };
const parseBallot = ballotParser(BallotInput);
const parsePaper = ballotParser(PaperBallotInput);

export function attachPolls(handlers: Handlers, socket: GatewaySocket, box: BallotBox, room: Promise<MeetingRoom>): void {
  const { meetingId, me, display } = socket.data;
  // The room display watches polls; it never takes part.
  const authorize = () => !display;

  handlers.on("poll.vote", {
    name: "poll.vote",
    // Staff entered from the admin app are on no eligible list: refused before the ballot box.
    authorize: () => !display && !socket.data.staff,
    parse: parseBallot,
    handle: async (ballot) => {
      const outcome = await box.vote(meetingId, me.id, ballot);
      return outcome.ok ? { ok: true, ...outcome.value } : outcome;
    },
  });

  handlers.on("poll.paper", {
    name: "poll.paper",
    // 纸质票 are entered by the chair or the clerk (the role as it is now), never by members or the display;
    // in a bargaining session by the presiding chief (checked against the meeting as it is when it arrives).
    authorize: () => !display && (socket.data.me.role === "chair" || socket.data.me.role === "clerk" || socket.data.me.chief),
    parse: parsePaper,
    handle: async (ballot) => {
      const role = actingRole((await room).current, socket.data.me);
      if (role !== "chair" && role !== "clerk") return { ok: false as const, error: coreError("FORBIDDEN") };
      const outcome = await box.paper(meetingId, ballot);
      return outcome.ok ? { ok: true, ...outcome.value } : outcome;
    },
  });

  handlers.on("poll.mine", {
    name: "poll.mine",
    authorize,
    parse: parseEmpty,
    handle: async () => ({ ok: true, ballots: await box.mine((await room).current, me.id) }),
  });

  handlers.on("poll.audit", {
    name: "poll.audit",
    authorize,
    parse: parseAudit,
    handle: async ({ pollId }) => {
      // The role as it is now: the organisers may change it during the meeting (rosterChanges.ts).
      const state = (await room).current;
      const audit = await box.audit(state, pollId, audienceOf(actingRole(state, socket.data.me), display));
      return audit.ok ? { ok: true, ...audit.value } : audit;
    },
  });
}
