// The organiser / secretariat app under /admin: session, shell and pages.
import "../i18n/admin.ts";
import { INTAKE_NS } from "../i18n/intake.ts";
import "./admin.css";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { navigate, useLocation } from "../routing/location.ts";
import { Link } from "../routing/Link.tsx";
import { AccountsPage } from "./accounts/AccountsPage.tsx";
import { ArchivePage } from "./archive/ArchivePage.tsx";
import { RETENTION_PATH, RetentionPage } from "./retention/RetentionPage.tsx";
import { CommunitiesPage } from "./community/CommunitiesPage.tsx";
import GridPage from "../intake/GridPage.tsx";
import { campaignPage } from "../campaign/CampaignsPage.tsx";
import { proposalsPage } from "../bargaining/proposals/ProposalsPage.tsx";
import { PROPOSALS_PATH } from "../bargaining/proposals/unionUi.ts";
import { PROPOSALS_NS } from "../i18n/proposals.ts";
import { REQUESTS_PATH, RequestsPage } from "../bargaining/requests/RequestsPage.tsx";
import { BARGAINING_REQUESTS_NS } from "../i18n/bargainingRequests.ts";
import { AGREEMENTS_PATH, AgreementsPage } from "../bargaining/agreement/AgreementsPage.tsx";
import { CASES_PATH, CasesPage } from "../mediation/cases/CasesPage.tsx";
import { CasePage } from "../mediation/cases/CasePage.tsx";
import { AgreementAdminPage, MEDIATION_AGREEMENTS_PATH } from "../mediation/agreement/AgreementAdminPage.tsx";
import { MEDIATION_CASES_NS } from "../i18n/mediationCases.ts";
import { AgreementPage } from "../bargaining/agreement/AgreementPage.tsx";
import { AGREEMENT_NS } from "../i18n/agreement.ts";
import { DepartmentsPage } from "./ledger/DepartmentsPage.tsx";
import { ItemPage } from "./ledger/ItemPage.tsx";
import { LedgerListPage } from "./ledger/LedgerListPage.tsx";
import { RemindersPage } from "./ledger/RemindersPage.tsx";
import { HttpError, api, onUnauthenticated } from "./api.ts";
import { forgetOfflineCopies } from "../offline/offlineShell.ts";
import { EDITOR_TABS, MeetingEditor, type EditorTab } from "./meetings/MeetingEditor.tsx";
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

// The ledger's dashboard brings the chart library: loaded only when opened.
const DashboardPage = lazy(() => import("./ledger/DashboardPage.tsx"));

const LOGIN = "/admin/login";
const HOME = "/admin/meetings";
const LEDGER = "/admin/ledger";
const GRID = "/admin/grid";
const COMMUNITIES = "/admin/communities";
const CAMPAIGNS = "/admin/campaigns";

/** A department (承办单位) account uses only the ledger; everyone else starts at the meetings. */
const isDepartment = (account: Account): boolean => account.role === "department";
/** A grid worker (网格员) starts at their community's consent campaigns. */
const isGridWorker = (account: Account): boolean => account.role === "gridWorker";
const homeOf = (account: Account): string => (isDepartment(account) ? LEDGER : isGridWorker(account) ? CAMPAIGNS : HOME);

/** A same-origin /admin path to return to after login, never an arbitrary URL. */
const safeNext = (next: string | null, home: string): string => (next && /^\/admin(\/|$)/.test(next) && !next.startsWith(LOGIN) ? next : home);

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
        if (error instanceof HttpError && error.status === 401) setState({ status: "anonymous" });
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
  // Signed out (logout, expired session): the copies the door page kept for offline go too.
  useEffect(() => {
    if (status === "anonymous") void forgetOfflineCopies();
  }, [status]);
  useEffect(() => {
    if (status === "anonymous" && pathname !== LOGIN) {
      const here = window.location.pathname + window.location.search;
      navigate(`${LOGIN}?next=${encodeURIComponent(here)}`, { replace: true });
    }
    if (state.status === "in" && (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/")) {
      const home = homeOf(state.account);
      navigate(pathname === LOGIN ? safeNext(search.get("next"), home) : home, { replace: true });
    }
  }, [status, state, pathname, search]);

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
  const session: Session | null = useMemo(() => (state.status === "in" ? { account: state.account, setAccount, logout } : null), [state, setAccount, logout]);

  if (state.status === "loading")
    return (
      <div className="admin-center">
        <Loading />
      </div>
    );
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
  const department = isDepartment(session.account);
  const reminders = `${LEDGER}/reminders`;
  const item = (to: string, label: string, current = pathname.startsWith(to)) => (
    <Link to={to} className="admin-nav-item" aria-current={current ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        {t("shell.skip")}
      </a>
      <header className="admin-header">
        <Link to={homeOf(session.account)} className="admin-brand-link">
          {t("shell.title")}
        </Link>
        <nav aria-label={t("shell.nav")} className="admin-nav">
          {!department && !isGridWorker(session.account) && item("/admin/meetings", t("shell.meetings"))}
          {canEdit(session.account) && item(REQUESTS_PATH, t("nav", { ns: BARGAINING_REQUESTS_NS }))}
          {canEdit(session.account) && item(AGREEMENTS_PATH, t("nav", { ns: AGREEMENT_NS }), pathname.startsWith(AGREEMENTS_PATH))}
          {canEdit(session.account) && item(CASES_PATH, t("nav", { ns: MEDIATION_CASES_NS }), pathname.startsWith(CASES_PATH))}
          {(canEdit(session.account) || department) &&
            item(LEDGER, t("ledger.nav.ledger"), pathname.startsWith(LEDGER) && !(department && pathname.startsWith(reminders)))}
          {department && item(reminders, t("ledger.nav.reminders"))}
          {session.account.role === "gridWorker" && item(GRID, t("grid.title", { ns: INTAKE_NS }))}
          {canEdit(session.account) && item(COMMUNITIES, t("admin.nav", { ns: INTAKE_NS }))}
          {(canEdit(session.account) || isGridWorker(session.account)) && item(CAMPAIGNS, t("campaign.nav"))}
          {canEdit(session.account) && item(PROPOSALS_PATH, t("admin.nav", { ns: PROPOSALS_NS }))}
          {canEdit(session.account) && item("/admin/archive", t("shell.archive"))}
          {canEdit(session.account) && item(RETENTION_PATH, t("shell.retention"))}
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

function Page({ pathname }: { pathname: string }) {
  const session = useSession();
  const department = isDepartment(session.account);
  const ledger = pathname === LEDGER || pathname.startsWith(`${LEDGER}/`) ? <LedgerPage pathname={pathname} secretariat={canEdit(session.account)} /> : null;
  if (ledger && (department || canEdit(session.account))) return ledger;
  if (pathname === "/admin/password") return <ChangePasswordPage />;
  // 居民点单: the grid worker's phone page, the secretariat's communities with their public links.
  if (pathname === GRID && session.account.role === "gridWorker" && session.account.communityId) return <GridPage communityId={session.account.communityId} />;
  if (pathname === COMMUNITIES && canEdit(session.account)) return <CommunitiesPage />;
  const campaign = canEdit(session.account) || isGridWorker(session.account) ? campaignPage(pathname, canEdit(session.account)) : null;
  if (campaign) return campaign;
  // A grid worker (网格员) is refused meetings, the archive and accounts: only the pages above.
  if (isGridWorker(session.account)) {
    if (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/") return <Loading />;
    return <NotFound home={CAMPAIGNS} />;
  }
  // A department account is refused everything but the ledger: no page here may call those routes.
  if (department) {
    if (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/") return <Loading />;
    return <NotFound home={LEDGER} />;
  }
  if (pathname === REQUESTS_PATH && canEdit(session.account)) return <RequestsPage />;
  // The agreement after bargaining: every bargaining meeting with its reminders, and one meeting's agreement.
  if (pathname === AGREEMENTS_PATH && canEdit(session.account)) return <AgreementsPage />;
  // Mediation cases (调解案件): the list with statistics and export, and one case with its next step.
  if (pathname === CASES_PATH && canEdit(session.account)) return <CasesPage />;
  const mediationCase = new RegExp(`^${CASES_PATH}/([^/]+)/?$`).exec(pathname);
  if (mediationCase && canEdit(session.account)) return <CasePage key={mediationCase[1]} caseId={decodeURIComponent(mediationCase[1]!)} />;
  // One mediation meeting's 调解协议书 (reached from its case's sessions).
  const mediationAgreement = new RegExp(`^${MEDIATION_AGREEMENTS_PATH}/([^/]+)/?$`).exec(pathname);
  if (mediationAgreement && canEdit(session.account))
    return <AgreementAdminPage key={mediationAgreement[1]} meetingId={decodeURIComponent(mediationAgreement[1]!)} />;
  const agreement = new RegExp(`^${AGREEMENTS_PATH}/([^/]+)/?$`).exec(pathname);
  if (agreement && canEdit(session.account)) return <AgreementPage key={agreement[1]} meetingId={decodeURIComponent(agreement[1]!)} />;
  // The union's collections of workers' proposals (工资集体协商意见建议征集) and their 协商提案.
  const proposals = canEdit(session.account) ? proposalsPage(pathname) : null;
  if (proposals) return proposals;
  if (pathname === "/admin/meetings") return <MeetingsList />;
  if (pathname === "/admin/meetings/new") return <MeetingEditor key="new" meetingId={null} tab="info" />;
  const meeting = /^\/admin\/meetings\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (meeting) {
    const tab = (EDITOR_TABS as string[]).includes(meeting[2] ?? "") ? (meeting[2] as EditorTab) : "info";
    const id = decodeURIComponent(meeting[1]!);
    return <MeetingEditor key={id} meetingId={id} tab={tab} />;
  }
  if (pathname === "/admin/accounts" && session.account.role === "admin") return <AccountsPage />;
  // The archive spans all meetings: admin and organiser only (the server refuses anyone else).
  if (pathname === "/admin/archive" && canEdit(session.account)) return <ArchivePage />;
  // 保留策略 of recordings and materials: admin and organiser only, like the archive.
  if (pathname === RETENTION_PATH && canEdit(session.account)) return <RetentionPage />;
  if (pathname === LOGIN || pathname === "/admin" || pathname === "/admin/") return <Loading />;
  return <NotFound home={HOME} />;
}

function NotFound({ home }: { home: string }) {
  const { t } = useAdminT();
  return (
    <section className="admin-page">
      <p className="admin-error" role="alert">
        {t("errors.notFound")}
      </p>
      <Link to={home}>{t("editor.back")}</Link>
    </section>
  );
}

/** 问题台账 pages: the list, an item, and (the secretariat) dashboard and departments; 督办提醒 for all. */
function LedgerPage({ pathname, secretariat }: { pathname: string; secretariat: boolean }) {
  const rest = pathname.slice(LEDGER.length).replace(/^\/|\/$/g, "");
  if (rest === "") return <LedgerListPage />;
  if (rest === "reminders") return <RemindersPage />;
  if (rest === "dashboard" || rest === "departments") {
    if (!secretariat) return <NotFound home={LEDGER} />;
    if (rest === "departments") return <DepartmentsPage />;
    return (
      <Suspense fallback={<Loading />}>
        <DashboardPage />
      </Suspense>
    );
  }
  if (/^[^/]+$/.test(rest)) return <ItemPage key={rest} itemId={decodeURIComponent(rest)} />;
  return <NotFound home={LEDGER} />;
}
