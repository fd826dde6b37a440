// Who is who in a mediation session (人民调解): the parties (当事人) are the roster's members; the
// mediators (调解员) are its officials and the chair (主持调解员). One rule for the core and the
// server's private channel.
import type { RosterEntry } from "../config/schema.ts";
import type { ActorRole } from "../roles.ts";

export const isMediatorRole = (role: ActorRole): boolean => role === "chair" || role === "official";

export const isParty = (entry: Pick<RosterEntry, "role"> | undefined): boolean => entry?.role === "member";
