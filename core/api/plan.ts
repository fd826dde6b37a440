// The speaking plan (发言安排) over HTTP (docs/api.md, "Speaking plan"): the secretariat's routes
// and the member's own (my-speeches). Limits match the live meeting's config.sync (core/plan/schema.ts).
import { z } from "zod";
import { Id, IsoTime } from "./common.ts";

/** At most this many entries per meeting (config.sync carries at most 2000). */
export const MAX_PLAN_ENTRIES = 2000;
/** At most this many entries a participant registers themselves. */
export const MAX_OWN_ENTRIES = 10;

export const PLAN_KINDS = ["booked", "written"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
const Kind = z.enum(PLAN_KINDS);
const Title = z.string().trim().min(1).max(200);
const Text = z.string().trim().max(20_000);
const AgendaItemId = Id.nullable();

/** A written speech is its text: it cannot be empty. */
const textForKind = (value: { kind?: PlanKind | undefined; text?: string | undefined }, ctx: z.RefinementCtx) => {
  if (value.kind === "written" && !value.text) ctx.addIssue({ code: "custom", path: ["text"], message: "a written speech needs its text" });
};

/** The secretariat plans a speech for someone on the roster. */
export const PlanInput = z
  .strictObject({ participantId: Id, kind: Kind, agendaItemId: AgendaItemId.default(null), title: Title, text: Text.default("") })
  .superRefine(textForKind);
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanPatch = z.strictObject({ participantId: Id, kind: Kind, agendaItemId: AgendaItemId, title: Title, text: Text }).partial();
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanOrder = z.strictObject({ bookingIds: z.array(Id).max(MAX_PLAN_ENTRIES) });
export const BookingParams = z.object({ id: Id, bookingId: Id });

/** A member or official registers their own speech. */
export const OwnPlanInput = z
  .strictObject({ kind: Kind, agendaItemId: AgendaItemId.default(null), title: Title, text: Text.default("") })
  .superRefine(textForKind);
export type OwnPlanInput = z.infer<typeof OwnPlanInput>;
export type OwnPlanFields = z.input<typeof OwnPlanInput>;

/** One entry of the speaking plan as the API shows it. */
export const PlannedSpeech = z.looseObject({
  id: Id,
  participantId: Id,
  participantName: z.string(),
  kind: Kind,
  agendaItemId: z.string().nullable(),
  position: z.number(),
  title: z.string(),
  text: z.string(),
  /** The staff account that registered it, or the participant's own id. */
  createdBy: z.string(),
  /** Registered by the speaker themselves through their join link. */
  selfRegistered: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PlannedSpeech = z.infer<typeof PlannedSpeech>;

export const PlanResponse = z.object({ plan: z.array(PlannedSpeech) });
export const PlannedSpeechResponse = z.object({ speech: PlannedSpeech });
