import { useTranslation } from "react-i18next";
import { pollOptions } from "@core/poll/decide.ts";
import type { MeetingState } from "@core/state.ts";
import { eligiblePreview } from "./formRoster.ts";
import { toDefinition, type PollDraft } from "./pollDraft.ts";
import { formatWeight } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

/**
 * One plain sentence of what will count, e.g. "11 户应到，目前 10 户到会；未到会的户计入分母；开始表决后到会的不能投票",
 * with the weight and the buildings' shares when they matter, and then the rule in the words
 * the result will use (通过条件：超过投票数的半数，且弃权票不超过投票数的30%（含本数）…).
 */
export function EligiblePreview({ state, draft }: { state: MeetingState; draft: PollDraft }) {
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
  const counts = (["entitled", "present", "cast", "decisive"] as const)
    .filter((b) => bases.has(b))
    .map((b) => t(`poll.counts${b[0]!.toUpperCase()}${b.slice(1)}`, { unit }));
  if (definition.allowBlank) counts.push(t("poll.countsBlank"));
  const buildings = Object.entries(preview.perBuilding).map(([building, n]) =>
    t(draft.perHousehold ? "poll.previewBuildingHouseholds" : "poll.previewBuildingPeople", { building, n }),
  );
  const present = draft.perHousehold ? t("poll.previewHouseholds", { n: preview.present }) : t("poll.previewPeople", { n: preview.present });
  const none = preview.present === 0 && !draft.absentMayVote;
  const poll = { definition, options: pollOptions(definition) };
  return (
    <p className={`poll-preview${none ? " poll-preview-none" : ""}`} role="status" data-testid="poll-eligible-preview">
      <strong>{none ? t("poll.previewNone") : t("poll.preview", { who, present })}</strong>
      {weighted && preview.units > 0 && <span>{t("poll.previewWeight", { weight: formatWeight(preview.weight) })}</span>}
      {buildings.length > 0 && (
        <span>
          {t("poll.previewOf")}
          {buildings.map((b, i) => (
            <span key={b} className="poll-preview-building">
              {i > 0 && t("punct.list")}
              {b}
            </span>
          ))}
        </span>
      )}
      <span data-testid="poll-counts-sentence">
        {[...counts, t(draft.absentMayVote ? "poll.latecomersYes" : "poll.latecomersNo")].map((c) => `${t("poll.sentenceJoin")}${c}`).join("")}
      </span>
      <span className="muted small">{t("poll.previewFrozen")}</span>
      {definition.rule.length > 0 && (
        <span className="poll-preview-rule" data-testid="poll-rule-sentence">
          {t(definition.form === "candidates" ? "poll.ruleSentenceCandidates" : definition.options ? "poll.ruleSentenceOptions" : "poll.ruleSentence", {
            rule: text.rule(poll),
          })}
          {definition.seats !== undefined && t("poll.seatsSentence", { n: definition.seats })}
        </span>
      )}
    </p>
  );
}
