// Request bodies of the speaking-plan routes (docs/api.md, "Speaking plan"). Limits match the
// live meeting's config.sync (core/plan/schema.ts).
import { z } from "zod";
import { Id } from "../http/schemas.ts";

/** At most this many entries per meeting (config.sync carries at most 2000). */
export const MAX_PLAN_ENTRIES = 2000;
/** At most this many entries a participant registers themselves. */
export const MAX_OWN_ENTRIES = 10;

const Kind = z.enum(["booked", "written"]);
const Title = z.string().trim().min(1).max(200);
const Text = z.string().trim().max(20_000);
const AgendaItemId = Id.nullable();

/** A written speech is its text: it cannot be empty. */
const textForKind = (value: { kind?: "booked" | "written" | undefined; text?: string | undefined }, ctx: z.RefinementCtx) => {
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

/** A member or official registers their own speech. */
export const OwnPlanInput = z
  .strictObject({ kind: Kind, agendaItemId: AgendaItemId.default(null), title: Title, text: Text.default("") })
  .superRefine(textForKind);
export type OwnPlanInput = z.infer<typeof OwnPlanInput>;
