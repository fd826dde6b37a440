import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { MediationConfirmationJson } from "@core/api/mediationAgreement.ts";
import { agreementLines } from "@core/mediation/agreement.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { useMediationAgreementT } from "../../i18n/mediationAgreement.ts";
import { partyAgreementApi } from "./mediationAgreementApi.ts";
import { confirmedAt, partyStep, SIGNATURE_LIMIT, typedName } from "./partyConfirmation.ts";
import { SignaturePad } from "./SignaturePad.tsx";
import "./mediationAgreement.css";

const REFRESH_MS = 15_000;
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 调解协议书 on a party's (or mediator's) own phone in a mediation meeting: the full text on one
 * screen with the confirmation code, the name typed, an optional drawn signature and 确认签署; or
 * 不同意签署 with the reason. Afterwards: who has signed, and the signed copy to download. Nothing
 * for anyone not named in the agreement.
 */
export function PartyConfirmation() {
  const { state, welcome } = useMeeting();
  if (!state || !welcome || welcome.display || state.kind !== "mediation") return null;
  return <PartyCard meetingId={welcome.meeting.id} />;
}

function PartyCard({ meetingId }: { meetingId: string }) {
  const { t } = useMediationAgreementT();
  const { token } = useConnection();
  const [json, setJson] = useState<MediationConfirmationJson | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fallback = t("party.failed");
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    partyAgreementApi.get(token, meetingId, fallback).then(
      (answer) => mine === generation.current && setJson(answer),
      () => undefined,
    );
  }, [token, meetingId, fallback]);
  const step = json && partyStep(json);
  const settled = step?.kind === "signed" || step?.kind === "refused";
  useEffect(() => {
    load();
    if (settled) return;
    const timer = window.setInterval(() => !document.hidden && load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, settled]);

  /** A confirmation or refusal from the open screen; a refusal by the server is shown on that screen (ConfirmScreen), not behind it. */
  const act = async (call: () => Promise<MediationConfirmationJson>) => {
    const mine = ++generation.current;
    const answer = await call();
    if (mine === generation.current) setJson(answer);
    setReading(false);
  };
  const download = async (format: "pdf" | "docx") => {
    try {
      const blob = await partyAgreementApi.download(token, meetingId, format);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `人民调解协议书.${format}`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch {
      setError(fallback);
    }
  };

  if (!json || !step) return null;
  return (
    <section className="panel mediation-agreement" aria-labelledby="ma-title" data-testid="ma-party" data-step={step.kind}>
      <h2 id="ma-title">{t("party.heading")}</h2>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {step.kind === "toConfirm" && (
        <>
          <p data-testid="ma-party-label">{t("party.due", { version: step.version, label: json.label })}</p>
          <button type="button" className="primary" onClick={() => setReading(true)} data-testid="ma-open">
            {t("party.open")}
          </button>
        </>
      )}
      {step.kind === "confirmed" && (
        <>
          <p data-testid="ma-done">{t("party.done", { time: confirmedAt(step.at) })}</p>
          <p className="muted small">{t("party.waitingOthers", { count: step.count, total: step.total })}</p>
        </>
      )}
      {step.kind === "signed" && (
        <>
          <p className="ma-signed" data-testid="ma-signed">
            {t("party.signed")}
          </p>
          <div className="ma-actions">
            <button type="button" className="primary" onClick={() => void download("pdf")} data-testid="ma-download-pdf">
              {t("party.download")}
            </button>
            <button type="button" onClick={() => void download("docx")} data-testid="ma-download-docx">
              {t("party.downloadDocx")}
            </button>
          </div>
        </>
      )}
      {step.kind === "refused" && <p data-testid="ma-refused">{t("party.refused", { name: step.name })}</p>}
      {reading && step.kind === "toConfirm" && (
        <ConfirmScreen
          json={json}
          code={step.code}
          onCancel={() => setReading(false)}
          onConfirm={(name, png) =>
            act(() => partyAgreementApi.confirm(token, meetingId, { version: step.version, code: step.code, name, signaturePng: png }, fallback))
          }
          onRefuse={(reason) => act(() => partyAgreementApi.refuse(token, meetingId, reason, fallback))}
        />
      )}
    </section>
  );
}

/** One screen: the full text (scrolling inside), the code, the name, the signature pad and 确认签署 always in view. */
function ConfirmScreen(props: {
  json: MediationConfirmationJson;
  code: string;
  onCancel: () => void;
  onConfirm: (name: string | null, png: string | null) => Promise<void>;
  onRefuse: (reason: string) => Promise<void>;
}) {
  const { json, code } = props;
  const { t } = useMediationAgreementT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [name, setName] = useState("");
  const [png, setPng] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const cancel = useRef(props.onCancel);
  useEffect(() => {
    cancel.current = props.onCancel;
  }, [props.onCancel]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      cancel.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => dialog.removeEventListener("cancel", onCancel);
  }, []);
  const party = json.kind === "party";
  const lines = agreementLines(json.latest!.content, json.signatures, chinaDay);
  const run = async (call: () => Promise<void>) => {
    setPending(true);
    try {
      await call();
    } catch (e) {
      setLocal(e instanceof Error ? e.message : t("party.failed"));
    } finally {
      setPending(false);
    }
  };
  const confirm = () => {
    if (png && png.length > SIGNATURE_LIMIT) return setLocal(t("party.signatureTooLarge"));
    void run(() => props.onConfirm(party ? typedName(name) : null, png));
  };
  return (
    <dialog ref={ref} className="ma-screen" aria-labelledby={titleId} data-testid="ma-screen">
      <header>
        <h2 id={titleId}>{t("party.heading")}</h2>
        <p className="small">{json.label}</p>
      </header>
      <div className="ma-text" data-testid="ma-text">
        {lines.map((line, i) => (
          <p key={i} className={`ma-line ma-${line.kind}`}>
            {line.text}
          </p>
        ))}
      </div>
      <footer>
        <ErrorNotice message={local} onClose={() => setLocal(null)} />
        <p>
          {t("party.code")}
          <strong data-testid="ma-code">{code}</strong> <span className="muted small">{t("party.codeHint")}</span>
        </p>
        {refusing ? (
          <>
            <label>
              {t("party.reason")}
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="ma-reason" />
            </label>
            <div className="ma-actions">
              <button type="button" onClick={() => setRefusing(false)}>
                {t("party.cancel")}
              </button>
              <button
                type="button"
                className="danger"
                disabled={pending || reason.trim() === ""}
                onClick={() => void run(() => props.onRefuse(reason.trim()))}
                data-testid="ma-refuse-confirm"
              >
                {t("party.refuseConfirm")}
              </button>
            </div>
          </>
        ) : (
          <>
            {party && (
              <label>
                {t("party.name")}
                <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="ma-name" />
              </label>
            )}
            {party && <SignaturePad onChange={setPng} />}
            <div className="ma-actions">
              <button type="button" onClick={props.onCancel}>
                {t("party.cancel")}
              </button>
              {party && (
                <button type="button" onClick={() => setRefusing(true)} data-testid="ma-refuse">
                  {t("party.refuse")}
                </button>
              )}
              <button type="button" className="primary" disabled={pending || (party && typedName(name) === "")} onClick={confirm} data-testid="ma-confirm">
                {t("party.confirm")}
              </button>
            </div>
          </>
        )}
      </footer>
    </dialog>
  );
}
