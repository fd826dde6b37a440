// Login sessions: the cookie holds a random 32-byte token, the database only its SHA-256, so a
// copy of the database does not let anyone in. Sessions last 12 hours from login.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/database.ts";
import { toAccount, WITH_DEPARTMENT, type Account } from "./accountRepository.ts";

export const SESSION_COOKIE = "yst_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string): string => createHash("sha256").update(token).digest("hex");

export interface Session {
  id: string;
  account: Account;
  expiresAt: number;
}

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Starts a session; returns the token for the cookie (never stored) and its expiry. */
  async create(accountId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString("base64url");
    const now = this.now();
    const expiresAt = now + SESSION_TTL_MS;
    await this.db.staffSession.create({
      data: { id: digest(token), accountId, createdAt: new Date(now), expiresAt: new Date(expiresAt) },
    });
    return { token, expiresAt };
  }

  /** The live session of a cookie token; expired sessions are deleted and refused. */
  async find(token: unknown): Promise<Session | null> {
    if (typeof token !== "string" || token.length === 0 || token.length > 128) return null;
    const id = digest(token);
    const row = await this.db.staffSession.findUnique({ where: { id }, include: { account: { include: WITH_DEPARTMENT } } });
    if (!row) return null;
    if (row.expiresAt.getTime() <= this.now()) {
      await this.db.staffSession.deleteMany({ where: { id } });
      return null;
    }
    if (row.account.disabled) return null;
    return { id, account: toAccount(row.account), expiresAt: row.expiresAt.getTime() };
  }

  /**
   * Whether the account's session is still open (logged in, not logged out nor ended by a password
   * change or disabling): staff entries (core/staffEntry.ts) last only as long as the session they
   * were issued in. Their tokens expire no later than the session, so expiry needs no clock here.
   */
  async isOpen(sessionId: string, accountId: string): Promise<boolean> {
    return (await this.db.staffSession.count({ where: { id: sessionId, accountId } })) > 0;
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.staffSession.deleteMany({ where: { id: sessionId } });
  }

  /** Ends every session of the account except `keep` (the one changing the password). */
  async deleteAll(accountId: string, keep?: string): Promise<void> {
    await this.db.staffSession.deleteMany({ where: { accountId, ...(keep ? { id: { not: keep } } : {}) } });
  }

  async purgeExpired(): Promise<void> {
    await this.db.staffSession.deleteMany({ where: { expiresAt: { lte: new Date(this.now()) } } });
  }
}
