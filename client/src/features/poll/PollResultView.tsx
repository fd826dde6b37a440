import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Poll, PollResult } from "@core/poll/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { formatPercent, formatWeight, resultRows } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

/**
 * A closed poll's result: 通过/未通过, one bar per option (count, and the percentage against the
 * base of the rule's first clause), each clause with its own base, the quorum and the counts.
 * `display`: the room display's large type; `title`: shown beside the verdict (the display's question).
 */
export function PollResultView({ poll, result, display = false, title = null }: { poll: Poll; result: PollResult; display?: boolean; title?: ReactNode }) {
  const { t } = useTranslation();
  const text = usePollText();
  const { base, rows } = resultRows(poll, result);
  const fixedForm = poll.definition.form === "yesNoAbstain" || poll.definition.form === "consent";
  const verdict = (
    <p className={`poll-verdict ${result.passed ? "poll-passed" : "poll-failed"}`} data-testid="poll-verdict">
      <Icon name={result.passed ? "check" : "close"} /> {result.passed ? t("poll.passed") : t("poll.failed")}
      {!fixedForm && result.passedOptions.length > 0 && (
        <span className="poll-verdict-options"> · {result.passedOptions.map((id) => text.optionById(poll, id)).join("、")}</span>
      )}
    </p>
  );
  return (
    <div className={`poll-result${display ? " poll-result-display" : ""}`} data-testid="poll-result">
      {title ? <div className="poll-result-head">{title}{verdict}</div> : verdict}
      <ul className="poll-bars" aria-label={t("poll.result")}>
        {rows.map((r) => (
          <li key={r.optionId} className={r.passed ? "poll-bar-passed" : undefined} data-testid="poll-result-row" data-option={r.optionId}>
            <span className="poll-bar-label">{text.optionById(poll, r.optionId)}</span>
            <span className="poll-bar-track" aria-hidden="true">
              <span className="poll-bar-fill" style={{ width: `${Math.min(100, r.percent)}%` }} />
            </span>
            <span className="poll-bar-count" data-testid="poll-result-count">
              {t("poll.countLine", { count: r.count })}
              <span className="poll-bar-percent"> · {formatPercent(r.percent)}</span>
              {poll.definition.weighted && <span className="poll-bar-percent"> · {t("poll.weightShort", { weight: formatWeight(r.weight) })}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className="poll-percent-note muted small">{t("poll.percentOfBase", { base: text.base(poll, base) })}</p>
      <p className="poll-rule" data-testid="poll-rule">
        {t("poll.ruleApplied")}：{text.rule(poll)}
      </p>
      {fixedForm && (
        <ul className="poll-clauses">
          {result.clauses.map((c, i) => (
            <li key={i} className={c.passed ? "poll-clause-passed" : "poll-clause-failed"} data-testid="poll-clause" data-passed={c.passed}>
              <Icon name={c.passed ? "check" : "close"} />{" "}
              {text.clause(poll, c.clause)}：
              <span className="poll-clause-sum">{t(c.clause.measure === "weight" ? "poll.clauseLineWeight" : "poll.clauseLine", {
                option: text.optionById(poll, c.optionId),
                numerator: c.clause.measure === "weight" ? formatWeight(c.numerator) : c.numerator,
                // The base names its building when the clause is limited to one (3号楼应到).
                base: `${c.clause.householdPrefix ?? ""}${text.base(poll, c.clause.base, c.clause.measure === "weight")}`,
                denominator: c.clause.measure === "weight" ? formatWeight(c.denominator) : c.denominator,
                percent: formatPercent(c.percent),
              })}</span>
            </li>
          ))}
        </ul>
      )}
      {result.quorum && (
        <p className={result.quorum.met ? "poll-quorum-met" : "poll-quorum-failed"} data-testid="poll-quorum">
          <Icon name={result.quorum.met ? "check" : "warning"} />{" "}
          {t(result.quorum.met ? "poll.quorumMet" : "poll.quorumNotMet", { turnout: result.quorum.turnout, base: result.quorum.base, percent: result.quorum.required.percent })}
        </p>
      )}
      <p className="poll-counts muted small" data-testid="poll-counts">
        {t(poll.definition.eligibility.perHousehold ? "poll.baseLineHouseholds" : "poll.baseLine", { eligible: result.eligibleCount, present: result.presentCount, cast: result.ballots + result.hands })}
        {result.hands > 0 && t("poll.handsLine", { hands: result.hands })}
        {poll.definition.weighted && t("poll.weightLine", { weight: formatWeight(result.eligibleWeight) })}
      </p>
    </div>
  );
}
