import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import type { rosterFacts } from "./formRoster.ts";
import { newBuildingClause, VOTER_ROLES, type BuildingClause, type DraftMeasure, type PollDraft, type RuleKind } from "./pollDraft.ts";

const SIDES = [null, "worker", "enterprise"] as const;

/**
 * 更多条件 of the chair's poll form, folded: who may vote (roles in the meeting's words,
 * latecomers, the bargaining side, one vote per household), vote weights, and clauses limited to
 * a building. The summary line says what is set while it is folded.
 */
export function MoreConditions({
  draft,
  set,
  facts,
  kinds,
  measureSelect,
}: {
  draft: PollDraft;
  set: (patch: Partial<PollDraft>) => void;
  facts: ReturnType<typeof rosterFacts>;
  kinds: RuleKind[];
  measureSelect: (value: DraftMeasure, onChange: (m: DraftMeasure) => void, testId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  // The voters' role words follow the meeting's kind (居民代表, 协商代表, 当事人 …).
  const roleLabel = useRoleLabel();
  const weighted = draft.weighted && !draft.secret;
  const setBuilding = (i: number, patch: Partial<BuildingClause>) => set({ buildings: draft.buildings.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  // What is set under 更多条件, so the folded disclosure still says it.
  const moreSummary = [
    draft.roles.length !== 1 || draft.roles[0] !== "member" ? draft.roles.map((r) => roleLabel({ role: r })).join(t("punct.list")) : null,
    draft.absentMayVote ? t("poll.latecomers") : null,
    draft.side ? t(`poll.sides.${draft.side}`) : null,
    draft.perHousehold ? t("poll.perHouseholdShort") : null,
    weighted ? t("poll.weightedShort") : null,
    draft.buildings.length > 0 ? t("poll.buildingsShort", { n: draft.buildings.length }) : null,
  ].filter((x): x is string => x !== null);
  return (
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
              <input
                type="checkbox"
                checked={draft.roles.includes(role)}
                data-testid={`poll-role-${role}`}
                onChange={(e) => set({ roles: e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) })}
              />
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
                  <input
                    type="radio"
                    name="poll-side"
                    checked={draft.side === side}
                    onChange={() => set({ side })}
                    data-testid={`poll-side-${side ?? "any"}`}
                  />
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
            <input
              type="checkbox"
              disabled={draft.secret}
              checked={weighted}
              onChange={(e) => set({ weighted: e.target.checked })}
              data-testid="poll-weighted"
            />
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
              <span className="poll-building-n" aria-hidden="true">
                {i + 1}.
              </span>
              {facts.buildings.includes(b.prefix) ? (
                <select
                  value={b.prefix}
                  aria-label={t("poll.building")}
                  onChange={(e) => setBuilding(i, { prefix: e.target.value })}
                  data-testid="poll-building-prefix"
                >
                  {facts.buildings.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                  <option value="">{t("poll.buildingOther")}</option>
                </select>
              ) : (
                <input
                  type="text"
                  className="poll-building-text"
                  maxLength={40}
                  value={b.prefix}
                  placeholder={t("poll.buildingPlaceholder")}
                  aria-label={t("poll.building")}
                  onChange={(e) => setBuilding(i, { prefix: e.target.value })}
                  data-testid="poll-building-text"
                />
              )}
              <select
                value={b.kind}
                aria-label={t("poll.rule")}
                onChange={(e) => setBuilding(i, { kind: e.target.value as RuleKind })}
                data-testid="poll-building-kind"
              >
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind === "percent" ? t("poll.percentShort") : t(`poll.rules.${kind}`)}
                  </option>
                ))}
              </select>
              {b.kind === "percent" && (
                <input
                  type="text"
                  className="poll-share"
                  maxLength={12}
                  value={b.share}
                  placeholder={t("poll.sharePlaceholder")}
                  aria-label={t("poll.share")}
                  onChange={(e) => setBuilding(i, { share: e.target.value })}
                  data-testid="poll-building-percent"
                />
              )}
              {measureSelect(b.measure, (measure) => setBuilding(i, { measure }), "poll-building-measure")}
              <button
                type="button"
                className="ghost icon"
                aria-label={t("poll.removeBuilding", { n: i + 1 })}
                onClick={() => set({ buildings: draft.buildings.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary small-button"
            data-testid="poll-add-building"
            onClick={() => set({ buildings: [...draft.buildings, newBuildingClause(facts.buildings[0] ?? "")] })}
          >
            + {t("poll.addBuilding")}
          </button>
          <p className="muted small">{t("poll.buildingsHint")}</p>
        </fieldset>
      )}
    </details>
  );
}
