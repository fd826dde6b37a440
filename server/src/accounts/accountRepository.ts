// Staff accounts in the database. `Account` is what leaves the server: never the hash.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import { hashPassword, oneTimePassword } from "./passwords.ts";

export const STAFF_ROLES = ["admin", "organiser", "chair", "clerk"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
}

interface AccountRow extends Account {
  passwordHash: string;
}

export const toAccount = (row: Omit<AccountRow, "role"> & { role: string }): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as StaffRole,
  mustChangePassword: row.mustChangePassword,
  disabled: row.disabled,
});

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  /** Absent: a one-time password is generated and must be changed at first login. */
  password?: string;
}

export class AccountRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Account[]> {
    const rows = await this.db.staffAccount.findMany({ orderBy: { createdAt: "asc" } });
    return rows.map(toAccount);
  }

  async count(): Promise<number> {
    return this.db.staffAccount.count();
  }

  async byId(id: string): Promise<Account | null> {
    const row = await this.db.staffAccount.findUnique({ where: { id } });
    return row ? toAccount(row) : null;
  }

  /** The row with its hash, for login and password checks only. */
  async withHash(where: { username: string } | { id: string }): Promise<(Account & { passwordHash: string }) | null> {
    const row = await this.db.staffAccount.findUnique({ where });
    return row ? { ...toAccount(row), passwordHash: row.passwordHash } : null;
  }

  /** Creates the account; null when the username is taken. */
  async create(input: NewAccount): Promise<{ account: Account; oneTimePassword?: string } | null> {
    const generated = input.password === undefined ? oneTimePassword() : undefined;
    const passwordHash = await hashPassword(input.password ?? generated!);
    try {
      const row = await this.db.staffAccount.create({
        data: {
          id: randomUUID(),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          mustChangePassword: generated !== undefined,
        },
      });
      return generated === undefined ? { account: toAccount(row) } : { account: toAccount(row), oneTimePassword: generated };
    } catch (error) {
      if ((error as { code?: unknown }).code === "P2002") return null; // unique constraint
      throw error;
    }
  }

  async update(id: string, patch: Partial<Pick<Account, "displayName" | "role" | "disabled">>): Promise<Account> {
    return toAccount(await this.db.staffAccount.update({ where: { id }, data: patch }));
  }

  /** Sets a new password; `oneTime` marks it as to be changed at next login. Ends no sessions. */
  async setPassword(id: string, password: string, oneTime: boolean): Promise<void> {
    await this.db.staffAccount.update({
      where: { id },
      data: { passwordHash: await hashPassword(password), mustChangePassword: oneTime },
    });
  }

  async activeAdminCount(): Promise<number> {
    return this.db.staffAccount.count({ where: { role: "admin", disabled: false } });
  }
}
