// The first administrator: on a database without any staff account, create `admin` with a
// one-time password and print it once. Later starts find the account and print nothing.
import type { Db } from "../db/database.ts";
import { AccountRepository } from "./accountRepository.ts";

export const FIRST_ADMIN = "admin";

/** Creates the first admin when there is no account at all; returns its one-time password. */
export async function ensureFirstAdmin(db: Db): Promise<string | null> {
  const accounts = new AccountRepository(db);
  if ((await accounts.count()) > 0) return null;
  const created = await accounts.create({ username: FIRST_ADMIN, displayName: "管理员", role: "admin" });
  return created?.oneTimePassword ?? null; // null: another process created it first
}

export const oneTimePasswordLine = (username: string, password: string): string =>
  `管理员账号 ${username} 的一次性密码 / One-time password for account "${username}": ${password}  ` + `（首次登录后须修改 / must be changed at first login）`;
