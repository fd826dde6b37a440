// What the service worker (sw.ts) does for the grid worker's door page on a patchy connection
// (docs/community.md "Offline"): the pages under /admin fall back to the app shell it precached,
// and exactly the reads the admin shell and the door page boot with (the session, one campaign's
// door list) are network first with a copy kept for offline. Nothing else: no socket.io, media,
// writes or other API. Shared by the worker and the page, so no DOM or worker types here.

/** The service worker's script, served uncached (server/src/http/httpApp.ts). */
export const SERVICE_WORKER_URL = "/sw.js";
/** It controls the admin pages only: a meeting member's pages never see it. */
export const SERVICE_WORKER_SCOPE = "/admin/";
/** The kept copies of the boot reads; deleted at logout. */
export const OFFLINE_COPIES = "yst-offline-copies";
/** On a kept copy: when it was stored (ISO time). A fresh answer never carries it. */
export const OFFLINE_COPY_HEADER = "X-Yst-Offline-Copy";
/** How long the network may take before the kept copy (or the shell) is used instead. */
export const NETWORK_TIMEOUT_S = 10;

/** A page of the admin app (its navigations fall back to the app shell offline). */
export const ADMIN_PAGES = /^\/admin(\/|$|\?)/;

/** The session read of the admin shell and the door list of one campaign, nothing else. */
export function isOfflineRead(method: string, url: URL, origin: string): boolean {
  if (method !== "GET" || url.origin !== origin || url.search !== "") return false;
  return url.pathname === "/api/auth/me" || /^\/api\/campaigns\/[^/]+$/.test(url.pathname);
}

/** The time of a kept copy, from its header; null for a fresh answer. */
export function offlineCopyTime(headers: Headers): Date | null {
  const stored = headers.get(OFFLINE_COPY_HEADER);
  if (!stored) return null;
  const time = new Date(stored);
  return Number.isNaN(time.getTime()) ? null : time;
}
