// The ledger's REST endpoints (docs/ledger.md): items, actions, attachments, departments,
// dashboard, reminders and the exports; the session cookie and the CSRF header as in api.ts.
import type { LedgerAction } from "@core/ledger/item.ts";
import type { DepartmentReminder } from "@core/ledger/report.ts";
import {
  ActionResponse,
  AttachmentResponse,
  DashboardResponse,
  DepartmentResponse,
  DepartmentsResponse,
  ImportResponse,
  ItemResponse,
  ItemsResponse,
  ItemWithStepsResponse,
  RemindersResponse,
  type NewLedgerItemInput,
} from "@core/api/ledger.ts";
import { request } from "../api.ts";
import { filterToQuery, type LedgerFilter } from "./filters.ts";

const enc = encodeURIComponent;
const withFilter = (path: string, filter: LedgerFilter) => {
  const query = filterToQuery(filter);
  return query ? `${path}?${query}` : path;
};

/** An item entered by staff, as the form sends it. */
export type NewLedgerItem = NewLedgerItemInput;

export type StaffLedgerAction = Exclude<LedgerAction, { type: "rate" } | { type: "withdraw" } | { type: "import" }>;

export interface Reminders {
  departments: DepartmentReminder[];
}

export const ledgerApi = {
  items: (filter: LedgerFilter) => request("GET", withFilter("/api/ledger/items", filter), ItemsResponse),
  item: (id: string) => request("GET", `/api/ledger/items/${enc(id)}`, ItemWithStepsResponse),
  create: (input: NewLedgerItem) => request("POST", "/api/ledger/items", ItemResponse, input),
  act: (id: string, baseVersion: number, action: StaffLedgerAction) =>
    action.type === "toCouncil"
      ? // 提交议事会 has its own route: the server adds the agenda item and names it in the action.
        request("POST", `/api/ledger/items/${enc(id)}/council`, ActionResponse, { baseVersion, meetingId: action.meetingId })
      : request("POST", `/api/ledger/items/${enc(id)}/actions`, ActionResponse, { baseVersion, action }),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request("POST", `/api/ledger/items/${enc(id)}/attachments`, AttachmentResponse, form);
  },
  attachmentUrl: (id: string) => `/api/ledger/attachments/${enc(id)}`,
  /** An issued 交办单 or 反馈单 of the item as a file. */
  formUrl: (itemId: string, formId: string, format: "pdf" | "docx") => `/api/ledger/items/${enc(itemId)}/forms/${enc(formId)}.${format}`,
  /** 导入台账: a dry run first, then the import (acceptWarnings once the warnings were checked). */
  importLedger: (file: File, options: { dryRun: boolean; acceptWarnings?: boolean }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request("POST", `/api/ledger/import?dryRun=${options.dryRun}${options.acceptWarnings ? "&acceptWarnings=true" : ""}`, ImportResponse, form);
  },

  departments: () => request("GET", "/api/ledger/departments", DepartmentsResponse),
  createDepartment: (name: string) => request("POST", "/api/ledger/departments", DepartmentResponse, { name }),
  updateDepartment: (id: string, input: { name?: string; disabled?: boolean }) =>
    request("PATCH", `/api/ledger/departments/${enc(id)}`, DepartmentResponse, input),

  dashboard: (filter: LedgerFilter) => request("GET", withFilter("/api/ledger/dashboard", filter), DashboardResponse),
  reminders: () => request("GET", "/api/ledger/reminders", RemindersResponse),
  exportUrl: (format: "xlsx" | "csv", filter: LedgerFilter) => withFilter(`/api/ledger/export.${format}`, filter),
};
