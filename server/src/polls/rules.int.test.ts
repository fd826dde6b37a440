// The rules these bodies use, through real sockets against a real server and SQLite file (one
// poll each): yes > no with abstentions left out and a limit on 弃权; a 否决 in a secret consent
// poll; owners' decisions under 民法典 §278 with floor areas from the roster; a secret election
// of 2 of 3 with a blank ballot; per-candidate 赞成/反对/弃权. Secret forms keep their guarantee:
// the ballots audited are anonymous and no ballot carries a weight.
import { afterEach, describe, expect, it } from "vitest";
import type { PollDefinition, RuleClause } from "../../../core/poll/schema.ts";
import type { Ack, PollAudit } from "../../../core/protocol.ts";
import { Harness, send, settle } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, refused, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const BASE = pollOf({});
const clause = (base: RuleClause["base"], num: number, den: number, compare: RuleClause["compare"], fields: Partial<RuleClause> = {}): RuleClause => ({
  base,
  share: { num, den },
  compare,
  measure: "count",
  ...fields,
});

type Room = Awaited<ReturnType<typeof pollRoom>>;

async function run(definition: PollDefinition, ballots: (t: Room, pollId: string) => Promise<void>, before?: (t: Room) => Promise<void>) {
  const t = await pollRoom(h);
  await before?.(t);
  const pollId = await t.create(definition);
  expect(await send(t.c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
  await settle(t.all, t.server);
  await ballots(t, pollId);
  expect(await send(t.c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
  expect(await send(t.c.chair, { type: "poll.publish", pollId })).toMatchObject({ ok: true });
  await settle(t.all, t.server);
  const audit = (await t.c.member1.socket.timeout(5000).emitWithAck("poll.audit", { pollId })) as Ack<PollAudit>;
  return { t, pollId, result: t.c.chair.state.polls.at(-1)!.result!, audit };
}

describe("rules through real sockets", () => {
  it("yes > no with abstentions left out passes; the limit 弃权 ≤ 半数 of 投票 fails it", async () => {
    const { result } = await run(
      { ...BASE, rule: [clause("decisive", 1, 2, "more"), clause("cast", 1, 2, "atMost", { option: "abstain" })] },
      async ({ c }, pollId) => {
        for (const [voter, choice] of [
          [c.member1, "yes"],
          [c.member2, "abstain"],
          [c.member3, "abstain"],
        ] as const)
          expect(await vote(voter, { pollId, choices: [choice] })).toMatchObject({ ok: true });
      },
    );
    expect(result.clauses.map((x) => [x.optionId, x.numerator, x.denominator, x.passed])).toEqual([
      ["yes", 1, 1, true],
      ["abstain", 2, 3, false],
    ]);
    expect(result.passed).toBe(false);
  });

  it("a secret consent poll with 否决: one veto blocks; the ballots audited are anonymous", async () => {
    const { result, audit } = await run(
      { ...BASE, form: "consent", secret: true, veto: true, rule: [clause("cast", 1, 2, "more"), clause("cast", 0, 1, "atMost", { option: "veto" })] },
      async ({ c }, pollId) => {
        for (const [voter, choice] of [
          [c.member1, "agree"],
          [c.member2, "agree"],
          [c.member3, "veto"],
        ] as const)
          expect(await vote(voter, { pollId, choices: [choice] })).toMatchObject({ ok: true });
      },
    );
    expect(result.counts.map((x) => [x.optionId, x.count])).toEqual([
      ["agree", 2],
      ["disagree", 0],
      ["veto", 1],
    ]);
    expect(result.passed).toBe(false);
    expect(audit.ok && audit.ballots.every((b) => b.voter === null && b.weight === 1)).toBe(true);
  });

  it("民法典 §278: floor areas from the roster; 3 of 4 owners take part but only 300 of 500 m², so participation fails by area", async () => {
    const areas = async ({ org, m, member3, absent, all, server }: Room) => {
      const ids = [m.people.member1.id, m.people.member2.id, member3.id, absent.id];
      for (const [i, voteWeight] of [80, 100, 120, 200].entries())
        expect((await org.patch(`/api/meetings/${m.meetingId}/participants/${ids[i]}`, { voteWeight })).status).toBe(200);
      await settle(all, server);
    };
    const { result } = await run(
      {
        ...BASE,
        form: "consent",
        weighted: true,
        quorum: { share: { num: 2, den: 3 }, compare: "atLeast", measure: "both" },
        rule: [clause("cast", 3, 4, "atLeast"), clause("cast", 3, 4, "atLeast", { measure: "weight" })],
      },
      async ({ c }, pollId) => {
        for (const voter of [c.member1, c.member2, c.member3]) expect(await vote(voter, { pollId, choices: ["agree"] })).toMatchObject({ ok: true });
      },
      areas,
    );
    expect(result.quorum).toMatchObject({
      met: false,
      checks: [
        { measure: "count", turnout: 3, base: 4, met: true },
        { measure: "weight", turnout: 300, base: 500, met: false },
      ],
    });
    expect(result.clauses.map((x) => [x.numerator, x.denominator, x.passed])).toEqual([
      [3, 3, true],
      [300, 300, true],
    ]);
    expect(result.passed).toBe(false);
  });

  it("a secret election of 2 of 3 (差额) with a blank ballot: more than half of 投票 elects; the blank ballot is in 投票", async () => {
    const { result, audit } = await run(
      {
        ...BASE,
        form: "multiple",
        options: ["王芳", "李强", "赵敏"],
        maxChoices: 2,
        seats: 2,
        allowBlank: true,
        secret: true,
        rule: [clause("cast", 1, 2, "more")],
      },
      async ({ c }, pollId) => {
        expect(await vote(c.member1, { pollId, choices: ["o1", "o2"] })).toMatchObject({ ok: true });
        expect(await vote(c.member2, { pollId, choices: ["o1"] })).toMatchObject({ ok: true });
        expect(await vote(c.member3, { pollId, choices: [] })).toMatchObject({ ok: true });
      },
    );
    expect([result.ballots, result.blank, result.passedOptions]).toEqual([3, 1, ["o1"]]);
    expect(audit.ok && audit.ballots.map((b) => b.choices.length).sort()).toEqual([0, 1, 2]);
  });

  it("per-candidate 赞成/反对/弃权 (等额): one answer per candidate; unmarked is 弃权", async () => {
    const { result } = await run(
      { ...BASE, form: "candidates", options: ["王芳", "李强"], seats: 2, secret: true, rule: [clause("cast", 1, 2, "more")] },
      async ({ c }, pollId) => {
        expect(await vote(c.member1, { pollId, choices: ["o1:yes", "o1:no"] })).toMatchObject(refused("INVALID_BALLOT"));
        expect(await vote(c.member1, { pollId, choices: ["o1:yes", "o2:no"] })).toMatchObject({ ok: true });
        expect(await vote(c.member2, { pollId, choices: ["o1:yes"] })).toMatchObject({ ok: true });
        expect(await vote(c.member3, { pollId, choices: ["o2:yes"] })).toMatchObject({ ok: true });
      },
    );
    expect(result.counts).toEqual([
      { optionId: "o1:yes", count: 2, weight: 2 },
      { optionId: "o1:no", count: 0, weight: 0 },
      { optionId: "o1:abstain", count: 1, weight: 1 },
      { optionId: "o2:yes", count: 1, weight: 1 },
      { optionId: "o2:no", count: 1, weight: 1 },
      { optionId: "o2:abstain", count: 1, weight: 1 },
    ]);
    expect(result.passedOptions).toEqual(["o1"]);
  });
});
