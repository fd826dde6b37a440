// One speech, one recording: the recordings list marks the speech's pauses and interjections
// inside its recording (ms from the recording's start), from the meeting's real event log on
// SQLite, over real HTTP (no Janus needed: the row is stored as the recorder stores it).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../../../core/roles.ts";
import type { Command } from "../../../../core/meeting.ts";
import { ApiClient } from "../../../../testing/server/api.ts";
import { Harness, openMeeting } from "../../../../testing/server/harness.ts";
import { RecordingStore } from "./recordingStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("recording markers", () => {
  it("lists one recording for a speech with a pause and an interjection, both marked relative to its start", async () => {
    const t = await h.startServer();
    const m = await h.createMeeting(t.server);
    await openMeeting(t.server, m);
    const room = await t.server.rooms.get(m.meetingId);
    const run = async (actor: Actor, command: Command) => expect(await room.submit(actor, command)).toMatchObject({ ok: true });
    const chair: Actor = { participantId: m.people.chair.id, role: "chair" };
    const speaker: Actor = { participantId: m.people.member1.id, role: "member" };
    // An official answering (decide checks the role, not the roster, for interjections).
    const official: Actor = { participantId: m.people.member2.id, role: "official" };

    await run(speaker, { type: "queue.request" });
    await run(chair, { type: "floor.give", participantId: speaker.participantId });
    const speech = room.current.floor!;
    await pause(30);
    await run(chair, { type: "floor.pause" });
    await pause(30);
    await run(chair, { type: "floor.resume" });
    await run(official, { type: "interjection.request" });
    await run(chair, { type: "interjection.grant", requestId: room.current.interjectionRequests[0]!.requestId });
    await pause(30);
    await run(official, { type: "interjection.end" });
    await run(chair, { type: "floor.end" });

    // The recorder's row for that speech: it started with the speech (the speaker's page published).
    const store = new RecordingStore(t.server.db);
    await store.add({
      id: randomUUID(),
      meetingId: m.meetingId,
      speechId: speech.speechId,
      participantId: speaker.participantId,
      part: 1,
      file: "",
      startedAt: new Date(speech.startedAt),
      durationMs: 60_000,
      bytes: 0,
      status: "failed",
    });
    const listed = await new ApiClient(t.url).get(`/api/meetings/${m.meetingId}/recordings`, { headers: { Authorization: `Bearer ${m.tokens.clerk}` } });
    expect(listed.status).toBe(200);
    expect(listed.body.recordings).toHaveLength(1);
    const [recording] = listed.body.recordings;
    expect(recording.speechId).toBe(speech.speechId);
    expect(recording.markers).toEqual([
      { kind: "pause", startMs: expect.any(Number), endMs: expect.any(Number) },
      { kind: "interjection", startMs: expect.any(Number), endMs: expect.any(Number), participantId: official.participantId },
    ]);
    const [p, i] = recording.markers;
    expect(p.startMs).toBeGreaterThanOrEqual(25);
    expect(p.endMs).toBeGreaterThan(p.startMs);
    expect(i.startMs).toBeGreaterThanOrEqual(p.endMs);
    expect(i.endMs).toBeGreaterThan(i.startMs);
  });
});
