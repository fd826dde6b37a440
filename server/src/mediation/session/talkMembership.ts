// Who receives what of a mediation session's separate talks (背靠背). The mediators (the chair and
// officials; never the room display) are in one socket.io room of the meeting, joined when greeted
// (gateway/connection.ts roomsOf). A talk's note goes to that room and to the party's own
// connections (participant room) — the party of the talk in progress, as the state has it when the
// note is written — never to the other party, the clerk, observers or the display. A finding goes
// to the mediators' room alone.
import { isMediatorRole } from "../../../../core/mediation/roles.ts";
import type { ActorRole } from "../../../../core/roles.ts";

export const isMediatorConnection = (role: ActorRole, display: boolean): boolean => !display && isMediatorRole(role);

/** The mediators' connections in one meeting. */
export const mediatorsRoom = (meetingId: string): string => `meeting:${meetingId}:mediators`;
