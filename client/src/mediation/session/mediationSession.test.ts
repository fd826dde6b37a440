import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "@core/meeting.ts";
import { replay } from "@core/meeting.ts";
import type { Actor } from "@core/roles.ts";
import { ev, rosterEntry, stamp } from "../../../../testing/core.ts";
import { sessionCard } from "./mediationSession.ts";

const a = { participantId: "p-a", role: "member" } as const satisfies Actor;
const b = { participantId: "p-b", role: "member" } as const satisfies Actor;
const chair = { participantId: "p-chair", role: "chair" } as const satisfies Actor;
const police = { participantId: "p-police", role: "official" } as const satisfies Actor;
const observer = { participantId: "p-obs", role: "observer" } as const satisfies Actor;
const ROSTER = [a, b, chair, police, observer].map((p) => rosterEntry(p, { name: "张丽" }));
const base: MeetingEvent[] = [ev.rosterSet(ROSTER), { type: "meeting.kindSet", kind: "mediation" }, ev.opened(0)];
const stateOf = (...events: MeetingEvent[]) => replay(stamp(0, [...base, ...events], 0, null));
const person = (p: Actor) => ({ id: p.participantId, role: p.role });

describe("the mediation session card", () => {
  it("in the joint session: mediators may start a talk with a party, parties may state a position, latest position each", () => {
    const s = stateOf(
      { type: "mediation.positionStated", partyId: "p-a", text: "赔偿 2000 元", at: 1 },
      { type: "mediation.positionStated", partyId: "p-b", text: "不赔偿", at: 2 },
      { type: "mediation.positionStated", partyId: "p-a", text: "赔偿 1500 元", at: 3 },
    );
    expect(sessionCard(s, person(police), false)).toMatchObject({ talk: { kind: "joint" }, mediator: true, parties: ["p-a", "p-b"], mayState: false });
    expect(sessionCard(s, person(a), false)).toMatchObject({ mediator: false, mayState: true });
    expect(sessionCard(s, person(observer), false).mayState).toBe(false);
    expect(sessionCard(s, person(a), false).positions.map((p) => p.text)).toEqual(["赔偿 1500 元", "不赔偿"]);
  });

  it("during a talk: the other party, observers and the display see only the fact and the time", () => {
    const s = stateOf({ type: "mediation.separateTalkStarted", partyId: "p-a", by: "p-chair", at: 45_000 });
    expect(sessionCard(s, person(chair), false).talk).toEqual({ kind: "mediating", partyId: "p-a", since: 45_000 });
    expect(sessionCard(s, person(a), false).talk).toEqual({ kind: "inTalk", since: 45_000 });
    expect(sessionCard(s, person(b), false)).toMatchObject({ talk: { kind: "elsewhere", since: 45_000 }, mayState: false });
    expect(sessionCard(s, person(observer), false).talk).toEqual({ kind: "elsewhere", since: 45_000 });
    expect(sessionCard(s, person(chair), true)).toMatchObject({ talk: { kind: "elsewhere", since: 45_000 }, mediator: false });
  });

  it("the talk's private voice: offered to the mediators and the party in the talk while it runs, to nobody else", () => {
    const joint = stateOf();
    for (const p of [a, b, chair, police, observer]) expect(sessionCard(joint, person(p), false).talkAudio, p.participantId).toBe(false);
    const s = stateOf({ type: "mediation.separateTalkStarted", partyId: "p-a", by: "p-chair", at: 45_000 });
    for (const p of [a, chair, police]) expect(sessionCard(s, person(p), false).talkAudio, p.participantId).toBe(true);
    for (const p of [b, observer]) expect(sessionCard(s, person(p), false).talkAudio, p.participantId).toBe(false);
    expect(sessionCard(s, person(chair), true).talkAudio).toBe(false);
    const ended = stateOf(
      { type: "mediation.separateTalkStarted", partyId: "p-a", by: "p-chair", at: 45_000 },
      { type: "mediation.separateTalkEnded", partyId: "p-a", by: "p-chair", at: 60_000 },
    );
    expect(sessionCard(ended, person(a), false).talkAudio).toBe(false);
  });
});
