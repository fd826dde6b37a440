// One action on an item, in a dialog: 交办/改派, 督办, 退回, 办结/不予交办 (the secretariat),
// 办理进展 and 答复 with attachments (a department). The action carries the item's version; when
// someone else changed the item meanwhile (EDIT_CONFLICT) the page reloads it, the form stays
// filled and the user is told to check and submit again.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { REPLY_OUTCOMES, type ReplyOutcome } from "@core/ledger/item.ts";
import type { Department, LedgerItemJson } from "@core/ledger/json.ts";
import { HttpError } from "../api.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { FormActions } from "../ui/FormActions.tsx";
import { usePunct } from "./punct.ts";
import { assignVerb, closeVerb, suggestedDepartment, type StaffAction } from "./actions.ts";
import { today } from "./format.ts";
import { ledgerApi, type StaffLedgerAction } from "./ledgerApi.ts";
import { CouncilField, ResolveField } from "./CommunityActions.tsx";

/** The label of an action's button and dialog (交办 or 改派, 办结 or 不予交办). */
export function useActionLabel() {
  const { t } = useAdminT();
  return (type: StaffAction, item: Pick<LedgerItemJson, "state">): string =>
    type === "assign"
      ? t(`ledger.action.${assignVerb(item.state)}`)
      : type === "close"
        ? t(`ledger.action.${closeVerb(item.state)}`)
        : t(`ledger.action.${type}`);
}

export function ActionDialog({
  item,
  type,
  departments,
  onDone,
  onConflict,
  onClose,
}: {
  item: LedgerItemJson;
  type: StaffAction;
  departments: Department[];
  onDone: (item: LedgerItemJson) => void;
  onConflict: () => void;
  onClose: () => void;
}) {
  const { t } = useAdminT();
  const label = useActionLabel()(type, item);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  // The action the form describes (null while incomplete), set by the form's fields.
  const [action, setAction] = useState<StaffLedgerAction | null>(null);
  const [uploading, setUploading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    setPending(true);
    setError(null);
    try {
      const result = await ledgerApi.act(item.id, item.version, action);
      onDone(result.item);
    } catch (e) {
      if (e instanceof HttpError && e.code === "EDIT_CONFLICT") {
        setConflict(true);
        onConflict();
      } else setError(e);
      setPending(false);
    }
  };

  let form: ReactNode;
  switch (type) {
    case "assign":
      form = <AssignFields item={item} departments={departments} onChange={setAction} />;
      break;
    case "reply":
      form = <ReplyFields item={item} onChange={setAction} onUploading={setUploading} />;
      break;
    case "resolveLocally":
      form = <ResolveField onChange={setAction} />;
      break;
    case "toCouncil":
      form = <CouncilField onChange={setAction} />;
      break;
    default: {
      const [key, required] = NOTE_FIELDS[type === "close" && item.state === "new" ? "decline" : type];
      form = <NoteField type={type} label={t(`ledger.form.${key}`)} required={required} onChange={setAction} />;
    }
  }

  return (
    <Dialog title={`${label} · ${t("ledger.item.heading", { number: item.number })}`} onClose={onClose} className="wide" testId="ledger-action-dialog">
      <form className="admin-form" onSubmit={(e) => void submit(e)} data-testid={`ledger-form-${type}`}>
        <p className="ledger-dialog-item">{item.title}</p>
        {form}
        {conflict && (
          <p className="admin-warn" role="alert" data-testid="ledger-conflict">
            {t("ledger.item.conflict")}
          </p>
        )}
        <FormActions
          error={error}
          pending={pending}
          disabled={uploading || !action}
          label={label}
          pendingLabel={t("common.working")}
          onCancel={onClose}
          testId="ledger-action-submit"
        />
      </form>
    </Dialog>
  );
}

type NoteType = "supervise" | "sendBack" | "close" | "decline" | "progress";
type NoteAction = Exclude<StaffAction, "assign" | "reply" | "resolveLocally" | "toCouncil">;
const NOTE_FIELDS: Record<NoteType, [string, boolean]> = {
  supervise: ["superviseNote", true],
  sendBack: ["sendBackReason", true],
  close: ["closeNote", false],
  decline: ["declineReason", true],
  progress: ["progressNote", true],
};

/** The action of a note form; null while a required note is empty. */
function noteAction(type: NoteAction, text: string): StaffLedgerAction | null {
  const note = text.trim();
  switch (type) {
    case "supervise":
      return note ? { type, note } : null;
    case "progress":
      return note ? { type, note } : null;
    case "sendBack":
      return note ? { type, reason: note } : null;
    case "close":
      return { type, note };
  }
}

function NoteField({
  type,
  label,
  required,
  onChange,
}: {
  type: NoteAction;
  label: string;
  required: boolean;
  onChange: (action: StaffLedgerAction | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  useEffect(() => onChange(noteAction(type, text)), [type, text, onChange]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={5}
        maxLength={2000}
        required={required}
        value={text}
        data-autofocus
        data-testid="ledger-note"
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}

function AssignFields({
  item,
  departments,
  onChange,
}: {
  item: LedgerItemJson;
  departments: Department[];
  onChange: (action: StaffLedgerAction | null) => void;
}) {
  const { t } = useAdminT();
  const p = usePunct();
  const id = useId();
  const [state, setState] = useState(() => ({
    lead: item.lead?.id ?? suggestedDepartment(departments, item.suggestedDepartment)?.id ?? "",
    partners: item.partners.map((p) => p.id),
    deadline: item.deadline && item.deadline >= today() ? item.deadline : "",
    instructions: item.instructions,
  }));
  const update = (patch: Partial<typeof state>) =>
    setState((current) => {
      const next = { ...current, ...patch };
      return { ...next, partners: next.partners.filter((p) => p !== next.lead) };
    });
  useEffect(
    () =>
      onChange(
        state.lead && state.deadline
          ? { type: "assign", lead: state.lead, partners: state.partners, deadline: state.deadline, instructions: state.instructions.trim() }
          : null,
      ),
    [state, onChange],
  );
  // A disabled department is offered only where the item already names it.
  const offered = departments.filter((d) => !d.disabled || d.id === item.lead?.id || item.partners.some((p) => p.id === d.id));
  if (offered.length === 0)
    return (
      <p className="admin-warn" role="alert">
        {t("ledger.form.noDepartments")}
      </p>
    );
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t("ledger.form.department")}</label>
        <select
          id={`${id}-lead`}
          required
          value={state.lead}
          onChange={(e) => update({ lead: e.target.value })}
          data-autofocus
          data-testid="ledger-assign-lead"
        >
          <option value="">{t("ledger.form.choose")}</option>
          {offered.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {item.suggestedDepartment && (
          <span className="hint">
            {t(item.origin === "decision" ? "ledger.item.responsibleUnit" : "ledger.item.suggestedDepartment")}
            {p.colon}
            {item.suggestedDepartment}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-deadline`}>{t("ledger.form.deadline")}</label>
        <input
          id={`${id}-deadline`}
          type="date"
          required
          min={today()}
          value={state.deadline}
          onChange={(e) => update({ deadline: e.target.value })}
          data-testid="ledger-assign-deadline"
        />
      </div>
      <fieldset className="field span-2 ledger-partners">
        <legend>{t("ledger.form.partners")}</legend>
        {offered.filter((d) => d.id !== state.lead).length === 0 && <span className="muted">{t("ledger.form.noPartners")}</span>}
        <div className="choice-group">
          {offered
            .filter((d) => d.id !== state.lead)
            .map((d) => (
              <label key={d.id} className="choice">
                <input
                  type="checkbox"
                  checked={state.partners.includes(d.id)}
                  onChange={(e) => update({ partners: e.target.checked ? [...state.partners, d.id] : state.partners.filter((p) => p !== d.id) })}
                  data-testid="ledger-assign-partner"
                />
                {d.name}
              </label>
            ))}
        </div>
      </fieldset>
      <div className="field span-2">
        <label htmlFor={`${id}-instructions`}>
          {t("ledger.form.instructions")} <span className="muted">{t("common.optional")}</span>
        </label>
        <textarea
          id={`${id}-instructions`}
          rows={3}
          maxLength={2000}
          value={state.instructions}
          onChange={(e) => update({ instructions: e.target.value })}
          data-testid="ledger-assign-instructions"
        />
      </div>
    </div>
  );
}

interface Uploaded {
  id: string;
  name: string;
}

function ReplyFields({
  item,
  onChange,
  onUploading,
}: {
  item: LedgerItemJson;
  onChange: (action: StaffLedgerAction | null) => void;
  onUploading: (busy: boolean) => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<ReplyOutcome | "">("");
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(
    () => onChange(text.trim() && outcome ? { type: "reply", text: text.trim(), outcome, attachments: files } : null),
    [text, outcome, files, onChange],
  );
  const upload = async (list: FileList | null) => {
    if (!list) return;
    setError(null);
    onUploading(true);
    let current = files;
    try {
      for (const file of Array.from(list)) {
        if (current.length >= 10) break;
        setUploading(file.name);
        const { attachment } = await ledgerApi.upload(item.id, file);
        current = [...current, attachment];
        setFiles(current);
      }
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
      onUploading(false);
    }
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("ledger.form.replyText")}</label>
        <textarea
          id={`${id}-text`}
          rows={7}
          maxLength={8000}
          required
          value={text}
          data-autofocus
          data-testid="ledger-reply-text"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <fieldset className="field choice-group">
        <legend>{t("ledger.form.outcome")}</legend>
        {REPLY_OUTCOMES.map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              required
              onChange={() => setOutcome(o)}
              data-testid={`ledger-outcome-${o}`}
            />
            {t(`ledger.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-files`}>
          {t("ledger.form.attachments")} <span className="muted">{t("common.optional")}</span>
        </label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          aria-describedby={`${id}-files-hint`}
          disabled={uploading !== null || files.length >= 10}
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = "";
          }}
          data-testid="ledger-reply-files"
        />
        <span className="hint" id={`${id}-files-hint`}>
          {t("ledger.form.attachmentsHint")}
        </span>
        <div role="status" aria-live="polite">
          {uploading && <span className="muted">{t("ledger.form.uploading", { name: uploading })}</span>}
        </div>
        <ErrorLine error={error} />
        {files.length > 0 && (
          <ul className="ledger-files" data-testid="ledger-reply-attachments">
            {files.map((f) => (
              <li key={f.id}>
                <span>{f.name}</span>
                <button
                  type="button"
                  className="compact"
                  aria-label={t("ledger.form.remove", { name: f.name })}
                  onClick={() => setFiles(files.filter((x) => x.id !== f.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
