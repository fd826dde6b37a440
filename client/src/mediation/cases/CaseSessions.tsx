// The sessions of a mediation case (调解会谈) on its page: each by title and start time, with links to
// the meeting's admin page (its roster and join links) and to its 调解协议书; 新建调解会谈 (a
// mediation meeting whose roster is the case's people) while the case is being mediated; and an
// existing mediation meeting linked by picking it from a list (no meeting ids typed).
import { useEffect, useId, useState, type FormEvent } from "react";
import type { MediationCase } from "@core/api/mediationCases.ts";
import { SESSION_STATES } from "@core/mediation/caseSession.ts";
import { DEFAULT_TIME_ZONE } from "@core/time/meetingTime.ts";
import { fromLocalInput, formatDateTime } from "../../admin/meetings/format.ts";
import { meetingPath } from "../../admin/meetings/MeetingEditor.tsx";
import type { Meeting } from "../../admin/types.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useMediationCasesT } from "../../i18n/mediationCases.ts";
import { Link } from "../../routing/Link.tsx";
import { mediationAgreementPath } from "../agreement/AgreementAdminPage.tsx";
import { caseApi } from "./caseApi.ts";

interface Props {
  case: MediationCase;
  onDone: (updated: MediationCase) => void;
  onError: (error: unknown) => void;
}

export function CaseSessions({ case: c, onDone, onError }: Props) {
  const { t } = useMediationCasesT();
  const id = useId();
  const language = currentLanguage();
  const [title, setTitle] = useState(() => t("sessions.defaultTitle", { number: c.number }));
  const [startsAt, setStartsAt] = useState("");
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [picked, setPicked] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    caseApi.mediationMeetings().then(setMeetings, onError);
  }, [onError]);

  const linkable = (meetings ?? []).filter((m) => !c.meetingIds.includes(m.id));
  const when = (iso: string | null, timeZone: string) => formatDateTime(iso, language, timeZone) ?? t("sessions.noTime");
  const run = async (event: FormEvent, action: () => Promise<MediationCase>) => {
    event.preventDefault();
    setBusy(true);
    try {
      onDone(await action());
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const create = (event: FormEvent) =>
    run(event, async () => (await caseApi.newSession(c.id, { title: title.trim(), startsAt: fromLocalInput(startsAt, DEFAULT_TIME_ZONE) })).case);
  const link = (event: FormEvent) =>
    run(event, async () => {
      const updated = (await caseApi.linkMeeting(c.id, picked)).case;
      setPicked("");
      return updated;
    });

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("detail.sessions")}</h2>
      {c.sessions.length === 0 ? (
        <p className="muted">{t("sessions.none")}</p>
      ) : (
        <ul data-testid="case-sessions">
          {c.sessions.map((s) => (
            <li key={s.meetingId} data-testid="case-session">
              <strong>{s.title}</strong> · {when(s.startsAt, s.timeZone)} · <Link to={meetingPath(s.meetingId, "roster")}>{t("sessions.meeting")}</Link> ·{" "}
              <Link to={mediationAgreementPath(s.meetingId)}>{t("sessions.agreement")}</Link>
            </li>
          ))}
        </ul>
      )}
      {SESSION_STATES.includes(c.state) && (
        <form onSubmit={(e) => void create(e)} data-testid="new-session-form">
          <h3>{t("sessions.new")}</h3>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-session-title`}>{t("sessions.title")}</label>
              <input id={`${id}-session-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
            </div>
            <div className="field">
              <label htmlFor={`${id}-session-start`}>{t("sessions.startsAt")}</label>
              <input id={`${id}-session-start`} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
            </div>
          </div>
          <p className="muted small">{t("sessions.rosterHint")}</p>
          <button type="submit" className="primary" disabled={busy} data-testid="new-session-submit">
            {t("sessions.create")}
          </button>
        </form>
      )}
      <form onSubmit={(e) => void link(e)} className="button-row" data-testid="link-session-form">
        <label htmlFor={`${id}-meeting`}>{t("detail.linkMeeting")}</label>
        <select id={`${id}-meeting`} value={picked} onChange={(e) => setPicked(e.target.value)} required disabled={linkable.length === 0}>
          <option value="">{meetings === null ? t("sessions.loading") : linkable.length === 0 ? t("sessions.noneToLink") : t("sessions.pick")}</option>
          {linkable.map((m) => (
            <option key={m.id} value={m.id}>
              {t("sessions.option", { title: m.title, when: when(m.startsAt, m.timeZone) })}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || picked === ""}>
          {t("detail.link")}
        </button>
      </form>
    </section>
  );
}
