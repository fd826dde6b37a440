import { describe, expect, it } from "vitest";
import { pollOptions } from "@core/poll/decide.ts";
import { PollDefinition, type Poll, type PollResult } from "@core/poll/schema.ts";
import { initialState, type MeetingState, type SpeechRecord } from "@core/state.ts";
import { auditMatches, displayedPoll, draftProblems, emptyDraft, formatPercent, resultRows, toDefinition } from "./polls.ts";

const definition = (fields: Partial<PollDefinition> = {}) => PollDefinition.parse({ title: "表决", form: "yesNoAbstain", secret: true, rule: [{ kind: "majorityOfCast" }], ...fields });
const poll = (over: Partial<Poll> = {}): Poll => {
  const d = over.definition ?? definition();
  return {
    pollId: "q1", itemId: null, createdBy: "c", definition: d, options: pollOptions(d), status: "draft",
    openedAt: null, closesAt: null, closedAt: null, eligible: [], hands: null, result: null, ...over,
  };
};
const result = (over: Partial<PollResult> = {}): PollResult => ({
  eligibleCount: 4, eligibleWeight: 4, presentCount: 4, ballots: 3, hands: 0,
  counts: [{ optionId: "yes", count: 2, weight: 2 }, { optionId: "no", count: 1, weight: 1 }, { optionId: "abstain", count: 0, weight: 0 }],
  clauses: [], quorum: null, passedOptions: [], passed: false, ...over,
});

describe("the chair's draft", () => {
  it("becomes a definition the core accepts; a secret ballot never shows a tally nor allows a change", () => {
    const d = toDefinition({ ...emptyDraft(), title: " 关于A的表决 ", secret: true, tallyVisibility: "all", allowChange: true, rule: { majorityOfCast: false, majorityOfEligible: false, twoThirdsOfPresent: false, twoThirdsOfEligible: false, percentOfEligible: true }, percent: 80, minutes: 2 });
    expect(PollDefinition.parse(d)).toEqual(d);
    expect(d).toMatchObject({ title: "关于A的表决", secret: true, tallyVisibility: "none", allowChange: false, rule: [{ kind: "percentOfEligible", percent: 80, measure: "count" }], durationSeconds: 120 });
    expect(d.options).toBeUndefined();
  });

  it("multiple choice carries its options (blank lines dropped) and min/max; named polls keep tally and change", () => {
    const d = toDefinition({ ...emptyDraft(), title: "选出", form: "multiple", options: ["甲", " ", "乙", "丙"], minChoices: 1, maxChoices: 2, secret: false, tallyVisibility: "chair", allowChange: true, quorumPercent: 50 });
    expect(d).toMatchObject({ options: ["甲", "乙", "丙"], minChoices: 1, maxChoices: 2, tallyVisibility: "chair", allowChange: true, quorum: { percent: 50, strict: false } });
    expect(PollDefinition.parse(d)).toEqual(d);
  });

  it("names what is missing", () => {
    expect(draftProblems(emptyDraft())).toEqual(["title"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", form: "single", options: ["甲", "甲"] })).toEqual(["optionsDiffer"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", form: "multiple", options: ["甲", "乙"], minChoices: 2, maxChoices: 3 })).toEqual(["choices"]);
    expect(draftProblems({ ...emptyDraft(), title: "x", rule: { majorityOfCast: false, majorityOfEligible: false, twoThirdsOfPresent: false, twoThirdsOfEligible: false, percentOfEligible: false } })).toEqual(["rule"]);
  });
});

describe("results", () => {
  it("measures the bars against the first clause's base: eligible for 80 % of all eligible, ballots for a majority of the cast", () => {
    const eligible = poll({ definition: definition({ rule: [{ kind: "percentOfEligible", percent: 80, measure: "count" }] }) });
    expect(resultRows(eligible, result())).toMatchObject({ base: "eligible", baseCount: 4, rows: [{ optionId: "yes", count: 2, percent: 50 }, { optionId: "no", percent: 25 }, { optionId: "abstain", percent: 0 }] });
    const cast = resultRows(poll(), result({ hands: 1, counts: [{ optionId: "yes", count: 3, weight: 3 }] }));
    expect(cast.baseCount).toBe(4);
    expect(cast.rows[0]).toMatchObject({ count: 3, percent: 75 });
  });

  it("writes percentages with at most one decimal", () => {
    expect(formatPercent(200 / 3)).toBe("66.7%");
    expect(formatPercent(80)).toBe("80%");
  });
});

describe("checking the ballots", () => {
  it("matches when there is one ballot per voter and the ballots add up to the counts less the raised hands", () => {
    const ballots = [{ voter: null, choices: ["yes"], weight: 1 }, { voter: null, choices: ["yes"], weight: 1 }, { voter: null, choices: ["no"], weight: 1 }];
    const audit = { voters: ["a", "b", "c"], ballots };
    expect(auditMatches(poll(), result(), audit)).toBe(true);
    expect(auditMatches(poll(), result(), { ...audit, voters: ["a", "b"] })).toBe(false);
    expect(auditMatches(poll(), result({ counts: [{ optionId: "yes", count: 3, weight: 3 }] }), audit)).toBe(false);
    // One hand for 赞成 entered by the clerk: the box holds one 赞成 ballot fewer.
    expect(auditMatches(poll({ hands: { yes: 1 } }), result({ ballots: 2, hands: 1 }), { voters: ["a", "c"], ballots: [ballots[0]!, ballots[2]!] })).toBe(true);
  });
});

describe("what the room display shows", () => {
  const speech = (startedAt: number): SpeechRecord => ({
    speechId: `s${startedAt}`, participantId: "m", kind: "impromptu", guestName: null, bookingId: null, startedAt, capMs: 1, extendedMs: 0, pausedAt: null,
    pausedMs: 0, agendaItemId: null, override: null, endedAt: startedAt + 1, durationMs: 1, overrunMs: 0, endedBy: "m",
  });
  const state = (over: Partial<MeetingState>): MeetingState => ({ ...initialState(), status: "open", ...over });

  it("the open poll; else the last published result until the next speech starts", () => {
    const open = poll({ status: "open", openedAt: 10 });
    expect(displayedPoll(state({ polls: [open] }))?.pollId).toBe("q1");
    const published = poll({ status: "published", closedAt: 100, result: result() });
    expect(displayedPoll(state({ polls: [published], speeches: [speech(50)] }))?.pollId).toBe("q1");
    expect(displayedPoll(state({ polls: [published], speeches: [speech(50), speech(150)] }))).toBeNull();
    // Closed but not published: not on the display.
    expect(displayedPoll(state({ polls: [{ ...published, status: "closed" }] }))).toBeNull();
  });
});
