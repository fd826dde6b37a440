// /api/auth/*: login, logout, me, password change.
import { Router, type Request, type Response } from "express";
import { abort, route } from "../http/apiError.ts";
import { parse } from "../http/validate.ts";
import { requireStaff } from "../http/staffAuth.ts";
import { Login, PasswordChange } from "../../../core/api/accounts.ts";
import type { AccountRepository } from "./accountRepository.ts";
import type { LoginLimiter } from "./loginLimiter.ts";
import { checkPasswordStrength, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { SESSION_COOKIE, SESSION_TTL_MS, type SessionStore } from "./sessions.ts";

export interface AuthDeps {
  accounts: AccountRepository;
  sessions: SessionStore;
  limiter: LoginLimiter;
  /** Whether cookies must be marked Secure (served over https). */
  secureCookies: (req: Request) => boolean;
  /** A session was logged out: the staff entries opened from it end too (LinkService). */
  sessionEnded: (sessionId: string) => void;
}

export function authRoutes(deps: AuthDeps): Router {
  const { accounts, sessions, limiter } = deps;
  const router = Router();
  const address = (req: Request) => req.ip ?? "unknown";

  router.post(
    "/auth/login",
    route(async (req, res) => {
      const { username, password } = parse(Login, req.body);
      if (!limiter.allowed(username, address(req))) abort("RATE_LIMITED");
      const row = await accounts.withHash({ username });
      const valid = row ? await verifyPassword(row.passwordHash, password) : (await verifyAgainstDummy(password), false);
      if (!row || !valid || row.disabled) {
        limiter.fail(username, address(req));
        abort("INVALID_CREDENTIALS");
      }
      limiter.succeed(username);
      await sessions.purgeExpired();
      const { token } = await sessions.create(row.id);
      setSessionCookie(res, token, deps.secureCookies(req));
      const { passwordHash: _hash, ...account } = row;
      res.json({ account });
    }),
  );

  router.post(
    "/auth/logout",
    route(async (req, res) => {
      const staff = requireStaff(req, [], { allowPasswordChange: true, allowScoped: true });
      await sessions.delete(staff.sessionId);
      deps.sessionEnded(staff.sessionId);
      res.clearCookie(SESSION_COOKIE, cookieOptions(deps.secureCookies(req)));
      res.json({ ok: true });
    }),
  );

  router.get(
    "/auth/me",
    route((req, res) => {
      res.json({ account: requireStaff(req, [], { allowPasswordChange: true, allowScoped: true }).account });
    }),
  );

  router.post(
    "/auth/password",
    route(async (req, res) => {
      const staff = requireStaff(req, [], { allowPasswordChange: true, allowScoped: true });
      const { currentPassword, newPassword } = parse(PasswordChange, req.body);
      const { username, id } = staff.account;
      if (!limiter.allowed(username, address(req))) abort("RATE_LIMITED");
      const row = await accounts.withHash({ id });
      if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
        limiter.fail(username, address(req));
        abort("INVALID_CREDENTIALS");
      }
      const reason =
        newPassword === currentPassword
          ? { zh: "不能与当前密码相同", en: "It must differ from the current password" }
          : checkPasswordStrength(newPassword, staff.account);
      if (reason) abort("PASSWORD_TOO_WEAK", { reason });
      await accounts.setPassword(id, newPassword, false);
      await sessions.deleteAll(id, staff.sessionId);
      res.json({ ok: true });
    }),
  );

  return router;
}

function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "strict", secure, path: "/" } as const;
}

function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: SESSION_TTL_MS });
}
