import { Icon } from "../../components/Icon.tsx";
import { errorText, useAdminT } from "./useAdminT.ts";

/** A refusal or failure, with an icon so it does not rely on colour. */
export function ErrorLine({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useAdminT();
  if (!error) return null;
  return (
    <div className="admin-error" role="alert" data-testid="admin-error">
      <Icon name="warning" /> <span>{errorText(error)}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t("errors.retry")}
        </button>
      )}
    </div>
  );
}

/** A success note, announced politely to screen readers. */
export function SuccessLine({ text, testId }: { text: string | null; testId?: string }) {
  return (
    <div className="admin-success-slot" role="status" aria-live="polite" data-testid={testId}>
      {text && (
        <span className="admin-success">
          <CheckIcon /> {text}
        </span>
      )}
    </div>
  );
}

export function CheckIcon() {
  return (
    <svg className="icon-svg" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
    </svg>
  );
}

export function Loading() {
  const { t } = useAdminT();
  return (
    <p className="muted" role="status">
      {t("shell.loading")}
    </p>
  );
}
