// `groups.enter` on the plenary's socket (docs/protocol.md, docs/groups.md): a join token for the
// caller's seat in their group's meeting, or, with `groupId`, a look into that group — the
// plenary's chair through their observer seat, a plenary clerk through a seat they have there.
// It waits until the group meetings exist (groupMeetings.ts); the plenary connection stays open.
import { z } from "zod";
import { coreError, type CoreError } from "../../../core/errors.ts";
import type { GroupSeat, PlenaryGroup } from "../../../core/groups/schema.ts";
import type { Ack, GroupEntry } from "../../../core/protocol.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { parseWith, type Handlers } from "../gateway/handler.ts";
import type { JoinCache } from "../meetings/joinCache.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import type { GroupMeetings } from "./groupMeetings.ts";

export interface GroupEnterDeps {
  tokens: TokenService;
  joins: JoinCache;
  groupMeetings: GroupMeetings;
}

const parseEnter = parseWith(
  z
    .object({ groupId: z.string().min(1).max(64).optional() })
    .strict()
    .optional(),
);

type Refusal = { ok: false; error: CoreError };
const refuse = (code: "GROUPS_NOT_OPEN" | "NOT_IN_GROUP" | "FORBIDDEN" | "NOT_FOUND" | "LINK_REVOKED"): Refusal => ({ ok: false, error: coreError(code) });

/**
 * Which group and seat the caller gets, or why not. After the call back (phase `closed`) the last
 * round's group meetings are closed, but a group's convener and clerk may still amend its report
 * (小组汇报要点, `groups.report` is accepted in a closed group meeting): they get their seat there;
 * the plenary's chair still looks in with a groupId; everyone else GROUPS_NOT_OPEN.
 */
export function seatFor(state: MeetingState, participantId: string, groupId: string | undefined): { group: PlenaryGroup; seat: GroupSeat } | Refusal {
  const { phase, groups } = state.groups;
  if (phase === "closed") return closedSeatFor(state, participantId, groupId);
  if (phase !== "open" && phase !== "recalling") return refuse("GROUPS_NOT_OPEN");
  const seatIn = (group: PlenaryGroup) => group.seats.find((s) => s.participantId === participantId);
  if (groupId === undefined) {
    // My group: the one I am a member of (the plenary's chairs look in with a groupId).
    const group = groups.find((g) => g.memberIds.includes(participantId));
    const seat = group && seatIn(group);
    return group && seat ? { group, seat } : refuse("NOT_IN_GROUP");
  }
  const group = groups.find((g) => g.groupId === groupId);
  if (!group) return refuse("NOT_FOUND");
  const seat = seatIn(group);
  if (seat) return { group, seat };
  // Someone else's group: only the plenary's chair (their observer seat) and clerk (a seat there) look in.
  const role = state.roster.find((p) => p.id === participantId)?.role;
  return role === "chair" || role === "clerk" ? refuse(role === "chair" ? "NOT_IN_GROUP" : "FORBIDDEN") : refuse("FORBIDDEN");
}

/** Phase `closed`: the convener or clerk of a group of the last round to its report; the plenary's chair looking in. */
function closedSeatFor(state: MeetingState, participantId: string, groupId: string | undefined): { group: PlenaryGroup; seat: GroupSeat } | Refusal {
  const officer = (g: PlenaryGroup) => g.convenerId === participantId || g.clerkId === participantId;
  const group = state.groups.groups.find((g) => g.meetingId !== null && (groupId === undefined ? officer(g) : g.groupId === groupId));
  if (groupId !== undefined && !group && !state.groups.groups.some((g) => g.groupId === groupId)) return refuse("NOT_FOUND");
  const seat = group?.seats.find((s) => s.participantId === participantId);
  if (!group || !seat) return refuse("GROUPS_NOT_OPEN");
  const chair = state.roster.find((p) => p.id === participantId)?.role === "chair";
  return officer(group) || (chair && seat.role === "observer") ? { group, seat } : refuse("GROUPS_NOT_OPEN");
}

export function attachGroupEnter(handlers: Handlers, socket: GatewaySocket, deps: GroupEnterDeps, room: Promise<MeetingRoom>): void {
  handlers.on("groups.enter", {
    name: "groups.enter",
    authorize: () => !socket.data.display && !socket.data.staff,
    parse: parseEnter,
    handle: async (request): Promise<Ack<GroupEntry>> => {
      const plenary = await room;
      const found = seatFor(plenary.current, socket.data.me.id, request?.groupId);
      if ("ok" in found) return found;
      const { group, seat } = found;
      if (group.meetingId === null) return refuse("GROUPS_NOT_OPEN");
      // The group meetings exist once the plenary's listener has created them (at most a moment after
      // groups.opened); after the close (a report amended) they have long existed: nothing to wait for.
      if (plenary.current.groups.phase !== "closed") await deps.groupMeetings.whenReady(plenary.meetingId, plenary.current.groups);
      const link = await deps.joins.link(group.meetingId, seat.seatId);
      if (!link) return refuse("NOT_FOUND");
      if (link.linkRevoked) return refuse("LINK_REVOKED");
      const token = await deps.tokens.issue({ participantId: seat.seatId, meetingId: group.meetingId, role: seat.role, version: link.linkVersion });
      return { ok: true, meetingId: group.meetingId, token };
    },
  });
}
