// 应到 / 实到 / 请假 and the quorum, from the roster and the attendance record.
import type { MeetingState } from "../state.ts";
import type { QuorumRule } from "./schema.ts";

export interface AttendanceSummary {
  /** 应到: voting members on the roster. */
  expected: number;
  /** 实到: of those, present now. */
  present: number;
  /** 请假: of those, excused. */
  excused: number;
  /** Members that must be present for a quorum; null when the meeting has no quorum rule. */
  needed: number | null;
  quorate: boolean | null;
}

export function attendanceSummary(state: Pick<MeetingState, "roster" | "attendance" | "quorumRule">): AttendanceSummary {
  const members = state.roster.filter((p) => p.role === "member");
  const count = (status: string) => members.filter((p) => state.attendance[p.id]?.status === status).length;
  const expected = members.length;
  const present = count("present");
  const needed = quorumNeeded(state.quorumRule, expected);
  return { expected, present, excused: count("excused"), needed, quorate: needed === null ? null : present >= needed };
}

/** Smallest number present that satisfies the rule: more than half, or at least two thirds. */
export function quorumNeeded(rule: QuorumRule, expected: number): number | null {
  switch (rule) {
    case "none":
      return null;
    case "majority":
      return Math.floor(expected / 2) + 1;
    case "twoThirds":
      return Math.ceil((expected * 2) / 3);
  }
}
