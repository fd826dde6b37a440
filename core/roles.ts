import { z } from "zod";

/** 主持人 chair · 委员 member · 列席 official · 记录员 clerk · 旁听 observer */
export const Role = z.enum(["chair", "member", "official", "clerk", "observer"]);
export type Role = z.infer<typeof Role>;

/** The server itself acts as "system" (presence, check-in, configuration sync); no token carries it. */
export type ActorRole = Role | "system";

export interface Actor {
  participantId: string;
  role: ActorRole;
}

export const SYSTEM_ACTOR: Actor = { participantId: "system", role: "system" };

/** Roles that run the meeting's record and attendance alongside the chair. */
export const STAFF_ROLES: readonly ActorRole[] = ["chair", "clerk"];

/** Roles that may ask for the floor (the chair always may speak and needs no queue). */
export const SPEAKING_ROLES: readonly ActorRole[] = ["member", "official"];
