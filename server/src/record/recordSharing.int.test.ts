// 会议记录向委员公开 end to end: a real server (port 0) on a real SQLite file, real socket.io
// clients for the chair, the clerk, a member, an observer and the room display. Notes written
// while the record is not shared reach the staff only (record.withheld for the rest). The
// organiser shares the record during the meeting (PATCH /api/meetings/:id): the member and the
// observer at once receive a snapshot with the earlier notes, then every note live; the display
// never. Unsharing takes them away again. Members still cannot write notes.
import { afterEach, describe, expect, it } from "vitest";
import type { MeetingState } from "../../../core/state.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness, openMeeting, send, settle, type TestClient } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const NO_NOTES = { summaries: {}, suggestions: [], decisions: [] };
const noteEvents = (client: TestClient) =>
  client.broadcasts
    .flat()
    .filter((e) => e.event.type.startsWith("record."))
    .map((e) => e.event.type);

describe("sharing the record with members (会议记录向委员公开)", () => {
  it("members and observers get the notes only while shared (a snapshot when switched), the display never", async () => {
    const t = await h.startServer();
    const { client: org } = await staffClient(t.server, t.url, "secretariat", "organiser");
    const m = await h.createMeeting(t.server, "关于加装电梯的专题协商会");
    const base = `/api/meetings/${m.meetingId}`;
    const item = await org.post(`${base}/agenda`, { title: "委员发言", plannedMinutes: 60 });
    expect(item.status).toBe(201);
    expect((await org.get(base)).body.meeting.recordShared).toBe(false);
    await openMeeting(t.server, m);
    const [chair, clerk, member, observer, display] = (await Promise.all(
      [m.tokens.chair, m.tokens.clerk, m.tokens.member1, m.tokens.observer, await h.displayToken(t.server, m.meetingId)].map((token) =>
        h.connect(t.url, token),
      ),
    )) as TestClient[];
    const all = [chair!, clerk!, member!, observer!, display!];
    const live = async (): Promise<MeetingState> => (await t.server.rooms.get(m.meetingId)).current;
    const ok = async (client: TestClient, command: unknown) => {
      expect(await send(client, command), JSON.stringify(command)).toMatchObject({ ok: true });
      await settle(all, t.server);
    };
    const caughtUp = async () => {
      const seq = (await live()).seq;
      await Promise.all(all.map((c) => c.waitForSeq(seq)));
    };
    await settle(all, t.server);

    // The member speaks; the clerk writes notes while the record is not shared.
    await ok(chair!, { type: "agenda.goto", itemId: item.body.item.id });
    await ok(member!, { type: "queue.request" });
    await ok(chair!, { type: "floor.give", participantId: m.people.member1.id });
    const entry = { kind: "speech", id: (await live()).floor!.speechId };
    await ok(clerk!, { type: "record.summarize", entry, text: "建议老旧小区加装电梯", baseVersion: 0 });
    await ok(clerk!, {
      type: "record.captureSuggestion",
      entry,
      suggestion: { title: "加装电梯", text: "财政补贴三成", topic: "城市更新", department: "区住建委" },
    });
    await caughtUp();
    const notes = (await live()).notes;
    expect(chair!.state.notes).toEqual(notes);
    for (const other of [member!, observer!, display!]) {
      expect(other.state.notes).toEqual(NO_NOTES);
      expect(noteEvents(other)).toEqual(["record.withheld", "record.withheld"]);
    }

    // Shared during the meeting: the attendees' state gets the earlier notes at once (a snapshot).
    const patched = await org.patch(base, { recordShared: true });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting.recordShared).toBe(true);
    await caughtUp();
    expect((await live()).recordShared).toBe(true);
    for (const attendee of [member!, observer!]) {
      expect(attendee.state.notes).toEqual(notes);
      expect(attendee.state.recordShared).toBe(true);
      expect(attendee.syncs.at(-1)?.kind).toBe("compact");
    }
    expect(display!.state.notes).toEqual(NO_NOTES);
    expect(display!.syncs).toHaveLength(1); // the display received the switch as an event, no snapshot
    expect(display!.broadcasts.flat().at(-1)?.event).toEqual({ type: "record.sharedSet", shared: true });

    // From now on every note reaches them live, in full; the display still gets record.withheld.
    const suggestionId = notes.suggestions[0]!.suggestionId;
    await ok(clerk!, {
      type: "record.editSuggestion",
      suggestionId,
      suggestion: { title: "加装电梯", text: "财政补贴三成，居民分摊", topic: "城市更新", department: "区住建委" },
      baseVersion: 1,
    });
    await ok(chair!, { type: "record.addDecision", decision: { text: "形成协商意见报区委", unit: "区政协办公室", deadline: "2027-01-31" } });
    await caughtUp();
    const later = (await live()).notes;
    for (const attendee of [member!, observer!]) {
      expect(attendee.state.notes).toEqual(later);
      expect(noteEvents(attendee).slice(-2)).toEqual(["record.suggestionEdited", "record.decisionAdded"]);
    }
    expect(member!.state.notes.suggestions[0]).toMatchObject({ text: "财政补贴三成，居民分摊", department: "区住建委", participantId: m.people.member1.id });
    expect(noteEvents(display!).slice(-2)).toEqual(["record.withheld", "record.withheld"]);
    expect(display!.state.notes).toEqual(NO_NOTES);
    // A connection joining now: a member's snapshot carries the notes, the display's does not.
    const member2 = await h.connect(t.url, m.tokens.member2);
    const display2 = await h.connect(t.url, await h.displayToken(t.server, m.meetingId));
    expect(member2.state.notes).toEqual(later);
    expect(JSON.stringify(display2.firstSync)).not.toContain("居民分摊");
    member2.close();
    display2.close();
    // Sharing does not let members write.
    expect(await send(member!, { type: "record.summarize", entry, text: "我的发言要点", baseVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    // Unshared: the notes leave the attendees' state, and new ones are withheld again.
    await org.patch(base, { recordShared: false });
    await caughtUp();
    for (const attendee of [member!, observer!]) expect(attendee.state.notes).toEqual(NO_NOTES);
    await ok(clerk!, { type: "record.summarize", entry, text: "第二稿", baseVersion: 1 });
    await caughtUp();
    for (const other of [member!, observer!, display!]) {
      expect(other.state.notes).toEqual(NO_NOTES);
      expect(noteEvents(other).at(-1)).toBe("record.withheld");
      expect(other.problems).toEqual([]);
    }
    expect(clerk!.state.notes).toEqual((await live()).notes);
  });
});
