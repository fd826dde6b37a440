// `npm run demo:links`: prints the demo meeting's current links (personal, room display, venue
// terminal, check-in) again. The server prints them only on the start that creates the demo, so
// that personal links do not pile up in every start's log. Run it with the server's environment
// (YST_DATA_DIR, YST_TOKEN_SECRET, YST_PUBLIC_URL, PORT); it only reads, the server may be running.
// Short links and join codes; `npm run demo:links -- --long` adds the long links.
import fs from "node:fs";
import { Server } from "socket.io";
import { ballotSecretOf, existingTokenSecret } from "../auth/secret.ts";
import { TokenService } from "../auth/tokens.ts";
import { linkBaseUrl, loadConfig } from "../config/config.ts";
import { databaseName, openDatabase } from "../db/database.ts";
import type { GatewayServer } from "../gateway/socketGateway.ts";
import { LinkService } from "../links/linkService.ts";
import { MeetingChanges } from "../meetings/meetingChanges.ts";
import { MeetingStore } from "../meetings/meetingStore.ts";
import { DEMO_TITLE, demoLinks, demoLinksText, LONG_LINKS_FLAG } from "./demoMeeting.ts";
import { runCommand } from "../config/command.ts";

async function main(): Promise<number> {
  const config = loadConfig();
  const secret = existingTokenSecret(config.tokenSecret, config.dataDir);
  // Without the server's database and secret there is nothing to print (and a new secret would make links that do not work).
  if ((config.database.kind === "sqlite" && !fs.existsSync(config.database.file)) || secret === undefined) {
    console.error(`没有找到服务器数据，请先运行 npm start / No server data in ${config.dataDir}: run npm start first`);
    return 1;
  }
  const database = await openDatabase(config.database, { ballotSecret: ballotSecretOf(secret) });
  const { db } = database;
  try {
    // Only reads: no live meeting here to tell of changes.
    const meetings = new MeetingStore(db, new MeetingChanges());
    const meeting = await meetings.findByTitle(DEMO_TITLE);
    if (!meeting) {
      console.error(`没有演示会议（YST_DEMO=off？）/ No demo meeting in ${databaseName(config.database)} (YST_DEMO=off?)`);
      return 1;
    }
    // The socket server is never attached: links are only read here, nobody is disconnected.
    const io: GatewayServer = new Server();
    const links = new LinkService(db, new TokenService(secret, config.linkTtlHours), io, meetings);
    const long = process.argv.includes(LONG_LINKS_FLAG);
    console.log(demoLinksText(await demoLinks({ meetings, links }, linkBaseUrl(config, config.port), meeting.id), config.linkTtlHours, { long }));
    return 0;
  } finally {
    await database.close();
  }
}

runCommand("demo:links", main);
