// 即时表决: the chair (or the clerk, if allowed) drafts, opens, closes and publishes polls.
// Ballots are checked here (checkBallot) but stored by the server's ballot box, never as events.
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { notOpen, type MeetingState } from "../state.ts";
import { eligibleVoters, unitOf } from "./eligibility.ts";
import { computeResult } from "./rules.ts";
import { mayVote, openWarnings } from "./warnings.ts";
import type { BallotInput, EligibleVoter, Poll, PollCommand, PollDefinition, PollOption } from "./schema.ts";

/** Option ids are stable per form: the fixed forms name theirs; choices are numbered. */
export function pollOptions(definition: PollDefinition): PollOption[] {
  switch (definition.form) {
    case "yesNoAbstain":
      return [{ id: "yes", label: "赞成" }, { id: "no", label: "反对" }, { id: "abstain", label: "弃权" }];
    case "consent":
      return [{ id: "agree", label: "同意" }, { id: "disagree", label: "不同意" }];
    default:
      return (definition.options ?? []).map((label, i) => ({ id: `o${i + 1}`, label }));
  }
}

/** How many options a ballot must choose: [min, max]. */
export function choiceRange(definition: PollDefinition, options: readonly PollOption[]): [number, number] {
  if (definition.form !== "multiple") return [1, 1];
  return [definition.minChoices ?? 1, definition.maxChoices ?? options.length];
}

/** Why a definition cannot be used, or null. */
function definitionProblem(d: PollDefinition): string | null {
  const choice = d.form === "single" || d.form === "multiple";
  if (choice && !d.options) return "options: required for single and multiple choice";
  if (!choice && d.options) return "options: the fixed forms bring their own options";
  if (d.form !== "multiple" && (d.minChoices !== undefined || d.maxChoices !== undefined)) return "minChoices/maxChoices: multiple choice only";
  if (d.form === "multiple") {
    const [min, max] = choiceRange(d, pollOptions(d));
    if (min > max || max > d.options!.length) return "minChoices/maxChoices: need 1 ≤ min ≤ max ≤ number of options";
  }
  if (new Set(d.options ?? []).size !== (d.options ?? []).length) return "options: labels must differ";
  if (!d.weighted && d.rule.some((c) => c.measure === "weight")) return "rule: measure weight needs a weighted poll";
  if (d.rule.some((c) => c.base === "cast" && c.share.num === c.share.den && !c.atLeast)) return "rule: more than all of the votes cast can never pass";
  return null;
}

const mayRun = (state: MeetingState, actor: Actor): boolean =>
  actor.role === "chair" || (actor.role === "clerk" && state.pollRules.clerkMay);

export const findPoll = (state: MeetingState, pollId: string): Poll | undefined => state.polls.find((p) => p.pollId === pollId);

export function decidePoll(state: MeetingState, command: PollCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  if (command.type === "poll.enterHands") {
    if (actor.role !== "chair" && actor.role !== "clerk") return fail("FORBIDDEN");
  } else if (!mayRun(state, actor) && !(command.type === "poll.close" && actor.role === "system")) {
    return fail("FORBIDDEN");
  }
  if (command.type === "poll.create") {
    const refusal = notOpen(state);
    if (refusal) return fail(refusal);
    if (!state.pollRules.allowed) return fail("POLLS_OFF");
    const problem = definitionProblem(command.poll);
    if (problem) return fail("VALIDATION", [problem]);
    const d = command.poll;
    if (d.secret && (d.tallyVisibility !== "none" || d.allowChange || d.weighted)) return fail("SECRET_BALLOT_RULE");
    // A 实到 clause keeps latecomers' ballots apart: in a secret poll that would single them out.
    if (d.secret && d.eligibility.absentMayVote && d.rule.some((c) => c.base === "present")) return fail("SECRET_BALLOT_RULE", ["a secret poll with a 实到 clause cannot let latecomers vote"]);
    return ok([{ type: "poll.created", pollId: ctx.newId(), itemId: state.currentItemId, by: actor.participantId, options: pollOptions(d), definition: d }]);
  }
  const poll = findPoll(state, command.pollId);
  if (!poll) return fail("POLL_NOT_FOUND");
  switch (command.type) {
    case "poll.discard":
      return poll.status === "draft" ? ok([{ type: "poll.discarded", pollId: poll.pollId }]) : fail("POLL_ALREADY_OPEN");
    case "poll.open": {
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      if (poll.status !== "draft") return fail(poll.status === "open" ? "POLL_ALREADY_OPEN" : "POLL_CLOSED");
      if (!state.pollRules.allowed) return fail("POLLS_OFF");
      if (state.polls.some((p) => p.status === "open")) return fail("POLL_ALREADY_OPEN");
      const eligible = eligibleVoters(state, poll.definition.eligibility, poll.definition.weighted);
      if (mayVote(eligible, poll.definition.eligibility.absentMayVote).length === 0) return fail("NO_ELIGIBLE_VOTERS");
      const warnings = openWarnings(state, poll);
      if (warnings.length > 0 && command.confirmed !== true) return fail("POLL_NEEDS_CONFIRMATION", warnings.map((w) => w.kind));
      const seconds = poll.definition.durationSeconds;
      return ok([{ type: "poll.opened", pollId: poll.pollId, at: now, closesAt: seconds === null ? null : now + seconds * 1000 }]);
    }
    case "poll.close": {
      if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
      if (!ctx.tally) return fail("INTERNAL", ["poll.close needs the ballot box tally"]);
      const result = computeResult(poll.definition, poll.options, poll.eligible, ctx.tally, poll.hands);
      return ok([{ type: "poll.closed", pollId: poll.pollId, at: now, by: actor.participantId, result }]);
    }
    case "poll.publish":
      if (poll.status === "published") return ok([]);
      return poll.status === "closed" && poll.result ? ok([{ type: "poll.published", pollId: poll.pollId, at: now, result: poll.result }]) : fail("POLL_NOT_OPEN");
    case "poll.enterHands": {
      if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
      if (poll.definition.form === "multiple") return fail("VALIDATION", ["counts: a show of hands is for single-answer polls"]);
      const ids = new Set(poll.options.map((o) => o.id));
      if (Object.keys(command.counts).some((id) => !ids.has(id))) return fail("INVALID_BALLOT", ["counts: unknown option"]);
      const raised = Object.values(command.counts).reduce((a, b) => a + b, 0);
      if (raised > mayVote(poll.eligible, poll.definition.eligibility.absentMayVote).length) return fail("VALIDATION", ["counts: more hands than voters who may vote"]);
      return ok([{ type: "poll.handsEntered", pollId: poll.pollId, counts: command.counts, by: actor.participantId }]);
    }
  }
}

export interface CheckedBallot {
  poll: Poll;
  unit: EligibleVoter;
  /** Chosen option ids in the poll's option order. */
  choices: string[];
}

/** Whether this participant may cast this ballot now (not whether they voted already: the box knows). */
export function checkBallot(state: MeetingState, participantId: string, input: BallotInput): Result<CheckedBallot> {
  const poll = findPoll(state, input.pollId);
  if (!poll) return fail("POLL_NOT_FOUND");
  if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
  const unit = unitOf(poll.eligible, participantId);
  if (!unit) return fail("NOT_ELIGIBLE");
  // Absent at the opening: only when latecomers may vote, and only once they are here.
  if (!unit.present && !(poll.definition.eligibility.absentMayVote && state.attendance[participantId]?.status === "present")) return fail("ABSENT_AT_OPENING");
  const chosen = new Set(input.choices);
  const [min, max] = choiceRange(poll.definition, poll.options);
  if (chosen.size !== input.choices.length) return fail("INVALID_BALLOT", ["choices: an option is chosen twice"]);
  if (input.choices.some((id) => !poll.options.some((o) => o.id === id))) return fail("INVALID_BALLOT", ["choices: unknown option"]);
  if (chosen.size < min || chosen.size > max) return fail("INVALID_BALLOT", [`choices: choose ${min === max ? min : `${min}–${max}`}`]);
  if (input.weight !== undefined && input.weight !== unit.weight) return fail("INVALID_BALLOT", ["weight: not this voter's weight"]);
  return ok({ poll, unit, choices: poll.options.filter((o) => chosen.has(o.id)).map((o) => o.id) });
}
