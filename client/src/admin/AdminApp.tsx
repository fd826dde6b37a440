// The organiser / secretariat app under /admin: session, shell and pages.
import "../i18n/admin.ts";
import "./admin.css";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { navigate, useLocation } from "../routing/location.ts";
import { Link } from "../routing/Link.tsx";
import { AccountsPage } from "./accounts/AccountsPage.tsx";
import { ArchivePage } from "./archive/ArchivePage.tsx";
import { ApiError, api, onUnauthenticated } from "./api.ts";
import { MeetingEditor, type EditorTab } from "./meetings/MeetingEditor.tsx";
import { MeetingsList } from "./meetings/MeetingsList.tsx";
import { AccountMenu } from "./session/AccountMenu.tsx";
import { ChangePasswordPage } from "./session/ChangePasswordPage.tsx";
import { ForcedPasswordPage } from "./session/ForcedPasswordPage.tsx";
import { LanguageSwitch } from "./session/LanguageSwitch.tsx";
import { LoginPage } from "./session/LoginPage.tsx";
import { canEdit, SessionContext, useSession, type Session } from "./session/session.ts";
import type { Account } from "./types.ts";
import { ErrorLine, Loading } from "./ui/Feedback.tsx";
import { useAdminT } from "./ui/useAdminT.ts";

type SessionState = { status: "loading" } | { status: "anonymous" } | { status: "failed"; error: unknown } | { status: "in"; account: Account };

const LOGIN = "/admin/login";
const HOME = "/admin/meetings";

/** A same-origin /admin path to return to after login, never an arbitrary URL. */
const safeNext = (next: string | null): string => (next && /^\/admin(\/|$)/.test(next) && !next.startsWith(LOGIN) ? next : HOME);

export default function AdminApp() {
  const { t } = useAdminT();
  const { pathname, search } = useLocation();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.me().then(
      ({ account }) => live && setState({ status: "in", account }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: "anonymous" });
        else setState({ status: "failed", error });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // Any 401 UNAUTHENTICATED (expired session) sends the user to the login page.
  useEffect(() => {
    onUnauthenticated(() => setState({ status: "anonymous" }));
    return () => onUnauthenticated(null);
  }, []);

  const status = state.status;
  useEffect(() => {
    if (status === "anonymous" && pathname !== LOGIN) {
      const here = window.location.pathname + window.location.search;
      navigate(`${LOGIN}?next=${encodeURIComponent(here)}`, { replace: true });
    }
    if (status === "in" && (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/")) {
      navigate(pathname === LOGIN ? safeNext(search.get("next")) : HOME, { replace: true });
    }
  }, [status, pathname, search]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session may already be gone; the login page is shown either way.
    }
    setState({ status: "anonymous" });
    navigate(LOGIN);
  }, []);
  const setAccount = useCallback((account: Account) => setState({ status: "in", account }), []);
  const session: Session | null = useMemo(
    () => (state.status === "in" ? { account: state.account, setAccount, logout } : null),
    [state, setAccount, logout],
  );

  if (state.status === "loading") return <div className="admin-center"><Loading /></div>;
  if (state.status === "failed")
    return (
      <div className="admin-center">
        <ErrorLine error={state.error} onRetry={() => setAttempt((a) => a + 1)} />
      </div>
    );
  if (state.status === "anonymous" || !session) return <LoginPage onLoggedIn={setAccount} />;
  return (
    <SessionContext.Provider value={session}>
      {session.account.mustChangePassword ? (
        <ForcedPasswordPage />
      ) : (
        <Shell>
          <Page pathname={pathname} />
        </Shell>
      )}
      <title>{t("shell.title")}</title>
    </SessionContext.Provider>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useAdminT();
  const { pathname } = useLocation();
  const session = useSession();
  const item = (to: string, label: string) => (
    <Link to={to} className="admin-nav-item" aria-current={pathname.startsWith(to) ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        {t("shell.skip")}
      </a>
      <header className="admin-header">
        <Link to={HOME} className="admin-brand-link">
          {t("shell.title")}
        </Link>
        <nav aria-label={t("shell.nav")} className="admin-nav">
          {item("/admin/meetings", t("shell.meetings"))}
          {canEdit(session.account) && item("/admin/archive", t("shell.archive"))}
          {session.account.role === "admin" && item("/admin/accounts", t("shell.accounts"))}
        </nav>
        <div className="admin-header-actions">
          <LanguageSwitch />
          <AccountMenu />
        </div>
      </header>
      <main id="admin-main" className="admin-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

const TABS: EditorTab[] = ["info", "agenda", "plan", "roster", "venue"];

function Page({ pathname }: { pathname: string }) {
  const { t } = useAdminT();
  const session = useSession();
  if (pathname === "/admin/meetings") return <MeetingsList />;
  if (pathname === "/admin/meetings/new") return <MeetingEditor key="new" meetingId={null} tab="info" />;
  const meeting = /^\/admin\/meetings\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (meeting) {
    const tab = (TABS as string[]).includes(meeting[2] ?? "") ? (meeting[2] as EditorTab) : "info";
    const id = decodeURIComponent(meeting[1]!);
    return <MeetingEditor key={id} meetingId={id} tab={tab} />;
  }
  if (pathname === "/admin/accounts" && session.account.role === "admin") return <AccountsPage />;
  // The archive spans all meetings: admin and organiser only (the server refuses anyone else).
  if (pathname === "/admin/archive" && canEdit(session.account)) return <ArchivePage />;
  if (pathname === "/admin/password") return <ChangePasswordPage />;
  if (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/") return <Loading />;
  return (
    <section className="admin-page">
      <p className="admin-error" role="alert">
        {t("errors.notFound")}
      </p>
      <Link to={HOME}>{t("editor.back")}</Link>
    </section>
  );
}
