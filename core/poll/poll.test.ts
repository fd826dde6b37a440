// 即时表决 through the public decide/evolve/replay: who may run a poll, every refusal, the
// eligible list frozen at the opening, the automatic close time, and the ballot check.
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../errors.ts";
import { decide, evolve, replay, type Command, type StoredEvent } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import type { RosterEntry } from "../config/schema.ts";
import {
  agendaItem,
  CLAUSES,
  configSync,
  decisionTable,
  deepEqual,
  deepFreeze,
  ev,
  given,
  NOW,
  people,
  pollDefinition,
  ROSTER,
  rosterEntry,
  sequentialIds,
  stamp,
  tally,
  type DecisionCase,
} from "../../testing/core.ts";
import { checkBallot } from "./decide.ts";
import { computeResult } from "./rules.ts";
import type { BallotInput, PollResult } from "./schema.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const CH = chair.participantId;
const CL = clerk.participantId;

/** A named 赞成/反对/弃权 vote as sent by a client (the defaults are filled in by the parser). */
const POLL = { title: "关于议题的表决", form: "yesNoAbstain", secret: false, rule: [CLAUSES.majorityOfCast] };
const create = (fields: Record<string, unknown> = {}) => ({ type: "poll.create", poll: { ...POLL, ...fields } });
const cmd = (type: "poll.discard" | "poll.open" | "poll.close" | "poll.publish", pollId = "q1") => ({ type, pollId });
/** poll.open past the warnings (the chair confirmed them). */
const openConfirmed = (pollId = "q1") => ({ type: "poll.open", pollId, confirmed: true });
const hands = (counts: Record<string, number>, pollId = "q1") => ({ type: "poll.enterHands", pollId, counts });

/** alice and bob are present (carol is not). */
const present = ev.arrived([A, B], "online", 0);
/** A draft poll q1 with alice and bob present. */
const draft = [present, ev.pollCreated("q1")];
/** q1 open since t=10 s. */
const open = [...draft, ev.pollOpened("q1", 10_000)];
/** What q1 (2 eligible) gave with 2 yes. */
const RESULT: PollResult = (() => {
  const d = pollDefinition();
  const eligible = [A, B].map((id) => ({ unitId: id, participantIds: [id], weight: 1, household: null, present: true }));
  return computeResult(
    d,
    [
      { id: "yes", label: "赞成" },
      { id: "no", label: "反对" },
      { id: "abstain", label: "弃权" },
    ],
    eligible,
    tally({ counts: { yes: 2 } }),
    null,
  );
})();
/** q1 closed at t=20 s. */
const closed = [...open, ev.pollClosed("q1", RESULT, { at: 20_000 })];
const published = [...closed, ev.pollPublished("q1", RESULT, 30_000)];
const TALLY = tally({ counts: { yes: 2 } });

const everyoneBut = (...allowed: Actor[]): Actor[] => [chair, alice, olga, clerk, observer, SYSTEM_ACTOR].filter((a) => !allowed.includes(a));

describe("poll.create", () => {
  decisionTable([
    {
      name: "the chair drafts a poll (defaults filled in)",
      given: [],
      command: create(),
      actor: chair,
      then: [ev.pollCreated("new-1", pollDefinition(), { by: CH })],
    },
    {
      name: "for the current agenda item",
      given: [ev.agendaSet([agendaItem("a1"), agendaItem("a2")]), ev.itemStarted("a2", 0)],
      command: create(),
      actor: chair,
      then: [ev.pollCreated("new-1", pollDefinition(), { itemId: "a2" })],
    },
    {
      name: "single choice: options numbered o1…",
      given: [],
      command: create({ form: "single", options: ["张三", "李四"] }),
      actor: chair,
      then: [
        {
          type: "poll.created",
          pollId: "new-1",
          itemId: null,
          by: CH,
          options: [
            { id: "o1", label: "张三" },
            { id: "o2", label: "李四" },
          ],
          definition: pollDefinition({ form: "single", options: ["张三", "李四"] }),
        },
      ],
    },
    {
      name: "consent: 同意 / 不同意",
      given: [],
      command: create({ form: "consent" }),
      actor: chair,
      then: [
        {
          type: "poll.created",
          pollId: "new-1",
          itemId: null,
          by: CH,
          options: [
            { id: "agree", label: "同意" },
            { id: "disagree", label: "不同意" },
          ],
          definition: pollDefinition({ form: "consent" }),
        },
      ],
    },
    {
      name: "multiple choice with min and max",
      given: [],
      command: create({ form: "multiple", options: ["甲", "乙", "丙"], minChoices: 2, maxChoices: 3 }),
      actor: chair,
      then: [ev.pollCreated("new-1", pollDefinition({ form: "multiple", options: ["甲", "乙", "丙"], minChoices: 2, maxChoices: 3 }))],
    },
    {
      name: "a secret ballot with the defaults",
      given: [],
      command: create({ secret: true }),
      actor: chair,
      then: [ev.pollCreated("new-1", pollDefinition({ secret: true }))],
    },
    {
      name: "a named weighted poll with a live tally for the chair",
      given: [],
      command: create({
        weighted: true,
        tallyVisibility: "chair",
        allowChange: true,
        rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "weight" }],
      }),
      actor: chair,
      then: [
        ev.pollCreated(
          "new-1",
          pollDefinition({
            weighted: true,
            tallyVisibility: "chair",
            allowChange: true,
            rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "weight" }],
          }),
        ),
      ],
    },
    { name: "the clerk → FORBIDDEN (by default)", given: [], command: create(), actor: clerk, then: { error: "FORBIDDEN" } },
    {
      name: "the clerk where the meeting allows it",
      given: [ev.pollRules(true)],
      command: create(),
      actor: clerk,
      then: [ev.pollCreated("new-1", pollDefinition(), { by: CL })],
    },
    {
      name: "the clerk once allowed, then not → FORBIDDEN",
      given: [ev.pollRules(true), ev.pollRules(false)],
      command: create(),
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    ...[alice, olga, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN (even where the clerk may)`,
      given: [ev.pollRules(true)],
      command: create(),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: create(),
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    { name: "after close → MEETING_CLOSED", given: [ev.closed(5_000)], command: create(), actor: chair, then: { error: "MEETING_CLOSED" } },
    {
      name: "a member after close → FORBIDDEN (authorization first)",
      given: [ev.closed(5_000)],
      command: create(),
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a bad definition after close → MEETING_CLOSED (the status before the definition)",
      given: [ev.closed(5_000)],
      command: create({ form: "single" }),
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    { name: "an unauthorized bad definition → FORBIDDEN", given: [], command: create({ form: "single" }), actor: alice, then: { error: "FORBIDDEN" } },
  ]);

  describe("bad definitions → VALIDATION", () => {
    const bad: [string, Record<string, unknown>][] = [
      // Refused by decide (definitionProblem).
      ["single choice without options", { form: "single" }],
      ["multiple choice without options", { form: "multiple" }],
      ["a fixed form with options", { form: "yesNoAbstain", options: ["a", "b"] }],
      ["consent with options", { form: "consent", options: ["a", "b"] }],
      ["min/max on a single choice", { form: "single", options: ["a", "b"], maxChoices: 1 }],
      ["min/max on a fixed form", { minChoices: 1 }],
      ["multiple: min > max", { form: "multiple", options: ["a", "b", "c"], minChoices: 3, maxChoices: 2 }],
      ["multiple: max > number of options", { form: "multiple", options: ["a", "b", "c"], maxChoices: 4 }],
      ["multiple: min > number of options (no max)", { form: "multiple", options: ["a", "b", "c"], minChoices: 4 }],
      ["the same label twice", { form: "single", options: ["张三", "李四", "张三"] }],
      ["the same label twice once trimmed", { form: "single", options: ["张三", " 张三 "] }],
      ["measure weight in a poll that is not weighted", { rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "weight" }] }],
      [
        "measure weight in a secret poll that is not weighted (VALIDATION before the secrecy rule)",
        { secret: true, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "weight" }] },
      ],
      ["more than all of the votes cast (can never pass)", { rule: [{ base: "cast", share: { num: 1, den: 1 }, compare: "more" }] }],
      // Refused by the parser.
      ["a clause in the old shape (kind, percent)", { rule: [{ kind: "percentOfEligible", percent: 80 }] }],
      ["an unknown base", { rule: [{ base: "all", share: { num: 1, den: 2 }, compare: "atLeast" }] }],
      ["a share above 1", { rule: [{ base: "cast", share: { num: 3, den: 2 }, compare: "atLeast" }] }],
      ["a share that is not whole numbers", { rule: [{ base: "cast", share: { num: 0.5, den: 1 }, compare: "atLeast" }] }],
      ["a share of 0", { rule: [{ base: "cast", share: { num: 0, den: 2 }, compare: "atLeast" }] }],
      ["a clause without compare", { rule: [{ base: "cast", share: { num: 1, den: 2 } }] }],
      ["an unknown compare", { rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "about" }] }],
      ["a share of 0 as a lower bound (always passes)", { rule: [{ base: "cast", share: { num: 0, den: 1 }, compare: "atLeast" }] }],
      ["less than none (never passes)", { rule: [{ base: "cast", share: { num: 0, den: 1 }, compare: "less" }] }],
      ["more than all of 应到 (never passes)", { rule: [{ base: "entitled", share: { num: 1, den: 1 }, compare: "more" }] }],
      ["a clause naming an option the poll does not have", { rule: [{ base: "cast", share: { num: 3, den: 10 }, compare: "atMost", option: "veto" }] }],
      ["a 否决 option on a choice form", { form: "single", options: ["甲", "乙"], veto: true }],
      ["blank ballots on a fixed form", { allowBlank: true }],
      ["seats on a fixed form", { seats: 1 }],
      ["more seats than candidates", { form: "candidates", options: ["甲", "乙"], seats: 3 }],
      ["a quorum by weight in a poll that is not weighted", { quorum: { share: { num: 2, den: 3 }, measure: "weight" } }],
      ["a quorum in the old shape (percent)", { quorum: { percent: 50 } }],
      ["the old presentOnly switch", { eligibility: { roles: ["member"], presentOnly: true } }],
      ["no rule", { rule: [] }],
      ["an empty title", { title: "   " }],
      ["a single option", { form: "single", options: ["a"] }],
      ["durationSeconds under 10", { durationSeconds: 9 }],
      ["an unknown form", { form: "ranked" }],
      ["an unknown field", { anonymous: true }],
      ["a quorum of 0", { quorum: { share: { num: 0, den: 1 } } }],
      ["eligibility without roles", { eligibility: { roles: [] } }],
    ];
    decisionTable(bad.map(([name, fields]): DecisionCase => ({ name, given: [], command: create(fields), actor: chair, then: { error: "VALIDATION" } })));
  });

  describe("a secret ballot shows no live tally, allows no change and counts no weights → SECRET_BALLOT_RULE", () => {
    decisionTable([
      {
        name: "live tally for the chair",
        given: [],
        command: create({ secret: true, tallyVisibility: "chair" }),
        actor: chair,
        then: { error: "SECRET_BALLOT_RULE" },
      },
      {
        name: "polls switched off for the meeting → POLLS_OFF",
        given: [ev.pollRules(true, false)],
        command: create({}),
        actor: chair,
        then: { error: "POLLS_OFF" },
      },
      { name: "live tally for all", given: [], command: create({ secret: true, tallyVisibility: "all" }), actor: chair, then: { error: "SECRET_BALLOT_RULE" } },
      { name: "changing votes", given: [], command: create({ secret: true, allowChange: true }), actor: chair, then: { error: "SECRET_BALLOT_RULE" } },
      { name: "weighted", given: [], command: create({ secret: true, weighted: true }), actor: chair, then: { error: "SECRET_BALLOT_RULE" } },
      {
        name: "weighted with a weight clause",
        given: [],
        command: create({ secret: true, weighted: true, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more", measure: "weight" }] }),
        actor: chair,
        then: { error: "SECRET_BALLOT_RULE" },
      },
      {
        name: "latecomers may vote and a clause counts 实到 (their ballots would stand apart)",
        given: [],
        command: create({ secret: true, eligibility: { roles: ["member"], absentMayVote: true }, rule: [CLAUSES.twoThirdsOfPresent] }),
        actor: chair,
        then: { error: "SECRET_BALLOT_RULE" },
      },
      {
        name: "by the clerk who may not → FORBIDDEN first",
        given: [],
        command: create({ secret: true, weighted: true }),
        actor: clerk,
        then: { error: "FORBIDDEN" },
      },
    ]);
  });

  it("adds a draft to the state, with nothing frozen yet", () => {
    const { after } = given().when(create({ durationSeconds: 60 }), chair);
    expect(after.polls).toEqual([
      {
        pollId: "new-1",
        itemId: null,
        createdBy: CH,
        definition: pollDefinition({ durationSeconds: 60 }),
        options: expect.any(Array),
        status: "draft",
        openedAt: null,
        closesAt: null,
        closedAt: null,
        eligible: [],
        hands: null,
        result: null,
        proxies: [],
      },
    ]);
  });
});

describe("poll.discard", () => {
  decisionTable([
    { name: "a draft → discarded", given: draft, command: cmd("poll.discard"), actor: chair, then: [ev.pollDiscarded("q1")] },
    { name: "by the clerk where allowed", given: [ev.pollRules(true), ...draft], command: cmd("poll.discard"), actor: clerk, then: [ev.pollDiscarded("q1")] },
    {
      name: "after the meeting closed (a draft is only a draft)",
      given: [...draft, ev.closed(5_000)],
      command: cmd("poll.discard"),
      actor: chair,
      then: [ev.pollDiscarded("q1")],
    },
    ...everyoneBut(chair).map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: draft,
      command: cmd("poll.discard"),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "an open poll → POLL_ALREADY_OPEN", given: open, command: cmd("poll.discard"), actor: chair, then: { error: "POLL_ALREADY_OPEN" } },
    { name: "a closed poll → POLL_ALREADY_OPEN", given: closed, command: cmd("poll.discard"), actor: chair, then: { error: "POLL_ALREADY_OPEN" } },
    { name: "an unknown poll → POLL_NOT_FOUND", given: draft, command: cmd("poll.discard", "q9"), actor: chair, then: { error: "POLL_NOT_FOUND" } },
    {
      name: "a discarded poll → POLL_NOT_FOUND",
      given: [...draft, ev.pollDiscarded("q1")],
      command: cmd("poll.discard"),
      actor: chair,
      then: { error: "POLL_NOT_FOUND" },
    },
  ]);

  it("removes the draft and only it", () => {
    const { after } = given(...draft, ev.pollCreated("q2")).when(cmd("poll.discard"), chair);
    expect(after.polls.map((p) => p.pollId)).toEqual(["q2"]);
  });
});

describe("poll.open", () => {
  decisionTable([
    {
      name: "the chair opens a draft now",
      given: draft,
      command: cmd("poll.open"),
      actor: chair,
      now: 5_000_000,
      then: [ev.pollOpened("q1", 5_000_000, null)],
    },
    {
      name: "durationSeconds: closes itself that long after now",
      given: [present, ev.pollCreated("q1", pollDefinition({ durationSeconds: 90 }))],
      command: cmd("poll.open"),
      actor: chair,
      now: 5_000_000,
      then: [ev.pollOpened("q1", 5_000_000, 5_090_000)],
    },
    { name: "the clerk where allowed", given: [ev.pollRules(true), ...draft], command: cmd("poll.open"), actor: clerk, then: [ev.pollOpened("q1", NOW)] },
    ...everyoneBut(chair).map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: draft,
      command: cmd("poll.open"),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "an unknown poll → POLL_NOT_FOUND", given: draft, command: cmd("poll.open", "q9"), actor: chair, then: { error: "POLL_NOT_FOUND" } },
    { name: "already open → POLL_ALREADY_OPEN", given: open, command: cmd("poll.open"), actor: chair, then: { error: "POLL_ALREADY_OPEN" } },
    {
      name: "another poll is open → POLL_ALREADY_OPEN",
      given: [...open, ev.pollCreated("q2")],
      command: cmd("poll.open", "q2"),
      actor: chair,
      then: { error: "POLL_ALREADY_OPEN" },
    },
    {
      name: "another poll was closed: this one opens",
      given: [...closed, ev.pollCreated("q2")],
      command: cmd("poll.open", "q2"),
      actor: chair,
      then: [ev.pollOpened("q2", NOW)],
    },
    { name: "closed → POLL_CLOSED", given: closed, command: cmd("poll.open"), actor: chair, then: { error: "POLL_CLOSED" } },
    {
      name: "the organisers switched polls off (允许表决) after the draft → POLLS_OFF",
      given: [...draft, ev.pollRules(false, false)],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "POLLS_OFF" },
    },
    { name: "published → POLL_CLOSED", given: published, command: cmd("poll.open"), actor: chair, then: { error: "POLL_CLOSED" } },
    {
      name: "a draft left from before the close → MEETING_CLOSED",
      given: [...draft, ev.closed(5_000)],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "a draft before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: draft,
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "an unknown poll after close → POLL_NOT_FOUND (the poll is looked up first)",
      given: [ev.closed(5_000)],
      command: cmd("poll.open", "q9"),
      actor: chair,
      then: { error: "POLL_NOT_FOUND" },
    },
    {
      name: "no member present → NO_ELIGIBLE_VOTERS",
      given: [ev.pollCreated("q1")],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "NO_ELIGIBLE_VOTERS" },
    },
    {
      name: "only non-voters present → NO_ELIGIBLE_VOTERS",
      given: [ev.arrived([CH, O, CL]), ev.pollCreated("q1")],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "NO_ELIGIBLE_VOTERS" },
    },
    {
      name: "the members left again → NO_ELIGIBLE_VOTERS",
      given: [...draft, ev.left([A, B], 5_000)],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "NO_ELIGIBLE_VOTERS" },
    },
    {
      name: "nobody present but latecomers may vote → opens (confirmed: the meeting is below its quorum)",
      given: [ev.pollCreated("q1", pollDefinition({ eligibility: { roles: ["member"], absentMayVote: true, side: null, perHousehold: false } }))],
      command: openConfirmed(),
      actor: chair,
      then: [ev.pollOpened("q1", NOW)],
    },
    {
      name: "the workers' side only, and no worker on the roster → NO_ELIGIBLE_VOTERS",
      given: [present, ev.pollCreated("q1", pollDefinition({ eligibility: { roles: ["member"], absentMayVote: false, side: "worker", perHousehold: false } }))],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "NO_ELIGIBLE_VOTERS" },
    },
    {
      name: "an official present but the poll is for members → NO_ELIGIBLE_VOTERS",
      given: [ev.arrived([O]), ev.pollCreated("q1")],
      command: cmd("poll.open"),
      actor: chair,
      then: { error: "NO_ELIGIBLE_VOTERS" },
    },
    {
      name: "an official present and officials may vote → opens",
      given: [
        ev.arrived([O]),
        ev.pollCreated("q1", pollDefinition({ eligibility: { roles: ["member", "official"], absentMayVote: false, side: null, perHousehold: false } })),
      ],
      command: openConfirmed(),
      actor: chair,
      then: [ev.pollOpened("q1", NOW)],
    },
  ]);

  it("records the opening time and the close time in the state", () => {
    const { after } = given(present, ev.pollCreated("q1", pollDefinition({ durationSeconds: 600 }))).when(cmd("poll.open"), chair, 2_000_000);
    expect(after.polls[0]).toMatchObject({ status: "open", openedAt: 2_000_000, closesAt: 2_600_000, closedAt: null, result: null });
  });
});

describe("poll.close", () => {
  decisionTable([
    { name: "an unknown poll → POLL_NOT_FOUND", given: open, command: cmd("poll.close", "q9"), actor: chair, tally: TALLY, then: { error: "POLL_NOT_FOUND" } },
    { name: "a draft → POLL_NOT_OPEN", given: draft, command: cmd("poll.close"), actor: chair, tally: TALLY, then: { error: "POLL_NOT_OPEN" } },
    { name: "closed → POLL_CLOSED", given: closed, command: cmd("poll.close"), actor: chair, tally: TALLY, then: { error: "POLL_CLOSED" } },
    { name: "published → POLL_CLOSED", given: published, command: cmd("poll.close"), actor: SYSTEM_ACTOR, tally: TALLY, then: { error: "POLL_CLOSED" } },
    { name: "without the ballot box tally → INTERNAL", given: open, command: cmd("poll.close"), actor: chair, then: { error: "INTERNAL" } },
    {
      name: "a draft without a tally → POLL_NOT_OPEN (the status first)",
      given: draft,
      command: cmd("poll.close"),
      actor: chair,
      then: { error: "POLL_NOT_OPEN" },
    },
    ...everyoneBut(chair, SYSTEM_ACTOR).map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: open,
      command: cmd("poll.close"),
      actor,
      tally: TALLY,
      then: { error: "FORBIDDEN" },
    })),
    { name: "a member without a tally → FORBIDDEN (authorization first)", given: open, command: cmd("poll.close"), actor: alice, then: { error: "FORBIDDEN" } },
  ]);

  const closeBy = (actor: Actor, prior = open) => given(...prior).when(cmd("poll.close"), actor, 50_000, tally({ counts: { yes: 2 } }));

  it("the chair closes it with the result computed from the frozen list and the tally", () => {
    const outcome = closeBy(chair);
    expect(outcome.events).toHaveLength(1);
    const event = outcome.events[0]!;
    expect(event).toMatchObject({ type: "poll.closed", pollId: "q1", at: 50_000, by: CH });
    expect(event.type === "poll.closed" && event.result).toMatchObject({
      eligibleCount: 3,
      presentCount: 2,
      ballots: 2,
      hands: 0,
      passedOptions: ["yes"],
      passed: true,
    });
    expect(outcome.after.polls[0]).toMatchObject({ status: "closed", closedAt: 50_000, openedAt: 10_000 });
    expect(outcome.after.polls[0]!.result).toEqual(event.type === "poll.closed" ? event.result : null);
  });

  it("the system closes it (the timer)", () => {
    expect(closeBy(SYSTEM_ACTOR).events[0]).toMatchObject({ type: "poll.closed", by: "system" });
  });

  it("the clerk closes it where allowed", () => {
    expect(closeBy(clerk, [ev.pollRules(true), ...open]).events[0]).toMatchObject({ type: "poll.closed", by: CL });
  });

  it("closes a poll still open when the meeting closed", () => {
    expect(closeBy(SYSTEM_ACTOR, [...open, ev.closed(20_000)]).after.polls[0]!.status).toBe("closed");
  });

  it("adds the hands entered to the tally", () => {
    const outcome = given(...open, ev.handsEntered("q1", { no: 1, abstain: 1 })).when(cmd("poll.close"), chair, 50_000, tally({ counts: { yes: 1 } }));
    const event = outcome.events[0]!;
    const result = event.type === "poll.closed" ? event.result : null;
    // 1 yes of 3 cast (1 ballot + 2 hands): no majority. Without the hands it would pass.
    expect(result).toMatchObject({ ballots: 1, hands: 2, passed: false });
    expect(result?.counts.map((c) => c.count)).toEqual([1, 1, 1]);
  });
});

describe("poll.publish", () => {
  decisionTable([
    { name: "a closed poll → published", given: closed, command: cmd("poll.publish"), actor: chair, then: [ev.pollPublished("q1", RESULT, NOW)] },
    { name: "published again → nothing", given: published, command: cmd("poll.publish"), actor: chair, then: [] },
    {
      name: "by the clerk where allowed",
      given: [ev.pollRules(true), ...closed],
      command: cmd("poll.publish"),
      actor: clerk,
      then: [ev.pollPublished("q1", RESULT, NOW)],
    },
    ...everyoneBut(chair).map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: closed,
      command: cmd("poll.publish"),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "still open → POLL_NOT_OPEN", given: open, command: cmd("poll.publish"), actor: chair, then: { error: "POLL_NOT_OPEN" } },
    { name: "a draft → POLL_NOT_OPEN", given: draft, command: cmd("poll.publish"), actor: chair, then: { error: "POLL_NOT_OPEN" } },
    { name: "unknown → POLL_NOT_FOUND", given: closed, command: cmd("poll.publish", "q9"), actor: chair, then: { error: "POLL_NOT_FOUND" } },
  ]);

  it("marks it published and keeps the result", () => {
    const { before, after } = given(...closed).when(cmd("poll.publish"), chair);
    expect(after.polls[0]).toEqual({ ...before.polls[0], status: "published" });
  });

  it("brings the result to a client that received the close without it", () => {
    const state = given(...open, ev.pollClosed("q1", null, { at: 20_000 }), ev.pollPublished("q1", RESULT, 30_000)).state;
    expect(state.polls[0]).toMatchObject({ status: "published", result: RESULT });
  });

  it("a closed poll without its result (a client's view) → POLL_NOT_OPEN", () => {
    expect(given(...open, ev.pollClosed("q1", null, { at: 20_000 })).when(cmd("poll.publish"), chair).error).toBe("POLL_NOT_OPEN");
  });
});

describe("poll.enterHands (举手表决)", () => {
  decisionTable([
    {
      name: "the clerk enters the counts (no permission needed)",
      given: open,
      command: hands({ yes: 1, no: 1 }),
      actor: clerk,
      then: [ev.handsEntered("q1", { yes: 1, no: 1 }, CL)],
    },
    { name: "the chair", given: open, command: hands({ abstain: 2 }), actor: chair, then: [ev.handsEntered("q1", { abstain: 2 }, CH)] },
    { name: "zeroes are counts too", given: open, command: hands({ yes: 0 }), actor: clerk, then: [ev.handsEntered("q1", { yes: 0 }, CL)] },
    {
      name: "as many hands as eligible (2)",
      given: open,
      command: hands({ yes: 1, abstain: 1 }),
      actor: clerk,
      then: [ev.handsEntered("q1", { yes: 1, abstain: 1 }, CL)],
    },
    ...[alice, olga, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: open,
      command: hands({ yes: 1 }),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "more hands than eligible voters → VALIDATION", given: open, command: hands({ yes: 2, no: 1 }), actor: clerk, then: { error: "VALIDATION" } },
    { name: "an unknown option → INVALID_BALLOT", given: open, command: hands({ yes: 1, maybe: 1 }), actor: clerk, then: { error: "INVALID_BALLOT" } },
    { name: "a count that is not a whole number → VALIDATION", given: open, command: hands({ yes: 1.5 }), actor: clerk, then: { error: "VALIDATION" } },
    { name: "a negative count → VALIDATION", given: open, command: hands({ yes: -1 }), actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "a multiple-choice poll → VALIDATION",
      given: [present, ev.pollCreated("q1", pollDefinition({ form: "multiple", options: ["甲", "乙"] })), ev.pollOpened("q1")],
      command: hands({ o1: 1 }),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "single choice: option ids o1…",
      given: [present, ev.pollCreated("q1", pollDefinition({ form: "single", options: ["甲", "乙"] })), ev.pollOpened("q1")],
      command: hands({ o2: 2 }),
      actor: clerk,
      then: [ev.handsEntered("q1", { o2: 2 }, CL)],
    },
    { name: "a draft → POLL_NOT_OPEN", given: draft, command: hands({ yes: 1 }), actor: clerk, then: { error: "POLL_NOT_OPEN" } },
    { name: "closed → POLL_CLOSED", given: closed, command: hands({ yes: 1 }), actor: clerk, then: { error: "POLL_CLOSED" } },
    { name: "unknown → POLL_NOT_FOUND", given: open, command: hands({ yes: 1 }, "q9"), actor: clerk, then: { error: "POLL_NOT_FOUND" } },
  ]);

  it("replaces the earlier counts", () => {
    const { after } = given(...open, ev.handsEntered("q1", { yes: 2 })).when(hands({ no: 1 }), clerk);
    expect(after.polls[0]!.hands).toEqual({ no: 1 });
  });
});

describe("poll rules from the organisers (config.sync → poll.rulesSet)", () => {
  decisionTable([
    {
      name: "the clerk may run polls → poll.rulesSet",
      given: [],
      command: configSync({ pollRules: { clerkMay: true } }),
      actor: SYSTEM_ACTOR,
      then: [ev.pollRules(true)],
    },
    {
      name: "the same rules again → nothing",
      given: [ev.pollRules(true)],
      command: configSync({ pollRules: { clerkMay: true } }),
      actor: SYSTEM_ACTOR,
      then: [],
    },
    {
      name: "no longer → poll.rulesSet",
      given: [ev.pollRules(true)],
      command: configSync({ pollRules: { clerkMay: false } }),
      actor: SYSTEM_ACTOR,
      then: [ev.pollRules(false)],
    },
    { name: "a sync without poll rules leaves them alone", given: [ev.pollRules(true)], command: configSync(), actor: SYSTEM_ACTOR, then: [] },
  ]);

  it("lets the clerk run polls, then not", () => {
    expect(given(ev.pollRules(true)).state.pollRules).toEqual({ clerkMay: true, allowed: true });
    expect(given(ev.pollRules(true), ev.pollRules(false)).state.pollRules).toEqual({ clerkMay: false, allowed: true });
  });
});

/** A roster for eligibility: members with sides, households and weights; an official and a clerk. */
const m = (id: string, fields: Partial<Omit<RosterEntry, "id">> = {}) => rosterEntry({ participantId: id, role: "member" }, fields);
const ROSTER2: RosterEntry[] = [
  rosterEntry(chair),
  m("w1", { side: "worker", household: "3号楼101", weight: 0.5 }),
  m("w2", { side: "worker", household: "3号楼101", weight: 1.25 }),
  m("w3", { side: "worker", household: "3号楼102" }),
  m("e1", { side: "enterprise", household: "5号楼201", weight: 2 }),
  m("e2", { side: "enterprise" }),
  rosterEntry({ participantId: "o1", role: "official" }, { household: "3号楼102", weight: 7 }),
  rosterEntry(clerk),
];
const eligibility = (
  fields: Partial<{ roles: RosterEntry["role"][]; absentMayVote: boolean; side: "worker" | "enterprise" | null; perHousehold: boolean }> = {},
) => ({
  roles: ["member" as const],
  absentMayVote: false,
  side: null,
  perHousehold: false,
  ...fields,
});

/** Opens q1 with this definition, the roster ROSTER2 and these people present; the frozen list. */
function frozen(definitionFields: Parameters<typeof pollDefinition>[0], presentIds: string[]) {
  const prior = [ev.rosterSet(ROSTER2), ...(presentIds.length ? [ev.arrived(presentIds)] : []), ev.pollCreated("q1", pollDefinition(definitionFields))];
  return given(...prior).when(openConfirmed(), chair).after.polls[0]!.eligible;
}
const unit = (unitId: string, participantIds: string[], fields: { weight?: number; household?: string | null; present?: boolean } = {}) => ({
  unitId,
  participantIds,
  weight: fields.weight ?? 1,
  household: fields.household ?? null,
  present: fields.present ?? true,
});

describe("the eligible list, frozen at the opening", () => {
  it("by role: every member (应到), one unit each, weight 1, the present ones marked (实到)", () => {
    expect(frozen({}, ["w1", "e2", "o1", CL])).toEqual([
      unit("w1", ["w1"], { household: "3号楼101" }),
      unit("w2", ["w2"], { household: "3号楼101", present: false }),
      unit("w3", ["w3"], { household: "3号楼102", present: false }),
      unit("e1", ["e1"], { household: "5号楼201", present: false }),
      unit("e2", ["e2"]),
    ]);
  });

  it("latecomers allowed to vote or not: the same list, the same bases", () => {
    expect(frozen({ eligibility: eligibility({ absentMayVote: true }) }, ["w3"]).map((u) => [u.unitId, u.present])).toEqual([
      ["w1", false],
      ["w2", false],
      ["w3", true],
      ["e1", false],
      ["e2", false],
    ]);
  });

  it("several roles", () => {
    expect(frozen({ eligibility: eligibility({ roles: ["official", "clerk"] }) }, ["w1", "o1", CL]).map((u) => u.unitId)).toEqual(["o1", CL]);
    expect(frozen({ eligibility: eligibility({ roles: ["official", "clerk"] }) }, ["o1"]).map((u) => [u.unitId, u.present])).toEqual([
      ["o1", true],
      [CL, false],
    ]);
  });

  it("one bargaining side", () => {
    expect(frozen({ eligibility: eligibility({ side: "worker", absentMayVote: true }) }, []).map((u) => u.unitId)).toEqual(["w1", "w2", "w3"]);
    expect(frozen({ eligibility: eligibility({ side: "enterprise" }) }, ["w1", "e1"]).map((u) => [u.unitId, u.present])).toEqual([
      ["e1", true],
      ["e2", false],
    ]);
  });

  it("per household: one unit per household, cast by any member; people without a household vote for themselves", () => {
    expect(frozen({ eligibility: eligibility({ perHousehold: true }) }, ["w2"])).toEqual([
      unit("household:3号楼101", ["w1", "w2"], { household: "3号楼101", present: true }),
      unit("household:3号楼102", ["w3"], { household: "3号楼102", present: false }),
      unit("household:5号楼201", ["e1"], { household: "5号楼201", present: false }),
      unit("e2", ["e2"], { present: false }),
    ]);
  });

  it("per household: a household is present (实到) when any of its voters is", () => {
    expect(frozen({ eligibility: eligibility({ perHousehold: true, roles: ["member", "official"] }) }, ["w1", "o1"])).toEqual([
      unit("household:3号楼101", ["w1", "w2"], { household: "3号楼101" }),
      unit("household:3号楼102", ["w3", "o1"], { household: "3号楼102" }),
      unit("household:5号楼201", ["e1"], { household: "5号楼201", present: false }),
      unit("e2", ["e2"], { present: false }),
    ]);
  });

  it("weighted: the roster's weight (1 when not set); a household counts its largest weight", () => {
    const all = eligibility({ roles: ["member", "official"], absentMayVote: true });
    expect(frozen({ weighted: true, eligibility: all }, []).map((u) => [u.unitId, u.weight])).toEqual([
      ["w1", 0.5],
      ["w2", 1.25],
      ["w3", 1],
      ["e1", 2],
      ["e2", 1],
      ["o1", 7],
    ]);
    expect(frozen({ weighted: true, eligibility: { ...all, perHousehold: true } }, []).map((u) => [u.unitId, u.weight])).toEqual([
      ["household:3号楼101", 1.25],
      ["household:3号楼102", 7],
      ["household:5号楼201", 2],
      ["e2", 1],
    ]);
  });

  it("not weighted: every unit weighs 1 whatever the roster says", () => {
    expect(frozen({ eligibility: eligibility({ perHousehold: true, roles: ["member", "official"], absentMayVote: true }) }, []).map((u) => u.weight)).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it("does not change when people arrive, leave or the roster changes after the opening", () => {
    const opened = given(ev.arrived([A, B]), ev.pollCreated("q1"), ev.pollOpened("q1", 10_000));
    const list = opened.state.polls[0]!.eligible;
    expect(list.map((u) => [u.unitId, u.present])).toEqual([
      [A, true],
      [B, true],
      [C, false],
    ]);
    const later = given(
      ev.arrived([A, B]),
      ev.pollCreated("q1"),
      ev.pollOpened("q1", 10_000),
      ev.arrived([C], "qr", 20_000),
      ev.left([A], 30_000),
      ev.rosterSet(ROSTER.filter((p) => p.id !== B)),
    );
    expect(later.state.polls[0]!.eligible).toEqual(list);
    // A ballot follows the frozen list: alice (gone) may still vote, carol (arrived late) may not.
    expect(checkBallot(later.state, A, { pollId: "q1", choices: ["yes"] }).ok).toBe(true);
    expect(checkBallot(later.state, C, { pollId: "q1", choices: ["yes"] })).toMatchObject({ ok: false, error: { code: "ABSENT_AT_OPENING" } });
  });

  it("is the list as of the opening, not of the creation", () => {
    const { after } = given(ev.arrived([A]), ev.pollCreated("q1"), ev.arrived([B, C], "qr", 5_000)).when(cmd("poll.open"), chair);
    expect(after.polls[0]!.eligible.map((u) => [u.unitId, u.present])).toEqual([
      [A, true],
      [B, true],
      [C, true],
    ]);
  });
});

describe("checkBallot", () => {
  const multiple = pollDefinition({ form: "multiple", options: ["甲", "乙", "丙", "丁"], minChoices: 2, maxChoices: 3 });
  const multiOpen = given(present, ev.pollCreated("q1", multiple), ev.pollOpened("q1"));
  const weightedOpen = given(
    ev.rosterSet(ROSTER2),
    ev.arrived(["w1", "e1"]),
    ev.pollCreated("q1", pollDefinition({ weighted: true, eligibility: eligibility({ perHousehold: true }) })),
    ev.pollOpened("q1"),
  );
  const latecomers = [present, ev.pollCreated("q1", pollDefinition({ eligibility: eligibility({ absentMayVote: true }) })), ev.pollOpened("q1")];
  const lateOpen = given(...latecomers);
  const lateArrived = given(...latecomers, ev.arrived([C], "qr", 20_000));
  const states = {
    draft: given(...draft),
    open: given(...open),
    closed: given(...closed),
    published: given(...published),
    multiOpen,
    weightedOpen,
    lateOpen,
    lateArrived,
  };
  const cases: [
    name: string,
    state: keyof typeof states,
    voter: string,
    ballot: Omit<BallotInput, "pollId"> & { pollId?: string },
    expected: ErrorCode | { unitId: string; choices: string[] },
  ][] = [
    ["an eligible member, yes", "open", A, { choices: ["yes"] }, { unitId: A, choices: ["yes"] }],
    ["abstain", "open", B, { choices: ["abstain"] }, { unitId: B, choices: ["abstain"] }],
    ["an unknown poll → POLL_NOT_FOUND", "open", A, { pollId: "q9", choices: ["yes"] }, "POLL_NOT_FOUND"],
    ["a draft → POLL_NOT_OPEN", "draft", A, { choices: ["yes"] }, "POLL_NOT_OPEN"],
    ["closed → POLL_CLOSED", "closed", A, { choices: ["yes"] }, "POLL_CLOSED"],
    ["published → POLL_CLOSED", "published", A, { choices: ["yes"] }, "POLL_CLOSED"],
    ["a member absent at the opening → ABSENT_AT_OPENING", "open", C, { choices: ["yes"] }, "ABSENT_AT_OPENING"],
    ["latecomers may vote, but carol has not arrived → ABSENT_AT_OPENING", "lateOpen", C, { choices: ["yes"] }, "ABSENT_AT_OPENING"],
    ["latecomers may vote and carol arrived after the opening", "lateArrived", C, { choices: ["no"] }, { unitId: C, choices: ["no"] }],
    ["the chair → NOT_ELIGIBLE", "open", CH, { choices: ["yes"] }, "NOT_ELIGIBLE"],
    ["an official → NOT_ELIGIBLE", "open", O, { choices: ["yes"] }, "NOT_ELIGIBLE"],
    ["a stranger → NOT_ELIGIBLE", "open", "ghost", { choices: ["yes"] }, "NOT_ELIGIBLE"],
    ["an unknown option → INVALID_BALLOT", "open", A, { choices: ["maybe"] }, "INVALID_BALLOT"],
    ["an option of another form → INVALID_BALLOT", "open", A, { choices: ["agree"] }, "INVALID_BALLOT"],
    ["yes and no → INVALID_BALLOT (one answer)", "open", A, { choices: ["yes", "no"] }, "INVALID_BALLOT"],
    ["yes twice → INVALID_BALLOT", "open", A, { choices: ["yes", "yes"] }, "INVALID_BALLOT"],
    ["multiple: 2 of 2–3, in the options' order", "multiOpen", A, { choices: ["o3", "o1"] }, { unitId: A, choices: ["o1", "o3"] }],
    ["multiple: 3 of 2–3", "multiOpen", A, { choices: ["o4", "o2", "o1"] }, { unitId: A, choices: ["o1", "o2", "o4"] }],
    ["multiple: 1 of 2–3 → INVALID_BALLOT (too few)", "multiOpen", A, { choices: ["o1"] }, "INVALID_BALLOT"],
    ["multiple: 4 of 2–3 → INVALID_BALLOT (too many)", "multiOpen", A, { choices: ["o1", "o2", "o3", "o4"] }, "INVALID_BALLOT"],
    ["multiple: the same option twice → INVALID_BALLOT", "multiOpen", A, { choices: ["o1", "o1"] }, "INVALID_BALLOT"],
    ["multiple: an unknown option → INVALID_BALLOT", "multiOpen", A, { choices: ["o1", "o5"] }, "INVALID_BALLOT"],
    ["multiple: a yes/no answer → INVALID_BALLOT", "multiOpen", A, { choices: ["yes", "o1"] }, "INVALID_BALLOT"],
    ["a household member casts for the household", "weightedOpen", "w1", { choices: ["yes"] }, { unitId: "household:3号楼101", choices: ["yes"] }],
    ["the other member of that household, for the same unit", "weightedOpen", "w2", { choices: ["no"] }, { unitId: "household:3号楼101", choices: ["no"] }],
    [
      "claiming the household's weight (the largest, 1.25)",
      "weightedOpen",
      "w1",
      { choices: ["yes"], weight: 1.25 },
      { unitId: "household:3号楼101", choices: ["yes"] },
    ],
    ["claiming one's own smaller weight → INVALID_BALLOT", "weightedOpen", "w1", { choices: ["yes"], weight: 0.5 }, "INVALID_BALLOT"],
    ["claiming a larger weight → INVALID_BALLOT", "weightedOpen", "e1", { choices: ["yes"], weight: 3 }, "INVALID_BALLOT"],
    ["a weight claim of 1 in a poll that is not weighted", "open", A, { choices: ["yes"], weight: 1 }, { unitId: A, choices: ["yes"] }],
    ["a weight claim of 2 in a poll that is not weighted → INVALID_BALLOT", "open", A, { choices: ["yes"], weight: 2 }, "INVALID_BALLOT"],
    ["an official not in the poll's roles → NOT_ELIGIBLE", "weightedOpen", "o1", { choices: ["yes"] }, "NOT_ELIGIBLE"],
  ];
  it.each(cases)("%s", (_name, key, voter, ballot, expected) => {
    const state = states[key].state;
    const result = checkBallot(state, voter, { pollId: "q1", ...ballot });
    if (typeof expected === "string") expect(result).toMatchObject({ ok: false, error: { code: expected } });
    else {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value.unit.unitId).toBe(expected.unitId);
        expect(result.value.unit.participantIds).toContain(voter);
        expect(result.value.choices).toEqual(expected.choices);
        expect(result.value.poll.pollId).toBe("q1");
      }
    }
  });
});

describe("a whole poll through the log", () => {
  it("replaying the log (whole, or a snapshot and its tail) gives the live state", () => {
    const start = given(ev.pollRules(true));
    const newId = sequentialIds("id-");
    const steps: [command: Command, actor: Actor, now: number][] = [
      [{ type: "attendance.arrive", participantIds: [A, B, C], via: "qr" }, SYSTEM_ACTOR, 1_000],
      [
        { type: "poll.create", poll: pollDefinition({ durationSeconds: 120, quorum: { share: { num: 1, den: 2 }, compare: "atLeast", measure: "count" } }) },
        chair,
        2_000,
      ],
      [{ type: "poll.create", poll: pollDefinition({ form: "single", options: ["甲", "乙"] }) }, clerk, 2_500],
      [{ type: "poll.discard", pollId: "id-2" }, chair, 2_600],
      [{ type: "poll.open", pollId: "id-1" }, clerk, 3_000],
      [{ type: "attendance.leave", participantIds: [C] }, SYSTEM_ACTOR, 4_000],
      [{ type: "poll.enterHands", pollId: "id-1", counts: { no: 1 } }, clerk, 5_000],
      [{ type: "poll.close", pollId: "id-1" }, SYSTEM_ACTOR, 123_000],
      [{ type: "poll.publish", pollId: "id-1" }, chair, 130_000],
    ];
    let state = start.state;
    const log: StoredEvent[] = [...start.log];
    for (const [command, actor, now] of steps) {
      const result = decide(state, command, { actor, now, newId, tally: tally({ counts: { yes: 2 } }) });
      if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
      const stored = stamp(state.seq, result.value, now, actor.participantId);
      state = deepFreeze(stored.reduce(evolve, state));
      log.push(...stored);
    }
    const poll = state.polls[0]!;
    expect(state.polls.map((p) => p.pollId)).toEqual(["id-1"]);
    expect(poll).toMatchObject({ status: "published", openedAt: 3_000, closesAt: 123_000, closedAt: 123_000, hands: { no: 1 } });
    // carol left after the opening and stays on the list; 2 yes + 1 hand of 3 meets the quorum.
    expect(poll.eligible.map((u) => u.unitId)).toEqual([A, B, C]);
    expect(poll.result).toMatchObject({
      eligibleCount: 3,
      ballots: 2,
      hands: 1,
      quorum: { checks: [{ measure: "count", turnout: 3, base: 3, met: true }], met: true },
      passedOptions: ["yes"],
      passed: true,
    });
    expect(replay(log)).toEqual(state);
    for (let cut = 0; cut <= log.length; cut++) expect(deepEqual(replay(log.slice(cut), replay(log.slice(0, cut))), state)).toBe(true);
  });
});
