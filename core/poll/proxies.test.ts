// 委托投票 and 纸质票 in the core: recording a household's proxy (who may, for which unit, held by
// whom), the holder's ballot for the household, the clerk's paper ballot, and their counts in the
// result. One ballot per unit is the ballot box's (the PollVoter primary key): polls.int.test.ts.
import { describe, expect, it } from "vitest";
import type { RosterEntry } from "../config/schema.ts";
import type { ErrorCode } from "../errors.ts";
import { decisionTable, ev, given, people, pollDefinition, rosterEntry, tally, type DecisionCase } from "../../testing/core.ts";
import { checkBallot, checkPaperBallot } from "./decide.ts";
import { computeResult } from "./rules.ts";
import type { BallotVia, PollDefinition } from "./schema.ts";

const { chair, clerk, alice, observer } = people;
const member = (id: string, name: string, household: string): RosterEntry => rosterEntry({ participantId: id, role: "member" }, { name, household });
const ROSTER: RosterEntry[] = [
  rosterEntry(chair),
  rosterEntry(clerk),
  member("m1", "王建国", "1-101"),
  member("m2", "王小明", "1-101"),
  member("m3", "李秀英", "1-102"),
  member("m4", "张伟", "1-103"),
  member("m5", "赵丽", "1-104"),
];
const H = (household: string) => `household:${household}`;
/** Per household; m2 and m3 are absent at the opening, so household 1-102 is absent. */
const perHousehold = (fields: Partial<PollDefinition> = {}, absentMayVote = true) =>
  pollDefinition({ eligibility: { roles: ["member"], absentMayVote, side: null, perHousehold: true }, ...fields });
const opened = (definition = perHousehold()) => [ev.rosterSet(ROSTER), ev.arrived(["m1", "m4", "m5"]), ev.pollCreated("q1", definition), ev.pollOpened("q1")];
const proxy = (unitId: string, holder: { participantId: string } | { name: string }, extra: Record<string, unknown> = {}) => ({
  type: "poll.recordProxy",
  pollId: "q1",
  unitId,
  holder,
  note: "户主书面委托，委托书已存档",
  ...extra,
});
const recorded = (unitId: string, holderId: string | null, holderName: string, by: string, evidence: string | null = null) => ({
  type: "poll.proxyRecorded" as const,
  pollId: "q1",
  unitId,
  holderId,
  holderName,
  note: "户主书面委托，委托书已存档",
  evidence,
  by,
});

describe("poll.recordProxy", () => {
  const cases: DecisionCase[] = [
    {
      name: "the clerk records 1-102's proxy held by 王建国 (present, another household), with a photo",
      given: opened(),
      command: proxy(H("1-102"), { participantId: "m1" }, { evidence: "photo-1" }),
      actor: clerk,
      then: [recorded(H("1-102"), "m1", "王建国", clerk.participantId, "photo-1")],
    },
    {
      name: "the chair records a proxy held by someone not on the roster (the clerk enters that ballot on paper)",
      given: opened(),
      command: proxy(H("1-102"), { name: "李大爷" }),
      actor: chair,
      then: [recorded(H("1-102"), null, "李大爷", chair.participantId)],
    },
    ...[alice, observer].map((actor) => ({
      name: `${actor.role} → FORBIDDEN`,
      given: opened(),
      command: proxy(H("1-102"), { name: "李大爷" }),
      actor,
      then: { error: "FORBIDDEN" as const },
    })),
    {
      name: "a draft → POLL_NOT_OPEN (the list of units is frozen at the opening)",
      given: opened().slice(0, 3),
      command: proxy(H("1-102"), { name: "李大爷" }),
      actor: clerk,
      then: { error: "POLL_NOT_OPEN" },
    },
    {
      name: "a unit not on the list → NOT_ELIGIBLE",
      given: opened(),
      command: proxy(H("9-999"), { name: "李大爷" }),
      actor: clerk,
      then: { error: "NOT_ELIGIBLE" },
    },
    {
      name: "a second proxy for the same household → PROXY_EXISTS",
      given: [...opened(), recorded(H("1-102"), "m1", "王建国", clerk.participantId)],
      command: proxy(H("1-102"), { participantId: "m4" }),
      actor: clerk,
      then: { error: "PROXY_EXISTS" },
    },
    {
      name: "held by someone absent → PROXY_HOLDER_INVALID",
      given: opened(),
      command: proxy(H("1-103"), { participantId: "m2" }),
      actor: clerk,
      then: { error: "PROXY_HOLDER_INVALID" },
    },
    {
      name: "held by a member of the household itself → PROXY_HOLDER_INVALID",
      given: opened(),
      command: proxy(H("1-101"), { participantId: "m1" }),
      actor: clerk,
      then: { error: "PROXY_HOLDER_INVALID" },
    },
    {
      name: "held by a stranger id → PROXY_HOLDER_INVALID",
      given: opened(),
      command: proxy(H("1-102"), { participantId: "ghost" }),
      actor: clerk,
      then: { error: "PROXY_HOLDER_INVALID" },
    },
    {
      name: "without a note → VALIDATION",
      given: opened(),
      command: proxy(H("1-102"), { name: "李大爷" }, { note: " " }),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
  ];
  decisionTable(cases);

  it("the proxy is kept with the poll", () => {
    const { after } = given(...opened()).when(proxy(H("1-102"), { participantId: "m1" }), clerk);
    expect(after.polls[0]!.proxies).toEqual([
      { unitId: H("1-102"), holderId: "m1", holderName: "王建国", note: "户主书面委托，委托书已存档", evidence: null, by: clerk.participantId },
    ]);
  });
});

type Expected = ErrorCode | { unitId: string; via: BallotVia };
const expectChecked = (result: ReturnType<typeof checkBallot>, expected: Expected) => {
  if (typeof expected === "string") expect(result).toMatchObject({ ok: false, error: { code: expected } });
  else expect(result.ok && { unitId: result.value.unit.unitId, via: result.value.via }).toEqual(expected);
};

describe("a proxy holder's ballot", () => {
  const withProxies = (definition = perHousehold()) =>
    given(...opened(definition), recorded(H("1-102"), "m1", "王建国", "p-clerk"), recorded(H("1-104"), null, "李大爷", "p-clerk")).state;
  const cases: [name: string, state: ReturnType<typeof withProxies>, voter: string, forUnit: string | undefined, expected: Expected][] = [
    ["王建国 votes for 1-102, whose proxy he holds", withProxies(), "m1", H("1-102"), { unitId: H("1-102"), via: "proxy" }],
    ["and still for his own household", withProxies(), "m1", undefined, { unitId: H("1-101"), via: "self" }],
    ["someone else for 1-102 → NO_PROXY", withProxies(), "m4", H("1-102"), "NO_PROXY"],
    ["a proxy held by a name is cast on paper only → NO_PROXY", withProxies(), "m4", H("1-104"), "NO_PROXY"],
    ["a household without a proxy → NO_PROXY", withProxies(), "m1", H("1-103"), "NO_PROXY"],
    ["1-102 was absent and latecomers may not vote → ABSENT_AT_OPENING", withProxies(perHousehold({}, false)), "m1", H("1-102"), "ABSENT_AT_OPENING"],
  ];
  it.each(cases)("%s", (_name, state, voter, forUnit, expected) => {
    expectChecked(checkBallot(state, voter, { pollId: "q1", choices: ["yes"], ...(forUnit ? { forUnit } : {}) }), expected);
  });
});

describe("a paper ballot entered by the clerk", () => {
  const state = (definition = perHousehold()) => given(...opened(definition)).state;
  const cases: [name: string, definition: PollDefinition, unitId: string, extra: { note?: string; choices?: string[] }, expected: Expected][] = [
    ["for a present household", perHousehold(), H("1-103"), { note: "纸质票已存档" }, { unitId: H("1-103"), via: "paper" }],
    ["for a household absent at the opening, latecomers not allowed → ABSENT_AT_OPENING", perHousehold({}, false), H("1-102"), {}, "ABSENT_AT_OPENING"],
    [
      "for a household absent at the opening, its people still away (latecomers allowed) → ABSENT_AT_OPENING",
      perHousehold(),
      H("1-102"),
      {},
      "ABSENT_AT_OPENING",
    ],
    ["for a unit not on the list → NOT_ELIGIBLE", perHousehold(), H("9-999"), {}, "NOT_ELIGIBLE"],
    ["an unknown option → INVALID_BALLOT", perHousehold(), H("1-103"), { choices: ["maybe"] }, "INVALID_BALLOT"],
    ["secret, without a note", perHousehold({ secret: true }), H("1-103"), {}, { unitId: H("1-103"), via: "paper" }],
    ["secret, with a note next to the voter → SECRET_BALLOT_RULE", perHousehold({ secret: true }), H("1-103"), { note: "赞成" }, "SECRET_BALLOT_RULE"],
  ];
  it.each(cases)("%s", (_name, definition, unitId, extra, expected) => {
    expectChecked(checkPaperBallot(state(definition), { pollId: "q1", unitId, choices: ["yes"], ...extra }), expected);
  });

  it("for a household away whose proxy holder hands in the paper: where latecomers may vote, as the holder's own device would", () => {
    const held = (definition: PollDefinition) => given(...opened(definition), recorded(H("1-102"), null, "李大爷", "p-clerk")).state;
    expectChecked(checkPaperBallot(held(perHousehold()), { pollId: "q1", unitId: H("1-102"), choices: ["yes"] }), { unitId: H("1-102"), via: "paper" });
    expectChecked(checkPaperBallot(held(perHousehold({}, false)), { pollId: "q1", unitId: H("1-102"), choices: ["yes"] }), "ABSENT_AT_OPENING");
  });
});

describe("the result counts proxy and paper ballots", () => {
  const options = [
    { id: "yes", label: "赞成" },
    { id: "no", label: "反对" },
    { id: "abstain", label: "弃权" },
  ];
  const eligible = ["1-101", "1-102", "1-103"].map((h) => ({ unitId: H(h), participantIds: [h], weight: 1, household: h, present: true }));
  it("as the ballot box reports them, inside 投票", () => {
    const result = computeResult(perHousehold(), options, eligible, { ...tally({ counts: { yes: 3 } }), proxies: 1, paper: 1 }, null);
    expect(result).toMatchObject({ ballots: 3, proxies: 1, paper: 1, passed: true });
  });
  it("and says nothing when there were none", () => {
    const result = computeResult(perHousehold(), options, eligible, tally({ counts: { yes: 3 } }), null);
    expect(result).not.toHaveProperty("proxies");
    expect(result).not.toHaveProperty("paper");
  });
});
