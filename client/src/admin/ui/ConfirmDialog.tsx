import { useState } from "react";
import { Dialog } from "./Dialog.tsx";
import { ErrorLine } from "./Feedback.tsx";
import { useAdminT } from "./useAdminT.ts";

/** Asks before a consequential action; shows the server's refusal inside the dialog. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves when done (the dialog then closes); a rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useAdminT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" onClick={onClose} disabled={pending} data-autofocus>
            {t("common.cancel")}
          </button>
          <button type="button" className={danger ? "danger" : "primary"} onClick={() => void confirm()} disabled={pending} data-testid="confirm">
            {pending ? t("common.working") : confirmLabel}
          </button>
        </>
      }
    >
      <p>{text}</p>
      <ErrorLine error={error} />
    </Dialog>
  );
}
