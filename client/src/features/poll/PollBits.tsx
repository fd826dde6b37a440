import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { Poll } from "@core/poll/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { pollRemainingMs } from "./polls.ts";

/** 草稿 / 进行中 / 已结束 / 已公布, as text (the colour only repeats it). */
export function PollStatusBadge({ poll }: { poll: Pick<Poll, "status"> }) {
  const { t } = useTranslation();
  return (
    <span className={`poll-status poll-status-${poll.status}`} data-testid="poll-status">
      {t(`poll.status.${poll.status}`)}
    </span>
  );
}

/**
 * 已投 N · 应到 M 户 · 实到 K 户: ballots (voting units) so far from the ballot box, against the
 * frozen list's bases. Two parts, so the room display can set the running count larger than the bases.
 */
export function PollTurnout({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const { polls } = useMeeting();
  const eligible = poll.eligible.length;
  const present = poll.eligible.filter((u) => u.present).length;
  const unit = t(poll.definition.eligibility.perHousehold ? "poll.unitHousehold" : "poll.unitPerson");
  // After the close the result carries the final count (ballots and raised hands).
  const ballots = poll.result ? poll.result.ballots + poll.result.hands : polls.turnout[poll.pollId];
  return (
    <span className="poll-turnout" data-testid="poll-turnout">
      <span className="poll-turnout-cast">{t("poll.turnoutCast", { ballots: ballots ?? "—" })}</span>
      <span className="poll-turnout-bases">{t("poll.turnoutBases", { eligible, present, unit })}</span>
    </span>
  );
}

/** 剩余 m:ss for a poll that closes by itself; nothing otherwise. */
export function PollCountdown({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const now = useServerNow(500);
  const remaining = poll.status === "open" ? pollRemainingMs(poll, now) : null;
  if (remaining === null) return null;
  return (
    <span className={`poll-countdown${remaining <= 60_000 ? " poll-countdown-warning" : ""}`} role="timer" data-testid="poll-countdown">
      <Icon name="clock" /> {t("poll.closesIn", { time: formatClock(remaining) })}
    </span>
  );
}
