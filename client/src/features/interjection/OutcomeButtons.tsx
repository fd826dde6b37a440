import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { InterjectionOutcome } from "@core/interjection/schema.ts";

export const OUTCOMES: readonly InterjectionOutcome[] = ["adopt", "study", "explain"];

/** 采纳 / 研究 / 说明 as toggle buttons (tapping the chosen one clears it); read-only text without `run`. */
export function OutcomeButtons(props: {
  interjectionId: string;
  outcome: InterjectionOutcome | null;
  run?: (command: Command) => Promise<boolean>;
  pending?: boolean;
}) {
  const { interjectionId, outcome, run, pending = false } = props;
  const { t } = useTranslation();
  if (!run) {
    return (
      <span className={`outcome-text${outcome ? ` outcome-${outcome}` : " muted"}`} data-testid="interjection-outcome">
        {outcome ? t(`interjection.outcome.${outcome}`) : t("interjection.outcomeNone")}
      </span>
    );
  }
  return (
    <span className="outcome-buttons" role="group" aria-label={t("interjection.outcomeLabel")} data-testid="interjection-outcome" data-outcome={outcome ?? ""}>
      {OUTCOMES.map((o) => (
        <button
          key={o}
          type="button"
          className={`outcome-button${outcome === o ? ` selected outcome-${o}` : ""}`}
          aria-pressed={outcome === o}
          disabled={pending}
          onClick={() => void run({ type: "interjection.setOutcome", interjectionId, outcome: outcome === o ? null : o })}
          data-testid={`outcome-${o}`}
        >
          {t(`interjection.outcome.${o}`)}
        </button>
      ))}
    </span>
  );
}
