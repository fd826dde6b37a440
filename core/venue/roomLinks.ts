// The room's two links, each with its own token and version (re-issued and revoked like personal
// links): the room display (大屏, read-only) and the venue terminal (会场终端: a display that also
// publishes the room's microphone and camera as VENUE_ID). The token's subject names the kind.
export const ROOM_LINK_KINDS = ["display", "venue"] as const;
export type RoomLinkKind = (typeof ROOM_LINK_KINDS)[number];

/** The token subject of a room link: `display:<meetingId>` or `venue:<meetingId>`. */
export const roomLinkSubject = (kind: RoomLinkKind, meetingId: string): string => `${kind}:${meetingId}`;

/** The kind of room link a token subject names, or null for a participant's subject. */
export function roomLinkKind(subject: string): RoomLinkKind | null {
  const at = subject.indexOf(":");
  return at < 0 ? null : (ROOM_LINK_KINDS.find((k) => k === subject.slice(0, at)) ?? null);
}
