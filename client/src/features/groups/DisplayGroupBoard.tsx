// The room display (大屏) while the plenary's groups meet: every group as a card — its name, its
// place, who speaks there now with their countdown (or 暂无发言) —, the call back's countdown and
// the latest notice. Read from the back of the room: up to 20 groups on one 1920×1080 screen.
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { PlenaryGroup } from "@core/groups/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { useDisplayName, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { boardColumns, groupsRunning, latestNotice, progressSpeaker } from "./groupStage.ts";
import { groupSpeakerClock, recallRemainingMs } from "./groupsView.ts";
import "./groupStage.css";

/** Whether the display shows the groups instead of the plenary's floor. */
export function useGroupsOnDisplay(): boolean {
  const { state } = useMeeting();
  return state !== null && groupsRunning(state.groups.phase);
}

export function DisplayGroupBoard() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const now = useServerNow();
  if (!state) return null;
  const groups = state.groups.groups.filter((g) => g.meetingId !== null);
  const recall = recallRemainingMs(state.groups, now);
  const notice = latestNotice(state.groups);
  const columns = boardColumns(groups.length);
  const rows = Math.max(1, Math.ceil(groups.length / columns));
  return (
    <main className="display-groups" data-testid="display-groups">
      <div className="display-groups-head">
        <p className="display-groups-title">
          {t("groupStage.display.title")} <span className="muted">· {t("groupStage.display.count", { count: groups.length })}</span>
        </p>
        {recall !== null && (
          <p className="display-groups-recall" role="timer" data-testid="display-groups-recall">
            <Icon name="clock" /> {t("groupStage.display.recall", { clock: formatClock(recall) })}
          </p>
        )}
        {notice && (
          <p className="display-groups-notice" data-testid="display-groups-notice">
            {t("groupStage.notice", { text: notice.text })}
          </p>
        )}
      </div>
      <ol
        className={`display-groups-grid${groups.length > 12 ? " many" : groups.length <= 4 ? " few" : ""}`}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
      >
        {groups.map((g) => (
          <GroupCard key={g.groupId} group={g} place={g.place ?? welcome?.meeting.place ?? null} now={now} />
        ))}
      </ol>
    </main>
  );
}

function GroupCard({ group, place, now }: { group: PlenaryGroup; place: string | null; now: number }) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const speaker = progressSpeaker(group.progress, nameOf);
  const clock = speaker !== null ? groupSpeakerClock(group.progress, now) : null;
  return (
    <li className={`display-group${speaker !== null ? " speaking" : ""}${clock ? ` phase-${clock.phase}` : ""}`} data-testid={`display-group-${group.groupId}`}>
      <p className="display-group-name">{group.name}</p>
      {place && <p className="display-group-place">{place}</p>}
      <div className="display-group-speaker">
        {speaker !== null ? (
          <>
            <span className="display-group-who" data-testid={`display-group-speaker-${group.groupId}`}>
              {speaker}
            </span>
            {clock && (
              <span className="display-group-clock" role="timer" data-testid={`display-group-clock-${group.groupId}`}>
                {clock.paused && <Icon name="pause" />}
                {clock.phase === "overrun" && <Icon name="overrun" />}
                {clock.phase === "warning" && !clock.paused && <Icon name="warning" />} {formatClock(clock.remainingMs)}
              </span>
            )}
          </>
        ) : (
          <span className="display-group-who idle" data-testid={`display-group-speaker-${group.groupId}`}>
            {group.progress?.status === "closed" ? t("groupStage.display.closed") : t("groupStage.display.nobody")}
          </span>
        )}
      </div>
    </li>
  );
}
