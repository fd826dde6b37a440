import type { MeetingState } from "../state.ts";
import type { BargainingEvent, BargainingState, Clause } from "./schema.ts";

export function evolveBargaining(state: MeetingState, event: BargainingEvent): MeetingState {
  return { ...state, bargaining: evolveSession(state.bargaining, event) };
}

function evolveSession(session: BargainingState, event: BargainingEvent): BargainingState {
  switch (event.type) {
    case "bargaining.clauseAdded": {
      const clause: Clause = {
        clauseId: event.clauseId,
        title: event.title,
        addedAt: event.at,
        offers: [],
        accepted: { worker: null, enterprise: null },
        agreed: null,
      };
      return { ...session, clauses: [...session.clauses, clause] };
    }
    case "bargaining.offerMade": {
      const { offerId, clauseId, side, text, reason, by, at } = event;
      return withClause(session, clauseId, (clause) => ({
        ...clause,
        offers: [...clause.offers, { offerId, clauseId, side, text, reason, by, at }],
        accepted: { worker: null, enterprise: null },
      }));
    }
    case "bargaining.accepted":
      return withClause(session, event.clauseId, (clause) => ({ ...clause, accepted: { ...clause.accepted, [event.side]: event.offerId } }));
    case "bargaining.agreed":
      return withClause(session, event.clauseId, (clause) => ({ ...clause, agreed: { offerId: event.offerId, text: event.text, at: event.at } }));
    case "bargaining.chairHandedOver":
      return { ...session, chairSide: event.to, handovers: [...session.handovers, { from: event.from, to: event.to, by: event.by, at: event.at }] };
    case "bargaining.caucusStarted":
      return { ...session, caucuses: [...session.caucuses, { side: event.side, startedAt: event.at, endedAt: null }] };
    case "bargaining.caucusEnded":
      return {
        ...session,
        caucuses: session.caucuses.map((caucus) => (caucus.side === event.side && caucus.endedAt === null ? { ...caucus, endedAt: event.at } : caucus)),
      };
    case "bargaining.suspended": {
      const { reason, openMatters, resumeAt, at, by } = event;
      const suspension = { reason, openMatters, resumeAt, at, by };
      return { ...session, suspension, suspensions: [...session.suspensions, { ...suspension, resumedAt: null }] };
    }
    case "bargaining.resumed":
      return {
        ...session,
        suspension: null,
        suspensions: session.suspensions.map((s) => (s.resumedAt === null ? { ...s, resumedAt: event.at } : s)),
      };
  }
}

const withClause = (session: BargainingState, clauseId: string, change: (clause: Clause) => Clause): BargainingState => ({
  ...session,
  clauses: session.clauses.map((clause) => (clause.clauseId === clauseId ? change(clause) : clause)),
});
