// The fields a collection (征集) is set with, shared by the create form and the settings form:
// a count of paper forms and the period.
import { useProposalsT } from "../../i18n/proposals.ts";

/** A count of paper forms (发放, or 纸质份数 counted without typing them in). */
export function CountField({ label, value, onChange, testId }: { label: string; value: string; onChange: (value: string) => void; testId: string }) {
  return (
    <label className="proposals-field">
      {label}
      <input type="number" min={0} max={100000} value={value} onChange={(e) => onChange(e.target.value)} required data-testid={testId} />
    </label>
  );
}

/** When the worker's link takes forms (local date and time inputs). */
export function PeriodFields(props: { opensAt: string; closesAt: string; onOpensAt: (value: string) => void; onClosesAt: (value: string) => void }) {
  const { t } = useProposalsT();
  return (
    <>
      <label className="proposals-field">
        {t("admin.opensAt")}
        <input type="datetime-local" value={props.opensAt} onChange={(e) => props.onOpensAt(e.target.value)} required />
      </label>
      <label className="proposals-field">
        {t("admin.closesAt")}
        <input type="datetime-local" value={props.closesAt} onChange={(e) => props.onClosesAt(e.target.value)} required />
      </label>
    </>
  );
}
