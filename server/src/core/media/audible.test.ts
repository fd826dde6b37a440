import { describe, expect, it } from "vitest";
import { audibleParticipants, shownParticipants, VENUE_ID } from "./audible.ts";
import { ev, given, givenScheduled, people } from "../testing.ts";

const ids = (set: Set<string>) => [...set].sort();
const CH = people.chair.participantId;

describe("audibleParticipants", () => {
  it("is the chair and the room while nobody has the floor", () => {
    expect(ids(audibleParticipants(given().state))).toEqual([CH, VENUE_ID].sort());
  });

  it("adds the floor holder, and only them, while they speak", () => {
    const state = given(ev.requested(people.alice.participantId), ev.requested(people.bob.participantId), ev.started(people.alice.participantId)).state;
    expect(ids(audibleParticipants(state))).toEqual([people.alice.participantId, CH, VENUE_ID].sort());
  });

  it("drops the speaker when the speech ends", () => {
    const alice = people.alice.participantId;
    const state = given(ev.requested(alice), ev.started(alice), ev.ended(alice, { at: 10, durationMs: 10, overrunMs: 0, endedBy: alice })).state;
    expect(ids(audibleParticipants(state))).toEqual([CH, VENUE_ID].sort());
  });

  it("lets the chair and the room speak before the meeting opens, no member", () => {
    expect(ids(audibleParticipants(givenScheduled(ev.requested(people.alice.participantId)).state))).toEqual([CH, VENUE_ID].sort());
  });

  it("drops the room while the chair has muted it, and brings it back when unmuted", () => {
    expect(ids(audibleParticipants(given(ev.venueMuted(true)).state))).toEqual([CH]);
    expect(ids(audibleParticipants(given(ev.venueMuted(true), ev.venueMuted(false)).state))).toEqual([CH, VENUE_ID].sort());
  });

  it("shows the room's camera to listeners even while its microphone is muted", () => {
    const state = given(ev.venueMuted(true), ev.requested(people.alice.participantId), ev.started(people.alice.participantId)).state;
    expect(ids(audibleParticipants(state))).toEqual([people.alice.participantId, CH].sort());
    expect(ids(shownParticipants(state))).toEqual([people.alice.participantId, CH, VENUE_ID].sort());
  });
});
