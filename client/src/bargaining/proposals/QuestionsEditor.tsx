// The union writes the questions of its 征集表: each a free text or a choice list (options one per
// line, one or several to choose).
import type { QuestionInput } from "@core/bargaining/proposals.ts";
import { useProposalsT } from "../../i18n/proposals.ts";

/** A question being written: its options as the textarea's lines. */
export interface QuestionDraft {
  kind: "text" | "choice";
  text: string;
  options: string;
  multiple: boolean;
}

export const draftOf = (q: QuestionInput): QuestionDraft => ({ kind: q.kind, text: q.text, options: q.options.join("\n"), multiple: q.multiple });

export const questionOf = (d: QuestionDraft): QuestionInput => ({
  kind: d.kind,
  text: d.text.trim(),
  options:
    d.kind === "choice"
      ? d.options
          .split("\n")
          .map((o) => o.trim())
          .filter(Boolean)
      : [],
  multiple: d.kind === "choice" && d.multiple,
});

export function QuestionsEditor({ drafts, onChange }: { drafts: QuestionDraft[]; onChange: (drafts: QuestionDraft[]) => void }) {
  const { t } = useProposalsT();
  const set = (index: number, change: Partial<QuestionDraft>) => onChange(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <fieldset className="proposals-question">
      <legend>{t("admin.questions")}</legend>
      {drafts.map((d, index) => (
        <div key={index} className="proposals-question" data-testid="proposals-question-draft">
          <div className="proposals-grid">
            <label className="proposals-field">
              {t("admin.question", { n: index + 1 })}
              <input value={d.text} onChange={(e) => set(index, { text: e.target.value })} maxLength={200} required data-testid="proposals-question-text" />
            </label>
            <label className="proposals-field">
              &nbsp;
              <select
                value={d.kind}
                onChange={(e) => set(index, { kind: e.target.value === "choice" ? "choice" : "text" })}
                data-testid="proposals-question-kind"
              >
                <option value="text">{t("admin.kindText")}</option>
                <option value="choice">{t("admin.kindChoice")}</option>
              </select>
            </label>
          </div>
          {d.kind === "choice" && (
            <>
              <label className="proposals-field">
                {t("admin.options")}
                <textarea
                  value={d.options}
                  onChange={(e) => set(index, { options: e.target.value })}
                  rows={3}
                  required
                  data-testid="proposals-question-options"
                />
              </label>
              <label className="proposals-check">
                <input type="checkbox" checked={d.multiple} onChange={(e) => set(index, { multiple: e.target.checked })} />
                <span>{t("admin.multiple")}</span>
              </label>
            </>
          )}
          <div>
            <button type="button" className="secondary" onClick={() => onChange(drafts.filter((_, i) => i !== index))}>
              {t("admin.removeQuestion", { n: index + 1 })}
            </button>
          </div>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...drafts, { kind: "choice", text: "", options: "", multiple: false }])}
          data-testid="proposals-add-question"
        >
          {t("admin.addQuestion")}
        </button>
      </div>
    </fieldset>
  );
}
