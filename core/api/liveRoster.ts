// GET /api/live/roster (docs/api.md, "Live roster"): the roster a compact snapshot names by its tag.
import { z } from "zod";
import { RosterEntry } from "../config/schema.ts";

export const LiveRosterResponse = z.object({ version: z.string(), roster: z.array(RosterEntry.loose()) });
export type LiveRosterResponse = z.infer<typeof LiveRosterResponse>;
