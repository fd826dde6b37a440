import type { MeetingState } from "../state.ts";
import type { Attendance, AttendanceEvent } from "./schema.ts";

export function evolveAttendance(state: MeetingState, event: AttendanceEvent): MeetingState {
  switch (event.type) {
    case "attendance.arrived":
      return mark(state, event.participantIds, { status: "present", via: event.via, since: event.at });
    case "attendance.left":
      return mark(state, event.participantIds, { status: "absent", via: null, since: event.at });
    case "attendance.excused":
      return mark(state, [event.participantId], { status: event.excused ? "excused" : "absent", via: null, since: event.at });
    case "attendance.ruleSet":
      return { ...state, quorumRule: event.quorumRule };
  }
}

function mark(state: MeetingState, ids: readonly string[], attendance: Attendance): MeetingState {
  const next = { ...state.attendance };
  for (const id of ids) next[id] = attendance;
  const changes = ids.map((participantId) => ({ participantId, status: attendance.status, via: attendance.via, at: attendance.since }));
  return { ...state, attendance: next, attendanceLog: [...state.attendanceLog, ...changes] };
}
