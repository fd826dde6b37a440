import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { PollForm, TallyVisibility } from "@core/poll/schema.ts";
import { draftProblems, emptyDraft, RULE_KINDS, toDefinition, type PollDraft } from "./polls.ts";

const FORMS: readonly PollForm[] = ["yesNoAbstain", "single", "multiple", "consent"];
const VISIBILITIES: readonly TallyVisibility[] = ["chair", "all", "none"];

/** Number input value → number, or null when empty. */
const numberOrNull = (value: string): number | null => (value.trim() === "" ? null : Number(value));

/**
 * The chair's 新建表决: question, form (赞成/反对/弃权 · 单选 · 多选 with min/max · 同意/不同意),
 * 记名/无记名, the rule's clauses, an optional quorum, live tally, changing votes, a time limit.
 * Creates a draft (poll.create); opening it is a separate step in the list.
 */
export function PollCreateForm({ run, pending, onDone }: { run: (command: Command) => Promise<boolean>; pending: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PollDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<PollDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = draftProblems(draft);
  const choices = draft.form === "single" || draft.form === "multiple";

  const submit = async () => {
    setTried(true);
    if (problems.length > 0) return;
    if (await run({ type: "poll.create", poll: toDefinition(draft) })) onDone();
  };

  return (
    <form className="poll-create" data-testid="poll-create" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label className="poll-field">
        <span>{t("poll.question")}</span>
        <input type="text" maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} data-testid="poll-title" autoFocus />
      </label>

      <fieldset className="poll-fieldset">
        <legend>{t("poll.form")}</legend>
        <div className="segmented poll-forms">
          {FORMS.map((form) => (
            <label key={form}>
              <input type="radio" name="poll-form" checked={draft.form === form} onChange={() => set({ form })} data-testid={`poll-form-${form}`} />
              {t(`poll.forms.${form}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {choices && (
        <fieldset className="poll-fieldset">
          <legend>{t("poll.options")}</legend>
          <ol className="poll-option-inputs">
            {draft.options.map((label, i) => (
              <li key={i}>
                <input type="text" maxLength={100} value={label} aria-label={t("poll.option", { n: i + 1 })} data-testid="poll-option-input"
                  onChange={(e) => set({ options: draft.options.map((o, j) => (j === i ? e.target.value : o)) })} />
                {draft.options.length > 2 && (
                  <button type="button" className="ghost icon" aria-label={t("poll.removeOption", { n: i + 1 })}
                    onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}>×</button>
                )}
              </li>
            ))}
          </ol>
          {draft.options.length < 30 && (
            <button type="button" className="secondary small-button" onClick={() => set({ options: [...draft.options, ""] })} data-testid="poll-add-option">
              + {t("poll.addOption")}
            </button>
          )}
          {draft.form === "multiple" && (
            <div className="poll-inline">
              <label>{t("poll.minChoices")} <input type="number" min={1} max={30} value={draft.minChoices} onChange={(e) => set({ minChoices: Number(e.target.value) })} data-testid="poll-min" /> {t("poll.items")}</label>
              <label>{t("poll.maxChoices")} <input type="number" min={1} max={30} value={draft.maxChoices} onChange={(e) => set({ maxChoices: Number(e.target.value) })} data-testid="poll-max" /> {t("poll.items")}</label>
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="poll-fieldset">
        <legend>{t("poll.ballot")}</legend>
        <div className="segmented">
          <label>
            <input type="radio" name="poll-secret" checked={draft.secret} onChange={() => set({ secret: true, tallyVisibility: "none", allowChange: false })} data-testid="poll-secret" />
            {t("poll.secret")}
          </label>
          <label>
            <input type="radio" name="poll-secret" checked={!draft.secret} onChange={() => set({ secret: false })} data-testid="poll-named" />
            {t("poll.named")}
          </label>
        </div>
      </fieldset>

      <fieldset className="poll-fieldset">
        <legend>{t("poll.rule")}</legend>
        <div className="poll-rules">
          {RULE_KINDS.map((kind) => (
            <label key={kind} className="poll-check">
              <input type="checkbox" checked={draft.rule[kind]} onChange={(e) => set({ rule: { ...draft.rule, [kind]: e.target.checked } })} data-testid={`poll-rule-${kind}`} />
              {kind === "percentOfEligible" ? (
                <span>
                  {t("poll.percentLabel")}{" "}
                  <input type="number" min={1} max={100} step="any" value={draft.percent} aria-label={t("poll.percentLabel")}
                    onChange={(e) => set({ percent: Number(e.target.value), rule: { ...draft.rule, percentOfEligible: true } })} data-testid="poll-percent" /> %
                </span>
              ) : (
                t(`poll.rules.${kind}`)
              )}
            </label>
          ))}
        </div>
        <label className="poll-check">
          <input type="checkbox" checked={draft.quorumPercent !== null} onChange={(e) => set({ quorumPercent: e.target.checked ? 50 : null })} data-testid="poll-quorum-on" />
          <span>
            {t("poll.quorum")}{" "}
            <input type="number" min={1} max={100} step="any" value={draft.quorumPercent ?? ""} disabled={draft.quorumPercent === null} aria-label={t("poll.quorum")}
              onChange={(e) => set({ quorumPercent: numberOrNull(e.target.value) ?? 0 })} data-testid="poll-quorum" /> %
          </span>
        </label>
      </fieldset>

      <fieldset className="poll-fieldset">
        <legend>{t("poll.tallyVisibility")}</legend>
        <div className="segmented">
          {VISIBILITIES.map((v) => (
            <label key={v} className={draft.secret && v !== "none" ? "disabled" : undefined}>
              <input type="radio" name="poll-tally" disabled={draft.secret && v !== "none"} checked={(draft.secret ? "none" : draft.tallyVisibility) === v}
                onChange={() => set({ tallyVisibility: v })} data-testid={`poll-tally-${v}`} />
              {t(`poll.tally.${v}`)}
            </label>
          ))}
        </div>
        <label className={`poll-check${draft.secret ? " disabled" : ""}`}>
          <input type="checkbox" disabled={draft.secret} checked={!draft.secret && draft.allowChange} onChange={(e) => set({ allowChange: e.target.checked })} data-testid="poll-allow-change" />
          {t("poll.allowChange")}
        </label>
        {draft.secret && <p className="muted small">{t("poll.secretNoTally")}</p>}
      </fieldset>

      <label className="poll-field poll-inline">
        <span>{t("poll.duration")}</span>
        <input type="number" min={1} max={1440} step="any" value={draft.minutes ?? ""} onChange={(e) => set({ minutes: numberOrNull(e.target.value) })} data-testid="poll-minutes" />
      </label>
      <p className="muted small">{t("poll.eligibleHint")}</p>

      {tried && problems.length > 0 && (
        <ul className="poll-problems" role="alert" data-testid="poll-problems">
          {problems.map((p) => <li key={p}>{t(`poll.problem.${p}`)}</li>)}
        </ul>
      )}
      <div className="poll-buttons">
        <button type="button" className="secondary" onClick={onDone}>{t("poll.cancel")}</button>
        <button type="submit" className="primary" disabled={pending} data-testid="poll-create-submit">{pending ? t("pending") : t("poll.createSubmit")}</button>
      </div>
    </form>
  );
}
