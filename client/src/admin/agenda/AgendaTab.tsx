import { useEffect, useRef, useState } from "react";
import { api } from "../api.ts";
import type { AgendaItem } from "../types.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { AgendaItemForm } from "./AgendaItemForm.tsx";
import { Materials } from "./Materials.tsx";
import { moveId } from "./reorder.ts";

type MoveFocus = { itemId: string; direction: "up" | "down" } | null;

/** 议程: items in order with ↑/↓, edit, delete and materials; a form to append an item. */
export function AgendaTab({
  meetingId,
  agenda,
  editable,
  onChange,
}: {
  meetingId: string;
  agenda: AgendaItem[];
  editable: boolean;
  onChange: (update: (agenda: AgendaItem[]) => AgendaItem[]) => void;
}) {
  const { t } = useAdminT();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<MoveFocus>(null);
  const [addKey, setAddKey] = useState(0);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  // Keep the keyboard focus on the moved item's button (or its other arrow at an end).
  useEffect(() => {
    if (!focusAfterMove) return;
    const { itemId, direction } = focusAfterMove;
    const other = direction === "up" ? "down" : "up";
    const preferred = buttons.current.get(`${itemId}:${direction}`);
    const target = preferred && !preferred.disabled ? preferred : buttons.current.get(`${itemId}:${other}`);
    target?.focus();
  }, [focusAfterMove, agenda]);

  const totalMinutes = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);

  const move = async (index: number, delta: -1 | 1) => {
    const item = agenda[index]!;
    const ids = moveId(
      agenda.map((a) => a.id),
      index,
      delta,
    );
    const previous = agenda;
    const byId = new Map(agenda.map((a) => [a.id, a]));
    onChange(() => ids.map((id, position) => ({ ...byId.get(id)!, position })));
    setFocusAfterMove({ itemId: item.id, direction: delta < 0 ? "up" : "down" });
    setError(null);
    try {
      const result = await api.reorderAgenda(meetingId, ids);
      onChange((current) => {
        // The server's order, with the materials we know of (the order answer may omit them).
        const known = new Map(current.map((a) => [a.id, a]));
        return result.agenda.map((a) => ({ ...a, materials: a.materials ?? known.get(a.id)?.materials ?? [] }));
      });
      setAnnouncement(t("agenda.moved", { title: item.title, position: ids.indexOf(item.id) + 1 }));
    } catch (e) {
      onChange(() => previous);
      setError(e);
    }
  };

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <div className="agenda-tab">
      <div className="section-head">
        <h2>{t("agenda.title")}</h2>
        <span className="muted">{t("agenda.total", { count: agenda.length, minutes: totalMinutes })}</span>
      </div>
      <ErrorLine error={error} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {agenda.length === 0 && <p className="muted empty">{t("agenda.empty")}</p>}
      <ol className="agenda-list" data-testid="agenda-list">
        {agenda.map((item, index) => (
          <li key={item.id} className="agenda-item admin-card" data-testid="agenda-item">
            <div className="agenda-item-head">
              <span className="agenda-pos" aria-hidden="true">
                {index + 1}
              </span>
              {editing === item.id ? (
                <AgendaItemForm
                  initial={{ title: item.title, presenter: item.presenter ?? "", plannedMinutes: item.plannedMinutes }}
                  submitLabel={t("common.save")}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (fields) => {
                    const { item: saved } = await api.updateAgendaItem(meetingId, item.id, { ...fields, presenter: fields.presenter || null });
                    onChange((current) => current.map((a) => (a.id === item.id ? { ...a, ...saved, materials: saved.materials ?? a.materials } : a)));
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <div className="agenda-item-text">
                    <h3 data-testid="agenda-title">{item.title}</h3>
                    <p className="muted">{[item.presenter, t("agenda.plannedShort", { minutes: item.plannedMinutes })].filter(Boolean).join(" · ")}</p>
                  </div>
                  {editable && (
                    <div className="agenda-item-actions">
                      <button
                        type="button"
                        ref={ref(`${item.id}:up`)}
                        onClick={() => void move(index, -1)}
                        disabled={index === 0}
                        aria-label={t("agenda.moveUpLabel", { title: item.title })}
                        title={t("agenda.moveUp")}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        ref={ref(`${item.id}:down`)}
                        onClick={() => void move(index, 1)}
                        disabled={index === agenda.length - 1}
                        aria-label={t("agenda.moveDownLabel", { title: item.title })}
                        title={t("agenda.moveDown")}
                      >
                        ↓
                      </button>
                      <button type="button" onClick={() => setEditing(item.id)}>
                        {t("common.edit")}
                      </button>
                      <button type="button" className="danger" onClick={() => setDeleting(item)}>
                        {t("common.delete")}
                      </button>
                    </div>
                  )}
                </>
              )}
            </div>
            <Materials
              meetingId={meetingId}
              itemId={item.id}
              materials={item.materials}
              editable={editable}
              onChange={(update) => onChange((current) => current.map((a) => (a.id === item.id ? { ...a, materials: update(a.materials) } : a)))}
            />
          </li>
        ))}
      </ol>
      {editable && (
        <section className="admin-card add-agenda" aria-labelledby="add-agenda-title">
          <h3 id="add-agenda-title">{t("agenda.addTitle")}</h3>
          <AgendaItemForm
            key={addKey}
            autoFocus={addKey > 0}
            initial={{ title: "", presenter: "", plannedMinutes: 30 }}
            submitLabel={t("agenda.add")}
            testId="add-agenda-form"
            onSubmit={async (fields) => {
              const { item } = await api.addAgendaItem(meetingId, {
                title: fields.title,
                plannedMinutes: fields.plannedMinutes,
                ...(fields.presenter ? { presenter: fields.presenter } : {}),
              });
              onChange((current) => [...current, { ...item, materials: item.materials ?? [] }]);
              setAddKey((k) => k + 1);
            }}
          />
        </section>
      )}
      {deleting && (
        <ConfirmDialog
          title={t("agenda.deleteConfirmTitle")}
          text={t("agenda.deleteConfirm", { title: deleting.title })}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.deleteAgendaItem(meetingId, deleting.id);
            onChange((current) => current.filter((a) => a.id !== deleting.id));
          }}
        />
      )}
    </div>
  );
}
