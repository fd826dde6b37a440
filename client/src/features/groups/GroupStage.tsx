// 分组讨论 for a member: while the plenary's groups meet, this page leaves the plenary's screen for
// the group's meeting — a second connection with the join token `groups.enter` answers on the
// plenary's socket — under a banner the plenary connection keeps up to date (the group, its place,
// the latest notice, the call back's countdown). When the groups close (or the plenary connection
// ends), the group's connection closes and the plenary's screen comes back.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { PlenaryGroup } from "@core/groups/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import type { CoreError } from "@core/errors.ts";
import { MeetingConnection, type LocalErrorCode } from "../../connection/meetingConnection.ts";
import { ConnectionContext, useConnection, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { myGroup, latestNotice } from "./groupStage.ts";
import { recallRemainingMs } from "./groupsView.ts";
import "./groupStage.css";

/** After a failure that may pass (offline, no answer in time), the entry is asked for again. */
const RETRY_MS = 3_000;
/** How long 已回到全体会议 stays. */
const BACK_NOTICE_MS = 12_000;

type Failure = { localError: LocalErrorCode } | { error: CoreError };
type Entry = { meetingId: string; connection: MeetingConnection } | { meetingId: string; failure: Failure };

/**
 * Wraps the meeting's screen (`screen`, rendered under the nearest ConnectionContext): the
 * plenary's, or while I am in a running group that group's, inside its own ConnectionContext.
 * A reload or reconnect while the groups meet asks `groups.enter` again and lands in the group.
 */
export function GroupStage({ screen }: { screen: ReactNode }) {
  const { t } = useTranslation();
  const plenary = useConnection();
  const { state, welcome, status } = useMeeting();
  const group = state && welcome ? myGroup(state.groups, state.roster, welcome.me, welcome.display) : null;
  const ended = status === "ended" || status === "refused";
  const target = group && !ended ? group.meetingId : null;
  const [entry, setEntry] = useState<Entry | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [back, setBack] = useState(false);

  useEffect(() => {
    if (target === null) return;
    let cancelled = false;
    let connection: MeetingConnection | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void plenary.groupsEnter().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        // A connection of its own: the plenary's token in this tab's storage stays as it is.
        connection = new MeetingConnection(result.token);
        setEntry({ meetingId: target, connection });
        return;
      }
      setEntry({ meetingId: target, failure: "localError" in result ? { localError: result.localError } : { error: result.error } });
      if ("localError" in result) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    });
    return () => {
      cancelled = true;
      clearTimeout(retry);
      connection?.close();
      setEntry(null);
    };
  }, [target, plenary, attempt]);

  // 已回到全体会议: once, when the groups closed while this page was in one (not after a reload).
  const [shown, setShown] = useState<string | null>(null);
  if (target !== shown) {
    setShown(target);
    setBack(target === null && shown !== null && !ended);
  }
  useEffect(() => {
    if (!back) return;
    const timer = setTimeout(() => setBack(false), BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [back]);

  if (!group || target === null) {
    return (
      <>
        {back && (
          <div className="banner group-back" role="status" data-testid="group-back">
            <Icon name="check" /> {t("groupStage.back")}
          </div>
        )}
        {screen}
      </>
    );
  }
  const current = entry?.meetingId === target ? entry : null;
  return (
    <div className="group-stage" data-testid="group-stage" data-group={group.groupId}>
      <GroupBanner group={group} />
      {current && "connection" in current ? (
        <ConnectionContext.Provider key={current.meetingId} value={current.connection}>
          {screen}
        </ConnectionContext.Provider>
      ) : current && "failure" in current ? (
        <div className="center-notice" role="alert" data-testid="group-enter-failed">
          <p>
            {t("groupStage.enterFailed", {
              message: "localError" in current.failure ? t(`error.${current.failure.localError}`) : current.failure.error.message[currentLanguage()],
            })}
          </p>
          {!("localError" in current.failure) && (
            <button type="button" onClick={() => setAttempt((n) => n + 1)} data-testid="group-enter-retry">
              {t("groupStage.retry")}
            </button>
          )}
        </div>
      ) : (
        <div className="center-notice" role="status" data-testid="group-entering">
          {t("groupStage.entering", { name: group.name })}
        </div>
      )}
    </div>
  );
}

/** 分组讨论 · 第一组 · 第二会议室, the latest notice (read out once) and, while calling back, the time left. */
function GroupBanner({ group }: { group: PlenaryGroup }) {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const now = useServerNow(500);
  if (!state) return null;
  const place = group.place ?? welcome?.meeting.place ?? null;
  const notice = latestNotice(state.groups);
  const recall = recallRemainingMs(state.groups, now);
  return (
    <header className="group-banner" data-testid="group-banner">
      <p className="group-banner-title" data-testid="group-banner-title">
        {place ? t("groupStage.bannerPlace", { name: group.name, place }) : t("groupStage.banner", { name: group.name })}
      </p>
      {recall !== null && (
        <p className="group-banner-recall" role="timer" data-testid="group-recall">
          <Icon name="clock" /> {recall > 0 ? t("groupStage.recall", { clock: formatClock(recall) }) : t("groupStage.recallNow")}
        </p>
      )}
      {/* Polite: a new notice is read out once, without interrupting. */}
      <p className="group-banner-notice" role="status" aria-live="polite" data-testid="group-notice">
        {notice ? t("groupStage.notice", { text: notice.text }) : ""}
      </p>
    </header>
  );
}
