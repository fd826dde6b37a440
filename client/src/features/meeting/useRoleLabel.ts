import type { LabelledPerson } from "@core/roleLabels.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useWords } from "../../i18n/words.ts";

/** The role words of this meeting's kind (`state.kind`), e.g. 职工方首席代表, 当事人, 委员. */
export function useRoleLabel(): (person: LabelledPerson) => string {
  const { state } = useMeeting();
  return useWords(state?.kind ?? "consultation").role;
}
