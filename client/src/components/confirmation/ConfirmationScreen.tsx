import { useEffect, useId, useRef, type ReactNode } from "react";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { DocumentText, type DocumentLine } from "./DocumentText.tsx";
import "./confirmationScreen.css";
import { DialogLiveRegion } from "../announcer/LiveAnnouncer.tsx";

/** `data-testid`s of the screen's parts, so each document keeps the ids its tests know. */
export interface ConfirmationTestIds {
  screen: string;
  text: string;
  code: string;
  confirm: string;
  cancel?: string;
  name?: string;
}

export interface ConfirmationScreenProps {
  testIds: ConfirmationTestIds;
  title: string;
  /** Under the title (the version, the signer's label). */
  intro?: ReactNode;
  /** The full text, scrolling inside the screen. */
  lines: readonly DocumentLine[];
  code: { label: string; value: string; hint: string };
  /** The name the signer types; absent when no name is typed. */
  name?: { label: string; value: string; onChange: (value: string) => void };
  /** Under the name: the drawn signature pad, when the document takes one. */
  slot?: ReactNode;
  /** A refusal or failure said on the screen itself (not behind it). */
  error?: { message: string | null; onClose: () => void };
  /** Shown instead of the name, the slot and the buttons (e.g. the reason of a refusal and its buttons). */
  alternative?: ReactNode;
  /** Buttons between 返回 and 确认 (e.g. 不同意签署). */
  extraActions?: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  /** An answer under way: both buttons wait. */
  pending: boolean;
  /** 确认 waits for more than `pending` (e.g. a name still to type). */
  confirmDisabled?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * One screen to confirm a document by: its full text scrolling inside, and always in view below it
 * the confirmation code, the typed name, an optional slot (the drawn signature), 返回 and 确认, and
 * the error. A modal <dialog> filling a phone; Esc is 返回. Used by the chiefs' 确认签署 of a
 * collective contract and the parties' of a 调解协议书.
 */
export function ConfirmationScreen(props: ConfirmationScreenProps) {
  const { testIds, name, pending } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Opened once: the meeting's updates re-render the card, which must not close and reopen the text (its scroll).
  const cancelled = useRef(props.onCancel);
  useEffect(() => {
    cancelled.current = props.onCancel;
  }, [props.onCancel]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      cancelled.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className="confirmation-screen" aria-labelledby={titleId} data-testid={testIds.screen}>
      <header>
        <h2 id={titleId}>{props.title}</h2>
        {props.intro && <p className="muted small">{props.intro}</p>}
      </header>
      <DocumentText lines={props.lines} testId={testIds.text} focusable />
      <footer className="confirmation-footer">
        {props.error && <ErrorNotice message={props.error.message} onClose={props.error.onClose} />}
        <div className="confirmation-code">
          <span>{props.code.label}</span>
          <strong data-testid={testIds.code}>{props.code.value}</strong>
          <span className="muted small">{props.code.hint}</span>
        </div>
        {props.alternative ?? (
          <>
            {name && (
              <label className="confirmation-name">
                {name.label}
                <input value={name.value} onChange={(e) => name.onChange(e.target.value)} autoComplete="name" data-testid={testIds.name} />
              </label>
            )}
            {props.slot}
            <ConfirmationActions>
              <button type="button" onClick={props.onCancel} disabled={pending} data-testid={testIds.cancel}>
                {props.cancelLabel}
              </button>
              {props.extraActions}
              <button type="button" className="primary" disabled={pending || props.confirmDisabled} onClick={props.onConfirm} data-testid={testIds.confirm}>
                {props.confirmLabel}
              </button>
            </ConfirmationActions>
          </>
        )}
      </footer>
      <DialogLiveRegion />
    </dialog>
  );
}

/** The screen's row of buttons (返回 … 确认), also for what an `alternative` offers. */
export function ConfirmationActions({ children }: { children: ReactNode }) {
  return <div className="confirmation-actions">{children}</div>;
}
