// Accepting a case (受理): the community, the category, the facts as first stated, the date, an
// optional resident's report (by its ledger 序号), the parties (申请人 / 被申请人 with household and
// phone) and the mediators (one may preside).
import { useEffect, useId, useState, type FormEvent } from "react";
import type { Community } from "@core/api/community.ts";
import type { MediationCase, NewMediator, NewParty } from "@core/api/mediationCases.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { CASE_CATEGORIES, PARTY_ROLES, type CaseCategory } from "@core/mediation/case.ts";
import { ErrorLine } from "../../admin/ui/Feedback.tsx";
import { useMediationCasesT } from "../../i18n/mediationCases.ts";
import { caseApi } from "./caseApi.ts";

const party = (role: NewParty["role"]): NewParty => ({ name: "", household: "", phone: "", role });
const mediator = (): NewMediator => ({ name: "", affiliation: "", chief: false });

export function NewCaseForm({ onCreated }: { onCreated: (created: MediationCase) => void }) {
  const { t } = useMediationCasesT();
  const id = useId();
  const [communities, setCommunities] = useState<Community[]>([]);
  const [communityId, setCommunityId] = useState("");
  const [category, setCategory] = useState<CaseCategory>("neighbour");
  const [facts, setFacts] = useState("");
  const [acceptedOn, setAcceptedOn] = useState(() => chinaDate(Date.now()));
  const [ledgerNumber, setLedgerNumber] = useState("");
  const [parties, setParties] = useState<NewParty[]>([party("applicant"), party("respondent")]);
  const [mediators, setMediators] = useState<NewMediator[]>([{ ...mediator(), chief: true }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    caseApi.communities().then(({ communities: list }) => {
      setCommunities(list);
      setCommunityId((current) => current || (list[0]?.id ?? ""));
    }, setError);
  }, []);

  const setParty = (i: number, patch: Partial<NewParty>) => setParties((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const setMediator = (i: number, patch: Partial<NewMediator>) => setMediators((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let ledgerItemId: string | null = null;
      if (ledgerNumber.trim()) {
        const item = await caseApi.ledgerItem(ledgerNumber.trim());
        if (!item) throw new Error(t("create.noSuchItem", { number: ledgerNumber.trim() }));
        ledgerItemId = item.id;
      }
      const { case: created } = await caseApi.create({ communityId, category, facts, acceptedOn, ledgerItemId, parties, mediators });
      onCreated(created);
      setFacts("");
      setLedgerNumber("");
      setParties([party("applicant"), party("respondent")]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="new-case-form">
      <h2>{t("create.title")}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-community`}>{t("create.community")}</label>
          <select id={`${id}-community`} value={communityId} onChange={(e) => setCommunityId(e.target.value)} required>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t("create.category")}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value as CaseCategory)}>
            {CASE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-2">
          <label htmlFor={`${id}-facts`}>{t("create.facts")}</label>
          <textarea id={`${id}-facts`} value={facts} onChange={(e) => setFacts(e.target.value)} maxLength={4000} rows={4} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-on`}>{t("create.acceptedOn")}</label>
          <input id={`${id}-on`} type="date" value={acceptedOn} onChange={(e) => setAcceptedOn(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ledger`}>{t("create.ledgerNumber")}</label>
          <input id={`${id}-ledger`} inputMode="numeric" value={ledgerNumber} onChange={(e) => setLedgerNumber(e.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>{t("create.parties")}</legend>
        {parties.map((p, i) => (
          <div key={i} className="form-grid" data-testid="party-fields">
            <select aria-label={t("create.parties")} value={p.role} onChange={(e) => setParty(i, { role: e.target.value as NewParty["role"] })}>
              {PARTY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t("create.name")}
              placeholder={t("create.name")}
              value={p.name}
              onChange={(e) => setParty(i, { name: e.target.value })}
              maxLength={50}
              required
            />
            <input
              aria-label={t("create.household")}
              placeholder={t("create.household")}
              value={p.household}
              onChange={(e) => setParty(i, { household: e.target.value })}
              maxLength={100}
              required
            />
            <input
              aria-label={t("create.phone")}
              placeholder={t("create.phone")}
              type="tel"
              value={p.phone}
              onChange={(e) => setParty(i, { phone: e.target.value })}
              required
            />
            {parties.length > 2 && (
              <button type="button" onClick={() => setParties((list) => list.filter((_, j) => j !== i))}>
                {t("create.remove")}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setParties((list) => [...list, party("respondent")])}>
          {t("create.addParty")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("create.mediators")}</legend>
        {mediators.map((m, i) => (
          <div key={i} className="form-grid" data-testid="mediator-fields">
            <input
              aria-label={t("create.name")}
              placeholder={t("create.name")}
              value={m.name}
              onChange={(e) => setMediator(i, { name: e.target.value })}
              maxLength={50}
              required
            />
            <input
              aria-label={t("create.affiliation")}
              placeholder={t("create.affiliation")}
              value={m.affiliation}
              onChange={(e) => setMediator(i, { affiliation: e.target.value })}
              maxLength={50}
              required
            />
            <label className="choice">
              <input type="checkbox" checked={m.chief ?? false} onChange={(e) => setMediator(i, { chief: e.target.checked })} />
              {t("create.chief")}
            </label>
            {mediators.length > 1 && (
              <button type="button" onClick={() => setMediators((list) => list.filter((_, j) => j !== i))}>
                {t("create.remove")}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setMediators((list) => [...list, mediator()])}>
          {t("create.addMediator")}
        </button>
      </fieldset>
      <ErrorLine error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !communityId} data-testid="case-submit">
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}
