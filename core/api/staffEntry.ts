// Staff entering a live meeting from the admin app (core/staffEntry.ts): POST
// /api/meetings/:id/staff-entry with the role to take; the answer is a join link with a
// short-lived token whose subject is the staff account, not a roster entry.
import { z } from "zod";
import { STAFF_ENTRY_ROLES } from "../staffEntry.ts";

export const StaffEntryRequest = z.strictObject({ role: z.enum(STAFF_ENTRY_ROLES) });
export type StaffEntryRequest = z.infer<typeof StaffEntryRequest>;

export const StaffEntryResponse = z.looseObject({
  url: z.string(),
  /** When the token expires (ms since the epoch). */
  expiresAt: z.number(),
  /** The roles this account may take in this meeting. */
  roles: z.array(z.enum(STAFF_ENTRY_ROLES)),
});
export type StaffEntryResponse = z.infer<typeof StaffEntryResponse>;
