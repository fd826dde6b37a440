// 委托投票 and 纸质票 with real socket.io clients against a real server on a real SQLite file: the
// clerk records a household's proxy, the holder votes for that household on their own device,
// the clerk enters a paper ballot for another; still one ballot per household whatever the way
// (device after paper, paper after device, a proxy's second ballot), refused by the PollVoter
// primary key itself; only the chair and the clerk may record them; the staff's list of voters,
// the result and the audit say how each household voted. A secret poll's paper and proxy
// ballots are as unlinkable as any other (docs/ballot-secrecy.md): the database is read directly.
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { allRows } from "../../../testing/databases.ts";
import type { Ack, BallotReceipt, MyBallots, PollAudit, PollVoters } from "../../../core/protocol.ts";
import { ApiClient } from "../../../testing/server/api.ts";
import { eventually, Harness, persisted, send, settle, type TestClient } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, refused, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const H = (household: string) => `household:${household}`;
const paper = (client: TestClient, ballot: unknown): Promise<Ack<BallotReceipt>> => client.socket.timeout(5000).emitWithAck("poll.paper", ballot);
const audit = (client: TestClient, pollId: string) => client.socket.timeout(5000).emitWithAck("poll.audit", { pollId }) as Promise<Ack<PollAudit>>;

/** The poll room with one household per member: member1 1-101, member2 1-102, 钟玉 1-103, the absent 袁海霞 1-104. */
async function households() {
  const t = await pollRoom(h);
  const ids = [t.m.people.member1.id, t.m.people.member2.id, t.member3.id, t.absent.id];
  for (const [i, pid] of ids.entries()) {
    const res = await t.org.patch(`/api/meetings/${t.m.meetingId}/participants/${pid}`, { household: `1-10${i + 1}` });
    expect(res.status).toBe(200);
  }
  await settle(t.all, t.server);
  return t;
}
const perHousehold = (fields: Parameters<typeof pollOf>[0] = {}) =>
  pollOf({ title: "关于小区停车管理方案的表决", eligibility: { roles: ["member"], absentMayVote: true, side: null, perHousehold: true }, ...fields });
const proxy = (pollId: string, unitId: string, holder: { participantId: string } | { name: string }) => ({
  type: "poll.recordProxy",
  pollId,
  unitId,
  holder,
  note: "袁海霞书面委托，委托书已存档",
});

describe("proxies (委托投票) and paper ballots (纸质票)", () => {
  it("a named per-household poll: the clerk records a proxy and a paper ballot, one ballot per household, marked in the list, the result and the audit", async () => {
    const t = await households();
    const { c, all, m } = t;
    const pollId = await t.create(perHousehold());
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const voters: PollVoters[] = [];
    c.chair.socket.on("poll.voters", (x) => voters.push(x));

    // Only the chair and the clerk record proxies and enter paper ballots.
    expect(await send(c.member1, proxy(pollId, H("1-104"), { participantId: m.people.member1.id }))).toEqual(refused("FORBIDDEN"));
    expect(await paper(c.member1, { pollId, unitId: H("1-103"), choices: ["yes"] })).toEqual(refused("FORBIDDEN"));
    expect(await paper(c.observer, { pollId, unitId: H("1-103"), choices: ["yes"] })).toEqual(refused("FORBIDDEN"));

    // 袁海霞 (absent, 1-104) authorised member1; the holder's screen learns it from the log.
    expect(await send(c.clerk, proxy(pollId, H("1-104"), { participantId: m.people.member1.id }))).toMatchObject({ ok: true });
    expect(await send(c.chair, proxy(pollId, H("1-104"), { name: "李大爷" }))).toEqual(refused("PROXY_EXISTS"));
    await settle(all, t.server);
    // The authorisation stays with the staff; the holder learns what he holds.
    expect(c.member1.state.polls[0]!.proxies).toMatchObject([{ unitId: H("1-104"), holderId: m.people.member1.id, note: "", evidence: null }]);
    expect(c.clerk.state.polls[0]!.proxies).toMatchObject([{ unitId: H("1-104"), holderId: m.people.member1.id, note: "袁海霞书面委托，委托书已存档" }]);

    // The holder votes for 1-104 and for their own household; nobody else can vote for 1-104.
    expect(await vote(c.member2, { pollId, choices: ["no"], forUnit: H("1-104") })).toEqual(refused("NO_PROXY"));
    expect(await vote(c.member1, { pollId, choices: ["yes"], forUnit: H("1-104") })).toEqual({ ok: true, pollId, changed: false });
    expect(await vote(c.member1, { pollId, choices: ["no"], forUnit: H("1-104") })).toEqual(refused("UNIT_ALREADY_VOTED"));
    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    // After a reload the holder's screen learns both: his own ballot, and the household he voted for.
    const reloaded = await h.connect(t.url, m.tokens.member1);
    const mine = (await reloaded.socket.timeout(5000).emitWithAck("poll.mine", {})) as Ack<MyBallots>;
    expect(mine.ok && [...mine.ballots].sort((a, b) => (a.forUnit ?? "").localeCompare(b.forUnit ?? ""))).toEqual([
      { pollId, choices: ["yes"] },
      { pollId, choices: ["yes"], forUnit: H("1-104") },
    ]);
    reloaded.close();

    // Paper for 钟玉's household (1-103); her device afterwards is refused. member2 voted on the device: paper for 1-102 is refused.
    expect(await paper(c.clerk, { pollId, unitId: H("1-103"), choices: ["abstain"], note: "纸质票已存档" })).toEqual({ ok: true, pollId, changed: false });
    expect(await vote(c.member3, { pollId, choices: ["yes"] })).toEqual(refused("ALREADY_VOTED"));
    expect(await vote(c.member2, { pollId, choices: ["no"] })).toMatchObject({ ok: true });
    expect(await paper(c.chair, { pollId, unitId: H("1-102"), choices: ["yes"] })).toEqual(refused("UNIT_ALREADY_VOTED"));
    expect(await paper(c.chair, { pollId, unitId: H("9-999"), choices: ["yes"] })).toMatchObject(refused("NOT_ELIGIBLE"));
    expect(await paper(c.chair, { pollId, unitId: H("1-101"), choices: ["maybe"] })).toMatchObject(refused("INVALID_BALLOT"));
    // 1-104 is here through its proxy holder, who voted for it already: a paper ballot on top is refused.
    expect(await paper(c.chair, { pollId, unitId: H("1-104"), choices: ["no"] })).toEqual(refused("UNIT_ALREADY_VOTED"));

    // The staff's live list says how each household voted.
    const via = { [H("1-103")]: "paper", [H("1-104")]: "proxy" };
    await eventually(() => expect(voters.at(-1)).toEqual({ pollId, units: [H("1-101"), H("1-102"), H("1-103"), H("1-104")], via }));

    // One ballot per household is the database's own rule: a second row for a unit is refused by the database itself.
    const db = t.server.db;
    expect(await db.$queryRaw`SELECT "unitId", "via", "note" FROM "PollVoter" WHERE "pollId" = ${pollId} ORDER BY "unitId"`).toEqual([
      { unitId: H("1-101"), via: "self", note: null },
      { unitId: H("1-102"), via: "self", note: null },
      { unitId: H("1-103"), via: "paper", note: "纸质票已存档" },
      { unitId: H("1-104"), via: "proxy", note: null },
    ]);
    await expect(
      db.$executeRaw`INSERT INTO "PollVoter" ("pollId", "unitId", "choices", "weight", "groups", "via") VALUES (${pollId}, ${H("1-103")}, '["no"]', 1, '[]', 'paper')`,
    ).rejects.toThrow(/UNIQUE|PRIMARY KEY|unique constraint/i);
    await expect(
      db.$executeRaw`INSERT INTO "PollVoter" ("pollId", "unitId", "choices", "weight", "groups", "via") VALUES (${pollId}, 'x', '["no"]', 1, '[]', 'fax')`,
    ).rejects.toThrow(/CHECK|check constraint/i);

    expect(await send(c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    expect(await paper(c.clerk, { pollId, unitId: H("1-104"), choices: ["yes"] })).toEqual(refused("POLL_CLOSED"));
    expect(c.chair.state.polls[0]!.result).toMatchObject({ eligibleCount: 4, ballots: 4, proxies: 1, paper: 1 });
    const checked = await audit(c.chair, pollId);
    expect(checked).toMatchObject({ ok: true, via });
    if (checked.ok) expect(checked.ballots.find((b) => b.voter === H("1-103"))).toEqual({ voter: H("1-103"), choices: ["abstain"], weight: 1 });
    expect((await persisted(t.server, m.meetingId)).state).toEqual((await t.server.rooms.get(m.meetingId)).current);
  });

  it("the authorisation's photo (委托书): uploaded and read back by the chair and the clerk only, re-encoded without EXIF, named by the proxy", async () => {
    const t = await households();
    const { c, all, m } = t;
    const pollId = await t.create(perHousehold());
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const http = new ApiClient(t.url);
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const form = (bytes: Buffer, name: string) => {
      const f = new FormData();
      f.append("file", new Blob([new Uint8Array(bytes)]), name);
      return f;
    };
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#36c" } })
      .jpeg()
      .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "38/1 28/1 0/1" } })
      .toBuffer();
    const url = `/api/meetings/${m.meetingId}/polls/evidence`;

    // A member may not upload; a file that is no image is refused.
    expect((await http.request("POST", url, { form: form(photo, "委托书.jpg"), headers: bearer(m.tokens.member1) })).status).toBe(403);
    const text = await http.request("POST", url, { form: form(Buffer.from("not a photo"), "委托书.jpg"), headers: bearer(m.tokens.clerk) });
    expect(text.body).toMatchObject({ error: { code: "FILE_TYPE_NOT_ALLOWED" } });

    const uploaded = await http.request("POST", url, { form: form(photo, "委托书.jpg"), headers: bearer(m.tokens.clerk) });
    expect(uploaded.status).toBe(201);
    const evidence: string = uploaded.body.evidence;
    expect(evidence).toMatch(/^[0-9a-f]{32}$/);
    expect(await send(c.clerk, { ...proxy(pollId, H("1-104"), { participantId: m.people.member1.id }), evidence })).toMatchObject({ ok: true });
    await settle(all, t.server);
    expect(c.chair.state.polls[0]!.proxies[0]).toMatchObject({ unitId: H("1-104"), evidence });
    expect(c.member1.state.polls[0]!.proxies[0]).toMatchObject({ unitId: H("1-104"), evidence: null });

    // The chair reads it back: a JPEG without the camera's EXIF; a member cannot.
    const back = await http.request("GET", `${url}/${evidence}`, { headers: bearer(m.tokens.chair) });
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(back.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 64, 48, undefined]);
    expect((await http.request("GET", `${url}/${evidence}`, { headers: bearer(m.tokens.member1) })).status).toBe(403);
    expect((await http.request("GET", `${url}/${"0".repeat(32)}`, { headers: bearer(m.tokens.clerk) })).status).toBe(404);
  });

  it("a secret poll: the paper and the proxy ballot are stored without their household, the voters' side says only how", async () => {
    const t = await households();
    const { c, all, m } = t;
    const pollId = await t.create(perHousehold({ secret: true, form: "single", options: ["方案甲：划线停车", "方案乙：立体车库", "方案丙：维持现状"] }));
    expect(await send(c.chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await settle(all, t.server);
    const voters: PollVoters[] = [];
    c.chair.socket.on("poll.voters", (x) => voters.push(x));
    expect(await send(c.clerk, proxy(pollId, H("1-104"), { participantId: m.people.member2.id }))).toMatchObject({ ok: true });
    await settle(all, t.server);
    // A note next to the voter could tell a secret paper ballot's choice: refused.
    expect(await paper(c.clerk, { pollId, unitId: H("1-103"), choices: ["o3"], note: "方案丙" })).toMatchObject(refused("SECRET_BALLOT_RULE"));
    expect(await paper(c.clerk, { pollId, unitId: H("1-103"), choices: ["o3"] })).toMatchObject({ ok: true });
    expect(await vote(c.member2, { pollId, choices: ["o2"], forUnit: H("1-104") })).toMatchObject({ ok: true });
    expect(await vote(c.member1, { pollId, choices: ["o1"] })).toMatchObject({ ok: true });
    expect(await send(c.chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await settle(all, t.server);
    expect(c.chair.state.polls[0]!.result).toMatchObject({ ballots: 3, proxies: 1, paper: 1 });

    const choices: Record<string, string> = { [H("1-101")]: "o1", [H("1-103")]: "o3", [H("1-104")]: "o2" };
    const people = [m.people.member1.id, t.member3.id, t.absent.id, m.people.member2.id];
    const db = t.server.db;
    // The voters' side: who, and how — never what.
    expect(await db.$queryRaw`SELECT "unitId", "choices", "via", "note" FROM "PollVoter" WHERE "pollId" = ${pollId} ORDER BY "unitId"`).toEqual([
      { unitId: H("1-101"), choices: null, via: "self", note: null },
      { unitId: H("1-103"), choices: null, via: "paper", note: null },
      { unitId: H("1-104"), choices: null, via: "proxy", note: null },
    ]);
    // The ballots' side: what — never who or how.
    const columns =
      t.config.database.kind === "sqlite"
        ? (await db.$queryRaw<{ name: string }[]>`SELECT name FROM pragma_table_info('PollBallot')`).map((r) => r.name)
        : (
            await db.$queryRaw<
              { name: string }[]
            >`SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'PollBallot'`
          ).map((r) => r.name);
    expect(columns.sort()).toEqual(["ballotId", "choices", "groups", "pollId", "weight"]);
    // (On PostgreSQL the rows are sealed until the close rewrites them: polls/pgBallotStore.ts.)
    await eventually(async () => {
      const ballots = await db.$queryRaw<{ choices: string }[]>`SELECT "choices" FROM "PollBallot" WHERE "pollId" = ${pollId}`;
      expect(ballots.map((b) => (b.choices.startsWith("[") ? (JSON.parse(b.choices) as string[])[0] : b.choices)).sort()).toEqual(["o1", "o2", "o3"]);
    });
    // No row of any table that names a household or a person of this poll carries a choice of it.
    for (const { table, row } of await allRows(db, t.config.database.kind)) {
      const text = JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
      if (!text.includes(pollId) || ![...Object.keys(choices), ...people].some((who) => text.includes(who))) continue;
      for (const marker of ['"o1"', '"o2"', '"o3"', "方案甲", "方案乙", "方案丙"]) expect(text.includes(marker), `${table}: ${text}`).toBe(false);
    }
    // The audit names how the households voted, and the anonymous ballots.
    const checked = await audit(c.chair, pollId);
    expect(checked).toMatchObject({ ok: true, voters: [H("1-101"), H("1-103"), H("1-104")], via: { [H("1-103")]: "paper", [H("1-104")]: "proxy" } });
    if (checked.ok) expect(checked.ballots.every((b) => b.voter === null)).toBe(true);
    // A secret poll's voters were never sent while it ran.
    expect(voters).toEqual([]);
  });
});
