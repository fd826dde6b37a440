// Staff entering a live meeting from the admin app without a roster entry (issue 19): the
// server issues a short-lived join token whose subject names the staff account and the role it
// takes, `staff:<role>:<accountId>` (like the room links, core/venue/roomLinks.ts). Such a
// connection is not a participant: not counted in attendance, never eligible to vote.
import type { Role } from "./roles.ts";

/** The roles staff may take when entering: 主持人, 记录员, 旁听. */
export const STAFF_ENTRY_ROLES = ["chair", "clerk", "observer"] as const satisfies readonly Role[];
export type StaffEntryRole = (typeof STAFF_ENTRY_ROLES)[number];

/** The roles a staff account may take in a meeting it organises (admin, organiser) or is linked to (chair, clerk). */
export function staffEntryRoles(accountRole: string): readonly StaffEntryRole[] {
  switch (accountRole) {
    case "admin":
    case "organiser":
      return STAFF_ENTRY_ROLES;
    case "chair":
      return ["chair", "observer"];
    case "clerk":
      return ["clerk", "observer"];
    default:
      return [];
  }
}

const PREFIX = "staff:";

/** The token subject of a staff entry. */
export const staffSubject = (role: StaffEntryRole, accountId: string): string => `${PREFIX}${role}:${accountId}`;

/** The staff account and role a token subject names, or null for any other subject. */
export function parseStaffSubject(subject: string): { role: StaffEntryRole; accountId: string } | null {
  if (!subject.startsWith(PREFIX)) return null;
  const rest = subject.slice(PREFIX.length);
  const at = rest.indexOf(":");
  if (at < 0) return null;
  const role = STAFF_ENTRY_ROLES.find((r) => r === rest.slice(0, at));
  const accountId = rest.slice(at + 1);
  return role && accountId.length > 0 ? { role, accountId } : null;
}

/** Whether a roster id is a staff entry's (not a participant of the roster). */
export const isStaffSubject = (id: string): boolean => parseStaffSubject(id) !== null;
