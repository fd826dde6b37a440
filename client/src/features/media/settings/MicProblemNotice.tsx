import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/Icon.tsx";
import type { MicProblem } from "./microphone.ts";

/** Why the microphone cannot be used and what to do about it (panel and microphone state). */
export function MicProblemNotice({ problem, className }: { problem: MicProblem; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`mic-problem ${className ?? ""}`} role="alert" data-testid="mic-problem" data-problem={problem}>
      <Icon name="warning" /> {t(`micProblem.${problem}`)}
    </p>
  );
}
