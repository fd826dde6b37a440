// The ledger's reports over HTTP (docs/ledger.md#reports, docs/api.md#ledger-reports): the
// dashboard (督办 counts), the reminder list per lead department and the export (问题台账 as XLSX
// or CSV). Same query filters and same visibility as GET /api/ledger/items: the secretariat
// (admin, organiser) reads every item, a department account only the items its department leads
// or assists; chairs and clerks get 403. Counts and flags are taken at the server's clock.
import { Router, type Request } from "express";
import { ledgerDashboard, reminders } from "../../../core/ledger/report.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import { route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { contentDisposition } from "../meetings/materialFiles.ts";
import { exportLedger, LEDGER_EXPORT_FORMATS, LEDGER_EXPORT_MIME, ledgerFileName } from "./ledgerExport.ts";
import type { LedgerViewer } from "./ledgerFilter.ts";
import { parseLedgerFilter, requireLedgerViewer } from "./ledgerRequest.ts";

export function reportRoutes(deps: ApiDeps): Router {
  const router = Router();

  /** Authorizes, parses the filter (VALIDATION on bad input), and lists what the viewer may see. */
  async function visibleItems(req: Request): Promise<{ viewer: LedgerViewer; items: LedgerItemJson[] }> {
    const { viewer } = requireLedgerViewer(req);
    const filter = parseLedgerFilter(req.query);
    return { viewer, items: await deps.ledger.list(filter, viewer) };
  }

  router.get(
    "/ledger/dashboard",
    route(async (req, res) => {
      const { items } = await visibleItems(req);
      res.json(ledgerDashboard(items, deps.now()));
    }),
  );

  router.get(
    "/ledger/reminders",
    route(async (req, res) => {
      const { viewer, items } = await visibleItems(req);
      const list = reminders(items, await deps.ledger.departments.list(), deps.now());
      // A department's own list only (not the lists of the lead departments of items it assists).
      res.json(viewer.role === "department" ? { departments: list.departments.filter((d) => d.department.id === viewer.departmentId) } : list);
    }),
  );

  for (const format of LEDGER_EXPORT_FORMATS) {
    router.get(
      `/ledger/export.${format}`,
      route(async (req, res) => {
        const { items } = await visibleItems(req);
        // The ledger reads in 序号 order, 1 first.
        const body = await exportLedger(
          [...items].sort((a, b) => a.number - b.number),
          format,
        );
        res.set({
          "Content-Type": LEDGER_EXPORT_MIME[format],
          "Content-Disposition": contentDisposition("attachment", ledgerFileName(format, deps.now())),
          "Cache-Control": "private, no-store",
        });
        res.send(body);
      }),
    );
  }

  return router;
}
