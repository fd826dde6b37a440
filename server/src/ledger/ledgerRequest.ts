// The ledger's HTTP edge: the filter of a request's query (VALIDATION when bad) and the logged-in
// reader (secretariat or a department), for the ledger and report routes.
import type { Request } from "express";
import { abort } from "../http/apiError.ts";
import { MANAGERS, requireStaff, type StaffContext } from "../http/staffAuth.ts";
import { LedgerFilterQuery, type LedgerFilter, type LedgerViewer } from "./ledgerFilter.ts";

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
