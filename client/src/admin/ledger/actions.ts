// Which ledger actions a signed-in user is offered on an item, read from the core's TRANSITIONS
// table (the same one the server decides with) plus its two ownership rules: a department acts
// only on its own items, and only the lead department replies. `rate` (the member's own route)
// and `withdraw` (the record sync's) are never offered here.
import { TRANSITIONS, type LedgerActionType, type LedgerRole, type LedgerState } from "@core/ledger/item.ts";
import type { Department } from "@core/ledger/json.ts";
import type { Account } from "../types.ts";

/** Who looks at the ledger: the secretariat (admin, organiser), a department, or nobody with actions. */
export type Viewer = { role: "secretariat" } | { role: "department"; departmentId: string } | { role: "other" };

export function viewerOf(account: Pick<Account, "role"> & { departmentId?: string | null }): Viewer {
  if (account.role === "admin" || account.role === "organiser") return { role: "secretariat" };
  if (account.role === "department" && account.departmentId) return { role: "department", departmentId: account.departmentId };
  return { role: "other" };
}

/** The actions offered in the browser, in the order their buttons appear. */
export const STAFF_ACTIONS = [
  "assign",
  "resolveLocally",
  "toCouncil",
  "supervise",
  "sendBack",
  "close",
  "progress",
  "reply",
] as const satisfies readonly LedgerActionType[];
/** 就地解决 and 提交议事会 are the community's: offered on items of a community only. */
const COMMUNITY_ACTIONS: readonly StaffAction[] = ["resolveLocally", "toCouncil"];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

interface ItemLike {
  state: LedgerState;
  lead: Pick<Department, "id"> | null;
  partners: readonly Pick<Department, "id">[];
  communityId?: string | null;
}

export function actionsFor(item: ItemLike, viewer: Viewer): StaffAction[] {
  if (viewer.role === "other") return [];
  const role: LedgerRole = viewer.role;
  if (viewer.role === "department") {
    const own = item.lead?.id === viewer.departmentId || item.partners.some((p) => p.id === viewer.departmentId);
    if (!own) return [];
  }
  return STAFF_ACTIONS.filter((type) => {
    const rule = TRANSITIONS[type];
    if (!rule.roles.includes(role) || !rule.from.includes(item.state)) return false;
    if (COMMUNITY_ACTIONS.includes(type) && !item.communityId) return false;
    return !(type === "reply" && viewer.role === "department" && item.lead?.id !== viewer.departmentId);
  });
}

/** 交办 for a new item, 改派 (re-assign) once it has a department. */
export const assignVerb = (state: LedgerState): "assign" | "reassign" => (state === "new" ? "assign" : "reassign");

/** 办结 after a reply; closing a new item is 不予交办 and needs a reason. */
export const closeVerb = (state: LedgerState): "close" | "decline" => (state === "new" ? "decline" : "close");

/**
 * The department to preselect for 交办: the enabled one named exactly as the suggestion names it,
 * else the one whose name contains that text or is contained in it (the longest such name).
 */
export function suggestedDepartment(departments: readonly Department[], suggested: string): Department | null {
  const text = suggested.trim();
  if (!text) return null;
  const enabled = departments.filter((d) => !d.disabled);
  const exact = enabled.find((d) => d.name === text);
  if (exact) return exact;
  const near = enabled.filter((d) => d.name.includes(text) || text.includes(d.name)).sort((a, b) => b.name.length - a.name.length);
  return near[0] ?? null;
}
