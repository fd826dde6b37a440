// What is due by when: the filing (§42) or the end of the review (§47), with the days left or overdue.
import type { AgreementReminder } from "@core/bargaining/agreement.ts";
import { useAgreementT } from "../../i18n/agreement.ts";

export function ReminderBadge({ reminder }: { reminder: AgreementReminder }) {
  const { t } = useAgreementT();
  const days =
    reminder.daysLeft < 0
      ? t("reminder.overdue", { count: -reminder.daysLeft })
      : reminder.daysLeft === 0
        ? t("reminder.today")
        : t("reminder.left", { count: reminder.daysLeft });
  return (
    <span className={reminder.overdue || reminder.daysLeft <= 3 ? "badge badge-warn" : "badge"} data-testid="agreement-reminder">
      {t(`reminder.${reminder.kind}`, { due: reminder.due })} · {days}
    </span>
  );
}
