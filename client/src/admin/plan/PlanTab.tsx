import { useCallback, useState } from "react";
import { rosterNames } from "@core/naming/displayNames.ts";
import { api } from "../api.ts";
import type { AgendaItem, MeetingKind, Participant, PlannedSpeech, PlannedSpeechInput } from "../types.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { PlanForm } from "./PlanForm.tsx";
import { groupPlan, movedOrder } from "./planOrder.ts";

const EMPTY: PlannedSpeechInput = { participantId: "", kind: "booked", agendaItemId: null, title: "", text: "" };

/** 发言安排: booked and written speeches per agenda item in planned order; add, edit, ↑/↓, delete. */
export function PlanTab({
  meetingId,
  kind,
  agenda,
  participants,
  editable,
}: {
  meetingId: string;
  kind: MeetingKind;
  agenda: AgendaItem[];
  participants: Participant[];
  editable: boolean;
}) {
  const { t } = useAdminT();
  const plan = useResource(useCallback(() => api.plan(meetingId).then((r) => r.plan), [meetingId]));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PlannedSpeech | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const [addKey, setAddKey] = useState(0);
  // Named as in the meeting (同名区分: 张丽（502室）), so same names can be told apart in the picker.
  const names = rosterNames(participants);
  const speakers = participants.filter((p) => p.role === "member" || p.role === "official").map((p) => ({ ...p, name: names.get(p.id) ?? p.name }));

  if (!plan.data) {
    return (
      <div className="plan-tab">
        <ErrorLine error={plan.error} onRetry={plan.reload} />
        {!plan.error && <Loading />}
      </div>
    );
  }
  const entries = plan.data;
  const groups = groupPlan(entries, agenda);
  const setPlan = plan.set;
  const replace = (saved: PlannedSpeech) => setPlan((current) => current.map((p) => (p.id === saved.id ? saved : p)));

  const move = async (speech: PlannedSpeech, delta: -1 | 1) => {
    const ids = movedOrder(groups, speech.id, delta);
    setError(null);
    try {
      const result = await api.reorderPlan(meetingId, ids);
      setPlan(() => result.plan);
      const group = groupPlan(result.plan, agenda).find((g) => g.entries.some((p) => p.id === speech.id));
      setAnnouncement(t("plan.moved", { title: speech.title, position: (group?.entries.findIndex((p) => p.id === speech.id) ?? 0) + 1 }));
    } catch (e) {
      setError(e);
    }
  };

  const booked = entries.filter((p) => p.kind === "booked").length;
  const itemTitle = (itemId: string | null) => {
    if (itemId === null) return t("plan.noItem");
    const index = agenda.findIndex((item) => item.id === itemId);
    return `${index + 1}. ${agenda[index]?.title ?? ""}`;
  };

  return (
    <div className="plan-tab" data-testid="plan-tab">
      <div className="section-head">
        <h2>{t("plan.title")}</h2>
        <span className="muted">{t("plan.total", { booked, written: entries.length - booked })}</span>
      </div>
      <p className="hint">{t("plan.intro")}</p>
      <ErrorLine error={error} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {entries.length === 0 && <p className="muted empty">{t("plan.empty")}</p>}
      {groups
        .filter((group) => group.itemId !== null || group.entries.length > 0)
        .map((group) => (
          <section key={group.itemId ?? "none"} className="plan-group admin-card" aria-label={itemTitle(group.itemId)} data-testid="plan-group">
            <h3>{itemTitle(group.itemId)}</h3>
            {group.entries.length === 0 && <p className="muted">{t("plan.itemEmpty")}</p>}
            <ol className="plan-list">
              {group.entries.map((speech, index) => (
                <li key={speech.id} className="plan-entry" data-testid="plan-entry">
                  {editing === speech.id ? (
                    <PlanForm
                      initial={{
                        participantId: speech.participantId,
                        kind: speech.kind,
                        agendaItemId: speech.agendaItemId,
                        title: speech.title,
                        text: speech.text,
                      }}
                      speakers={speakers}
                      kind={kind}
                      agenda={agenda}
                      submitLabel={t("common.save")}
                      onCancel={() => setEditing(null)}
                      onSubmit={async (input) => {
                        const { speech: saved } = await api.updatePlannedSpeech(meetingId, speech.id, input);
                        replace(saved);
                        setEditing(null);
                      }}
                    />
                  ) : (
                    <div className="plan-entry-row">
                      <span className="agenda-pos" aria-hidden="true">
                        {index + 1}
                      </span>
                      <div className="plan-entry-text">
                        <p>
                          <span
                            className={`badge plan-kind plan-kind-${speech.kind}`}
                            title={t(speech.kind === "booked" ? "plan.kindBookedLong" : "plan.kindWrittenLong")}
                          >
                            {t(speech.kind === "booked" ? "plan.kindBooked" : "plan.kindWritten")}
                          </span>{" "}
                          <strong data-testid="plan-speaker">{speech.participantName}</strong> · <span data-testid="plan-title">{speech.title}</span>
                          {speech.selfRegistered && <span className="badge">{t("plan.selfRegistered")}</span>}
                        </p>
                        {speech.text ? (
                          <details>
                            <summary>{t("plan.showText")}</summary>
                            <p className="plan-text">{speech.text}</p>
                          </details>
                        ) : (
                          <p className="muted">{t("plan.noText")}</p>
                        )}
                      </div>
                      {editable && (
                        <div className="agenda-item-actions">
                          <button
                            type="button"
                            onClick={() => void move(speech, -1)}
                            disabled={index === 0}
                            aria-label={t("plan.moveUpLabel", { name: speech.participantName, title: speech.title })}
                            title={t("agenda.moveUp")}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            onClick={() => void move(speech, 1)}
                            disabled={index === group.entries.length - 1}
                            aria-label={t("plan.moveDownLabel", { name: speech.participantName, title: speech.title })}
                            title={t("agenda.moveDown")}
                          >
                            ↓
                          </button>
                          <button type="button" onClick={() => setEditing(speech.id)}>
                            {t("common.edit")}
                          </button>
                          <button type="button" className="danger" onClick={() => setDeleting(speech)}>
                            {t("common.delete")}
                          </button>
                        </div>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      {editable && (
        <section className="admin-card add-agenda" aria-labelledby="add-plan-title">
          <h3 id="add-plan-title">{t("plan.addTitle")}</h3>
          {speakers.length === 0 ? (
            <p className="muted">{t("plan.noSpeakers")}</p>
          ) : (
            <PlanForm
              key={addKey}
              initial={EMPTY}
              speakers={speakers}
              kind={kind}
              agenda={agenda}
              submitLabel={t("plan.add")}
              testId="add-plan-form"
              onSubmit={async (input) => {
                const { speech } = await api.addPlannedSpeech(meetingId, input);
                setPlan((current) => [...current, speech]);
                setAddKey((k) => k + 1);
              }}
            />
          )}
        </section>
      )}
      {deleting && (
        <ConfirmDialog
          title={t("plan.deleteConfirmTitle")}
          text={t("plan.deleteConfirm", { name: deleting.participantName, title: deleting.title })}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.deletePlannedSpeech(meetingId, deleting.id);
            // Positions close up on the server: take its order.
            const { plan: fresh } = await api.plan(meetingId);
            setPlan(() => fresh);
          }}
        />
      )}
    </div>
  );
}
