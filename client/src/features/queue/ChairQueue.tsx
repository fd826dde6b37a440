import { useState } from "react";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { Command } from "@core/meeting.ts";
import { suggestNext } from "@core/ordering/suggest.ts";
import type { QueueEntry } from "@core/queue/schema.ts";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { GuestChip, KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { SuggestNext } from "./SuggestNext.tsx";

/** The chair's queue: the suggested next speaker, drag (mouse, touch or keyboard) to reorder, call or remove anyone. */
export function ChairQueue({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const queue = state?.queue ?? [];
  const suggestedId = state ? (suggestNext(state)?.participantId ?? null) : null;
  const suggested = queue.find((e) => e.participantId === suggestedId) ?? null;
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
          <SuggestNext run={run} pending={pending} />
          <p className="muted small">{t("queue.dragHint")}</p>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={queue.map((e) => e.participantId)} strategy={verticalListSortingStrategy}>
              <ol className="queue chair" data-testid="queue">
                {queue.map((entry, index) => (
                  <ChairQueueItem
                    key={entry.participantId}
                    entry={entry}
                    index={index}
                    last={index === queue.length - 1}
                    suggested={suggested}
                    run={run}
                    pending={pending}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </>
      )}
    </section>
  );
}

function ChairQueueItem(props: {
  entry: QueueEntry;
  index: number;
  last: boolean;
  suggested: QueueEntry | null;
  run: (c: Command) => Promise<boolean>;
  pending: boolean;
}) {
  const { entry, index, last, suggested, run, pending } = props;
  const { t } = useTranslation();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const p = person(entry.participantId);
  const id = entry.participantId;
  const name = speakerName(entry, nameOf);
  const isSuggested = suggested?.participantId === id;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const give = async () => {
    const trimmed = reason.trim();
    if (await run({ type: "floor.give", participantId: id, ...(trimmed ? { reason: trimmed } : {}) })) {
      setAsking(false);
      setReason("");
    }
  };
  const suggestedName = suggested ? speakerName(suggested, nameOf) : "";
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={[isDragging && "dragging", isSuggested && "suggested"].filter(Boolean).join(" ") || undefined}
      data-testid="queue-item"
    >
      <button type="button" className="drag-handle" aria-label={`${name} ${t("queue.dragHint")}`} {...attributes} {...listeners}>
        ⠿
      </button>
      <span className="pos">{index + 1}</span>
      <span className="name-cell">
        <span className="name">{name}</span>
        <KindBadge kind={entry.kind} />
        {entry.guestName !== null && <GuestChip />}
      </span>
      <span className="chips">
        {p && (
          <span className="chip" data-testid="queue-item-role">
            {role(p)}
          </span>
        )}
        {sectorParty(p).map((part) => (
          <span key={part} className="chip">
            {part}
          </span>
        ))}
      </span>
      <span className="row-actions">
        <button
          type="button"
          className="icon"
          disabled={pending || index === 0}
          aria-label={t("queue.moveUp")}
          title={t("queue.moveUp")}
          onClick={() => void run({ type: "queue.move", participantId: id, toIndex: index - 1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          disabled={pending || last}
          aria-label={t("queue.moveDown")}
          title={t("queue.moveDown")}
          onClick={() => void run({ type: "queue.move", participantId: id, toIndex: index + 1 })}
        >
          ↓
        </button>
        <button type="button" className="secondary" disabled={pending} onClick={() => void run({ type: "queue.remove", participantId: id })}>
          {t("queue.remove")}
        </button>
        <button
          type="button"
          className="primary"
          disabled={pending}
          data-testid="give-floor"
          aria-expanded={isSuggested ? undefined : asking}
          onClick={() => (isSuggested || suggested === null ? void run({ type: "floor.give", participantId: id }) : setAsking((v) => !v))}
        >
          {t("queue.give")}
        </button>
      </span>
      {asking && !isSuggested && (
        // Choosing someone other than the suggestion is recorded as an override, with an optional reason.
        <form
          className="override-prompt"
          data-testid="override-prompt"
          onSubmit={(e) => {
            e.preventDefault();
            void give();
          }}
        >
          <label htmlFor={`override-${id}`}>{t("speaking.overridePrompt", { suggested: suggestedName, name })}</label>
          <input
            id={`override-${id}`}
            type="text"
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            data-testid="override-reason"
          />
          <span className="buttons">
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("speaking.cancel")}
            </button>
            <button type="submit" className="primary" disabled={pending} data-testid="override-confirm">
              {t("speaking.overrideConfirm", { name })}
            </button>
          </span>
        </form>
      )}
    </li>
  );
}
