// `npm run admin:reset -- <username>`: prints a new one-time password for a staff account,
// re-enables it and ends its sessions (for a forgotten or locked-out administrator).
import { ballotSecretOf, resolveTokenSecret } from "../auth/secret.ts";
import { loadConfig } from "../config/config.ts";
import { openDatabase } from "../db/database.ts";
import { AccountRepository } from "./accountRepository.ts";
import { oneTimePasswordLine } from "./firstAdmin.ts";
import { oneTimePassword } from "./passwords.ts";
import { SessionStore } from "./sessions.ts";
import { runCommand } from "../config/command.ts";

async function main(): Promise<number> {
  const username = process.argv[2]?.trim().toLowerCase();
  if (!username) {
    console.error("用法 / usage: npm run admin:reset -- <username>");
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database, { ballotSecret: ballotSecretOf(resolveTokenSecret(config.tokenSecret, config.dataDir)) });
  const { db } = database;
  try {
    const accounts = new AccountRepository(db);
    const account = await accounts.withHash({ username });
    if (!account) {
      console.error(`账号不存在 / No such account: ${username}`);
      return 1;
    }
    const password = oneTimePassword();
    await accounts.setPassword(account.id, password, true);
    await accounts.update(account.id, { disabled: false });
    await new SessionStore(db, Date.now).deleteAll(account.id);
    console.log(oneTimePasswordLine(username, password));
    return 0;
  } finally {
    await database.close();
  }
}

runCommand("admin:reset", main);
