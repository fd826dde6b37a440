import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { pollOptions } from "@core/poll/decide.ts";
import type { Base, PollForm, TallyVisibility } from "@core/poll/schema.ts";
import type { MeetingState } from "@core/state.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { eligiblePreview, rosterFacts } from "./formRoster.ts";
import {
  basesFor, draftProblems, emptyDraft, newBuildingClause, newQuorum, owners278, owners278Matter, ruleKindsFor, toDefinition,
  VOTER_ROLES, withFormDefaults, type BuildingClause, type DraftMeasure, type DraftQuorum, type OwnersMatter, type PollDraft, type RuleKind,
} from "./pollDraft.ts";
import { formatWeight } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

const FORMS: readonly PollForm[] = ["yesNoAbstain", "single", "multiple", "consent", "candidates"];
const VISIBILITIES: readonly TallyVisibility[] = ["chair", "all", "none"];

/** Number input value → number, or null when empty. */
const numberOrNull = (value: string): number | null => (value.trim() === "" ? null : Number(value));

const MEASURES: readonly DraftMeasure[] = ["count", "weight", "both"];
const SIDES = [null, "worker", "enterprise"] as const;
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
  const { state } = useMeeting();
  // The voters' role words follow the meeting's kind (居民代表, 协商代表, 当事人 …).
  const roleLabel = useRoleLabel();
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
  const setBuilding = (i: number, patch: Partial<BuildingClause>) => set({ buildings: draft.buildings.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const baseSelect = () => (
    <select value={draft.shareBase} aria-label={t("poll.shareBase")} data-testid="poll-percent-base"
      onChange={(e) => setRule({ shareBase: e.target.value as Base, rule: { ...draft.rule, percent: true } })}>
      {basesFor(draft.form).map((b) => <option key={b} value={b}>{t(`poll.bases.${b}`)}</option>)}
    </select>
  );
  const measureSelect = (value: DraftMeasure, onChange: (m: DraftMeasure) => void, testId: string) => weighted && (
    <select className="poll-measure" value={value} aria-label={t("poll.measure")} onChange={(e) => onChange(e.target.value as DraftMeasure)} data-testid={testId}>
      {MEASURES.map((m) => <option key={m} value={m}>{t(`poll.measures.${m}`)}</option>)}
    </select>
  );
  // What is set under 更多条件, so the folded disclosure still says it.
  const moreSummary = [
    draft.roles.length !== 1 || draft.roles[0] !== "member" ? draft.roles.map((r) => roleLabel({ role: r })).join("、") : null,
    draft.absentMayVote ? t("poll.latecomers") : null,
    draft.side ? t(`poll.sides.${draft.side}`) : null,
    draft.perHousehold ? t("poll.perHouseholdShort") : null,
    weighted ? t("poll.weightedShort") : null,
    draft.buildings.length > 0 ? t("poll.buildingsShort", { n: draft.buildings.length }) : null,
  ].filter((x): x is string => x !== null);

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
              <input type="radio" name="poll-form" checked={draft.form === form} onChange={() => setDraft((d) => withFormDefaults(d, form, ruleTouched))} data-testid={`poll-form-${form}`} />
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
                <input type="text" maxLength={100} value={label} aria-label={t(candidates ? "poll.candidate" : "poll.option", { n: i + 1 })} data-testid="poll-option-input"
                  onChange={(e) => set({ options: draft.options.map((o, j) => (j === i ? e.target.value : o)) })} />
                {draft.options.length > 2 && (
                  <button type="button" className="ghost icon" aria-label={t(candidates ? "poll.removeCandidate" : "poll.removeOption", { n: i + 1 })}
                    onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}>×</button>
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
              <label>{t("poll.minChoices")} <input type="number" min={1} max={30} value={draft.minChoices} onChange={(e) => set({ minChoices: Number(e.target.value) })} data-testid="poll-min" /> {t("poll.items")}</label>
              <label>{t("poll.maxChoices")} <input type="number" min={1} max={30} value={draft.maxChoices} onChange={(e) => set({ maxChoices: Number(e.target.value) })} data-testid="poll-max" /> {t("poll.items")}</label>
            </div>
          )}
          <label className="poll-inline">
            {t("poll.seats")}
            <input type="number" min={1} max={30} value={draft.seats ?? ""} data-testid="poll-seats"
              onChange={(e) => {
                const seats = numberOrNull(e.target.value);
                // 差额选举: a ballot may name at most as many as are elected.
                set({ seats, ...(draft.form === "multiple" && seats !== null && seats >= 1 ? { maxChoices: seats, minChoices: Math.min(draft.minChoices, seats) } : {}) });
              }} />
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
            <input type="radio" name="poll-secret" checked={draft.secret} onChange={() => set({ secret: true, tallyVisibility: "none", allowChange: false, weighted: false })} data-testid="poll-secret" />
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
            <button type="button" className="secondary small-button" aria-expanded={ownersOpen} onClick={() => setOwnersOpen(!ownersOpen)} data-testid="poll-owners">
              {t("poll.owners")}
            </button>
            {ownersOpen && (
              <div className="poll-owners-choices" role="group" aria-label={t("poll.owners")} data-testid="poll-owners-choices">
                <p className="muted small">{t("poll.ownersHint")}</p>
                {!facts.weights && <p className="poll-owners-warning" role="alert">{t("poll.ownersNoWeights")}</p>}
                {OWNERS_MATTERS.map((m) => (
                  <button key={m} type="button" className="secondary poll-owners-choice" aria-pressed={matter === m} disabled={!facts.weights}
                    onClick={() => applyOwners(m)} data-testid={`poll-owners-${m}`}>
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
        <div className="poll-rules">
          {kinds.map((kind) => (
            <div key={kind} className="poll-rule-line">
              <label className="poll-check">
                <input type="checkbox" checked={draft.rule[kind]} onChange={(e) => setRule({ rule: { ...draft.rule, [kind]: e.target.checked } })} data-testid={`poll-rule-${kind}`} />
                {t(`poll.rules.${kind}`)}
              </label>
              {kind === "percent" && draft.rule.percent && (
                <span className="poll-share-line">
                  <select value={draft.compare} aria-label={t("poll.rules.percent")} data-testid="poll-compare"
                    onChange={(e) => setRule({ compare: e.target.value as PollDraft["compare"], rule: { ...draft.rule, percent: true } })}>
                    {COMPARES.map((c) => <option key={c} value={c}>{t(`poll.compares.${c}`)}</option>)}
                  </select>
                  {zh && baseSelect()}
                  {zh && t("poll.shareOf")}
                  <input type="text" inputMode="text" className="poll-share" maxLength={12} value={draft.share} placeholder={t("poll.sharePlaceholder")} aria-label={t("poll.share")}
                    onChange={(e) => setRule({ share: e.target.value, rule: { ...draft.rule, percent: true } })} data-testid="poll-percent" />
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
              <input type="checkbox" checked={draft.abstainLimit !== null} onChange={(e) => setRule({ abstainLimit: e.target.checked ? "30%" : null })} data-testid="poll-abstain-limit-on" />
              {t("poll.abstainLimitOn")}
            </label>
            {draft.abstainLimit !== null && (
              <span className="poll-share-line">
                {t("poll.abstainLimit")}
                <input type="text" className="poll-share" maxLength={12} value={draft.abstainLimit} placeholder="30%" aria-label={t("poll.abstainLimitOn")}
                  onChange={(e) => setRule({ abstainLimit: e.target.value })} data-testid="poll-abstain-limit" />
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
            <input type="checkbox" checked={draft.quorum !== null} onChange={(e) => set({ quorum: e.target.checked ? newQuorum() : null })} data-testid="poll-quorum-on" />
            {t("poll.quorum")}
          </label>
          {draft.quorum !== null && (
            <span className="poll-share-line">
              <select value={draft.quorum.compare} aria-label={t("poll.quorum")} onChange={(e) => setQuorum({ compare: e.target.value as DraftQuorum["compare"] })} data-testid="poll-quorum-compare">
                {COMPARES.map((c) => <option key={c} value={c}>{t(`poll.compares.${c}`)}</option>)}
              </select>
              {zh && t("poll.quorumOf")}
              <input type="text" className="poll-share" maxLength={12} value={draft.quorum.share} placeholder={t("poll.sharePlaceholder")} aria-label={t("poll.share")}
                onChange={(e) => setQuorum({ share: e.target.value })} data-testid="poll-quorum" />
              {!zh && t("poll.quorumOf")}
              {weighted && (
                <select value={draft.quorum.measure} aria-label={t("poll.measure")} onChange={(e) => setQuorum({ measure: e.target.value as DraftMeasure })} data-testid="poll-quorum-measure">
                  {MEASURES.map((m) => <option key={m} value={m}>{t(`poll.quorumMeasures.${m}`)}</option>)}
                </select>
              )}
            </span>
          )}
        </div>
      </fieldset>

      <details className="poll-more" data-testid="poll-more">
        <summary data-testid="poll-more-summary">
          {t("poll.more")}
          {moreSummary.length > 0 && <span className="poll-more-set muted small">{moreSummary.join(" · ")}</span>}
        </summary>

        <fieldset className="poll-fieldset">
          <legend>{t("poll.voters")}</legend>
          <div className="poll-inline">
            {VOTER_ROLES.map((role) => (
              <label key={role} className="poll-check">
                <input type="checkbox" checked={draft.roles.includes(role)} data-testid={`poll-role-${role}`}
                  onChange={(e) => set({ roles: e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) })} />
                {roleLabel({ role })}
              </label>
            ))}
          </div>
          <label className="poll-check">
            <input type="checkbox" checked={draft.absentMayVote} onChange={(e) => set({ absentMayVote: e.target.checked })} data-testid="poll-absent-may-vote" />
            {t("poll.absentMayVote")}
          </label>
          {facts.sides && (
            <div className="poll-inline">
              <span>{t("poll.side")}</span>
              <div className="segmented">
                {SIDES.map((side) => (
                  <label key={side ?? "any"}>
                    <input type="radio" name="poll-side" checked={draft.side === side} onChange={() => set({ side })} data-testid={`poll-side-${side ?? "any"}`} />
                    {t(`poll.sides.${side ?? "any"}`)}
                  </label>
                ))}
              </div>
            </div>
          )}
          {facts.households && (
            <label className="poll-check">
              <input type="checkbox" checked={draft.perHousehold} onChange={(e) => set({ perHousehold: e.target.checked })} data-testid="poll-per-household" />
              {t("poll.perHousehold")}
            </label>
          )}
        </fieldset>

        {facts.weights && (
          <fieldset className="poll-fieldset">
            <legend>{t("poll.weights")}</legend>
            <label className={`poll-check${draft.secret ? " disabled" : ""}`}>
              <input type="checkbox" disabled={draft.secret} checked={weighted} onChange={(e) => set({ weighted: e.target.checked })} data-testid="poll-weighted" />
              {t("poll.weighted")}
            </label>
            <p className="muted small">{draft.secret ? t("poll.weightedSecret") : t("poll.weightedHint")}</p>
          </fieldset>
        )}

        {facts.households && (
          <fieldset className="poll-fieldset" data-testid="poll-buildings">
            <legend>{t("poll.buildings")}</legend>
            {draft.buildings.map((b, i) => (
              <div key={i} className="poll-building" data-testid="poll-building">
                <span className="poll-building-n" aria-hidden="true">{i + 1}.</span>
                {facts.buildings.includes(b.prefix) ? (
                  <select value={b.prefix} aria-label={t("poll.building")} onChange={(e) => setBuilding(i, { prefix: e.target.value })} data-testid="poll-building-prefix">
                    {facts.buildings.map((name) => <option key={name} value={name}>{name}</option>)}
                    <option value="">{t("poll.buildingOther")}</option>
                  </select>
                ) : (
                  <input type="text" className="poll-building-text" maxLength={40} value={b.prefix} placeholder={t("poll.buildingPlaceholder")}
                    aria-label={t("poll.building")} onChange={(e) => setBuilding(i, { prefix: e.target.value })} data-testid="poll-building-text" />
                )}
                <select value={b.kind} aria-label={t("poll.rule")} onChange={(e) => setBuilding(i, { kind: e.target.value as RuleKind })} data-testid="poll-building-kind">
                  {kinds.map((kind) => <option key={kind} value={kind}>{kind === "percent" ? t("poll.percentShort") : t(`poll.rules.${kind}`)}</option>)}
                </select>
                {b.kind === "percent" && (
                  <input type="text" className="poll-share" maxLength={12} value={b.share} placeholder={t("poll.sharePlaceholder")} aria-label={t("poll.share")}
                    onChange={(e) => setBuilding(i, { share: e.target.value })} data-testid="poll-building-percent" />
                )}
                {measureSelect(b.measure, (measure) => setBuilding(i, { measure }), "poll-building-measure")}
                <button type="button" className="ghost icon" aria-label={t("poll.removeBuilding", { n: i + 1 })}
                  onClick={() => set({ buildings: draft.buildings.filter((_, j) => j !== i) })}>×</button>
              </div>
            ))}
            <button type="button" className="secondary small-button" data-testid="poll-add-building"
              onClick={() => set({ buildings: [...draft.buildings, newBuildingClause(facts.buildings[0] ?? "")] })}>
              + {t("poll.addBuilding")}
            </button>
            <p className="muted small">{t("poll.buildingsHint")}</p>
          </fieldset>
        )}
      </details>

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
      {state && <EligiblePreview state={state} draft={draft} />}

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

/**
 * One plain sentence of what will count, e.g. "11 户应到，目前 10 户到会；未到会的户计入分母；开始表决后到会的不能投票",
 * with the weight and the buildings' shares when they matter, and then the rule in the words
 * the result will use (通过条件：超过投票数的半数，且弃权票不超过投票数的30%（含本数）…).
 */
function EligiblePreview({ state, draft }: { state: MeetingState; draft: PollDraft }) {
  const { t } = useTranslation();
  const text = usePollText();
  const preview = eligiblePreview(state, draft);
  const definition = toDefinition(draft);
  const weighted = definition.weighted;
  const who = !draft.perHousehold
    ? t("poll.previewPeople", { n: preview.units })
    : preview.people === 0
      ? t("poll.previewHouseholds", { n: preview.households })
      : t("poll.previewMixed", { households: preview.households, people: preview.people });
  const unit = t(draft.perHousehold ? "poll.unitHousehold" : "poll.unitPerson");
  // The bases the rule measures its options against (a limit on 弃权 or 否决 is of 投票 and says so itself).
  const bases = new Set(definition.rule.filter((c) => c.option === undefined).map((c) => c.base));
  const counts = (["entitled", "present", "cast", "decisive"] as const).filter((b) => bases.has(b)).map((b) => t(`poll.counts${b[0]!.toUpperCase()}${b.slice(1)}`, { unit }));
  if (definition.allowBlank) counts.push(t("poll.countsBlank"));
  const buildings = Object.entries(preview.perBuilding).map(([building, n]) => t(draft.perHousehold ? "poll.previewBuildingHouseholds" : "poll.previewBuildingPeople", { building, n }));
  const present = draft.perHousehold ? t("poll.previewHouseholds", { n: preview.present }) : t("poll.previewPeople", { n: preview.present });
  const none = preview.present === 0 && !draft.absentMayVote;
  const poll = { definition, options: pollOptions(definition) };
  return (
    <p className={`poll-preview${none ? " poll-preview-none" : ""}`} role="status" data-testid="poll-eligible-preview">
      <strong>{none ? t("poll.previewNone") : t("poll.preview", { who, present })}</strong>
      {weighted && preview.units > 0 && <span>{t("poll.previewWeight", { weight: formatWeight(preview.weight) })}</span>}
      {buildings.length > 0 && <span>{t("poll.previewOf")}{buildings.map((b, i) => <span key={b} className="poll-preview-building">{i > 0 && "、"}{b}</span>)}</span>}
      <span data-testid="poll-counts-sentence">{[...counts, t(draft.absentMayVote ? "poll.latecomersYes" : "poll.latecomersNo")].map((c) => `${t("poll.sentenceJoin")}${c}`).join("")}</span>
      <span className="muted small">{t("poll.previewFrozen")}</span>
      {definition.rule.length > 0 && (
        <span className="poll-preview-rule" data-testid="poll-rule-sentence">
          {t(definition.form === "candidates" ? "poll.ruleSentenceCandidates" : definition.options ? "poll.ruleSentenceOptions" : "poll.ruleSentence", { rule: text.rule(poll) })}
          {definition.seats !== undefined && t("poll.seatsSentence", { n: definition.seats })}
        </span>
      )}
    </p>
  );
}
