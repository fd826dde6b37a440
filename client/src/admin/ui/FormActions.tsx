import { ErrorLine } from "./Feedback.tsx";
import { useAdminT } from "./useAdminT.ts";

/** A form's footer: its error, the submit button (saying so while pending) and 取消. */
export function FormActions({
  error,
  pending,
  disabled = false,
  label,
  pendingLabel,
  onCancel,
  testId,
}: {
  error: unknown;
  pending: boolean;
  disabled?: boolean;
  label: string;
  /** Default: 正在保存… */
  pendingLabel?: string;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useAdminT();
  return (
    <>
      <ErrorLine error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending || disabled} data-testid={testId}>
          {pending ? (pendingLabel ?? t("common.saving")) : label}
        </button>
        <button type="button" onClick={onCancel} disabled={pending}>
          {t("common.cancel")}
        </button>
      </div>
    </>
  );
}
