import { describe, expect, it } from "vitest";
import { initialState } from "@core/state.ts";
import type { TranscriptLine } from "@core/transcript/schema.ts";
import { STENO_LEAD_MS, correctedBy, entryLines, lineClock, playbackPoint, type RecordingPart } from "./transcriptView.ts";

const START = Date.parse("2026-12-06T09:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

const line = (over: Partial<TranscriptLine>): TranscriptLine => ({
  id: "l1",
  entry: { kind: "speech", id: "s1" },
  text: "第一句",
  source: "steno",
  by: "p1",
  at: START,
  offsetMs: 0,
  endMs: null,
  version: 1,
  history: [],
  ...over,
});

describe("playbackPoint: a line's moment in the speech's recording", () => {
  const one: RecordingPart[] = [{ id: "r1", startedAt: iso(START + 500), durationMs: 60_000 }];

  it("a machine line plays from its segment's start, less the part's late start", () => {
    expect(playbackPoint(line({ source: "machine", by: null, offsetMs: 12_000 }), START, one)).toEqual({ recordingId: "r1", atMs: 11_500 });
  });

  it("a typed line plays a little before it was typed (typing follows speech), never before the part", () => {
    expect(playbackPoint(line({ offsetMs: 20_000 }), START, one)).toEqual({ recordingId: "r1", atMs: 20_000 - STENO_LEAD_MS - 500 });
    expect(playbackPoint(line({ offsetMs: 1000 }), START, one)).toEqual({ recordingId: "r1", atMs: 0 });
  });

  it("an interjection's line is timed from the interjection's start inside the speech's recording", () => {
    const interjectionStart = START + 30_000;
    const l = line({ entry: { kind: "interjection", id: "i1" }, source: "machine", offsetMs: 2000 });
    expect(playbackPoint(l, interjectionStart, one)).toEqual({ recordingId: "r1", atMs: 31_500 });
  });

  it("with several parts, the part covering the moment; a gap plays the next part from its start", () => {
    const parts: RecordingPart[] = [
      { id: "r2", startedAt: iso(START + 40_000), durationMs: 30_000 },
      { id: "r1", startedAt: iso(START), durationMs: 30_000 },
    ];
    const machine = (offsetMs: number) => line({ source: "machine", by: null, offsetMs });
    expect(playbackPoint(machine(10_000), START, parts)).toEqual({ recordingId: "r1", atMs: 10_000 });
    expect(playbackPoint(machine(30_000), START, parts)).toEqual({ recordingId: "r1", atMs: 30_000 });
    expect(playbackPoint(machine(35_000), START, parts)).toEqual({ recordingId: "r2", atMs: 0 });
    expect(playbackPoint(machine(55_000), START, parts)).toEqual({ recordingId: "r2", atMs: 15_000 });
  });

  it("after the last part, with no recording, or a part without a valid time: nothing to play", () => {
    expect(playbackPoint(line({ source: "machine", offsetMs: 70_000 }), START, one)).toBeNull();
    expect(playbackPoint(line({ offsetMs: 5000 }), START, [])).toBeNull();
    expect(playbackPoint(line({ offsetMs: 5000 }), START, [{ id: "x", startedAt: "not a time", durationMs: 1000 }])).toBeNull();
  });
});

describe("entryLines, correctedBy, lineClock", () => {
  it("an entry's lines only, by time in the entry, typed and machine lines interleaved", () => {
    const state = {
      ...initialState(),
      transcript: [
        line({ id: "a", offsetMs: 9000 }),
        line({ id: "other", entry: { kind: "interjection", id: "s1" }, offsetMs: 1000 }),
        line({ id: "m1", source: "machine", by: null, offsetMs: 2000 }),
        line({ id: "m2", source: "machine", by: null, offsetMs: 9000 }),
        line({ id: "elsewhere", entry: { kind: "speech", id: "s2" } }),
      ],
    };
    expect(entryLines(state, { kind: "speech", id: "s1" }).map((l) => l.id)).toEqual(["m1", "a", "m2"]);
    expect(entryLines(state, { kind: "interjection", id: "s1" }).map((l) => l.id)).toEqual(["other"]);
  });

  it("who corrected a line: the author of its last correction; nobody for version 1", () => {
    expect(correctedBy(line({}))).toBeNull();
    const twice = line({
      version: 3,
      history: [
        { text: "a", by: "clerk", version: 1 },
        { text: "b", by: "chair", version: 2 },
      ],
    });
    expect(correctedBy(twice)).toBe("chair");
  });

  it("m:ss from the entry's start", () => {
    expect(lineClock(0)).toBe("0:00");
    expect(lineClock(65_400)).toBe("1:05");
    expect(lineClock(-5)).toBe("0:00");
  });
});
