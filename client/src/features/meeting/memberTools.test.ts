import { describe, expect, it } from "vitest";
import { MEETING_KINDS } from "@core/meetingKind.ts";
import { memberTools } from "./memberTools.ts";

const NONE = { request: false, written: false, pointOfOrder: false, suggestions: false, plan: false };
const ALL = { request: true, written: true, pointOfOrder: true, suggestions: true, plan: true };

describe("memberTools: what a member's phone offers", () => {
  it.each(MEETING_KINDS.filter((kind) => kind !== "mediation"))("%s: a member and an official have every tool", (kind) => {
    expect(memberTools(kind, "member")).toEqual(ALL);
    expect(memberTools(kind, "official")).toEqual(ALL);
  });

  it("mediation: a party (member) and a mediator (official) ask for the floor, nothing else", () => {
    const only = { ...NONE, request: true };
    expect(memberTools("mediation", "member")).toEqual(only);
    expect(memberTools("mediation", "official")).toEqual(only);
  });

  it.each([...MEETING_KINDS])("%s: an observer, the clerk, the chair and the display have none of them", (kind) => {
    for (const role of ["observer", "clerk", "chair", null] as const) expect(memberTools(kind, role)).toEqual(NONE);
  });
});
