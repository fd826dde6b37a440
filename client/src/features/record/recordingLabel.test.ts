import { describe, expect, it } from "vitest";
import type { Recording } from "./recordings.ts";
import { recordingLabel, speechRecordings } from "./recordingLabel.ts";

const take = (participantId: string, part: number, extra: Record<string, unknown> = {}): Recording => ({
  id: `${participantId}-${part}`,
  speechId: "s1",
  participantId,
  part,
  startedAt: "2026-12-06T09:00:00.000Z",
  durationMs: 1000,
  bytes: 100,
  status: "ready",
  ...extra,
});

describe("a speech's recordings with an interpreter's take (传译录音)", () => {
  it("lists the speaker's parts first, then the interpreter's", () => {
    const list = [take("interp", 1), take("speaker", 2), take("speaker", 1)];
    expect(speechRecordings(list, "speaker").map((r) => r.id)).toEqual(["speaker-1", "speaker-2", "interp-1"]);
  });

  it("calls a take whose participant is not the speaker's the interpretation recording, with its parts counted apart", () => {
    const one = [take("speaker", 1), take("interp", 1)];
    expect(recordingLabel(one[0]!, one, "speaker")).toEqual(["record.recording", {}]);
    expect(recordingLabel(one[1]!, one, "speaker")).toEqual(["interpretation.recording", {}]);
    // The server numbers a speech's takes together: the speaker's 1 and 3 (a republish), the interpreter's 2 and 4.
    const more = [take("speaker", 1), take("interp", 2), take("speaker", 3), take("interp", 4)];
    expect(more.map((r) => recordingLabel(r, more, "speaker"))).toEqual([
      ["record.recordingPart", { part: 1 }],
      ["interpretation.recordingPart", { part: 1 }],
      ["record.recordingPart", { part: 2 }],
      ["interpretation.recordingPart", { part: 2 }],
    ]);
    const once = [take("speaker", 1), take("interp", 2)];
    expect(once.map((r) => recordingLabel(r, once, "speaker"))).toEqual([
      ["record.recording", {}],
      ["interpretation.recording", {}],
    ]);
    // A server that names the language.
    const named = [take("interp", 1, { language: "英语" })];
    expect(recordingLabel(named[0]!, named, "speaker")).toEqual(["interpretation.recordingLanguage", { language: "英语" }]);
  });
});
