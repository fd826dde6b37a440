// Integration-test helpers for the ledger: departments, department accounts, items in a state.
import { AccountRepository, type Account } from "../../server/src/accounts/accountRepository.ts";
import { chinaDate } from "../../core/ledger/deadline.ts";
import type { LedgerActor } from "../../core/ledger/item.ts";
import type { Department } from "../../core/ledger/json.ts";
import type { YishitingServer } from "../../server/src/server.ts";
import { ApiClient, STAFF_PASSWORD } from "./api.ts";

export const SECRETARIAT: LedgerActor = { role: "secretariat", id: "test-secretariat", name: "秘书处" };

export async function createDepartment(server: YishitingServer, name: string): Promise<Department> {
  const department = await server.ledger.departments.create(name, Date.now());
  if (!department) throw new Error(`department ${name} exists`);
  return department;
}

/** A department account with a known password, logged in. */
export async function departmentClient(
  server: YishitingServer,
  baseUrl: string,
  username: string,
  departmentId: string,
): Promise<{ client: ApiClient; account: Account }> {
  const created = await new AccountRepository(server.db).create({
    username,
    displayName: username,
    role: "department",
    departmentId,
    password: STAFF_PASSWORD,
  });
  if (!created) throw new Error(`username ${username} taken`);
  const client = new ApiClient(baseUrl);
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
  return { client, account: created.account };
}

/** The date `days` from `now` in China (a deadline). */
export const chinaDay = (now: number, days: number): string => chinaDate(now + days * 86_400_000);

/** A staff-entered item, assigned to `lead` (and `partners`) unless lead is null; its id. */
export async function newLedgerItem(
  server: YishitingServer,
  lead: string | null,
  options: { partners?: string[]; deadline?: string; title?: string; now?: number } = {},
): Promise<string> {
  const item = await server.ledger.create(
    { source: "hotline", raisedOn: chinaDate(options.now ?? Date.now()), raisedByName: "张热线", title: options.title ?? "小区路灯不亮", text: "夜间出行不便" },
    "test",
  );
  if (lead === null) return item.id;
  await server.ledger.act(
    item.id,
    item.version,
    { type: "assign", lead, partners: options.partners ?? [], deadline: options.deadline ?? chinaDay(options.now ?? Date.now(), 10), instructions: "" },
    SECRETARIAT,
  );
  return item.id;
}

export async function versionOf(server: YishitingServer, itemId: string): Promise<number> {
  return (await server.db.ledgerItem.findUniqueOrThrow({ where: { id: itemId } })).version;
}
