// What a speech's clock says in words, and its icon: paused (by the chair, or held by an
// interjection into this speech, which resumes by itself), over time, nearly over, or the time
// left. The same words on the chair's card and the phone's floor bar.
import type { TFunction } from "i18next";
import type { speechClock } from "@core/clock.ts";
import type { IconName } from "../../components/Icon.tsx";

export function clockWords(t: TFunction, clock: ReturnType<typeof speechClock>, heldByInterjection: boolean): { label: string; icon: IconName } {
  const label = heldByInterjection
    ? t("interjection.pausedForInterjection")
    : clock.paused
      ? t("speaking.paused")
      : clock.phase === "overrun"
        ? t("floor.overrun")
        : clock.phase === "warning"
          ? t("floor.warning")
          : t("floor.remaining");
  const icon = clock.paused ? "pause" : clock.phase === "overrun" ? "overrun" : clock.phase === "warning" ? "warning" : "clock";
  return { label, icon };
}
