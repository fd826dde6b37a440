// A store's change reaches the live meeting by itself: the stores signal every saved change the
// live meeting follows (meetingChanges.ts) and the server feeds it in (config.sync) before the
// store call returns — no route, no hand-placed sync. Real server, SQLite file and sockets.
import { afterEach, describe, expect, it } from "vitest";
import { Harness, persisted, settle } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function liveMeeting() {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server);
  const chair = await h.connect(srv.url, meeting.tokens.chair);
  await settle([chair], srv.server);
  const room = await srv.server.rooms.get(meeting.meetingId);
  return { srv, meeting, chair, room, stores: srv.server.meetings };
}

describe("a store change reaches the live meeting without the route", () => {
  it("the agenda: appended, edited, reordered and deleted through the store alone", async () => {
    const { meeting, chair, room, stores } = await liveMeeting();
    const id = meeting.meetingId;
    const first = await stores.agenda.append(id, { title: "关于老旧小区加装电梯的协商", presenter: "区住建局", plannedMinutes: 45 });
    // Already in the live state when the store call returns, and sent to the chair.
    expect(room.current.agenda.map((item) => item.title)).toEqual(["关于老旧小区加装电梯的协商"]);
    await chair.waitForSeq(room.current.seq);
    expect(chair.state.agenda.map((item) => item.id)).toEqual([first.id]);

    const second = await stores.agenda.append(id, { title: "自由发言", plannedMinutes: 20 });
    await stores.agenda.update(id, first.id, { plannedMinutes: 30 });
    expect(room.current.agenda.find((item) => item.id === first.id)?.plannedMs).toBe(30 * 60_000);
    await stores.agenda.reorder(id, [second.id, first.id]);
    expect(room.current.agenda.map((item) => item.id)).toEqual([second.id, first.id]);
    await stores.agenda.delete(id, second.id);
    expect(room.current.agenda.map((item) => item.id)).toEqual([first.id]);
    await chair.waitForSeq(room.current.seq);
    expect(chair.state.agenda).toEqual(room.current.agenda);
  });

  it("the roster, the meeting's rules and the speaking plan", async () => {
    const { meeting, room, stores } = await liveMeeting();
    const id = meeting.meetingId;
    const [added] = await stores.participants.append(id, [{ name: "赵新委员", role: "member", sector: "经济界" }]);
    expect(room.current.roster.find((p) => p.id === added!.id)).toMatchObject({ name: "赵新委员", sector: "经济界" });
    await stores.participants.update(id, added!.id, { sector: "科技界" });
    expect(room.current.roster.find((p) => p.id === added!.id)?.sector).toBe("科技界");

    await stores.update(id, { quorumRule: "twoThirds" });
    expect(room.current.quorumRule).toBe("twoThirds");

    const speech = await stores.plan.append(
      id,
      { participantId: meeting.people.member1.id, kind: "booked", agendaItemId: null, title: "关于加装电梯", text: "" },
      "test",
    );
    expect(room.current.plan.map((p) => p.bookingId)).toEqual([speech.id]);
    await stores.plan.delete(id, speech.id);
    expect(room.current.plan).toEqual([]);
  });

  it("what the live meeting does not follow changes nothing in its log", async () => {
    const { srv, meeting, room, stores } = await liveMeeting();
    const before = room.current.seq;
    await stores.setArchived(meeting.meetingId, true);
    await stores.update(meeting.meetingId, { place: "区政协三楼会议室" }); // signalled, but nothing live differs
    expect(room.current.seq).toBe(before);
    expect((await persisted(srv.server, meeting.meetingId)).events.length).toBe(before);
  });
});
