// The post-processing wrapper with the real `janus-pp-rec` (Debian janus-tools) on a small .mjr
// in Janus's format (mjrFixture.ts). janus-tools is part of the set-up (.ci/setup): a missing
// tool fails here rather than being skipped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { opusMjr } from "./mjrFixture.ts";
import { describeOpus, mjrToOpus, oggOpusDurationMs } from "./recorder.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-recorder-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("post-processing", () => {
  it("turns an Opus .mjr into Ogg Opus of the recorded length", async () => {
    const input = path.join(dir, "take-audio-0.mjr");
    fs.writeFileSync(input, opusMjr(150)); // 3 s
    const output = path.join(dir, "take.opus");
    await mjrToOpus(input, output);
    const head = fs.readFileSync(output);
    expect(head.toString("latin1", 0, 4)).toBe("OggS");
    expect(head.includes("OpusHead")).toBe(true);
    const { bytes, durationMs } = await describeOpus(output);
    expect(bytes).toBe(head.length);
    expect(durationMs).toBeGreaterThan(2900);
    expect(durationMs).toBeLessThanOrEqual(3000);
  });

  it("rejects with the tool's output when the input is not a recording", async () => {
    const input = path.join(dir, "garbage.mjr");
    fs.writeFileSync(input, "not a recording");
    await expect(mjrToOpus(input, path.join(dir, "garbage.opus"))).rejects.toThrow(/janus-pp-rec failed/);
  });
});

describe("oggOpusDurationMs", () => {
  it("is null for anything but Ogg Opus", () => {
    expect(oggOpusDurationMs(Buffer.from("OggS but truncated"))).toBeNull();
    expect(oggOpusDurationMs(Buffer.from("RIFF....WAVE"))).toBeNull();
    expect(oggOpusDurationMs(Buffer.alloc(0))).toBeNull();
  });
});
