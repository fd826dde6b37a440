// The links people open. Tokens and codes travel in the URL fragment, which browsers never send
// to a server or proxy, so they stay out of access logs.
const trim = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

export const joinUrl = (baseUrl: string, token: string): string => `${trim(baseUrl)}/join#t=${token}`;

export const displayUrl = (baseUrl: string, token: string): string => `${trim(baseUrl)}/display#t=${token}`;

/** The venue terminal: the same page as the display; its token (not the path) lets it publish. */
export const venueUrl = (baseUrl: string, token: string): string => `${trim(baseUrl)}/venue#t=${token}`;

export const checkinUrl = (baseUrl: string, meetingId: string, code: string): string =>
  `${trim(baseUrl)}/checkin/${encodeURIComponent(meetingId)}#c=${encodeURIComponent(code)}`;
