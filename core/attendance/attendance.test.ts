import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import type { ArrivalVia } from "./schema.ts";
import { decisionTable, ev, given, givenScheduled, NOW, people, type DecisionCase } from "../../testing/core.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const VIAS: ArrivalVia[] = ["online", "qr", "clerk"];
const staff: Actor[] = [chair, clerk];
const others: Actor[] = [alice, olga, observer];
const arrive = (participantIds: unknown, via: unknown = "clerk") => ({ type: "attendance.arrive", participantIds, via });
const leave = (participantIds: unknown) => ({ type: "attendance.leave", participantIds });
const excuse = (participantId: string, excused = true) => ({ type: "attendance.excuse", participantId, excused });

describe("attendance.arrive", () => {
  decisionTable([
    ...VIAS.map((via): DecisionCase => ({
      name: `the system reports arrivals via ${via}`,
      given: [],
      command: arrive([A, O], via),
      actor: SYSTEM_ACTOR,
      now: 40,
      then: [ev.arrived([A, O], via, 40)],
    })),
    ...staff.map((actor): DecisionCase => ({
      name: `the ${actor.role} marks people in the room`,
      given: [],
      command: arrive([B, C]),
      actor,
      then: [ev.arrived([B, C], "clerk", NOW)],
    })),
    ...staff.flatMap((actor) =>
      (["online", "qr"] as const).map((via): DecisionCase => ({
        name: `the ${actor.role} claiming via ${via} → FORBIDDEN`,
        given: [],
        command: arrive([A], via),
        actor,
        then: { error: "FORBIDDEN" },
      })),
    ),
    ...others.flatMap((actor) =>
      VIAS.map((via): DecisionCase => ({
        name: `${actor.role} via ${via} → FORBIDDEN`,
        given: [],
        command: arrive([actor.participantId], via),
        actor,
        then: { error: "FORBIDDEN" },
      })),
    ),
    { name: "a member naming a stranger → FORBIDDEN (authorization first)", given: [], command: arrive(["ghost"]), actor: alice, then: { error: "FORBIDDEN" } },
    { name: "someone outside the roster → NOT_FOUND", given: [], command: arrive(["ghost"], "qr"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    {
      name: "one stranger among known people → NOT_FOUND, nobody recorded",
      given: [],
      command: arrive([A, "ghost", B]),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "someone who was removed from the roster → NOT_FOUND",
      given: [ev.rosterSet([])],
      command: arrive([A], "online"),
      actor: SYSTEM_ACTOR,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a stranger who is already present → NOT_FOUND",
      given: [ev.arrived([A])],
      command: arrive([A, "ghost"]),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "everyone already present decides nothing",
      given: [ev.arrived([A, B], "qr", 5)],
      command: arrive([B, A], "online"),
      actor: SYSTEM_ACTOR,
      then: [],
    },
    {
      name: "only those not present yet arrive",
      given: [ev.arrived([A], "qr", 5)],
      command: arrive([A, B, C]),
      actor: clerk,
      now: 9,
      then: [ev.arrived([B, C], "clerk", 9)],
    },
    { name: "a name given twice arrives once", given: [], command: arrive([A, A, B, A]), actor: chair, now: 9, then: [ev.arrived([A, B], "clerk", 9)] },
    {
      name: "someone who left arrives again",
      given: [ev.arrived([A], "online", 1), ev.left([A], 2)],
      command: arrive([A], "online"),
      actor: SYSTEM_ACTOR,
      then: [ev.arrived([A], "online", NOW)],
    },
    {
      name: "an excused member who comes after all",
      given: [ev.excused(A)],
      command: arrive([A], "qr"),
      actor: SYSTEM_ACTOR,
      then: [ev.arrived([A], "qr", NOW)],
    },
    {
      name: "non-members (chair, clerk, observer) are recorded too",
      given: [],
      command: arrive([chair.participantId, clerk.participantId, observer.participantId], "online"),
      actor: SYSTEM_ACTOR,
      then: [ev.arrived([chair.participantId, clerk.participantId, observer.participantId], "online", NOW)],
    },
    {
      name: "check-in before the meeting opens",
      meeting: "scheduled",
      given: [],
      command: arrive([A], "qr"),
      actor: SYSTEM_ACTOR,
      now: 3,
      then: [ev.arrived([A], "qr", 3)],
    },
    { name: "no one → VALIDATION", given: [], command: arrive([]), actor: clerk, then: { error: "VALIDATION" } },
    { name: "an unknown via → VALIDATION", given: [], command: arrive([A], "phone"), actor: SYSTEM_ACTOR, then: { error: "VALIDATION" } },
    { name: "an empty id → VALIDATION", given: [], command: arrive([A, ""]), actor: clerk, then: { error: "VALIDATION" } },
  ]);

  it("records present, how and since when; re-arrivals keep the first record", () => {
    const { after } = given(ev.arrived([A], "qr", 5)).when(arrive([A, B], "online"), SYSTEM_ACTOR, 70);
    expect(after.attendance).toEqual({ [A]: { status: "present", via: "qr", since: 5 }, [B]: { status: "present", via: "online", since: 70 } });
  });
});

describe("attendance.leave", () => {
  decisionTable([
    { name: "the system reports a departure", given: [ev.arrived([A, B])], command: leave([A]), actor: SYSTEM_ACTOR, now: 30, then: [ev.left([A], 30)] },
    ...staff.map((actor): DecisionCase => ({
      name: `the ${actor.role} marks people gone`,
      given: [ev.arrived([A, B])],
      command: leave([B, A]),
      actor,
      then: [ev.left([B, A], NOW)],
    })),
    ...others.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: [ev.arrived([actor.participantId])],
      command: leave([actor.participantId]),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "someone outside the roster → NOT_FOUND",
      given: [ev.arrived([A])],
      command: leave([A, "ghost"]),
      actor: SYSTEM_ACTOR,
      then: { error: "NOT_FOUND" },
    },
    { name: "a member naming a stranger → FORBIDDEN (authorization first)", given: [], command: leave(["ghost"]), actor: alice, then: { error: "FORBIDDEN" } },
    { name: "only those present leave", given: [ev.arrived([A])], command: leave([A, B]), actor: clerk, then: [ev.left([A], NOW)] },
    { name: "nobody present decides nothing", given: [], command: leave([A, B]), actor: SYSTEM_ACTOR, then: [] },
    { name: "leaving twice decides nothing", given: [ev.arrived([A]), ev.left([A])], command: leave([A]), actor: SYSTEM_ACTOR, then: [] },
    { name: "an excused member stays excused", given: [ev.excused(C)], command: leave([C]), actor: clerk, then: [] },
    { name: "a name given twice leaves once", given: [ev.arrived([A])], command: leave([A, A]), actor: chair, then: [ev.left([A], NOW)] },
    { name: "via → VALIDATION", given: [ev.arrived([A])], command: { ...leave([A]), via: "clerk" }, actor: clerk, then: { error: "VALIDATION" } },
  ]);

  it("records absent since the departure", () => {
    const { after } = given(ev.arrived([A, B], "online", 5)).when(leave([A]), SYSTEM_ACTOR, 80);
    expect(after.attendance).toEqual({ [A]: { status: "absent", via: null, since: 80 }, [B]: { status: "present", via: "online", since: 5 } });
  });
});

describe("attendance.excuse", () => {
  decisionTable([
    ...staff.map((actor): DecisionCase => ({
      name: `the ${actor.role} excuses an absent member`,
      given: [],
      command: excuse(C),
      actor,
      now: 12,
      then: [ev.excused(C, true, 12)],
    })),
    { name: "someone who left may be excused", given: [ev.arrived([B]), ev.left([B])], command: excuse(B), actor: clerk, then: [ev.excused(B, true, NOW)] },
    { name: "withdrawing an excuse", given: [ev.excused(C)], command: excuse(C, false), actor: clerk, now: 13, then: [ev.excused(C, false, 13)] },
    { name: "excusing twice decides nothing", given: [ev.excused(C)], command: excuse(C), actor: chair, then: [] },
    { name: "withdrawing an excuse nobody gave decides nothing", given: [], command: excuse(C, false), actor: clerk, then: [] },
    { name: "withdrawing the excuse of someone present decides nothing", given: [ev.arrived([A])], command: excuse(A, false), actor: clerk, then: [] },
    { name: "someone present → ALREADY_PRESENT", given: [ev.arrived([A])], command: excuse(A), actor: clerk, then: { error: "ALREADY_PRESENT" } },
    { name: "the system → FORBIDDEN", given: [], command: excuse(C), actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    ...others.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: [],
      command: excuse(actor.participantId),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "a member excusing someone present → FORBIDDEN (authorization first)",
      given: [ev.arrived([B])],
      command: excuse(B),
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    { name: "someone outside the roster → NOT_FOUND", given: [], command: excuse("ghost"), actor: clerk, then: { error: "NOT_FOUND" } },
    { name: "before the meeting opens", meeting: "scheduled", given: [], command: excuse(C), actor: clerk, now: 2, then: [ev.excused(C, true, 2)] },
    { name: "excused as a string → VALIDATION", given: [], command: { ...excuse(C), excused: "true" }, actor: clerk, then: { error: "VALIDATION" } },
  ]);

  it("records excused, then absent when the excuse is withdrawn", () => {
    const excused = given().when(excuse(C), clerk, 20).after;
    expect(excused.attendance).toEqual({ [C]: { status: "excused", via: null, since: 20 } });
    expect(given(ev.excused(C, true, 20)).when(excuse(C, false), clerk, 25).after.attendance).toEqual({ [C]: { status: "absent", via: null, since: 25 } });
  });
});

describe("attendance evolve", () => {
  it("arrival, departure and excuse each replace the whole record", () => {
    const state = givenScheduled(ev.arrived([A, B], "qr", 1), ev.left([B], 2), ev.excused(C, true, 3), ev.arrived([C], "clerk", 4), ev.ruleSet("none")).state;
    expect(state.attendance).toEqual({
      [A]: { status: "present", via: "qr", since: 1 },
      [B]: { status: "absent", via: null, since: 2 },
      [C]: { status: "present", via: "clerk", since: 4 },
    });
    expect(state.quorumRule).toBe("none");
  });
});
