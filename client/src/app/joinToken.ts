const STORAGE_KEY = "yst.token";

/**
 * The personal join link is /join#t=<token> (the room display's: /display#t=<token>). The token
 * lives in the URL fragment (never sent to the server in a request line or a Referer), is kept
 * for this tab, and is removed from the address bar so it is not shared by accident.
 */
export function takeJoinToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("t");
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    const { pathname, search } = window.location;
    window.history.replaceState(null, "", pathname === "/join" ? "/meeting" : pathname + search);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
