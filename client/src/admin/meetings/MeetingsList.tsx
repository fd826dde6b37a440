import { useState } from "react";
import { meetingKindLabel } from "@core/meetingKind.ts";
import { staffEntryRoles, type StaffEntryRole } from "@core/staffEntry.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { Link } from "../../routing/Link.tsx";
import { api } from "../api.ts";
import { canEdit, useSession } from "../session/session.ts";
import type { Meeting } from "../types.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { formatDateTime, groupOf, type MeetingGroup } from "./format.ts";

const GROUPS: MeetingGroup[] = ["live", "upcoming", "past"];

async function loadAll(): Promise<Meeting[]> {
  const [current, archived] = await Promise.all([api.meetings(false), api.meetings(true)]);
  const byId = new Map<string, Meeting>();
  for (const meeting of [...current.meetings, ...archived.meetings]) byId.set(meeting.id, meeting);
  return [...byId.values()];
}

const startOf = (m: Meeting) => (m.startsAt ? new Date(m.startsAt).getTime() : Number.POSITIVE_INFINITY);

export function MeetingsList() {
  const { t } = useAdminT();
  const { account } = useSession();
  const [now] = useState(() => Date.now());
  const meetings = useResource(loadAll);
  const grouped = new Map<MeetingGroup, Meeting[]>(GROUPS.map((g) => [g, []]));
  for (const meeting of meetings.data ?? []) grouped.get(groupOf(meeting, now))!.push(meeting);
  for (const [group, list] of grouped) {
    list.sort((a, b) => (group === "past" ? startOf(b) - startOf(a) : startOf(a) - startOf(b)));
  }
  return (
    <section className="admin-page">
      <div className="page-head">
        <h1>{t("meetings.title")}</h1>
        {canEdit(account) && (
          <Link to="/admin/meetings/new" className="button primary" data-testid="create-meeting">
            + {t("meetings.create")}
          </Link>
        )}
      </div>
      <ErrorLine error={meetings.error} onRetry={meetings.reload} />
      {!meetings.data && !meetings.error && <Loading />}
      {meetings.data && GROUPS.map((group) => <MeetingGroupTable key={group} group={group} meetings={grouped.get(group)!} />)}
    </section>
  );
}

function MeetingGroupTable({ group, meetings }: { group: MeetingGroup; meetings: Meeting[] }) {
  const { t } = useAdminT();
  const empty = { upcoming: "meetings.emptyUpcoming", live: "meetings.emptyLive", past: "meetings.emptyPast" }[group];
  if (group === "live" && meetings.length === 0) return null;
  return (
    <section className={`meeting-group group-${group}`} aria-labelledby={`group-${group}`} data-testid={`meetings-${group}`}>
      <h2 id={`group-${group}`}>
        <GroupMark group={group} /> {t(`meetings.${group}`)} <span className="count">{meetings.length}</span>
      </h2>
      {meetings.length === 0 ? (
        <p className="muted empty">{t(empty)}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col" className="col-time">
                {t("meetings.columnTime")}
              </th>
              <th scope="col">{t("meetings.columnTitle")}</th>
              <th scope="col" className="col-kind">
                {t("meetings.columnKind")}
              </th>
              <th scope="col" className="col-place">
                {t("meetings.columnPlace")}
              </th>
              {group === "live" && (
                <th scope="col" className="col-enter">
                  {t("meetings.columnEnter")}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id} data-testid="meeting-row">
                <td className="nowrap">{formatDateTime(m.startsAt, currentLanguage(), m.timeZone) ?? <span className="muted">{t("meetings.noDate")}</span>}</td>
                <td>
                  <Link to={`/admin/meetings/${encodeURIComponent(m.id)}`} className="meeting-title-link">
                    {m.title}
                  </Link>
                  {m.archived && <span className="badge">{t("meetings.archived")}</span>}
                  {m.number && <div className="muted small">{m.number}</div>}
                </td>
                <td>{meetingKindLabel(m.kind, currentLanguage())}</td>
                <td>{m.place ?? ""}</td>
                {group === "live" && (
                  <td>
                    <EnterMeeting meeting={m} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Shape as well as colour: ● live, ○ upcoming, ✓ past. */
function GroupMark({ group }: { group: MeetingGroup }) {
  return (
    <span className={`group-mark mark-${group}`} aria-hidden="true">
      {group === "live" ? "●" : group === "upcoming" ? "○" : "✓"}
    </span>
  );
}

const ROLE_KEYS: Record<StaffEntryRole, string> = { chair: "meetings.enterChair", clerk: "meetings.enterClerk", observer: "meetings.enterObserver" };

/**
 * 进入会场: the staff enter the live meeting in a role their account may take (core/staffEntry.ts)
 * with a short-lived link the server issues; no roster entry, not counted in attendance, no vote.
 */
function EnterMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useAdminT();
  const { account } = useSession();
  const roles = staffEntryRoles(account.role);
  const [role, setRole] = useState<StaffEntryRole | undefined>(roles[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!role) return null;
  const enter = async () => {
    setBusy(true);
    setError(null);
    try {
      const { url } = await api.staffEntry(meeting.id, role);
      window.location.assign(url);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <div className="enter-meeting" title={t("meetings.enterHint")}>
      <label>
        <span className="visually-hidden">{t("meetings.enterAs")}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as StaffEntryRole)} data-testid="enter-role" aria-label={t("meetings.enterAs")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_KEYS[r])}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" className="button primary" onClick={() => void enter()} disabled={busy} data-testid="enter-meeting">
        {t("meetings.enter")}
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
