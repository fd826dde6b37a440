import type { LabelledPerson } from "@core/roleLabels.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useLang, useWords } from "../../i18n/words.ts";

/** The role words of this meeting's kind (`state.kind`), e.g. 职工方首席代表, 当事人, 委员. */
export function useRoleLabel(): (person: LabelledPerson) => string {
  const { state } = useMeeting();
  return useWords(state?.kind ?? "consultation").role;
}

/**
 * The chair's role word inside a sentence (等待{{chair}}指定发言人): 主持人, the group's 召集人, the
 * 主持调解员 …; in English in lower case ("the convener"). `label` is the word as a label ("Convener").
 */
export function useChairWord(): { chair: string; label: string } {
  const role = useRoleLabel();
  const lang = useLang();
  const label = role({ role: "chair" });
  return { chair: lang === "en" ? label.toLowerCase() : label, label };
}
