// The service worker of the grid worker's door page (registered by offlineShell.ts from the
// campaign door page only, scope /admin/; built to /sw.js by vite-plugin-pwa, injectManifest).
// It precaches the built app, answers admin navigations from the network and, offline, with the
// precached app shell, and keeps a copy of the boot reads (offlineRoutes.ts) for offline. Every
// other request (socket.io, media, writes, the rest of the API) is left to the network.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst, NetworkOnly } from "workbox-strategies";
import { ADMIN_PAGES, isOfflineRead, NETWORK_TIMEOUT_S, OFFLINE_COPIES, OFFLINE_COPY_HEADER } from "./offlineRoutes.ts";

declare const self: ServiceWorkerGlobalScope;

// A phone keeps its tab open for days: a new version takes over at once, not at the last tab's close.
self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(
    new NetworkOnly({
      networkTimeoutSeconds: NETWORK_TIMEOUT_S,
      plugins: [{ handlerDidError: async () => (await matchPrecache("index.html")) ?? Response.error() }],
    }),
    { allowlist: [ADMIN_PAGES] },
  ),
);

registerRoute(
  ({ request, url }) => isOfflineRead(request.method, url, self.location.origin),
  new NetworkFirst({
    cacheName: OFFLINE_COPIES,
    networkTimeoutSeconds: NETWORK_TIMEOUT_S,
    plugins: [
      {
        // Only successes are kept, each marked with the time it was stored (the page's 数据更新于).
        cacheWillUpdate: async ({ response }) => {
          if (response.status !== 200) return null;
          const headers = new Headers(response.headers);
          headers.set(OFFLINE_COPY_HEADER, new Date().toISOString());
          return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
        },
      },
    ],
  }),
);
