import { useCallback, useState } from "react";
import { meetingKindLabel } from "@core/meetingKind.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { navigate, useLocation } from "../../routing/location.ts";
import { Link } from "../../routing/Link.tsx";
import { AgendaTab } from "../agenda/AgendaTab.tsx";
import { GroupsTab } from "../groups/GroupsTab.tsx";
import { api } from "../api.ts";
import { PlanTab } from "../plan/PlanTab.tsx";
import { RosterTab } from "../roster/RosterTab.tsx";
import { canEdit, useSession } from "../session/session.ts";
import type { MeetingDetail, Participant } from "../types.ts";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { VenueTab } from "../venue/VenueTab.tsx";
import { BasicInfoForm, DEFAULT_MEETING } from "./BasicInfoForm.tsx";
import { formatDateTime } from "./format.ts";

export type EditorTab = "info" | "agenda" | "plan" | "roster" | "venue" | "groups";
export const EDITOR_TABS: EditorTab[] = ["info", "agenda", "plan", "roster", "venue", "groups"];
/** Kinds of meeting that never split into groups (分组讨论): a group itself, a bargaining table, a mediation. */
const NO_GROUPS = new Set(["group", "bargaining", "mediation"]);
const TAB_LABEL: Record<EditorTab, string> = {
  info: "editor.tabInfo",
  agenda: "editor.tabAgenda",
  plan: "editor.tabPlan",
  roster: "editor.tabRoster",
  venue: "editor.tabVenue",
  groups: "editor.tabGroups",
};

export const meetingPath = (id: string, tab: EditorTab = "info") => `/admin/meetings/${encodeURIComponent(id)}/${tab}`;

export function MeetingEditor({ meetingId, tab }: { meetingId: string | null; tab: EditorTab }) {
  return meetingId ? <ExistingMeeting meetingId={meetingId} tab={tab} /> : <NewMeeting />;
}

function NewMeeting() {
  const { t } = useAdminT();
  const { account } = useSession();
  return (
    <section className="admin-page">
      <Link to="/admin/meetings" className="back-link">
        ← {t("editor.back")}
      </Link>
      <h1>{t("editor.newTitle")}</h1>
      <div className="admin-card">
        <BasicInfoForm
          initial={DEFAULT_MEETING}
          readOnly={!canEdit(account)}
          submitLabel={t("info.create")}
          onSubmit={async (input) => {
            const { meeting } = await api.createMeeting(input);
            navigate(`${meetingPath(meeting.id, "agenda")}?created=1`);
          }}
        />
      </div>
    </section>
  );
}

function ExistingMeeting({ meetingId, tab }: { meetingId: string; tab: EditorTab }) {
  const { t } = useAdminT();
  const { account } = useSession();
  const { search } = useLocation();
  const editable = canEdit(account);
  const detail = useResource(useCallback(() => api.meeting(meetingId), [meetingId]));
  const [archiving, setArchiving] = useState(false);
  const [archiveError, setArchiveError] = useState<unknown>(null);
  const setDetail = detail.set;
  const setParticipants = useCallback((participants: Participant[]) => setDetail((d) => ({ ...d, participants })), [setDetail]);

  if (!detail.data) {
    return (
      <section className="admin-page">
        <Link to="/admin/meetings" className="back-link">
          ← {t("editor.back")}
        </Link>
        <ErrorLine error={detail.error} onRetry={detail.reload} />
        {!detail.error && <Loading />}
      </section>
    );
  }
  const { meeting } = detail.data;
  const update = (change: (d: MeetingDetail) => MeetingDetail) => detail.set(change);
  const toggleArchive = async () => {
    setArchiving(true);
    setArchiveError(null);
    try {
      const result = await api.archiveMeeting(meeting.id, !meeting.archived);
      update((d) => ({ ...d, meeting: { ...d.meeting, ...result.meeting } }));
    } catch (e) {
      setArchiveError(e);
    } finally {
      setArchiving(false);
    }
  };

  return (
    <section className="admin-page" data-testid="meeting-editor">
      <Link to="/admin/meetings" className="back-link">
        ← {t("editor.back")}
      </Link>
      <div className="page-head">
        <div>
          <h1 data-testid="meeting-title">
            {meeting.title}
            {meeting.archived && <span className="badge">{t("editor.archivedBadge")}</span>}
          </h1>
          <p className="muted">
            {[
              meetingKindLabel(meeting.kind, currentLanguage()),
              meeting.number,
              formatDateTime(meeting.startsAt, currentLanguage(), meeting.timeZone),
              meeting.place,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        {editable && (
          <button type="button" onClick={() => void toggleArchive()} disabled={archiving}>
            {meeting.archived ? t("editor.unarchive") : t("editor.archive")}
          </button>
        )}
      </div>
      <ErrorLine error={archiveError} />
      {search.get("created") && <SuccessLine text={t("editor.created")} />}
      {!editable && <p className="note">{t("editor.readOnly")}</p>}
      <nav className="tabs" aria-label={t("editor.tabs")}>
        {EDITOR_TABS.filter((name) => name !== "groups" || !NO_GROUPS.has(meeting.kind)).map((name) => (
          <Link key={name} to={meetingPath(meeting.id, name)} className="tab" aria-current={name === tab ? "page" : undefined} data-testid={`tab-${name}`}>
            {t(TAB_LABEL[name])}
            {name === "agenda" && <span className="count">{detail.data!.agenda.length}</span>}
            {name === "roster" && <span className="count">{detail.data!.participants.length}</span>}
          </Link>
        ))}
      </nav>
      <div className="tab-panel">
        {tab === "info" && (
          <div className="admin-card">
            <BasicInfoForm
              initial={meeting}
              readOnly={!editable}
              submitLabel={t("common.save")}
              onSubmit={async (input) => {
                const result = await api.updateMeeting(meeting.id, input);
                update((d) => ({ ...d, meeting: { ...d.meeting, ...result.meeting } }));
              }}
            />
          </div>
        )}
        {tab === "agenda" && (
          <AgendaTab
            meetingId={meeting.id}
            agenda={detail.data.agenda}
            editable={editable}
            onChange={(change) => update((d) => ({ ...d, agenda: change(d.agenda) }))}
          />
        )}
        {tab === "plan" && (
          <PlanTab meetingId={meeting.id} kind={meeting.kind} agenda={detail.data.agenda} participants={detail.data.participants} editable={editable} />
        )}
        {tab === "roster" && <RosterTab meeting={meeting} editable={editable} onCountChange={setParticipants} />}
        {tab === "groups" && !NO_GROUPS.has(meeting.kind) && <GroupsTab meetingId={meeting.id} participants={detail.data.participants} editable={editable} />}
        {tab === "venue" && (
          <VenueTab meetingId={meeting.id} meetingTitle={meeting.title} kind={meeting.kind} participants={detail.data.participants} editable={editable} />
        )}
      </div>
    </section>
  );
}
