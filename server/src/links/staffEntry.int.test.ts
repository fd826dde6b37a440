// Staff entering a live meeting from the admin app without a roster entry (core/staffEntry.ts):
// the organisers and admins get a short-lived join link as chair, clerk or observer; a chair or
// clerk account only for a meeting it is linked to and in its own role (or observer); others are
// refused. Such a connection runs the meeting in its role but is no participant: not in the
// attendance, not on the eligible list, refused when voting. Real server, SQLite, sockets.
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { staffSubject } from "../../../core/staffEntry.ts";
import { ApiClient, createStaff, linkAccount, staffClient } from "../../../testing/server/api.ts";
import { Harness, send, settle } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, refused, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const tokenOf = (url: string) => /#t=(.+)$/.exec(url)![1]!;
const NOT_FOUND = { code: "NOT_FOUND", message: ERROR_MESSAGES.NOT_FOUND };

describe("staff entering a live meeting (staff-entry)", () => {
  it("an organiser enters as chair: runs the meeting, is not in the attendance nor on the eligible list, and cannot vote", async () => {
    const room = await pollRoom(h);
    const { server, url, m, c, all, org } = room;
    const organiser = (await server.db.staffAccount.findUnique({ where: { username: "secretariat" } }))!;
    const res = await org.post(`/api/meetings/${m.meetingId}/staff-entry`, { role: "chair" });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${url}/join#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(res.body.roles).toEqual(["chair", "clerk", "observer"]);
    const hours = (res.body.expiresAt - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(9);
    expect(hours).toBeLessThanOrEqual(10);

    const staff = await h.connect(url, tokenOf(res.body.url));
    expect(staff.welcome.me).toMatchObject({ id: staffSubject("chair", organiser.id), role: "chair" });
    expect(staff.welcome.me.name).toContain("secretariat");
    expect(staff.welcome.display).toBe(false);
    // Everyone else present, the staff connection caught up: nobody waits for it to arrive.
    await staff.waitForSeq(await settle(all, server));
    // Not on the roster and not counted present: the attendance is the roster's people only.
    expect(staff.state.roster.some((p) => p.id === staff.welcome.me.id)).toBe(false);
    expect(Object.keys(staff.state.attendance)).not.toContain(staff.welcome.me.id);
    expect(Object.keys(c.chair.state.attendance).sort()).toEqual(Object.keys(c.member1.state.attendance).sort());

    // Runs the meeting as chair: creates and opens a poll.
    expect(await send(staff, { type: "poll.create", poll: pollOf({ title: "工作人员发起的表决" }) })).toMatchObject({ ok: true });
    await staff.waitForSeq(await settle(all, server));
    const pollId = staff.state.polls.at(-1)!.pollId;
    expect(await send(staff, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
    await staff.waitForSeq(await settle(all, server));
    // Never eligible: the vote is refused before the ballot box; members vote as usual.
    expect(await vote(staff, { pollId, choices: ["yes"] })).toEqual(refused("FORBIDDEN"));
    expect(await vote(c.member1, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    expect(await send(staff, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    await staff.waitForSeq(await settle(all, server));
    const closed = staff.state.polls.find((p) => p.pollId === pollId)!;
    expect(closed.result).toMatchObject({ eligibleCount: 4 });
  });

  it("is refused to staff who do not organise the meeting, to roles the account may not take, and without a session", async () => {
    const t = await h.startServer();
    const { client: admin } = await staffClient(t.server, t.url, "admin1", "admin");
    const m = await h.createMeeting(t.server, undefined, { open: true });
    const path = `/api/meetings/${m.meetingId}/staff-entry`;
    expect((await admin.post(path, { role: "observer" })).status).toBe(200);
    expect((await admin.post(path, { role: "member" })).status).toBe(400);
    expect((await admin.post(`/api/meetings/no-such-meeting/staff-entry`, { role: "chair" })).status).toBe(404);
    expect((await new ApiClient(t.url).post(path, { role: "chair" })).status).toBe(401);

    // A chair account: only a meeting it is linked to, as chair or observer.
    const { client: chairClient, account: chairAccount } = await staffClient(t.server, t.url, "chair1", "chair");
    expect((await chairClient.post(path, { role: "chair" })).status).toBe(403);
    await linkAccount(t.server, m.people.chair.id, chairAccount.id);
    expect((await chairClient.post(path, { role: "chair" })).status).toBe(200);
    expect((await chairClient.post(path, { role: "observer" })).status).toBe(200);
    expect((await chairClient.post(path, { role: "clerk" })).status).toBe(403);

    // A clerk account of another meeting, and a department account (承办单位): refused.
    const { client: clerkClient } = await staffClient(t.server, t.url, "clerk1", "clerk");
    expect((await clerkClient.post(path, { role: "clerk" })).status).toBe(403);
    const { client: dept, account: deptAccount } = await staffClient(t.server, t.url, "dept1", "department");
    expect((await dept.post(path, { role: "observer" })).status).toBe(403);

    // A token the server signed for an account that may not take the role is refused at the
    // handshake too, as is the token of an account disabled since.
    const forged = await t.server.tokens.issue({ participantId: staffSubject("chair", deptAccount.id), meetingId: m.meetingId, role: "chair" });
    expect(await h.connectRefused(t.url, { token: forged })).toEqual(NOT_FOUND);
    const other = await createStaff(t.server, "organiser2", "organiser");
    const ok = await t.server.tokens.issue({ participantId: staffSubject("clerk", other.id), meetingId: m.meetingId, role: "clerk" });
    expect((await h.connect(t.url, ok)).welcome.me.role).toBe("clerk");
    await t.server.db.staffAccount.update({ where: { id: other.id }, data: { disabled: true } });
    expect(await h.connectRefused(t.url, { token: ok })).toEqual(NOT_FOUND);
  });
});
