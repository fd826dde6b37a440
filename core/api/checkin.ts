// The in-room QR check-in over HTTP (docs/api.md, "Check-in").
import { z } from "zod";
import { Id } from "./common.ts";

export const CheckinParams = z.object({ meetingId: Id });
const Code = z.string().min(1).max(128);
export const CheckinQuery = z.object({ c: Code });
export const CheckinBody = z.strictObject({ c: Code, participantId: Id });
export type CheckinBody = z.infer<typeof CheckinBody>;

/** The meeting's title and the members and officials not yet present, in roster order. */
export const CheckinPage = z.object({
  meeting: z.looseObject({ title: z.string() }),
  people: z.array(z.looseObject({ id: Id, name: z.string(), unit: z.string().nullable() })),
});
export type CheckinPage = z.infer<typeof CheckinPage>;
