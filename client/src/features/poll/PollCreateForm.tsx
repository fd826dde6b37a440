import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { Base, PollForm, TallyVisibility } from "@core/poll/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { rosterFacts } from "./formRoster.ts";
import {
  basesFor,
  draftProblems,
  emptyDraft,
  newQuorum,
  owners278,
  owners278Matter,
  article36,
  isArticle36,
  ruleKindsFor,
  toDefinition,
  withFormDefaults,
  type DraftMeasure,
  type DraftQuorum,
  type OwnersMatter,
  type PollDraft,
} from "./pollDraft.ts";
import { EligiblePreview } from "./EligiblePreview.tsx";
import { MoreConditions } from "./MoreConditions.tsx";
import { useChairWord } from "../meeting/useRoleLabel.ts";

const FORMS: readonly PollForm[] = ["yesNoAbstain", "single", "multiple", "consent", "candidates"];
const VISIBILITIES: readonly TallyVisibility[] = ["chair", "all", "none"];

/** Number input value → number, or null when empty. */
const numberOrNull = (value: string): number | null => (value.trim() === "" ? null : Number(value));

const MEASURES: readonly DraftMeasure[] = ["count", "weight", "both"];
const COMPARES = ["atLeast", "more"] as const;
const OWNERS_MATTERS: readonly OwnersMatter[] = ["ordinary", "major"];

/**
 * The chair's 新建表决: question, form (赞成/反对/弃权 · 单选 · 多选 with min/max · 同意/不同意 ·
 * 候选人 with 赞成/反对/弃权 each), 应选人数 and 空白票 for elections, 记名/无记名, the rule's
 * clauses (presets, or any share typed as 80% or 2/3, 不少于 or 超过, of 应到/实到/投票/赞成与反对),
 * 弃权票上限, 否决, an optional quorum (by heads, weight or both), live tally, changing votes, a
 * time limit. In a community, one button fills in an owners' decision under 民法典 §278.
 * Folded under 更多条件: who may vote (roles, latecomers, side, per household), vote weights and
 * clauses limited to a building. A live line says in one sentence who is 应到 and 实到 now, what
 * the rule's bases will count (the core's eligibleVoters) and the rule in the words of the
 * result. Choosing 同意/不同意 proposes a consent rate of 应到 (80 %) until the chair picks a rule.
 * Creates a draft (poll.create); opening it is a separate step in the list.
 */
export function PollCreateForm({ run, pending, onDone }: { run: (command: Command) => Promise<boolean>; pending: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const chairWord = useChairWord();
  const { state } = useMeeting();
  const [draft, setDraft] = useState<PollDraft>(emptyDraft);
  const roster = state?.roster;
  const facts = useMemo(() => rosterFacts(roster ?? []), [roster]);
  const [tried, setTried] = useState(false);
  const [ruleTouched, setRuleTouched] = useState(false);
  const setRule = (patch: Partial<PollDraft>) => {
    setRuleTouched(true);
    set(patch);
  };
  const set = (patch: Partial<PollDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const [ownersOpen, setOwnersOpen] = useState(false);
  const problems = draftProblems(draft);
  const candidates = draft.form === "candidates";
  const choices = draft.form === "single" || draft.form === "multiple" || candidates;
  const fixedForm = draft.form === "yesNoAbstain" || draft.form === "consent";
  const weighted = draft.weighted && !draft.secret;
  const kinds = ruleKindsFor(draft.form);
  const matter = owners278Matter(draft);
  // Chinese says the base before the share (不少于应到的80%), English after (at least 80% of everyone entitled).
  const zh = !i18n.language.startsWith("en");
  const setQuorum = (patch: Partial<DraftQuorum>) => set({ quorum: { ...(draft.quorum ?? newQuorum()), ...patch } });
  const baseSelect = () => (
    <select
      value={draft.shareBase}
      aria-label={t("poll.shareBase")}
      data-testid="poll-percent-base"
      onChange={(e) => setRule({ shareBase: e.target.value as Base, rule: { ...draft.rule, percent: true } })}
    >
      {basesFor(draft.form).map((b) => (
        <option key={b} value={b}>
          {t(`poll.bases.${b}`)}
        </option>
      ))}
    </select>
  );
  const measureSelect = (value: DraftMeasure, onChange: (m: DraftMeasure) => void, testId: string) =>
    weighted && (
      <select
        className="poll-measure"
        value={value}
        aria-label={t("poll.measure")}
        onChange={(e) => onChange(e.target.value as DraftMeasure)}
        data-testid={testId}
      >
        {MEASURES.map((m) => (
          <option key={m} value={m}>
            {t(`poll.measures.${m}`)}
          </option>
        ))}
      </select>
    );

  const applyOwners = (m: OwnersMatter) => {
    setRuleTouched(true);
    setDraft((d) => owners278(d, m));
    setOwnersOpen(false);
  };

  const submit = async () => {
    setTried(true);
    if (problems.length > 0) return;
    if (await run({ type: "poll.create", poll: toDefinition(draft) })) onDone();
  };

  return (
    <form
      className="poll-create"
      data-testid="poll-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="poll-field">
        <span>{t("poll.question")}</span>
        <input type="text" maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} data-testid="poll-title" autoFocus />
      </label>

      <fieldset className="poll-fieldset">
        <legend>{t("poll.form")}</legend>
        <div className="segmented poll-forms">
          {FORMS.map((form) => (
            <label key={form}>
              <input
                type="radio"
                name="poll-form"
                checked={draft.form === form}
                onChange={() => setDraft((d) => withFormDefaults(d, form, ruleTouched))}
                data-testid={`poll-form-${form}`}
              />
              {t(`poll.forms.${form}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {choices && (
        <fieldset className="poll-fieldset">
          <legend>{candidates ? t("poll.candidates") : t("poll.options")}</legend>
          <ol className="poll-option-inputs">
            {draft.options.map((label, i) => (
              <li key={i}>
                <input
                  type="text"
                  maxLength={100}
                  value={label}
                  aria-label={t(candidates ? "poll.candidate" : "poll.option", { n: i + 1 })}
                  data-testid="poll-option-input"
                  onChange={(e) => set({ options: draft.options.map((o, j) => (j === i ? e.target.value : o)) })}
                />
                {draft.options.length > 2 && (
                  <button
                    type="button"
                    className="ghost icon"
                    aria-label={t(candidates ? "poll.removeCandidate" : "poll.removeOption", { n: i + 1 })}
                    onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ol>
          {draft.options.length < 30 && (
            <button type="button" className="secondary small-button" onClick={() => set({ options: [...draft.options, ""] })} data-testid="poll-add-option">
              + {t(candidates ? "poll.addCandidate" : "poll.addOption")}
            </button>
          )}
          {draft.form === "multiple" && (
            <div className="poll-inline">
              <label>
                {t("poll.minChoices")}{" "}
                <input
                  type="number"
                  min={1}
                  max={30}
                  value={draft.minChoices}
                  onChange={(e) => set({ minChoices: Number(e.target.value) })}
                  data-testid="poll-min"
                />{" "}
                {t("poll.items")}
              </label>
              <label>
                {t("poll.maxChoices")}{" "}
                <input
                  type="number"
                  min={1}
                  max={30}
                  value={draft.maxChoices}
                  onChange={(e) => set({ maxChoices: Number(e.target.value) })}
                  data-testid="poll-max"
                />{" "}
                {t("poll.items")}
              </label>
            </div>
          )}
          <label className="poll-inline">
            {t("poll.seats")}
            <input
              type="number"
              min={1}
              max={30}
              value={draft.seats ?? ""}
              data-testid="poll-seats"
              onChange={(e) => {
                const seats = numberOrNull(e.target.value);
                // 差额选举: a ballot may name at most as many as are elected.
                set({
                  seats,
                  ...(draft.form === "multiple" && seats !== null && seats >= 1 ? { maxChoices: seats, minChoices: Math.min(draft.minChoices, seats) } : {}),
                });
              }}
            />
            {t("poll.seatsUnit")}
            <span className="muted small">{t("poll.seatsHint")}</span>
          </label>
          <label className="poll-check">
            <input type="checkbox" checked={draft.allowBlank} onChange={(e) => set({ allowBlank: e.target.checked })} data-testid="poll-allow-blank" />
            {t("poll.allowBlank")}
          </label>
        </fieldset>
      )}

      <fieldset className="poll-fieldset">
        <legend>{t("poll.ballot")}</legend>
        <div className="segmented">
          <label>
            <input
              type="radio"
              name="poll-secret"
              checked={draft.secret}
              onChange={() => set({ secret: true, tallyVisibility: "none", allowChange: false, weighted: false })}
              data-testid="poll-secret"
            />
            {t("poll.secret")}
          </label>
          <label>
            <input type="radio" name="poll-secret" checked={!draft.secret} onChange={() => set({ secret: false })} data-testid="poll-named" />
            {t("poll.named")}
          </label>
        </div>
      </fieldset>

      <fieldset className="poll-fieldset" data-testid="poll-rule">
        <legend>{t("poll.rule")}</legend>
        {facts.households && (
          <div className="poll-owners">
            <button
              type="button"
              className="secondary small-button"
              aria-expanded={ownersOpen}
              onClick={() => setOwnersOpen(!ownersOpen)}
              data-testid="poll-owners"
            >
              {t("poll.owners")}
            </button>
            {ownersOpen && (
              <div className="poll-owners-choices" role="group" aria-label={t("poll.owners")} data-testid="poll-owners-choices">
                <p className="muted small">{t("poll.ownersHint")}</p>
                {!facts.weights && (
                  <p className="poll-owners-warning" role="alert">
                    {t("poll.ownersNoWeights")}
                  </p>
                )}
                {OWNERS_MATTERS.map((m) => (
                  <button
                    key={m}
                    type="button"
                    className="secondary poll-owners-choice"
                    aria-pressed={matter === m}
                    disabled={!facts.weights}
                    onClick={() => applyOwners(m)}
                    data-testid={`poll-owners-${m}`}
                  >
                    <strong>{t(m === "ordinary" ? "poll.ownersOrdinary" : "poll.ownersMajor")}</strong>
                    <span className="muted small">{t(m === "ordinary" ? "poll.ownersOrdinaryExamples" : "poll.ownersMajorExamples")}</span>
                  </button>
                ))}
              </div>
            )}
            {matter && !ownersOpen && (
              <p className="poll-owners-applied small" role="status" data-testid="poll-owners-applied">
                {t("poll.ownersApplied", { matter: t(`poll.ownersMatter.${matter}`) })}
              </p>
            )}
          </div>
        )}
        <div className="poll-owners">
          <button
            type="button"
            className="secondary small-button"
            aria-pressed={isArticle36(draft)}
            onClick={() => {
              setRuleTouched(true);
              setDraft((d) => article36(d));
            }}
            data-testid="poll-article36"
          >
            {t("poll.article36")}
          </button>
          {isArticle36(draft) && (
            <p className="poll-owners-applied small" role="status" data-testid="poll-article36-applied">
              {t("poll.article36Applied")}
            </p>
          )}
        </div>
        <div className="poll-rules">
          {kinds.map((kind) => (
            <div key={kind} className="poll-rule-line">
              <label className="poll-check">
                <input
                  type="checkbox"
                  checked={draft.rule[kind]}
                  onChange={(e) => setRule({ rule: { ...draft.rule, [kind]: e.target.checked } })}
                  data-testid={`poll-rule-${kind}`}
                />
                {t(`poll.rules.${kind}`)}
              </label>
              {kind === "percent" && draft.rule.percent && (
                <span className="poll-share-line">
                  <select
                    value={draft.compare}
                    aria-label={t("poll.rules.percent")}
                    data-testid="poll-compare"
                    onChange={(e) => setRule({ compare: e.target.value as PollDraft["compare"], rule: { ...draft.rule, percent: true } })}
                  >
                    {COMPARES.map((c) => (
                      <option key={c} value={c}>
                        {t(`poll.compares.${c}`)}
                      </option>
                    ))}
                  </select>
                  {zh && baseSelect()}
                  {zh && t("poll.shareOf")}
                  <input
                    type="text"
                    inputMode="text"
                    className="poll-share"
                    maxLength={12}
                    value={draft.share}
                    placeholder={t("poll.sharePlaceholder")}
                    aria-label={t("poll.share")}
                    onChange={(e) => setRule({ share: e.target.value, rule: { ...draft.rule, percent: true } })}
                    data-testid="poll-percent"
                  />
                  {!zh && t("poll.shareOf")}
                  {!zh && baseSelect()}
                </span>
              )}
              {draft.rule[kind] && measureSelect(draft.measures[kind], (m) => set({ measures: { ...draft.measures, [kind]: m } }), `poll-measure-${kind}`)}
            </div>
          ))}
        </div>
        {draft.form === "yesNoAbstain" && (
          <div className="poll-rule-line">
            <label className="poll-check">
              <input
                type="checkbox"
                checked={draft.abstainLimit !== null}
                onChange={(e) => setRule({ abstainLimit: e.target.checked ? "30%" : null })}
                data-testid="poll-abstain-limit-on"
              />
              {t("poll.abstainLimitOn")}
            </label>
            {draft.abstainLimit !== null && (
              <span className="poll-share-line">
                {t("poll.abstainLimit")}
                <input
                  type="text"
                  className="poll-share"
                  maxLength={12}
                  value={draft.abstainLimit}
                  placeholder="30%"
                  aria-label={t("poll.abstainLimitOn")}
                  onChange={(e) => setRule({ abstainLimit: e.target.value })}
                  data-testid="poll-abstain-limit"
                />
                {t("poll.abstainLimitAfter")}
              </span>
            )}
          </div>
        )}
        {fixedForm && (
          <label className="poll-check">
            <input type="checkbox" checked={draft.veto} onChange={(e) => setRule({ veto: e.target.checked })} data-testid="poll-veto" />
            {t("poll.veto")}
          </label>
        )}
        <div className="poll-rule-line">
          <label className="poll-check">
            <input
              type="checkbox"
              checked={draft.quorum !== null}
              onChange={(e) => set({ quorum: e.target.checked ? newQuorum() : null })}
              data-testid="poll-quorum-on"
            />
            {t("poll.quorum")}
          </label>
          {draft.quorum !== null && (
            <span className="poll-share-line">
              <select
                value={draft.quorum.compare}
                aria-label={t("poll.quorum")}
                onChange={(e) => setQuorum({ compare: e.target.value as DraftQuorum["compare"] })}
                data-testid="poll-quorum-compare"
              >
                {COMPARES.map((c) => (
                  <option key={c} value={c}>
                    {t(`poll.compares.${c}`)}
                  </option>
                ))}
              </select>
              <select
                value={draft.quorum.of ?? "cast"}
                aria-label={t("poll.quorumBase")}
                onChange={(e) => setQuorum({ of: e.target.value as DraftQuorum["of"] })}
                data-testid="poll-quorum-of"
              >
                {(["cast", "present"] as const).map((of) => (
                  <option key={of} value={of}>
                    {t(`poll.quorumBases.${of}`)}
                  </option>
                ))}
              </select>
              {zh && t("poll.quorumOf")}
              <input
                type="text"
                className="poll-share"
                maxLength={12}
                value={draft.quorum.share}
                placeholder={t("poll.sharePlaceholder")}
                aria-label={t("poll.share")}
                onChange={(e) => setQuorum({ share: e.target.value })}
                data-testid="poll-quorum"
              />
              {!zh && t("poll.quorumOf")}
              {weighted && (
                <select
                  value={draft.quorum.measure}
                  aria-label={t("poll.measure")}
                  onChange={(e) => setQuorum({ measure: e.target.value as DraftMeasure })}
                  data-testid="poll-quorum-measure"
                >
                  {MEASURES.map((m) => (
                    <option key={m} value={m}>
                      {t(`poll.quorumMeasures.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </span>
          )}
        </div>
      </fieldset>

      <MoreConditions draft={draft} set={set} facts={facts} kinds={kinds} measureSelect={measureSelect} />

      <fieldset className="poll-fieldset">
        <legend>{t("poll.tallyVisibility")}</legend>
        <div className="segmented">
          {VISIBILITIES.map((v) => (
            <label key={v} className={draft.secret && v !== "none" ? "disabled" : undefined}>
              <input
                type="radio"
                name="poll-tally"
                disabled={draft.secret && v !== "none"}
                checked={(draft.secret ? "none" : draft.tallyVisibility) === v}
                onChange={() => set({ tallyVisibility: v })}
                data-testid={`poll-tally-${v}`}
              />
              {t(`poll.tally.${v}`, chairWord)}
            </label>
          ))}
        </div>
        <label className={`poll-check${draft.secret ? " disabled" : ""}`}>
          <input
            type="checkbox"
            disabled={draft.secret}
            checked={!draft.secret && draft.allowChange}
            onChange={(e) => set({ allowChange: e.target.checked })}
            data-testid="poll-allow-change"
          />
          {t("poll.allowChange")}
        </label>
        {draft.secret && <p className="muted small">{t("poll.secretNoTally")}</p>}
      </fieldset>

      <label className="poll-field poll-inline">
        <span>{t("poll.duration")}</span>
        <input
          type="number"
          min={1}
          max={1440}
          step="any"
          value={draft.minutes ?? ""}
          onChange={(e) => set({ minutes: numberOrNull(e.target.value) })}
          data-testid="poll-minutes"
        />
      </label>
      {state && <EligiblePreview state={state} draft={draft} />}

      {tried && problems.length > 0 && (
        <ul className="poll-problems" role="alert" data-testid="poll-problems">
          {problems.map((p) => (
            <li key={p}>{t(`poll.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      <div className="poll-buttons">
        <button type="button" className="secondary" onClick={onDone}>
          {t("poll.cancel")}
        </button>
        <button type="submit" className="primary" disabled={pending} data-testid="poll-create-submit">
          {pending ? t("pending") : t("poll.createSubmit")}
        </button>
      </div>
    </form>
  );
}
