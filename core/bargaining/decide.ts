// The bargaining session (工资集体协商): clauses on the table, offers and counter-offers (报价 /
// 还价) by either side, acceptance by the sides' chiefs (首席代表) and agreement when both
// accepted the same wording; the chair alternating between the chiefs; each side's private
// consultations (背靠背: only the fact and the times); suspension (中止, §34) and resumption.
import type { RosterEntry } from "../config/schema.ts";
import type { DecideContext } from "../context.ts";
import { fail, ok, type ErrorCode, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { notOpen, type MeetingState } from "../state.ts";
import { chiefOf, presidingChief } from "./chairing.ts";
import { otherSide, type BargainingCommand, type Clause, type Offer, type Side } from "./schema.ts";

/** A side's current offer on a clause: its latest one. */
export const currentOffer = (clause: Clause, side: Side): Offer | null => clause.offers.findLast((offer) => offer.side === side) ?? null;

const entryOf = (state: MeetingState, actor: Actor): RosterEntry | undefined => state.roster.find((entry) => entry.id === actor.participantId);

/** The side the actor's chief (首席代表) seat belongs to, or null when they are no chief. */
const chiefSide = (state: MeetingState, actor: Actor): Side | null => {
  const entry = entryOf(state, actor);
  return entry?.chief && entry.side !== null ? entry.side : null;
};

const isPresiding = (state: MeetingState, actor: Actor): boolean => presidingChief(state)?.id === actor.participantId;

export function decideBargaining(state: MeetingState, command: BargainingCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  if (state.kind !== "bargaining") return fail("NOT_BARGAINING");
  const by = actor.participantId;
  /** The checks every command shares once authorised: the meeting open, and (for the table's business) not suspended. */
  const sessionRefusal = (table: boolean): ErrorCode | null => notOpen(state) ?? (table && state.bargaining.suspension ? "SESSION_SUSPENDED" : null);
  switch (command.type) {
    case "bargaining.addClause": {
      if (!isPresiding(state, actor) && actor.role !== "clerk") return fail("NOT_PRESIDING");
      const refusal = sessionRefusal(true);
      if (refusal) return fail(refusal);
      return ok([{ type: "bargaining.clauseAdded", clauseId: ctx.newId(), title: command.title, at: now, by }]);
    }
    case "bargaining.offer": {
      const side = entryOf(state, actor)?.side ?? null;
      if (side === null) return fail("NO_SIDE");
      const refusal = sessionRefusal(true);
      if (refusal) return fail(refusal);
      const clause = state.bargaining.clauses.find((c) => c.clauseId === command.clauseId);
      if (!clause) return fail("NOT_FOUND");
      if (clause.agreed) return fail("CLAUSE_AGREED");
      const reason = command.reason || null;
      return ok([{ type: "bargaining.offerMade", offerId: ctx.newId(), clauseId: clause.clauseId, side, text: command.text, reason, by, at: now }]);
    }
    case "bargaining.accept": {
      const side = chiefSide(state, actor);
      if (side === null) return fail("NOT_CHIEF");
      const refusal = sessionRefusal(true);
      if (refusal) return fail(refusal);
      const clause = state.bargaining.clauses.find((c) => c.clauseId === command.clauseId);
      if (!clause) return fail("NOT_FOUND");
      if (clause.agreed) return fail("CLAUSE_AGREED");
      const offer = clause.offers.find((o) => o.offerId === command.offerId);
      if (!offer) return fail("NOT_FOUND");
      if (currentOffer(clause, offer.side)?.offerId !== offer.offerId) return fail("OFFER_NOT_CURRENT");
      const accepted: MeetingEvent = { type: "bargaining.accepted", clauseId: clause.clauseId, offerId: offer.offerId, side, by, at: now };
      // Acceptances are always of current offers (a new offer clears them), so the other chief's still stands.
      const theirs = clause.offers.find((o) => o.offerId === clause.accepted[otherSide(side)]);
      if (theirs?.text !== offer.text) return ok([accepted]);
      return ok([accepted, { type: "bargaining.agreed", clauseId: clause.clauseId, offerId: offer.offerId, text: offer.text, at: now }]);
    }
    case "bargaining.handOver": {
      if (!isPresiding(state, actor)) return fail("NOT_PRESIDING");
      const refusal = sessionRefusal(false);
      if (refusal) return fail(refusal);
      const from = state.bargaining.chairSide;
      const to = otherSide(from);
      if (chiefOf(state, to) === null) return fail("NOT_FOUND", [`${to}: no chief on the roster`]);
      return ok([{ type: "bargaining.chairHandedOver", from, to, by, at: now }]);
    }
    case "bargaining.startCaucus":
    case "bargaining.endCaucus": {
      const side = chiefSide(state, actor);
      if (side === null) return fail("NOT_CHIEF");
      const refusal = sessionRefusal(false);
      if (refusal) return fail(refusal);
      const running = state.bargaining.caucuses.some((c) => c.side === side && c.endedAt === null);
      if (command.type === "bargaining.startCaucus") {
        return running ? fail("CAUCUS_RUNNING") : ok([{ type: "bargaining.caucusStarted", side, by, at: now }]);
      }
      return running ? ok([{ type: "bargaining.caucusEnded", side, by, at: now }]) : fail("NO_CAUCUS");
    }
    case "bargaining.suspend": {
      if (!isPresiding(state, actor)) return fail("NOT_PRESIDING");
      const refusal = sessionRefusal(true);
      if (refusal) return fail(refusal);
      if (command.resumeAt <= now) return fail("VALIDATION", ["resumeAt: must be in the future"]);
      const { reason, openMatters, resumeAt } = command;
      return ok([{ type: "bargaining.suspended", reason, openMatters, resumeAt, by, at: now }]);
    }
    case "bargaining.resume": {
      if (!isPresiding(state, actor)) return fail("NOT_PRESIDING");
      const refusal = sessionRefusal(false);
      if (refusal) return fail(refusal);
      if (!state.bargaining.suspension) return fail("NOT_SUSPENDED");
      return ok([{ type: "bargaining.resumed", by, at: now }]);
    }
  }
}
