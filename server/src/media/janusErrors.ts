// What a failed media request tells the asking connection (media.publish, .subscribe, .answer,
// .leave): only that socket hears of it, nobody else is affected. Anything else is a fault of ours.
import type { ErrorCode } from "../../../core/errors.ts";

/** The error code of an expected failure at the media server; undefined for any other failure (INTERNAL). */
export function mediaErrorCode(error: unknown): ErrorCode | undefined {
  if (error instanceof MediaError) return error.code;
  // Janus refused the SDP: core JSEP errors 463–465 (unknown type, invalid SDP), VideoRoom
  // errors 429–437 (missing/invalid element, invalid SDP…).
  const code = janusCode(error);
  if (code !== undefined && ((code >= 429 && code <= 437) || (code >= 463 && code <= 465))) return "VALIDATION";
  // 428: a feed went away in the meantime (its browser hung up); ask again.
  if (code === 428) return "NOT_FOUND";
  return undefined;
}

/** Janus's error number: janode's `_code`, or the "NNN " its message starts with. */
function janusCode(error: unknown): number | undefined {
  const code = (error as { _code?: unknown } | null | undefined)?._code ?? Number(/^(\d{3}) /.exec(String((error as Error | null | undefined)?.message))?.[1]);
  return typeof code === "number" && !Number.isNaN(code) ? code : undefined;
}

/** An expected refusal of a media request, with the code the asking connection is told. */
export class MediaError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "VALIDATION" | "MEDIA_UNAVAILABLE" | "NO_CAUCUS" | "NO_SEPARATE_TALK",
    message: string,
  ) {
    super(message);
  }
}
