import { useCallback, useEffect, useRef, useState } from "react";
import type { AgreementLine } from "@core/bargaining/agreement.ts";
import type { ChiefConfirmationJson } from "@core/api/bargainingAgreement.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { HttpError } from "../../http/api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { ConfirmationScreen } from "../../components/confirmation/ConfirmationScreen.tsx";
import type { DocumentLine } from "../../components/confirmation/DocumentText.tsx";
import { useConnection, useMeeting, useRoster } from "../../connection/useMeeting.ts";
import { useAgreementT } from "../../i18n/agreement.ts";
import { chiefConfirmationApi } from "./chiefConfirmationApi.ts";
import { confirmationStep, confirmedAt, confirmingSide, fullText, keepRefreshing, otherSide, REFRESH_MS } from "./chiefConfirmation.ts";
import "./chiefConfirmation.css";

/**
 * 确认签署 on a chief's own meeting screen: once the 职工代表大会 adopted the draft (§36), each
 * side's 首席代表 opens the voted text — the full text on one screen with its confirmation code — and
 * confirms; afterwards the card says when they signed and whether the other side has. Nothing for
 * anyone but a side's chief of a bargaining meeting.
 */
export function ChiefConfirmation() {
  const { state, welcome } = useMeeting();
  const person = useRoster();
  const me = welcome ? (person(welcome.me.id) ?? welcome.me) : undefined;
  const side = state && welcome && !welcome.display ? confirmingSide(state.kind, me) : null;
  if (!welcome || side === null) return null;
  return <ChiefCard meetingId={welcome.meeting.id} />;
}

function ChiefCard({ meetingId }: { meetingId: string }) {
  const { t } = useAgreementT();
  const { token } = useConnection();
  const [json, setJson] = useState<ChiefConfirmationJson | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Answers of older reads are dropped (a confirmation's answer is newer than a read already under way). */
  const generation = useRef(0);
  const fallback = t("confirm.failed");

  const load = useCallback(() => {
    const mine = ++generation.current;
    chiefConfirmationApi.get(token, meetingId, fallback).then(
      (answer) => {
        if (mine === generation.current) setJson(answer);
      },
      (e: unknown) => {
        // A chief flag taken away meanwhile: nothing to show. Anything else: try again at the next refresh.
        if (mine === generation.current && e instanceof HttpError && e.code === "NOT_CHIEF") setJson(null);
      },
    );
  }, [token, meetingId, fallback]);

  const step = json && confirmationStep(json);
  const refreshing = step === null || keepRefreshing(step);
  useEffect(() => {
    load();
    if (!refreshing) return;
    const timer = window.setInterval(() => {
      if (!document.hidden) load();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, refreshing]);

  const confirm = async (body: { side: Side; version: number; code: string }) => {
    const mine = ++generation.current;
    try {
      const answer = await chiefConfirmationApi.confirm(token, meetingId, body, fallback);
      if (mine === generation.current) setJson(answer);
    } catch (e) {
      setError(e instanceof Error ? e.message : fallback);
      load();
    } finally {
      setReading(false);
    }
  };

  if (!json || !step) return null;
  const sideName = (s: typeof json.side) => t(`confirm.side.${s}`);
  const other = json.signatures[otherSide(json.side)];
  return (
    <section className="panel chief-confirmation" aria-labelledby="cc-title" data-testid="chief-confirmation" data-step={step.kind}>
      <h2 id="cc-title">{t("confirm.heading")}</h2>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {step.kind === "waiting" && <p className="muted">{t("confirm.waiting")}</p>}
      {step.kind === "toConfirm" && json.voted && (
        <>
          <p>{t("confirm.due", { date: json.voted.votedOn, version: json.voted.version, side: sideName(json.side) })}</p>
          <button type="button" className="primary" onClick={() => setReading(true)} data-testid="chief-confirmation-open">
            {t("confirm.open")}
          </button>
        </>
      )}
      {step.kind === "confirmed" && (
        <p data-testid="chief-confirmation-done">
          {step.own.at
            ? t("confirm.done", { time: confirmedAt(step.own.at) })
            : t("sign.signed", { name: step.own.name, date: step.own.signedOn, by: step.own.recordedByName })}
        </p>
      )}
      {step.kind !== "waiting" && (
        <p className="muted small" data-testid="chief-confirmation-other">
          {other
            ? t("confirm.otherDone", { side: sideName(otherSide(json.side)), name: other.name, date: other.signedOn })
            : t("confirm.otherPending", { side: sideName(otherSide(json.side)) })}
        </p>
      )}
      {json.signedOn && json.filingDue && (
        <p className="cc-signed" data-testid="chief-confirmation-signed">
          {t("confirm.signed", { date: json.signedOn, due: json.filingDue })}
        </p>
      )}
      {reading && step.kind === "toConfirm" && json.voted && (
        <ConfirmScreen json={json} onCancel={() => setReading(false)} onConfirm={() => confirm({ side: json.side, version: step.version, code: step.code })} />
      )}
    </section>
  );
}

/** The one confirmation screen (ConfirmationScreen): the full voted text, the confirmation code and 确认签署 always in view. */
function ConfirmScreen({ json, onCancel, onConfirm }: { json: ChiefConfirmationJson; onCancel: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useAgreementT();
  const [pending, setPending] = useState(false);
  const voted = json.voted!;
  return (
    <ConfirmationScreen
      testIds={{
        screen: "chief-confirmation-screen",
        text: "chief-confirmation-text",
        code: "chief-confirmation-code",
        confirm: "chief-confirmation-confirm",
        cancel: "chief-confirmation-cancel",
      }}
      title={t("confirm.dialogTitle", { title: voted.content.title })}
      intro={t("confirm.intro", { version: voted.version })}
      lines={fullText(voted.content, json.signedOn).map(screenLine)}
      code={{ label: t("confirm.code"), value: voted.code, hint: t("confirm.codeHint") }}
      cancelLabel={t("confirm.cancel")}
      confirmLabel={t("confirm.confirm")}
      pending={pending}
      onCancel={onCancel}
      onConfirm={() => {
        setPending(true);
        void onConfirm().finally(() => setPending(false));
      }}
    />
  );
}

/** A line of the contract as the screen sets it: an article's number and title in bold before its text. */
function screenLine(line: AgreementLine): DocumentLine {
  switch (line.kind) {
    case "title":
      return { style: "title", text: line.text };
    case "article":
      return {
        style: "plain",
        text: (
          <>
            <strong>
              {line.number}
              {"\u3000"}
              {line.title}
            </strong>
            {"\u3000"}
            {line.text}
          </>
        ),
      };
    case "signature":
    case "date":
      return { style: "sign", text: line.text };
    default:
      return { style: "plain", text: line.text };
  }
}
