import type { TFunction } from "i18next";
import type { MeetingKind, ParticipantRole } from "../types.ts";

/** "委员" in a CPPCC meeting, "居民代表" in a residents' council, "代表" in wage bargaining. */
export function roleLabel(t: TFunction, role: ParticipantRole | string, kind: MeetingKind): string {
  if (role === "member" && (kind === "community" || kind === "bargaining")) return t(`roster.member.${kind}`);
  return t(`participantRole.${role}`, { defaultValue: role });
}
