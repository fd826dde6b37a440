// State, origin and deadline badges: an icon and a word, never colour alone.
import type { DeadlineFlag } from "@core/ledger/deadline.ts";
import type { LedgerState } from "@core/ledger/item.ts";
import { Icon } from "../../components/Icon.tsx";
import { useAdminT } from "../ui/useAdminT.ts";

const STATE_MARK: Record<LedgerState, string> = { new: "○", assigned: "→", in_progress: "◔", answered: "↩", closed: "✓" };

export function StateBadge({ state }: { state: LedgerState }) {
  const { t } = useAdminT();
  return (
    <span className={`badge ledger-state ledger-state-${state}`} data-testid="ledger-state" data-state={state}>
      <span aria-hidden="true">{STATE_MARK[state]}</span> {t(`ledger.state.${state}`)}
    </span>
  );
}

/** 议定事项: a meeting's decision, told apart from suggestions in the list and on the item page. */
export function OriginBadge() {
  const { t } = useAdminT();
  return (
    <span className="badge ledger-origin" data-testid="ledger-origin">
      <span aria-hidden="true">◆</span> {t("ledger.origin.decision")}
    </span>
  );
}

export function FlagBadge({ flag }: { flag: DeadlineFlag | null }) {
  const { t } = useAdminT();
  if (!flag) return null;
  return (
    <span className={`badge ledger-flag ledger-flag-${flag}`} data-testid="ledger-flag" data-flag={flag}>
      <Icon name={flag === "overdue" ? "warning" : "clock"} /> {t(`ledger.flag.${flag}`)}
    </span>
  );
}
