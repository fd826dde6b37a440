import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { GuestChip, KindBadge } from "../floor/KindBadge.tsx";
import { speakerName, upcomingSpeakers } from "../floor/speakingPlan.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";

/**
 * The queue as members and the clerk see it: read-only, their own entry marked, in the order the
 * chair is offered (the suggestion first, then the suggestion after that, …), so 第 N 位 matches it.
 */
export function QueueList() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const queue = state ? upcomingSpeakers(state) : [];
  return (
    <section className="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">
        {t("queue.title")} <span className="muted small">{t("queue.count", { count: queue.length })}</span>
      </h2>
      {queue.length === 0 ? (
        <p className="muted">{t("queue.empty")}</p>
      ) : (
        <ol className="queue" data-testid="queue">
          {queue.map((entry, i) => {
            const p = person(entry.participantId);
            const mine = entry.participantId === welcome?.me.id;
            return (
              <li key={entry.participantId} className={mine ? "mine" : undefined} data-testid="queue-item">
                <span className="pos">{i + 1}</span>
                <span className="name-cell">
                  <span className="name">
                    {speakerName(entry, nameOf)}
                    {mine ? t("queue.you") : ""}
                  </span>
                  <KindBadge kind={entry.kind} />
                  {entry.guestName !== null && <GuestChip />}
                </span>
                <span className="chips" data-testid="queue-item-meta">
                  {[...(p ? [role(p)] : []), ...sectorParty(p)].join(" · ")}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
