import { describe, expect, it } from "vitest";
import { interpreterOf, shownParticipants, unmutedParticipants, audibleParticipants } from "../media/audible.ts";
import { publishes, recordingTarget } from "../media/recording.ts";
import { SYSTEM_ACTOR } from "../roles.ts";
import { decisionTable, ev, given, people, type DecisionCase } from "../../testing/core.ts";

const { chair, alice, bob, olga, clerk, observer } = people;
const OBS = observer.participantId;
const start = (participantId: string, language = "英语") => ({ type: "interpretation.start", participantId, language });
const stop = { type: "interpretation.stop" };

describe("interpretation.start / stop", () => {
  decisionTable([
    { name: "the chair names the interpreter and the language", given: [], command: start(OBS), actor: chair, then: [ev.interpretationStarted(OBS)] },
    { name: "the clerk may too", given: [], command: start(OBS, "维吾尔语"), actor: clerk, then: [ev.interpretationStarted(OBS, "维吾尔语")] },
    { name: "the language is trimmed", given: [], command: start(OBS, "  English "), actor: chair, then: [ev.interpretationStarted(OBS, "English")] },
    { name: "naming the same again changes nothing", given: [ev.interpretationStarted(OBS)], command: start(OBS), actor: chair, then: [] },
    {
      name: "another language replaces the running one",
      given: [ev.interpretationStarted(OBS)],
      command: start(OBS, "English"),
      actor: chair,
      then: [ev.interpretationStarted(OBS, "English")],
    },
    { name: "before the meeting opens", meeting: "scheduled", given: [], command: start(OBS), actor: chair, then: [ev.interpretationStarted(OBS)] },
    { name: "someone not on the roster", given: [], command: start("p-nobody"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "the chair cannot interpret", given: [], command: start(chair.participantId), actor: clerk, then: { error: "INTERPRETER_IS_CHAIR" } },
    { name: "a closed meeting refuses", given: [ev.closed(5)], command: start(OBS), actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "an empty language", given: [], command: start(OBS, "   "), actor: chair, then: { error: "VALIDATION" } },
    { name: "a language too long", given: [], command: start(OBS, "语".repeat(21)), actor: chair, then: { error: "VALIDATION" } },
    { name: "no extra fields", given: [], command: { ...start(OBS), channel: 2 }, actor: chair, then: { error: "VALIDATION" } },
    ...[alice, olga, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} may not name an interpreter`,
      given: [],
      command: start(OBS),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "stop ends it", given: [ev.interpretationStarted(OBS)], command: stop, actor: clerk, then: [ev.interpretationStopped()] },
    { name: "stopping when none runs changes nothing", given: [], command: stop, actor: chair, then: [] },
    { name: "a member may not stop it", given: [ev.interpretationStarted(OBS)], command: stop, actor: alice, then: { error: "FORBIDDEN" } },
  ]);

  it("the state says who interprets into what, and forgets it on stop", () => {
    expect(given(ev.interpretationStarted(OBS, "English")).state.interpretation).toEqual({ interpreterId: OBS, language: "English" });
    expect(given(ev.interpretationStarted(OBS), ev.interpretationStopped()).state.interpretation).toBeNull();
  });
});

describe("the interpreter at the media server", () => {
  const A = alice.participantId;
  const speaking = [ev.requested(A), ev.started(A, { speechId: "s1", at: 0 })];

  it("is let through but never on the floor channel: not audible, not shown", () => {
    const state = given(ev.interpretationStarted(OBS), ...speaking).state;
    expect(interpreterOf(state)).toBe(OBS);
    expect(unmutedParticipants(state).has(OBS)).toBe(true);
    expect(audibleParticipants(state).has(OBS)).toBe(false);
    expect(shownParticipants(state).has(OBS)).toBe(false);
    expect(publishes(state, OBS)).toBe(true);
    expect(publishes(state, bob.participantId)).toBe(false);
  });

  it("is recorded with each speech, beside its speaker", () => {
    expect(recordingTarget(given(ev.interpretationStarted(OBS), ...speaking).state)).toEqual({ participantId: A, speechId: "s1", interpreterId: OBS });
    expect(recordingTarget(given(...speaking).state)).toEqual({ participantId: A, speechId: "s1" });
  });

  it("is nobody once stopped, in a closed meeting, or when no longer on the roster", () => {
    expect(interpreterOf(given(ev.interpretationStarted(OBS), ev.interpretationStopped()).state)).toBeNull();
    expect(interpreterOf(given(ev.interpretationStarted(OBS), ev.closed(5)).state)).toBeNull();
    const gone = given(ev.interpretationStarted(OBS), ev.rosterSet([])).state;
    expect(interpreterOf(gone)).toBeNull();
    expect(unmutedParticipants(gone).has(OBS)).toBe(false);
  });
});
