import { useId, useState, type FormEvent } from "react";
import { api } from "../api.ts";
import type { Account } from "../types.ts";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

export function LoginPage({ onLoggedIn }: { onLoggedIn: (account: Account) => void }) {
  const { t } = useAdminT();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const userId = useId();
  const passId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { account } = await api.login(username.trim(), password);
      onLoggedIn(account);
    } catch (e) {
      setError(e);
      setPassword("");
      setPending(false);
    }
  };
  return (
    <main className="admin-auth">
      <div className="admin-auth-lang">
        <LanguageSwitch />
      </div>
      <form className="admin-card admin-auth-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <p className="admin-brand">{t("shell.title")}</p>
        <h1>{t("login.title")}</h1>
        <div className="field">
          <label htmlFor={userId}>{t("login.username")}</label>
          <input id={userId} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor={passId}>{t("login.password")}</label>
          <input
            id={passId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorLine error={error} />
        <button type="submit" className="primary wide" disabled={pending}>
          {pending ? t("common.working") : t("login.submit")}
        </button>
        <p className="muted small">{t("login.hint")}</p>
      </form>
    </main>
  );
}
