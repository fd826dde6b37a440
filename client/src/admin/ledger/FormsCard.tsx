// 交办单 / 反馈单 on the item page: the forms issued with its assignments, replies and 就地解决, oldest first,
// each with its number, date and the PDF and DOCX downloads (session cookie, docs/ledger.md#forms-交办单--反馈单).
import type { LedgerFormJson } from "@core/ledger/forms.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { ledgerApi } from "./ledgerApi.ts";

export function FormsCard({ itemId, forms }: { itemId: string; forms: readonly LedgerFormJson[] }) {
  const { t } = useAdminT();
  return (
    <section className="admin-card" aria-labelledby="ledger-forms">
      <h2 id="ledger-forms">{t("ledger.forms.title")}</h2>
      {forms.length === 0 ? (
        <p className="muted">{t("ledger.forms.none")}</p>
      ) : (
        <ul className="ledger-forms" data-testid="ledger-issued-forms">
          {forms.map((form) => (
            <li key={form.id} data-testid="ledger-issued-form" data-kind={form.kind}>
              <div>
                <strong>{t(`ledger.forms.kind.${form.kind}`)}</strong> <span data-testid="ledger-issued-form-number">{form.number}</span>
                <div className="muted small">{t("ledger.forms.issued", { date: form.date })}</div>
              </div>
              <div className="ledger-form-files">
                {(["pdf", "docx"] as const).map((format) => (
                  <a
                    key={format}
                    href={ledgerApi.formUrl(itemId, form.id, format)}
                    download
                    aria-label={t("ledger.forms.download", { kind: t(`ledger.forms.kind.${form.kind}`), number: form.number, format: format.toUpperCase() })}
                    data-testid={`ledger-issued-form-${format}`}
                  >
                    {format.toUpperCase()}
                  </a>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
