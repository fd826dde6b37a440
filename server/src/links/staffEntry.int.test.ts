// Staff entering a live meeting from the admin app without a roster entry (core/staffEntry.ts):
// the organisers and admins get a short-lived join link as chair, clerk or observer; a chair or
// clerk account only for a meeting it is linked to and in its own role (or observer); others are
// refused. Such a connection runs the meeting in its role but is no participant: not in the
// attendance, not on the eligible list, refused when voting. It downloads the meeting's materials
// as a participant does, and ends with the login session it came from (logout). Real server,
// SQLite, sockets.
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { staffSubject } from "../../../core/staffEntry.ts";
import { ApiClient, fileForm, linkAccount, staffClient } from "../../../testing/server/api.ts";
import { disconnected, Harness, send, settle } from "../../../testing/server/harness.ts";
import { pollOf, pollRoom, refused, vote } from "../../../testing/server/pollRoom.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const tokenOf = (url: string) => /#t=(.+)$/.exec(url)![1]!;
const NOT_FOUND = { code: "NOT_FOUND", message: ERROR_MESSAGES.NOT_FOUND };
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41), Buffer.from("\n%%EOF\n")]);

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
    // handshake too (even in its open login session), as is the token of an account disabled since.
    const deptSession = (await t.server.db.staffSession.findFirst({ where: { accountId: deptAccount.id } }))!.id;
    const forged = await t.server.tokens.issue({
      participantId: staffSubject("chair", deptAccount.id),
      meetingId: m.meetingId,
      role: "chair",
      session: deptSession,
    });
    expect(await h.connectRefused(t.url, { token: forged })).toEqual(NOT_FOUND);
    const { client: otherClient, account: other } = await staffClient(t.server, t.url, "organiser2", "organiser");
    const ok = tokenOf((await otherClient.post(path, { role: "clerk" })).body.url);
    expect((await h.connect(t.url, ok)).welcome.me.role).toBe("clerk");
    // Without the login session it was issued in (a token of before sessions were named), refused.
    const sessionless = await t.server.tokens.issue({ participantId: staffSubject("clerk", other.id), meetingId: m.meetingId, role: "clerk" });
    expect(await h.connectRefused(t.url, { token: sessionless })).toEqual(NOT_FOUND);
    await t.server.db.staffAccount.update({ where: { id: other.id }, data: { disabled: true } });
    expect(await h.connectRefused(t.url, { token: ok })).toEqual(NOT_FOUND);
  });
});

describe("a staff entry's materials and session", () => {
  /** An open meeting with a PDF on its agenda, an organiser logged in, and the download as anyone with a bearer token. */
  async function meetingWithMaterial() {
    const t = await h.startServer();
    const { client: org, account } = await staffClient(t.server, t.url, "organiser1", "organiser");
    const m = await h.createMeeting(t.server, undefined, { open: true });
    const item = (await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "通报情况", plannedMinutes: 20 })).body.item.id as string;
    const uploaded = await org.request("POST", `/api/meetings/${m.meetingId}/agenda/${item}/materials`, { form: fileForm(PDF, "通报.pdf") });
    expect(uploaded.status).toBe(201);
    const materialPath = (meetingId: string, materialId: string) => `/api/meetings/${meetingId}/materials/${materialId}`;
    const download = (token: string, meetingId = m.meetingId, materialId = uploaded.body.material.id as string) =>
      new ApiClient(t.url).get(materialPath(meetingId, materialId), { headers: { Authorization: `Bearer ${token}` } });
    const enter = async (client: ApiClient, role: "chair" | "clerk" | "observer") =>
      tokenOf((await client.post(`/api/meetings/${m.meetingId}/staff-entry`, { role })).body.url);
    return { ...t, org, account, m, download, enter };
  }

  it("staff who entered download the meeting's materials as the roster's chair, clerk and observer do, only this meeting's", async () => {
    const { server, org, m, download, enter } = await meetingWithMaterial();
    for (const role of ["chair", "clerk", "observer"] as const) {
      const asRoster = await download(m.tokens[role]);
      const asStaff = await download(await enter(org, role));
      expect([asStaff.status, asRoster.status], role).toEqual([200, 200]);
      expect(asStaff.bytes.equals(PDF), role).toBe(true);
      expect(asStaff.headers.get("content-type")).toBe(asRoster.headers.get("content-type"));
    }
    // Another meeting's material with this meeting's entry: refused, as for a participant.
    const other = await h.createMeeting(server, "另一次会议", { open: true });
    const otherItem = (await org.post(`/api/meetings/${other.meetingId}/agenda`, { title: "别的议题", plannedMinutes: 10 })).body.item.id as string;
    const otherMaterial = await org.request("POST", `/api/meetings/${other.meetingId}/agenda/${otherItem}/materials`, { form: fileForm(PDF, "别的.pdf") });
    const observer = await enter(org, "observer");
    expect((await download(observer, other.meetingId, otherMaterial.body.material.id)).status).toBe(403);
    expect((await download(m.tokens.observer, other.meetingId, otherMaterial.body.material.id)).status).toBe(403);
  });

  it("logging out of the admin app ends the entry: its socket is dropped, the token refused at the handshake and for materials; another session's entry stays", async () => {
    const { url, org, download, enter } = await meetingWithMaterial();
    // The same organiser logged in a second time (another browser), with an entry of its own.
    const elsewhere = new ApiClient(url);
    expect((await elsewhere.login("organiser1")).status).toBe(200);
    const [token, otherToken] = [await enter(org, "chair"), await enter(elsewhere, "observer")];
    const [staff, otherStaff] = [await h.connect(url, token), await h.connect(url, otherToken)];
    expect((await download(token)).status).toBe(200);

    const told = new Promise((resolve) => staff.socket.once("connection.ended", resolve));
    const gone = disconnected(staff.socket);
    expect((await org.post("/api/auth/logout")).status).toBe(200);
    expect(await told).toMatchObject({ code: "LINK_REVOKED" });
    expect(await gone).toBe("io server disconnect");
    expect(await h.connectRefused(url, { token })).toEqual(NOT_FOUND);
    const refusedDownload = await download(token);
    expect([refusedDownload.status, refusedDownload.body.error.code]).toEqual([401, "LINK_REVOKED"]);

    // The other session's entry is untouched.
    expect(otherStaff.socket.connected).toBe(true);
    expect((await download(otherToken)).status).toBe(200);
    expect((await h.connect(url, otherToken)).welcome.me.role).toBe("observer");
  });
});
