import { useId, useState, type FormEvent } from "react";
import { PasswordTooWeakDetails } from "@core/api/accounts.ts";
import { api, HttpError, type Bilingual } from "../api.ts";
import { ErrorLine } from "../ui/Feedback.tsx";
import { bilingual, useAdminT } from "../ui/useAdminT.ts";

const MIN_LENGTH = 10;

/** The server's particular reason for refusing the new password (repeated letters, a common password …). */
const weakReason = (error: unknown): Bilingual | undefined =>
  error instanceof HttpError && error.code === "PASSWORD_TOO_WEAK" ? PasswordTooWeakDetails.safeParse(error.details).data?.reason : undefined;

/** Current password, new password twice; the server ends the account's other sessions. */
export function ChangePasswordForm({ username, onDone, onCancel }: { username: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useAdminT();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const ids = { current: useId(), next: useId(), repeat: useId(), rule: useId(), reason: useId() };
  const reason = weakReason(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (next.length < MIN_LENGTH) return setLocalError(t("password.tooShort"));
    if (next !== repeat) return setLocalError(t("password.mismatch"));
    setLocalError(null);
    setPending(true);
    try {
      await api.changePassword(current, next);
      onDone();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} data-testid="password-form" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <div className="field">
        <label htmlFor={ids.current}>{t("password.current")}</label>
        <input id={ids.current} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>{t("password.new")}</label>
        <input
          id={ids.next}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          aria-invalid={reason ? true : undefined}
          aria-describedby={reason ? `${ids.reason} ${ids.rule}` : ids.rule}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <span id={ids.rule} className="hint">
          {t("password.rule")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.repeat}>{t("password.repeat")}</label>
        <input id={ids.repeat} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </div>
      {localError && <ErrorLine error={new Error(localError)} />}
      <ErrorLine error={error} />
      {reason && (
        <p id={ids.reason} className="hint" data-testid="password-reason">
          {bilingual(reason)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("common.saving") : t("password.submit")}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t("password.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
