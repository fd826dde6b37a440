import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { QueueEntry } from "@core/state.ts";
import { useMeeting, useRoster } from "../../connection/useMeeting.ts";

/** The chair's queue: drag (mouse, touch or keyboard) to reorder, call or remove anyone. */
export function ChairQueue({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const queue = state?.queue ?? [];
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const toIndex = queue.findIndex((e) => e.participantId === over.id);
    if (toIndex >= 0) void run({ type: "queue.move", participantId: String(active.id), toIndex });
  };

  return (
    <section className="panel" aria-labelledby="chair-queue-title">
      <h2 id="chair-queue-title">
        {t("queue.title")} <span className="muted small">{t("queue.count", { count: queue.length })}</span>
      </h2>
      {queue.length === 0 ? (
        <p className="muted">{t("queue.empty")}</p>
      ) : (
        <>
          <p className="muted small">{t("queue.dragHint")}</p>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={queue.map((e) => e.participantId)} strategy={verticalListSortingStrategy}>
              <ol className="queue chair" data-testid="queue">
                {queue.map((entry, index) => (
                  <ChairQueueItem key={entry.participantId} entry={entry} index={index} last={index === queue.length - 1} run={run} pending={pending} />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </>
      )}
    </section>
  );
}

function ChairQueueItem(props: { entry: QueueEntry; index: number; last: boolean; run: (c: Command) => Promise<boolean>; pending: boolean }) {
  const { entry, index, last, run, pending } = props;
  const { t } = useTranslation();
  const person = useRoster();
  const p = person(entry.participantId);
  const id = entry.participantId;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? "dragging" : undefined} data-testid="queue-item">
      <button type="button" className="drag-handle" aria-label={`${p?.name ?? ""} ${t("queue.dragHint")}`} {...attributes} {...listeners}>
        ⠿
      </button>
      <span className="pos">{index + 1}</span>
      <span className="name">{p?.name ?? "—"}</span>
      <span className="chips">{[p?.sector, p?.party].filter(Boolean).join(" · ")}</span>
      <span className="row-actions">
        <button type="button" className="icon" disabled={pending || index === 0} aria-label={t("queue.moveUp")} title={t("queue.moveUp")}
          onClick={() => void run({ type: "queue.move", participantId: id, toIndex: index - 1 })}>↑</button>
        <button type="button" className="icon" disabled={pending || last} aria-label={t("queue.moveDown")} title={t("queue.moveDown")}
          onClick={() => void run({ type: "queue.move", participantId: id, toIndex: index + 1 })}>↓</button>
        <button type="button" className="secondary" disabled={pending} onClick={() => void run({ type: "queue.remove", participantId: id })}>
          {t("queue.remove")}
        </button>
        <button type="button" className="primary" disabled={pending} data-testid="give-floor"
          onClick={() => void run({ type: "floor.give", participantId: id })}>
          {t("queue.give")}
        </button>
      </span>
    </li>
  );
}
