// A participant changed by the organisers while connected (role, side, household, weight,
// chief…) or taken off the roster: every open connection of theirs follows at once. Likewise
// when the chair of a bargaining session passes to the other side's chief (or the kind of
// meeting changes): the chiefs and the chair act in another role from then on (core/bargaining/chairing.ts). This runs
// in the room actor's turn that committed the roster.set, right after its events went out, so
// the next message of the connection is judged by the new entry and nothing of the old
// audience reaches it afterwards.
import { isDeepStrictEqual } from "node:util";
import { audienceOf, syncFor } from "../../../core/audience.ts";
import { actingRole } from "../../../core/bargaining/chairing.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { Welcome } from "../../../core/protocol.ts";
import { STAFF_ROLES } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import { greetEditors, stopEditing, type RecordEditing } from "./recordEditing.ts";
import { ended, roomsOf, type GatewaySocket } from "./connection.ts";

export interface RosterFollowing {
  editing: RecordEditing;
  mediaAvailable: () => boolean;
  /** Every connection this node serves (with several nodes, also those relayed to it: cluster/relay). */
  connections: () => Iterable<GatewaySocket>;
}

export function followRoster(deps: RosterFollowing, meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
  const reseated = events.some((e) => e.event.type === "bargaining.chairHandedOver" || e.event.type === "meeting.kindSet");
  if (!reseated && !events.some((e) => e.event.type === "roster.set")) return;
  const roster = new Map(state.roster.map((entry) => [entry.id, entry]));
  // Every connection, not only those in the meeting's rooms: one still greeting must not keep the old entry.
  for (const socket of deps.connections()) {
    const { meetingId: of, me, display } = socket.data;
    // The room's screens and staff entered from the admin app have no roster entry to follow.
    if (of !== meetingId || display || socket.data.staff) continue;
    const entry = roster.get(me.id);
    // Told why and dropped; the handshake now refuses the link with the same NOT_FOUND.
    if (!entry) ended(socket, "NOT_FOUND");
    else if (!isDeepStrictEqual(entry, me)) {
      socket.data.me = entry;
      // Still greeting (no welcome yet): greet() welcomes and joins with socket.data.me as it is in its turn.
      if (socket.data.welcome) greetAgain(socket, socket.data.welcome, me, state, deps);
    } else if (reseated && (entry.chief || entry.role === "chair") && socket.data.welcome) greetAgain(socket, socket.data.welcome, me, state, deps);
  }
}

/** Moves the connection to the broadcast groups of its new entry and hands it what that entry sees. */
function greetAgain(socket: GatewaySocket, greeted: Welcome, before: RosterEntry, state: MeetingState, deps: RosterFollowing): void {
  const { meetingId, me } = socket.data;
  const role = actingRole(state, me);
  const now = roomsOf(meetingId, { ...me, role }, false);
  // Whatever role the entry acted in before (its own, or the chair's or a member's at a bargaining table).
  const was = [before.role, "chair" as const, "member" as const].flatMap((r) => roomsOf(meetingId, { ...before, role: r }, false));
  for (const room of new Set(was)) if (!now.includes(room)) void socket.leave(room);
  void socket.join(now);
  const welcome: Welcome = { ...greeted, me, media: { available: deps.mediaAvailable() } };
  socket.data.welcome = welcome;
  socket.emit("welcome", welcome);
  // A whole snapshot: what the old audience held (notes, results) is replaced, what the new one may see arrives.
  socket.emit("sync", syncFor({ kind: "snapshot", state }, audienceOf(role, false), state));
  // The client drops the editors list with a changed role: a staff connection gets it again.
  if (!STAFF_ROLES.includes(role)) stopEditing(socket, deps.editing);
  greetEditors(socket, deps.editing);
}
