import { describe, expect, it } from "vitest";
import type { RosterEntry } from "@core/config/schema.ts";
import type { Speech } from "@core/floor/schema.ts";
import type { Interjection } from "@core/interjection/schema.ts";
import { initialState, type MeetingState } from "@core/state.ts";
import { MAX_STENOGRAPHERS } from "@core/transcript/schema.ts";
import { parseMediaPrefs } from "../media/mediaPrefs.ts";
import { afterSent, assignable, captionsOffered, lineToSend, padEntry } from "./stenography.ts";

const person = (id: string, name: string, role: RosterEntry["role"] = "member"): RosterEntry => ({ id, name, role }) as RosterEntry;
const roster = [person("p-chair", "钟玉", "chair"), person("p-li", "李明"), person("p-wang", "王建国", "official"), person("p-zhou", "周记", "clerk")];

const speech = (over: Partial<Speech> = {}): Speech => ({
  speechId: "s-1",
  participantId: "p-li",
  kind: "booked",
  guestName: null,
  bookingId: null,
  startedAt: 1_000,
  capMs: 300_000,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId: null,
  override: null,
  ...over,
});
const interjection: Interjection = {
  interjectionId: "i-1",
  participantId: "p-wang",
  speechId: "s-1",
  point: null,
  startedAt: 2_000,
  capMs: 60_000,
  resumesSpeech: true,
  outcome: null,
};
const meeting = (over: Partial<MeetingState> = {}): MeetingState => ({ ...initialState(), status: "open", roster, ...over });

describe("padEntry (what the stenographer types into)", () => {
  it("is nothing when nobody holds the floor, or the meeting is not open", () => {
    expect(padEntry(meeting())).toBeNull();
    expect(padEntry(meeting({ status: "scheduled", floor: speech() }))).toBeNull();
    expect(padEntry(meeting({ status: "closed", floor: speech() }))).toBeNull();
  });

  it("is the floor's speech, with its kind and speaker (a guest by name)", () => {
    expect(padEntry(meeting({ floor: speech() }))).toEqual({ entry: { kind: "speech", id: "s-1" }, badge: "booked", participantId: "p-li", guestName: null });
    expect(padEntry(meeting({ floor: speech({ kind: "impromptu", participantId: "p-chair", guestName: "张来宾" }) }))).toMatchObject({
      badge: "impromptu",
      guestName: "张来宾",
    });
  });

  it("is the running interjection while one answers the speech (the speech's clock is held meanwhile)", () => {
    expect(padEntry(meeting({ floor: speech({ pausedAt: 2_000 }), interjection }))).toEqual({
      entry: { kind: "interjection", id: "i-1" },
      badge: "interjection",
      participantId: "p-wang",
      guestName: null,
    });
  });
});

describe("assignable (whom the chair or clerk may name)", () => {
  it("is the whole roster, any role, but those already named", () => {
    expect(assignable(meeting()).map((p) => p.id)).toEqual(["p-chair", "p-li", "p-wang", "p-zhou"]);
    expect(assignable(meeting({ stenographers: ["p-li", "p-zhou"] })).map((p) => p.id)).toEqual(["p-chair", "p-wang"]);
  });

  it("is nobody once the relay team is full", () => {
    const many = Array.from({ length: MAX_STENOGRAPHERS + 2 }, (_, i) => person(`p-${i}`, `速记${i}`));
    const named = many.slice(0, MAX_STENOGRAPHERS).map((p) => p.id);
    expect(assignable(meeting({ roster: many, stenographers: named }))).toEqual([]);
    expect(assignable(meeting({ roster: many, stenographers: named.slice(1) })).map((p) => p.id)).toEqual(["p-0", "p-10", "p-11"]);
  });
});

describe("the pad's field", () => {
  it("sends the text trimmed, and nothing of blanks", () => {
    expect(lineToSend("  各位委员  \n")).toBe("各位委员");
    expect(lineToSend(" \n\t ")).toBeNull();
    expect(lineToSend("")).toBeNull();
  });

  it("after the answer keeps what was typed since, and leaves a field changed otherwise alone", () => {
    expect(afterSent("第一句", "第一句")).toBe("");
    expect(afterSent("第一句\n第二", "第一句")).toBe("第二");
    expect(afterSent("改过了", "第一句")).toBe("改过了");
  });
});

describe("captions (字幕) on a phone", () => {
  it("are offered to members, officials and observers, not the chair, clerk or display", () => {
    for (const role of ["member", "official", "observer"] as const) expect(captionsOffered(role)).toBe(true);
    for (const role of ["chair", "clerk", null] as const) expect(captionsOffered(role)).toBe(false);
  });

  it("are off unless this device switched them on", () => {
    expect(parseMediaPrefs(null).captions).toBeUndefined();
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "full", captions: true }))).toEqual({
      micId: undefined,
      cameraId: undefined,
      listenMode: "full",
      captions: true,
    });
    expect(parseMediaPrefs(JSON.stringify({ captions: false })).captions).toBeUndefined();
    expect(parseMediaPrefs(JSON.stringify({ captions: "yes" })).captions).toBeUndefined();
  });
});
