import { describe } from "vitest";
import { SYSTEM_ACTOR } from "../roles.ts";
import { decisionTable, ev, people, type DecisionCase } from "../../testing/core.ts";

const { chair, alice, olga, clerk, observer } = people;
const mute = { type: "venue.setMuted", muted: true };
const unmute = { type: "venue.setMuted", muted: false };

describe("venue.setMuted", () => {
  decisionTable([
    { name: "the chair mutes the room feed", given: [], command: mute, actor: chair, then: [ev.venueMuted(true)] },
    { name: "the chair unmutes it again", given: [ev.venueMuted(true)], command: unmute, actor: chair, then: [ev.venueMuted(false)] },
    { name: "muting a muted room changes nothing", given: [ev.venueMuted(true)], command: mute, actor: chair, then: [] },
    { name: "unmuting an unmuted room changes nothing", given: [], command: unmute, actor: chair, then: [] },
    { name: "before the meeting opens the chair may mute the room", meeting: "scheduled", given: [], command: mute, actor: chair, then: [ev.venueMuted(true)] },
    { name: "a closed meeting refuses", given: [ev.closed(5)], command: mute, actor: chair, then: { error: "MEETING_CLOSED" } },
    ...[alice, olga, clerk, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} may not mute the room`,
      given: [],
      command: mute,
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "muted must be a boolean", given: [], command: { type: "venue.setMuted", muted: "yes" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "no extra fields", given: [], command: { ...mute, room: 1 }, actor: chair, then: { error: "VALIDATION" } },
  ]);
});
