import { z } from "zod";

/** 主持人 chair · 委员 member · 列席 official · 记录员 clerk · 旁听 observer */
export const Role = z.enum(["chair", "member", "official", "clerk", "observer"]);
export type Role = z.infer<typeof Role>;

export interface Actor {
  participantId: string;
  role: Role;
}

/** Roles that may ask for the floor (the chair always may speak and needs no queue). */
export const SPEAKING_ROLES: readonly Role[] = ["member", "official"];
