// The local engine with the real Debian tools (.ci/setup installs pocketsphinx,
// pocketsphinx-en-us, espeak-ng, sox and opus-tools; a missing one fails here, it is not
// skipped): espeak-ng speaks a passage, pocketsphinx hears it from WAV and from Ogg Opus as Janus
// records it. The word error rate is printed; the bound is loose (synthetic speech, a small model).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePocketsphinx, PocketsphinxEngine } from "./pocketsphinx.ts";
import { RECOGNITION_TIMEOUT_MS, spokenOpus, spokenWav } from "./speechFixture.ts";
import { AsrError } from "./speechEngine.ts";
import { wordErrorRate } from "./wordErrorRate.ts";

const PASSAGE = "The committee will now vote on the budget for next year. We agree to send the report to the council next week.";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-pocketsphinx-"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "yst-pocketsphinx-work-"));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});
const engine = new PocketsphinxEngine({ tmpDir: work });

async function heard(file: string, label: string) {
  const { segments } = await engine.transcribe(file, { language: "en-US" });
  const text = segments.map((s) => s.text).join(" ");
  const wer = wordErrorRate(PASSAGE, text);
  console.log(`pocketsphinx, ${label}: "${text}" — WER ${wer.toFixed(3)}`);
  return { segments, wer };
}

describe("PocketsphinxEngine", () => {
  it(
    "recognises a spoken English passage from WAV, with segment times inside the audio",
    async () => {
      const wav = await spokenWav(dir, "passage", PASSAGE);
      const { segments, wer } = await heard(wav, "WAV");
      expect(wer).toBeLessThan(0.6);
      const audioMs = ((fs.statSync(wav).size - 44) / 22_050 / 2) * 1000; // espeak-ng writes 22.05 kHz mono
      for (const s of segments) {
        expect(s.text).toMatch(/^[a-z' ]+$/); // no fillers, no "(2)" pronunciation marks
        expect(s.startMs).toBeGreaterThanOrEqual(0);
        expect(s.endMs).toBeGreaterThan(s.startMs);
        expect(s.endMs).toBeLessThanOrEqual(audioMs + 50);
      }
      expect(fs.readdirSync(work)).toEqual([]); // the decoded audio is removed
    },
    RECOGNITION_TIMEOUT_MS,
  );

  it(
    "recognises it from Ogg Opus at 48 kHz in two channels (a recording as janus-pp-rec writes it)",
    async () => {
      const opus = await spokenOpus(dir, "passage", PASSAGE);
      expect(fs.readFileSync(opus).toString("latin1", 0, 4)).toBe("OggS");
      const { wer } = await heard(opus, "Ogg Opus");
      expect(wer).toBeLessThan(0.6);
      expect(fs.readdirSync(work)).toEqual([]);
    },
    RECOGNITION_TIMEOUT_MS,
  );

  it(
    "refuses a language it has no model for, and a file that is no audio, with clear errors",
    async () => {
      const wav = path.join(dir, "none.wav");
      fs.writeFileSync(wav, "not audio at all");
      await expect(engine.transcribe(wav, { language: "zh" })).rejects.toMatchObject({
        code: "ASR_LANGUAGE",
        message: expect.stringContaining('no model for the language "zh"'),
      });
      await expect(engine.transcribe(wav, { language: "en" })).rejects.toMatchObject({
        code: "ASR_AUDIO",
        message: expect.stringContaining("neither Ogg Opus nor WAV"),
      });
      const broken = path.join(dir, "broken.opus");
      fs.writeFileSync(broken, Buffer.concat([Buffer.from("OggS"), Buffer.alloc(200, 7)]));
      const error: unknown = await engine.transcribe(broken, { language: "en" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AsrError);
      expect(error).toMatchObject({ code: "ASR_TOOL", message: expect.stringMatching(/^opusdec failed/) });
      expect(fs.readdirSync(work)).toEqual([]);
    },
    RECOGNITION_TIMEOUT_MS,
  );

  it(
    "stops when the caller aborts",
    async () => {
      const wav = await spokenWav(dir, "short", "next week");
      const controller = new AbortController();
      controller.abort();
      await expect(engine.transcribe(wav, { language: "en", signal: controller.signal })).rejects.toMatchObject({ code: "ASR_ABORTED" });
      expect(fs.readdirSync(work)).toEqual([]);
    },
    RECOGNITION_TIMEOUT_MS,
  );
});

describe("parsePocketsphinx", () => {
  it("makes a segment of each utterance's words, without fillers or pronunciation numbers", () => {
    const out = [
      "the committee will not vote",
      "<s> 0.000 0.020 0.999500",
      "the 0.030 0.110 0.456306",
      "committee 0.120 0.610 0.371608",
      "<sil> 0.620 0.700 0.999800",
      "will 0.710 0.840 0.989851",
      "[NOISE] 0.850 0.900 1.000000",
      "</s> 0.910 1.200 1.000000",
      "",
      "to send",
      "<s> 5.230 5.330 0.999500",
      "to(3) 5.850 5.960 0.506932",
      "send 5.970 6.350 8.45e-01",
      "</s> 6.360 6.500 1.000000",
      "<s> 7.000 7.100 1.000000",
      "<sil> 7.100 7.500 1.000000",
      "</s> 7.500 7.600 1.000000",
    ].join("\n");
    expect(parsePocketsphinx(out)).toEqual([
      { text: "the committee will", startMs: 30, endMs: 840 },
      { text: "to send", startMs: 5850, endMs: 6350 },
    ]);
    expect(parsePocketsphinx("")).toEqual([]);
  });
});
