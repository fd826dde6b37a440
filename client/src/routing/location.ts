// A tiny router: the path lives in window.location, pushState changes it, popstate (back and
// forward) and navigate() notify the subscribers. No router package needed for a few pages.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** Goes to a same-origin path ("/admin/meetings?x=1") without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  for (const listener of [...listeners]) listener();
  if (!options.replace) window.scrollTo(0, 0);
}

/** The current path and query, re-rendering when they change. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const value = useSyncExternalStore(subscribe, snapshot);
  const queryAt = value.indexOf("?");
  return {
    pathname: queryAt < 0 ? value : value.slice(0, queryAt),
    search: new URLSearchParams(queryAt < 0 ? "" : value.slice(queryAt)),
  };
}

/** The meeting id of a check-in path (/checkin/<meetingId>). */
export const checkinMeetingId = (pathname: string): string => decodeURIComponent(pathname.split("/")[2] ?? "");

/** Which part of the app a path belongs to. */
export type Section = "admin" | "landing" | "checkin" | "intake" | "ownLink" | "workerForm" | "meeting";

export function sectionOf(pathname: string, hash = ""): Section {
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return "admin";
  if (/^\/checkin\/[^/]+\/?$/.test(pathname)) return "checkin";
  // A community's intake link (/c/<publicCode>) and a resident's receipt (/r/<receiptCode>).
  if (/^\/[cr]\/[^/]+\/?$/.test(pathname)) return "intake";
  // A household's own link to a consent campaign (/k/<token>, 本户链接).
  if (/^\/k\/[^/]+\/?$/.test(pathname)) return "ownLink";
  // A collection's 征集表 link for workers (/w/<publicCode>, wage bargaining proposals).
  if (/^\/w\/[^/]+\/?$/.test(pathname)) return "workerForm";
  // A short link (/j/<join code>): the landing page opens the join the code stands for.
  if (/^\/j\/[^/]+\/?$/.test(pathname)) return "landing";
  if (pathname === "/" && !new URLSearchParams(hash.replace(/^#/, "")).has("t")) return "landing";
  // /join, /meeting and every other path keep rendering the live meeting as before.
  return "meeting";
}
