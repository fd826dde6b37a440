// Entry point: `npm start`. Starts the server on the embedded default (SQLite) and, on the start
// that creates the demo meeting, prints its join links. With YST_LOG_FORMAT=json every line on
// stdout is JSON (observability/startOutput.ts).
import { ensureFirstAdmin, FIRST_ADMIN, oneTimePasswordLine } from "./accounts/firstAdmin.ts";
import { linkBaseUrl, loadConfig } from "./config/config.ts";
import { DEMO_LINKS_HINT, demoLinksText, ensureDemoMeeting } from "./demo/demoMeeting.ts";
import { demoCommunityText, ensureDemoCommunity } from "./demo/demoCommunity.ts";
import { CommunityStore } from "./community/communityStore.ts";
import { janusInstalled } from "./media/mediaPlane.ts";
import { databaseName } from "./db/database.ts";
import { createLogger } from "./observability/logger.ts";
import { loadObservabilityConfig } from "./observability/observabilityConfig.ts";
import { startOutput, type StartOutput } from "./observability/startOutput.ts";
import { createServer } from "./server.ts";

async function main(out: StartOutput): Promise<void> {
  // `npm start` runs Janus embedded when it is installed, unless YST_MEDIA says otherwise.
  const config = loadConfig({ ...process.env, YST_MEDIA: process.env.YST_MEDIA || (janusInstalled() ? "embedded" : "off") });
  // Whatever this process and its children (Janus, janus-pp-rec) create is owner-only, beside the
  // explicit modes of config/dataDir.ts. Not with an external Janus: it may run as another user
  // and must write into the recordings folders this process creates (docs/configuration.md).
  if (config.media.mode !== "external") process.umask(0o077);
  const server = await createServer(config);
  const adminPassword = await ensureFirstAdmin(server.db);
  const port = await server.listen();
  const baseUrl = linkBaseUrl(config, port);
  out.status(`议事厅 Yishiting listening on ${config.host}:${port} (data: ${databaseName(config.database)})`, { port });
  out.status(`Audio/video 音视频: ${config.media.mode === "off" ? "off (Janus not installed or YST_MEDIA=off)" : `${config.media.mode} Janus`}`, {
    media: config.media.mode,
  });
  if (adminPassword) out.forPerson("first-admin", `\n首次启动 / First start: ${oneTimePasswordLine(FIRST_ADMIN, adminPassword)}\n`);
  if (config.demo) {
    const demo = await ensureDemoMeeting(server, baseUrl);
    // Personal links go to the console once, on the start that creates the demo, not into every start's log.
    const text = [
      ...(demo.created ? [demoLinksText(demo, config.linkTtlHours)] : []),
      `\n${DEMO_LINKS_HINT}`,
      demoCommunityText(await ensureDemoCommunity(new CommunityStore(server.db, Date.now)), baseUrl),
      `\nOrganisers 会务组: ${baseUrl}/admin\n`,
    ];
    out.forPerson("demo", text.join("\n"));
  }
  const stop = async (signal: string) => {
    out.status(`Received ${signal}, shutting down`, { signal });
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

// The log format alone first: a start that fails on its configuration is reported in it too.
const format = (() => {
  try {
    return loadObservabilityConfig(process.env).logFormat;
  } catch {
    return "text";
  }
})();
const out = startOutput(format, createLogger(format));
main(out).catch((error: unknown) => {
  out.failed("failed to start", error);
  process.exit(1);
});
