// One mediation case (admin/mediation/cases/:id): its parties (same names told apart), mediators,
// sessions (CaseSessions: 新建调解会谈, or an existing meeting picked from a list), the agreement
// (an oral one with its record) or the referral, obligations with their ledger items, return
// visits, and the form of the next step the state table allows (NextStep).
import { useEffect, useState } from "react";
import type { MediationCase } from "@core/api/mediationCases.ts";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useMediationCasesT } from "../../i18n/mediationCases.ts";
import { Link } from "../../routing/Link.tsx";
import { caseApi } from "./caseApi.ts";
import { CASES_PATH } from "./CasesPage.tsx";
import { CaseSessions } from "./CaseSessions.tsx";
import { NextStep } from "./NextStep.tsx";
import { partyNames } from "./partyNames.ts";

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useMediationCasesT();
  const [found, setFound] = useState<MediationCase | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    caseApi.get(caseId).then((r) => setFound(r.case), setError);
  }, [caseId]);

  if (!found) return error ? <ErrorLine error={error} /> : <Loading />;
  const c = found;
  const names = partyNames(c);
  const updated = (next: MediationCase) => {
    setFound(next);
    setDone(t("detail.saved"));
    setError(null);
  };

  return (
    <section className="admin-page" data-testid="mediation-case">
      <Link to={CASES_PATH}>{t("detail.back")}</Link>
      <h1>
        {c.number} · {t(`category.${c.category}`)}
      </h1>
      <p>
        <strong data-testid="case-state">{t(`state.${c.state}`)}</strong> · {t("list.acceptedOn")} {c.acceptedOn} · {t("detail.source")}{" "}
        {t(`source.${c.source}`)}
      </p>
      <SuccessLine text={done} testId="case-saved" />
      <ErrorLine error={error} />
      <h2>{t("detail.facts")}</h2>
      <p className="pre-wrap">{c.facts}</p>
      <h2>{t("list.parties")}</h2>
      <ul data-testid="case-parties">
        {c.parties.map((p) => (
          <li key={p.id}>
            {t("partyLine", { role: t(`role.${p.role}`), name: names.get(p.id) ?? p.name })} · {p.household} · {p.phone}
          </li>
        ))}
      </ul>
      <h2>{t("create.mediators")}</h2>
      <ul>
        {c.mediators.map((m) => (
          <li key={m.id}>
            {t("mediatorLine", { name: m.name, affiliation: m.affiliation })}
            {m.chief && ` · ${t("create.chief")}`}
          </li>
        ))}
      </ul>
      <CaseSessions case={c} onDone={updated} onError={setError} />
      {c.agreement && (
        <>
          <h2>{t("detail.agreement")}</h2>
          <p data-testid="case-agreement">
            {t(`form.${c.agreement.form}`)} · {c.agreement.agreedOn}
            {c.agreement.oralRecord && <span className="pre-wrap"> · {c.agreement.oralRecord}</span>}
          </p>
        </>
      )}
      {c.referral !== null && (
        <>
          <h2>{t("detail.referral")}</h2>
          <p>{c.referral}</p>
        </>
      )}
      {c.obligations.length > 0 && (
        <>
          <h2>{t("detail.obligations")}</h2>
          <ul data-testid="case-obligations">
            {c.obligations.map((o) => (
              <li key={o.id}>
                {t("obligationLine", { name: names.get(o.partyId) ?? "", text: o.text })} · {t("detail.deadline")} {o.deadline} ·{" "}
                <Link to={`/admin/ledger/items/${encodeURIComponent(o.ledgerItemId)}`}>{t("detail.ledgerItem", { number: o.ledgerNumber })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.returnVisits.length > 0 && (
        <>
          <h2>{t("detail.visits")}</h2>
          <ul data-testid="case-visits">
            {c.returnVisits.map((v) => (
              <li key={v.id}>
                {t("detail.visitOn")} {v.visitOn}
                {v.outcome && ` · ${t(`outcome.${v.outcome}`)} · ${v.visitedOn ?? ""}`}
                {v.note && ` · ${v.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.closedOn && (
        <p>
          {t("detail.closedOn")} {c.closedOn}
        </p>
      )}
      <NextStep case={c} names={names} onDone={updated} onError={setError} />
    </section>
  );
}
