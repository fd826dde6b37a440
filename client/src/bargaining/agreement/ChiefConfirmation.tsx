import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { AgreementLine } from "@core/bargaining/agreement.ts";
import type { ChiefConfirmationJson } from "@core/api/bargainingAgreement.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { HttpError } from "../../http/api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
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

/** One screen: the full voted text (scrolling inside), the confirmation code and 确认签署 always in view. */
function ConfirmScreen({ json, onCancel, onConfirm }: { json: ChiefConfirmationJson; onCancel: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useAgreementT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const voted = json.voted!;
  // Opened once: the meeting's updates re-render the card, which must not close and reopen the text (its scroll).
  const cancelled = useRef(onCancel);
  useEffect(() => {
    cancelled.current = onCancel;
  }, [onCancel]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      cancelled.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className="cc-screen" aria-labelledby={titleId} data-testid="chief-confirmation-screen">
      <header>
        <h2 id={titleId}>{t("confirm.dialogTitle", { title: voted.content.title })}</h2>
        <p className="muted small">{t("confirm.intro", { version: voted.version })}</p>
      </header>
      <article className="cc-text" data-testid="chief-confirmation-text" tabIndex={0}>
        {fullText(voted.content, json.signedOn).map((line, i) => (
          <Line key={i} line={line} />
        ))}
      </article>
      <footer className="cc-footer">
        <div className="cc-code">
          <span>{t("confirm.code")}</span>
          <strong data-testid="chief-confirmation-code">{voted.code}</strong>
          <span className="muted small">{t("confirm.codeHint")}</span>
        </div>
        <div className="cc-actions">
          <button type="button" onClick={onCancel} disabled={pending} data-testid="chief-confirmation-cancel">
            {t("confirm.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void onConfirm().finally(() => setPending(false));
            }}
            data-testid="chief-confirmation-confirm"
          >
            {t("confirm.confirm")}
          </button>
        </div>
      </footer>
    </dialog>
  );
}

function Line({ line }: { line: AgreementLine }) {
  switch (line.kind) {
    case "title":
      return <h3 className="cc-title">{line.text}</h3>;
    case "article":
      return (
        <p>
          <strong>
            {line.number}
            {"\u3000"}
            {line.title}
          </strong>
          {"\u3000"}
          {line.text}
        </p>
      );
    case "signature":
    case "date":
      return <p className="cc-sign">{line.text}</p>;
    default:
      return <p>{line.text}</p>;
  }
}
