import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ClauseResult, Poll, PollResult } from "@core/poll/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { CANDIDATE_ANSWERS, candidateRows, formatPercent, formatWeight, resultRows } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

/**
 * A closed poll's result: 通过/未通过 (an election: who is elected, and a tie for the last seat),
 * one bar per option (count, and the percentage against the base of the rule's first clause) or,
 * for candidates, 赞成/反对/弃权 per candidate; each clause in words with its own base and the
 * option it counts; the quorum in words with each check (heads, weight); 应到/实到/投票 with blank
 * and invalid ballots. `display`: the room display's large type; `title`: shown beside the verdict.
 */
export function PollResultView({ poll, result, display = false, title = null }: { poll: Poll; result: PollResult; display?: boolean; title?: ReactNode }) {
  const { t } = useTranslation();
  const text = usePollText();
  const { definition } = poll;
  const fixedForm = definition.form === "yesNoAbstain" || definition.form === "consent";
  const election = definition.form === "candidates" || definition.seats !== undefined;
  const names = (ids: readonly string[]) => ids.map((id) => text.optionById(poll, id)).join(t("punct.list"));
  const verdict = (
    <p className={`poll-verdict ${result.passed ? "poll-passed" : "poll-failed"}`} data-testid="poll-verdict">
      <Icon name={result.passed ? "check" : "close"} />{" "}
      {election ? (result.passed ? t("poll.elected") : t("poll.noneElected")) : result.passed ? t("poll.passed") : t("poll.failed")}
      {!fixedForm && result.passedOptions.length > 0 && (
        <span className="poll-verdict-options" data-testid="poll-elected">
          {" "}
          · {names(result.passedOptions)}
        </span>
      )}
    </p>
  );
  const perHousehold = definition.eligibility.perHousehold;
  return (
    <div className={`poll-result${display ? " poll-result-display" : ""}`} data-testid="poll-result">
      {title ? (
        <div className="poll-result-head">
          {title}
          {verdict}
        </div>
      ) : (
        verdict
      )}
      {result.tiedAtCut && result.tiedAtCut.length > 0 && (
        <p className="poll-tie" role="note" data-testid="poll-tie">
          <Icon name="warning" /> {t("poll.tiedAtCut", { names: names(result.tiedAtCut) })}
        </p>
      )}
      {definition.form === "candidates" ? <CandidateTable poll={poll} result={result} /> : <Bars poll={poll} result={result} />}
      {/* The room display has room for one of them: a fixed form's clauses say each rule in words with its sum. */}
      {!(display && fixedForm) && (
        <p className="poll-rule" data-testid="poll-rule">
          {t("poll.ruleApplied")}
          {t("poll.colon")}
          {text.rule(poll)}
        </p>
      )}
      {!(display && !fixedForm) && <Clauses poll={poll} result={result} />}
      {result.quorum && (
        <div className={result.quorum.met ? "poll-quorum-met" : "poll-quorum-failed"} data-testid="poll-quorum" data-met={result.quorum.met}>
          <Icon name={result.quorum.met ? "check" : "warning"} /> {t(result.quorum.met ? "poll.quorumMet" : "poll.quorumNotMet")}
          {t("poll.colon")}
          {text.quorum(poll)}
          <ul className="poll-quorum-checks">
            {result.quorum.checks.map((c) => (
              <li key={c.measure} data-testid="poll-quorum-check" data-measure={c.measure} data-met={c.met}>
                <Icon name={c.met ? "check" : "close"} />{" "}
                {t(
                  result.quorum?.required.of === "present"
                    ? c.measure === "weight"
                      ? "poll.quorumPresentWeight"
                      : "poll.quorumPresentCount"
                    : c.measure === "weight"
                      ? "poll.quorumCheckWeight"
                      : "poll.quorumCheckCount",
                  {
                    turnout: c.measure === "weight" ? formatWeight(c.turnout) : c.turnout,
                    base: text.base(poll, "entitled", c.measure === "weight"),
                    denominator: c.measure === "weight" ? formatWeight(c.base) : c.base,
                    percent: formatPercent(c.base === 0 ? 0 : (c.turnout / c.base) * 100),
                  },
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="poll-counts muted small" data-testid="poll-counts">
        {t(perHousehold ? "poll.baseLineHouseholds" : "poll.baseLine", {
          eligible: result.eligibleCount,
          present: result.presentCount,
          cast: result.ballots + result.hands,
        })}
        {result.hands > 0 && t("poll.handsLine", { hands: result.hands })}
        {result.blank ? t("poll.blankLine", { n: result.blank }) : null}
        {result.invalid ? t("poll.invalidLine", { n: result.invalid }) : null}
        {result.proxies || result.paper ? ` · ${t("pollProxy.counts", { proxies: result.proxies ?? 0, paper: result.paper ?? 0 })}` : null}
        {definition.seats !== undefined && ` · ${t("poll.seatsShort", { n: definition.seats })}`}
        {definition.weighted && t("poll.weightLine", { weight: formatWeight(result.eligibleWeight) })}
      </p>
    </div>
  );
}

/** One bar per option: count and percentage of the first clause's base (and weight in weighted polls). */
function Bars({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  const { base, rows } = resultRows(poll, result);
  return (
    <>
      <ul className="poll-bars" aria-label={t("poll.result")}>
        {rows.map((r) => (
          <li key={r.optionId} className={r.passed ? "poll-bar-passed" : undefined} data-testid="poll-result-row" data-option={r.optionId}>
            <span className="poll-bar-label">{text.optionById(poll, r.optionId)}</span>
            <span className="poll-bar-track" aria-hidden="true">
              <span className="poll-bar-fill" style={{ width: `${Math.min(100, r.bar)}%` }} />
            </span>
            <span className="poll-bar-count" data-testid="poll-result-count">
              {t("poll.countLine", { count: r.count })}
              {r.percent !== null && <span className="poll-bar-percent"> · {formatPercent(r.percent)}</span>}
              {poll.definition.weighted && (
                <span className="poll-bar-percent poll-bar-weight"> · {t("poll.weightShort", { weight: formatWeight(r.weight) })}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="poll-percent-note muted small">{t("poll.percentOfBase", { base: text.base(poll, base) })}</p>
    </>
  );
}

/** An election with 赞成/反对/弃权 per candidate: one row each, and whether they are elected. */
function CandidateTable({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  return (
    <table className="poll-candidates" data-testid="poll-candidates">
      <thead>
        <tr>
          <th scope="col">{t("poll.candidates")}</th>
          {CANDIDATE_ANSWERS.map((a) => (
            <th key={a} scope="col" className="num">
              {t(`poll.fixedOption.${a}`)}
            </th>
          ))}
          <th scope="col">
            <span className="poll-sr-only">{t("poll.result")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {candidateRows(poll, result).map((row) => (
          <tr
            key={row.optionId}
            className={row.elected ? "poll-candidate-elected" : undefined}
            data-testid="poll-candidate-row"
            data-option={row.optionId}
            data-elected={row.elected}
          >
            <th scope="row">{text.optionById(poll, row.optionId)}</th>
            {CANDIDATE_ANSWERS.map((a) => (
              <td key={a} className="num" data-answer={a}>
                {row.counts[a].count}
                {poll.definition.weighted && <span className="poll-bar-percent"> · {formatWeight(row.counts[a].weight)}</span>}
              </td>
            ))}
            <td className="poll-candidate-mark">
              {row.elected ? (
                <>
                  <Icon name="check" /> {t("poll.elected")}
                </>
              ) : row.tied ? (
                t("poll.tied")
              ) : (
                <span className="muted">{t("poll.notElected")}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Each clause of the rule in words, with the sum it was decided on: one line for a clause that
 * counts one option (the fixed forms, a limit on 弃权 or 否决), and the clause once with a line
 * per option (per candidate) otherwise.
 */
function Clauses({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  // The clauses in the order of the rule, each with its results (one per option it measures).
  const groups = poll.definition.rule
    .map((clause) => ({
      clause,
      results: result.clauses.filter((c) => JSON.stringify(c.clause) === JSON.stringify(clause)),
    }))
    .filter((g) => g.results.length > 0);
  const sum = (c: ClauseResult) => {
    const weight = c.clause.measure === "weight";
    return t(weight ? "poll.clauseLineWeight" : "poll.clauseLine", {
      option: text.optionById(poll, c.optionId),
      numerator: weight ? formatWeight(c.numerator) : c.numerator,
      // The base names its building when the clause is limited to one (3号楼应到).
      base: `${c.clause.householdPrefix ?? ""}${text.base(poll, c.clause.base, weight)}`,
      denominator: weight ? formatWeight(c.denominator) : c.denominator,
      percent: formatPercent(c.percent),
    });
  };
  return (
    <ul className="poll-clauses">
      {groups.map(({ clause, results }, i) => {
        const passed = results.every((c) => c.passed);
        if (results.length === 1) {
          const c = results[0]!;
          return (
            <li key={i} className={c.passed ? "poll-clause-passed" : "poll-clause-failed"} data-testid="poll-clause" data-passed={c.passed}>
              <Icon name={c.passed ? "check" : "close"} /> {text.clause(poll, clause)}
              {t("poll.colon")}
              <span className="poll-clause-sum">{sum(c)}</span>
            </li>
          );
        }
        return (
          <li key={i} className="poll-clause-group" data-testid="poll-clause" data-passed={passed}>
            <span className="poll-clause-words">{text.clause(poll, clause)}</span>
            <ul>
              {results.map((c) => (
                <li key={c.optionId} className={c.passed ? "poll-clause-passed" : "poll-clause-failed"} data-testid="poll-clause-option" data-passed={c.passed}>
                  <Icon name={c.passed ? "check" : "close"} /> <span className="poll-clause-sum">{sum(c)}</span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
