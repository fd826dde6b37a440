// Entry point: `npm start`. Starts the server on the embedded default (SQLite) and prints the
// demo meeting's join links.
import os from "node:os";
import { ensureFirstAdmin, FIRST_ADMIN, oneTimePasswordLine } from "./accounts/firstAdmin.ts";
import { loadConfig } from "./config/config.ts";
import { ensureDemoMeeting } from "./demo/demoMeeting.ts";
import { janusInstalled } from "./media/mediaPlane.ts";
import { createServer } from "./server.ts";

const ROLE_LABELS: Record<string, string> = {
  chair: "主持人 chair",
  member: "委员 member",
  official: "列席 official",
  clerk: "记录员 clerk",
  observer: "旁听 observer",
};

async function main(): Promise<void> {
  // `npm start` runs Janus embedded when it is installed, unless YST_MEDIA says otherwise.
  const config = loadConfig({ ...process.env, YST_MEDIA: process.env.YST_MEDIA || (janusInstalled() ? "embedded" : "off") });
  // Whatever this process and its children (Janus, janus-pp-rec) create is owner-only, beside the
  // explicit modes of config/dataDir.ts. Not with an external Janus: it may run as another user
  // and must write into the recordings folders this process creates (docs/configuration.md).
  if (config.media.mode !== "external") process.umask(0o077);
  const server = await createServer(config);
  const adminPassword = await ensureFirstAdmin(server.db);
  const port = await server.listen();
  const baseUrl = config.publicUrl ?? `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;
  console.log(`议事厅 Yishiting listening on ${config.host}:${port} (data: ${config.databaseFile})`);
  console.log(`Audio/video 音视频: ${config.media.mode === "off" ? "off (Janus not installed or YST_MEDIA=off)" : `${config.media.mode} Janus`}`);
  if (adminPassword) console.log(`\n首次启动 / First start: ${oneTimePasswordLine(FIRST_ADMIN, adminPassword)}\n`);
  if (config.demo) {
    const links = await ensureDemoMeeting(server, baseUrl);
    console.log(`\nDemo meeting 演示会议 — personal join links (valid ${config.linkTtlHours} h):`);
    for (const link of links.people) console.log(`  ${ROLE_LABELS[link.role] ?? link.role}  ${link.name}${os.EOL}    ${link.url}`);
    console.log(`  会场大屏 room display${os.EOL}    ${links.display}`);
    console.log(`  会场终端 room terminal (room microphone and camera)${os.EOL}    ${links.venue}`);
    console.log(`  扫码签到 in-room check-in${os.EOL}    ${links.checkin}`);
    console.log(`\nOrganisers 会务组: ${baseUrl}/admin\n`);
  }
  const stop = async (signal: string) => {
    console.log(`Received ${signal}, shutting down`);
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("[yishiting] failed to start:", error);
  process.exit(1);
});
