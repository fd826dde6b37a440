import { z } from "zod";

export const VenueCommand = z.discriminatedUnion("type", [
  /** The chair mutes (or unmutes) the room's microphone feed (会场) at the media server. */
  z.object({ type: z.literal("venue.setMuted"), muted: z.boolean() }).strict(),
]);
export type VenueCommand = z.infer<typeof VenueCommand>;

export const VenueEvent = z.discriminatedUnion("type", [z.object({ type: z.literal("venue.mutedSet"), muted: z.boolean() })]);
export type VenueEvent = z.infer<typeof VenueEvent>;
