// Join, room and check-in links over HTTP (docs/api.md, "Roster and links").
import { z } from "zod";

/** A link and its QR code (SVG markup). */
export const Link = z.looseObject({ url: z.string(), qrSvg: z.string() });
export type Link = z.infer<typeof Link>;
