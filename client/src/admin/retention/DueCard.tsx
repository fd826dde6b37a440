// 到期待删: what the next sweep deletes under the saved policy, when the last one ran, and 立即清理.
import { useEffect, useId, useRef, useState } from "react";
import type { RetentionTotals } from "@core/api/retention.ts";
import { api } from "../api.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { deletesAnything } from "./policyForm.ts";
import { formatWhen, TotalsList, useTotalsText } from "./Totals.tsx";
import { useAnnounceAfterDialog } from "./useAnnounceAfterDialog.ts";

export function DueCard({ due, lastSweepAt, onSwept }: { due: RetentionTotals; lastSweepAt: string | null; onSwept: () => void }) {
  const { t } = useAdminT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const say = useAnnounceAfterDialog();
  const totalsText = useTotalsText();
  const [confirming, setConfirming] = useState(false);
  /** What the last sweep run here deleted (shown in the current language). */
  const [result, setResult] = useState<RetentionTotals | null>(null);
  const swept = useRef<RetentionTotals | null>(null);
  const nothing = !deletesAnything(due);
  const sweptText = (deleted: RetentionTotals) =>
    deletesAnything(deleted) ? t("retention.due.swept", { totals: totalsText(deleted) }) : t("retention.due.sweptNothing");

  // The button is disabled once nothing is due: keep the keyboard user's place at the section.
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  return (
    <section className="admin-card retention-due" aria-labelledby={`${id}-heading`} data-testid="retention-due">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t("retention.due.heading")}
      </h2>
      <p className="hint">{t("retention.due.intro")}</p>
      {nothing ? (
        <p className="muted" data-testid="retention-due-none">
          {t("retention.due.none")}
        </p>
      ) : (
        <TotalsList totals={due} testId="retention-due-totals" />
      )}
      <dl className="retention-facts">
        <dt>{t("retention.due.lastSweep")}</dt>
        <dd data-testid="retention-last-sweep">{lastSweepAt ? formatWhen(lastSweepAt) : t("retention.due.neverSwept")}</dd>
      </dl>
      <div className="form-actions">
        <button
          type="button"
          className="danger"
          disabled={nothing}
          aria-describedby={nothing ? `${id}-hint` : undefined}
          onClick={() => {
            swept.current = null;
            setConfirming(true);
          }}
          data-testid="retention-sweep"
        >
          {t("retention.due.sweep")}
        </button>
        {nothing && (
          <span id={`${id}-hint`} className="hint">
            {t("retention.due.sweepHint")}
          </span>
        )}
      </div>
      {result && (
        <p className="admin-success" data-testid="retention-sweep-result">
          {sweptText(result)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("retention.due.confirmTitle")}
          text={t("retention.due.confirmText", { totals: totalsText(due) })}
          confirmLabel={t("retention.due.sweep")}
          danger
          onConfirm={async () => {
            swept.current = (await api.sweepRetention()).deleted;
          }}
          onClose={() => {
            setConfirming(false);
            const deleted = swept.current;
            swept.current = null;
            if (!deleted) return;
            setResult(deleted);
            say(sweptText(deleted));
            onSwept();
          }}
        />
      )}
    </section>
  );
}
