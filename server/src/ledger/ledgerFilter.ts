// Who reads the ledger and which items they asked for: the query of GET /api/ledger/items (and of
// the reports: dashboard, reminders, export) as a zod schema, a pure `matchesFilter` over the wire
// shape, and the viewer (secretariat: every item; a department: the items it leads or assists).
// Reading them from a request is the HTTP edge's (ledgerRequest.ts).
import type { z } from "zod";
import { LedgerFilterQuery } from "../../../core/api/ledger.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";

// The query string is the HTTP contract's (core/api/ledger.ts).
export { LedgerFilterQuery };

export type LedgerFilter = z.infer<typeof LedgerFilterQuery>;

/** Whether the item passes every field of the filter (its `flag` as computed at the response's clock). */
export function matchesFilter(item: LedgerItemJson, filter: LedgerFilter): boolean {
  if (filter.number !== undefined && item.number !== Number(filter.number)) return false;
  if (filter.state !== undefined && item.state !== filter.state) return false;
  if (filter.departmentId !== undefined && item.lead?.id !== filter.departmentId && !item.partners.some((p) => p.id === filter.departmentId)) return false;
  if (filter.sector !== undefined && (item.sector ?? "") !== filter.sector) return false;
  if (filter.meetingId !== undefined && item.meetingId !== filter.meetingId) return false;
  if (filter.month !== undefined && !item.raisedOn.startsWith(`${filter.month}-`)) return false;
  if (filter.flag !== undefined && item.flag !== filter.flag) return false;
  if (filter.source !== undefined && item.source !== filter.source) return false;
  if (filter.origin !== undefined && item.origin !== filter.origin) return false;
  if (filter.q !== undefined && filter.q !== "") {
    const words = filter.q
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== "");
    const haystack = `${item.title}\n${item.text}\n${item.raisedByName}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** Who reads the ledger: the secretariat sees every item, a department only its own. */
export type LedgerViewer = { role: "secretariat" } | { role: "department"; departmentId: string };

/** Whether the viewer may see the item at all (a department: lead or partner). */
export const canSee = (item: { lead: { id: string } | null; partners: readonly { id: string }[] }, viewer: LedgerViewer): boolean =>
  viewer.role === "secretariat" || item.lead?.id === viewer.departmentId || item.partners.some((p) => p.id === viewer.departmentId);
