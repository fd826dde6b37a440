import { describe, expect, it } from "vitest";
import { publishes, recordingMarkers, recordingTarget } from "./recording.ts";
import { ev, given, givenScheduled, people } from "../../testing/core.ts";

const alice = people.alice.participantId;
const olga = people.olga.participantId;

/** alice speaks from t=0 (s1); the chair pauses at 10 s, resumes at 15 s; olga interjects 20–30 s; alice ends at 40 s. */
const speechStarted = [ev.requested(alice), ev.started(alice, { speechId: "s1", at: 0 })];
const pausedAt10 = [...speechStarted, ev.paused("s1", 10_000)];
const resumedAt15 = [...pausedAt10, ev.resumed("s1", 15_000)];
const olgaAsked = [...resumedAt15, ev.ijRequested(olga, "s1", { requestId: "r1", at: 16_000 })];
const interjecting = [...olgaAsked, ev.paused("s1", 20_000), ev.ijStarted(olga, "s1", { interjectionId: "i1", requestId: "r1", at: 20_000 })];
const interjectionOver = [...interjecting, ev.ijEnded("i1", { at: 30_000, durationMs: 10_000, endedBy: olga }), ev.resumed("s1", 30_000)];
const speechOver = [...interjectionOver, ev.ended(alice, { speechId: "s1", at: 40_000, durationMs: 25_000, overrunMs: 0, endedBy: alice })];
const logOf = (events: typeof speechOver) => events.map((event) => ({ event }));

describe("recordingTarget", () => {
  it("is nobody while nobody has the floor (the chair and the room are not a speech)", () => {
    expect(recordingTarget(given().state)).toBeNull();
  });

  it("is the floor holder's current speech", () => {
    const state = given(ev.requested(alice), ev.started(alice)).state;
    expect(recordingTarget(state)).toEqual({ participantId: alice, speechId: state.floor!.speechId });
  });

  it("stays the same speech through a pause, the resume, an interjection and its end: one recording per speech", () => {
    const targets = [speechStarted, pausedAt10, resumedAt15, olgaAsked, interjecting, interjectionOver].map((events) =>
      recordingTarget(given(...events).state),
    );
    for (const target of targets) expect(target).toEqual({ participantId: alice, speechId: "s1" });
  });

  it("ends with the speech", () => {
    expect(recordingTarget(given(...speechOver).state)).toBeNull();
    expect(
      recordingTarget(given(ev.requested(alice), ev.started(alice), ev.ended(alice, { at: 10, durationMs: 10, overrunMs: 0, endedBy: alice })).state),
    ).toBeNull();
  });

  it("is nobody before the meeting opens", () => {
    expect(recordingTarget(givenScheduled(ev.requested(alice)).state)).toBeNull();
  });
});

describe("publishes", () => {
  it("keeps the speaker publishing through a pause and an interjection (muted at the media server then), so the take is not cut", () => {
    for (const events of [speechStarted, pausedAt10, resumedAt15, interjecting, interjectionOver]) expect(publishes(given(...events).state, alice)).toBe(true);
    expect(publishes(given(...speechOver).state, alice)).toBe(false);
  });

  it("lets the interjector publish only while interjecting", () => {
    expect(publishes(given(...olgaAsked).state, olga)).toBe(false);
    expect(publishes(given(...interjecting).state, olga)).toBe(true);
    expect(publishes(given(...interjectionOver).state, olga)).toBe(false);
  });
});

describe("recordingMarkers", () => {
  it("marks the chair's pause and the interjection (not the pause the grant makes) relative to the recording's start", () => {
    // The recording started 1 s after the speech (the speaker's page published then).
    expect(recordingMarkers(logOf(speechOver), "s1", 1_000)).toEqual([
      { kind: "pause", startMs: 9_000, endMs: 14_000 },
      { kind: "interjection", startMs: 19_000, endMs: 29_000, participantId: olga },
    ]);
  });

  it("leaves a running pause or interjection open, and closes them when the speech ends", () => {
    expect(recordingMarkers(logOf(interjecting), "s1", 0)).toEqual([
      { kind: "pause", startMs: 10_000, endMs: 15_000 },
      { kind: "interjection", startMs: 20_000, endMs: null, participantId: olga },
    ]);
    const endedWhilePaused = [...pausedAt10, ev.ended(alice, { speechId: "s1", at: 12_000, durationMs: 10_000, overrunMs: 0, endedBy: alice })];
    expect(recordingMarkers(logOf(endedWhilePaused), "s1", 0)).toEqual([{ kind: "pause", startMs: 10_000, endMs: 12_000 }]);
  });

  it("ignores other speeches and clamps times before the recording's start to 0", () => {
    expect(recordingMarkers(logOf(speechOver), "s2", 0)).toEqual([]);
    expect(recordingMarkers(logOf(pausedAt10), "s1", 12_000)).toEqual([{ kind: "pause", startMs: 0, endMs: null }]);
  });
});
