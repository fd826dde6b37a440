// 人民调解: the mediation session's separate talks (背靠背) and the parties' positions. Only the
// fact of a talk, with whom and its times, enters the log; what is said in it (the talk's notes)
// and the mediators' findings never do (server/src/mediation/session: a private channel).
import { z } from "zod";

const Id = z.string().min(1).max(64);

/** 背靠背: the mediators with one party, apart from the other(s). */
export interface SeparateTalk {
  partyId: string;
  startedAt: number;
  endedAt: number | null;
  by: string;
}

/** A party's position (诉求 / 陈述) stated in the joint session; a later statement is the current one. */
export interface PartyPosition {
  partyId: string;
  text: string;
  at: number;
}

export interface MediationState {
  /** The separate talk in progress, or null while the session is joint. */
  talk: { partyId: string; startedAt: number } | null;
  /** Every separate talk, in order (endedAt null while it runs). */
  talks: SeparateTalk[];
  /** Every statement of a position, in order. */
  positions: PartyPosition[];
}

export const initialMediation = (): MediationState => ({ talk: null, talks: [], positions: [] });

const Text = z.string().trim().min(1);

export const MediationCommand = z.discriminatedUnion("type", [
  /** The chair (主持调解员) or a mediator takes one party aside (背靠背), and back to the joint session. */
  z.object({ type: z.literal("mediation.startSeparateTalk"), partyId: Id }).strict(),
  z.object({ type: z.literal("mediation.endSeparateTalk") }).strict(),
  /** A party states (or restates) their position in the joint session. */
  z.object({ type: z.literal("mediation.statePosition"), text: Text.max(2000) }).strict(),
]);
export type MediationCommand = z.infer<typeof MediationCommand>;

export const MediationEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("mediation.separateTalkStarted"), partyId: z.string(), by: z.string(), at: z.number() }),
  z.object({ type: z.literal("mediation.separateTalkEnded"), partyId: z.string(), by: z.string(), at: z.number() }),
  z.object({ type: z.literal("mediation.positionStated"), partyId: z.string(), text: z.string(), at: z.number() }),
]);
export type MediationEvent = z.infer<typeof MediationEvent>;
