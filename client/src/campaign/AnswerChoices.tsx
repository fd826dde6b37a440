import { ANSWERS, type CampaignAnswerKind } from "@core/campaign/campaign.ts";
import { useAdminT } from "../admin/ui/useAdminT.ts";

/** 同意 / 不同意 / 暂不表态 as large radio choices (the grid worker's door and the household's own link). */
export function AnswerChoices({ answer, onChange }: { answer: CampaignAnswerKind | null; onChange: (answer: CampaignAnswerKind) => void }) {
  const { t } = useAdminT();
  return (
    <fieldset>
      <legend>{t("campaign.record.answer")}</legend>
      <div className="campaign-choices">
        {ANSWERS.map((a) => (
          <label key={a} className={`campaign-choice state-${a}`}>
            <input type="radio" name="answer" value={a} checked={answer === a} onChange={() => onChange(a)} /> {t(`campaign.answer.${a}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
