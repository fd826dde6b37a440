// 督办提醒: per lead department, its overdue (逾期) and due-soon (临期) items with links; the
// secretariat sees every department, a department user only its own.
import { useCallback } from "react";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { Link } from "../../routing/Link.tsx";
import { useSession } from "../session/session.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { usePunct } from "./punct.ts";
import { viewerOf } from "./actions.ts";
import { FlagBadge, StateBadge } from "./Badges.tsx";
import { daysLeft } from "./format.ts";
import { ledgerApi } from "./ledgerApi.ts";
import { itemPath, LedgerNav } from "./LedgerNav.tsx";

export function RemindersPage() {
  const { t } = useAdminT();
  const { account } = useSession();
  const secretariat = viewerOf(account).role === "secretariat";
  const reminders = useResource(useCallback(() => ledgerApi.reminders(), []));
  const departments = reminders.data?.departments.filter((d) => d.overdue.length + d.dueSoon.length > 0);
  return (
    <section className="admin-page ledger-page">
      <LedgerNav secretariat={secretariat} />
      <h1>{t("ledger.reminders.title")}</h1>
      <p className="muted">{secretariat ? t("ledger.reminders.intro") : t("ledger.reminders.introDepartment")}</p>
      <ErrorLine error={reminders.error} onRetry={reminders.reload} />
      {!reminders.data && !reminders.error && <Loading />}
      {departments && departments.length === 0 && (
        <p className="muted empty" role="status" data-testid="ledger-reminders-none">
          {t("ledger.reminders.none")}
        </p>
      )}
      <div className="ledger-reminders">
        {departments?.map(({ department, overdue, dueSoon }) => (
          <section key={department.id} className="admin-card ledger-reminder" aria-labelledby={`reminder-${department.id}`} data-testid="ledger-reminder">
            <h2 id={`reminder-${department.id}`}>{department.id === "" ? t("ledger.list.unassigned") : department.name}</h2>
            {overdue.length > 0 && <ReminderList heading={t("ledger.reminders.overdue", { count: overdue.length })} items={overdue} />}
            {dueSoon.length > 0 && <ReminderList heading={t("ledger.reminders.dueSoon", { count: dueSoon.length })} items={dueSoon} />}
          </section>
        ))}
      </div>
    </section>
  );
}

function ReminderList({ heading, items }: { heading: string; items: LedgerItemJson[] }) {
  const { t } = useAdminT();
  const p = usePunct();
  const when = (deadline: string) => {
    const days = daysLeft(deadline);
    return days < 0
      ? t("ledger.reminders.daysOverdue", { count: -days })
      : days === 0
        ? t("ledger.reminders.dueToday")
        : t("ledger.reminders.daysLeft", { count: days });
  };
  return (
    <>
      <h3>{heading}</h3>
      <ul className="ledger-reminder-list">
        {items.map((item) => (
          <li key={item.id} data-testid="ledger-reminder-item" data-item-id={item.id}>
            <Link to={itemPath(item.id)}>
              {item.number}. {item.title}
            </Link>
            <div className="ledger-reminder-meta">
              <FlagBadge flag={item.flag} />
              <StateBadge state={item.state} />
              {item.deadline && (
                <span className="small">
                  {item.deadline}
                  {p.paren(when(item.deadline))}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
