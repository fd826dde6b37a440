// One mediation meeting's 调解协议书 for its mediators and the secretariat
// (admin/mediation/agreements/<meetingId>): generated from the meeting's roster (its parties and
// mediators) and the case's details, edited as versions (each as Word and PDF), who has signed
// (own link or recorded by the staff, with a drawn signature or not), the mediators' signatures
// recorded, and after a party's refusal the referral (调解不成).
import { useCallback, useEffect, useState } from "react";
import type { MediationAgreementJson } from "@core/api/mediationAgreement.ts";
import { agreementLines, PARTY_ROLES, partyLabel, REFERRALS, type PartyRole, type Referral } from "@core/mediation/agreement.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { api } from "../../admin/api.ts";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useMediationAgreementT } from "../../i18n/mediationAgreement.ts";
import { staffAgreementApi } from "./mediationAgreementApi.ts";
import { confirmedAt, parsePerformance } from "./partyConfirmation.ts";

export const MEDIATION_AGREEMENTS_PATH = "/admin/mediation/agreements";
export const mediationAgreementPath = (meetingId: string) => `${MEDIATION_AGREEMENTS_PATH}/${encodeURIComponent(meetingId)}`;

const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

export function AgreementAdminPage({ meetingId }: { meetingId: string }) {
  const { t } = useMediationAgreementT();
  const [json, setJson] = useState<MediationAgreementJson | null>(null);
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => {
    staffAgreementApi.get(meetingId).then(setJson, setError);
    api.participants(meetingId, "roster").then((r) => setRoster(r.participants as RosterEntry[]), setError);
  }, [meetingId]);
  useEffect(load, [load]);

  const act = async (change: () => Promise<MediationAgreementJson>) => {
    setError(null);
    setDone(null);
    try {
      setJson(await change());
      setDone(t("admin.save"));
    } catch (e) {
      setError(e);
    }
  };

  if (!json) return error ? <ErrorLine error={error} onRetry={load} /> : <Loading />;
  const latest = json.latest;
  return (
    <section className="admin-page" data-testid="ma-admin" data-state={json.state}>
      <h1>{t("admin.title")}</h1>
      <p data-testid="ma-admin-state">{t(`admin.state.${json.state}`)}</p>
      <ErrorLine error={error} />
      <SuccessLine text={done} testId="ma-admin-done" />
      {json.refusal && (
        <p data-testid="ma-admin-refusal">
          {t("admin.refusedBy", { name: json.refusal.name, time: confirmedAt(json.refusal.at), reason: json.refusal.reason })}
          {json.refusal.referral && ` · ${t("admin.referred", { to: t(`admin.referralTo.${json.refusal.referral}`) })}`}
        </p>
      )}
      {json.state === "refused" && !json.refusal?.referral && <ReferralForm onSave={(body) => act(() => staffAgreementApi.refer(meetingId, body))} />}
      {latest ? (
        <>
          <h2>
            {t("admin.version", { number: latest.number })} · <span data-testid="ma-admin-code">{t("admin.code", { code: latest.code })}</span>
          </h2>
          <p>
            {json.versions.map((v) => (
              <span key={v.number} className="ma-version">
                {t("admin.version", { number: v.number })}:{" "}
                <a href={staffAgreementApi.fileUrl(meetingId, v.number, "docx")} data-testid={`ma-admin-docx-${v.number}`}>
                  Word
                </a>{" "}
                ·{" "}
                <a href={staffAgreementApi.fileUrl(meetingId, v.number, "pdf")} data-testid={`ma-admin-pdf-${v.number}`}>
                  PDF
                </a>{" "}
              </span>
            ))}
          </p>
          <h3>{t("admin.signatures")}</h3>
          <ul data-testid="ma-admin-signatures">
            {[
              ...latest.content.parties.map((p) => ({ id: p.participantId, label: partyLabel(p), mediator: false })),
              ...latest.content.mediators.map((m) => ({ id: m.participantId, label: m.name, mediator: true })),
            ].map((s) => {
              const signed = json.signatures.find((x) => x.participantId === s.id);
              return (
                <li key={s.id} data-testid={`ma-admin-signer-${s.id}`} data-signed={signed ? "yes" : "no"}>
                  {t("admin.signer", { label: s.label })}
                  {signed
                    ? `${t("admin.signedAt", { time: confirmedAt(signed.at), via: t(`admin.via.${signed.via}`) })}${signed.drawn ? ` · ${t("admin.drawn")}` : ""}`
                    : t("admin.pending")}
                  {!signed && s.mediator && json.state !== "refused" && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(() => staffAgreementApi.signMediator(meetingId, { participantId: s.id, version: latest.number, code: latest.code }))
                      }
                      data-testid={`ma-admin-sign-${s.id}`}
                    >
                      {t("admin.signMediator")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="ma-text" data-testid="ma-admin-text">
            {agreementLines(latest.content, json.signatures, chinaDay).map((line, i) => (
              <p key={i} className={`ma-line ma-${line.kind}`}>
                {line.text}
              </p>
            ))}
          </div>
          {(json.state === "draft" || json.state === "signing") && (
            <TermsEditor
              key={latest.number}
              terms={latest.content.terms}
              onSave={(terms) => act(() => staffAgreementApi.save(meetingId, { baseVersion: latest.number, content: { ...latest.content, terms } }))}
            />
          )}
        </>
      ) : (
        <GenerateForm roster={roster} onSave={(generate) => act(() => staffAgreementApi.save(meetingId, { baseVersion: 0, generate }))} />
      )}
    </section>
  );
}

function GenerateForm({ roster, onSave }: { roster: readonly RosterEntry[]; onSave: (generate: unknown) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const parties = roster.filter((r) => r.role === "member");
  const [roles, setRoles] = useState<Record<string, PartyRole>>({});
  const [fields, setFields] = useState({ caseNumber: "", committee: "", facts: "", dispute: "", terms: "", performance: "" });
  if (parties.length === 0) return <p className="muted">{t("admin.noParties")}</p>;
  const field = (key: keyof typeof fields, multiline = false) => (
    <label key={key}>
      {t(`admin.${key}`)}
      {multiline ? (
        <textarea value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={`ma-gen-${key}`} />
      ) : (
        <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={`ma-gen-${key}`} />
      )}
    </label>
  );
  // Left blank: the number, the facts and the roles come from the case this meeting is a session of.
  const everyRole = parties.every((p) => roles[p.id] !== undefined);
  const submit = () =>
    onSave({
      ...(fields.caseNumber.trim() ? { caseNumber: fields.caseNumber.trim() } : {}),
      ...(fields.facts.trim() ? { facts: fields.facts.trim() } : {}),
      committee: fields.committee,
      dispute: fields.dispute,
      terms: fields.terms
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
      performance: parsePerformance(
        fields.performance,
        parties.map((p) => p.id),
      ),
      ...(everyRole ? { parties: parties.map((p) => ({ participantId: p.id, role: roles[p.id]! })) } : {}),
    });
  return (
    <form
      className="admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="ma-generate"
    >
      {field("caseNumber")}
      {field("committee")}
      {parties.map((p, i) => (
        <label key={p.id}>
          {t(p.household ? "admin.partyWithHousehold" : "admin.partyPlain", { n: i + 1, name: p.name, household: p.household })}
          <select
            value={roles[p.id] ?? ""}
            onChange={(e) => {
              const { [p.id]: _old, ...rest } = roles;
              setRoles(e.target.value === "" ? rest : { ...rest, [p.id]: e.target.value as PartyRole });
            }}
            data-testid={`ma-gen-role-${i + 1}`}
          >
            <option value="">{t("admin.fromCase")}</option>
            {PARTY_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {field("facts", true)}
      {field("dispute", true)}
      {field("terms", true)}
      {field("performance", true)}
      <button type="submit" className="primary" data-testid="ma-gen-submit">
        {t("admin.generate")}
      </button>
    </form>
  );
}

function TermsEditor({ terms, onSave }: { terms: readonly string[]; onSave: (terms: string[]) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const [text, setText] = useState(terms.join("\n"));
  return (
    <label>
      {t("admin.terms")}
      <textarea value={text} onChange={(e) => setText(e.target.value)} data-testid="ma-edit-terms" />
      <button
        type="button"
        onClick={() =>
          void onSave(
            text
              .split("\n")
              .map((l) => l.trim())
              .filter(Boolean),
          )
        }
        data-testid="ma-edit-save"
      >
        {t("admin.save")}
      </button>
    </label>
  );
}

function ReferralForm({ onSave }: { onSave: (body: { referral: Referral; note: string | null }) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const [referral, setReferral] = useState<Referral>("court");
  const [note, setNote] = useState("");
  return (
    <div className="admin-form" data-testid="ma-referral">
      <label>
        {t("admin.referral")}
        <select value={referral} onChange={(e) => setReferral(e.target.value as Referral)} data-testid="ma-referral-to">
          {REFERRALS.map((r) => (
            <option key={r} value={r}>
              {t(`admin.referralTo.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("admin.referralNote")}
        <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="ma-referral-note" />
      </label>
      <button type="button" className="primary" onClick={() => void onSave({ referral, note: note.trim() || null })} data-testid="ma-referral-save">
        {t("admin.referral")}
      </button>
    </div>
  );
}
