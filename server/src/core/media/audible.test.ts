import { describe, expect, it } from "vitest";
import { audibleParticipants } from "./audible.ts";
import { ev, given, givenScheduled, people } from "../testing.ts";

const ids = (set: Set<string>) => [...set].sort();

describe("audibleParticipants", () => {
  it("is only the chair while nobody has the floor", () => {
    expect(ids(audibleParticipants(given().state))).toEqual([people.chair.participantId]);
  });

  it("adds the floor holder, and only them, while they speak", () => {
    const state = given(ev.requested(people.alice.participantId), ev.requested(people.bob.participantId), ev.started(people.alice.participantId)).state;
    expect(ids(audibleParticipants(state))).toEqual([people.alice.participantId, people.chair.participantId].sort());
  });

  it("drops the speaker when the speech ends", () => {
    const alice = people.alice.participantId;
    const state = given(ev.requested(alice), ev.started(alice), ev.ended(alice, { at: 10, durationMs: 10, overrunMs: 0, endedBy: alice })).state;
    expect(ids(audibleParticipants(state))).toEqual([people.chair.participantId]);
  });

  it("lets the chair speak before the meeting opens, nobody else", () => {
    expect(ids(audibleParticipants(givenScheduled().state))).toEqual([people.chair.participantId]);
  });
});
