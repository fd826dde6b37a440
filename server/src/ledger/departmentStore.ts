// 承办单位: the departments ledger items are assigned to. Listed by pinyin; renamed or disabled,
// never deleted (items and accounts keep pointing at them).
import { randomUUID } from "node:crypto";
import type { Department } from "../../../core/ledger/json.ts";
import type { Db } from "../db/database.ts";
import { sortParticipants } from "../roster/sortParticipants.ts";

const toDepartment = (row: { id: string; name: string; disabled: boolean }): Department => ({ id: row.id, name: row.name, disabled: row.disabled });

/** By pinyin of the name (the roster's order), ties by name. */
export const byPinyin = (departments: readonly Department[]): Department[] =>
  sortParticipants(
    departments.map((d, ordinal) => ({ ...d, ordinal })),
    "pinyin",
  ).map(({ ordinal: _ordinal, ...d }) => d);

export class DepartmentStore {
  constructor(private readonly db: Db) {}

  async list(): Promise<Department[]> {
    return byPinyin((await this.db.department.findMany({ orderBy: { name: "asc" } })).map(toDepartment));
  }

  async byId(id: string): Promise<Department | null> {
    const row = await this.db.department.findUnique({ where: { id } });
    return row ? toDepartment(row) : null;
  }

  /** Every department by id (disabled ones too: old items still name them). */
  async map(): Promise<Map<string, Department>> {
    return new Map((await this.db.department.findMany()).map((row) => [row.id, toDepartment(row)]));
  }

  /** Creates it; null when the name is taken. */
  async create(name: string, now: number): Promise<Department | null> {
    try {
      return toDepartment(await this.db.department.create({ data: { id: randomUUID(), name, createdAt: new Date(now) } }));
    } catch (error) {
      if ((error as { code?: unknown }).code === "P2002") return null;
      throw error;
    }
  }

  /** Renames or (re-)enables it; "exists" when the new name is taken, null when there is no such department. */
  async update(id: string, patch: { name?: string; disabled?: boolean }): Promise<Department | "exists" | null> {
    if (!(await this.db.department.count({ where: { id } }))) return null;
    try {
      return toDepartment(await this.db.department.update({ where: { id }, data: patch }));
    } catch (error) {
      if ((error as { code?: unknown }).code === "P2002") return "exists";
      throw error;
    }
  }
}
