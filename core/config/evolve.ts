import type { MeetingState } from "../state.ts";
import type { ConfigEvent } from "./schema.ts";

export function evolveConfig(state: MeetingState, event: ConfigEvent): MeetingState {
  switch (event.type) {
    case "roster.set":
      return { ...state, roster: event.roster };
    case "meeting.kindSet":
      return { ...state, kind: event.kind };
    case "meeting.timeZoneSet":
      return { ...state, timeZone: event.timeZone };
    case "meeting.groupOfSet":
      return { ...state, groupOf: event.groupOf };
    case "meeting.micOpensOnFloorSet":
      return { ...state, micOpensOnFloor: event.opens };
  }
}
