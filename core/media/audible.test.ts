import { describe, expect, it } from "vitest";
import { audibleParticipants, shownParticipants, VENUE_ID } from "./audible.ts";
import { ev, given, givenScheduled, people } from "../../testing/core.ts";

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

  it("while an interjection runs: the interjector is heard, the interrupted speaker is not; back after the end", () => {
    const alice = people.alice.participantId;
    const olga = people.olga.participantId;
    const interjecting = [
      ev.requested(alice),
      ev.started(alice, { speechId: "s1", at: 0 }),
      ev.ijRequested(olga, "s1", { requestId: "r1", at: 10 }),
      ev.paused("s1", 20),
      ev.ijStarted(olga, "s1", { interjectionId: "i1", requestId: "r1", at: 20 }),
    ];
    expect(ids(audibleParticipants(given(...interjecting.slice(0, 3)).state))).toEqual([alice, CH, VENUE_ID].sort());
    expect(ids(audibleParticipants(given(...interjecting).state))).toEqual([olga, CH, VENUE_ID].sort());
    expect(ids(shownParticipants(given(...interjecting).state))).toEqual([olga, CH, VENUE_ID].sort());
    const ended = [...interjecting, ev.ijEnded("i1", { at: 50, durationMs: 30, endedBy: olga }), ev.resumed("s1", 50)];
    expect(ids(audibleParticipants(given(...ended).state))).toEqual([alice, CH, VENUE_ID].sort());
  });

  it("hears an interjection into a speech that has ended", () => {
    const alice = people.alice.participantId;
    const olga = people.olga.participantId;
    const state = given(
      ev.requested(alice),
      ev.started(alice, { speechId: "s1" }),
      ev.ended(alice, { speechId: "s1", at: 10, durationMs: 10, overrunMs: 0, endedBy: alice }),
      ev.ijRequested(olga, "s1", { requestId: "r1" }),
      ev.ijStarted(olga, "s1", { interjectionId: "i1", requestId: "r1", at: 20, resumesSpeech: false }),
    ).state;
    expect(ids(audibleParticipants(state))).toEqual([olga, CH, VENUE_ID].sort());
  });

  it("shows the room's camera to listeners even while its microphone is muted", () => {
    const state = given(ev.venueMuted(true), ev.requested(people.alice.participantId), ev.started(people.alice.participantId)).state;
    expect(ids(audibleParticipants(state))).toEqual([people.alice.participantId, CH].sort());
    expect(ids(shownParticipants(state))).toEqual([people.alice.participantId, CH, VENUE_ID].sort());
  });
});
