import { describe, expect, it } from "vitest";
import { recordingTarget } from "./recording.ts";
import { ev, given, givenScheduled, people } from "../../testing/core.ts";

const alice = people.alice.participantId;

describe("recordingTarget", () => {
  it("is nobody while nobody has the floor (the chair and the room are not a speech)", () => {
    expect(recordingTarget(given().state)).toBeNull();
  });

  it("is the floor holder's current speech", () => {
    const state = given(ev.requested(alice), ev.started(alice)).state;
    expect(recordingTarget(state)).toEqual({ participantId: alice, speechId: state.floor!.speechId });
  });

  it("ends with the speech", () => {
    expect(
      recordingTarget(given(ev.requested(alice), ev.started(alice), ev.ended(alice, { at: 10, durationMs: 10, overrunMs: 0, endedBy: alice })).state),
    ).toBeNull();
  });

  it("is nobody before the meeting opens", () => {
    expect(recordingTarget(givenScheduled(ev.requested(alice)).state)).toBeNull();
  });
});
