import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { sectorParty } from "@core/affiliation.ts";
import { WRITTEN_SPEECH_MAX_CHARS, WRITTEN_SPEECHES_PER_ITEM } from "@core/plan/schema.ts";
import { SPEAKING_ROLES } from "@core/roles.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import "../floor/speaking.css";

/**
 * 书面发言: text only; it goes into the record under the current agenda item. Confirms with 已提交.
 * `onBehalf` (chair, clerk): a speech handed in on paper, entered for the member or official chosen.
 */
export function WrittenSpeechForm({ onClose, onBehalf = false }: { onClose: () => void; onBehalf?: boolean }) {
  const { t } = useTranslation();
  const { status, state } = useMeeting();
  const nameOf = useDisplayName();
  const { run, pending, error, clearError } = useCommand();
  const id = useId();
  const [text, setText] = useState("");
  const [author, setAuthor] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const authors = onBehalf ? (state?.roster ?? []).filter((p) => SPEAKING_ROLES.includes(p.role)) : [];

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
        const command = onBehalf
          ? { type: "speech.submitWritten" as const, text: text.trim(), participantId: author }
          : { type: "speech.submitWritten" as const, text: text.trim() };
        void run(command).then((ok) => ok && setSubmitted(true));
      }}
    >
      <ErrorNotice message={error} onClose={clearError} />
      <label htmlFor={id}>
        <strong>{t("speaking.writtenTitle")}</strong>{" "}
        <span className="muted small">{t("speaking.writtenHint", { max: WRITTEN_SPEECH_MAX_CHARS, perItem: WRITTEN_SPEECHES_PER_ITEM })}</span>
      </label>
      {onBehalf && (
        <select aria-label={t("speaking.writtenAuthor")} value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="written-author">
          <option value="">{t("speaking.writtenAuthor")}</option>
          {authors.map((p) => (
            <option key={p.id} value={p.id}>
              {[nameOf(p.id) ?? p.name, ...sectorParty(p)].join(" · ")}
            </option>
          ))}
        </select>
      )}
      <textarea
        id={id}
        maxLength={WRITTEN_SPEECH_MAX_CHARS}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("speaking.writtenText")}
        autoFocus
        data-testid="written-text"
      />
      <span className="buttons">
        <button type="button" className="secondary" onClick={onClose}>
          {t("speaking.cancel")}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={pending || status !== "connected" || text.trim() === "" || (onBehalf && author === "")}
          data-testid="written-submit"
        >
          {pending ? t("pending") : t("speaking.writtenSubmit")}
        </button>
      </span>
    </form>
  );
}
