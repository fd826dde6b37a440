// The mediation session (人民调解): separate talks (背靠背) between the mediators and one party,
// started and ended by the chair (主持调解员) or a mediator; the parties' positions, stated in the
// joint session only (never during a separate talk, when one party is not in the room).
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { notOpen, type MeetingState } from "../state.ts";
import { isMediatorRole, isParty } from "./roles.ts";
import type { MediationCommand } from "./schema.ts";

export function decideMediation(state: MeetingState, command: MediationCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  if (state.kind !== "mediation") return fail("NOT_MEDIATION");
  const by = actor.participantId;
  const talk = state.mediation.talk;
  switch (command.type) {
    case "mediation.startSeparateTalk": {
      if (!isMediatorRole(actor.role)) return fail("NOT_MEDIATOR");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (talk) return fail("SEPARATE_TALK_RUNNING");
      const party = state.roster.find((entry) => entry.id === command.partyId);
      if (!party) return fail("NOT_FOUND");
      if (!isParty(party)) return fail("NOT_PARTY");
      return ok([{ type: "mediation.separateTalkStarted", partyId: party.id, by, at: now }]);
    }
    case "mediation.endSeparateTalk": {
      if (!isMediatorRole(actor.role)) return fail("NOT_MEDIATOR");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (!talk) return fail("NO_SEPARATE_TALK");
      return ok([{ type: "mediation.separateTalkEnded", partyId: talk.partyId, by, at: now }]);
    }
    case "mediation.statePosition": {
      if (actor.role !== "member" || !isParty(state.roster.find((entry) => entry.id === by))) return fail("NOT_PARTY");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (talk) return fail("SEPARATE_TALK_RUNNING");
      return ok([{ type: "mediation.positionStated", partyId: by, text: command.text, at: now }]);
    }
  }
}
