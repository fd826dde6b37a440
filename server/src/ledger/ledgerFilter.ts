// Who reads the ledger and which items they asked for: the query of GET /api/ledger/items (and of
// the reports: dashboard, reminders, export) parsed with zod, a pure `matchesFilter` over the wire
// shape, and the viewer (secretariat: every item; a department: the items it leads or assists).
import type { Request } from "express";
import { z } from "zod";
import { isCalendarDate } from "../../../core/ledger/deadline.ts";
import { LEDGER_ORIGINS, LEDGER_SOURCES, LEDGER_STATES } from "../../../core/ledger/item.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import { abort } from "../http/apiError.ts";
import { MANAGERS, requireStaff, type StaffContext } from "../http/staffAuth.ts";

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

/** Parses `req.query` (or any record of strings); empty strings are dropped first. VALIDATION on bad input. */
export function parseLedgerFilter(query: unknown): LedgerFilter {
  const raw = typeof query === "object" && query !== null ? (query as Record<string, unknown>) : {};
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "" && v !== undefined));
  const result = LedgerFilterQuery.safeParse(present);
  if (result.success) {
    const filter = result.data;
    return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== "")) as LedgerFilter;
  }
  return abort(
    "VALIDATION",
    result.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(query)"}: ${i.message}`),
  );
}

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

/**
 * The logged-in ledger reader: admin and organiser accounts (secretariat) or a department account
 * (its department). 401 without a session; 403 for chairs, clerks and department accounts without
 * a department.
 */
export function requireLedgerViewer(req: Request): { staff: StaffContext; viewer: LedgerViewer } {
  const staff = requireStaff(req, [...MANAGERS, "department"]);
  const { account } = staff;
  if (account.role === "department") {
    if (account.departmentId === null) abort("FORBIDDEN");
    return { staff, viewer: { role: "department", departmentId: account.departmentId } };
  }
  return { staff, viewer: { role: "secretariat" } };
}
