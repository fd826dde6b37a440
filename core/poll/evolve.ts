import type { MeetingState } from "../state.ts";
import { eligibleVoters } from "./eligibility.ts";
import type { Poll, PollEvent } from "./schema.ts";
import { upgradeDefinition, upgradeResult } from "./upgrade.ts";

const update = (state: MeetingState, pollId: string, change: (poll: Poll) => Partial<Poll>): MeetingState => ({
  ...state,
  polls: state.polls.map((p) => (p.pollId === pollId ? { ...p, ...change(p) } : p)),
});

export function evolvePoll(state: MeetingState, event: PollEvent): MeetingState {
  switch (event.type) {
    case "poll.created":
      return {
        ...state,
        polls: [
          ...state.polls,
          {
            pollId: event.pollId,
            itemId: event.itemId,
            createdBy: event.by,
            definition: upgradeDefinition(event.definition),
            options: event.options,
            status: "draft",
            openedAt: null,
            closesAt: null,
            closedAt: null,
            eligible: [],
            hands: null,
            result: null,
            proxies: [],
          },
        ],
      };
    case "poll.discarded":
      return { ...state, polls: state.polls.filter((p) => p.pollId !== event.pollId) };
    case "poll.opened":
      // Frozen here: the roster and attendance as they stand at this point of the log.
      return update(state, event.pollId, (p) => ({
        status: "open",
        openedAt: event.at,
        closesAt: event.closesAt,
        eligible: eligibleVoters(state, p.definition.eligibility, p.definition.weighted),
      }));
    case "poll.closed":
      return update(state, event.pollId, () => ({ status: "closed", closedAt: event.at, result: upgradeResult(event.result) }));
    case "poll.published":
      return update(state, event.pollId, () => ({ status: "published", result: upgradeResult(event.result) }));
    case "poll.handsEntered":
      return update(state, event.pollId, () => ({ hands: event.counts }));
    case "poll.proxyRecorded": {
      const { unitId, holderId, holderName, note, evidence, by } = event;
      return update(state, event.pollId, (p) => ({ proxies: [...p.proxies, { unitId, holderId, holderName, note, evidence, by }] }));
    }
    case "poll.rulesSet":
      return { ...state, pollRules: { clerkMay: event.clerkMay, allowed: event.allowed } };
  }
}
