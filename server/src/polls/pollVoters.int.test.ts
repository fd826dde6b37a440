// Who has voted, live, in a named (记名) poll: `poll.voters` reaches the chair and the clerk only
// (never members, officials or observers), on every ballot (throttled) and when a staff screen
// connects while the poll is open; a secret (无记名) poll sends it to nobody, ever
// (docs/ballot-secrecy.md). Real socket.io clients against a real server on a real SQLite file.
import { afterEach, describe, expect, it } from "vitest";
import type { PollTurnout, PollVoters } from "../../../core/protocol.ts";
import { eventually, Harness, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const listen = (clients: readonly TestClient[]) => {
  const seen = new Map<TestClient, PollVoters[]>(clients.map((client) => [client, []]));
  for (const client of clients) client.socket.on("poll.voters", (x) => seen.get(client)!.push(x));
  return seen;
};

describe("poll.voters (who has voted in a named poll)", () => {
  it("a named poll: the chair and the clerk see who has voted, live and on connecting; nobody else ever does", async () => {
    const t = await pollRoom(h);
    const { c, all, m } = t;
    const pollId = await t.create(pollOf({ title: "关于议事规则修订的表决", secret: false }));
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const seen = listen(all);

    expect(await vote(c.member2, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    await eventually(() => expect(seen.get(c.chair)!.at(-1)).toEqual({ pollId, units: [m.people.member2.id], via: {} }));
    await eventually(() => expect(seen.get(c.clerk)!.at(-1)).toEqual({ pollId, units: [m.people.member2.id], via: {} }));
    expect(await vote(c.member1, { pollId, choices: ["no"] })).toMatchObject({ ok: true });
    const both = [m.people.member1.id, m.people.member2.id].sort();
    await eventually(() => expect(seen.get(c.chair)!.at(-1)).toEqual({ pollId, units: both, via: {} }));
    await eventually(() => expect(seen.get(c.clerk)!.at(-1)).toEqual({ pollId, units: both, via: {} }));
    // The list names voters only: no choice travels with it.
    expect(Object.keys(seen.get(c.chair)!.at(-1)!).sort()).toEqual(["pollId", "units", "via"]);

    // A chair screen that connects while the poll is open gets the list at once; an observer does not.
    const chairAgain = h.socket(t.url, { token: m.tokens.chair }, false);
    const chairList = new Promise<PollVoters>((resolve) => chairAgain.once("poll.voters", resolve));
    chairAgain.connect();
    expect(await chairList).toEqual({ pollId, units: both, via: {} });
    const observerAgain = h.socket(t.url, { token: m.tokens.observer }, false);
    const observerGot: PollVoters[] = [];
    observerAgain.on("poll.voters", (x) => observerGot.push(x));
    const observerTurnout = new Promise<PollTurnout>((resolve) => observerAgain.once("poll.turnout", resolve));
    observerAgain.connect();
    // The turnout (public) arrives on connecting; by then the list would have been sent too.
    expect(await observerTurnout).toEqual({ pollId, ballots: 2 });
    await settle(all, t.server);
    chairAgain.close();
    observerAgain.close();

    expect(observerGot).toEqual([]);
    for (const client of [c.observer, c.member1, c.member2, c.member3]) expect(seen.get(client)).toEqual([]);
  });

  it("a secret poll: nobody, not even the chair, receives a list of voters", async () => {
    const t = await pollRoom(h);
    const { c, all, m } = t;
    const pollId = await t.create(pollOf({ title: "无记名表决", secret: true }));
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const seen = listen(all);
    const turnouts: PollTurnout[] = [];
    c.chair.socket.on("poll.turnout", (x) => turnouts.push(x));
    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    expect(await vote(c.member2, { pollId, choices: ["no"] })).toMatchObject({ ok: true });
    // The turnout (a number) is sent; by then a list would have been sent in the same update.
    await eventually(() => expect(turnouts.at(-1)).toEqual({ pollId, ballots: 2 }));
    const chairAgain = h.socket(t.url, { token: m.tokens.chair }, false);
    const got: PollVoters[] = [];
    chairAgain.on("poll.voters", (x) => got.push(x));
    const turnout = new Promise<PollTurnout>((resolve) => chairAgain.once("poll.turnout", resolve));
    chairAgain.connect();
    expect(await turnout).toEqual({ pollId, ballots: 2 });
    await settle(all, t.server);
    chairAgain.close();
    expect(got).toEqual([]);
    for (const client of all) expect(seen.get(client)).toEqual([]);
  });
});
