import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GroupDefinition, GroupingMethod } from "@core/groups/schema.ts";
import { GroupPlanner } from "../../features/groups/GroupPlanner.tsx";
import { api } from "../api.ts";
import type { Participant } from "../types.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { errorText } from "../ui/useAdminT.ts";

/**
 * 分组讨论 on the organisers' meeting page: the chair's planner over GET/PUT /api/meetings/:id/groups
 * (the server defines the groups in the live meeting as the system). Once the groups sit or have
 * met, the page only says so: the chair's console follows them.
 */
export function GroupsTab({ meetingId, participants, editable }: { meetingId: string; participants: Participant[]; editable: boolean }) {
  const { t } = useTranslation();
  const groups = useResource(useCallback(() => api.groups(meetingId).then((r) => r.groups), [meetingId]));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (!groups.data) {
    return (
      <div className="admin-card">
        <ErrorLine error={groups.error} onRetry={groups.reload} />
        {!groups.error && <Loading />}
      </div>
    );
  }
  const state = groups.data;
  const setGroups = groups.set;
  const submit = async (definition: { method: GroupingMethod; groups: GroupDefinition[] }) => {
    setPending(true);
    setError(null);
    try {
      const saved = await api.defineGroups(meetingId, definition);
      setGroups(() => saved.groups);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setPending(false);
    }
  };
  const locked = state.phase === "open" || state.phase === "recalling" || state.phase === "closed";
  return (
    <div className="admin-card groups-tab" data-testid="admin-groups">
      <p className="muted">{t("groupsChair.admin.intro")}</p>
      {locked ? (
        <p className="note" data-testid="admin-groups-locked">
          {t("groupsChair.admin.locked")}
        </p>
      ) : participants.length === 0 ? (
        <p className="note">{t("groupsChair.admin.noRoster")}</p>
      ) : (
        <GroupPlanner
          roster={participants}
          initial={state.method ? { method: state.method, groups: state.groups } : null}
          onSubmit={submit}
          error={error}
          onClearError={() => setError(null)}
          pending={pending}
          readOnly={!editable}
        />
      )}
    </div>
  );
}
