import { useTranslation } from "react-i18next";
import type { EligibleVoter } from "@core/poll/schema.ts";
import { useDisplayName } from "../../connection/useMeeting.ts";

/**
 * How a voting unit is named on screen: its household (bare, as in the list of voters, or as
 * 1-104户 where a sentence says whose ballot it is), or the names of its people.
 */
export function useUnitLabel(): (unit: Pick<EligibleVoter, "household" | "participantIds">, household?: "bare" | "户") => string {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  return (unit, household = "bare") =>
    unit.household
      ? household === "bare"
        ? unit.household
        : t("pollProxy.household", { household: unit.household })
      : unit.participantIds.map((id) => nameOf(id) ?? "—").join(t("punct.list"));
}
