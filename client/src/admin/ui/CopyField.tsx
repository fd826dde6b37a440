import { useEffect, useId, useState } from "react";
import { CheckIcon } from "./Feedback.tsx";
import { copyText } from "./clipboard.ts";
import { useAdminT } from "./useAdminT.ts";

/** A read-only URL with 复制 and (optionally) 打开 buttons and a visible 已复制 note. */
export function CopyField({ label, value, openable = false, testId }: { label: string; value: string; openable?: boolean; testId?: string }) {
  const { t } = useAdminT();
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => setState((await copyText(value)) ? "copied" : "failed");
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
        <button type="button" onClick={() => void copy()}>
          {t("common.copy")}
        </button>
        {openable && (
          <a className="button" href={value} target="_blank" rel="noopener noreferrer">
            {t("common.open")}
          </a>
        )}
      </div>
      <div role="status" aria-live="polite" className="copy-field-status">
        {state === "copied" && (
          <span className="admin-success">
            <CheckIcon /> {t("common.copied")}
          </span>
        )}
        {state === "failed" && <span className="admin-warn">{t("errors.copyFailed")}</span>}
      </div>
    </div>
  );
}
