// The ledger's REST endpoints (docs/ledger.md): items, actions, attachments, departments,
// dashboard, reminders and the exports; the session cookie and the CSRF header as in api.ts.
import type { LedgerAction, LedgerSource } from "@core/ledger/item.ts";
import type { Department, LedgerImportResult, LedgerItemJson, LedgerStepJson } from "@core/ledger/json.ts";
import { request } from "../api.ts";
import { filterToQuery, type LedgerFilter } from "./filters.ts";
import type { LedgerDashboard } from "./dashboardData.ts";

const enc = encodeURIComponent;
const withFilter = (path: string, filter: LedgerFilter) => {
  const query = filterToQuery(filter);
  return query ? `${path}?${query}` : path;
};

export interface NewLedgerItem {
  source: Exclude<LedgerSource, "meeting">;
  raisedOn: string;
  raisedByName: string;
  sector?: string;
  contact?: string;
  title: string;
  text: string;
  topic?: string;
  suggestedDepartment?: string;
}

export type StaffLedgerAction = Exclude<LedgerAction, { type: "rate" } | { type: "withdraw" } | { type: "import" }>;

export interface Reminders {
  departments: { department: Department; overdue: LedgerItemJson[]; dueSoon: LedgerItemJson[] }[];
}

export const ledgerApi = {
  items: (filter: LedgerFilter) => request<{ items: LedgerItemJson[] }>("GET", withFilter("/api/ledger/items", filter)),
  item: (id: string) => request<{ item: LedgerItemJson; steps: LedgerStepJson[] }>("GET", `/api/ledger/items/${enc(id)}`),
  create: (input: NewLedgerItem) => request<{ item: LedgerItemJson }>("POST", "/api/ledger/items", input),
  act: (id: string, baseVersion: number, action: StaffLedgerAction) =>
    request<{ item: LedgerItemJson; step: LedgerStepJson }>("POST", `/api/ledger/items/${enc(id)}/actions`, { baseVersion, action }),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<{ attachment: { id: string; name: string } }>("POST", `/api/ledger/items/${enc(id)}/attachments`, form);
  },
  attachmentUrl: (id: string) => `/api/ledger/attachments/${enc(id)}`,
  /** 导入台账: a dry run first, then the import (acceptWarnings once the warnings were checked). */
  importLedger: (file: File, options: { dryRun: boolean; acceptWarnings?: boolean }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<LedgerImportResult>("POST", `/api/ledger/import?dryRun=${options.dryRun}${options.acceptWarnings ? "&acceptWarnings=true" : ""}`, form);
  },

  departments: () => request<{ departments: Department[] }>("GET", "/api/ledger/departments"),
  createDepartment: (name: string) => request<{ department: Department }>("POST", "/api/ledger/departments", { name }),
  updateDepartment: (id: string, input: { name?: string; disabled?: boolean }) =>
    request<{ department: Department }>("PATCH", `/api/ledger/departments/${enc(id)}`, input),

  dashboard: (filter: LedgerFilter) => request<LedgerDashboard>("GET", withFilter("/api/ledger/dashboard", filter)),
  reminders: () => request<Reminders>("GET", "/api/ledger/reminders"),
  exportUrl: (format: "xlsx" | "csv", filter: LedgerFilter) => withFilter(`/api/ledger/export.${format}`, filter),
};
