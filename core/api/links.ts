// Join, room and check-in links over HTTP (docs/api.md, "Roster and links").
import { z } from "zod";

/**
 * A link and its QR code (SVG markup). Personal and room links also carry their join code
 * (入会码, canonical form) and its short URL (/j/<code>), which the QR code then encodes.
 */
export const Link = z.looseObject({ url: z.string(), qrSvg: z.string(), code: z.string().optional(), shortUrl: z.string().optional() });
export type Link = z.infer<typeof Link>;

/** A typed or scanned join code (any case, dashes and spaces allowed). */
export const JoinCodeBody = z.strictObject({ code: z.string().min(1).max(40) });
export type JoinCodeBody = z.infer<typeof JoinCodeBody>;

/** What the code opens: the long link to go to (a personal join link, the display's or the venue terminal's). */
export const JoinCodeResponse = z.object({ url: z.string(), kind: z.enum(["join", "display", "venue"]) });
export type JoinCodeResponse = z.infer<typeof JoinCodeResponse>;
