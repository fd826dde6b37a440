// Staff authentication (session cookie → req.staff) and authorization helpers.
// Order of checks everywhere: logged in (401) → role (403) → the meeting exists and is theirs.
import type { Request, RequestHandler } from "express";
import type { Account, StaffRole } from "../accounts/accountRepository.ts";
import { SESSION_COOKIE, type SessionStore } from "../accounts/sessions.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import { abort, route } from "./apiError.ts";

export interface StaffContext {
  account: Account;
  sessionId: string;
  /** When the session ends (ms); a staff entry issued in it ends no later. */
  sessionExpiresAt: number;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      staff?: StaffContext;
    }
  }
}

/** Loads the session named by the cookie, if any and still valid, into `req.staff`. */
export function loadStaff(sessions: SessionStore): RequestHandler {
  return route(async (req, _res, next) => {
    const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    const session = token === undefined ? null : await sessions.find(token);
    if (session) req.staff = { account: session.account, sessionId: session.id, sessionExpiresAt: session.expiresAt };
    next();
  });
}

export interface StaffOptions {
  /** Allow an account that still has to change its one-time password (me, password, logout). */
  allowPasswordChange?: boolean;
  /** Allow the scoped accounts (department, grid worker) without naming their role (auth routes). */
  allowScoped?: boolean;
}

/**
 * The logged-in account, optionally restricted to `roles`; 401 / 403 otherwise. Without `roles`,
 * any meeting staff (admin, organiser, chair, clerk): a department account (承办单位) passes only
 * where its role is named or `allowDepartment` is set — it uses the ledger, never meetings.
 */
export function requireStaff(req: Request, roles: readonly StaffRole[] = [], options: StaffOptions = {}): StaffContext {
  const staff = req.staff ?? abort("UNAUTHENTICATED");
  if (staff.account.mustChangePassword && !options.allowPasswordChange) abort("FORBIDDEN", ["mustChangePassword"]);
  if (roles.length > 0 && !roles.includes(staff.account.role)) abort("FORBIDDEN");
  if (roles.length === 0 && SCOPED_ROLES.includes(staff.account.role) && !options.allowScoped) abort("FORBIDDEN");
  return staff;
}

export const MANAGERS: readonly StaffRole[] = ["admin", "organiser"];
/** Accounts of one department (承办单位) or one community (网格员): they never reach meetings, only where named. */
export const SCOPED_ROLES: readonly StaffRole[] = ["department", "gridWorker"];

export const isManager = (account: Account): boolean => MANAGERS.includes(account.role);

/** A chair or clerk belongs to a meeting when one of its participants is linked to the account. */
export async function isLinkedTo(meetings: MeetingStore, accountId: string, meetingId: string): Promise<boolean> {
  return (await meetings.participants.linkedTo(meetingId, accountId)) !== null;
}

/**
 * Staff allowed to see the meeting: admin and organiser (404 when it does not exist), chair and
 * clerk only when linked to it (403 otherwise, whether or not it exists).
 */
export async function requireMeetingStaff(meetings: MeetingStore, req: Request, meetingId: string): Promise<StaffContext> {
  const staff = requireStaff(req);
  if (isManager(staff.account)) {
    if (!(await meetings.exists(meetingId))) abort("NOT_FOUND");
  } else if (!(await isLinkedTo(meetings, staff.account.id, meetingId))) {
    abort("FORBIDDEN");
  }
  return staff;
}

/** Admin or organiser, and the meeting exists. */
export async function requireMeetingManager(meetings: MeetingStore, req: Request, meetingId: string): Promise<StaffContext> {
  const staff = requireStaff(req, MANAGERS);
  if (!(await meetings.exists(meetingId))) abort("NOT_FOUND");
  return staff;
}
