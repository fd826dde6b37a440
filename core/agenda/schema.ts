import { z } from "zod";

const AgendaItemId = z.string().min(1).max(64);

export const AgendaCommand = z.discriminatedUnion("type", [
  /** The chair moves to any agenda item. */
  z.object({ type: z.literal("agenda.goto"), itemId: AgendaItemId }).strict(),
  /** The chair moves to the next agenda item (下一议题). */
  z.object({ type: z.literal("agenda.next") }).strict(),
]);
export type AgendaCommand = z.infer<typeof AgendaCommand>;

export const AgendaItemInput = z.object({
  id: AgendaItemId,
  title: z.string().max(200),
  presenter: z.string().max(100).nullable(),
  plannedMs: z.number().int().min(0),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export interface AgendaEntry {
  id: string;
  title: string;
  presenter: string | null;
  plannedMs: number;
  /** Time spent on the item in earlier visits (an item can be returned to). */
  actualMs: number;
  /** When the current visit started; null unless this is the current item. */
  startedAt: number | null;
}

export const AgendaEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("agenda.itemStarted"), itemId: z.string(), at: z.number() }),
  /** The organisers' agenda as it is now (from the database, via config.sync). */
  z.object({ type: z.literal("agenda.set"), items: z.array(AgendaItemInput) }),
]);
export type AgendaEvent = z.infer<typeof AgendaEvent>;
