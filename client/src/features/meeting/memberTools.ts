// Which of the member view's tools a person's phone offers, by the meeting's kind and the role they
// act in. A council's member or official raises suggestions (我的建议), books speeches (the speaking
// plan), speaks in writing (书面发言) and raises points of order (程序性发言). In a mediation (人民调解)
// a party (当事人) and a mediator (调解员) do none of that: the party's phone carries the session card,
// the agreement, the speaker and 申请发言 — to be heard in the joint session — and nothing else.
import type { MeetingKind } from "@core/meetingKind.ts";
import { SPEAKING_ROLES, type Role } from "@core/roles.ts";

export interface MemberTools {
  /** 申请发言 (and 结束发言 / 撤回): to be heard. */
  request: boolean;
  /** 书面发言: a speech in writing. */
  written: boolean;
  /** 程序性发言: to the top of the queue. */
  pointOfOrder: boolean;
  /** 我的建议: one's suggestions in the follow-up ledger (a tab). */
  suggestions: boolean;
  /** 预约发言 / 书面发言 before the meeting (MyPlanPanel). */
  plan: boolean;
}

export function memberTools(kind: MeetingKind, role: Role | null): MemberTools {
  const speaks = role !== null && SPEAKING_ROLES.includes(role);
  const council = speaks && kind !== "mediation";
  return { request: speaks, written: council, pointOfOrder: council, suggestions: council, plan: council };
}
