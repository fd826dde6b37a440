// The ballot box of every live meeting. Ballots arriving together are checked against the
// meeting state and stored in one transaction inside the room's turn (so a close can never
// overtake a ballot it should count), then acknowledged; nothing is acknowledged before it is
// stored. What others learn is throttled and aggregate: the number of ballots, and for named
// polls that allow it the running tally. docs/ballot-secrecy.md.
import { seesResult, type Audience } from "../../../core/audience.ts";
import { coreError, type CoreError } from "../../../core/errors.ts";
import type { Result } from "../../../core/errors.ts";
import { checkBallot, checkPaperBallot, findPoll, type CheckedBallot } from "../../../core/poll/decide.ts";
import { unitOf } from "../../../core/poll/eligibility.ts";
import { groupsOf } from "../../../core/poll/rules.ts";
import type { BallotInput, PaperBallotInput, Poll, Tally } from "../../../core/poll/schema.ts";
import type { BallotReceipt, MyBallots, PollAudit, PollLiveTally, PollTurnout, PollVoters } from "../../../core/protocol.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { Command } from "../../../core/meeting.ts";
import type { DecideExtras } from "../rooms/meetingRoom.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";
import { viaOf, type BallotStore, type BallotToStore } from "./ballotStore.ts";

type Outcome = { ok: true; value: BallotReceipt } | { ok: false; error: CoreError };

interface Pending {
  /** The ballot checked against the state of the turn it is stored in: a voter's own (or as proxy holder), or the clerk's paper ballot. */
  check: (state: MeetingState) => Result<CheckedBallot>;
  note: string | null;
  done: (outcome: Outcome) => void;
}

/** Where the aggregate updates go (socket.io rooms in the server, a list in tests). */
export interface BallotAudience {
  turnout(meetingId: string, turnout: PollTurnout): void;
  /** Who has voted in a named poll, to the staff (chair and clerk) only. */
  voters(meetingId: string, voters: PollVoters): void;
  /** The running tally to everyone (`all`) or to the chair only (`chair`). */
  tally(meetingId: string, to: "all" | "chair", tally: PollLiveTally): void;
}

export interface BallotBoxDeps {
  rooms: RoomRegistry;
  store: BallotStore;
  audience: BallotAudience;
  log: (message: string, error?: unknown) => void;
  /** How often at most the turnout and the live tally are sent per poll. */
  throttleMs: number;
}

export class BallotBox {
  private readonly pending = new Map<string, Pending[]>();
  private readonly updates = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: BallotBoxDeps) {}

  /** Resolves once the ballot is stored (or refused); never rejects. */
  vote(meetingId: string, participantId: string, input: BallotInput): Promise<Outcome> {
    return this.enqueue(meetingId, { check: (state) => checkBallot(state, participantId, input), note: null });
  }

  /** 纸质票: the chair's or the clerk's entry of a unit's paper ballot (the role is checked by the handler); stored like any ballot. */
  paper(meetingId: string, input: PaperBallotInput): Promise<Outcome> {
    return this.enqueue(meetingId, { check: (state) => checkPaperBallot(state, input), note: input.note ?? null });
  }

  private enqueue(meetingId: string, ballot: Omit<Pending, "done">): Promise<Outcome> {
    return new Promise((done) => {
      let queue = this.pending.get(meetingId);
      if (!queue) {
        queue = [];
        this.pending.set(meetingId, queue);
        // On the next turn of the event loop: every ballot read from the sockets meanwhile goes
        // into the same transaction (a storm of 2,000 ballots is a handful of commits).
        setImmediate(() => void this.flush(meetingId));
      }
      queue.push({ ...ballot, done });
    });
  }

  /** The totals a poll.close needs, read in the room's turn after every earlier ballot is stored. */
  tallyOf(poll: Poll): Promise<Tally> {
    return this.deps.store.tally(poll.pollId, poll.definition.secret);
  }

  /** The room's listener (RoomListener): a poll.close of an open poll is decided with its totals. */
  async decideContext(state: MeetingState, command: Command): Promise<DecideExtras> {
    if (command.type !== "poll.close") return {};
    const poll = findPoll(state, command.pollId);
    return poll?.status === "open" ? { tally: await this.tallyOf(poll) } : {};
  }

  /** The polls this person's unit voted in, and the units whose proxy they hold that have voted (`forUnit`). */
  async mine(state: MeetingState, participantId: string): Promise<MyBallots["ballots"]> {
    const own = new Set<string>();
    const pairs = state.polls.flatMap((poll) => {
      const unit = unitOf(poll.eligible, participantId);
      if (unit) own.add(`${poll.pollId}\u0000${unit.unitId}`);
      const held = poll.proxies.filter((p) => p.holderId === participantId).map((p) => ({ pollId: poll.pollId, unitId: p.unitId }));
      return [...(unit ? [{ pollId: poll.pollId, unitId: unit.unitId }] : []), ...held];
    });
    const rows = await this.deps.store.mine(pairs);
    return rows.map(({ pollId, unitId, choices }) => (own.has(`${pollId}\u0000${unitId}`) ? { pollId, choices } : { pollId, choices, forUnit: unitId }));
  }

  /** What a connection that just arrived should know of the open polls: their turnout so far. */
  async turnoutOfOpenPolls(state: MeetingState): Promise<PollTurnout[]> {
    const open = state.polls.filter((poll) => poll.status === "open");
    return Promise.all(open.map(async (poll) => ({ pollId: poll.pollId, ballots: await this.deps.store.turnout(poll.pollId) })));
  }

  /** What a staff connection that just arrived should know of the open named polls: who has voted so far. Never a secret poll. */
  async votersOfOpenPolls(state: MeetingState): Promise<PollVoters[]> {
    const open = state.polls.filter((poll) => poll.status === "open" && !poll.definition.secret);
    return Promise.all(open.map((poll) => this.votersOf(poll.pollId)));
  }

  private async votersOf(pollId: string): Promise<PollVoters> {
    const voters = await this.deps.store.voters(pollId);
    return { pollId, units: voters.map((v) => v.unitId), via: viaOf(voters) };
  }

  /**
   * A closed poll's voters and ballots (anonymous and in random order when secret), to whoever
   * may see its result (core/audience.ts seesResult: the staff from the close, everyone once published).
   */
  async audit(state: MeetingState, pollId: string, audience: Audience): Promise<{ ok: true; value: PollAudit } | { ok: false; error: CoreError }> {
    const poll = findPoll(state, pollId);
    if (!poll) return { ok: false, error: coreError("POLL_NOT_FOUND") };
    if (poll.status === "draft" || poll.status === "open")
      return { ok: false, error: coreError("POLL_NOT_OPEN", ["the ballots can be checked after the close"]) };
    if (!seesResult(poll, audience)) return { ok: false, error: coreError("POLL_NOT_PUBLISHED") };
    return { ok: true, value: { pollId, ...(await this.deps.store.audit(pollId, poll.definition.secret)) } };
  }

  /** A secret poll closed: the write order of its ballots is erased from the disk. */
  async closed(poll: Poll): Promise<void> {
    if (poll.definition.secret) await this.deps.store.forgetWriteOrder(poll.pollId);
  }

  private async flush(meetingId: string): Promise<void> {
    let batch: Pending[] = [];
    try {
      const room = await this.deps.rooms.local(meetingId);
      await room.withTurn(async (state) => {
        // Everything that arrived until now goes into this batch; later ballots start the next.
        batch = this.pending.get(meetingId) ?? [];
        this.pending.delete(meetingId);
        await this.store(meetingId, state, batch);
      });
    } catch (error) {
      this.deps.log(`storing ${batch.length} ballot(s) failed in meeting ${meetingId}`, error);
      for (const p of batch) p.done({ ok: false, error: coreError("INTERNAL") });
    }
  }

  private async store(meetingId: string, state: MeetingState, batch: readonly Pending[]): Promise<void> {
    const accepted: { pending: Pending; ballot: BallotToStore; poll: Poll }[] = [];
    for (const pending of batch) {
      const checked = pending.check(state);
      if (!checked.ok) {
        pending.done(checked);
        continue;
      }
      const { poll, unit, choices, via } = checked.value;
      accepted.push({
        pending,
        poll,
        ballot: {
          pollId: poll.pollId,
          unitId: unit.unitId,
          secret: poll.definition.secret,
          allowChange: poll.definition.allowChange,
          choices,
          weight: unit.weight,
          groups: groupsOf(poll.definition, unit),
          via,
          note: pending.note,
        },
      });
    }
    // Under the meeting's lease when there are several nodes: a node that lost the meeting stores no ballot.
    const fence = this.deps.rooms.fenceOf(meetingId);
    const outcomes = await this.deps.store.cast(
      accepted.map((a) => a.ballot),
      fence && { meetingId, ...fence },
    );
    const touched = new Map<string, Poll>();
    accepted.forEach(({ pending, poll, ballot }, i) => {
      const outcome = outcomes[i]!;
      // The unit has voted: the voter is told so; a proxy or paper ballot for it is refused as the unit's second one.
      if (outcome === "duplicate") return pending.done({ ok: false, error: coreError(ballot.via === "self" ? "ALREADY_VOTED" : "UNIT_ALREADY_VOTED") });
      touched.set(poll.pollId, poll);
      pending.done({ ok: true, value: { pollId: poll.pollId, changed: outcome === "changed" } });
    });
    for (const poll of touched.values()) this.scheduleUpdate(meetingId, poll);
  }

  /** At most one turnout (and live tally) per poll per throttle period, sent after the period. */
  private scheduleUpdate(meetingId: string, poll: Poll): void {
    if (this.updates.has(poll.pollId)) return;
    this.updates.set(
      poll.pollId,
      setTimeout(() => {
        this.updates.delete(poll.pollId);
        void this.sendUpdate(meetingId, poll).catch((error: unknown) => this.deps.log(`poll update for ${poll.pollId} failed`, error));
      }, this.deps.throttleMs),
    );
  }

  private async sendUpdate(meetingId: string, poll: Poll): Promise<void> {
    // Named polls only: the staff see who has voted (a secret poll's voters are never sent while it runs); before the turnout.
    if (!poll.definition.secret) this.deps.audience.voters(meetingId, await this.votersOf(poll.pollId));
    const ballots = await this.deps.store.turnout(poll.pollId);
    this.deps.audience.turnout(meetingId, { pollId: poll.pollId, ballots });
    const visibility = poll.definition.tallyVisibility;
    // Secret polls are refused any visibility but none when created (SECRET_BALLOT_RULE).
    if (visibility === "none" || poll.definition.secret) return;
    const tally = await this.deps.store.tally(poll.pollId, false);
    this.deps.audience.tally(meetingId, visibility, { pollId: poll.pollId, counts: tally.counts, weights: tally.weights });
  }

  /** Stops pending updates (server shutdown). */
  close(): void {
    for (const timer of this.updates.values()) clearTimeout(timer);
    this.updates.clear();
  }
}
