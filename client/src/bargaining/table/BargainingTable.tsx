import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { presidingChief } from "@core/bargaining/chairing.ts";
import type { Side } from "@core/bargaining/schema.ts";
import type { Command } from "@core/meeting.ts";
import type { MeetingState } from "@core/state.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName, useMeeting, useRoster } from "../../connection/useMeeting.ts";
import { useLang } from "../../i18n/words.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import { clauseView, dayAndTime, runningCaucuses, tableRights, type TableRights } from "./bargainingTable.ts";
import { CaucusPanel } from "../caucus/CaucusPanel.tsx";
import { ClauseCard } from "./ClauseCard.tsx";
import { SuspendForm } from "./SuspendForm.tsx";
import "./bargainingTable.css";

/**
 * 协商桌: the bargaining session as everyone at it sees it (chiefs, representatives, the recorder,
 * observers). Who presides (and, for that chief, 移交主持, 中止 / 恢复); the caucus banners (the
 * fact and the time only) and, for the own side while it consults, its private notes; the
 * suspension with its agreed resume time; clause by clause the two sides' current offers, their
 * history, 接受 for the chiefs and 提出报价 for the sides' members; 新增条款 for the presiding chief
 * and the recorder. Null outside a bargaining meeting.
 */
export function BargainingTable() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const person = useRoster();
  const { run, pending, error, clearError } = useCommand();
  const [suspending, setSuspending] = useState(false);
  if (!state || !welcome || welcome.display || state.kind !== "bargaining") return null;
  // The live roster's entry: the organisers may change a side or the chief flag during the meeting.
  const me = person(welcome.me.id) ?? welcome.me;
  const rights = tableRights(state, me);
  const clauses = state.bargaining.clauses.map(clauseView);
  return (
    <section className="panel bargaining-table" aria-labelledby="bt-title" data-testid="bargaining-table">
      <header className="bt-head">
        <h2 id="bt-title">{t("bargaining.title")}</h2>
        <Presiding state={state} />
        <TableActions rights={rights} run={run} pending={pending} onSuspend={() => setSuspending(true)} />
      </header>
      <ErrorNotice message={error} onClose={clearError} />
      <CaucusBanners state={state} meetingId={welcome.meeting.id} ownSide={rights.side} />
      <Suspension state={state} />
      {suspending && rights.suspend && <SuspendForm run={run} pending={pending} onClose={() => setSuspending(false)} />}
      {state.status !== "open" && state.status !== "closed" && <p className="muted small">{t("bargaining.notOpen")}</p>}
      {clauses.length === 0 ? (
        <div className="bt-empty" data-testid="bt-no-clauses">
          <p>{t("bargaining.noClauses")}</p>
          <p className="muted small">{t("bargaining.noClausesHint")}</p>
        </div>
      ) : (
        <ol className="bt-clauses" aria-label={t("bargaining.clauses")}>
          {clauses.map((view) => (
            <ClauseCard key={view.clause.clauseId} view={view} rights={rights} />
          ))}
        </ol>
      )}
      {rights.addClause && <AddClause />}
      {rights.side === null && (
        <p className="muted small" data-testid="bt-read-only">
          {t("bargaining.readOnly")}
        </p>
      )}
    </section>
  );
}

/** 主持方：职工方首席代表 王强 */
function Presiding({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const time = useMeetingTime().time;
  const chief = presidingChief(state);
  const side = t(`bargaining.side.${state.bargaining.chairSide}`);
  const last = state.bargaining.handovers.at(-1);
  return (
    <div className="bt-presiding">
      <p data-testid="bt-presiding" data-side={state.bargaining.chairSide}>
        {chief ? t("bargaining.presiding", { side, name: nameOf(chief.id) ?? chief.name }) : t("bargaining.presidingNoChief", { side })}
      </p>
      {last && (
        <p className="small muted" data-testid="bt-handed-over">
          {t("bargaining.handedOver", { time: time(last.at), from: t(`bargaining.sideIn.${last.from}`), to: t(`bargaining.sideIn.${last.to}`) })}
        </p>
      )}
    </div>
  );
}

function TableActions({
  rights,
  run,
  pending,
  onSuspend,
}: {
  rights: TableRights;
  run: (command: Command) => Promise<boolean>;
  pending: boolean;
  onSuspend: () => void;
}) {
  const { t } = useTranslation();
  if (!rights.handOver && !rights.caucus && !rights.suspend && !rights.resume) return null;
  return (
    <div className="button-row bt-actions">
      {rights.handOver && (
        <button type="button" className="secondary" disabled={pending} onClick={() => void run({ type: "bargaining.handOver" })} data-testid="bt-hand-over">
          {t("bargaining.handOver")}
        </button>
      )}
      {rights.caucus && (
        <button
          type="button"
          className="secondary"
          disabled={pending}
          onClick={() => void run({ type: rights.caucus === "start" ? "bargaining.startCaucus" : "bargaining.endCaucus" })}
          data-testid={rights.caucus === "start" ? "bt-caucus-start" : "bt-caucus-end"}
        >
          {t(rights.caucus === "start" ? "bargaining.caucus.start" : "bargaining.caucus.end")}
        </button>
      )}
      {rights.suspend && (
        <button type="button" className="danger" disabled={pending} onClick={onSuspend} data-testid="bt-suspend">
          {t("bargaining.suspend.button")}
        </button>
      )}
      {rights.resume && (
        <button type="button" className="primary" disabled={pending} onClick={() => void run({ type: "bargaining.resume" })} data-testid="bt-resume">
          {t("bargaining.suspend.resume")}
        </button>
      )}
    </div>
  );
}

/**
 * "职工方正在内部协商 · 12:30" for everyone; the side's own members also get their private notes
 * (背靠背, CaucusPanel), which the other side, the recorder and observers never receive.
 */
function CaucusBanners({ state, meetingId, ownSide }: { state: MeetingState; meetingId: string; ownSide: Side | null }) {
  const { t } = useTranslation();
  const time = useMeetingTime().time;
  return (
    <>
      {runningCaucuses(state).map(({ side, startedAt }) => (
        <div key={side} className="bt-caucus" data-side={side}>
          <p className="banner banner-status bt-caucus-banner" role="status" data-testid="bt-caucus-banner" data-side={side}>
            <Icon name="clock" /> {t("bargaining.caucus.banner", { side: t(`bargaining.side.${side}`), time: time(startedAt) })}
          </p>
          {side === ownSide && <CaucusPanel meetingId={meetingId} side={side} />}
        </div>
      ))}
    </>
  );
}

/** 已中止 · 约定 12月8日 09:00 继续, with the reason and the open matters. */
function Suspension({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const nameOf = useDisplayName();
  const { timeZone, time } = useMeetingTime();
  const suspension = state.bargaining.suspension;
  if (!suspension) return null;
  return (
    <div className="bt-suspended" role="status" data-testid="bt-suspended">
      <p className="bt-suspended-head" data-testid="bt-suspended-banner">
        <Icon name="pause" /> {t("bargaining.suspend.banner", { time: dayAndTime(suspension.resumeAt, timeZone, lang) })}
      </p>
      <p data-testid="bt-suspended-reason">{t("bargaining.suspend.reasonLine", { reason: suspension.reason })}</p>
      {suspension.openMatters.length > 0 && (
        <>
          <p className="small muted">{t("bargaining.suspend.openMattersTitle")}</p>
          <ul className="bt-open-matters" data-testid="bt-open-matters">
            {suspension.openMatters.map((matter, index) => (
              <li key={index}>{matter}</li>
            ))}
          </ul>
        </>
      )}
      <p className="small muted">{t("bargaining.suspend.by", { name: nameOf(suspension.by) ?? "—", time: time(suspension.at) })}</p>
    </div>
  );
}

/** 新增条款: a title, for the presiding chief and the recorder (a refusal shows in the form). */
function AddClause() {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useCommand();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  if (!open)
    return (
      <button type="button" className="secondary bt-add-clause" onClick={() => setOpen(true)} data-testid="bt-add-clause">
        + {t("bargaining.addClause")}
      </button>
    );
  return (
    <form
      className="bt-form bt-add-form"
      data-testid="bt-add-clause-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run({ type: "bargaining.addClause", title: title.trim() }).then((ok) => {
          if (!ok) return;
          setTitle("");
          setOpen(false);
        });
      }}
    >
      <ErrorNotice message={error} onClose={clearError} />
      <label htmlFor={id}>{t("bargaining.clauseTitle")}</label>
      <input
        id={id}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        placeholder={t("bargaining.clauseTitlePlaceholder")}
        autoFocus
        data-testid="bt-clause-title"
      />
      <span className="button-row">
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t("bargaining.cancel")}
        </button>
        <button type="submit" className="primary" disabled={pending || title.trim() === ""} data-testid="bt-clause-add">
          {t("bargaining.add")}
        </button>
      </span>
    </form>
  );
}
