// The fields of a 征集表: an answer to each of the union's questions (a choice list or a text), the
// free suggestion, and who filled it in or anonymous. The worker's phone page and the union typing
// in a paper form use the same fields; the server checks everything again.
import type { FormInput } from "@core/api/bargainingProposals.ts";
import { MAX_ANSWER_TEXT, MAX_SUGGESTION, type Answers, type ProposalQuestion } from "@core/bargaining/proposals.ts";
import { useProposalsT } from "../../i18n/proposals.ts";

export interface FormState {
  answers: Answers;
  suggestion: string;
  name: string;
  department: string;
  phone: string;
  anonymous: boolean;
}

export const EMPTY_FORM: FormState = { answers: {}, suggestion: "", name: "", department: "", phone: "", anonymous: false };

/** The request body of a filled-in form (an anonymous one carries no name, department or phone). */
export const formBody = (form: FormState): FormInput =>
  form.anonymous
    ? { answers: form.answers, suggestion: form.suggestion.trim(), anonymous: true }
    : { answers: form.answers, suggestion: form.suggestion.trim(), name: form.name.trim(), department: form.department.trim(), phone: form.phone.trim() };

/** Whether the form says anything yet (an answer or a suggestion). */
export const saysSomething = (form: FormState): boolean =>
  form.suggestion.trim() !== "" || Object.values(form.answers).some((a) => (typeof a === "string" ? a.trim() !== "" : a.length > 0));

export function FormFields({ questions, form, onChange }: { questions: readonly ProposalQuestion[]; form: FormState; onChange: (form: FormState) => void }) {
  const { t } = useProposalsT();
  const answer = (id: string, value: string | string[]) => onChange({ ...form, answers: { ...form.answers, [id]: value } });
  const chosen = (id: string): string[] => [form.answers[id] ?? []].flat();
  return (
    <>
      {questions.map((q, index) => (
        <fieldset key={q.id} className="proposals-question" data-testid={`proposals-question-${q.id}`}>
          <legend>
            {index + 1}. {q.text}
          </legend>
          {q.kind === "text" ? (
            <textarea
              value={String(form.answers[q.id] ?? "")}
              onChange={(e) => answer(q.id, e.target.value)}
              maxLength={MAX_ANSWER_TEXT}
              rows={3}
              aria-label={q.text}
              placeholder={t("worker.textHint", { max: MAX_ANSWER_TEXT })}
              data-testid={`proposals-answer-${q.id}`}
            />
          ) : (
            <>
              <span className="proposals-hint">{q.multiple ? t("worker.chooseMany") : t("worker.choose")}</span>
              {q.options.map((option) => {
                const on = chosen(q.id).includes(option);
                const toggle = () =>
                  answer(q.id, q.multiple ? (on ? chosen(q.id).filter((o) => o !== option) : [...chosen(q.id), option]) : on ? [] : [option]);
                return (
                  <label key={option} className={on ? "proposals-choice chosen" : "proposals-choice"}>
                    <input
                      type={q.multiple ? "checkbox" : "radio"}
                      name={q.id}
                      checked={on}
                      onChange={toggle}
                      onClick={q.multiple ? undefined : () => on && toggle()}
                    />
                    {option}
                  </label>
                );
              })}
            </>
          )}
        </fieldset>
      ))}
      <label className="proposals-field">
        {t("worker.suggestion")}
        <textarea
          value={form.suggestion}
          onChange={(e) => onChange({ ...form, suggestion: e.target.value })}
          maxLength={MAX_SUGGESTION}
          rows={5}
          placeholder={t("worker.suggestionHint", { max: MAX_SUGGESTION })}
          data-testid="proposals-suggestion"
        />
      </label>
      <fieldset className="proposals-question">
        <legend>{t("worker.about")}</legend>
        <label className="proposals-check">
          <input
            type="checkbox"
            checked={form.anonymous}
            onChange={(e) => onChange({ ...form, anonymous: e.target.checked })}
            data-testid="proposals-anonymous"
          />
          <span>
            {t("worker.anonymous")}
            <span className="proposals-hint">{t("worker.anonymousHint")}</span>
          </span>
        </label>
        {!form.anonymous && (
          <>
            <label className="proposals-field">
              {t("worker.name")}
              <input
                value={form.name}
                onChange={(e) => onChange({ ...form, name: e.target.value })}
                maxLength={40}
                autoComplete="name"
                data-testid="proposals-name"
              />
            </label>
            <label className="proposals-field">
              {t("worker.department")}
              <input
                value={form.department}
                onChange={(e) => onChange({ ...form, department: e.target.value })}
                maxLength={60}
                data-testid="proposals-department"
              />
            </label>
            <label className="proposals-field">
              {t("worker.phone")}
              <input
                value={form.phone}
                onChange={(e) => onChange({ ...form, phone: e.target.value })}
                maxLength={20}
                inputMode="tel"
                autoComplete="tel"
                data-testid="proposals-phone"
              />
            </label>
          </>
        )}
      </fieldset>
    </>
  );
}
