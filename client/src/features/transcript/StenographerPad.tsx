import { useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { captionLines, stenographerOf } from "@core/transcript/captions.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { LINE_MAX, afterSent, lineToSend, padEntry } from "./stenography.ts";
import "./transcript.css";

/** How many of the entry's lines the pad shows: the stenographer's own and the relay partners'. */
const PAD_LINES = 6;

/**
 * 速记 pad, on a named stenographer's page whatever their role: the entry being transcribed (who
 * speaks, speech or 插话), a field where Enter sends the line (`transcript.append`; Shift+Enter is a
 * new line, and Enter while an input method is composing is the IME's), and the entry's last lines
 * with who typed each. The field is cleared only once the meeting has taken the line: on a refusal
 * the text stays and the reason shows. With nobody on the floor: 当前没有发言, the field disabled
 * (its text kept). The lines are not a live region: the stenographer is typing, not listening.
 */
export function StenographerPad() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const nameOf = useDisplayName();
  const { run, pending, error, clearError } = useCommand();
  const [text, setText] = useState("");
  const uid = useId();
  if (!state || !welcome || welcome.display || !stenographerOf(state, welcome.me.id)) return null;
  const me = welcome.me.id;
  const current = padEntry(state);
  const lines = current ? captionLines(state, PAD_LINES) : [];
  const partners = state.stenographers.filter((id) => id !== me).map((id) => nameOf(id) ?? "—");
  const speaker = current ? (current.guestName ?? nameOf(current.participantId) ?? "—") : null;

  const send = async () => {
    const line = lineToSend(text);
    if (!current || pending || line === null) return;
    const sent = text;
    if (await run({ type: "transcript.append", entry: current.entry, text: line })) setText((field) => afterSent(field, sent));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229: the key went to the input method (Safari ends composition before this event).
    if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    void send();
  };

  return (
    <section className="panel steno-pad" aria-labelledby={`${uid}-title`} data-testid="steno-pad">
      <header className="steno-pad-head">
        <h2 id={`${uid}-title`}>{t("transcript.pad.title")}</h2>
        <span className="muted small" data-testid="steno-pad-you">
          {t("transcript.pad.you")}
          {partners.length > 0 && (
            <>
              {" · "}
              <span className="steno-pad-relay">{t("transcript.pad.relay", { names: partners.join(t("punct.list")) })}</span>
            </>
          )}
        </span>
      </header>
      {current && speaker !== null ? (
        <p className="steno-pad-entry" data-testid="steno-pad-entry" data-kind={current.entry.kind}>
          <KindBadge kind={current.badge} />{" "}
          <strong>{t(current.entry.kind === "interjection" ? "transcript.pad.interjection" : "transcript.pad.speech", { name: speaker })}</strong>
        </p>
      ) : (
        <p className="steno-pad-entry muted" data-testid="steno-pad-nobody">
          {t("transcript.pad.nobody")}
        </p>
      )}
      <ErrorNotice message={error} onClose={clearError} />
      <form
        className="steno-pad-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <textarea
          className="steno-pad-field"
          rows={3}
          aria-label={t("transcript.pad.field")}
          maxLength={LINE_MAX}
          value={text}
          disabled={!current}
          aria-describedby={`${uid}-hint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="steno-pad-text"
        />
        <div className="steno-pad-actions">
          <span className="muted small" id={`${uid}-hint`}>
            {t("transcript.pad.hint")}
          </span>
          <button type="submit" className="primary" disabled={!current || pending || lineToSend(text) === null} data-testid="steno-pad-send">
            {t("transcript.pad.send")}
          </button>
        </div>
      </form>
      {current && (
        <div className="steno-pad-lines">
          <h3 className="muted small">{t("transcript.pad.lines")}</h3>
          {lines.length === 0 ? (
            <p className="muted small" data-testid="steno-pad-empty">
              {t("transcript.pad.noLines")}
            </p>
          ) : (
            <ol data-testid="steno-pad-lines">
              {lines.map((line) => (
                <li key={line.id} className={line.by === me ? "mine" : undefined} data-testid="steno-pad-line">
                  <span className="steno-line-by" data-testid="steno-pad-line-by">
                    {line.by ? (nameOf(line.by) ?? "—") : "—"}
                  </span>
                  <span className="steno-line-text">{line.text}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
