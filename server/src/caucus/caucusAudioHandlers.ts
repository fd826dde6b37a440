// media.caucusJoin / media.caucusLeave: a bargaining side's private audio room (背靠背) while its
// caucus runs (a room of media/privateAudio.ts keyed "caucus:<side>"; its messages are attached by
// media/privateAudioSocket.ts for the kind `caucusAudio`). The side is the roster's
// (caucusMembership.ts), never the client's: a member of the other side, the recorder, an
// observer, an official, a chair without a side or the room display cannot even name the room.
// Checked in this order, each before Janus is asked: VALIDATION, NOT_BARGAINING,
// CAUCUS_NOT_MEMBER, NO_CAUCUS, MEDIA_UNAVAILABLE.
import type { Side } from "../../../core/bargaining/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { PrivateRoomRule } from "../media/privateAudio.ts";
import type { PrivateAudioKind } from "../media/privateAudioSocket.ts";
import { caucusSide } from "./caucusMembership.ts";

/** Whether the side's caucus runs now (an entry without `endedAt`). */
export const caucusRunning = (state: MeetingState, side: Side): boolean =>
  state.kind === "bargaining" && state.bargaining.caucuses.some((caucus) => caucus.side === side && caucus.endedAt === null);

/** The side's room: open while its caucus runs; its members are those the roster puts on the side. */
export const caucusRoomRule = (side: Side): PrivateRoomRule => ({
  key: `caucus:${side}`,
  open: (state) => caucusRunning(state, side),
  member: (state, participantId) => {
    const entry = state.roster.find((p) => p.id === participantId);
    return entry !== undefined && caucusSide(entry, false) === side;
  },
  closedCode: "NO_CAUCUS",
});

/** The caucus rooms' kind: the room of the connection's side while that side's caucus runs. */
export const caucusAudio: PrivateAudioKind = {
  join: "media.caucusJoin",
  leave: "media.caucusLeave",
  admit: (state, me, display) => {
    if (state.kind !== "bargaining") return "NOT_BARGAINING";
    const side = caucusSide(me, display);
    if (side === null) return "CAUCUS_NOT_MEMBER";
    if (!caucusRunning(state, side)) return "NO_CAUCUS";
    return caucusRoomRule(side);
  },
};
