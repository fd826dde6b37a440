import { z } from "zod";

const Id = z.string().min(1).max(64);

/** The two sides at a bargaining table: 职工方 (the workers) and 企业方 (the enterprise). */
export const SIDES = ["worker", "enterprise"] as const;
export const SideSchema = z.enum(SIDES);
export type Side = z.infer<typeof SideSchema>;
export const SIDE_ZH: Record<Side, string> = { worker: "职工方", enterprise: "企业方" };
export const otherSide = (side: Side): Side => (side === "worker" ? "enterprise" : "worker");

/** 要约 / 报价 / 还价: one side's proposed wording of a clause, with its reasons. */
export interface Offer {
  offerId: string;
  clauseId: string;
  side: Side;
  text: string;
  reason: string | null;
  /** The participant who made it. */
  by: string;
  at: number;
}

/** A clause on the table (e.g. 工资调整幅度): its offers in order, each chief's acceptance, and the agreement. */
export interface Clause {
  clauseId: string;
  title: string;
  addedAt: number;
  /** Every offer and counter-offer in order; the last one of a side is that side's current offer. */
  offers: Offer[];
  /** The offer (id) each side's chief accepted, cleared by any new offer on the clause. */
  accepted: Record<Side, string | null>;
  /** Both chiefs accepted the same wording: the clause is settled and takes no more offers. */
  agreed: { offerId: string; text: string; at: number } | null;
}

/** 背靠背: a side consulting on its own. Only the fact and the times; the content never enters the log. */
export interface Caucus {
  side: Side;
  startedAt: number;
  endedAt: number | null;
}

/** 中止 (§34): why, what is left open, and when the sides agreed to resume. */
export interface Suspension {
  reason: string;
  openMatters: string[];
  resumeAt: number;
  at: number;
  by: string;
}

export interface SuspensionRecord extends Suspension {
  resumedAt: number | null;
}

export interface Handover {
  from: Side;
  to: Side;
  by: string;
  at: number;
}

export interface BargainingState {
  /** The side whose chief presides now (the chair alternates between the sides' chiefs). */
  chairSide: Side;
  handovers: Handover[];
  clauses: Clause[];
  caucuses: Caucus[];
  /** The suspension in force, or null while the session runs. */
  suspension: Suspension | null;
  /** Every suspension, in order, with the time it was resumed (null while in force). */
  suspensions: SuspensionRecord[];
}

export const initialBargaining = (): BargainingState => ({
  chairSide: "worker",
  handovers: [],
  clauses: [],
  caucuses: [],
  suspension: null,
  suspensions: [],
});

const Text = z.string().trim().min(1);

export const BargainingCommand = z.discriminatedUnion("type", [
  /** A clause is put on the table: the presiding chief or the recorder (clerk). */
  z.object({ type: z.literal("bargaining.addClause"), title: Text.max(200) }).strict(),
  /** 报价 / 还价: a member of a side proposes a wording for a clause (the side's current offer from now on). */
  z.object({ type: z.literal("bargaining.offer"), clauseId: Id, text: Text.max(2000), reason: z.string().trim().max(2000).optional() }).strict(),
  /** A side's chief accepts an offer (the current offer of either side). */
  z.object({ type: z.literal("bargaining.accept"), clauseId: Id, offerId: Id }).strict(),
  /** The presiding chief hands the chair to the other side's chief. */
  z.object({ type: z.literal("bargaining.handOver") }).strict(),
  /** 背靠背: a side's chief takes their side aside (and back to the table). */
  z.object({ type: z.literal("bargaining.startCaucus") }).strict(),
  z.object({ type: z.literal("bargaining.endCaucus") }).strict(),
  /** 中止: the presiding chief suspends the session, with the reason, the open matters and the agreed time to resume. */
  z
    .object({
      type: z.literal("bargaining.suspend"),
      reason: Text.max(500),
      openMatters: z.array(Text.max(500)).max(50),
      resumeAt: z.number().int().positive(),
    })
    .strict(),
  z.object({ type: z.literal("bargaining.resume") }).strict(),
]);
export type BargainingCommand = z.infer<typeof BargainingCommand>;

export const BargainingEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bargaining.clauseAdded"), clauseId: z.string(), title: z.string(), at: z.number(), by: z.string() }),
  z.object({
    type: z.literal("bargaining.offerMade"),
    offerId: z.string(),
    clauseId: z.string(),
    side: SideSchema,
    text: z.string(),
    reason: z.string().nullable(),
    by: z.string(),
    at: z.number(),
  }),
  z.object({ type: z.literal("bargaining.accepted"), clauseId: z.string(), offerId: z.string(), side: SideSchema, by: z.string(), at: z.number() }),
  z.object({ type: z.literal("bargaining.agreed"), clauseId: z.string(), offerId: z.string(), text: z.string(), at: z.number() }),
  z.object({ type: z.literal("bargaining.chairHandedOver"), from: SideSchema, to: SideSchema, by: z.string(), at: z.number() }),
  z.object({ type: z.literal("bargaining.caucusStarted"), side: SideSchema, by: z.string(), at: z.number() }),
  z.object({ type: z.literal("bargaining.caucusEnded"), side: SideSchema, by: z.string(), at: z.number() }),
  z.object({
    type: z.literal("bargaining.suspended"),
    reason: z.string(),
    openMatters: z.array(z.string()),
    resumeAt: z.number(),
    by: z.string(),
    at: z.number(),
  }),
  z.object({ type: z.literal("bargaining.resumed"), by: z.string(), at: z.number() }),
]);
export type BargainingEvent = z.infer<typeof BargainingEvent>;
