import path from "node:path";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { WalksFirst } from "./testing/walksFirst.ts";

const root = import.meta.dirname;

/** Integration tests not run again on PostgreSQL: about SQLite's file itself, or already on both databases. */
const PG_EXCLUDED = [
  "server/src/**/*.sqlite.int.test.ts",
  "server/src/db/**",
  "server/src/config/dataDir.int.test.ts",
  "server/src/eventlog/eventStore.int.test.ts",
  "server/src/polls/ballotStore.int.test.ts",
  "server/src/archive/archiveStorage.int.test.ts",
  "server/src/cluster/**",
];

export default defineConfig({
  root: path.join(root, "client"),
  plugins: [
    react(),
    // The door page's service worker (client/src/offline/sw.ts → /sw.js): registered by that page
    // alone (no manifest, no automatic registration), so a meeting member's phone never gets it.
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/offline",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      scope: "/admin/",
      // The app shell and its pages; the ledger dashboard's charts (a third of the bytes) are never on a door page.
      injectManifest: { globPatterns: ["**/*.{js,css,html,svg,woff2}"], globIgnores: ["**/DashboardPage-*.js"] },
    }),
  ],
  resolve: { alias: { "@core": path.join(root, "core") } },
  build: { outDir: path.join(root, "dist/client"), emptyOutDir: true },
  server: { proxy: { "/socket.io": { target: "http://127.0.0.1:8080", ws: true }, "/api": "http://127.0.0.1:8080" } },
  test: {
    root,
    // `npm run test:media` writes its own report (YST_VITEST_JSON); .ci/totals.mjs sums both.
    reporters: ["default", ["json", { outputFile: process.env.YST_VITEST_JSON ?? "test-results/vitest.json" }]],
    // Files share their worker's modules (isolate: false below): importing the server afresh for
    // every file cost more than half of the unit and integration time. Tests keep no state in
    // modules — every server, database and socket is made and closed by its own test — and spies
    // are undone after each test (restoreMocks), so none reaches the next file.
    restoreMocks: true,
    // Most of a test's time is spent waiting (sockets, timers, fsync): two files at a time keep a
    // two-core machine busy (Vitest's default is one worker fewer than the cores, here one).
    maxWorkers: 2,
    sequence: { sequencer: WalksFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["core/**/*.test.ts", "server/src/**/*.test.ts", "client/src/**/*.test.ts", "deploy/**/*.test.ts"],
          // YST_SKIP_WALKS (testing/otherNode.sh): the pure core's random walks run once, on the machine's Node.
          exclude: ["**/*.int.test.ts", "**/*.media.test.ts", ...(process.env.YST_SKIP_WALKS ? ["core/meeting.fuzz.test.ts"] : [])],
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "integration", include: ["server/src/**/*.int.test.ts"], testTimeout: 30_000, hookTimeout: 30_000, isolate: false },
      },
      {
        // The same integration tests with every server on PostgreSQL (a schema per data folder,
        // testing/server/harness.ts), but the ones that are about SQLite itself or that already
        // run on both databases (testing/databases.ts).
        extends: true,
        test: {
          name: "integration-pg",
          include: ["server/src/**/*.int.test.ts"],
          exclude: PG_EXCLUDED,
          env: { YST_TEST_DB: "postgresql" },
          testTimeout: 30_000,
          hookTimeout: 30_000,
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["e2e/**/*.test.ts"], exclude: ["e2e/media/**"], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
      },
      {
        // Real Janus; run only through e2e/media/netns-run.sh (`npm run test:media`, docs/media.md).
        extends: true,
        test: {
          name: "media",
          include: ["server/src/media/**/*.media.test.ts", "e2e/media/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
