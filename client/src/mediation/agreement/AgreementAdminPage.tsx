// One mediation meeting's 调解协议书 for its mediators and the secretariat
// (admin/mediation/agreements/<meetingId>): generated from the meeting's roster (its parties and
// mediators) and the case's details, edited as versions (each as Word and PDF), who has signed
// (own link or recorded by the staff, with a drawn signature or not), the mediators' signatures
// recorded, and after a party's refusal the referral (调解不成).
import { useCallback, useEffect, useId, useState, type ReactNode } from "react";
import type { MediationAgreementJson } from "@core/api/mediationAgreement.ts";
import { PARTY_ROLES, partyLabel, REFERRALS, type PartyRole, type Referral } from "@core/mediation/agreement.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { api } from "../../admin/api.ts";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { DocumentText } from "../../components/confirmation/DocumentText.tsx";
import { useMediationAgreementT } from "../../i18n/mediationAgreement.ts";
import { staffAgreementApi } from "./mediationAgreementApi.ts";
import { agreementText, confirmedAt, parsePerformance } from "./partyConfirmation.ts";
import "./agreementAdmin.css";

export const MEDIATION_AGREEMENTS_PATH = "/admin/mediation/agreements";
export const mediationAgreementPath = (meetingId: string) => `${MEDIATION_AGREEMENTS_PATH}/${encodeURIComponent(meetingId)}`;

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

  /** A change on the server; `said` names what was done from the answer (已生成第1稿, 已保存为第2稿 …). */
  const act = async (change: () => Promise<MediationAgreementJson>, said: (answer: MediationAgreementJson) => string) => {
    setError(null);
    setDone(null);
    try {
      const answer = await change();
      setJson(answer);
      setDone(said(answer));
    } catch (e) {
      setError(e);
    }
  };
  const savedAs = (key: "admin.generated" | "admin.saved") => (answer: MediationAgreementJson) => t(key, { number: answer.latest?.number ?? 0 });

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
      {json.state === "refused" && !json.refusal?.referral && (
        <ReferralForm
          onSave={(body) =>
            act(
              () => staffAgreementApi.refer(meetingId, body),
              () => t("admin.referralSaved"),
            )
          }
        />
      )}
      {latest ? (
        <>
          <h2>
            {t("admin.version", { number: latest.number })} · <span data-testid="ma-admin-code">{t("admin.code", { code: latest.code })}</span>
          </h2>
          <ul className="ma-admin-versions">
            {json.versions.map((v) => (
              <li key={v.number} className="ma-version">
                {t("admin.versionFiles", { number: v.number })}
                <a href={staffAgreementApi.fileUrl(meetingId, v.number, "docx")} data-testid={`ma-admin-docx-${v.number}`}>
                  Word
                </a>
                <a href={staffAgreementApi.fileUrl(meetingId, v.number, "pdf")} data-testid={`ma-admin-pdf-${v.number}`}>
                  PDF
                </a>
              </li>
            ))}
          </ul>
          <h3>{t("admin.signatures")}</h3>
          <ul className="ma-admin-signers" data-testid="ma-admin-signatures">
            {[
              ...latest.content.parties.map((p) => ({ id: p.participantId, label: partyLabel(p), mediator: false })),
              ...latest.content.mediators.map((m) => ({ id: m.participantId, label: m.name, mediator: true })),
            ].map((s) => {
              const signed = json.signatures.find((x) => x.participantId === s.id);
              return (
                <li key={s.id} data-testid={`ma-admin-signer-${s.id}`} data-signed={signed ? "yes" : "no"}>
                  <span>
                    {t("admin.signer", { label: s.label })}
                    {signed
                      ? `${t("admin.signedAt", { time: confirmedAt(signed.at), via: t(`admin.via.${signed.via}`) })}${signed.drawn ? ` · ${t("admin.drawn")}` : ""}`
                      : t("admin.pending")}
                  </span>
                  {!signed && s.mediator && json.state !== "refused" && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          () => staffAgreementApi.signMediator(meetingId, { participantId: s.id, version: latest.number, code: latest.code }),
                          () => t("admin.mediatorSigned", { name: s.label }),
                        )
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
          <DocumentText lines={agreementText(latest.content, json.signatures)} testId="ma-admin-text" focusable />
          {(json.state === "draft" || json.state === "signing") && (
            <TermsEditor
              key={latest.number}
              terms={latest.content.terms}
              onSave={(terms) =>
                act(() => staffAgreementApi.save(meetingId, { baseVersion: latest.number, content: { ...latest.content, terms } }), savedAs("admin.saved"))
              }
            />
          )}
        </>
      ) : (
        <GenerateForm
          roster={roster}
          onSave={(generate) => act(() => staffAgreementApi.save(meetingId, { baseVersion: 0, generate }), savedAs("admin.generated"))}
        />
      )}
    </section>
  );
}

/** A labelled control of the staff's forms (the admin app's .field). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

const linesOf = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function GenerateForm({ roster, onSave }: { roster: readonly RosterEntry[]; onSave: (generate: unknown) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const parties = roster.filter((r) => r.role === "member");
  const [roles, setRoles] = useState<Record<string, PartyRole>>({});
  const [fields, setFields] = useState({ caseNumber: "", committee: "", facts: "", dispute: "", terms: "", performance: "" });
  const [pending, setPending] = useState(false);
  if (parties.length === 0) return <p className="muted">{t("admin.noParties")}</p>;
  const field = (key: keyof typeof fields, multiline = false) => (
    <Field label={t(`admin.${key}`)}>
      {(id) =>
        multiline ? (
          <textarea id={id} rows={3} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={`ma-gen-${key}`} />
        ) : (
          <input id={id} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={`ma-gen-${key}`} />
        )
      }
    </Field>
  );
  // Left blank: the number, the facts and the roles come from the case this meeting is a session of.
  const everyRole = parties.every((p) => roles[p.id] !== undefined);
  const submit = async () => {
    setPending(true);
    try {
      await onSave({
        ...(fields.caseNumber.trim() ? { caseNumber: fields.caseNumber.trim() } : {}),
        ...(fields.facts.trim() ? { facts: fields.facts.trim() } : {}),
        committee: fields.committee,
        dispute: fields.dispute,
        terms: linesOf(fields.terms),
        performance: parsePerformance(
          fields.performance,
          parties.map((p) => p.id),
        ),
        ...(everyRole ? { parties: parties.map((p) => ({ participantId: p.id, role: roles[p.id]! })) } : {}),
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="admin-form ma-admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="ma-generate"
    >
      <p className="muted">{t("admin.generateHint")}</p>
      <div className="form-grid">
        {field("caseNumber")}
        {field("committee")}
        {parties.map((p, i) => (
          <Field key={p.id} label={t(p.household ? "admin.partyWithHousehold" : "admin.partyPlain", { n: i + 1, name: p.name, household: p.household })}>
            {(id) => (
              <select
                id={id}
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
            )}
          </Field>
        ))}
      </div>
      {field("facts", true)}
      {field("dispute", true)}
      {field("terms", true)}
      {field("performance", true)}
      <div className="ma-admin-buttons">
        <button type="submit" className="primary" disabled={pending} data-testid="ma-gen-submit">
          {t("admin.generate")}
        </button>
      </div>
    </form>
  );
}

/** The terms of the latest version, edited and saved as the next version (保存为新一稿). */
function TermsEditor({ terms, onSave }: { terms: readonly string[]; onSave: (terms: string[]) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const [text, setText] = useState(terms.join("\n"));
  const [pending, setPending] = useState(false);
  const unchanged = linesOf(text).join("\n") === terms.join("\n");
  return (
    <div className="admin-form ma-admin-form">
      <Field label={t("admin.terms")}>
        {(id) => <textarea id={id} rows={Math.max(3, terms.length + 1)} value={text} onChange={(e) => setText(e.target.value)} data-testid="ma-edit-terms" />}
      </Field>
      <div className="ma-admin-buttons">
        <button
          type="button"
          className="primary"
          disabled={pending || unchanged}
          onClick={() => {
            setPending(true);
            void onSave(linesOf(text)).finally(() => setPending(false));
          }}
          data-testid="ma-edit-save"
        >
          {t("admin.save")}
        </button>
      </div>
    </div>
  );
}

function ReferralForm({ onSave }: { onSave: (body: { referral: Referral; note: string | null }) => Promise<void> }) {
  const { t } = useMediationAgreementT();
  const [referral, setReferral] = useState<Referral>("court");
  const [note, setNote] = useState("");
  return (
    <div className="admin-form ma-admin-form" data-testid="ma-referral">
      <div className="form-grid">
        <Field label={t("admin.referralWhere")}>
          {(id) => (
            <select id={id} value={referral} onChange={(e) => setReferral(e.target.value as Referral)} data-testid="ma-referral-to">
              {REFERRALS.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.referralTo.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("admin.referralNote")}>
          {(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} data-testid="ma-referral-note" />}
        </Field>
      </div>
      <div className="ma-admin-buttons">
        <button type="button" className="primary" onClick={() => void onSave({ referral, note: note.trim() || null })} data-testid="ma-referral-save">
          {t("admin.referral")}
        </button>
      </div>
    </div>
  );
}
