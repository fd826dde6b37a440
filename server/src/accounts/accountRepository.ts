// Staff accounts in the database. `Account` is what leaves the server: never the hash.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import { hashPassword, oneTimePassword } from "./passwords.ts";

/** `department`: a 承办单位's user, who sees only the ledger items of its department (docs/ledger.md). */
export { STAFF_ROLES, type StaffRole } from "../../../core/api/accounts.ts";
import type { StaffRole } from "../../../core/api/accounts.ts";

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
  /** Department accounts: their department (承办单位); null for every other role. */
  departmentId: string | null;
  departmentName: string | null;
  /** Grid worker accounts: their community (社区); null for every other role. */
  communityId: string | null;
  communityName: string | null;
}

interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  mustChangePassword: boolean;
  disabled: boolean;
  departmentId: string | null;
  department: { name: string } | null;
  communityId: string | null;
  community: { name: string } | null;
}

/** Read accounts with this `include` so that toAccount has the department's name. */
export const WITH_DEPARTMENT = { department: { select: { name: true } }, community: { select: { name: true } } } as const;

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as StaffRole,
  mustChangePassword: row.mustChangePassword,
  disabled: row.disabled,
  departmentId: row.departmentId,
  departmentName: row.department?.name ?? null,
  communityId: row.communityId,
  communityName: row.community?.name ?? null,
});

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  /** Required for role "department", absent otherwise (the routes check it). */
  departmentId?: string | null;
  /** Required for role "gridWorker", absent otherwise (the routes check it). */
  communityId?: string | null;
  /** Absent: a one-time password is generated and must be changed at first login. */
  password?: string;
}

export class AccountRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Account[]> {
    const rows = await this.db.staffAccount.findMany({ orderBy: { createdAt: "asc" }, include: WITH_DEPARTMENT });
    return rows.map(toAccount);
  }

  async count(): Promise<number> {
    return this.db.staffAccount.count();
  }

  async byId(id: string): Promise<Account | null> {
    const row = await this.db.staffAccount.findUnique({ where: { id }, include: WITH_DEPARTMENT });
    return row ? toAccount(row) : null;
  }

  /** The row with its hash, for login and password checks only. */
  async withHash(where: { username: string } | { id: string }): Promise<(Account & { passwordHash: string }) | null> {
    const row = await this.db.staffAccount.findUnique({ where, include: WITH_DEPARTMENT });
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
          departmentId: input.departmentId ?? null,
          communityId: input.communityId ?? null,
          passwordHash,
          mustChangePassword: generated !== undefined,
        },
        include: WITH_DEPARTMENT,
      });
      return generated === undefined ? { account: toAccount(row) } : { account: toAccount(row), oneTimePassword: generated };
    } catch (error) {
      if ((error as { code?: unknown }).code === "P2002") return null; // unique constraint
      throw error;
    }
  }

  async update(id: string, patch: Partial<Pick<Account, "displayName" | "role" | "disabled" | "departmentId" | "communityId">>): Promise<Account> {
    return toAccount(await this.db.staffAccount.update({ where: { id }, data: patch, include: WITH_DEPARTMENT }));
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
