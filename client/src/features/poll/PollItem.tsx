import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { Poll } from "@core/poll/schema.ts";
import { openWarnings, type OpenWarning } from "@core/poll/warnings.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";
import { HandsEntry } from "./HandsEntry.tsx";
import { PaperProxyEntry } from "./PaperProxyEntry.tsx";
import { LiveTally } from "./LiveTally.tsx";
import { PollCountdown, PollStatusBadge, PollTurnout } from "./PollBits.tsx";
import { PollAuditCheck } from "./PollAuditCheck.tsx";
import { PollResultView } from "./PollResultView.tsx";
import { PollVoters } from "./PollVoters.tsx";
import { usePollText } from "./usePollText.ts";

/**
 * One poll in the chair's (and clerk's) list: what it is, and the step it is at:
 * 草稿 → 开始表决 (or 删除; when the rule is out of reach or the meeting below its quorum, the
 * warnings first and 仍然开始表决); 进行中 → turnout, countdown, live tally, show of hands, 结束表决;
 * 已结束 → the result and 公布结果; 已公布 → the result. `mayRun`: may open, close and publish;
 * `handsOpen`: the show-of-hands entry starts open (the clerk's job; the chair opens it when needed).
 * `staff`: the chair or the clerk, who enter paper ballots and record proxies while it is open.
 */
export function PollItem({
  poll,
  run,
  pending,
  mayRun,
  initiallyOpen,
  handsOpen,
  staff,
}: {
  poll: Poll;
  run: (command: Command) => Promise<boolean>;
  pending: boolean;
  mayRun: boolean;
  initiallyOpen: boolean;
  handsOpen: boolean;
  staff: boolean;
}) {
  const { t } = useTranslation();
  const text = usePollText();
  // Unset: follow the default (the latest finished poll is open), so a poll that just closed stays in view.
  const [toggled, setExpanded] = useState<boolean | null>(null);
  const { state, polls } = useMeeting();
  const [warnings, setWarnings] = useState<OpenWarning[] | null>(null);
  const [confirm, dialog] = useConfirm();
  // 结束表决 asks first: no ballot can be cast afterwards.
  const close = async () => {
    const ok = await confirm({
      title: t("confirm.closePollTitle"),
      body: <p>{t("confirm.closePollBody", { title: poll.definition.title, ballots: polls.turnout[poll.pollId] ?? 0, eligible: poll.eligible.length })}</p>,
      confirmLabel: t("confirm.closePoll"),
      testId: "confirm-close-poll",
    });
    if (ok) void run({ type: "poll.close", pollId: poll.pollId });
  };
  const open = (confirmed: boolean) => {
    const found = state && !confirmed ? openWarnings(state, poll) : [];
    if (found.length > 0) return setWarnings(found);
    setWarnings(null);
    void run({ type: "poll.open", pollId: id, ...(confirmed ? { confirmed: true } : {}) });
  };
  const expanded = toggled ?? initiallyOpen;
  const live = poll.status === "draft" || poll.status === "open";
  const showBody = live || expanded;
  const id = poll.pollId;
  return (
    <li className={`poll-item poll-item-${poll.status}`} data-testid="poll-item" data-status={poll.status}>
      <div className="poll-item-head">
        <PollStatusBadge poll={poll} />
        {live ? (
          <span className="poll-item-title" data-testid="poll-item-title">
            {poll.definition.title}
          </span>
        ) : (
          <button type="button" className="link poll-item-title" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} data-testid="poll-item-title">
            <span aria-hidden="true">{expanded ? "▾" : "▸"}</span> {poll.definition.title}
          </button>
        )}
      </div>
      <p className="poll-item-meta muted small">
        {t(`poll.formShort.${poll.definition.form}`)}
        {poll.definition.seats !== undefined && ` · ${t("poll.seatsShort", { n: poll.definition.seats })}`} ·{" "}
        {poll.definition.secret ? t("poll.secret") : t("poll.named")} · {text.rule(poll)}
      </p>
      {showBody && (
        <div className="poll-item-body">
          {poll.status === "open" && (
            <p className="poll-progress">
              <PollTurnout poll={poll} /> <PollCountdown poll={poll} />
            </p>
          )}
          <PollVoters poll={poll} />
          <LiveTally poll={poll} />
          {poll.status === "open" && <HandsEntry poll={poll} run={run} pending={pending} defaultOpen={handsOpen} />}
          {poll.status === "open" && staff && <PaperProxyEntry poll={poll} run={run} pending={pending} />}
          {poll.result && <PollResultView poll={poll} result={poll.result} />}
          {poll.result && <PollAuditCheck poll={poll} result={poll.result} />}
          {mayRun && warnings && poll.status === "draft" && (
            <div className="poll-open-warnings" role="alertdialog" aria-labelledby={`${id}-warn`} data-testid="poll-open-warnings">
              <p id={`${id}-warn`}>
                <strong>{t("poll.confirmTitle")}</strong>
              </p>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i} data-testid="poll-open-warning" data-kind={w.kind}>
                    {w.kind === "unreachable" &&
                      t("poll.warnUnreachable", {
                        clause: text.clause(poll, w.clause),
                        best: w.best,
                        base: w.base,
                        baseName: text.base(poll, w.clause.base, w.clause.measure === "weight"),
                      })}
                    {w.kind === "quorumUnreachable" && t("poll.warnQuorumUnreachable", { best: w.best, base: w.base })}
                    {w.kind === "meetingBelowQuorum" && t("poll.warnMeetingBelowQuorum", { present: w.present, needed: w.needed })}
                  </li>
                ))}
              </ul>
              <div className="poll-buttons">
                {/* The safe choice has the focus: Enter must not open a poll the chair was just warned about. */}
                <button type="button" className="secondary" onClick={() => setWarnings(null)} data-testid="poll-open-cancel" autoFocus>
                  {t("poll.cancel")}
                </button>
                <button type="button" className="danger" disabled={pending} onClick={() => open(true)} data-testid="poll-open-confirm">
                  {t("poll.confirmOpen")}
                </button>
              </div>
            </div>
          )}
          {mayRun && !(warnings && poll.status === "draft") && (
            <div className="poll-buttons">
              {poll.status === "draft" && (
                <>
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending}
                    onClick={() => void run({ type: "poll.discard", pollId: id })}
                    data-testid="poll-discard"
                  >
                    {t("poll.discard")}
                  </button>
                  <button type="button" className="primary" disabled={pending} onClick={() => open(false)} data-testid="poll-open">
                    {t("poll.open")}
                  </button>
                </>
              )}
              {poll.status === "open" && (
                <button type="button" className="danger" disabled={pending} onClick={() => void close()} data-testid="poll-close">
                  {t("poll.close")}
                </button>
              )}
              {poll.status === "closed" && (
                <button
                  type="button"
                  className="primary"
                  disabled={pending}
                  onClick={() => void run({ type: "poll.publish", pollId: id })}
                  data-testid="poll-publish"
                >
                  {t("poll.publish")}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {dialog}
    </li>
  );
}
