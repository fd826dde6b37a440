// POST /api/ledger/import (docs/api.md#ledger-台账, docs/ledger.md#import-导入台账): a paper ledger
// as CSV (UTF-8 with or without BOM, GBK) or XLSX, for the secretariat (admin, organiser) only.
// A dry run reports every row (taken or refused and why, warnings); the import enters the taken
// rows in one transaction, once warnings are confirmed. Refused rows change nothing.
import { Router } from "express";
import type { LedgerImportResult } from "../../../core/ledger/json.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { ImportQuery } from "../../../core/api/common.ts";
import { MANAGERS, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName } from "../meetings/materialFiles.ts";
import { receiveFile } from "../meetings/materialRoutes.ts";
import { readTable } from "../roster/readTable.ts";
import { importReport, planImport } from "./importRows.ts";
import { staffActor } from "./ledgerRoutes.ts";

/** A paper ledger with long texts is larger than a roster. */
export const MAX_LEDGER_IMPORT_BYTES = 5 * 1024 * 1024;

export function importRoutes(deps: ApiDeps): Router {
  const { ledger } = deps;
  const router = Router();
  const receive = receiveFile(MAX_LEDGER_IMPORT_BYTES);

  router.post(
    "/ledger/import",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const { dryRun, acceptWarnings } = parse(ImportQuery, req.query);
      const file = await receive(req, res);
      const fileName = cleanFileName(file.originalname);
      const table = await readTable(file.buffer, fileName);
      if (!table.ok)
        abort(
          table.code === "CSV_SYNTAX" ? "LEDGER_IMPORT_INVALID" : table.code,
          table.code === "CSV_SYNTAX" ? [importReport(table.line, "CSV_SYNTAX", undefined)] : table.report,
        );
      const [departments, existing] = await Promise.all([ledger.departments.list(), ledger.keys()]);
      const planned = planImport(table.rows, { fileName, departments, existing, now: deps.now() });
      if (!planned.ok) abort("LEDGER_IMPORT_INVALID", planned.report);
      const { plan } = planned;
      const taken = new Set(plan.items.map((i) => i.row));
      const warnings = plan.report.filter((r) => r.warning && taken.has(r.row));
      // Taken rows with warnings (a name that lost a character, an unknown department of a new item) wait for confirmation.
      if (!dryRun && plan.items.length > 0 && warnings.length > 0 && !acceptWarnings) abort("IMPORT_NEEDS_CONFIRMATION", warnings);
      const actor = staffActor(staff);
      if (actor.role !== "secretariat") abort("FORBIDDEN");
      const entered = dryRun || plan.items.length === 0 ? [] : orAbort(await ledger.importItems(plan.items, actor));
      const numberOf = new Map(entered.map((e) => [e.row, e.number]));
      res.json({
        dryRun,
        imported: plan.items.length,
        refused: plan.rows.filter((r) => r.status === "refused").length,
        rows: plan.rows.map((r) => ({ ...r, number: numberOf.get(r.row) ?? null })),
        report: plan.report,
      } satisfies LedgerImportResult);
    }),
  );

  return router;
}
