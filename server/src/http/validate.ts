// zod at the edge: every body, query and parameter is parsed before anything is touched.
import type { z } from "zod";
import { abort } from "./apiError.ts";

/** Parses `input` or throws VALIDATION with `path: reason` details (at most 10). */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return abort(
    "VALIDATION",
    result.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
  );
}
