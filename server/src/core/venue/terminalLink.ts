// The venue terminal (会场终端) is the room display page opened with `?venue=1`: it also publishes
// the room's microphone and camera. Same token as the display (the server treats every display
// connection as the room); the query only tells the page to publish, so a plain display never does.
export const VENUE_TERMINAL_PARAM = "venue";

/** The venue terminal's link from the display link (`…/display#t=…` → `…/display?venue=1#t=…`). */
export function venueTerminalUrl(displayUrl: string): string {
  const hashAt = displayUrl.indexOf("#");
  const [base, hash] = hashAt < 0 ? [displayUrl, ""] : [displayUrl.slice(0, hashAt), displayUrl.slice(hashAt)];
  return `${base}${base.includes("?") ? "&" : "?"}${VENUE_TERMINAL_PARAM}=1${hash}`;
}

/** Whether a page's query (`location.search`) asks for the venue terminal. */
export const isVenueTerminal = (search: string): boolean => new URLSearchParams(search).get(VENUE_TERMINAL_PARAM) === "1";
