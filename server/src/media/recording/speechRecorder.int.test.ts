// The recorder between Janus and the database, without Janus: .mjr files placed where Janus
// writes them, the real janus-pp-rec, a real SQLite database. Ready rows, cleanup, failures,
// takes without audio, and part numbers that continue after a restart.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, send } from "../../../../testing/server/harness.ts";
import { opusMjr } from "./mjrFixture.ts";
import { RecordingStore } from "./recordingStore.ts";
import { SpeechRecorder } from "./speechRecorder.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const t = await h.startServer();
  const m = await h.createMeeting(t.server, "录音处理测试", { open: true });
  const logs: string[] = [];
  const recorder = () =>
    new SpeechRecorder({
      dir: t.config.recordingsDir,
      store: new RecordingStore(t.server.db),
      stateOf: async (meetingId) => (await t.server.rooms.get(meetingId)).current,
      now: () => 1_764_000_000_000,
      newId: randomUUID,
      log: (message) => logs.push(message),
    });
  const folder = path.join(t.config.recordingsDir, m.meetingId);
  const rows = (speechId: string) => t.server.db.speechRecording.findMany({ where: { speechId }, orderBy: { part: "asc" } });
  return { ...t, m, logs, recorder, folder, rows };
}

const target = (participantId: string) => ({ participantId, speechId: randomUUID() });

describe("SpeechRecorder", () => {
  it("turns a take's audio into a ready row and an .opus file, and removes Janus's files (video too)", async () => {
    const { m, recorder, folder, rows, logs } = await setup();
    const r = recorder();
    const speech = target(m.people.member1.id);
    const take = await r.begin(m.meetingId, speech);
    expect(take).toMatchObject({ meetingId: m.meetingId, ...speech, part: 1, startedAt: 1_764_000_000_000 });
    fs.writeFileSync(path.join(folder, `${take.id}-audio-0.mjr`), opusMjr(150));
    fs.writeFileSync(path.join(folder, `${take.id}-video-1.mjr`), "video frames");
    r.finish(take);
    await r.idle();
    const [row] = await rows(speech.speechId);
    expect(row).toMatchObject({ id: take.id, meetingId: m.meetingId, participantId: speech.participantId, part: 1, status: "ready", file: `${take.id}.opus` });
    expect(row!.durationMs).toBeGreaterThan(2900);
    expect(fs.readdirSync(folder)).toEqual([`${take.id}.opus`]);
    expect(row!.bytes).toBe(fs.statSync(path.join(folder, row!.file)).size);
    expect(logs).toEqual([]);
  });

  it("stores a failed row and keeps the .mjr when post-processing fails; no row when Janus wrote no audio", async () => {
    const { m, recorder, folder, rows, logs } = await setup();
    const r = recorder();
    const broken = target(m.people.member1.id);
    const take = await r.begin(m.meetingId, broken);
    fs.writeFileSync(path.join(folder, `${take.id}-audio-0.mjr`), "not a recording");
    const silent = target(m.people.member2.id);
    const none = await r.begin(m.meetingId, silent);
    fs.writeFileSync(path.join(folder, `${none.id}-video-1.mjr`), "video only");
    r.finish(take);
    r.finish(none);
    await r.idle();
    expect(await rows(broken.speechId)).toEqual([expect.objectContaining({ status: "failed", file: "", bytes: 0, durationMs: 0 })]);
    expect(await rows(silent.speechId)).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([`${take.id}-audio-0.mjr`]);
    expect(logs).toHaveLength(2);
    expect(logs).toContainEqual(expect.stringContaining(`post-processing recording ${take.id}`));
    expect(logs).toContainEqual(expect.stringContaining(`recording ${none.id} of speech ${silent.speechId}: Janus wrote no audio`));
  });

  it("numbers the parts of a speech, also across a restart of the server (a new recorder)", async () => {
    const { m, recorder, folder, rows } = await setup();
    const speech = target(m.people.member1.id);
    const first = recorder();
    const one = await first.begin(m.meetingId, speech);
    const two = await first.begin(m.meetingId, speech);
    expect([one.part, two.part]).toEqual([1, 2]);
    for (const take of [one, two]) {
      fs.writeFileSync(path.join(folder, `${take.id}-audio-0.mjr`), opusMjr(60));
      first.finish(take);
    }
    await first.idle();
    const three = await recorder().begin(m.meetingId, speech);
    expect(three.part).toBe(3);
    expect((await rows(speech.speechId)).map((row) => row.part)).toEqual([1, 2]);
  });

  it("records the floor holder's current speech, and nobody when the floor is free", async () => {
    const { server, url, m, recorder } = await setup();
    const r = recorder();
    expect(await r.target(m.meetingId)).toBeNull();
    const chair = await h.connect(url, m.tokens.chair);
    const member = await h.connect(url, m.tokens.member1);
    expect((await send(member, { type: "queue.request" })).ok).toBe(true);
    expect((await send(chair, { type: "floor.give", participantId: m.people.member1.id })).ok).toBe(true);
    const floor = (await server.rooms.get(m.meetingId)).current.floor!;
    expect(await r.target(m.meetingId)).toEqual({ participantId: m.people.member1.id, speechId: floor.speechId });
  });
});
