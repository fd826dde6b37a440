import { describe, expect, it } from "vitest";
import { MEETING_KINDS } from "@core/meetingKind.ts";
import { chairTools } from "./chairTools.ts";

describe("chairTools: what the chair console offers", () => {
  it.each(MEETING_KINDS.filter((kind) => kind !== "mediation"))("%s: polls, interjections and speech statistics", (kind) => {
    expect(chairTools(kind)).toEqual({ polls: true, interjections: true, stats: true });
  });

  it("mediation: no poll, no interjection, no speech statistics (the parties agree, nobody votes)", () => {
    expect(chairTools("mediation")).toEqual({ polls: false, interjections: false, stats: false });
  });
});
