// 分组讨论, after the call back: a group's convener or clerk is back in the plenary, but may still
// amend the group's report (小组汇报要点). 补充小组汇报要点 asks `groups.enter` on the plenary's
// socket (the server gives the last round's conveners and clerks their seat in the closed group
// meeting), opens a connection of its own to that meeting and shows its report editor in place,
// under the plenary's screen; a saved version is relayed to the plenary like any other.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlenaryGroup } from "@core/groups/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { MeetingConnection } from "../../connection/meetingConnection.ts";
import { ConnectionContext, useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { GroupReportEditor } from "./GroupReportEditor.tsx";
import "./groupStage.css";

/** In the plenary once its groups closed, for the convener and the clerk of a group of that round; nothing for anyone else. */
export function GroupReportAmend() {
  const { state, welcome } = useMeeting();
  if (!state || !welcome || welcome.display || state.groupOf || state.groups.phase !== "closed") return null;
  const me = welcome.me.id;
  const group = state.groups.groups.find((g) => g.meetingId !== null && (g.convenerId === me || g.clerkId === me));
  return group ? <AmendPanel key={group.meetingId} group={group} /> : null;
}

function AmendPanel({ group }: { group: PlenaryGroup }) {
  const { t } = useTranslation();
  const uid = useId();
  const plenary = useConnection();
  const [open, setOpen] = useState(false);
  const [connection, setConnection] = useState<MeetingConnection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let entered: MeetingConnection | null = null;
    void plenary.groupsEnter().then((answer) => {
      if (cancelled) return;
      if (answer.ok) {
        // A connection of its own to the closed group meeting: the plenary's stays as it is.
        entered = new MeetingConnection(answer.token);
        setConnection(entered);
        return;
      }
      setOpen(false);
      setFailure("localError" in answer ? t(`error.${answer.localError}`) : answer.error.message[currentLanguage()]);
    });
    return () => {
      cancelled = true;
      entered?.close();
      setConnection(null);
    };
  }, [open, plenary, t]);

  const received = group.report;
  return (
    <>
      <section className="panel group-amend" aria-labelledby={`${uid}-title`} data-testid="group-amend" data-group={group.groupId}>
        <h2 id={`${uid}-title`}>{t("groupStage.amend.title", { name: group.name })}</h2>
        <p className="muted small">{t("groupStage.amend.hint")}</p>
        <p className="small" role="status" data-testid="group-amend-received">
          {received ? (
            <>
              <Icon name="check" /> {t("groupStage.amend.received", { version: received.version })}
            </>
          ) : (
            <span className="muted">{t("groupStage.amend.none")}</span>
          )}
        </p>
        <ErrorNotice message={failure} onClose={() => setFailure(null)} />
        <div className="button-row">
          {open ? (
            <button type="button" className="secondary" onClick={() => setOpen(false)} data-testid="group-amend-close">
              {t("groupStage.amend.close")}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setFailure(null);
                setOpen(true);
              }}
              data-testid="group-amend-open"
            >
              {t("groupStage.amend.open")}
            </button>
          )}
        </div>
      </section>
      {open &&
        (connection ? (
          <ConnectionContext.Provider value={connection}>
            <ClosedGroupReport name={group.name} />
          </ConnectionContext.Provider>
        ) : (
          <p className="muted" role="status" data-testid="group-amend-entering">
            {t("groupStage.amend.entering", { name: group.name })}
          </p>
        ))}
    </>
  );
}

/** The group meeting's report editor, on the group's connection (its state, its commands). */
function ClosedGroupReport({ name }: { name: string }) {
  const { t } = useTranslation();
  const { status, refusal, state, welcome } = useMeeting();
  if (status === "refused" || status === "ended")
    return (
      <p className="banner" role="alert" data-testid="group-amend-refused">
        {t("groupStage.enterFailed", { message: refusal?.message[currentLanguage()] ?? t(`status.${status}`) })}
      </p>
    );
  if (!state || !welcome)
    return (
      <p className="muted" role="status" data-testid="group-amend-entering">
        {t("groupStage.amend.entering", { name })}
      </p>
    );
  return <GroupReportEditor />;
}
