// "/": who goes where. Staff log in under /admin; participants never log in, they open the
// personal link the secretariat sent them, or type its join code (入会码) here. A short link
// /j/<code> (the printed QR codes) lands here too and opens the join at once.
import "../i18n/admin.ts";
import "../admin/admin.css";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { formatJoinCode, JOIN_CODE_LENGTH, normalizeJoinCode } from "@core/links/joinCode.ts";
import { api } from "../admin/api.ts";
import { LanguageSwitch } from "../admin/session/LanguageSwitch.tsx";
import { ErrorLine } from "../admin/ui/Feedback.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { Link } from "../routing/Link.tsx";

/** The code of a short link's path (/j/<code>), or null. */
const codeInPath = (): string | null => {
  const match = /^\/j\/([^/]+)\/?$/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
};

/** What is typed, shown grouped (ABCD-EFGH-JK): letters and digits only, upper case, at most 10; a pasted short link gives its code. */
const grouped = (typed: string): string =>
  formatJoinCode(
    (/\/j\/([^/?#]+)/.exec(typed)?.[1] ?? typed)
      .replace(/[^0-9a-z]/gi, "")
      .toUpperCase()
      .slice(0, JOIN_CODE_LENGTH),
  );

export default function Landing() {
  const { t } = useAdminT();
  // A tab that already joined a meeting keeps its token for this tab only (see joinToken.ts).
  const inMeeting = sessionStorage.getItem("yst.token") !== null;
  const [code, setCode] = useState(() => grouped(codeInPath() ?? ""));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const complete = normalizeJoinCode(code) !== null;

  const join = async (typed: string) => {
    setPending(true);
    setError(null);
    try {
      const { url } = await api.resolveJoinCode(typed);
      // The long link, on this origin: the meeting page takes its token from the fragment.
      const target = new URL(url, window.location.href);
      window.location.assign(target.pathname + target.hash);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  // A short link opens the join once, at once.
  const opened = useRef(false);
  useEffect(() => {
    const fromPath = codeInPath();
    if (fromPath === null || opened.current) return;
    opened.current = true;
    void join(fromPath);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete && !pending) void join(code);
  };

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
          <form className="join-code-form" onSubmit={submit} data-testid="join-code-form">
            <label htmlFor="join-code">{t("landing.codeLabel")}</label>
            <div className="join-code-row">
              <input
                id="join-code"
                type="text"
                className="join-code-input"
                value={code}
                onChange={(e) => {
                  setCode(grouped(e.target.value));
                  setError(null);
                }}
                placeholder="ABCD-EFGH-JK"
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                enterKeyHint="go"
                maxLength={JOIN_CODE_LENGTH + 4}
                aria-describedby="join-code-hint"
                data-testid="join-code"
              />
              <button type="submit" className="primary" disabled={!complete || pending} data-testid="join-code-submit">
                {pending ? t("landing.codeJoining") : t("landing.codeJoin")}
              </button>
            </div>
            <p id="join-code-hint" className="muted small">
              {t("landing.codeHint")}
            </p>
          </form>
          <ErrorLine error={error} />
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
