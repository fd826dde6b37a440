// Which of the chair console's tools a meeting's kind calls for. A consultation forum (and every
// other council kind) votes (表决), takes interjections (插话) and counts who spoke how long
// (发言统计). A mediation (人民调解) does none of that: it ends in the parties' agreement, never a
// vote (人民调解法), the presiding mediator hears each party in turn, and nobody is measured by
// speaking time. The core refuses its polls (POLLS_NOT_IN_MEDIATION); the console does not offer them.
import type { MeetingKind } from "@core/meetingKind.ts";

export interface ChairTools {
  /** 表决 / 新建表决: the poll card (in the clerk's view too). */
  polls: boolean;
  /** 插话: the 待处理插话 count in the speech bar, the requests panel, and 申请插话 on an official's phone. */
  interjections: boolean;
  /** 发言统计: the speech statistics and their exports. */
  stats: boolean;
}

export function chairTools(kind: MeetingKind): ChairTools {
  const council = kind !== "mediation";
  return { polls: council, interjections: council, stats: council };
}
