import { describe, expect, it } from "vitest";
import { DRAFT_MAX_TEXT, draftLines } from "./pipeline.ts";

describe("draftLines", () => {
  it("shifts the segments by the recording's offset in the speech and leaves out empty ones", () => {
    const lines = draftLines(
      [
        { text: "  the committee  will\nvote ", startMs: 30, endMs: 3394 },
        { text: " ", startMs: 3400, endMs: 3500 },
        { text: "we agree", startMs: 5340, endMs: 5300 },
      ],
      1200,
    );
    expect(lines).toEqual([
      { text: "the committee will vote", startMs: 1230, endMs: 4594 },
      { text: "we agree", startMs: 6540, endMs: 6540 },
    ]);
  });

  it("cuts text longer than a line at spaces, or at the limit when there are none, sharing the time out", () => {
    const word = "budget ";
    const long = word.repeat(600).trim(); // 4199 characters
    const lines = draftLines([{ text: long, startMs: 0, endMs: 42_000 }], 0);
    expect(lines.length).toBe(3);
    expect(lines.every((l) => l.text.length <= DRAFT_MAX_TEXT && !l.text.startsWith(" ") && !l.text.endsWith(" "))).toBe(true);
    expect(lines.map((l) => l.text).join(" ")).toBe(long);
    expect(lines[0]!.startMs).toBe(0);
    expect(lines[1]!.startMs).toBe(lines[0]!.endMs);
    expect(lines.at(-1)!.endMs).toBe(42_000);
    const chinese = draftLines([{ text: "会".repeat(4500), startMs: 0, endMs: 9000 }], 0);
    expect(chinese.map((l) => l.text.length)).toEqual([2000, 2000, 500]);
    expect(chinese.map((l) => [l.startMs, l.endMs])).toEqual([
      [0, 4000],
      [4000, 8000],
      [8000, 9000],
    ]);
  });
});
