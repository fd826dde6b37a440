import type { MeetingState } from "../state.ts";
import type { GroupsEvent, PlenaryGroup } from "./schema.ts";

const updateGroup = (state: MeetingState, groupId: string, change: (g: PlenaryGroup) => PlenaryGroup): MeetingState => ({
  ...state,
  groups: { ...state.groups, groups: state.groups.groups.map((g) => (g.groupId === groupId ? change(g) : g)) },
});

export function evolveGroups(state: MeetingState, event: GroupsEvent): MeetingState {
  switch (event.type) {
    case "groups.defined":
      return {
        ...state,
        groups: {
          phase: "defined",
          method: event.method,
          groups: event.groups.map((g) => ({ ...g, meetingId: null, seats: [], progress: null, report: null })),
          openedAt: null,
          recallEndsAt: null,
          closedAt: null,
          notices: [],
        },
      };
    case "groups.chosen":
      return {
        ...state,
        groups: {
          ...state.groups,
          groups: state.groups.groups.map((g) => {
            const others = g.memberIds.filter((id) => id !== event.participantId);
            return { ...g, memberIds: g.groupId === event.groupId ? [...others, event.participantId] : others };
          }),
        },
      };
    case "groups.opened": {
      const opened = new Map(event.groups.map((g) => [g.groupId, g]));
      return {
        ...state,
        groups: {
          ...state.groups,
          phase: "open",
          openedAt: event.at,
          groups: state.groups.groups.map((g) => {
            const o = opened.get(g.groupId);
            if (!o) return g;
            // In a topic round the unchosen joined at opening: the event says who is in the group now.
            return { ...g, memberIds: o.memberIds, meetingId: o.meetingId, seats: o.seats };
          }),
        },
      };
    }
    case "groups.noticed":
      return { ...state, groups: { ...state.groups, notices: [...state.groups.notices, { text: event.text, at: event.at, by: event.by }] } };
    case "groups.recalled":
      return { ...state, groups: { ...state.groups, phase: "recalling", recallEndsAt: event.endsAt } };
    case "groups.closed":
      return { ...state, groups: { ...state.groups, phase: "closed", recallEndsAt: null, closedAt: event.at } };
    case "groups.progressed":
      return updateGroup(state, event.groupId, (g) => ({ ...g, progress: event.progress }));
    case "groups.reportReceived":
      return updateGroup(state, event.groupId, (g) => ({ ...g, report: event.report }));
    case "groups.reported":
      return { ...state, groupReport: event.report };
  }
}
