// "/": who goes where. Staff log in under /admin; participants never log in, they open the
// personal link the secretariat sent them.
import "../i18n/admin.ts";
import "../admin/admin.css";
import { LanguageSwitch } from "../admin/session/LanguageSwitch.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { Link } from "../routing/Link.tsx";

export default function Landing() {
  const { t } = useAdminT();
  // A tab that already joined a meeting keeps its token for this tab only (see joinToken.ts).
  const inMeeting = sessionStorage.getItem("yst.token") !== null;
  return (
    <div className="landing">
      <header className="landing-head">
        <div>
          <h1>{t("landing.title")}</h1>
          <p className="muted">{t("landing.subtitle")}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="landing-cards">
        <section className="admin-card landing-card" aria-labelledby="landing-member">
          <h2 id="landing-member">{t("landing.memberTitle")}</h2>
          <p>{t("landing.memberText")}</p>
          {inMeeting && (
            <a className="button" href="/meeting">
              {t("landing.backToMeeting")}
            </a>
          )}
        </section>
        <section className="admin-card landing-card" aria-labelledby="landing-staff">
          <h2 id="landing-staff">{t("landing.staffTitle")}</h2>
          <p>{t("landing.staffText")}</p>
          <Link to="/admin" className="button primary" data-testid="staff-login">
            {t("landing.staffLogin")}
          </Link>
        </section>
      </main>
      <title>{t("landing.title")}</title>
    </div>
  );
}
