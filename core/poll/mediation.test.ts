// 人民调解 decides by the parties' agreement, never by a vote: in a mediation meeting no poll is
// drafted, opened, voted on (hands, proxies, ballots) or published (POLLS_NOT_IN_MEDIATION); a poll
// left from before the organisers made the meeting a mediation may still be closed or discarded.
import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "../meeting.ts";
import { SYSTEM_ACTOR } from "../roles.ts";
import { decisionTable, ev, given, people, tally } from "../../testing/core.ts";
import { checkBallot, checkPaperBallot } from "./decide.ts";

const { chair, alice, bob, clerk } = people;
const A = alice.participantId;
const B = bob.participantId;
const MEDIATION: MeetingEvent = { type: "meeting.kindSet", kind: "mediation" };
const CONSULTATION: MeetingEvent = { type: "meeting.kindSet", kind: "consultation" };
const POLL = { title: "关于赔偿方案的表决", form: "yesNoAbstain", secret: false, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }] };
const create = { type: "poll.create", poll: POLL };
const present = ev.arrived([A, B], "online", 0);
/** q1 drafted and q1 open while the meeting was still a consultation, then the kind changed. */
const draftThenMediation = [present, ev.pollCreated("q1"), MEDIATION];
const openThenMediation = [present, ev.pollCreated("q1"), ev.pollOpened("q1", 10_000), MEDIATION];
/** q1 closed (by the chair, as decided) while the meeting was a consultation, then the kind changed. */
const closedThenMediation = [
  ...openThenMediation.slice(0, -1),
  ...given(...openThenMediation.slice(0, -1)).when({ type: "poll.close", pollId: "q1" }, chair, 20_000, tally({ counts: { yes: 2 } })).events,
  MEDIATION,
];
const clerkMay = ev.pollRules(true);

describe("a mediation meeting takes no vote → POLLS_NOT_IN_MEDIATION", () => {
  decisionTable([
    { name: "the chair drafts a poll", given: [MEDIATION], command: create, actor: chair, then: { error: "POLLS_NOT_IN_MEDIATION" } },
    { name: "the clerk who may run polls drafts one", given: [clerkMay, MEDIATION], command: create, actor: clerk, then: { error: "POLLS_NOT_IN_MEDIATION" } },
    {
      name: "a party (a member) drafts one → FORBIDDEN (authorization first)",
      given: [MEDIATION],
      command: create,
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "before the meeting opens (the kind before the status)",
      meeting: "scheduled",
      given: [MEDIATION],
      command: create,
      actor: chair,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "a draft left from before opens",
      given: draftThenMediation,
      command: { type: "poll.open", pollId: "q1", confirmed: true },
      actor: chair,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "an unknown poll opens (the kind before the poll)",
      given: [MEDIATION],
      command: { type: "poll.open", pollId: "q9" },
      actor: chair,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "hands are entered on an open poll left from before",
      given: openThenMediation,
      command: { type: "poll.enterHands", pollId: "q1", counts: { yes: 1 } },
      actor: clerk,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "a proxy is recorded on it",
      given: openThenMediation,
      command: { type: "poll.recordProxy", pollId: "q1", unitId: A, holder: { name: "周某" }, note: "书面委托" },
      actor: chair,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "a closed poll's result is published",
      given: closedThenMediation,
      command: { type: "poll.publish", pollId: "q1" },
      actor: chair,
      then: { error: "POLLS_NOT_IN_MEDIATION" },
    },
    {
      name: "a draft left from before is discarded",
      given: draftThenMediation,
      command: { type: "poll.discard", pollId: "q1" },
      actor: chair,
      then: [ev.pollDiscarded("q1")],
    },
  ]);

  it("an open poll left from before is still closed, by the chair or by its timer (none stays open)", () => {
    for (const actor of [chair, SYSTEM_ACTOR]) {
      const { result } = given(...openThenMediation).when({ type: "poll.close", pollId: "q1" }, actor, 30_000, tally({ counts: { yes: 1 } }));
      expect(result.ok && result.value.map((e) => e.type)).toEqual(["poll.closed"]);
    }
  });

  it("refuses the ballots of a poll left open, on the phone and on paper", () => {
    const after = given(...openThenMediation).state;
    expect(checkBallot(after, A, { pollId: "q1", choices: ["yes"] })).toMatchObject({ ok: false, error: { code: "POLLS_NOT_IN_MEDIATION" } });
    expect(checkPaperBallot(after, { pollId: "q1", unitId: B, choices: ["no"] })).toMatchObject({ ok: false, error: { code: "POLLS_NOT_IN_MEDIATION" } });
  });

  it("once the meeting is no longer a mediation, polls run again", () => {
    const { result } = given(MEDIATION, CONSULTATION).when(create, chair);
    expect(result.ok).toBe(true);
    const again = given(...openThenMediation, CONSULTATION).state;
    expect(checkBallot(again, A, { pollId: "q1", choices: ["yes"] }).ok).toBe(true);
  });
});
