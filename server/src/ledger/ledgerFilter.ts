// Who reads the ledger and which items they asked for: the query of GET /api/ledger/items (and of
// the reports: dashboard, reminders, export) as a zod schema, a pure `matchesFilter` over the wire
// shape, and the viewer (secretariat: every item; a department: the items it leads or assists).
// Reading them from a request is the HTTP edge's (ledgerRequest.ts).
import { z } from "zod";
import { isCalendarDate } from "../../../core/ledger/deadline.ts";
import { LEDGER_ORIGINS, LEDGER_SOURCES, LEDGER_STATES } from "../../../core/ledger/item.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";

const Id = z.string().min(1).max(64);

/** The query string; every field optional, an empty value is the same as none. */
export const LedgerFilterQuery = z
  .object({
    state: z.enum(LEDGER_STATES).optional(),
    departmentId: Id.optional(),
    sector: z.string().trim().max(64).optional(),
    meetingId: Id.optional(),
    /** raisedOn's month */
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, "expected YYYY-MM")
      .refine((m) => isCalendarDate(`${m}-01`), "expected YYYY-MM")
      .optional(),
    flag: z.enum(["overdue", "dueSoon"]).optional(),
    source: z.enum(LEDGER_SOURCES).optional(),
    /** 意见建议 or 议定事项 */
    origin: z.enum(LEDGER_ORIGINS).optional(),
    /** Words of the title, the text or the name of who raised it. */
    q: z.string().trim().max(100).optional(),
  })
  .strip();

export type LedgerFilter = z.infer<typeof LedgerFilterQuery>;

/** Whether the item passes every field of the filter (its `flag` as computed at the response's clock). */
export function matchesFilter(item: LedgerItemJson, filter: LedgerFilter): boolean {
  if (filter.state !== undefined && item.state !== filter.state) return false;
  if (filter.departmentId !== undefined && item.lead?.id !== filter.departmentId && !item.partners.some((p) => p.id === filter.departmentId)) return false;
  if (filter.sector !== undefined && (item.sector ?? "") !== filter.sector) return false;
  if (filter.meetingId !== undefined && item.meetingId !== filter.meetingId) return false;
  if (filter.month !== undefined && !item.raisedOn.startsWith(`${filter.month}-`)) return false;
  if (filter.flag !== undefined && item.flag !== filter.flag) return false;
  if (filter.source !== undefined && item.source !== filter.source) return false;
  if (filter.origin !== undefined && item.origin !== filter.origin) return false;
  if (filter.q !== undefined && filter.q !== "") {
    const words = filter.q.toLowerCase().split(/\s+/).filter((w) => w !== "");
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
