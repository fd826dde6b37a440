// A live meeting for poll tests over real sockets: a server on a real SQLite file, an opened
// meeting with chair, clerk, observer and three members connected (present) and a fourth member
// on the roster who never connects (absent), and the chair's poll.create.
import { expect } from "vitest";
import { PollDefinition } from "../../core/poll/schema.ts";
import type { Ack, BallotReceipt } from "../../core/protocol.ts";
import { staffClient } from "./api.ts";
import { openMeeting, send, settle, type ClientSocket, type Harness, type TestClient } from "./harness.ts";

/** A poll with every default spelled out (named 赞成/反对/弃权, majority of 投票): override what a test is about. */
export const pollOf = (fields: Partial<PollDefinition>): PollDefinition =>
  PollDefinition.parse({ title: "表决", form: "yesNoAbstain", secret: false, rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }], ...fields });

export const refused = (code: string) => ({ ok: false, error: { code, message: { zh: expect.any(String), en: expect.any(String) } } });
export const vote = (client: TestClient | ClientSocket, ballot: unknown): Promise<Ack<BallotReceipt>> =>
  ("socket" in client ? client.socket : client).timeout(5000).emitWithAck("poll.vote", ballot);

/** The meeting: 应到 4 members, 实到 3 (member1, member2, member3); `absent` has a token but is not connected. */
export async function pollRoom(h: Harness, options: { now?: () => number; dataDir?: string } = {}) {
  const t = await h.startServer(options);
  const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
  const m = await h.createMeeting(t.server, "社区议事会（表决测试）");
  const addMember = async (name: string) => {
    const res = await org.post(`/api/meetings/${m.meetingId}/participants`, { name, role: "member" });
    expect(res.status).toBe(201);
    const id: string = res.body.participant.id;
    return { id, token: await t.server.tokens.issue({ participantId: id, meetingId: m.meetingId, role: "member" }) };
  };
  const member3 = await addMember("钟玉");
  const absent = await addMember("袁海霞");
  await openMeeting(t.server, m);
  const [chair, clerk, observer, member1, member2, m3] = await Promise.all(
    [m.tokens.chair, m.tokens.clerk, m.tokens.observer, m.tokens.member1, m.tokens.member2, member3.token].map((token) => h.connect(t.url, token)),
  );
  const c = { chair: chair!, clerk: clerk!, observer: observer!, member1: member1!, member2: member2!, member3: m3! };
  const all = Object.values(c);
  await settle(all, t.server);
  const create = async (poll: PollDefinition) => {
    expect(await send(c.chair, { type: "poll.create", poll })).toMatchObject({ ok: true });
    await settle(all, t.server);
    return c.chair.state.polls.at(-1)!.pollId;
  };
  return { ...t, m, c, all, create, member3, absent, org };
}
