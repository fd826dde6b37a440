// A request's reply deadline at a glance: days left, due today, overdue (warning), or the reply
// (accepted / declined, marked late when it came after the deadline).
import type { BargainingRequest } from "@core/api/bargainingRequests.ts";
import { Icon } from "../../components/Icon.tsx";
import { useBargainingRequestsT } from "../../i18n/bargainingRequests.ts";

export function DeadlineBadge({ request }: { request: BargainingRequest }) {
  const { t } = useBargainingRequestsT();
  const { reply, deadlineState, daysLeft } = request;
  if (reply)
    return (
      <span data-testid="request-state">
        <span className={reply.answer === "accepted" ? "badge badge-on" : "badge badge-off"}>{t(`state.${reply.answer}`)}</span>
        {reply.late && (
          <span className="badge badge-warn">
            <Icon name="warning" /> {t("state.late")}
          </span>
        )}
        <span className="muted small"> {t("state.repliedOn", { date: reply.repliedOn, by: reply.repliedBy })}</span>
      </span>
    );
  if (deadlineState === "overdue")
    return (
      <span className="badge badge-warn" data-testid="request-state">
        <Icon name="warning" /> {t("state.overdue", { count: -(daysLeft ?? 0) })}
      </span>
    );
  return (
    <span className={daysLeft === 0 ? "badge badge-warn" : "badge"} data-testid="request-state">
      {daysLeft === 0 ? t("state.dueToday") : t("state.waiting", { count: daysLeft ?? 0 })}
    </span>
  );
}
