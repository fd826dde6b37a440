import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { GroupDefinition, GroupingMethod, GroupsState, PlenaryGroup } from "@core/groups/schema.ts";
import type { Command } from "@core/meeting.ts";
import type { MeetingState } from "@core/state.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useConnection, useDisplayName, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import { GroupPlanner } from "./GroupPlanner.tsx";
import { convenersToCall, groupSpeakerClock, recallRemainingMs } from "./groupsView.ts";
import "./groupsChair.css";

/** The call back's choices (召回): in 5 minutes, in 2, or at once (立即结束). */
const RECALL_SECONDS = [300, 120] as const;
/** Kinds of meeting that never split into groups: a group itself, a bargaining table, a mediation. */
const NO_GROUPS = new Set(["group", "bargaining", "mediation"]);

/** Whether this meeting's chair or clerk sees the groups' panel. */
export const splitsIntoGroups = (state: MeetingState): boolean => state.groupOf === null && !NO_GROUPS.has(state.kind);

const running = (groups: GroupsState) => groups.phase === "open" || groups.phase === "recalling";

/**
 * 分组讨论 for the plenary's chair and clerk, by phase: no groups (or a round over) → the planner;
 * defined → the plan, read-only, with 开始分组讨论 (the chair) and, in a topic round, who chose what;
 * open/recalling → the live board (each group's place, convener, speaker and clock, speeches,
 * report), notices to every group, the call back with its countdown, 进入小组查看; closed → the
 * groups' reports and 请召集人汇报. `slot`: "running" renders only while the groups sit (at the top of
 * the console), "idle" only otherwise (lower down), so the board is in view while it matters.
 */
export function GroupsPanel({ slot }: { slot: "running" | "idle" }) {
  const { t } = useTranslation();
  const uid = useId();
  const { state } = useMeeting();
  const role = useActingRole();
  const { run, pending, error, clearError } = useCommand();
  const [editing, setEditing] = useState(false);
  if (!state || !splitsIntoGroups(state) || (role !== "chair" && role !== "clerk")) return null;
  const groups = state.groups;
  const chair = role === "chair";
  // Right after the groups: at the top, the conveners still to call to report (the reports stay below).
  if (slot === "running" && groups.phase === "closed")
    return chair && state.status === "open" ? (
      <CallReportsStrip count={convenersToCall(state).length} run={run} pending={pending} error={error} clearError={clearError} />
    ) : null;
  if ((slot === "running") !== running(groups)) return null;
  const closedMeeting = state.status === "closed";

  const define = (definition: { method: GroupingMethod; groups: GroupDefinition[] }) =>
    run({ type: "groups.define", ...definition }).then((ok) => {
      if (ok) setEditing(false);
      return ok;
    });
  const planner = (initial: { method: GroupingMethod; groups: readonly GroupDefinition[] } | null, onCancel?: () => void) => (
    <GroupPlanner
      roster={state.roster}
      initial={initial}
      onSubmit={define}
      error={error}
      onClearError={clearError}
      pending={pending}
      readOnly={closedMeeting}
      onCancel={onCancel}
    />
  );
  const definition = groups.method ? { method: groups.method, groups: groups.groups } : null;

  return (
    <section className={`panel groups-panel phase-${groups.phase}`} aria-labelledby={`${uid}-title`} data-testid="groups-panel" data-phase={groups.phase}>
      <h2 id={`${uid}-title`}>
        {t("groupsChair.title")}
        <span className="groups-phase" data-testid="groups-phase">
          {t(`groupsChair.phase.${groups.phase}`)}
        </span>
      </h2>
      {groups.phase === "none" && (
        <details className="groups-plan-fold" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
          <summary data-testid="groups-plan-open">{t("groupsChair.plan.start")}</summary>
          {editing && planner(null)}
        </details>
      )}
      {groups.phase === "defined" &&
        (editing ? (
          planner(definition, () => setEditing(false))
        ) : (
          <DefinedPlan state={state} chair={chair} run={run} pending={pending} onEdit={() => setEditing(true)} error={error} clearError={clearError} />
        ))}
      {running(groups) && <GroupsBoard state={state} chair={chair} run={run} pending={pending} error={error} clearError={clearError} />}
      {groups.phase === "closed" && (
        <>
          <GroupReports state={state} chair={chair} run={run} pending={pending} error={editing ? null : error} clearError={clearError} />
          <details className="groups-plan-fold" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
            <summary data-testid="groups-plan-again">{t("groupsChair.plan.again")}</summary>
            {editing && planner(definition)}
          </details>
        </>
      )}
    </section>
  );
}

interface PartProps {
  state: MeetingState;
  chair: boolean;
  run: (command: Command) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  clearError: () => void;
}

/** At the top of the console once the groups closed, while conveners are still to be called: 请召集人汇报. */
function CallReportsStrip({ count, run, pending, error, clearError }: Pick<PartProps, "run" | "pending" | "error" | "clearError"> & { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <section className="panel groups-strip" aria-label={t("groupsChair.title")} data-testid="groups-reports-strip">
      <ErrorNotice message={error} onClose={clearError} />
      <p>
        <strong>{t("groupsChair.reports.ended")}</strong> {t("groupsChair.reports.toCall", { count })}
      </p>
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() => void run({ type: "groups.callReports" })}
        data-testid="groups-call-reports-top"
      >
        {t("groupsChair.reports.call")}
      </button>
    </section>
  );
}

/** The plan as defined: one row per group, who chose which topic in a topic round, 开始分组讨论. */
function DefinedPlan({ state, chair, run, pending, onEdit, error, clearError }: PartProps & { onEdit: () => void }) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const [confirm, dialog] = useConfirm();
  const groups = state.groups;
  const topic = groups.method === "topic";
  const placed = new Set(groups.groups.flatMap((g) => g.memberIds));
  const unchosen = state.roster.filter((p) => (p.role === "member" || p.role === "official") && !placed.has(p.id)).length;
  const open = async () => {
    const go = await confirm({
      title: t("groupsChair.open.confirmTitle"),
      body: t("groupsChair.open.confirmBody", { count: groups.groups.length }),
      confirmLabel: t("groupsChair.open.button"),
      testId: "confirm-groups-open",
    });
    if (go) await run({ type: "groups.open" });
  };
  return (
    <div className="groups-defined" data-testid="groups-defined">
      <p className="muted small">
        {t(`groupsChair.method.${groups.method ?? "hand"}`)}
        {" · "}
        {t("groupsChair.plan.groupCount", { count: groups.groups.length })}
      </p>
      <div className="table-scroll">
        <table className="groups-table" data-testid="groups-plan-table">
          <thead>
            <tr>
              <th scope="col">{t("groupsChair.field.name")}</th>
              <th scope="col">{t("groupsChair.field.topic")}</th>
              <th scope="col">{t("groupsChair.field.place")}</th>
              <th scope="col">{t("groupsChair.field.convener")}</th>
              <th scope="col">{t("groupsChair.field.clerk")}</th>
              <th scope="col">{t(topic ? "groupsChair.field.chosen" : "groupsChair.field.members")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.groups.map((g) => (
              <tr key={g.groupId} data-testid="groups-plan-row" data-group={g.groupId}>
                <th scope="row">{g.name}</th>
                <td>{g.topic ?? "—"}</td>
                <td>{g.place ?? t("groupsChair.field.placeHint")}</td>
                <td data-testid="groups-plan-convener">{nameOf(g.convenerId) ?? "—"}</td>
                <td data-testid="groups-plan-clerk">{g.clerkId ? (nameOf(g.clerkId) ?? "—") : t("groupsChair.field.noClerk")}</td>
                <td className="num" data-testid="groups-plan-count">
                  {g.memberIds.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {topic && (
        <p className="muted small" data-testid="groups-unchosen">
          {t("groupsChair.plan.unchosenLive", { count: unchosen })}
        </p>
      )}
      <ErrorNotice message={error} onClose={clearError} />
      <div className="button-row">
        {chair && (
          <button type="button" className="primary" disabled={pending || state.status !== "open"} onClick={() => void open()} data-testid="groups-open">
            {t("groupsChair.open.button")}
          </button>
        )}
        <button type="button" className="secondary" disabled={state.status === "closed"} onClick={onEdit} data-testid="groups-edit">
          {t("groupsChair.plan.edit")}
        </button>
      </div>
      {chair && state.status !== "open" && <p className="muted small">{t("groupsChair.open.needsOpenMeeting")}</p>}
      {dialog}
    </div>
  );
}

/** The live board: the call back (with its countdown), notices, and one card per group. */
function GroupsBoard({ state, chair, run, pending, error, clearError }: PartProps) {
  const { t } = useTranslation();
  const now = useServerNow(500);
  const nameOf = useDisplayName();
  const connection = useConnection();
  const { time } = useMeetingTime();
  const [confirm, dialog] = useConfirm();
  const [notice, setNotice] = useState("");
  const [enterError, setEnterError] = useState<string | null>(null);
  const groups = state.groups;
  const left = recallRemainingMs(groups, now);

  const recall = async (seconds: number) => {
    if (seconds === 0) {
      const go = await confirm({
        title: t("groupsChair.recall.nowTitle"),
        body: t("groupsChair.recall.nowBody"),
        confirmLabel: t("groupsChair.recall.now"),
        testId: "confirm-groups-close",
      });
      if (!go) return;
    }
    await run({ type: "groups.recall", seconds });
  };
  const send = async () => {
    if (await run({ type: "groups.notice", text: notice.trim() })) setNotice("");
  };
  const lookIn = async (groupId: string) => {
    setEnterError(null);
    // Opened at the click (a popup opened after an await is blocked), then pointed at the group.
    const tab = window.open("", "_blank");
    const answer = await connection.groupsEnter(groupId);
    if (answer.ok) {
      if (tab) tab.location.href = `/join#t=${answer.token}`;
      else window.open(`/join#t=${answer.token}`, "_blank");
      return;
    }
    tab?.close();
    setEnterError("localError" in answer ? t(`error.${answer.localError}`) : answer.error.message[currentLanguage()]);
  };

  return (
    <div className="groups-live" data-testid="groups-board">
      {left !== null && (
        <div className="recall-banner" role="timer" aria-live="off" data-testid="groups-recall-countdown">
          <Icon name="clock" />
          <span>{t("groupsChair.recall.counting")}</span>
          {/* Whole seconds left, down to 0:00 when the groups close (never 5:01 from a clock estimate a little behind). */}
          <strong className="recall-digits">{formatClock(left)}</strong>
        </div>
      )}
      <ErrorNotice message={error ?? enterError} onClose={() => (clearError(), setEnterError(null))} />
      {chair && (
        <div className="recall-actions" role="group" aria-label={t("groupsChair.recall.title")}>
          <span className="recall-label">{t(left === null ? "groupsChair.recall.title" : "groupsChair.recall.change")}</span>
          {RECALL_SECONDS.map((seconds) => (
            <button
              key={seconds}
              type="button"
              className="secondary"
              disabled={pending}
              onClick={() => void recall(seconds)}
              data-testid={`groups-recall-${seconds}`}
            >
              {t("groupsChair.recall.in", { minutes: seconds / 60 })}
            </button>
          ))}
          <button type="button" className="danger" disabled={pending} onClick={() => void recall(0)} data-testid="groups-recall-0">
            {t("groupsChair.recall.now")}
          </button>
        </div>
      )}
      <form
        className="notice-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (notice.trim()) void send();
        }}
      >
        <label className="field grow">
          <span>{t("groupsChair.notice.label")}</span>
          <input
            type="text"
            maxLength={200}
            value={notice}
            placeholder={t("groupsChair.notice.placeholder")}
            onChange={(e) => setNotice(e.target.value)}
            data-testid="groups-notice-text"
          />
        </label>
        <button type="submit" className="primary" disabled={pending || !notice.trim()} data-testid="groups-notice-send">
          {t("groupsChair.notice.send")}
        </button>
      </form>
      {groups.notices.length > 0 && (
        <ol className="notice-list" aria-label={t("groupsChair.notice.sent")} data-testid="groups-notices">
          {[...groups.notices].reverse().map((n) => (
            <li key={`${n.at}-${n.text}`} data-testid="groups-notice">
              <span className="muted small">{time(n.at)}</span> {n.text}
            </li>
          ))}
        </ol>
      )}
      <ul className="group-cards">
        {groups.groups.map((g) => (
          <GroupCard key={g.groupId} group={g} now={now} nameOf={nameOf} chair={chair} onLookIn={() => void lookIn(g.groupId)} />
        ))}
      </ul>
      {dialog}
    </div>
  );
}

/** One group on the board: where, who convenes, who speaks now and for how long, speeches so far, the report. */
function GroupCard({
  group,
  now,
  nameOf,
  chair,
  onLookIn,
}: {
  group: PlenaryGroup;
  now: number;
  nameOf: (id: string) => string | undefined;
  chair: boolean;
  onLookIn: () => void;
}) {
  const { t } = useTranslation();
  const progress = group.progress;
  const speaker = progress ? ((progress.speakerId ? nameOf(progress.speakerId) : undefined) ?? progress.speakerName) : null;
  const clock = groupSpeakerClock(progress, now);
  return (
    <li className="group-card" data-testid="groups-card" data-group={group.groupId}>
      <div className="group-card-head">
        <strong className="group-card-name" data-testid="groups-card-name">
          {group.name}
        </strong>
        <span className="muted small">{t("groupsChair.people", { count: group.memberIds.length })}</span>
      </div>
      <p className="small group-card-meta">
        <span>{group.place ?? t("groupsChair.field.placeHint")}</span>
        {" · "}
        <span data-testid="groups-card-convener">{t("groupsChair.board.convener", { name: nameOf(group.convenerId) ?? "—" })}</span>
      </p>
      {group.topic && <p className="small muted group-card-topic">{group.topic}</p>}
      <div className={`group-card-floor${speaker ? " speaking" : ""}`} data-testid="groups-card-speaker">
        {speaker ? (
          <>
            <span className="group-card-speaker">{t("groupsChair.board.speaking", { name: speaker })}</span>
            {clock && (
              <span className={`group-card-clock phase-${clock.phase}`} data-testid="groups-card-clock">
                {clock.paused && <Icon name="pause" />}
                {formatClock(clock.remainingMs)}
              </span>
            )}
          </>
        ) : (
          <span className="muted">
            {progress?.status === "open" || !progress ? t("groupsChair.board.nobody") : t(`groupsChair.board.status.${progress.status}`)}
          </span>
        )}
      </div>
      <p className="small group-card-facts">
        <span data-testid="groups-card-speeches">{t("groupsChair.board.speeches", { count: progress?.speeches ?? 0 })}</span>
        {" · "}
        <span data-testid="groups-card-report">
          {group.report ? t("groupsChair.board.reportVersion", { version: group.report.version }) : t("groupsChair.board.noReport")}
        </span>
      </p>
      {chair && (
        <button type="button" className="secondary" disabled={group.meetingId === null} onClick={onLookIn} data-testid="groups-look-in">
          {t("groupsChair.board.lookIn")}
        </button>
      )}
    </li>
  );
}

/** After the groups: each group's report (summary, suggestions, who wrote which version) and 请召集人汇报. */
function GroupReports({ state, chair, run, pending, error, clearError }: PartProps) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const { time } = useMeetingTime();
  const groups = state.groups;
  return (
    <div className="groups-reports" data-testid="groups-reports">
      <ErrorNotice message={error} onClose={clearError} />
      {chair && (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={pending || state.status !== "open" || convenersToCall(state).length === 0}
            onClick={() => void run({ type: "groups.callReports" })}
            data-testid="groups-call-reports"
          >
            {t("groupsChair.reports.call")}
          </button>
          <span className="muted small">{t("groupsChair.reports.callHint")}</span>
        </div>
      )}
      <ol className="reported-groups">
        {groups.groups.map((g) => (
          <li key={g.groupId} className="reported-group" data-testid="groups-report" data-group={g.groupId}>
            <h3>
              {g.name}
              <span className="muted small">
                {" · "}
                {t("groupsChair.board.convener", { name: nameOf(g.convenerId) ?? "—" })}
                {" · "}
                {t("groupsChair.people", { count: g.memberIds.length })}
              </span>
            </h3>
            {g.report ? (
              <>
                <p className="muted small" data-testid="groups-report-version">
                  {t("groupsChair.reports.version", { version: g.report.version, name: g.report.byName, time: time(g.report.at) })}
                </p>
                <p className="reported-summary" data-testid="groups-report-summary">
                  {g.report.summary || t("groupsChair.reports.noSummary")}
                </p>
                {g.report.suggestions.length > 0 && (
                  <>
                    <h4>{t("groupsChair.reports.suggestions", { count: g.report.suggestions.length })}</h4>
                    <ol className="reported-suggestions">
                      {g.report.suggestions.map((s, i) => (
                        <li key={i}>
                          {s.text}
                          {s.by && <span className="muted small">{t("groupsChair.reports.by", { name: s.by })}</span>}
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </>
            ) : (
              <p className="muted" data-testid="groups-report-missing">
                {t("groupsChair.board.noReport")}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
