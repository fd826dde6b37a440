// The next step of a case, as the state table allows it (core/mediation/case.ts): start; the
// agreement (written, or oral with its record) or the failure with the referral; the obligations
// (who does what by when: each becomes a ledger item); a return visit scheduled, then its outcome;
// closing (after a kept visit, or a failure).
import { useId, useState, type FormEvent } from "react";
import type { MediationCase, MediationCaseStep } from "@core/api/mediationCases.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { VISIT_OUTCOMES, type AgreementForm, type VisitOutcome } from "@core/mediation/case.ts";
import { useMediationCasesT } from "../../i18n/mediationCases.ts";
import { caseApi } from "./caseApi.ts";

interface Props {
  case: MediationCase;
  names: ReadonlyMap<string, string>;
  onDone: (updated: MediationCase) => void;
  onError: (error: unknown) => void;
}

export function NextStep({ case: c, names, onDone, onError }: Props) {
  const { t } = useMediationCasesT();
  const id = useId();
  const [today] = useState(() => chinaDate(Date.now()));
  const [date, setDate] = useState(today);
  const [form, setForm] = useState<AgreementForm>("written");
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<VisitOutcome>("kept");
  const [obligations, setObligations] = useState([{ partyId: c.parties[0]?.id ?? "", text: "", deadline: today }]);
  const [busy, setBusy] = useState(false);

  const send = async (step: MediationCaseStep, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    try {
      onDone((await caseApi.step(c.id, step)).case);
      setText("");
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const dateField = (label: string) => (
    <div className="field">
      <label htmlFor={`${id}-date`}>{label}</label>
      <input id={`${id}-date`} type="date" value={date} min={c.acceptedOn} onChange={(e) => setDate(e.target.value)} required />
    </div>
  );
  const submit = (label: string, testId: string) => (
    <button type="submit" className="primary" disabled={busy} data-testid={testId}>
      {label}
    </button>
  );
  const lastVisit = c.returnVisits.at(-1);
  if (c.state === "closed") return null;

  return (
    <section aria-label={t("detail.nextStep")} data-testid="case-next-step">
      <h2>{t("detail.nextStep")}</h2>
      {c.state === "accepted" && (
        <button type="button" className="primary" disabled={busy} onClick={() => void send({ type: "start" })} data-testid="step-start">
          {t("detail.start")}
        </button>
      )}
      {c.state === "mediating" && (
        <>
          <form onSubmit={(e) => void send({ type: "agree", form, oralRecord: form === "oral" ? text : null, agreedOn: date }, e)} data-testid="step-agree">
            <div className="form-grid">
              <fieldset className="field span-2 choice-group">
                <legend>{t("detail.agreement")}</legend>
                {(["written", "oral"] as const).map((f) => (
                  <label key={f} className="choice">
                    <input type="radio" name={`${id}-form`} checked={form === f} onChange={() => setForm(f)} />
                    {t(`form.${f}`)}
                  </label>
                ))}
              </fieldset>
              {form === "oral" && (
                <div className="field span-2">
                  <label htmlFor={`${id}-oral`}>{t("detail.oralRecord")}</label>
                  <textarea id={`${id}-oral`} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} rows={3} required />
                </div>
              )}
              {dateField(t("detail.agreedOn"))}
            </div>
            {submit(t("detail.agree"), "step-agree-submit")}
          </form>
          <form onSubmit={(e) => void send({ type: "fail", referral: text }, e)} data-testid="step-fail">
            <div className="field span-2">
              <label htmlFor={`${id}-referral`}>{t("detail.referral")}</label>
              <textarea id={`${id}-referral`} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} rows={2} required />
            </div>
            {submit(t("detail.fail"), "step-fail-submit")}
          </form>
        </>
      )}
      {c.state === "agreed" && (
        <form onSubmit={(e) => void send({ type: "perform", obligations }, e)} data-testid="step-perform">
          {obligations.map((o, i) => {
            const set = (patch: Partial<typeof o>) => setObligations((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <div key={i} className="form-grid">
                <select aria-label={t("detail.obligationParty")} value={o.partyId} onChange={(e) => set({ partyId: e.target.value })}>
                  {c.parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {names.get(p.id) ?? p.name}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={t("detail.obligationText")}
                  placeholder={t("detail.obligationText")}
                  value={o.text}
                  onChange={(e) => set({ text: e.target.value })}
                  maxLength={500}
                  required
                />
                <input
                  aria-label={t("detail.deadline")}
                  type="date"
                  value={o.deadline}
                  min={c.acceptedOn}
                  onChange={(e) => set({ deadline: e.target.value })}
                  required
                />
              </div>
            );
          })}
          <button type="button" onClick={() => setObligations((list) => [...list, { partyId: c.parties[0]?.id ?? "", text: "", deadline: today }])}>
            {t("detail.addObligation")}
          </button>
          {submit(t("detail.perform"), "step-perform-submit")}
        </form>
      )}
      {c.state === "performing" && (
        <form onSubmit={(e) => void send({ type: "scheduleVisit", visitOn: date }, e)} data-testid="step-schedule-visit">
          {dateField(t("detail.visitOn"))}
          {submit(t("detail.scheduleVisit"), "step-schedule-visit-submit")}
        </form>
      )}
      {c.state === "returnVisit" && lastVisit?.outcome === null && (
        <form onSubmit={(e) => void send({ type: "recordVisit", outcome, visitedOn: date, note: text }, e)} data-testid="step-record-visit">
          <fieldset className="choice-group">
            <legend>{t("detail.visits")}</legend>
            {VISIT_OUTCOMES.map((v) => (
              <label key={v} className="choice">
                <input type="radio" name={`${id}-outcome`} checked={outcome === v} onChange={() => setOutcome(v)} />
                {t(`outcome.${v}`)}
              </label>
            ))}
          </fieldset>
          {dateField(t("detail.visitedOn"))}
          <div className="field">
            <label htmlFor={`${id}-note`}>{t("detail.note")}</label>
            <textarea id={`${id}-note`} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={2} />
          </div>
          {submit(t("detail.recordVisit"), "step-record-visit-submit")}
        </form>
      )}
      {(c.state === "failed" || (c.state === "returnVisit" && lastVisit?.outcome === "kept")) && (
        <form onSubmit={(e) => void send({ type: "close", closedOn: date }, e)} data-testid="step-close">
          {dateField(t("detail.closedOn"))}
          {submit(t("detail.close"), "step-close-submit")}
        </form>
      )}
    </section>
  );
}
