// QR check-in over real HTTP: the code gates everything; an arrival is recorded in the
// meeting's log by the system actor with via "qr", reaches connected screens, and the person
// leaves the list of those not yet present.
import { afterEach, describe, expect, it } from "vitest";
import { Harness, persisted } from "../../../testing/server/harness.ts";
import { ApiClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const t = await h.startServer();
  const m = await h.createMeeting(t.server, "社区议事会（签到测试）");
  const code = (await t.server.db.meeting.findUniqueOrThrow({ where: { id: m.meetingId } })).checkinSecret;
  return { ...t, m, code, anyone: new ApiClient(t.url) };
}

describe("check-in", () => {
  it("lists the meeting's members and officials who are not present yet, only with the right code", async () => {
    const { m, code, anyone, server } = await setup();
    await server.db.participant.update({ where: { id: m.people.member2.id }, data: { unit: "区教育局" } });
    const res = await anyone.get(`/api/checkin/${m.meetingId}?c=${code}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      meeting: { title: "社区议事会（签到测试）" },
      people: [
        { id: m.people.member1.id, name: m.people.member1.name, unit: null },
        { id: m.people.member2.id, name: m.people.member2.name, unit: "区教育局" },
      ],
    });
    for (const [path, status] of [
      [`/api/checkin/${m.meetingId}?c=${code.slice(0, -1)}${code.endsWith("0") ? "1" : "0"}`, 403], // one character off
      [`/api/checkin/${m.meetingId}?c=${code}x`, 403],
      [`/api/checkin/no-such-meeting?c=${code}`, 403],
      [`/api/checkin/${m.meetingId}`, 400],
    ] as const) {
      const refused = await anyone.get(path);
      expect(refused.status, path).toBe(status);
      if (status === 403) expect(refused.body.error.code).toBe("CHECKIN_INVALID");
    }
  });

  it("names people with the same name apart (同名区分), as every screen does", async () => {
    const { m, code, anyone, server } = await setup();
    for (const [key, household] of [
      ["member1", "3号楼2单元502"],
      ["member2", "5号楼1单元301"],
    ] as const) {
      await server.db.participant.update({ where: { id: m.people[key].id }, data: { name: "张丽", household } });
    }
    await server.rooms.syncConfig(m.meetingId);
    const res = await anyone.get(`/api/checkin/${m.meetingId}?c=${code}`);
    expect(res.body.people.map((p: { name: string }) => p.name)).toEqual(["张丽（502室）", "张丽（301室）"]);
  });

  it("records the arrival in the log (system actor, via qr), broadcasts it, and the person leaves the list", async () => {
    const { m, code, anyone, server, url } = await setup();
    const display = await h.connect(url, await h.displayToken(server, m.meetingId));
    const res = await anyone.post(`/api/checkin/${m.meetingId}`, { c: code, participantId: m.people.member1.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const { events, state } = await persisted(server, m.meetingId);
    const arrivals = events.filter((e) => e.event.type === "attendance.arrived");
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).toMatchObject({ actorId: "system", event: { participantIds: [m.people.member1.id], via: "qr" } });
    expect(state.attendance[m.people.member1.id]).toMatchObject({ status: "present", via: "qr" });
    expect((await display.waitForSeq(state.seq)).attendance[m.people.member1.id]?.status).toBe("present");
    const list = await anyone.get(`/api/checkin/${m.meetingId}?c=${code}`);
    expect(list.body.people.map((p: { id: string }) => p.id)).toEqual([m.people.member2.id]);
    // Checking in twice records nothing more.
    expect((await anyone.post(`/api/checkin/${m.meetingId}`, { c: code, participantId: m.people.member1.id })).status).toBe(200);
    expect((await persisted(server, m.meetingId)).events.filter((e) => e.event.type === "attendance.arrived")).toHaveLength(1);
  });

  it("refuses a wrong code, people who do not check in by QR and people of another meeting, recording nothing", async () => {
    const { m, code, anyone, server } = await setup();
    const other = await h.createMeeting(server, "另一个会议");
    const cases = [
      [{ c: "wrong", participantId: m.people.member1.id }, 403, "CHECKIN_INVALID"],
      [{ c: code, participantId: m.people.chair.id }, 404, "NOT_FOUND"],
      [{ c: code, participantId: m.people.observer.id }, 404, "NOT_FOUND"],
      [{ c: code, participantId: other.people.member1.id }, 404, "NOT_FOUND"],
      [{ c: code }, 400, "VALIDATION"],
      [{ c: code, participantId: m.people.member1.id, via: "clerk" }, 400, "VALIDATION"],
    ] as const;
    for (const [body, status, errorCode] of cases) {
      const res = await anyone.post(`/api/checkin/${m.meetingId}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(errorCode);
    }
    const { events } = await persisted(server, m.meetingId);
    expect(events.filter((e) => e.event.type.startsWith("attendance."))).toEqual([]);
    const noHeader = await anyone.post(`/api/checkin/${m.meetingId}`, { c: code, participantId: m.people.member1.id }, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe("CSRF_CHECK_FAILED");
  });
});
