import { closeCurrentItem } from "../agenda/evolve.ts";
import type { MeetingState } from "../state.ts";
import type { LifecycleEvent } from "./schema.ts";

export function evolveLifecycle(state: MeetingState, event: LifecycleEvent): MeetingState {
  switch (event.type) {
    case "meeting.opened":
      return { ...state, status: "open", openedAt: event.at };
    case "meeting.closed":
      return { ...closeCurrentItem(state, event.at), status: "closed", closedAt: event.at, currentItemId: null, queue: [] };
  }
}
