// The grid worker's phone page (/admin/grid, docs/community.md): raise a problem for a resident
// (source 网格员), open a resident's receipt by its code, and the community's reports with the
// rating on a resident's behalf (marked as such in the item's history).
import "./intake.css";
import { useCallback, useEffect, useState } from "react";
import type { ReceiptView } from "@core/intake/report.ts";
import { communityApi } from "../admin/community/communityApi.ts";
import { navigate } from "../routing/location.ts";
import { useIntakeT } from "../i18n/intake.ts";
import { errorText, intakeApi, receiptCodeOf } from "./intakeApi.ts";
import { Receipt } from "./IntakeApp.tsx";
import { ReceiptCard } from "./ReceiptCard.tsx";
import { ReportForm } from "./ReportForm.tsx";

export default function GridPage({ communityId }: { communityId: string }) {
  const { t } = useIntakeT();
  const [reports, setReports] = useState<ReceiptView[] | null>(null);
  const [problem, setProblem] = useState("");
  const [receipt, setReceipt] = useState<string | null>(null);
  const [find, setFind] = useState("");
  const [buildings, setBuildings] = useState<string[]>([]);
  useEffect(() => {
    communityApi.households(communityId).then(
      ({ households }) => setBuildings([...new Set(households.map((h) => h.building))]),
      () => setBuildings([]), // the building list is only a help for typing
    );
  }, [communityId]);

  const load = useCallback(() => {
    intakeApi.gridReports().then(
      ({ reports: list }) => {
        setReports(list);
        setProblem("");
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  }, []);
  useEffect(load, [load]);

  const code = receiptCodeOf(find);
  return (
    <div className="intake" data-testid="grid-page">
      <h1>{t("grid.title")}</h1>
      <section className="intake-card">
        <h2>{t("grid.find")}</h2>
        <form
          className="intake-find"
          onSubmit={(e) => {
            e.preventDefault();
            if (code) navigate(`/r/${code}`);
          }}
        >
          <label className="intake-field">
            <span className="intake-hint">{t("grid.findHint")}</span>
            <input value={find} onChange={(e) => setFind(e.target.value)} data-testid="grid-find" />
          </label>
          <button type="submit" className="secondary" disabled={!code}>
            {t("grid.open")}
          </button>
        </form>
      </section>
      <section className="intake-card">
        <h2>{t("grid.enter")}</h2>
        {receipt === null ? (
          <ReportForm
            buildings={buildings}
            onBehalf
            submit={async (form) => {
              setReceipt((await intakeApi.gridReport(form)).receipt);
              load();
            }}
          />
        ) : (
          <Receipt code={receipt} again={() => setReceipt(null)} />
        )}
      </section>
      <section className="intake-form">
        <header className="intake-header">
          <h2>{t("grid.list")}</h2>
          <button type="button" className="secondary" onClick={load}>
            {t("grid.refresh")}
          </button>
        </header>
        {problem && (
          <p className="error-notice" role="alert">
            {problem}
          </p>
        )}
        {reports?.length === 0 && <p className="intake-hint">{t("grid.empty")}</p>}
        {reports?.map((report) => (
          <ReceiptCard
            key={`${report.id}:${report.version}`}
            report={report}
            onBehalf
            rate={async (body) => (await intakeApi.gridRate(report.id, body)).report}
          />
        ))}
      </section>
    </div>
  );
}
