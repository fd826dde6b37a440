// The machine-draft pipeline in a real server (real SQLite, real sockets) with the real local
// engine and no Janus: a spoken English passage (espeak-ng → Ogg Opus, speechFixture.ts) is cut
// into the RTP packets Janus would have recorded (an .mjr file where Janus writes it), so the
// server's own SpeechRecorder post-processes it with the real janus-pp-rec, stores the row ready,
// and the pipeline transcribes it with pocketsphinx and submits transcript.draft. Needs the
// packages of .ci/setup (janus-tools, pocketsphinx, pocketsphinx-en-us, espeak-ng, sox, opus-tools).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, Harness, send } from "../../../testing/server/harness.ts";
import { opusMjr, opusMjrOf } from "../media/recording/mjrFixture.ts";
import { RECOGNITION_TIMEOUT_MS, spokenOpus } from "./asr/speechFixture.ts";
import { wordErrorRate } from "./asr/wordErrorRate.ts";

const PASSAGE = "The committee will now vote on the budget for next year. We agree to send the report to the council next week.";

const h = new Harness();
afterEach(() => h.cleanup());

/** The Opus packets of an Ogg Opus file (RFC 7845), without its two header packets. */
function oggOpusPackets(data: Buffer): Buffer[] {
  const packets: Buffer[] = [];
  let partial: Buffer[] = [];
  for (let offset = 0; offset + 27 <= data.length && data.toString("latin1", offset, offset + 4) === "OggS";) {
    const segments = data[offset + 26]!;
    let body = offset + 27 + segments;
    for (let i = 0; i < segments; i++) {
      const lacing = data[offset + 27 + i]!;
      partial.push(data.subarray(body, body + lacing));
      body += lacing;
      if (lacing < 255) {
        packets.push(Buffer.concat(partial));
        partial = [];
      }
    }
    offset = body;
  }
  return packets.slice(2); // OpusHead, OpusTags
}

async function speechWithRecording(env: Record<string, string>) {
  const t = await h.startServer({ env });
  const m = await h.createMeeting(t.server, "机器草稿测试", { open: true });
  const chair = await h.connect(t.url, m.tokens.chair);
  const member = await h.connect(t.url, m.tokens.member1);
  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: m.people.member1.id })).ok).toBe(true);
  const room = await t.server.rooms.get(m.meetingId);
  const speech = room.current.floor!;
  // The take begins as the speech does (Janus starts recording the floor holder) and ends with it.
  const take = await t.server.recorder.begin(m.meetingId, { participantId: speech.participantId, speechId: speech.speechId });
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  return { ...t, m, chair, speech, take };
}

describe("TranscriptPipeline", () => {
  it(
    "transcribes a speech's recording once it is stored ready and adds the machine draft to the speech",
    async () => {
      const { server, config, m, chair, speech, take, logs } = await speechWithRecording({ YST_ASR: "pocketsphinx" });
      const opus = await spokenOpus(h.tempDir(), "speech", PASSAGE);
      const packets = oggOpusPackets(fs.readFileSync(opus));
      expect(packets.length).toBeGreaterThan(200); // about 6 s of 20 ms packets
      fs.writeFileSync(path.join(config.recordingsDir, m.meetingId, `${take.id}-audio-0.mjr`), opusMjrOf(packets));
      server.recorder.finish(take);
      await server.recorder.idle();
      await server.transcripts!.idle();

      const lines = (await server.rooms.get(m.meetingId)).current.transcript.filter((l) => l.entry.kind === "speech" && l.entry.id === speech.speechId);
      const text = lines.map((l) => l.text).join(" ");
      const wer = wordErrorRate(PASSAGE, text);
      console.log(`pipeline draft (pocketsphinx via janus-pp-rec): "${text}" — WER ${wer.toFixed(3)}`);
      expect(wer).toBeLessThan(0.6);
      const offset = take.startedAt - speech.startedAt;
      const [row] = await server.db.speechRecording.findMany({ where: { speechId: speech.speechId } });
      expect(row).toMatchObject({ status: "ready", participantId: speech.participantId });
      for (const line of lines) {
        expect(line).toMatchObject({ source: "machine", by: null, version: 1, history: [] });
        expect(line.offsetMs).toBeGreaterThanOrEqual(offset);
        expect(line.endMs!).toBeGreaterThan(line.offsetMs);
        expect(line.endMs!).toBeLessThanOrEqual(offset + row!.durationMs + 50);
      }
      // The chair (staff) receives the draft as an event like any other.
      await eventually(() => expect(chair.state.transcript).toEqual(lines));
      const drafted = chair.broadcasts.flat().filter((e) => e.event.type === "transcript.drafted");
      expect(drafted.map((e) => e.event)).toEqual([expect.objectContaining({ entry: { kind: "speech", id: speech.speechId }, engine: "pocketsphinx" })]);
      expect(logs).toEqual([]);
    },
    RECOGNITION_TIMEOUT_MS,
  );

  it(
    "logs an engine's failure and leaves the recording ready, without a draft; the interpreter's take is not transcribed",
    async () => {
      // An HTTP engine whose server is not there (a port just freed).
      const gone = http.createServer();
      await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
      const port = (gone.address() as AddressInfo).port;
      await new Promise((resolve) => gone.close(resolve));
      const { server, config, m, speech, take, logs } = await speechWithRecording({ YST_ASR_URL: `http://127.0.0.1:${port}` });
      const interpreter = await server.recorder.begin(m.meetingId, { participantId: m.people.member2.id, speechId: speech.speechId });
      const silence = opusMjr(50);
      for (const one of [take, interpreter]) {
        fs.writeFileSync(path.join(config.recordingsDir, m.meetingId, `${one.id}-audio-0.mjr`), silence);
        server.recorder.finish(one);
      }
      await server.recorder.idle();
      await server.transcripts!.idle();
      const rows = await server.db.speechRecording.findMany({ where: { speechId: speech.speechId } });
      expect(rows.map((r) => r.status)).toEqual(["ready", "ready"]);
      expect((await server.rooms.get(m.meetingId)).current.transcript).toEqual([]);
      expect(logs.map((l) => l.message)).toEqual([`transcribing recording ${take.id} of speech ${speech.speechId} failed`]);
      expect(logs[0]!.error).toMatchObject({ code: "ASR_UNREACHABLE" });
    },
    RECOGNITION_TIMEOUT_MS,
  );
});
