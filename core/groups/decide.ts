import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { rosterNames } from "../naming/displayNames.ts";
import { notOpen, queuePosition, type MeetingState } from "../state.ts";
import { groupable, groupOfParticipant, groupSeats, membersAtOpening } from "./assign.ts";
import type { GroupDefinition, GroupOpening, GroupsCommand } from "./schema.ts";

const RUNNING = ["open", "recalling"];

/** Why a definition cannot be used, or null: everyone on the roster once, a convener (and a clerk) inside their group, names unique. */
function definitionProblem(state: MeetingState, groups: readonly GroupDefinition[]): Result<null> {
  const byId = new Map(state.roster.map((p) => [p.id, p]));
  const names = new Set<string>();
  const ids = new Set<string>();
  const placed = new Set<string>();
  for (const group of groups) {
    if (names.has(group.name)) return fail("GROUP_NAME_TWICE", [group.name]);
    if (ids.has(group.groupId)) return fail("VALIDATION", [`group id ${group.groupId} twice`]);
    names.add(group.name);
    ids.add(group.groupId);
    for (const id of group.memberIds) {
      const entry = byId.get(id);
      if (!entry) return fail("NOT_FOUND", [id]);
      if (!groupable(entry)) return fail("GROUP_MEMBER_INVALID", [id]);
      if (placed.has(id)) return fail("GROUP_MEMBER_TWICE", [id]);
      placed.add(id);
    }
    if (!group.memberIds.includes(group.convenerId)) return fail("GROUP_CONVENER_MISSING", [group.name]);
    if (group.clerkId !== null && !group.memberIds.includes(group.clerkId)) return fail("GROUP_CONVENER_MISSING", [group.name]);
  }
  return ok(null);
}

/**
 * Each group's meeting and seats when the groups open now: the members at opening, each with a
 * seat (new ids), or GROUP_CONVENER_MISSING when a convener or clerk is no longer there to sit
 * (the roster may have changed since the definition). The server calls it too, to make the group
 * meetings before the opening is decided.
 */
export function openingOf(state: MeetingState, newId: () => string): Result<GroupOpening[]> {
  const members = membersAtOpening(state);
  const unseated = members.find((g) => !g.memberIds.includes(g.convenerId) || (g.clerkId !== null && !g.memberIds.includes(g.clerkId)));
  if (unseated) return fail("GROUP_CONVENER_MISSING", [unseated.name]);
  const chairs = new Set(state.roster.filter((p) => p.role === "chair").map((p) => p.id));
  return ok(
    members.map((g) => {
      const meetingId = newId();
      const seats = groupSeats(state.roster, g, newId);
      // Who is in the group, in roster order: everyone seated but the chairs looking in.
      return { groupId: g.groupId, meetingId, memberIds: seats.filter((s) => !chairs.has(s.participantId)).map((s) => s.participantId), seats };
    }),
  );
}

export function decideGroups(state: MeetingState, command: GroupsCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  const role = actor.role;
  const phase = state.groups.phase;
  switch (command.type) {
    case "groups.define": {
      if (role !== "chair" && role !== "clerk" && role !== "system") return fail("FORBIDDEN");
      if (state.status === "closed") return fail("MEETING_CLOSED");
      if (state.groupOf) return fail("FORBIDDEN");
      if (RUNNING.includes(phase)) return fail("GROUPS_OPEN");
      const problem = definitionProblem(state, command.groups);
      if (!problem.ok) return problem;
      return ok([{ type: "groups.defined", method: command.method, groups: command.groups, by: actor.participantId }]);
    }
    case "groups.choose": {
      if (role !== "member" && role !== "official") return fail("FORBIDDEN");
      if (state.status === "closed") return fail("MEETING_CLOSED");
      if (phase !== "defined") return fail(RUNNING.includes(phase) ? "GROUPS_OPEN" : "GROUPS_NOT_DEFINED");
      if (state.groups.method !== "topic") return fail("GROUP_NOT_SELF_SELECTED");
      const target = state.groups.groups.find((g) => g.groupId === command.groupId);
      if (!target) return fail("NOT_FOUND");
      const current = groupOfParticipant(state.groups, actor.participantId);
      if (current?.groupId === target.groupId) return ok([]);
      // The convener and the clerk were named for their group: they stay.
      if (current && (current.convenerId === actor.participantId || current.clerkId === actor.participantId)) return fail("GROUP_MEMBER_INVALID");
      return ok([{ type: "groups.chosen", participantId: actor.participantId, groupId: target.groupId }]);
    }
    case "groups.open": {
      if (role !== "chair" && role !== "system") return fail("FORBIDDEN");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (phase !== "defined") return fail(RUNNING.includes(phase) ? "GROUPS_OPEN" : "GROUPS_NOT_DEFINED");
      // The server may have made the group meetings for this very opening before deciding (decide context).
      const groups = ctx.groupsOpening ?? openingOf(state, ctx.newId);
      return groups.ok ? ok([{ type: "groups.opened", at: now, groups: groups.value }]) : groups;
    }
    case "groups.notice": {
      if (role !== "chair" && role !== "clerk") return fail("FORBIDDEN");
      if (!RUNNING.includes(phase)) return fail("GROUPS_NOT_OPEN");
      return ok([{ type: "groups.noticed", text: command.text, at: now, by: actor.participantId }]);
    }
    case "groups.recall": {
      if (role !== "chair") return fail("FORBIDDEN");
      if (!RUNNING.includes(phase)) return fail("GROUPS_NOT_OPEN");
      if (command.seconds === 0) return ok([{ type: "groups.closed", at: now, by: actor.participantId }]);
      return ok([{ type: "groups.recalled", at: now, endsAt: now + command.seconds * 1000, by: actor.participantId }]);
    }
    case "groups.close": {
      if (role !== "chair" && role !== "system") return fail("FORBIDDEN");
      if (!RUNNING.includes(phase)) return fail("GROUPS_NOT_OPEN");
      return ok([{ type: "groups.closed", at: now, by: actor.participantId }]);
    }
    case "groups.callReports": {
      if (role !== "chair") return fail("FORBIDDEN");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (phase !== "closed") return fail(RUNNING.includes(phase) ? "GROUPS_OPEN" : "GROUPS_NOT_DEFINED");
      // A convener already waiting or speaking keeps their place; one no longer on the roster is not called.
      const waiting = (id: string) => queuePosition(state, id) >= 0 || state.floor?.participantId === id;
      const conveners = [...new Set(state.groups.groups.map((g) => g.convenerId))].filter((id) => !waiting(id) && state.roster.some((p) => p.id === id));
      return ok(
        conveners.map((participantId) => ({
          type: "queue.requested",
          participantId,
          at: now,
          kind: "booked",
          guestName: null,
          bookingId: null,
          by: actor.participantId,
        })),
      );
    }
    case "groups.progress":
    case "groups.reportReceive": {
      if (role !== "system") return fail("FORBIDDEN");
      // Named by its meeting too: a late relay from an earlier round's group of the same id is refused.
      if (!state.groups.groups.some((g) => g.groupId === command.groupId && g.meetingId === command.meetingId)) return fail("NOT_FOUND");
      return command.type === "groups.progress"
        ? ok([{ type: "groups.progressed", groupId: command.groupId, progress: command.progress }])
        : ok([{ type: "groups.reportReceived", groupId: command.groupId, report: command.report }]);
    }
    case "groups.report": {
      if (!state.groupOf) return fail("NOT_A_GROUP");
      if (role !== "chair" && role !== "clerk") return fail("FORBIDDEN");
      const version = (state.groupReport?.version ?? 0) + 1;
      const byName = rosterNames(state.roster).get(actor.participantId) ?? "";
      return ok([{ type: "groups.reported", report: { ...command.report, version, at: now, byName } }]);
    }
  }
}
