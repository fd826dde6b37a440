import { useCallback, useEffect, useRef, useState } from "react";
import type { MediationConfirmationJson } from "@core/api/mediationAgreement.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { ConfirmationActions, ConfirmationScreen } from "../../components/confirmation/ConfirmationScreen.tsx";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { useMediationAgreementT } from "../../i18n/mediationAgreement.ts";
import { partyAgreementApi } from "./mediationAgreementApi.ts";
import { agreementText, confirmedAt, partyStep, SIGNATURE_LIMIT, typedName } from "./partyConfirmation.ts";
import { SignaturePad } from "./SignaturePad.tsx";
import "./mediationAgreement.css";

const REFRESH_MS = 15_000;

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

/** The one confirmation screen (ConfirmationScreen): the full text, the code, the name, the signature pad and 确认签署; or the reason of a refusal. */
function ConfirmScreen(props: {
  json: MediationConfirmationJson;
  code: string;
  onCancel: () => void;
  onConfirm: (name: string | null, png: string | null) => Promise<void>;
  onRefuse: (reason: string) => Promise<void>;
}) {
  const { json, code } = props;
  const { t } = useMediationAgreementT();
  const [name, setName] = useState("");
  const [png, setPng] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const party = json.kind === "party";
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
  const refusal = (
    <>
      <label>
        {t("party.reason")}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="ma-reason" />
      </label>
      <ConfirmationActions>
        <button type="button" onClick={() => setRefusing(false)} disabled={pending}>
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
      </ConfirmationActions>
    </>
  );
  return (
    <ConfirmationScreen
      testIds={{ screen: "ma-screen", text: "ma-text", code: "ma-code", confirm: "ma-confirm", cancel: "ma-cancel", name: "ma-name" }}
      title={t("party.heading")}
      intro={json.label}
      lines={agreementText(json.latest!.content, json.signatures)}
      code={{ label: t("party.code"), value: code, hint: t("party.codeHint") }}
      {...(party ? { name: { label: t("party.name"), value: name, onChange: setName }, slot: <SignaturePad onChange={setPng} /> } : {})}
      error={{ message: local, onClose: () => setLocal(null) }}
      {...(refusing ? { alternative: refusal } : {})}
      extraActions={
        party && (
          <button type="button" onClick={() => setRefusing(true)} disabled={pending} data-testid="ma-refuse">
            {t("party.refuse")}
          </button>
        )
      }
      cancelLabel={t("party.cancel")}
      confirmLabel={t("party.confirm")}
      pending={pending}
      confirmDisabled={party && typedName(name) === ""}
      onCancel={props.onCancel}
      onConfirm={confirm}
    />
  );
}
