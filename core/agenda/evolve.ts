import type { MeetingState } from "../state.ts";
import type { AgendaEvent } from "./schema.ts";

export function evolveAgenda(state: MeetingState, event: AgendaEvent): MeetingState {
  switch (event.type) {
    case "agenda.itemStarted": {
      const closed = closeCurrentItem(state, event.at);
      return {
        ...closed,
        currentItemId: event.itemId,
        itemVisits: [...state.itemVisits, { itemId: event.itemId, at: event.at }],
        agenda: closed.agenda.map((item) => (item.id === event.itemId ? { ...item, startedAt: event.at } : item)),
      };
    }
    case "agenda.set": {
      const previous = new Map(state.agenda.map((item) => [item.id, item]));
      const agenda = event.items.map((item) => ({
        ...item,
        actualMs: previous.get(item.id)?.actualMs ?? 0,
        startedAt: previous.get(item.id)?.startedAt ?? null,
      }));
      const currentItemId = agenda.some((item) => item.id === state.currentItemId) ? state.currentItemId : null;
      return { ...state, agenda, currentItemId };
    }
  }
}

/** Adds the running visit of the current item to its actual time. */
export function closeCurrentItem(state: MeetingState, at: number): MeetingState {
  return {
    ...state,
    agenda: state.agenda.map((item) =>
      item.startedAt === null ? item : { ...item, actualMs: item.actualMs + Math.max(0, at - item.startedAt), startedAt: null },
    ),
  };
}
