import { api } from "../api.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { useSession } from "./session.ts";

/** First login with a one-time password: nothing else is reachable until it is changed. */
export function ForcedPasswordPage() {
  const { t } = useAdminT();
  const session = useSession();
  const done = async () => {
    const { account } = await api.me();
    session.setAccount(account);
  };
  return (
    <main className="admin-auth">
      <div className="admin-auth-lang">
        <LanguageSwitch />
        <button type="button" className="ghost" onClick={() => void session.logout()}>
          {t("shell.logout")}
        </button>
      </div>
      <div className="admin-card admin-auth-card" data-testid="forced-password">
        <p className="admin-brand">{t("shell.title")}</p>
        <h1>{t("password.forcedTitle")}</h1>
        <p className="muted">{t("password.forcedText")}</p>
        <ChangePasswordForm username={session.account.username} onDone={() => void done()} />
      </div>
    </main>
  );
}
