// The page's side of the service worker (sw.ts): the door page registers it, so a grid worker who
// opened it once online can reopen it offline; the logout forgets the kept copies. Browsers offer
// service workers on https and on localhost only: on plain http the page works as before, online.
import { OFFLINE_COPIES, SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "./offlineRoutes.ts";

/**
 * Registers the service worker and, once it controls the page, runs `bootReads` through it so
 * their copies are kept: the page's first reads may have gone straight to the network (first
 * visit), and a sign-in after a logout (which deleted the copies) reads no session again.
 */
export async function keepForOffline(bootReads: () => Promise<unknown>): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  const controlled = container.controller
    ? Promise.resolve()
    : new Promise<void>((resolve) => container.addEventListener("controllerchange", () => resolve(), { once: true }));
  try {
    await container.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE });
  } catch {
    // No service worker (e.g. the dev server has none): the page works online as before.
    return;
  }
  await controlled;
  await bootReads().catch(() => undefined);
}

/** Deletes the kept copies of the session's reads (logout, session ended). */
export async function forgetOfflineCopies(): Promise<void> {
  if ("caches" in window) await window.caches.delete(OFFLINE_COPIES);
}
