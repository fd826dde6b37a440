import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { STAFF_ROLES } from "../roles.ts";
import { inRoster, type MeetingState } from "../state.ts";
import type { AttendanceCommand, AttendanceEvent } from "./schema.ts";

export function decideAttendance(state: MeetingState, command: AttendanceCommand, ctx: DecideContext): Result<AttendanceEvent[]> {
  const { actor, now } = ctx;
  const isSystem = actor.role === "system";
  if (!isSystem && !STAFF_ROLES.includes(actor.role)) return fail("FORBIDDEN");
  const present = (id: string) => state.attendance[id]?.status === "present";
  switch (command.type) {
    case "attendance.arrive": {
      // Staff mark people in the room; only the server reports online joins and QR check-ins.
      if (!isSystem && command.via !== "clerk") return fail("FORBIDDEN");
      if (!command.participantIds.every((id) => inRoster(state, id))) return fail("NOT_FOUND");
      const arriving = unique(command.participantIds).filter((id) => !present(id));
      return ok(arriving.length ? [{ type: "attendance.arrived", participantIds: arriving, via: command.via, at: now }] : []);
    }
    case "attendance.leave": {
      if (!command.participantIds.every((id) => inRoster(state, id))) return fail("NOT_FOUND");
      const leaving = unique(command.participantIds).filter(present);
      return ok(leaving.length ? [{ type: "attendance.left", participantIds: leaving, at: now }] : []);
    }
    case "attendance.excuse": {
      if (isSystem) return fail("FORBIDDEN");
      if (!inRoster(state, command.participantId)) return fail("NOT_FOUND");
      if (command.excused && present(command.participantId)) return fail("ALREADY_PRESENT");
      const wasExcused = state.attendance[command.participantId]?.status === "excused";
      if (wasExcused === command.excused) return ok([]);
      return ok([{ type: "attendance.excused", participantId: command.participantId, excused: command.excused, at: now }]);
    }
  }
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
