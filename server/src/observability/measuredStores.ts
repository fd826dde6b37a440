// The database's stores as the server uses them, measured: the event log's appends timed, the
// ballot store's writes counted. Around the interfaces, so both backends (SQLite, PostgreSQL) are
// measured alike and their code stays as it is.
import type { EventStore } from "../eventlog/eventStore.ts";
import type { BallotStore } from "../polls/ballotStore.ts";
import type { ServerMetrics } from "./metrics.ts";

/** Every append timed (failed ones too: a slow failing database shows). */
export function timedEventStore(store: EventStore, metrics: Pick<ServerMetrics, "eventAppendDuration">): EventStore {
  return {
    load: (meetingId, afterSeq) => store.load(meetingId, afterSeq),
    heads: (typePrefixes) => store.heads(typePrefixes),
    append: async (meetingId, events, fence) => {
      const stop = metrics.eventAppendDuration.startTimer();
      try {
        await store.append(meetingId, events, fence);
      } finally {
        stop();
      }
    },
  };
}

/** Ballots counted once stored (a unit's first, or a named ballot changed); duplicates refused are not. Nothing about who or which poll. */
export function countedBallotStore(store: BallotStore, metrics: Pick<ServerMetrics, "ballotsStored">): BallotStore {
  return {
    cast: async (batch, fence) => {
      const outcomes = await store.cast(batch, fence);
      const stored = outcomes.filter((o) => o === "stored").length;
      const changed = outcomes.filter((o) => o === "changed").length;
      if (stored) metrics.ballotsStored.inc({ outcome: "stored" }, stored);
      if (changed) metrics.ballotsStored.inc({ outcome: "changed" }, changed);
      return outcomes;
    },
    tally: (pollId, secret) => store.tally(pollId, secret),
    turnout: (pollId) => store.turnout(pollId),
    voters: (pollId) => store.voters(pollId),
    mine: (pairs) => store.mine(pairs),
    audit: (pollId, secret) => store.audit(pollId, secret),
    forgetWriteOrder: (pollId) => store.forgetWriteOrder(pollId),
  };
}
