import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./confirmDialog.css";
import { DialogLiveRegion } from "./announcer/LiveAnnouncer.tsx";

/** What a weighty action asks before it runs (结束发言, 结束表决, 宣布开会 below quorum, 宣布散会). */
export interface ConfirmRequest {
  title: string;
  body?: ReactNode;
  /** The button that does it, named after the action (结束发言), never a bare 确定. */
  confirmLabel: string;
  /** `data-testid` of the dialog (its buttons are `<testId>-cancel` and `<testId>-confirm`). */
  testId: string;
}

/**
 * A modal confirmation on the native <dialog>: focus is trapped, the safe choice (取消) has the
 * focus so Enter never does the weighty thing by accident, Esc cancels, Tab reaches 确认.
 */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const answer = useRef(onAnswer);
  useEffect(() => {
    answer.current = onAnswer;
  }, [onAnswer]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      answer.current(false);
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={request.body ? bodyId : undefined}
      data-testid={request.testId}
    >
      <h2 id={titleId}>{request.title}</h2>
      {request.body && (
        <div id={bodyId} className="confirm-dialog-body">
          {request.body}
        </div>
      )}
      <div className="confirm-dialog-actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={() => onAnswer(false)} data-testid={`${request.testId}-cancel`}>
          {t("confirm.cancel")}
        </button>
        <button type="button" className="danger" onClick={() => onAnswer(true)} data-testid={`${request.testId}-confirm`}>
          {request.confirmLabel}
        </button>
      </div>
      <DialogLiveRegion />
    </dialog>
  );
}

/**
 * `const [confirm, dialog] = useConfirm()`: `await confirm({...})` shows the dialog and resolves
 * true on 确认, false on 取消 or Esc; render `dialog` somewhere in the component.
 */
export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [open, setOpen] = useState<{ request: ConfirmRequest; resolve: (confirmed: boolean) => void } | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setOpen((current) => {
          // A second request while one is shown (a double key press) answers the first with no.
          current?.resolve(false);
          return { request, resolve };
        });
      }),
    [],
  );
  const dialog = open && (
    <ConfirmDialog
      key={open.request.testId}
      request={open.request}
      onAnswer={(confirmed) => {
        setOpen(null);
        open.resolve(confirmed);
      }}
    />
  );
  return [confirm, dialog];
}
