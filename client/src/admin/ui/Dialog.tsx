import { useEffect, useId, useRef, type ReactNode } from "react";
import "./dialog.css";
import { DialogLiveRegion } from "../../components/announcer/LiveAnnouncer.tsx";

/**
 * A modal dialog (mark the element to focus first with data-autofocus) on the native <dialog> element: focus is trapped, Esc closes it, the page
 * behind is inert. Render it only while open.
 */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  className,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element; prefer the one marked data-autofocus.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`admin-dialog ${className ?? ""}`} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      <div className="admin-dialog-body">{children}</div>
      {actions && <div className="admin-dialog-actions">{actions}</div>}
      <DialogLiveRegion />
    </dialog>
  );
}
