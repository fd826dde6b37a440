// Pieces every HTTP route shares (docs/api.md): ids in paths, booleans in query strings, the
// error envelope and the plain `{ ok: true }` answer. Request schemas are strict (an unknown
// field is a 400); response schemas are loose (a field the server adds does not break a client).
import { z } from "zod";

export const Id = z.string().min(1).max(64);
export const IdParams = z.object({ id: Id });
/** `"true"` / `"false"` in a query string. */
export const QueryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");
/** `?dryRun=true|false&acceptWarnings=true|false` of the file imports (roster, ledger). */
export const ImportQuery = z.object({ dryRun: QueryBoolean.default(false), acceptWarnings: QueryBoolean.default(false) });

/** A text in both languages, as every refusal carries it. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** Every refusal: `{ error: { code, message: { zh, en }, details? } }` (server/src/http/apiError.ts). */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: Bilingual, details: z.unknown().optional() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const OkResponse = z.looseObject({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

/** An ISO timestamp as the server writes it (`Date.toISOString()`). */
export const IsoTime = z.string();
