// 分组讨论, before the groups open: in a round by topic (自选议题) a member or official chooses the
// group of a topic (`groups.choose`); in another round they see which group they are in.
import { useTranslation } from "react-i18next";
import { groupOfParticipant } from "@core/groups/assign.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting, useRoster } from "../../connection/useMeeting.ts";
import "./groupStage.css";

export function GroupChoice() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const person = useRoster();
  const { run, pending, error, clearError } = useCommand();
  if (!state || !welcome || welcome.display || state.groups.phase !== "defined") return null;
  const me = welcome.me.id;
  const role = person(me)?.role ?? welcome.me.role;
  const mine = groupOfParticipant(state.groups, me);
  if (state.groups.method !== "topic") {
    return mine ? (
      <p className="banner banner-status" role="status" data-testid="group-assigned">
        {t("groupStage.assigned", { name: mine.name })}
      </p>
    ) : null;
  }
  if (role !== "member" && role !== "official") return null;
  // The convener and the clerk were named for their group: they stay.
  const fixed = mine !== undefined && (mine.convenerId === me || mine.clerkId === me);
  return (
    <section className="panel group-choice" aria-labelledby="group-choice-title" data-testid="group-choice">
      <h2 id="group-choice-title">{t("groupStage.choice.title")}</h2>
      <p className="muted small">{t("groupStage.choice.hint")}</p>
      <ErrorNotice message={error} onClose={clearError} />
      <p role="status" data-testid="group-choice-mine">
        {fixed ? t("groupStage.choice.fixed", { name: mine.name }) : mine ? t("groupStage.choice.mine", { name: mine.name }) : t("groupStage.choice.none")}
      </p>
      <ul>
        {state.groups.groups.map((g) => {
          const chosen = mine?.groupId === g.groupId;
          return (
            <li key={g.groupId} className={chosen ? "mine" : undefined} data-testid={`group-choice-${g.groupId}`}>
              <span className="group-choice-what">
                <strong>{g.topic ?? t("groupStage.choice.noTopic")}</strong>
                <span className="muted small">
                  {[g.name, ...(g.place ? [g.place] : []), t("groupStage.choice.members", { count: g.memberIds.length })].join(" · ")}
                </span>
              </span>
              {chosen ? (
                <span className="group-choice-chosen" data-testid={`group-chosen-${g.groupId}`}>
                  <Icon name="check" /> {t("groupStage.choice.chosen")}
                </span>
              ) : (
                <button
                  type="button"
                  disabled={pending || fixed}
                  onClick={() => void run({ type: "groups.choose", groupId: g.groupId })}
                  data-testid={`group-choose-${g.groupId}`}
                  aria-label={`${t("groupStage.choice.choose")} ${g.topic ?? g.name}`}
                >
                  {t("groupStage.choice.choose")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
