import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SummaryRef } from "@core/record/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useMeeting, useDisplayName } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { useDrafts } from "./drafts.tsx";
import { inConflict, mergeTexts, othersEditing } from "./notes.ts";
import { EditingNote } from "./EditingNote.tsx";
import { useEditingPresence, useNoteCommand } from "./useNoteCommand.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";

/**
 * 发言要点: the summary of a speech, interjection or written speech (通报要点 for an agenda item's
 * briefing, 主持人总结 for the chair's closing remarks). Typing makes a draft based on
 * the saved version it started from; 保存 sends that version. When someone else saved meanwhile
 * (EDIT_CONFLICT, or seen arriving), their newer text is shown beside the clerk's own, which is
 * never thrown away: the clerk merges (or takes one of them) and saves again on top of theirs.
 */
export function SummaryEditor({ entry, readOnly, label: given }: { entry: SummaryRef; readOnly: boolean; label?: string }) {
  const { t } = useTranslation();
  const { state, welcome, editors } = useMeeting();
  const nameOf = useDisplayName();
  const drafts = useDrafts();
  const { send, pending, error, clearError } = useNoteCommand();
  const key = `${entry.kind}:${entry.id}`;
  const chair = useRoleLabel()({ role: "chair" });
  const clock = useMeetingTime().time;
  const label = given ?? (entry.kind === "briefing" ? t("notes.briefing") : entry.kind === "closing" ? t("notes.closing", { chair }) : t("notes.summary"));
  const presence = useEditingPresence(key);
  const [refused, setRefused] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const saved = state?.notes.summaries[key];
  const savedText = saved?.text ?? "";
  const savedVersion = saved?.version ?? 0;
  const draft = drafts.get(key);
  const text = draft?.text ?? savedText;
  const conflict = inConflict(draft, savedVersion);
  const dirty = draft !== undefined && (conflict || draft.text !== savedText);
  const others = othersEditing(editors, welcome?.me.id, key);
  const name = (id: string) => nameOf(id) ?? "—";

  const type = (value: string) => {
    setRefused(false);
    // Typed back to the saved text: nothing to keep (and nothing to conflict later).
    if (value === savedText && !conflict) drafts.set(key, undefined);
    else drafts.set(key, { text: value, base: draft?.base ?? savedVersion });
  };
  const save = async () => {
    // In a conflict the clerk has the newer text in front of them: the save goes on top of it.
    const baseVersion = conflict ? savedVersion : (draft?.base ?? savedVersion);
    const sent = text;
    const result = await send({ type: "record.summarize", entry, text: sent.trim(), baseVersion });
    if (result === "ok") {
      setSavedAt(Date.now());
      // Keep anything typed while the save was on its way.
      const now = drafts.get(key);
      drafts.set(key, now && now.text !== sent ? { text: now.text, base: baseVersion + 1 } : undefined);
    } else if (result === "conflict") setRefused(true);
  };

  if (readOnly) {
    return (
      <section className="note-section" data-testid="summary">
        <h3>{label}</h3>
        {savedText ? (
          <p className="note-text" data-testid="summary-text">
            {savedText}
          </p>
        ) : (
          <p className="muted">{t("notes.noSummary")}</p>
        )}
      </section>
    );
  }
  return (
    <section className="note-section" data-testid="summary-editor" data-conflict={conflict || refused}>
      <div className="note-head">
        <h3>
          <label htmlFor={`summary-${key}`}>{label}</label>
        </h3>
        <EditingNote people={others.map(name)} />
      </div>
      <ErrorNotice message={error} onClose={clearError} />
      {(conflict || refused) && (
        <div className="note-conflict" role="alert" data-testid="summary-conflict">
          <p className="note-conflict-title">
            {conflict && saved ? t("notes.conflict", { name: name(saved.by), version: saved.version, time: clock(saved.at) }) : t("notes.conflictPending")}
          </p>
          {conflict && (
            <div className="note-conflict-texts">
              <div>
                <p className="muted small">{t("notes.theirs", { name: saved ? name(saved.by) : "—" })}</p>
                <p className="note-text note-theirs" data-testid="summary-theirs">
                  {savedText || t("notes.empty")}
                </p>
              </div>
              <div className="button-row">
                <button type="button" className="secondary small-button" onClick={() => type(mergeTexts(savedText, text))} data-testid="summary-merge">
                  {t("notes.merge")}
                </button>
                <button type="button" className="secondary small-button" onClick={() => type(savedText)} data-testid="summary-take-theirs">
                  {t("notes.takeTheirs")}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      <div {...presence}>
        {conflict && <p className="muted small">{t("notes.mine")}</p>}
        <textarea
          id={`summary-${key}`}
          className="note-textarea"
          rows={5}
          maxLength={4000}
          value={text}
          placeholder={t("notes.summaryPlaceholder")}
          onChange={(e) => type(e.target.value)}
          data-testid="summary-input"
        />
        <div className="note-actions">
          <span className="muted small" data-testid="summary-status">
            {dirty
              ? t("notes.unsaved")
              : saved
                ? t("notes.saved", { version: saved.version, name: name(saved.by), time: clock(saved.at) })
                : t("notes.noSummaryYet")}
            {savedAt !== null && !dirty && " ✓"}
          </span>
          {dirty && !conflict && (
            <button type="button" className="ghost small-button" onClick={() => drafts.set(key, undefined)} data-testid="summary-discard">
              {t("notes.discard")}
            </button>
          )}
          <button type="button" className="primary small-button" disabled={pending || !dirty} onClick={() => void save()} data-testid="summary-save">
            {conflict ? t("notes.saveMerged") : t("notes.save")}
          </button>
        </div>
      </div>
    </section>
  );
}
