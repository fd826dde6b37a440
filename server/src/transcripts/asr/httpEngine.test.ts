// The HTTP engine against a real local server (express on port 0, multipart parsed by multer)
// speaking the documented API: POST /v1/audio/transcriptions with file, model, language and
// response_format=verbose_json, answered with { text, segments: [{ start, end, text }] } in
// seconds. Then its failures: HTTP 500, no answer in time, an answer that is not JSON or not
// verbose_json, nobody listening, the caller stopping it.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import multer from "multer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpSpeechEngine } from "./httpEngine.ts";

interface Received {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  fields: Record<string, unknown>;
  file: { fieldname: string; originalname: string; mimetype: string; bytes: Buffer } | undefined;
}

/** What the next request is answered with (set per test). */
let answer: (res: express.Response) => void;
const received: Received[] = [];
let server: http.Server;
let baseUrl: string;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-asr-http-"));
// Not real speech (the server here does not recognise anything): an Ogg page and a WAV header are enough for the engine.
const recording = path.join(dir, "take.opus");
fs.writeFileSync(recording, Buffer.concat([Buffer.from("OggS"), Buffer.alloc(4000, 1)]));
const wavRecording = path.join(dir, "take.wav");
fs.writeFileSync(wavRecording, Buffer.concat([Buffer.from("RIFF\0\0\0\0WAVE"), Buffer.alloc(100)]));

beforeAll(async () => {
  const app = express();
  app.post("/v1/audio/transcriptions", multer({ storage: multer.memoryStorage() }).single("file"), (req, res) => {
    received.push({
      path: req.path,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      fields: { ...(req.body as Record<string, unknown>) },
      file: req.file && { fieldname: req.file.fieldname, originalname: req.file.originalname, mimetype: req.file.mimetype, bytes: req.file.buffer },
    });
    answer(res);
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  received.length = 0;
  server.closeAllConnections(); // the timeout test's request that is never answered
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

const VERBOSE_JSON = {
  task: "transcribe",
  language: "english",
  duration: 9.15,
  text: " The committee will now vote. We agree.",
  segments: [
    { id: 0, seek: 0, start: 0.03, end: 3.394, text: " The committee will now vote.", tokens: [1, 2], temperature: 0, avg_logprob: -0.2, no_speech_prob: 0.01 },
    { id: 1, seek: 0, start: 5.34, end: 8.71, text: " We agree.", tokens: [3], temperature: 0, avg_logprob: -0.3, no_speech_prob: 0.02 },
    { id: 2, seek: 0, start: 8.71, end: 9.1, text: "  ", tokens: [], temperature: 0, avg_logprob: -1, no_speech_prob: 0.9 },
  ],
};

describe("HttpSpeechEngine", () => {
  it("posts the recording as multipart with model, language and verbose_json, and turns the segments into ms", async () => {
    answer = (res) => res.json(VERBOSE_JSON);
    const engine = new HttpSpeechEngine({ url: `${baseUrl}/`, model: "large-v3", apiKey: "sk-local-test" });
    expect(engine.name).toBe("http:large-v3");
    const result = await engine.transcribe(recording, { language: "en-US" });
    expect(result.segments).toEqual([
      { text: "The committee will now vote.", startMs: 30, endMs: 3394 },
      { text: "We agree.", startMs: 5340, endMs: 8710 },
    ]);
    const [request] = received;
    expect(request).toMatchObject({
      path: "/v1/audio/transcriptions",
      authorization: "Bearer sk-local-test",
      contentType: expect.stringMatching(/^multipart\/form-data; boundary=/),
      fields: { model: "large-v3", language: "en", response_format: "verbose_json" },
      file: { fieldname: "file", originalname: "take.opus", mimetype: "audio/ogg" },
    });
    expect(request!.file!.bytes.equals(fs.readFileSync(recording))).toBe(true);
  });

  it("sends a WAV as audio/wav and no Authorization without a key; text without segments is one segment", async () => {
    answer = (res) => res.json({ text: "会议现在开始。", duration: 2.5 });
    const result = await new HttpSpeechEngine({ url: baseUrl, model: "paraformer-zh" }).transcribe(wavRecording, { language: "zh" });
    expect(result.segments).toEqual([{ text: "会议现在开始。", startMs: 0, endMs: 2500 }]);
    expect(received[0]).toMatchObject({
      authorization: undefined,
      fields: { language: "zh", model: "paraformer-zh" },
      file: { originalname: "take.wav", mimetype: "audio/wav" },
    });
  });

  it("gives HTTP 500 as ASR_HTTP with the status and the server's words", async () => {
    answer = (res) => res.status(500).type("text/plain").send("CUDA out of memory");
    await expect(new HttpSpeechEngine({ url: baseUrl, model: "m" }).transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      name: "AsrError",
      code: "ASR_HTTP",
      message: `the ASR server ${baseUrl}/v1/audio/transcriptions answered HTTP 500: CUDA out of memory`,
    });
  });

  it("gives up after its time limit with ASR_TIMEOUT", async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    await expect(new HttpSpeechEngine({ url: baseUrl, model: "m", timeoutMs: 300 }).transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      code: "ASR_TIMEOUT",
      message: `the ASR server ${baseUrl}/v1/audio/transcriptions did not answer within 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(received).toHaveLength(1);
  });

  it("refuses an answer that is not JSON, or JSON that is not verbose_json, with ASR_BAD_ANSWER", async () => {
    const engine = new HttpSpeechEngine({ url: baseUrl, model: "m" });
    answer = (res) => res.type("application/json").send('{"text": "cut off');
    await expect(engine.transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      code: "ASR_BAD_ANSWER",
      message: expect.stringContaining('answered something that is not JSON: {"text": "cut off'),
    });
    answer = (res) => res.json({ text: "ok", segments: [{ start: "0", end: 1, text: "ok" }] });
    await expect(engine.transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      code: "ASR_BAD_ANSWER",
      message: expect.stringContaining("without verbose_json's text and segments (segments.0.start:"),
    });
    answer = (res) => res.json({ segments: [] });
    await expect(engine.transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      code: "ASR_BAD_ANSWER",
      message: expect.stringContaining("(text:"),
    });
  });

  it("says so when nobody listens, and stops when the caller aborts", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new HttpSpeechEngine({ url: `http://127.0.0.1:${port}`, model: "m" }).transcribe(recording, { language: "zh" })).rejects.toMatchObject({
      code: "ASR_UNREACHABLE",
      message: expect.stringContaining(`cannot reach the ASR server http://127.0.0.1:${port}/v1/audio/transcriptions: connect ECONNREFUSED`),
    });
    answer = () => undefined;
    const controller = new AbortController();
    const pending = new HttpSpeechEngine({ url: baseUrl, model: "m" }).transcribe(recording, { language: "zh", signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: "ASR_ABORTED" });
  });
});
