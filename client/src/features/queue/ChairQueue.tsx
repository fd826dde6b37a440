import { useRef, useState } from "react";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { Command } from "@core/meeting.ts";
import { suggestNext } from "@core/ordering/suggest.ts";
import type { QueueEntry } from "@core/queue/schema.ts";
import { announce } from "../../components/announcer/announce.ts";
import { focusAfter } from "../../components/focusAfter.ts";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { GuestChip, KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { endSpeechButton, entryButtonAt, QUEUE_TITLE_ID, removeButtonNear, type EntryAction } from "./chairFocus.ts";
import { useDragAnnouncements } from "./dragAnnouncements.ts";
import { SuggestNext } from "./SuggestNext.tsx";

/**
 * The chair's queue: the suggested next speaker, drag (mouse, touch or keyboard) to reorder, call or
 * remove anyone. After an action the focus goes on (the moved entry's same button in its new place,
 * the speech bar's 结束发言 after 请其发言) and the change is said, with names and places.
 */
export function ChairQueue({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const queue = state?.queue ?? [];
  const suggestedId = state ? (suggestNext(state)?.participantId ?? null) : null;
  const suggested = queue.find((e) => e.participantId === suggestedId) ?? null;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const indexOf = (id: string) => queue.findIndex((e) => e.participantId === id);
  const nameAt = (id: string) => {
    const entry = queue[indexOf(id)];
    return entry ? speakerName(entry, nameOf) : "";
  };
  const accessibility = useDragAnnouncements(queue.length, nameAt, indexOf);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const id = String(active.id);
    const toIndex = indexOf(String(over.id));
    // The drop is said by the drag's own announcements; the handle keeps the focus in its new place.
    if (toIndex >= 0)
      void focusAfter(
        () => run({ type: "queue.move", participantId: id, toIndex }),
        () => entryButtonAt(id, toIndex, "drag"),
      );
  };

  return (
    <section className="panel" aria-labelledby="chair-queue-title">
      <h2 id={QUEUE_TITLE_ID} tabIndex={-1}>
        {t("queue.title")} <span className="muted small">{t("queue.count", { count: queue.length })}</span>
      </h2>
      {queue.length === 0 ? (
        <p className="muted">{t("queue.empty")}</p>
      ) : (
        <>
          <SuggestNext run={run} pending={pending} />
          <p className="muted small">{t("queue.dragHint")}</p>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={accessibility}>
            <SortableContext items={queue.map((e) => e.participantId)} strategy={verticalListSortingStrategy}>
              <ol className="queue chair" data-testid="queue">
                {queue.map((entry, index) => (
                  <ChairQueueItem
                    key={entry.participantId}
                    entry={entry}
                    index={index}
                    total={queue.length}
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
  total: number;
  suggested: QueueEntry | null;
  run: (c: Command) => Promise<boolean>;
  pending: boolean;
}) {
  const { entry, index, total, suggested, run, pending } = props;
  const last = index === total - 1;
  const { t } = useTranslation();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const giveButton = useRef<HTMLButtonElement>(null);
  const p = person(entry.participantId);
  const id = entry.participantId;
  const name = speakerName(entry, nameOf);
  const isSuggested = suggested?.participantId === id;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const give = async () => {
    const trimmed = reason.trim();
    if (await focusAfter(() => run({ type: "floor.give", participantId: id, ...(trimmed ? { reason: trimmed } : {}) }), endSpeechButton)) {
      setAsking(false);
      setReason("");
    }
  };
  // 上移/下移: the focus stays on the same button of the entry in its new place (the other arrow at either end).
  const move = (direction: "up" | "down") => {
    const toIndex = direction === "up" ? index - 1 : index + 1;
    const stays: EntryAction = toIndex === 0 ? "down" : toIndex === total - 1 ? "up" : direction;
    void focusAfter(
      () => run({ type: "queue.move", participantId: id, toIndex }),
      () => entryButtonAt(id, toIndex, stays),
    ).then((done) => done && announce(t("feedback.chair.moved", { name, position: toIndex + 1, total })));
  };
  const remove = () =>
    void focusAfter(
      () => run({ type: "queue.remove", participantId: id }),
      () => removeButtonNear(id, index),
    ).then((done) => done && announce(t("feedback.chair.removed", { name })));
  const suggestedName = suggested ? speakerName(suggested, nameOf) : "";
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={[isDragging && "dragging", isSuggested && "suggested"].filter(Boolean).join(" ") || undefined}
      data-testid="queue-item"
      data-queue-entry={id}
    >
      <button type="button" className="drag-handle" aria-label={`${name} ${t("queue.dragHint")}`} data-action="drag" {...attributes} {...listeners}>
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
          data-action="up"
          onClick={() => move("up")}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          disabled={pending || last}
          aria-label={t("queue.moveDown")}
          title={t("queue.moveDown")}
          data-action="down"
          onClick={() => move("down")}
        >
          ↓
        </button>
        <button type="button" className="secondary" disabled={pending} data-action="remove" onClick={remove}>
          {t("queue.remove")}
        </button>
        <button
          type="button"
          className="primary"
          disabled={pending}
          ref={giveButton}
          data-testid="give-floor"
          data-action="give"
          aria-expanded={isSuggested ? undefined : asking}
          onClick={() => (isSuggested || suggested === null ? void give() : setAsking((v) => !v))}
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
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAsking(false);
                giveButton.current?.focus();
              }}
            >
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
