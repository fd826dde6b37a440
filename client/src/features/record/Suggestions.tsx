import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EntryRef, Suggestion, SuggestionFields } from "@core/record/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useMeeting, useDisplayName } from "../../connection/useMeeting.ts";
import { EditingNote } from "./EditingNote.tsx";
import { othersEditing, suggestionsOf } from "./notes.ts";
import { useDepartments } from "./useDepartments.ts";
import { useEditingPresence, useNoteCommand, type NoteResult } from "./useNoteCommand.ts";

const EMPTY: SuggestionFields = { title: "", text: "", topic: "", department: "" };

/** 意见建议 captured from an entry: title, text, topic and the department it is aimed at. */
export function Suggestions({ entry, readOnly }: { entry: EntryRef; readOnly: boolean }) {
  const { t } = useTranslation();
  const { state, welcome, editors } = useMeeting();
  const nameOf = useDisplayName();
  const { send, pending, error, clearError } = useNoteCommand();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const key = `${entry.kind}:${entry.id}`;
  const list = state ? suggestionsOf(state.notes, key) : [];
  // Suggestions to pick from: the topics used so far; the ledger's departments (承办单位, the
  // units items are assigned to — not an official's title), then those this record already names.
  const topics = [...new Set(state?.notes.suggestions.map((s) => s.topic).filter(Boolean))];
  const ledgerDepartments = useDepartments();
  const departments = [
    ...new Set(
      [...ledgerDepartments, ...(state?.notes.suggestions.map((s) => s.department) ?? []), ...(state?.notes.decisions.map((d) => d.unit) ?? [])].filter(
        Boolean,
      ),
    ),
  ];
  return (
    <section className="note-section" data-testid="suggestions">
      <div className="note-head">
        <h3>
          {t("notes.suggestions")} <span className="muted small">{list.length > 0 && t("notes.count", { count: list.length })}</span>
        </h3>
        {!readOnly && !adding && (
          <button type="button" className="secondary small-button" onClick={() => setAdding(true)} data-testid="suggestion-add">
            + {t("notes.capture")}
          </button>
        )}
      </div>
      <ErrorNotice message={error} onClose={clearError} />
      <datalist id="note-topics">
        {topics.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="note-departments" data-testid="suggestion-departments">
        {departments.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {list.length === 0 && !adding && <p className="muted small">{t("notes.noSuggestions")}</p>}
      <ul className="note-list">
        {list.map((s) =>
          editing === s.suggestionId ? (
            <li key={s.suggestionId}>
              <SuggestionForm
                presenceKey={`suggestion:${s.suggestionId}`}
                initial={s}
                latest={s}
                pending={pending}
                onCancel={() => setEditing(null)}
                onSave={async (fields, baseVersion) => {
                  const result = await send({ type: "record.editSuggestion", suggestionId: s.suggestionId, suggestion: fields, baseVersion });
                  if (result === "ok") setEditing(null);
                  return result;
                }}
              />
            </li>
          ) : (
            <li key={s.suggestionId} className="note-suggestion" data-testid="suggestion">
              <div className="note-suggestion-head">
                <strong data-testid="suggestion-title">{s.title}</strong>
                {s.topic && (
                  <span className="chip" data-testid="suggestion-topic">
                    {s.topic}
                  </span>
                )}
                <EditingNote compact people={othersEditing(editors, welcome?.me.id, `suggestion:${s.suggestionId}`).map((id) => nameOf(id) ?? "—")} />
              </div>
              {s.department && (
                <p className="small" data-testid="suggestion-department">
                  {t("notes.departmentLine", { department: s.department })}
                </p>
              )}
              {s.text && <p className="note-text small">{s.text}</p>}
              {!readOnly && (
                <div className="button-row">
                  <button type="button" className="link" onClick={() => setEditing(s.suggestionId)} data-testid="suggestion-edit">
                    {t("notes.edit")}
                  </button>
                  <button
                    type="button"
                    className="link danger-link"
                    disabled={pending}
                    onClick={() => {
                      if (window.confirm(t("notes.withdrawConfirm", { title: s.title })))
                        void send({ type: "record.withdrawSuggestion", suggestionId: s.suggestionId });
                    }}
                    data-testid="suggestion-withdraw"
                  >
                    {t("notes.withdraw")}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {adding && (
        <SuggestionForm
          presenceKey={key}
          initial={null}
          latest={null}
          pending={pending}
          onCancel={() => setAdding(false)}
          onSave={async (fields) => {
            const result = await send({ type: "record.captureSuggestion", entry, suggestion: fields });
            if (result === "ok") setAdding(false);
            return result;
          }}
        />
      )}
    </section>
  );
}

/**
 * The fields of a suggestion. Editing starts from a version; when someone else saved the
 * suggestion meanwhile, their version is shown and 保存 goes on top of it (the fields typed here stay).
 */
function SuggestionForm({
  presenceKey,
  initial,
  latest,
  pending,
  onSave,
  onCancel,
}: {
  presenceKey: string;
  initial: Suggestion | null;
  latest: Suggestion | null;
  pending: boolean;
  onSave: (fields: SuggestionFields, baseVersion: number) => Promise<NoteResult>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const presence = useEditingPresence(presenceKey);
  const [fields, setFields] = useState<SuggestionFields>(
    initial ? { title: initial.title, text: initial.text, topic: initial.topic, department: initial.department } : EMPTY,
  );
  const [base] = useState(initial?.version ?? 0);
  const conflict = latest !== null && latest.version !== base;
  const field = (name: keyof SuggestionFields) => ({
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value }),
    "data-testid": `suggestion-${name}-input`,
  });
  return (
    <form
      className="note-form"
      data-testid="suggestion-form"
      {...presence}
      onSubmit={(e) => {
        e.preventDefault();
        // In a conflict their version is on screen: the save goes on top of it.
        void onSave({ ...fields, title: fields.title.trim() }, conflict ? latest.version : base);
      }}
    >
      {conflict && latest && (
        <div className="note-conflict" role="alert" data-testid="suggestion-conflict">
          <p className="note-conflict-title">{t("notes.conflictSuggestion", { name: nameOf(latest.editedBy) ?? "—", version: latest.version })}</p>
          <p className="note-text small note-theirs">
            {latest.title} · {latest.topic} · {latest.department}
            {latest.text ? ` · ${latest.text}` : ""}
          </p>
        </div>
      )}
      <label>
        {t("notes.title")}
        <input required maxLength={100} {...field("title")} />
      </label>
      <label>
        {t("notes.text")}
        <textarea rows={3} maxLength={4000} {...field("text")} />
      </label>
      <div className="note-form-row">
        <label>
          {t("notes.topic")}
          <input maxLength={40} list="note-topics" placeholder={t("notes.topicPlaceholder")} {...field("topic")} />
        </label>
        <label>
          {t("notes.department")}
          <input maxLength={80} list="note-departments" placeholder={t("notes.departmentPlaceholder")} {...field("department")} />
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="ghost small-button" onClick={onCancel}>
          {t("notes.cancel")}
        </button>
        <button type="submit" className="primary small-button" disabled={pending || fields.title.trim() === ""} data-testid="suggestion-save">
          {initial ? t("notes.save") : t("notes.captureSave")}
        </button>
      </div>
    </form>
  );
}
