import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { decisionTable, ev, given, givenExactly, NOW, rosterEntry, type DecisionCase } from "../../testing/core.ts";
import type { MediationEvent } from "./schema.ts";
import { inTalk, talkViewFor } from "./visibility.ts";

// A neighbours' dispute: two parties (当事人, members), the 主持调解员 (chair), a police officer
// (official: a mediator), the clerk and an observer.
const zhang = { participantId: "p-zhang", role: "member" } as const satisfies Actor;
const li = { participantId: "p-li", role: "member" } as const satisfies Actor;
const chair = { participantId: "p-chair", role: "chair" } as const satisfies Actor;
const police = { participantId: "p-police", role: "official" } as const satisfies Actor;
const clerk = { participantId: "p-clerk", role: "clerk" } as const satisfies Actor;
const observer = { participantId: "p-observer", role: "observer" } as const satisfies Actor;
const ROSTER = [zhang, li, chair, police, clerk, observer].map((p) => rosterEntry(p));
const SESSION: MeetingEvent[] = [ev.rosterSet(ROSTER), { type: "meeting.kindSet", kind: "mediation" }];

const m = {
  started: (partyId: string, by: string = chair.participantId, at = NOW): MediationEvent => ({ type: "mediation.separateTalkStarted", partyId, by, at }),
  ended: (partyId: string, by: string = chair.participantId, at = NOW): MediationEvent => ({ type: "mediation.separateTalkEnded", partyId, by, at }),
  stated: (partyId: string, text: string, at = NOW): MediationEvent => ({ type: "mediation.positionStated", partyId, text, at }),
};
const start = (partyId: string) => ({ type: "mediation.startSeparateTalk", partyId });
const END = { type: "mediation.endSeparateTalk" };
const state = (text: string) => ({ type: "mediation.statePosition", text });

describe("separate talks (背靠背)", () => {
  decisionTable([
    { name: "the chair takes one party aside", given: SESSION, command: start(zhang.participantId), actor: chair, then: [m.started(zhang.participantId)] },
    {
      name: "a mediator (official) takes one party aside",
      given: SESSION,
      command: start(li.participantId),
      actor: police,
      then: [m.started(li.participantId, police.participantId)],
    },
    { name: "a party cannot start a talk", given: SESSION, command: start(li.participantId), actor: zhang, then: { error: "NOT_MEDIATOR" } },
    { name: "nor the clerk", given: SESSION, command: start(li.participantId), actor: clerk, then: { error: "NOT_MEDIATOR" } },
    { name: "nor an observer", given: SESSION, command: start(li.participantId), actor: observer, then: { error: "NOT_MEDIATOR" } },
    {
      name: "only in a mediation meeting",
      given: [ev.rosterSet(ROSTER)],
      command: start(zhang.participantId),
      actor: chair,
      then: { error: "NOT_MEDIATION" },
    },
    {
      name: "only once the session is open",
      meeting: "scheduled",
      given: SESSION,
      command: start(zhang.participantId),
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "one talk at a time",
      given: [...SESSION, m.started(zhang.participantId)],
      command: start(li.participantId),
      actor: police,
      then: { error: "SEPARATE_TALK_RUNNING" },
    },
    { name: "with someone on the roster", given: SESSION, command: start("p-stranger"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "with a party, not a mediator", given: SESSION, command: start(police.participantId), actor: chair, then: { error: "NOT_PARTY" } },
    { name: "a party id is required", given: SESSION, command: { type: "mediation.startSeparateTalk" }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "any mediator ends the talk",
      given: [...SESSION, m.started(zhang.participantId)],
      command: END,
      actor: police,
      then: [m.ended(zhang.participantId, police.participantId)],
    },
    { name: "no talk to end", given: SESSION, command: END, actor: chair, then: { error: "NO_SEPARATE_TALK" } },
    {
      name: "the party in the talk cannot end it",
      given: [...SESSION, m.started(zhang.participantId)],
      command: END,
      actor: zhang,
      then: { error: "NOT_MEDIATOR" },
    },
  ] satisfies DecisionCase[]);

  it("records every talk with its times; the session is joint again after the end", () => {
    const after = given(...SESSION, m.started(zhang.participantId, chair.participantId, 10), m.ended(zhang.participantId, police.participantId, 20)).when(
      start(li.participantId),
      chair,
      30,
    ).after;
    expect(after.mediation.talk).toEqual({ partyId: li.participantId, startedAt: 30 });
    expect(after.mediation.talks).toEqual([
      { partyId: zhang.participantId, startedAt: 10, endedAt: 20, by: chair.participantId },
      { partyId: li.participantId, startedAt: 30, endedAt: null, by: chair.participantId },
    ]);
  });
});

describe("positions (joint session)", () => {
  decisionTable([
    {
      name: "a party states a position",
      given: SESSION,
      command: state("要求赔偿漏水损失"),
      actor: zhang,
      then: [m.stated(zhang.participantId, "要求赔偿漏水损失")],
    },
    { name: "trimmed text, not empty", given: SESSION, command: state("   "), actor: zhang, then: { error: "VALIDATION" } },
    { name: "a mediator is not a party", given: SESSION, command: state("建议各让一步"), actor: police, then: { error: "NOT_PARTY" } },
    { name: "nor the observer", given: SESSION, command: state("我有意见"), actor: observer, then: { error: "NOT_PARTY" } },
    {
      name: "not while a separate talk runs (one party is not in the room)",
      given: [...SESSION, m.started(li.participantId)],
      command: state("我不同意"),
      actor: zhang,
      then: { error: "SEPARATE_TALK_RUNNING" },
    },
    { name: "only in a mediation meeting", given: [ev.rosterSet(ROSTER)], command: state("x"), actor: zhang, then: { error: "NOT_MEDIATION" } },
  ] satisfies DecisionCase[]);

  it("keeps every statement in order; the latest is a party's current position", () => {
    const after = given(...SESSION, m.stated(zhang.participantId, "赔偿 2000 元", 1)).when(state("赔偿 1500 元"), zhang, 2).after;
    expect(after.mediation.positions).toEqual([
      { partyId: zhang.participantId, text: "赔偿 2000 元", at: 1 },
      { partyId: zhang.participantId, text: "赔偿 1500 元", at: 2 },
    ]);
  });
});

describe("visibility of a separate talk", () => {
  const during = givenExactly(...SESSION, ev.opened(0), m.started(zhang.participantId, chair.participantId, 12_345)).state;
  const entry = (a: Actor) => ({ id: a.participantId, role: a.role });
  it.each([
    ["the chair", entry(chair), { kind: "mediating", partyId: zhang.participantId, since: 12_345 }],
    ["a mediator", entry(police), { kind: "mediating", partyId: zhang.participantId, since: 12_345 }],
    ["the party in the talk", entry(zhang), { kind: "inTalk", since: 12_345 }],
    ["the other party: only the fact and the time, not which party", entry(li), { kind: "elsewhere", since: 12_345 }],
    ["the clerk", entry(clerk), { kind: "elsewhere", since: 12_345 }],
    ["an observer", entry(observer), { kind: "elsewhere", since: 12_345 }],
    ["the room display", null, { kind: "elsewhere", since: 12_345 }],
  ] as const)("%s", (_name, viewer, view) => {
    expect(talkViewFor(during, viewer)).toEqual(view);
  });

  it("takes part in the talk's notes: the mediators and that party; never the other party, the clerk, an observer or the display", () => {
    const takesPart = (a: Actor, display = false) => inTalk(during, entry(a), display);
    expect([chair, police, zhang].map((a) => takesPart(a))).toEqual([true, true, true]);
    expect([li, clerk, observer].map((a) => takesPart(a))).toEqual([false, false, false]);
    expect(takesPart(chair, true)).toBe(false);
  });

  it("in the joint session nobody is in a talk", () => {
    const joint = given(...SESSION).state;
    expect(talkViewFor(joint, entry(li))).toEqual({ kind: "joint" });
    expect(inTalk(joint, entry(chair), false)).toBe(false);
  });
});
