import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "../meeting.ts";
import { replay } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { initialState } from "../state.ts";
import { agendaItem, decisionTable, ev, given, givenExactly, NOW, play, rosterEntry, sequentialIds, type DecisionCase, type Step } from "../../testing/core.ts";
import { audibleParticipants, VENUE_ID } from "../media/audible.ts";
import { actingRole, presidingActor, presidingChief } from "./chairing.ts";
import type { BargainingEvent } from "./schema.ts";

// The table: two chiefs (首席代表) and two representatives on each side (three each, §20), the organisers' chair (no
// side), the neutral recorder (记录员) and an observer (人社局).
const wang = { participantId: "p-wang", role: "member" } as const satisfies Actor; // 职工方首席
const wu = { participantId: "p-wu", role: "member" } as const satisfies Actor; // 职工方代表
const zhao = { participantId: "p-zhao", role: "member" } as const satisfies Actor; // 企业方首席
const zhou = { participantId: "p-zhou", role: "member" } as const satisfies Actor; // 企业方代表
const wei = { participantId: "p-wei", role: "member" } as const satisfies Actor; // 职工方代表
const zheng = { participantId: "p-zheng", role: "member" } as const satisfies Actor; // 企业方代表
const chair = { participantId: "p-chair", role: "chair" } as const satisfies Actor; // no side
const clerk = { participantId: "p-clerk", role: "clerk" } as const satisfies Actor;
const observer = { participantId: "p-observer", role: "observer" } as const satisfies Actor;
const W = wang.participantId;
const Z = zhao.participantId;

const ROSTER = [
  rosterEntry(wang, { side: "worker", chief: true }),
  rosterEntry(wu, { side: "worker" }),
  rosterEntry(wei, { side: "worker" }),
  rosterEntry(zhao, { side: "enterprise", chief: true }),
  rosterEntry(zhou, { side: "enterprise" }),
  rosterEntry(zheng, { side: "enterprise" }),
  rosterEntry(chair),
  rosterEntry(clerk),
  rosterEntry(observer),
];
/** An open bargaining meeting with the table's roster (the worker side presides). */
const TABLE: MeetingEvent[] = [ev.rosterSet(ROSTER), { type: "meeting.kindSet", kind: "bargaining" }];

const b = {
  clause: (clauseId = "c1", title = "工资调整幅度", by: string = W, at = 0): BargainingEvent => ({ type: "bargaining.clauseAdded", clauseId, title, at, by }),
  offer: (
    offerId: string,
    side: "worker" | "enterprise",
    text: string,
    fields: { clauseId?: string; reason?: string | null; by?: string; at?: number } = {},
  ): BargainingEvent => ({
    type: "bargaining.offerMade",
    offerId,
    clauseId: fields.clauseId ?? "c1",
    side,
    text,
    reason: fields.reason ?? null,
    by: fields.by ?? (side === "worker" ? W : Z),
    at: fields.at ?? 0,
  }),
  accepted: (offerId: string, side: "worker" | "enterprise", at = 0, clauseId = "c1"): BargainingEvent => ({
    type: "bargaining.accepted",
    clauseId,
    offerId,
    side,
    by: side === "worker" ? W : Z,
    at,
  }),
  agreed: (offerId: string, text: string, at = 0, clauseId = "c1"): BargainingEvent => ({ type: "bargaining.agreed", clauseId, offerId, text, at }),
  handedOver: (from: "worker" | "enterprise" = "worker", at = 0): BargainingEvent => ({
    type: "bargaining.chairHandedOver",
    from,
    to: from === "worker" ? "enterprise" : "worker",
    by: from === "worker" ? W : Z,
    at,
  }),
  suspended: (at = 0, by: string = W): BargainingEvent => ({
    type: "bargaining.suspended",
    reason: "企业需核算成本",
    openMatters: ["工资调整幅度"],
    resumeAt: at + 86_400_000,
    by,
    at,
  }),
  resumed: (at = 0, by: string = W): BargainingEvent => ({ type: "bargaining.resumed", by, at }),
  caucusStarted: (side: "worker" | "enterprise", at = 0): BargainingEvent => ({ type: "bargaining.caucusStarted", side, by: side === "worker" ? W : Z, at }),
  caucusEnded: (side: "worker" | "enterprise", at = 0): BargainingEvent => ({ type: "bargaining.caucusEnded", side, by: side === "worker" ? W : Z, at }),
};

/** 职工方 offered 8%, 企业方 countered 5% on clause c1. */
const countered = [...TABLE, b.clause(), b.offer("o1", "worker", "上调 8%"), b.offer("o2", "enterprise", "上调 5%", { reason: "利润下降" })];

const ALL_COMMANDS = [
  { type: "bargaining.addClause", title: "x" },
  { type: "bargaining.offer", clauseId: "c1", text: "x" },
  { type: "bargaining.accept", clauseId: "c1", offerId: "o1" },
  { type: "bargaining.handOver" },
  { type: "bargaining.startCaucus" },
  { type: "bargaining.endCaucus" },
  { type: "bargaining.suspend", reason: "x", openMatters: [], resumeAt: NOW + 1 },
  { type: "bargaining.resume" },
] as const;

describe("bargaining commands outside a bargaining meeting", () => {
  decisionTable(
    ALL_COMMANDS.map((command): DecisionCase => ({
      name: `${command.type} in a consultation → NOT_BARGAINING`,
      given: [ev.rosterSet(ROSTER)],
      command,
      actor: wang,
      then: { error: "NOT_BARGAINING" },
    })),
  );
});

describe("bargaining.addClause", () => {
  decisionTable([
    {
      name: "the presiding chief",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "  工资调整幅度 " },
      actor: wang,
      then: [b.clause("new-1", "工资调整幅度", W, NOW)],
    },
    {
      name: "the recorder (clerk)",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "福利" },
      actor: clerk,
      then: [b.clause("new-1", "福利", clerk.participantId, NOW)],
    },
    {
      name: "the other side's chief → NOT_PRESIDING",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "福利" },
      actor: zhao,
      then: { error: "NOT_PRESIDING" },
    },
    {
      name: "the organisers' chair (no side) → NOT_PRESIDING",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "福利" },
      actor: chair,
      then: { error: "NOT_PRESIDING" },
    },
    {
      name: "a representative → NOT_PRESIDING",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "福利" },
      actor: wu,
      then: { error: "NOT_PRESIDING" },
    },
    { name: "an empty title → VALIDATION", given: TABLE, command: { type: "bargaining.addClause", title: "  " }, actor: wang, then: { error: "VALIDATION" } },
    {
      name: "while suspended → SESSION_SUSPENDED",
      given: [...TABLE, b.suspended()],
      command: { type: "bargaining.addClause", title: "福利" },
      actor: clerk,
      then: { error: "SESSION_SUSPENDED" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: TABLE,
      command: { type: "bargaining.addClause", title: "福利" },
      actor: wang,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after the handover: the enterprise chief",
      given: [...TABLE, b.handedOver()],
      command: { type: "bargaining.addClause", title: "福利" },
      actor: zhao,
      then: [b.clause("new-1", "福利", Z, NOW)],
    },
    {
      name: "after the handover: not the worker chief",
      given: [...TABLE, b.handedOver()],
      command: { type: "bargaining.addClause", title: "福利" },
      actor: wang,
      then: { error: "NOT_PRESIDING" },
    },
  ]);
});

describe("bargaining.offer: offers and counter-offers", () => {
  decisionTable([
    {
      name: "a worker representative offers, with the reason",
      given: [...TABLE, b.clause()],
      command: { type: "bargaining.offer", clauseId: "c1", text: "上调 8%", reason: " 物价上涨 " },
      actor: wu,
      then: [b.offer("new-1", "worker", "上调 8%", { reason: "物价上涨", by: wu.participantId, at: NOW })],
    },
    {
      name: "the enterprise chief counters (without a reason)",
      given: [...TABLE, b.clause(), b.offer("o1", "worker", "上调 8%")],
      command: { type: "bargaining.offer", clauseId: "c1", text: "上调 5%" },
      actor: zhao,
      then: [b.offer("new-1", "enterprise", "上调 5%", { at: NOW })],
    },
    {
      name: "the presiding chief offers for their own side",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c1", text: "上调 7%" },
      actor: wang,
      then: [b.offer("new-1", "worker", "上调 7%", { at: NOW })],
    },
    {
      name: "the organisers' chair has no side → NO_SIDE",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c1", text: "x" },
      actor: chair,
      then: { error: "NO_SIDE" },
    },
    {
      name: "the recorder → NO_SIDE",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c1", text: "x" },
      actor: clerk,
      then: { error: "NO_SIDE" },
    },
    {
      name: "an observer → NO_SIDE",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c1", text: "x" },
      actor: observer,
      then: { error: "NO_SIDE" },
    },
    {
      name: "an unknown clause → NOT_FOUND",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c9", text: "x" },
      actor: wu,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "an empty text → VALIDATION",
      given: countered,
      command: { type: "bargaining.offer", clauseId: "c1", text: " " },
      actor: wu,
      then: { error: "VALIDATION" },
    },
    {
      name: "an agreed clause → CLAUSE_AGREED",
      given: [...countered, b.accepted("o2", "worker"), b.accepted("o2", "enterprise"), b.agreed("o2", "上调 5%")],
      command: { type: "bargaining.offer", clauseId: "c1", text: "上调 6%" },
      actor: wu,
      then: { error: "CLAUSE_AGREED" },
    },
    {
      name: "while suspended → SESSION_SUSPENDED",
      given: [...countered, b.suspended()],
      command: { type: "bargaining.offer", clauseId: "c1", text: "x" },
      actor: wu,
      then: { error: "SESSION_SUSPENDED" },
    },
  ]);

  it("keeps the whole history, and a new offer clears both acceptances", () => {
    const s = given(...countered, b.accepted("o2", "enterprise"), b.offer("o3", "worker", "上调 7%"), b.offer("o4", "enterprise", "上调 6%")).state;
    const clause = s.bargaining.clauses[0]!;
    expect(clause.offers.map((o) => [o.offerId, o.side, o.text])).toEqual([
      ["o1", "worker", "上调 8%"],
      ["o2", "enterprise", "上调 5%"],
      ["o3", "worker", "上调 7%"],
      ["o4", "enterprise", "上调 6%"],
    ]);
    expect(clause.offers[1]!.reason).toBe("利润下降");
    expect(clause.accepted).toEqual({ worker: null, enterprise: null });
  });
});

describe("bargaining.accept", () => {
  decisionTable([
    {
      name: "the enterprise chief accepts the workers' current offer: not yet agreed",
      given: countered,
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o1" },
      actor: zhao,
      then: [b.accepted("o1", "enterprise", NOW)],
    },
    {
      name: "both chiefs accepted the same offer → agreed in the same decision",
      given: [...countered, b.accepted("o2", "enterprise")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: wang,
      then: [b.accepted("o2", "worker", NOW), b.agreed("o2", "上调 5%", NOW)],
    },
    {
      name: "the same text in two offers counts as the same wording",
      given: [...countered, b.offer("o3", "worker", "上调 5%"), b.accepted("o2", "enterprise")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o3" },
      actor: wang,
      then: [b.accepted("o3", "worker", NOW), b.agreed("o3", "上调 5%", NOW)],
    },
    {
      name: "different texts accepted: no agreement",
      given: [...countered, b.accepted("o1", "enterprise")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: wang,
      then: [b.accepted("o2", "worker", NOW)],
    },
    {
      name: "a stale offer (its side countered since) → OFFER_NOT_CURRENT",
      given: [...countered, b.offer("o3", "worker", "上调 7%")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o1" },
      actor: zhao,
      then: { error: "OFFER_NOT_CURRENT" },
    },
    {
      name: "an acceptance before a new offer no longer counts",
      given: [...countered, b.accepted("o2", "enterprise"), b.offer("o3", "enterprise", "上调 5.5%")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o3" },
      actor: wang,
      then: [b.accepted("o3", "worker", NOW)],
    },
    {
      name: "a representative → NOT_CHIEF",
      given: countered,
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: wu,
      then: { error: "NOT_CHIEF" },
    },
    {
      name: "the organisers' chair → NOT_CHIEF",
      given: countered,
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: chair,
      then: { error: "NOT_CHIEF" },
    },
    {
      name: "an unknown offer → NOT_FOUND",
      given: countered,
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o9" },
      actor: zhao,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "an offer of another clause → NOT_FOUND",
      given: [...countered, b.clause("c2", "福利")],
      command: { type: "bargaining.accept", clauseId: "c2", offerId: "o1" },
      actor: zhao,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "an agreed clause → CLAUSE_AGREED",
      given: [...countered, b.accepted("o2", "worker"), b.accepted("o2", "enterprise"), b.agreed("o2", "上调 5%")],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: zhao,
      then: { error: "CLAUSE_AGREED" },
    },
    {
      name: "while suspended → SESSION_SUSPENDED",
      given: [...countered, b.suspended()],
      command: { type: "bargaining.accept", clauseId: "c1", offerId: "o2" },
      actor: wang,
      then: { error: "SESSION_SUSPENDED" },
    },
  ]);

  it("records the agreed wording on the clause", () => {
    const s = given(...countered, b.accepted("o2", "enterprise"), b.accepted("o2", "worker", 5), b.agreed("o2", "上调 5%", 5)).state;
    expect(s.bargaining.clauses[0]!.agreed).toEqual({ offerId: "o2", text: "上调 5%", at: 5 });
  });
});

describe("the alternating chair", () => {
  const agenda = [ev.agendaSet([agendaItem("a1"), agendaItem("a2")])];
  decisionTable([
    {
      name: "the presiding chief hands over",
      given: TABLE,
      command: { type: "bargaining.handOver" },
      actor: wang,
      then: [{ type: "bargaining.chairHandedOver", from: "worker", to: "enterprise", by: W, at: NOW }],
    },
    {
      name: "and is handed the chair back",
      given: [...TABLE, b.handedOver()],
      command: { type: "bargaining.handOver" },
      actor: zhao,
      then: [{ type: "bargaining.chairHandedOver", from: "enterprise", to: "worker", by: Z, at: NOW }],
    },
    {
      name: "the other chief cannot take it → NOT_PRESIDING",
      given: TABLE,
      command: { type: "bargaining.handOver" },
      actor: zhao,
      then: { error: "NOT_PRESIDING" },
    },
    { name: "the organisers' chair → NOT_PRESIDING", given: TABLE, command: { type: "bargaining.handOver" }, actor: chair, then: { error: "NOT_PRESIDING" } },
    {
      name: "no chief on the other side → NOT_FOUND",
      given: [ev.rosterSet(ROSTER.map((p) => (p.id === Z ? { ...p, chief: false } : p))), { type: "meeting.kindSet", kind: "bargaining" }],
      command: { type: "bargaining.handOver" },
      actor: wang,
      then: { error: "NOT_FOUND" },
    },
    // Chair commands of the other capabilities follow the chair.
    {
      name: "agenda.goto by the presiding chief",
      given: [...TABLE, ...agenda],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: wang,
      then: [ev.itemStarted("a2", NOW)],
    },
    {
      name: "agenda.goto by the other chief → FORBIDDEN",
      given: [...TABLE, ...agenda],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: zhao,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "agenda.goto by the organisers' chair → FORBIDDEN",
      given: [...TABLE, ...agenda],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "agenda.goto by the enterprise chief after the handover",
      given: [...TABLE, ...agenda, b.handedOver()],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: zhao,
      then: [ev.itemStarted("a2", NOW)],
    },
    {
      name: "agenda.goto by the worker chief after the handover → FORBIDDEN",
      given: [...TABLE, ...agenda, b.handedOver()],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: wang,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "venue.setMuted by the other chief → FORBIDDEN",
      given: TABLE,
      command: { type: "venue.setMuted", muted: true },
      actor: zhao,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "venue.setMuted by the enterprise chief after the handover",
      given: [...TABLE, b.handedOver()],
      command: { type: "venue.setMuted", muted: true },
      actor: zhao,
      then: [{ type: "venue.mutedSet", muted: true }],
    },
    {
      name: "the recorder keeps its own powers (marks attendance)",
      given: [...TABLE, b.handedOver()],
      command: { type: "attendance.arrive", participantIds: [W], via: "clerk" },
      actor: clerk,
      then: [{ type: "attendance.arrived", participantIds: [W], via: "clerk", at: NOW }],
    },
    {
      name: "a representative asks for the floor as a member",
      given: TABLE,
      command: { type: "queue.request" },
      actor: zhou,
      then: [ev.requested(zhou.participantId, NOW)],
    },
  ]);

  it("floor.give: refused to the other chief, allowed after the handover", () => {
    const queued = [...TABLE, ev.requested(wu.participantId)];
    expect(given(...queued).when({ type: "floor.give" }, zhao).error).toBe("FORBIDDEN");
    expect(given(...queued).when({ type: "floor.give" }, wang).error).toBeUndefined();
    expect(given(...queued, b.handedOver()).when({ type: "floor.give" }, zhao).error).toBeUndefined();
    expect(given(...queued, b.handedOver()).when({ type: "floor.give" }, wang).error).toBe("FORBIDDEN");
  });

  it("the presiding chief opens and closes the meeting; the organisers' chair cannot", () => {
    const scheduled = givenExactly(...TABLE);
    expect(scheduled.when({ type: "meeting.open" }, chair).error).toBe("FORBIDDEN");
    expect(scheduled.when({ type: "meeting.open" }, wang).error).toBeUndefined();
    expect(given(...TABLE, b.handedOver()).when({ type: "meeting.close" }, zhao).error).toBeUndefined();
  });

  it("presidingActor and presidingChief", () => {
    const s = given(...TABLE).state;
    expect(presidingChief(s)?.id).toBe(W);
    expect(presidingActor(s, wang)).toEqual({ participantId: W, role: "chair" });
    expect(presidingActor(s, zhao)).toEqual(zhao);
    expect(presidingActor(s, chair)).toEqual({ participantId: chair.participantId, role: "member" });
    expect(presidingActor(s, clerk)).toBe(clerk);
    const after = given(...TABLE, b.handedOver(), b.handedOver("enterprise"), b.handedOver()).state;
    expect(presidingChief(after)?.id).toBe(Z);
    expect(after.bargaining.handovers.map((h) => `${h.from}→${h.to} by ${h.by}`)).toEqual([
      `worker→enterprise by ${W}`,
      `enterprise→worker by ${Z}`,
      `worker→enterprise by ${W}`,
    ]);
  });

  it("the presiding chief is the one always heard (the media plane follows the chair)", () => {
    expect([...audibleParticipants(given(...TABLE).state)].sort()).toEqual([W, VENUE_ID].sort());
    expect([...audibleParticipants(given(...TABLE, b.handedOver()).state)].sort()).toEqual([Z, VENUE_ID].sort());
    expect(actingRole(given(...TABLE, b.handedOver()).state, { id: W, role: "member" })).toBe("member");
  });

  it("outside a bargaining meeting, and with no chief on the presiding side, roles are as the link says", () => {
    const consultation = given(ev.rosterSet(ROSTER)).state;
    expect(presidingChief(consultation)).toBeNull();
    expect(presidingActor(consultation, chair)).toBe(chair);
    expect(presidingActor(consultation, wang)).toBe(wang);
    const noChiefs = given(ev.rosterSet(ROSTER.map((p) => ({ ...p, chief: false }))), { type: "meeting.kindSet", kind: "bargaining" }).state;
    expect(presidingActor(noChiefs, chair)).toBe(chair);
  });
});

describe("caucuses (背靠背): the fact and the times only", () => {
  decisionTable([
    {
      name: "a chief takes their side aside",
      given: TABLE,
      command: { type: "bargaining.startCaucus" },
      actor: zhao,
      then: [b.caucusStarted("enterprise", NOW)],
    },
    {
      name: "both sides at once",
      given: [...TABLE, b.caucusStarted("enterprise")],
      command: { type: "bargaining.startCaucus" },
      actor: wang,
      then: [b.caucusStarted("worker", NOW)],
    },
    {
      name: "twice → CAUCUS_RUNNING",
      given: [...TABLE, b.caucusStarted("enterprise")],
      command: { type: "bargaining.startCaucus" },
      actor: zhao,
      then: { error: "CAUCUS_RUNNING" },
    },
    {
      name: "the chief ends it",
      given: [...TABLE, b.caucusStarted("enterprise")],
      command: { type: "bargaining.endCaucus" },
      actor: zhao,
      then: [b.caucusEnded("enterprise", NOW)],
    },
    {
      name: "not the other side's chief → NO_CAUCUS",
      given: [...TABLE, b.caucusStarted("enterprise")],
      command: { type: "bargaining.endCaucus" },
      actor: wang,
      then: { error: "NO_CAUCUS" },
    },
    { name: "a representative → NOT_CHIEF", given: TABLE, command: { type: "bargaining.startCaucus" }, actor: wu, then: { error: "NOT_CHIEF" } },
    { name: "the recorder → NOT_CHIEF", given: TABLE, command: { type: "bargaining.startCaucus" }, actor: clerk, then: { error: "NOT_CHIEF" } },
    {
      name: "while suspended: allowed",
      given: [...TABLE, b.suspended()],
      command: { type: "bargaining.startCaucus" },
      actor: wang,
      then: [b.caucusStarted("worker", NOW)],
    },
  ]);

  it("the state holds the side and the times, nothing said", () => {
    const s = given(...TABLE, b.caucusStarted("worker", 10), b.caucusEnded("worker", 20), b.caucusStarted("worker", 30)).state;
    expect(s.bargaining.caucuses).toEqual([
      { side: "worker", startedAt: 10, endedAt: 20 },
      { side: "worker", startedAt: 30, endedAt: null },
    ]);
  });
});

describe("suspension (中止) and resumption", () => {
  const suspend = { type: "bargaining.suspend", reason: " 企业需核算成本 ", openMatters: ["工资调整幅度", "福利"], resumeAt: NOW + 3_600_000 };
  decisionTable([
    {
      name: "the presiding chief suspends, with reason, open matters and the agreed time",
      given: countered,
      command: suspend,
      actor: wang,
      then: [{ type: "bargaining.suspended", reason: "企业需核算成本", openMatters: ["工资调整幅度", "福利"], resumeAt: NOW + 3_600_000, by: W, at: NOW }],
    },
    {
      name: "a resume time not in the future → VALIDATION",
      given: countered,
      command: { ...suspend, resumeAt: NOW },
      actor: wang,
      then: { error: "VALIDATION" },
    },
    { name: "the other chief → NOT_PRESIDING", given: countered, command: suspend, actor: zhao, then: { error: "NOT_PRESIDING" } },
    { name: "the recorder → NOT_PRESIDING", given: countered, command: suspend, actor: clerk, then: { error: "NOT_PRESIDING" } },
    { name: "twice → SESSION_SUSPENDED", given: [...countered, b.suspended()], command: suspend, actor: wang, then: { error: "SESSION_SUSPENDED" } },
    { name: "resume", given: [...countered, b.suspended()], command: { type: "bargaining.resume" }, actor: wang, then: [b.resumed(NOW)] },
    { name: "resume when running → NOT_SUSPENDED", given: countered, command: { type: "bargaining.resume" }, actor: wang, then: { error: "NOT_SUSPENDED" } },
    {
      name: "resume by the chief presiding now (handed over during the suspension)",
      given: [...countered, b.suspended(), b.handedOver()],
      command: { type: "bargaining.resume" },
      actor: zhao,
      then: [b.resumed(NOW, Z)],
    },
    {
      name: "resume by the other chief → NOT_PRESIDING",
      given: [...countered, b.suspended()],
      command: { type: "bargaining.resume" },
      actor: zhao,
      then: { error: "NOT_PRESIDING" },
    },
    {
      name: "after the meeting closed → MEETING_CLOSED",
      given: [...countered, b.suspended(), { type: "meeting.closed", at: 0 }],
      command: { type: "bargaining.resume" },
      actor: wang,
      then: { error: "MEETING_CLOSED" },
    },
  ]);

  it("keeps every suspension with its resumption", () => {
    const s = given(...countered, b.suspended(100), b.resumed(200), b.suspended(300)).state;
    expect(s.bargaining.suspension).toEqual({ reason: "企业需核算成本", openMatters: ["工资调整幅度"], resumeAt: 300 + 86_400_000, at: 300, by: W });
    expect(s.bargaining.suspensions.map((x) => [x.at, x.resumedAt])).toEqual([
      [100, 200],
      [300, null],
    ]);
  });
});

describe("resume across a restart", () => {
  it("replaying the log gives the live state, and the session goes on from it", () => {
    const table = givenExactly(...TABLE);
    const start = table.state;
    const steps: Step[] = [
      [{ type: "meeting.open" }, wang, 1_000],
      [{ type: "bargaining.addClause", title: "工资调整幅度" }, wang, 2_000],
      [{ type: "bargaining.offer", clauseId: "id-1", text: "上调 8%", reason: "物价上涨" }, wu, 3_000],
      [{ type: "bargaining.offer", clauseId: "id-1", text: "上调 5%" }, zhou, 4_000],
      [{ type: "bargaining.startCaucus" }, wang, 5_000],
      [{ type: "bargaining.endCaucus" }, wang, 6_000],
      [{ type: "bargaining.handOver" }, wang, 7_000],
      [{ type: "bargaining.suspend", reason: "核算成本", openMatters: ["工资调整幅度"], resumeAt: 100_000 }, zhao, 8_000],
    ];
    const live = play(start, steps, sequentialIds("id-"));
    const replayed = replay(live.log, start);
    expect(replayed).toEqual(live.state);
    // After the restart: the enterprise chief presides and resumes; the offer of 5% is agreed.
    const after = play(
      replayed,
      [
        [{ type: "bargaining.resume" }, zhao, 100_000],
        [{ type: "bargaining.accept", clauseId: "id-1", offerId: "id-3" }, zhao, 101_000],
        [{ type: "bargaining.accept", clauseId: "id-1", offerId: "id-3" }, wang, 102_000],
      ],
      sequentialIds("later-"),
    );
    expect(after.state.bargaining.clauses[0]!.agreed).toEqual({ offerId: "id-3", text: "上调 5%", at: 102_000 });
    expect(replay([...live.log, ...after.log], start)).toEqual(after.state);
    expect(replay([...table.log, ...live.log, ...after.log])).toEqual(after.state);
    expect(initialState().bargaining.chairSide).toBe("worker");
  });
});
