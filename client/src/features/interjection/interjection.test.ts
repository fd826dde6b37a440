import { describe, expect, it } from "vitest";
import { initialState, type MeetingState } from "@core/state.ts";
import type { Interjection, InterjectionRequest } from "@core/interjection/schema.ts";
import type { SpeechRecord } from "@core/floor/schema.ts";
import { interjectionsBySpeech, interjectionsOff, mayInterject, requestFate } from "./interjection.ts";

const speech = (speechId: string, startedAt: number): SpeechRecord => ({
  speechId,
  participantId: "m",
  kind: "impromptu",
  guestName: null,
  bookingId: null,
  startedAt,
  capMs: 60_000,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId: null,
  override: null,
  endedAt: startedAt + 1,
  durationMs: 1,
  overrunMs: 0,
  endedBy: "m",
});
const { endedAt: _e, durationMs: _d, overrunMs: _o, endedBy: _b, ...running } = speech("s1", 100);
const request: InterjectionRequest = { requestId: "r1", participantId: "o", speechId: "s1", point: "要点", at: 200 };
const interjection = (over: Partial<Interjection> = {}): Interjection => ({
  interjectionId: "i1",
  participantId: "o",
  speechId: "s1",
  point: null,
  startedAt: 300,
  capMs: 120_000,
  resumesSpeech: true,
  outcome: null,
  ...over,
});
const state = (over: Partial<MeetingState>): MeetingState => ({ ...initialState(), status: "open", floor: running, ...over });

describe("requestFate", () => {
  it("is nothing while the request waits", () => {
    expect(requestFate(request, state({ interjectionRequests: [request] }), "o")).toBeNull();
  });

  it("is granted when I interject into that speech since asking (running or already over)", () => {
    expect(requestFate(request, state({ interjection: interjection() }), "o")).toBe("granted");
    const ended = { ...interjection(), endedAt: 400, durationMs: 100, overrunMs: 0, endedBy: "o" };
    expect(requestFate(request, state({ interjections: [ended] }), "o")).toBe("granted");
    // Someone else's interjection, or mine from before this request, does not count.
    expect(requestFate(request, state({ interjection: interjection({ participantId: "x" }) }), "o")).toBe("declined");
    expect(requestFate(request, state({ interjections: [{ ...ended, startedAt: 150 }] }), "o")).toBe("declined");
  });

  it("is declined when it vanished while the same speech is still the one to answer (running or just ended)", () => {
    expect(requestFate(request, state({}), "o")).toBe("declined");
    expect(requestFate(request, state({ floor: null, speeches: [speech("s1", 100)] }), "o")).toBe("declined");
  });

  it("is expired when the next speech started, or the meeting closed", () => {
    expect(requestFate(request, state({ floor: { ...running, speechId: "s2" }, speeches: [speech("s1", 100)] }), "o")).toBe("expired");
    expect(requestFate(request, state({ status: "closed", floor: null, speeches: [speech("s1", 100)] }), "o")).toBe("expired");
  });
});

describe("who may interject, and where", () => {
  it("officials always; members when the meeting allows it", () => {
    const rules = (membersMay: boolean) => ({ interjectionRules: { capMs: 1, membersMay, allowed: true } });
    expect(mayInterject(rules(false), { role: "official" })).toBe(true);
    expect(mayInterject(rules(false), { role: "member" })).toBe(false);
    expect(mayInterject(rules(true), { role: "member" })).toBe(true);
    expect(mayInterject(rules(true), { role: "observer" })).toBe(false);
  });

  it("switched off per agenda item ('' without an agenda), or for the whole meeting by the organisers", () => {
    const interjectionRules = { capMs: 1, membersMay: false, allowed: true };
    expect(interjectionsOff({ currentItemId: null, interjectionsOff: [""], interjectionRules })).toBe(true);
    expect(interjectionsOff({ currentItemId: "a", interjectionsOff: [""], interjectionRules })).toBe(false);
    expect(interjectionsOff({ currentItemId: "a", interjectionsOff: ["a"], interjectionRules })).toBe(true);
    expect(interjectionsOff({ currentItemId: "a", interjectionsOff: [], interjectionRules: { ...interjectionRules, allowed: false } })).toBe(true);
  });
});

describe("interjectionsBySpeech", () => {
  it("groups the finished ones and the running one by speech, in order", () => {
    const ended = (id: string, speechId: string) => ({
      ...interjection({ interjectionId: id, speechId }),
      endedAt: 1,
      durationMs: 1,
      overrunMs: 0,
      endedBy: "o",
    });
    const map = interjectionsBySpeech({
      interjections: [ended("a", "s1"), ended("b", "s2"), ended("c", "s1")],
      interjection: interjection({ interjectionId: "d" }),
    });
    expect([...map.entries()].map(([k, v]) => [k, v.map((i) => i.interjectionId)])).toEqual([
      ["s1", ["a", "c", "d"]],
      ["s2", ["b"]],
    ]);
  });
});
