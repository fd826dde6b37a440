import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import "../floor/speaking.css";

/** 书面发言: text only; it goes into the record under the current agenda item. Confirms with 已提交. */
export function WrittenSpeechForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { status } = useMeeting();
  const { run, pending, error, clearError } = useCommand();
  const id = useId();
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState(false);

  if (submitted) {
    return (
      <div className="written-done" role="status" data-testid="written-submitted">
        <span>
          <Icon name="dot" /> {t("speaking.writtenSubmitted")}
        </span>
        <button type="button" className="secondary" onClick={onClose} data-testid="written-close">
          {t("speaking.close")}
        </button>
      </div>
    );
  }
  return (
    <form
      className="written-form"
      data-testid="written-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run({ type: "speech.submitWritten", text: text.trim() }).then((ok) => ok && setSubmitted(true));
      }}
    >
      <ErrorNotice message={error} onClose={clearError} />
      <label htmlFor={id}>
        <strong>{t("speaking.writtenTitle")}</strong> <span className="muted small">{t("speaking.writtenHint")}</span>
      </label>
      <textarea id={id} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("speaking.writtenText")} autoFocus data-testid="written-text" />
      <span className="buttons">
        <button type="button" className="secondary" onClick={onClose}>
          {t("speaking.cancel")}
        </button>
        <button type="submit" className="primary" disabled={pending || status !== "connected" || text.trim() === ""} data-testid="written-submit">
          {pending ? t("pending") : t("speaking.writtenSubmit")}
        </button>
      </span>
    </form>
  );
}
