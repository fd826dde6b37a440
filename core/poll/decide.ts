// 即时表决: the chair (or the clerk, if allowed) drafts, opens, closes and publishes polls.
// Ballots are checked here (checkBallot) but stored by the server's ballot box, never as events.
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { notOpen, type MeetingState } from "../state.ts";
import { eligibleVoters, unitOf } from "./eligibility.ts";
import { BLANK, candidateChoice, computeResult, INVALID } from "./rules.ts";
import { mayVote, openWarnings } from "./warnings.ts";
import { displayName } from "../naming/displayNames.ts";
import type { BallotInput, BallotVia, EligibleVoter, PaperBallotInput, Poll, PollCommand, PollDefinition, PollOption } from "./schema.ts";

const VETO: PollOption = { id: "veto", label: "否决" };

/** Option ids are stable per form: the fixed forms name theirs (with 否决 where allowed); choices and candidates are numbered. */
export function pollOptions(definition: PollDefinition): PollOption[] {
  const veto = definition.veto ? [VETO] : [];
  switch (definition.form) {
    case "yesNoAbstain":
      return [{ id: "yes", label: "赞成" }, { id: "no", label: "反对" }, { id: "abstain", label: "弃权" }, ...veto];
    case "consent":
      return [{ id: "agree", label: "同意" }, { id: "disagree", label: "不同意" }, ...veto];
    default:
      return (definition.options ?? []).map((label, i) => ({ id: `o${i + 1}`, label }));
  }
}

/** The ids a clause may name as its `option`: the options, and each candidate's answers in an election. */
function optionIds(d: PollDefinition): string[] {
  const options = pollOptions(d);
  return d.form === "candidates" ? options.flatMap((o) => (["yes", "no", "abstain"] as const).map((a) => candidateChoice(o.id, a))) : options.map((o) => o.id);
}

/** How many options a ballot must choose: [min, max] (a blank ballot aside, where allowed; candidates: one answer per candidate at most). */
export function choiceRange(definition: PollDefinition, options: readonly PollOption[]): [number, number] {
  if (definition.form === "candidates") return [0, options.length];
  if (definition.form !== "multiple") return [1, 1];
  return [definition.minChoices ?? 1, definition.maxChoices ?? options.length];
}

/** Why a definition cannot be used, or null. */
function definitionProblem(d: PollDefinition): string | null {
  const choice = d.form === "single" || d.form === "multiple" || d.form === "candidates";
  if (choice && !d.options) return "options: required for single and multiple choice and for candidates";
  if (!choice && d.options) return "options: the fixed forms bring their own options";
  if (d.veto && choice) return "veto: for 赞成/反对/弃权 and 同意/不同意 only";
  if (d.allowBlank && !choice) return "allowBlank: for single and multiple choice and candidates only (the fixed forms have 弃权)";
  if (d.allowBlank && d.weighted) return "allowBlank: not with vote weights";
  if (d.seats !== undefined && (d.form === "yesNoAbstain" || d.form === "consent")) return "seats: for elections (single, multiple choice, candidates)";
  if (d.seats !== undefined && d.seats > (d.options ?? []).length) return "seats: more seats than options";
  if (d.form !== "multiple" && (d.minChoices !== undefined || d.maxChoices !== undefined)) return "minChoices/maxChoices: multiple choice only";
  if (d.form === "multiple") {
    const [min, max] = choiceRange(d, pollOptions(d));
    if (min > max || max > d.options!.length) return "minChoices/maxChoices: need 1 ≤ min ≤ max ≤ number of options";
  }
  if (new Set(d.options ?? []).size !== (d.options ?? []).length) return "options: labels must differ";
  if (!d.weighted && d.rule.some((c) => c.measure === "weight")) return "rule: measure weight needs a weighted poll";
  const ids = optionIds(d);
  for (const c of d.rule) {
    if (c.option !== undefined && !ids.includes(c.option)) return `rule: no option ${c.option} in this poll`;
    if (c.share.num === 0 && c.compare !== "atMost") return "rule: a share of 0 only as an upper bound (no ballot of that option)";
    if (c.share.num === c.share.den && c.compare === "more") return "rule: more than all of a base can never pass";
    if (c.base === "decisive" && c.measure === "weight" && d.form !== "yesNoAbstain" && d.form !== "consent")
      return "rule: decisive weights for 赞成/反对/弃权 and 同意/不同意 only";
  }
  if (d.quorum && d.quorum.measure !== "count" && !d.weighted) return "quorum: by weight needs a weighted poll";
  if (d.quorum && d.quorum.share.num === 0) return "quorum: a share of 0 is no quorum";
  return null;
}

/**
 * 人民调解: a mediation decides by the parties' agreement, never by a vote (人民调解法). In a mediation
 * meeting no poll is drafted, opened, voted on (hands, proxies, ballots) or published; a poll left
 * over from before the organisers changed the meeting's kind may still be closed (by the chair or
 * its timer) or discarded, so none stays open.
 */
const noVoteInMediation = (state: MeetingState, type: PollCommand["type"] | "ballot"): boolean =>
  state.kind === "mediation" && type !== "poll.close" && type !== "poll.discard";

const mayRun = (state: MeetingState, actor: Actor): boolean => actor.role === "chair" || (actor.role === "clerk" && state.pollRules.clerkMay);

export const findPoll = (state: MeetingState, pollId: string): Poll | undefined => state.polls.find((p) => p.pollId === pollId);

export function decidePoll(state: MeetingState, command: PollCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  if (command.type === "poll.enterHands" || command.type === "poll.recordProxy") {
    if (actor.role !== "chair" && actor.role !== "clerk") return fail("FORBIDDEN");
  } else if (!mayRun(state, actor) && !(command.type === "poll.close" && actor.role === "system")) {
    return fail("FORBIDDEN");
  }
  if (noVoteInMediation(state, command.type)) return fail("POLLS_NOT_IN_MEDIATION");
  if (command.type === "poll.create") {
    const refusal = notOpen(state);
    if (refusal) return fail(refusal);
    if (!state.pollRules.allowed) return fail("POLLS_OFF");
    const problem = definitionProblem(command.poll);
    if (problem) return fail("VALIDATION", [problem]);
    const d = command.poll;
    if (d.secret && (d.tallyVisibility !== "none" || d.allowChange || d.weighted)) return fail("SECRET_BALLOT_RULE");
    // A 实到 clause keeps latecomers' ballots apart: in a secret poll that would single them out.
    if (d.secret && d.eligibility.absentMayVote && d.rule.some((c) => c.base === "present"))
      return fail("SECRET_BALLOT_RULE", ["a secret poll with a 实到 clause cannot let latecomers vote"]);
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
      if (warnings.length > 0 && command.confirmed !== true)
        return fail(
          "POLL_NEEDS_CONFIRMATION",
          warnings.map((w) => w.kind),
        );
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
      return poll.status === "closed" && poll.result
        ? ok([{ type: "poll.published", pollId: poll.pollId, at: now, result: poll.result }])
        : fail("POLL_NOT_OPEN");
    case "poll.enterHands": {
      if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
      if (poll.definition.form === "multiple" || poll.definition.form === "candidates")
        return fail("VALIDATION", ["counts: a show of hands is for single-answer polls"]);
      // Paper ballots may be blank (空白票) or invalid (废票): in 投票, for nobody.
      const ids = new Set([...poll.options.map((o) => o.id), BLANK, INVALID]);
      if (Object.keys(command.counts).some((id) => !ids.has(id))) return fail("INVALID_BALLOT", ["counts: unknown option"]);
      const raised = Object.values(command.counts).reduce((a, b) => a + b, 0);
      if (raised > mayVote(poll.eligible, poll.definition.eligibility.absentMayVote).length)
        return fail("VALIDATION", ["counts: more hands than voters who may vote"]);
      return ok([{ type: "poll.handsEntered", pollId: poll.pollId, counts: command.counts, by: actor.participantId }]);
    }
    case "poll.recordProxy": {
      if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
      const unit = poll.eligible.find((u) => u.unitId === command.unitId);
      if (!unit) return fail("NOT_ELIGIBLE", ["unitId: not on this poll's list"]);
      if (poll.proxies.some((p) => p.unitId === unit.unitId)) return fail("PROXY_EXISTS");
      const { holder } = command;
      if ("name" in holder)
        return ok([
          {
            type: "poll.proxyRecorded",
            pollId: poll.pollId,
            unitId: unit.unitId,
            holderId: null,
            holderName: holder.name,
            note: command.note,
            evidence: command.evidence ?? null,
            by: actor.participantId,
          },
        ]);
      // The holder votes on their own device: someone present, and not of the unit itself (who would vote as themselves).
      const name = displayName(state.roster, holder.participantId);
      if (name === undefined || state.attendance[holder.participantId]?.status !== "present" || unit.participantIds.includes(holder.participantId))
        return fail("PROXY_HOLDER_INVALID");
      return ok([
        {
          type: "poll.proxyRecorded",
          pollId: poll.pollId,
          unitId: unit.unitId,
          holderId: holder.participantId,
          holderName: name,
          note: command.note,
          evidence: command.evidence ?? null,
          by: actor.participantId,
        },
      ]);
    }
  }
}

const optionOrder = (poll: Poll, choice: string): number => poll.options.findIndex((o) => choice.startsWith(`${o.id}:`));

export interface CheckedBallot {
  poll: Poll;
  unit: EligibleVoter;
  /** Chosen option ids in the poll's option order. */
  choices: string[];
  via: BallotVia;
}

/** The poll a ballot is for, if it is open. */
function openPoll(state: MeetingState, pollId: string): Result<Poll> {
  if (noVoteInMediation(state, "ballot")) return fail("POLLS_NOT_IN_MEDIATION");
  const poll = findPoll(state, pollId);
  if (!poll) return fail("POLL_NOT_FOUND");
  if (poll.status !== "open") return fail(poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED");
  return ok(poll);
}

/** Absent at the opening: only when latecomers may vote, and only once one of `here` is present. */
const mayVoteNow = (state: MeetingState, poll: Poll, unit: EligibleVoter, here: readonly string[]): boolean =>
  unit.present || (poll.definition.eligibility.absentMayVote && here.some((id) => state.attendance[id]?.status === "present"));

/**
 * Whether this participant may cast this ballot now (not whether the unit voted already: the box
 * knows): for their own unit, or with `forUnit` for a unit whose proxy they hold (the holder's
 * presence stands for the unit's when latecomers may vote).
 */
export function checkBallot(state: MeetingState, participantId: string, input: BallotInput): Result<CheckedBallot> {
  const found = openPoll(state, input.pollId);
  if (!found.ok) return found;
  const poll = found.value;
  if (input.forUnit !== undefined) {
    const proxy = poll.proxies.find((p) => p.unitId === input.forUnit && p.holderId === participantId);
    const unit = proxy && poll.eligible.find((u) => u.unitId === proxy.unitId);
    if (!unit) return fail("NO_PROXY");
    if (!mayVoteNow(state, poll, unit, [participantId])) return fail("ABSENT_AT_OPENING");
    return checkChoices(poll, unit, input, "proxy");
  }
  const unit = unitOf(poll.eligible, participantId);
  if (!unit) return fail("NOT_ELIGIBLE");
  if (!mayVoteNow(state, poll, unit, [participantId])) return fail("ABSENT_AT_OPENING");
  return checkChoices(poll, unit, input, "self");
}

/**
 * Whether the chair or the clerk may enter this paper ballot now: a unit on the list, present (as
 * for its own ballot, or through its proxy holder where latecomers may vote), a valid choice.
 */
export function checkPaperBallot(state: MeetingState, input: PaperBallotInput): Result<CheckedBallot> {
  const found = openPoll(state, input.pollId);
  if (!found.ok) return found;
  const poll = found.value;
  const unit = poll.eligible.find((u) => u.unitId === input.unitId);
  if (!unit) return fail("NOT_ELIGIBLE", ["unitId: not on this poll's list"]);
  // A unit absent at the opening is here through its proxy holder, who hands in the paper (a holder off the roster always does).
  const proxied = poll.proxies.some((p) => p.unitId === unit.unitId);
  if (!(proxied && poll.definition.eligibility.absentMayVote) && !mayVoteNow(state, poll, unit, unit.participantIds)) return fail("ABSENT_AT_OPENING");
  // Next to the voter's row a note could tell a secret ballot's choice.
  if (poll.definition.secret && input.note !== undefined) return fail("SECRET_BALLOT_RULE", ["note: not for a secret poll's paper ballot"]);
  return checkChoices(poll, unit, { pollId: input.pollId, choices: input.choices }, "paper");
}

function checkChoices(poll: Poll, unit: EligibleVoter, input: BallotInput, via: BallotVia): Result<CheckedBallot> {
  const chosen = new Set(input.choices);
  const [min, max] = choiceRange(poll.definition, poll.options);
  if (chosen.size !== input.choices.length) return fail("INVALID_BALLOT", ["choices: an option is chosen twice"]);
  if (poll.definition.form === "candidates") {
    // One answer per candidate at most; a candidate left out is an abstention.
    const answers = input.choices.map((id) => /^(.+):(yes|no|abstain)$/.exec(id));
    if (answers.some((m) => m === null || !poll.options.some((o) => o.id === m[1]))) return fail("INVALID_BALLOT", ["choices: <candidate>:yes|no|abstain"]);
    if (new Set(answers.map((m) => m![1])).size !== answers.length) return fail("INVALID_BALLOT", ["choices: one answer per candidate"]);
    return ok({ poll, unit, via, choices: [...input.choices].sort((a, b) => optionOrder(poll, a) - optionOrder(poll, b)) });
  }
  if (input.choices.some((id) => !poll.options.some((o) => o.id === id))) return fail("INVALID_BALLOT", ["choices: unknown option"]);
  const blank = chosen.size === 0 && poll.definition.allowBlank;
  if (!blank && (chosen.size < min || chosen.size > max)) return fail("INVALID_BALLOT", [`choices: choose ${min === max ? min : `${min}–${max}`}`]);
  if (input.weight !== undefined && input.weight !== unit.weight) return fail("INVALID_BALLOT", ["weight: not this voter's weight"]);
  return ok({ poll, unit, via, choices: poll.options.filter((o) => chosen.has(o.id)).map((o) => o.id) });
}
