import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Decision, DecisionFields } from "@core/record/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useMeeting, useDisplayName } from "../../connection/useMeeting.ts";
import { EditingNote } from "./EditingNote.tsx";
import { decisionsOf, othersEditing } from "./notes.ts";
import { useDepartments } from "./useDepartments.ts";
import { useEditingPresence, useNoteCommand, type NoteResult } from "./useNoteCommand.ts";

/** 议定事项 of an agenda item: what was decided or agreed, the responsible unit and the deadline. */
export function Decisions({ itemId, readOnly }: { itemId: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const { state, welcome, editors } = useMeeting();
  const nameOf = useDisplayName();
  const { send, pending, error, clearError } = useNoteCommand();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = state ? decisionsOf(state.notes, itemId) : [];
  return (
    <section className="note-section" data-testid="decisions">
      <div className="note-head">
        <h3>{t("notes.decisions")}</h3>
        {!readOnly && !adding && (
          <button type="button" className="secondary small-button" onClick={() => setAdding(true)} data-testid="decision-add">
            + {t("notes.addDecision")}
          </button>
        )}
      </div>
      <ErrorNotice message={error} onClose={clearError} />
      {list.length === 0 && !adding && <p className="muted small">{t("notes.noDecisions")}</p>}
      <ol className="note-list note-decisions">
        {list.map((d) =>
          editing === d.decisionId ? (
            <li key={d.decisionId}>
              <DecisionForm
                decision={d}
                pending={pending}
                onCancel={() => setEditing(null)}
                onSave={async (fields, baseVersion) => {
                  const result = await send({ type: "record.editDecision", decisionId: d.decisionId, decision: fields, baseVersion });
                  if (result === "ok") setEditing(null);
                  return result;
                }}
              />
            </li>
          ) : (
            <li key={d.decisionId} data-testid="decision">
              <span data-testid="decision-text">{d.text}</span>
              <EditingNote compact people={othersEditing(editors, welcome?.me.id, `decision:${d.decisionId}`).map((id) => nameOf(id) ?? "—")} />
              <p className="muted small">
                {t("notes.unitLine", { unit: d.unit || "—" })} · {t("notes.deadlineLine", { deadline: d.deadline || "—" })}
              </p>
              {!readOnly && (
                <div className="button-row">
                  <button type="button" className="link" onClick={() => setEditing(d.decisionId)} data-testid="decision-edit">
                    {t("notes.edit")}
                  </button>
                  <button
                    type="button"
                    className="link danger-link"
                    disabled={pending}
                    onClick={() => {
                      if (window.confirm(t("notes.withdrawDecisionConfirm"))) void send({ type: "record.withdrawDecision", decisionId: d.decisionId });
                    }}
                    data-testid="decision-withdraw"
                  >
                    {t("notes.withdraw")}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ol>
      {adding && (
        <DecisionForm
          decision={null}
          pending={pending}
          onCancel={() => setAdding(false)}
          onSave={async (fields) => {
            const result = await send({ type: "record.addDecision", itemId, decision: fields });
            if (result === "ok") setAdding(false);
            return result;
          }}
        />
      )}
    </section>
  );
}

function DecisionForm({
  decision,
  pending,
  onSave,
  onCancel,
}: {
  decision: Decision | null;
  pending: boolean;
  onSave: (fields: DecisionFields, baseVersion: number) => Promise<NoteResult>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const presence = useEditingPresence(decision ? `decision:${decision.decisionId}` : "decision:new");
  const [fields, setFields] = useState<DecisionFields>(
    decision ? { text: decision.text, unit: decision.unit, deadline: decision.deadline } : { text: "", unit: "", deadline: "" },
  );
  const [base] = useState(decision?.version ?? 0);
  const conflict = decision !== null && decision.version !== base;
  // 承办单位 to pick from: the ledger's departments (the units its items are assigned to).
  const departments = useDepartments();
  return (
    <form
      className="note-form"
      data-testid="decision-form"
      {...(decision ? presence : {})}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ ...fields, text: fields.text.trim() }, conflict ? decision.version : base);
      }}
    >
      {conflict && (
        <div className="note-conflict" role="alert">
          <p className="note-conflict-title">{t("notes.conflictDecision", { name: nameOf(decision.by) ?? "—", version: decision.version })}</p>
          <p className="note-text small note-theirs">
            {decision.text} · {decision.unit} · {decision.deadline}
          </p>
        </div>
      )}
      <label>
        {t("notes.decisionText")}
        <textarea
          required
          rows={2}
          maxLength={2000}
          value={fields.text}
          onChange={(e) => setFields({ ...fields, text: e.target.value })}
          data-testid="decision-text-input"
        />
      </label>
      <div className="note-form-row">
        <label>
          {t("notes.unit")}
          <input
            maxLength={80}
            value={fields.unit}
            onChange={(e) => setFields({ ...fields, unit: e.target.value })}
            list="decision-departments"
            data-testid="decision-unit-input"
          />
          <datalist id="decision-departments" data-testid="decision-departments">
            {departments.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </label>
        <label>
          {t("notes.deadline")}
          <input
            type="date"
            value={fields.deadline}
            onChange={(e) => setFields({ ...fields, deadline: e.target.value })}
            data-testid="decision-deadline-input"
          />
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="ghost small-button" onClick={onCancel}>
          {t("notes.cancel")}
        </button>
        <button type="submit" className="primary small-button" disabled={pending || fields.text.trim() === ""} data-testid="decision-save">
          {t("notes.save")}
        </button>
      </div>
    </form>
  );
}
