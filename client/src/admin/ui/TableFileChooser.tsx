import { useId, type ChangeEvent } from "react";

/** A spreadsheet to import (CSV or XLSX): a hidden file input behind a button-styled label. */
export function TableFileChooser({
  label,
  hintId,
  busy,
  onChoose,
  testId,
  autoFocus = false,
}: {
  label: string;
  hintId: string;
  busy: boolean;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => void;
  testId: string;
  autoFocus?: boolean;
}) {
  const inputId = useId();
  return (
    <div className="upload">
      <input
        id={inputId}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        aria-describedby={hintId}
        disabled={busy}
        onChange={onChoose}
        {...(autoFocus ? { "data-autofocus": true } : {})}
        data-testid={testId}
      />
      <label htmlFor={inputId} className="button" aria-disabled={busy}>
        {label}
      </label>
    </div>
  );
}
