// Shared zod pieces for route parameters and queries.
import { z } from "zod";

export const Id = z.string().min(1).max(64);
export const IdParams = z.object({ id: Id });
/** `"true"` / `"false"` in a query string. */
export const QueryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");
