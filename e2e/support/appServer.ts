// A real Yishiting server for browser tests: temp SQLite file, port 0, the built client.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/src/config/config.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import type { NewParticipant } from "../../server/src/meetings/participantStore.ts";
import { createServer, type ServerOptions, type YishitingServer } from "../../server/src/server.ts";

/** The built client: dist/client, or YST_E2E_CLIENT_DIR (a build elsewhere, so a run need not rebuild dist). */
const CLIENT_DIR = process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client");

export interface AppUnderTest {
  server: YishitingServer;
  baseUrl: string;
  meetingId: string;
  /** Join URL per participant name. */
  links: Map<string, string>;
  close(): Promise<void>;
}

export async function startApp(title: string, roster: NewParticipant[], options: ServerOptions = {}): Promise<AppUnderTest> {
  if (!fs.existsSync(path.join(CLIENT_DIR, "index.html"))) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-e2e-"));
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", YST_DATA_DIR: dataDir, YST_CLIENT_DIR: CLIENT_DIR });
  const server = await createServer(config, options);
  const port = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { meeting, participants } = await server.meetings.create(title, roster);
  const links = new Map<string, string>();
  for (const p of participants) {
    const token = await server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role });
    links.set(p.name, joinUrl(baseUrl, token));
  }
  return {
    server,
    baseUrl,
    meetingId: meeting.id,
    links,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
