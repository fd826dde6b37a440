// The row-by-row report of a file import (the roster, the ledger): row, column, what is wrong, in
// the UI language; warnings (rows that import only once confirmed, e.g. a name that lost a
// character) marked with a sign and a word, not colour alone. WarningsConfirm is the checkbox that
// confirms them.
import type { RowReport } from "../types.ts";
import { bilingual, useAdminT } from "./useAdminT.ts";

export function ImportReport({ title, rows, fieldLabel }: { title: string; rows: RowReport[]; fieldLabel: (field: string) => string }) {
  const { t } = useAdminT();
  return (
    <table className="admin-table report" data-testid="import-report">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-row">
            {t("import.row")}
          </th>
          <th scope="col" className="col-field">
            {t("import.field")}
          </th>
          <th scope="col">{t("import.problem")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={`${row.row}-${row.field ?? ""}-${index}`}
            className={row.warning ? "report-warning" : undefined}
            data-testid={row.warning ? "import-warning" : "import-problem"}
          >
            <td className="num">{row.row > 0 ? row.row : t("import.wholeFile")}</td>
            <td>{row.field ? fieldLabel(row.field) : ""}</td>
            <td>
              {row.warning && (
                <strong className="report-warning-mark">
                  <span aria-hidden="true">⚠</span> {t("import.warning")}{" "}
                </strong>
              )}
              {bilingual(row.message)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "I have checked the warnings": required before an import with warnings is applied. */
export function WarningsConfirm({
  count,
  checked,
  onChange,
  disabled,
}: {
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const { t } = useAdminT();
  return (
    <label className="choice report-confirm">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid="import-accept-warnings" />
      {t("import.acceptWarnings", { count })}
    </label>
  );
}
