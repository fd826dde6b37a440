// 《集体合同规定》§36 as a poll: valid only with at least 2/3 of the representatives present (a
// quorum on 实到, not on ballots), passed only with more than half of ALL representatives (应到)
// in favour. Tables of 30 representatives; the result names its bases and the clause that
// failed; the secret ballot stays a ballot-box total; polls stored before read the same.
import { describe, expect, it } from "vitest";
import { ev, given, people, pollDefinition, rosterEntry, tally } from "../../testing/core.ts";
import type { RosterEntry } from "../config/schema.ts";
import { draftMinutes } from "../minutes/minutes.ts";
import { ARTICLE_36_QUORUM, ARTICLE_36_RULE } from "./article36.ts";
import { pollOptions } from "./decide.ts";
import { eligibleVoters } from "./eligibility.ts";
import { computeResult } from "./rules.ts";
import { quorumWords, ruleWords } from "./ruleText.ts";
import type { PollDefinition } from "./schema.ts";
import { upgradeDefinition } from "./upgrade.ts";
import { openWarnings } from "./warnings.ts";

const { chair } = people;
const REPRESENTATIVES = 30;

/** 30 职工代表 r1…r30, the first `present` of them present at the opening. */
function congress(present: number) {
  const roster: RosterEntry[] = [rosterEntry(chair)];
  for (let i = 1; i <= REPRESENTATIVES; i++) roster.push(rosterEntry({ participantId: `r${i}`, role: "member" }));
  const arrived = roster.filter((r) => r.role === "member").slice(0, present);
  return given(ev.rosterSet(roster), ev.arrived(arrived.map((r) => r.id))).state;
}

const article36 = (fields: Partial<PollDefinition> = {}): PollDefinition =>
  pollDefinition({ title: "工资专项集体合同草案", form: "yesNoAbstain", secret: true, rule: ARTICLE_36_RULE, quorum: ARTICLE_36_QUORUM, ...fields });

function vote(present: number, yes: number, no = 0, abstain = 0) {
  const definition = article36();
  const eligible = eligibleVoters(congress(present), definition.eligibility, false);
  return computeResult(definition, pollOptions(definition), eligible, tally({ counts: { yes, no, abstain } }), null);
}

describe("§36: 2/3 present and more than half of all in favour (30 representatives)", () => {
  // [present, 赞成, 反对, 弃权, quorum met, clause passed, passed]
  const cases: [number, number, number, number, boolean, boolean, boolean][] = [
    [30, 20, 8, 2, true, true, true],
    [20, 16, 4, 0, true, true, true], // exactly 2/3 present (不少于, 含本数)
    [19, 19, 0, 0, false, true, false], // 2/3 present missed: 19 < 20, although 19 > 15 in favour
    [28, 15, 13, 0, true, false, false], // half of all missed: 15 is not more than 15
    [28, 16, 12, 0, true, true, true],
    [28, 16, 2, 10, true, true, true], // abstentions do not matter: the base is 应到
    [20, 15, 0, 5, true, false, false], // every one present for would still need 16
  ];
  it.each(cases)("%i present, %i 赞成 %i 反对 %i 弃权 → quorum %s, clause %s, passed %s", (present, yes, no, abstain, quorumMet, clausePassed, passed) => {
    const r = vote(present, yes, no, abstain);
    expect([r.eligibleCount, r.presentCount, r.ballots]).toEqual([REPRESENTATIVES, present, yes + no + abstain]);
    expect(r.quorum).toMatchObject({ met: quorumMet, checks: [{ measure: "count", turnout: present, base: REPRESENTATIVES, met: quorumMet }] });
    expect(r.clauses).toEqual([expect.objectContaining({ optionId: "yes", numerator: yes, denominator: REPRESENTATIVES, passed: clausePassed })]);
    expect(r.passed).toBe(passed);
    expect(r.passedOptions).toEqual(passed ? ["yes"] : []);
  });

  it("the presence quorum counts those present, voting or not; a ballot quorum counts ballots", () => {
    const present = vote(24, 16, 0, 0); // 24 present, only 16 voted
    expect(present.quorum!.checks[0]).toMatchObject({ turnout: 24, met: true });
    const definition = article36({ quorum: { ...ARTICLE_36_QUORUM, of: "cast" } });
    const eligible = eligibleVoters(congress(24), definition.eligibility, false);
    const cast = computeResult(definition, pollOptions(definition), eligible, tally({ counts: { yes: 16, no: 0, abstain: 0 } }), null);
    expect(cast.quorum!.checks[0]).toMatchObject({ turnout: 16, met: false });
    expect(cast.passed).toBe(false);
  });
});

describe("§36 in words and in the minutes", () => {
  const units = { perHousehold: false };
  it("names its bases 应到 and 实到", () => {
    expect(quorumWords(ARTICLE_36_QUORUM, units, "zh")).toBe("实到人数不少于应到人数的三分之二（含本数）");
    expect(ruleWords(ARTICLE_36_RULE, units, "zh")).toBe("超过应到人数的半数");
    expect(quorumWords(ARTICLE_36_QUORUM, units, "en")).toBe(
      "those present at the opening (实到): at least two thirds of everyone entitled (应到), the number itself included",
    );
    // A quorum without `of` (every poll before) still reads as a quorum of those taking part.
    expect(quorumWords({ ...ARTICLE_36_QUORUM, of: undefined }, units, "zh")).toBe("参与表决的人数不少于应到人数的三分之二（含本数）");
  });

  it("the minutes say the quorum was missed on 实到 and which clause held", () => {
    const before = congress(19);
    const definition = article36();
    const eligible = eligibleVoters(before, definition.eligibility, false);
    const result = computeResult(definition, pollOptions(definition), eligible, tally({ counts: { yes: 19, no: 0, abstain: 0 } }), null);
    const voters = before.roster.filter((r) => r.role === "member").slice(0, 19);
    const state = given(
      ev.rosterSet(before.roster),
      ev.arrived(voters.map((r) => r.id)),
      ev.pollCreated("q1", definition),
      ev.pollOpened("q1", 1),
      ev.pollClosed("q1", result, { at: 2 }),
    ).state;
    const text = JSON.stringify(draftMinutes({ title: "职工代表大会", number: null, kind: "topic", place: null, startsAt: null }, state));
    expect(text).toContain("实到人数不少于应到人数的三分之二（含本数）（实到 19 / 应到 30，未达到）");
    expect(text).toContain("超过应到人数的半数");
  });
});

describe("§36 polls are opened, kept secret and read back as stored", () => {
  it("a secret §36 poll is accepted; opening with fewer than 2/3 present warns the chair", () => {
    const state = congress(19);
    const warnings = openWarnings(state, { definition: article36() });
    expect(warnings).toContainEqual({ kind: "quorumUnreachable", best: 19, base: 30 });
    expect(openWarnings(congress(20), { definition: article36() }).filter((w) => w.kind === "quorumUnreachable")).toEqual([]);
  });

  it("the result carries only totals: no voter, no ballot", () => {
    const r = vote(28, 16, 12, 0);
    const text = JSON.stringify(r);
    for (let i = 1; i <= REPRESENTATIVES; i++) expect(text).not.toContain(`"r${i}"`);
  });

  it("a poll stored with a quorum without `of` is current as it is and counts ballots", () => {
    const stored = article36({ quorum: { share: { num: 2, den: 3 }, compare: "atLeast", measure: "count" } });
    expect(upgradeDefinition(stored)).toBe(stored);
  });
});
