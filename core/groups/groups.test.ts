// 分组讨论: the decision tables of every groups command (who, in which phase, with which
// definition), the seats at opening, and the call back (none → defined → open → recalling →
// closed → defined again).
import { describe, expect, it } from "vitest";
import type { Command, MeetingEvent } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { initialState } from "../state.ts";
import { decisionTable, ev, given, givenExactly, NOW, play, rosterEntry, type DecisionCase, type Step } from "../../testing/core.ts";
import type { GroupDefinition, GroupingMethod, GroupProgress, GroupReport, GroupsEvent, GroupsState } from "./schema.ts";

// A plenary: two chairs (主持人 and a vice chair), six members, an official, the clerk, an observer.
const chair = { participantId: "p-chair", role: "chair" } as const satisfies Actor;
const vice = { participantId: "p-vice", role: "chair" } as const satisfies Actor;
const a = { participantId: "p-a", role: "member" } as const satisfies Actor;
const b = { participantId: "p-b", role: "member" } as const satisfies Actor;
const c = { participantId: "p-c", role: "member" } as const satisfies Actor;
const d = { participantId: "p-d", role: "member" } as const satisfies Actor;
const e = { participantId: "p-e", role: "member" } as const satisfies Actor;
const f = { participantId: "p-f", role: "member" } as const satisfies Actor;
const olga = { participantId: "p-olga", role: "official" } as const satisfies Actor;
const clerk = { participantId: "p-clerk", role: "clerk" } as const satisfies Actor;
const observer = { participantId: "p-observer", role: "observer" } as const satisfies Actor;
const CAST = [chair, vice, a, b, c, d, e, f, olga, clerk, observer];
const NAMES: Record<string, string> = { "p-chair": "周主席", "p-vice": "吴副主席", "p-a": "安然", "p-b": "白雪", "p-c": "陈晨", "p-d": "丁一" };
const ROSTER = CAST.map((p) => rosterEntry(p, { name: NAMES[p.participantId] ?? p.participantId }));
const PLENARY: MeetingEvent[] = [ev.rosterSet(ROSTER)];

const group = (groupId: string, name: string, members: readonly Actor[], fields: Partial<GroupDefinition> = {}): GroupDefinition => ({
  groupId,
  name,
  topic: null,
  place: null,
  convenerId: members[0]?.participantId ?? "nobody",
  clerkId: null,
  memberIds: members.map((m) => m.participantId),
  ...fields,
});
/** 经济界: a (convener), b, c; 教育界: d (convener), e (clerk), olga. f, the clerk and the observer stay in the plenary. */
const TWO = [group("g1", "经济界", [a, b, c]), group("g2", "教育界", [d, e, olga], { clerkId: e.participantId, place: "第二会议室" })];
/** By topic: a and b chose 养老, d (convener) and e (clerk) 教育; c, f and olga chose nothing. */
const TOPICS = [
  group("g1", "养老服务", [a, b], { topic: "社区养老服务" }),
  group("g2", "教育均衡", [d, e], { topic: "义务教育均衡", clerkId: e.participantId }),
];

const defineCommand = (groups: readonly GroupDefinition[], method: GroupingMethod): Command => ({ type: "groups.define", method, groups: [...groups] });
const define = (groups: readonly GroupDefinition[] = TWO, method = "hand") => ({ type: "groups.define", method, groups });
const g = {
  defined: (
    groups: readonly GroupDefinition[] = TWO,
    method: "sector" | "column" | "topic" | "hand" = "hand",
    by: string = chair.participantId,
  ): GroupsEvent => ({
    type: "groups.defined",
    method,
    groups: [...groups],
    by,
  }),
  chosen: (participantId: string, groupId: string): GroupsEvent => ({ type: "groups.chosen", participantId, groupId }),
  noticed: (text: string, by: string = chair.participantId, at = NOW): GroupsEvent => ({ type: "groups.noticed", text, at, by }),
  recalled: (seconds: number, by: string = chair.participantId, at = NOW): GroupsEvent => ({ type: "groups.recalled", at, endsAt: at + seconds * 1000, by }),
  closed: (by: string = chair.participantId, at = NOW): GroupsEvent => ({ type: "groups.closed", at, by }),
  progressed: (groupId: string, progress: GroupProgress): GroupsEvent => ({ type: "groups.progressed", groupId, progress }),
  reportReceived: (groupId: string, report: GroupReport): GroupsEvent => ({ type: "groups.reportReceived", groupId, report }),
};
/** What opening the two groups decides (seat ids new-1 …), as the chair opened them. */
const openedOf = (...before: MeetingEvent[]): MeetingEvent[] => given(...before).when({ type: "groups.open" }, chair).events;

const DEFINED: MeetingEvent[] = [...PLENARY, g.defined()];
const TOPIC_DEFINED: MeetingEvent[] = [...PLENARY, g.defined(TOPICS, "topic")];
const OPEN: MeetingEvent[] = [...DEFINED, ...openedOf(...DEFINED)];
const RECALLING: MeetingEvent[] = [...OPEN, g.recalled(300)];
const CLOSED: MeetingEvent[] = [...OPEN, g.closed()];
const MEETING_CLOSED: MeetingEvent[] = [ev.closed(1)];
const GROUP_OF: MeetingEvent = { type: "meeting.groupOfSet", groupOf: { plenaryId: "m-plenary", groupId: "g1", name: "经济界" } };

const PROGRESS: GroupProgress = {
  status: "open",
  speakerId: a.participantId,
  speakerName: "安然",
  speechStartedAt: 5_000,
  capMs: 300_000,
  pausedMs: 0,
  pausedAt: null,
  speeches: 2,
};
const REPORT: GroupReport = { summary: "建议加快养老服务设施建设", suggestions: [{ text: "增设社区食堂", by: "安然" }], version: 1, at: 9_000, byName: "安然" };

describe("groups.define: chair, clerk or the server; a definition everyone is in once", () => {
  decisionTable([
    { name: "the chair defines the groups", given: PLENARY, command: define(), actor: chair, then: [g.defined()] },
    { name: "the clerk defines them", given: PLENARY, command: define(), actor: clerk, then: [g.defined(TWO, "hand", clerk.participantId)] },
    {
      name: "the server (organisers, before the meeting) defines them",
      meeting: "scheduled",
      given: PLENARY,
      command: define(TWO, "sector"),
      actor: SYSTEM_ACTOR,
      then: [g.defined(TWO, "sector", "system")],
    },
    {
      name: "a vice chair defines them",
      given: PLENARY,
      command: define(TOPICS, "topic"),
      actor: vice,
      then: [g.defined(TOPICS, "topic", vice.participantId)],
    },
    { name: "not a member", given: PLENARY, command: define(), actor: a, then: { error: "FORBIDDEN" } },
    { name: "not an official", given: PLENARY, command: define(), actor: olga, then: { error: "FORBIDDEN" } },
    { name: "not an observer", given: PLENARY, command: define(), actor: observer, then: { error: "FORBIDDEN" } },
    { name: "not in a closed meeting", given: [...PLENARY, ...MEETING_CLOSED], command: define(), actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "a group meeting does not split again", given: [...PLENARY, GROUP_OF], command: define(), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "not while the groups are open", given: OPEN, command: define(), actor: chair, then: { error: "GROUPS_OPEN" } },
    { name: "not while they are called back", given: RECALLING, command: define(), actor: SYSTEM_ACTOR, then: { error: "GROUPS_OPEN" } },
    { name: "a definition not yet opened is replaced", given: DEFINED, command: define(TOPICS, "topic"), actor: chair, then: [g.defined(TOPICS, "topic")] },
    {
      name: "after the groups closed: a second round",
      given: CLOSED,
      command: define(TOPICS, "topic"),
      actor: clerk,
      then: [g.defined(TOPICS, "topic", clerk.participantId)],
    },
    {
      name: "someone in two groups",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, b]), group("g2", "教育界", [d, b])]),
      actor: chair,
      then: { error: "GROUP_MEMBER_TWICE" },
    },
    {
      name: "someone twice in one group",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, b, b])]),
      actor: chair,
      then: { error: "GROUP_MEMBER_TWICE" },
    },
    {
      name: "the plenary's chair is in no group (they look into every group)",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, chair])]),
      actor: chair,
      then: { error: "GROUP_MEMBER_INVALID" },
    },
    {
      name: "nor a vice chair, not even as convener",
      given: PLENARY,
      command: define([group("g1", "经济界", [vice, a])]),
      actor: chair,
      then: { error: "GROUP_MEMBER_INVALID" },
    },
    {
      name: "the convener is among the group's members",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, b], { convenerId: c.participantId })]),
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "not the convener of another group",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, b]), group("g2", "教育界", [d, e], { convenerId: a.participantId })]),
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "the clerk named is among the group's members",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, b], { clerkId: clerk.participantId })]),
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "a group with nobody has no convener",
      given: PLENARY,
      command: define([group("g1", "经济界", [], { convenerId: a.participantId })]),
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "names are unique",
      given: PLENARY,
      command: define([group("g1", "经济界", [a]), group("g2", "经济界", [d])]),
      actor: chair,
      then: { error: "GROUP_NAME_TWICE" },
    },
    {
      name: "everyone is on the roster",
      given: PLENARY,
      command: define([group("g1", "经济界", [a, { participantId: "p-ghost", role: "member" }])]),
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "group ids are unique",
      given: PLENARY,
      command: define([group("g1", "经济界", [a]), group("g1", "教育界", [d])]),
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "at least one group", given: PLENARY, command: define([]), actor: chair, then: { error: "VALIDATION" } },
    {
      name: "at most 50 groups",
      given: PLENARY,
      command: define(Array.from({ length: 51 }, (_, i) => group(`g${i}`, `第${i}组`, []))),
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "a name", given: PLENARY, command: define([group("g1", "  ", [a])]), actor: chair, then: { error: "VALIDATION" } },
    { name: "a known method", given: PLENARY, command: define(TWO, "lottery"), actor: chair, then: { error: "VALIDATION" } },
  ] satisfies DecisionCase[]);

  it("keeps the definition, its method and nothing from an earlier round", () => {
    const state = given(...CLOSED, g.noticed("请注意时间"), g.defined(TOPICS, "topic")).state;
    expect(state.groups).toEqual({
      phase: "defined",
      method: "topic",
      groups: TOPICS.map((x) => ({ ...x, meetingId: null, seats: [], progress: null, report: null })),
      openedAt: null,
      recallEndsAt: null,
      closedAt: null,
      notices: [],
    } satisfies GroupsState);
  });
});

describe("groups.choose: members and officials pick a topic's group (自选议题)", () => {
  decisionTable([
    { name: "a member who chose nothing joins a topic", given: TOPIC_DEFINED, command: choose("g1"), actor: c, then: [g.chosen(c.participantId, "g1")] },
    { name: "an official joins one", given: TOPIC_DEFINED, command: choose("g2"), actor: olga, then: [g.chosen(olga.participantId, "g2")] },
    { name: "a member moves to another topic", given: TOPIC_DEFINED, command: choose("g2"), actor: b, then: [g.chosen(b.participantId, "g2")] },
    { name: "choosing one's own group again decides nothing", given: TOPIC_DEFINED, command: choose("g1"), actor: b, then: [] },
    { name: "the convener stays with the group", given: TOPIC_DEFINED, command: choose("g2"), actor: a, then: { error: "GROUP_MEMBER_INVALID" } },
    { name: "the group's clerk stays too", given: TOPIC_DEFINED, command: choose("g1"), actor: e, then: { error: "GROUP_MEMBER_INVALID" } },
    { name: "a convener 'choosing' their own group decides nothing", given: TOPIC_DEFINED, command: choose("g2"), actor: d, then: [] },
    { name: "not the chair", given: TOPIC_DEFINED, command: choose("g1"), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "not the plenary's clerk", given: TOPIC_DEFINED, command: choose("g1"), actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "not an observer", given: TOPIC_DEFINED, command: choose("g1"), actor: observer, then: { error: "FORBIDDEN" } },
    { name: "not the server", given: TOPIC_DEFINED, command: choose("g1"), actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "only when the groups are by topic", given: DEFINED, command: choose("g1"), actor: f, then: { error: "GROUP_NOT_SELF_SELECTED" } },
    { name: "a group of this round", given: TOPIC_DEFINED, command: choose("g9"), actor: c, then: { error: "NOT_FOUND" } },
    { name: "no groups yet", given: PLENARY, command: choose("g1"), actor: c, then: { error: "GROUPS_NOT_DEFINED" } },
    { name: "not once they are open", given: OPEN, command: choose("g1"), actor: f, then: { error: "GROUPS_OPEN" } },
    { name: "nor while called back", given: RECALLING, command: choose("g1"), actor: f, then: { error: "GROUPS_OPEN" } },
    { name: "nor after they closed", given: CLOSED, command: choose("g1"), actor: f, then: { error: "GROUPS_NOT_DEFINED" } },
    { name: "a group id", given: TOPIC_DEFINED, command: choose(""), actor: c, then: { error: "VALIDATION" } },
  ] satisfies DecisionCase[]);

  it("moves the member: out of the old group, last in the new one", () => {
    const state = given(...TOPIC_DEFINED, g.chosen(b.participantId, "g2")).state;
    expect(state.groups.groups.map((x) => x.memberIds)).toEqual([["p-a"], ["p-d", "p-e", "p-b"]]);
  });
});

function choose(groupId: string) {
  return { type: "groups.choose", groupId };
}

describe("groups.open: the chair (or the server) opens the groups of a running meeting", () => {
  decisionTable([
    { name: "a member cannot", given: DEFINED, command: { type: "groups.open" }, actor: a, then: { error: "FORBIDDEN" } },
    { name: "nor the clerk", given: DEFINED, command: { type: "groups.open" }, actor: clerk, then: { error: "FORBIDDEN" } },
    {
      name: "not before the meeting",
      meeting: "scheduled",
      given: DEFINED,
      command: { type: "groups.open" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    { name: "not after it", given: [...DEFINED, ...MEETING_CLOSED], command: { type: "groups.open" }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "groups defined first", given: PLENARY, command: { type: "groups.open" }, actor: chair, then: { error: "GROUPS_NOT_DEFINED" } },
    { name: "not twice", given: OPEN, command: { type: "groups.open" }, actor: chair, then: { error: "GROUPS_OPEN" } },
    { name: "not while called back", given: RECALLING, command: { type: "groups.open" }, actor: SYSTEM_ACTOR, then: { error: "GROUPS_OPEN" } },
    { name: "a closed round is defined again first", given: CLOSED, command: { type: "groups.open" }, actor: chair, then: { error: "GROUPS_NOT_DEFINED" } },
    {
      name: "the convener left the roster since the definition",
      given: [...DEFINED, ev.rosterSet(ROSTER.filter((p) => p.id !== d.participantId))],
      command: { type: "groups.open" },
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "the convener became a chair since the definition",
      given: [...DEFINED, ev.rosterSet(ROSTER.map((p) => (p.id === a.participantId ? { ...p, role: "chair" as const } : p)))],
      command: { type: "groups.open" },
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
    {
      name: "the group's clerk left the roster",
      given: [...DEFINED, ev.rosterSet(ROSTER.filter((p) => p.id !== e.participantId))],
      command: { type: "groups.open" },
      actor: chair,
      then: { error: "GROUP_CONVENER_MISSING" },
    },
  ] satisfies DecisionCase[]);

  it("gives each group a meeting and seats: convener → chair, clerk → clerk, the others their role, the plenary's chairs → observers", () => {
    expect(given(...DEFINED).when({ type: "groups.open" }, chair, 7_000).events).toEqual([
      {
        type: "groups.opened",
        at: 7_000,
        groups: [
          {
            groupId: "g1",
            meetingId: "new-1",
            memberIds: ["p-a", "p-b", "p-c"],
            seats: [
              { participantId: "p-a", seatId: "new-2", role: "chair" },
              { participantId: "p-b", seatId: "new-3", role: "member" },
              { participantId: "p-c", seatId: "new-4", role: "member" },
              { participantId: "p-chair", seatId: "new-5", role: "observer" },
              { participantId: "p-vice", seatId: "new-6", role: "observer" },
            ],
          },
          {
            groupId: "g2",
            meetingId: "new-7",
            memberIds: ["p-d", "p-e", "p-olga"],
            seats: [
              { participantId: "p-d", seatId: "new-8", role: "chair" },
              { participantId: "p-e", seatId: "new-9", role: "clerk" },
              { participantId: "p-olga", seatId: "new-10", role: "official" },
              { participantId: "p-chair", seatId: "new-11", role: "observer" },
              { participantId: "p-vice", seatId: "new-12", role: "observer" },
            ],
          },
        ],
      },
    ]);
  });

  it("the server opens them too", () => {
    expect(
      given(...DEFINED)
        .when({ type: "groups.open" }, SYSTEM_ACTOR)
        .events.map((x) => x.type),
    ).toEqual(["groups.opened"]);
  });

  it("seats members in roster order, whatever the definition's order, and a plenary clerk in a group keeps the role clerk", () => {
    const defs = [group("g1", "综合组", [c, clerk, a], { convenerId: c.participantId })];
    const [opened] = given(...PLENARY, g.defined(defs)).when({ type: "groups.open" }, chair).events;
    const seats = opened?.type === "groups.opened" ? opened.groups[0]!.seats.map((s) => [s.participantId, s.role]) : [];
    expect(seats).toEqual([
      ["p-a", "member"],
      ["p-c", "chair"],
      ["p-clerk", "clerk"],
      ["p-chair", "observer"],
      ["p-vice", "observer"],
    ]);
  });

  it("records the opening: phase open, each group's meeting and seats, members as seated", () => {
    const state = given(...OPEN).state;
    expect(state.groups.phase).toBe("open");
    expect(state.groups.openedAt).toBe(NOW);
    expect(state.groups.groups.map((x) => [x.meetingId, x.memberIds, x.seats.length])).toEqual([
      ["new-1", ["p-a", "p-b", "p-c"], 5],
      ["new-7", ["p-d", "p-e", "p-olga"], 5],
    ]);
  });

  it("a topic round: who chose nothing (members and officials only) joins the smallest group, one after another", () => {
    // g1 has a and b, g2 has d and e; c, f and olga chose nothing: c → g1 (equal: the first), f → g2, olga → g1.
    const state = given(...TOPIC_DEFINED, ...openedOf(...TOPIC_DEFINED)).state;
    expect(state.groups.groups.map((x) => x.memberIds)).toEqual([
      ["p-a", "p-b", "p-c", "p-olga"],
      ["p-d", "p-e", "p-f"],
    ]);
    // The plenary's clerk and the observer stay in the plenary.
    expect(state.groups.groups.flatMap((x) => x.seats.map((s) => s.participantId))).not.toContain(clerk.participantId);
    expect(state.groups.groups.flatMap((x) => x.seats.map((s) => s.participantId))).not.toContain(observer.participantId);
  });

  it("a member who left the roster, or became a chair, since the definition sits in no group (a chair only as observer)", () => {
    const roster = ROSTER.filter((p) => p.id !== b.participantId).map((p) => (p.id === c.participantId ? { ...p, role: "chair" as const } : p));
    const before = [...DEFINED, ev.rosterSet(roster)];
    const state = given(...before, ...openedOf(...before)).state;
    const g1 = state.groups.groups[0]!;
    expect(g1.memberIds).toEqual(["p-a"]);
    expect(g1.seats.map((s) => [s.participantId, s.role])).toEqual([
      ["p-a", "chair"],
      ["p-chair", "observer"],
      ["p-vice", "observer"],
      ["p-c", "observer"],
    ]);
  });
});

describe("notice, recall and close: the chair runs the call back", () => {
  const NOTICE = { type: "groups.notice", text: "请各组 15:30 前结束讨论" };
  const recall = (seconds: number) => ({ type: "groups.recall", seconds });
  const CLOSE = { type: "groups.close" };
  decisionTable([
    { name: "the chair sends a notice to every group", given: OPEN, command: NOTICE, actor: chair, then: [g.noticed(NOTICE.text)] },
    { name: "the clerk too", given: OPEN, command: NOTICE, actor: clerk, then: [g.noticed(NOTICE.text, clerk.participantId)] },
    { name: "also while called back", given: RECALLING, command: NOTICE, actor: chair, then: [g.noticed(NOTICE.text)] },
    { name: "not a member", given: OPEN, command: NOTICE, actor: a, then: { error: "FORBIDDEN" } },
    { name: "not the server", given: OPEN, command: NOTICE, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "no notice before the groups open", given: DEFINED, command: NOTICE, actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "nor after they closed", given: CLOSED, command: NOTICE, actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "nor with no groups", given: PLENARY, command: NOTICE, actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "a notice has a text", given: OPEN, command: { ...NOTICE, text: " " }, actor: chair, then: { error: "VALIDATION" } },
    { name: "of at most 200 characters", given: OPEN, command: { ...NOTICE, text: "字".repeat(201) }, actor: chair, then: { error: "VALIDATION" } },
    { name: "the chair calls everyone back in 5 minutes", given: OPEN, command: recall(300), actor: chair, then: [g.recalled(300)] },
    { name: "calling back again shortens the countdown", given: RECALLING, command: recall(60), actor: chair, then: [g.recalled(60)] },
    { name: "or extends it", given: RECALLING, command: recall(1800), actor: chair, then: [g.recalled(1800)] },
    { name: "0 seconds: the groups close at once", given: OPEN, command: recall(0), actor: chair, then: [g.closed()] },
    { name: "also during a countdown", given: RECALLING, command: recall(0), actor: chair, then: [g.closed()] },
    { name: "only the chair calls back", given: OPEN, command: recall(300), actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "not the server (its clock closes)", given: OPEN, command: recall(300), actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "nothing to call back before the opening", given: DEFINED, command: recall(300), actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "nor after the close", given: CLOSED, command: recall(0), actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "at most 30 minutes", given: OPEN, command: recall(1801), actor: chair, then: { error: "VALIDATION" } },
    { name: "whole seconds", given: OPEN, command: recall(1.5), actor: chair, then: { error: "VALIDATION" } },
    { name: "the chair closes the groups now", given: OPEN, command: CLOSE, actor: chair, then: [g.closed()] },
    { name: "the server closes them when the countdown ends", given: RECALLING, command: CLOSE, actor: SYSTEM_ACTOR, then: [g.closed("system")] },
    { name: "not the clerk", given: OPEN, command: CLOSE, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "not a convener in the plenary", given: OPEN, command: CLOSE, actor: a, then: { error: "FORBIDDEN" } },
    { name: "not before the opening", given: DEFINED, command: CLOSE, actor: chair, then: { error: "GROUPS_NOT_OPEN" } },
    { name: "not twice", given: CLOSED, command: CLOSE, actor: SYSTEM_ACTOR, then: { error: "GROUPS_NOT_OPEN" } },
  ] satisfies DecisionCase[]);
});

describe("groups.callReports: the conveners queue to report (小组汇报), in the groups' order", () => {
  const CALL = { type: "groups.callReports" };
  const report = (participantId: string) => ev.requested(participantId, NOW, { kind: "booked", by: chair.participantId });
  decisionTable([
    {
      name: "each convener, in group order, as a booked speech put in by the chair",
      given: CLOSED,
      command: CALL,
      actor: chair,
      then: [report("p-a"), report("p-d")],
    },
    { name: "a convener already waiting keeps their place", given: [...CLOSED, ev.requested("p-a")], command: CALL, actor: chair, then: [report("p-d")] },
    {
      name: "a convener speaking is not queued again",
      given: [...CLOSED, ev.requested("p-d"), ev.started("p-d")],
      command: CALL,
      actor: chair,
      then: [report("p-a")],
    },
    { name: "called twice: nothing more", given: [...CLOSED, report("p-a"), report("p-d")], command: CALL, actor: chair, then: [] },
    {
      name: "a convener no longer on the roster is not called",
      given: [...CLOSED, ev.rosterSet(ROSTER.filter((p) => p.id !== a.participantId))],
      command: CALL,
      actor: chair,
      then: [report("p-d")],
    },
    { name: "only the chair", given: CLOSED, command: CALL, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "not the server", given: CLOSED, command: CALL, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "not while the groups are open", given: OPEN, command: CALL, actor: chair, then: { error: "GROUPS_OPEN" } },
    { name: "nor while called back", given: RECALLING, command: CALL, actor: chair, then: { error: "GROUPS_OPEN" } },
    { name: "not before they opened", given: DEFINED, command: CALL, actor: chair, then: { error: "GROUPS_NOT_DEFINED" } },
    { name: "not with no groups", given: PLENARY, command: CALL, actor: chair, then: { error: "GROUPS_NOT_DEFINED" } },
    { name: "not in a closed meeting", given: [...CLOSED, ...MEETING_CLOSED], command: CALL, actor: chair, then: { error: "MEETING_CLOSED" } },
  ] satisfies DecisionCase[]);

  it("the reports wait behind the queue, booked, with no booking", () => {
    const state = given(...CLOSED, ev.requested("p-f")).when(CALL, chair, 2_000).after;
    expect(state.queue).toEqual([
      { participantId: "p-f", requestedAt: 0, kind: "impromptu", guestName: null, bookingId: null },
      { participantId: "p-a", requestedAt: 2_000, kind: "booked", guestName: null, bookingId: null },
      { participantId: "p-d", requestedAt: 2_000, kind: "booked", guestName: null, bookingId: null },
    ]);
  });
});

describe("groups.progress and groups.reportReceive: the server relays each group's floor and report", () => {
  // The meetings the opening gave the groups (openedOf: g1 new-1, g2 new-7).
  const MEETINGS: Record<string, string> = { g1: "new-1", g2: "new-7", g9: "new-1" };
  const progress = (groupId: string, meetingId = MEETINGS[groupId]!) => ({ type: "groups.progress", groupId, meetingId, progress: PROGRESS });
  const receive = (groupId: string, meetingId = MEETINGS[groupId]!) => ({ type: "groups.reportReceive", groupId, meetingId, report: REPORT });
  decisionTable([
    { name: "a group's current speaker", given: OPEN, command: progress("g2"), actor: SYSTEM_ACTOR, then: [g.progressed("g2", PROGRESS)] },
    { name: "a group's report", given: OPEN, command: receive("g1"), actor: SYSTEM_ACTOR, then: [g.reportReceived("g1", REPORT)] },
    { name: "a report saved after the close", given: CLOSED, command: receive("g2"), actor: SYSTEM_ACTOR, then: [g.reportReceived("g2", REPORT)] },
    { name: "the last progress of a group closing", given: RECALLING, command: progress("g1"), actor: SYSTEM_ACTOR, then: [g.progressed("g1", PROGRESS)] },
    { name: "the server only: not the chair", given: OPEN, command: progress("g1"), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "nor a convener", given: OPEN, command: receive("g1"), actor: a, then: { error: "FORBIDDEN" } },
    { name: "an unknown group", given: OPEN, command: progress("g9"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    { name: "an unknown group's report", given: OPEN, command: receive("g9"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    { name: "a group not opened has no meeting to relay", given: DEFINED, command: progress("g1"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    { name: "no groups at all", given: PLENARY, command: receive("g1"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    {
      name: "a late relay from another meeting (an earlier round's group)",
      given: OPEN,
      command: progress("g1", "m-old"),
      actor: SYSTEM_ACTOR,
      then: { error: "NOT_FOUND" },
    },
    { name: "a report from the other group's meeting", given: OPEN, command: receive("g1", "new-7"), actor: SYSTEM_ACTOR, then: { error: "NOT_FOUND" } },
    {
      name: "a progress with its fields",
      given: OPEN,
      command: { type: "groups.progress", groupId: "g1", meetingId: "new-1", progress: { status: "open" } },
      actor: SYSTEM_ACTOR,
      then: { error: "VALIDATION" },
    },
  ] satisfies DecisionCase[]);

  it("keeps the latest of each group", () => {
    const later = { ...PROGRESS, speakerId: null, speakerName: "王师傅", speeches: 3 };
    const state = given(...OPEN, g.progressed("g1", PROGRESS), g.progressed("g1", later), g.reportReceived("g2", REPORT)).state;
    expect(state.groups.groups.map((x) => [x.progress, x.report])).toEqual([
      [later, null],
      [null, REPORT],
    ]);
  });
});

describe("groups.report: in a group meeting its convener or clerk saves the report (小组汇报要点)", () => {
  // The group meeting of 经济界: its roster is the seats (a the convener as chair, b, c; the group's clerk).
  const convener = { participantId: "s-a", role: "chair" } as const satisfies Actor;
  const groupClerk = { participantId: "s-b", role: "clerk" } as const satisfies Actor;
  const member = { participantId: "s-c", role: "member" } as const satisfies Actor;
  const lookingIn = { participantId: "s-chair", role: "observer" } as const satisfies Actor;
  const GROUP_ROSTER = [
    rosterEntry(convener, { name: "安然" }),
    rosterEntry(groupClerk, { name: "白雪" }),
    rosterEntry(member, { name: "陈晨" }),
    rosterEntry(lookingIn, { name: "周主席" }),
  ];
  const GROUP: MeetingEvent[] = [ev.rosterSet(GROUP_ROSTER), GROUP_OF, { type: "meeting.kindSet", kind: "group" }];
  const input = { summary: "建议加快养老服务设施建设", suggestions: [{ text: "增设社区食堂", by: "安然" }] };
  const REPORT_CMD = { type: "groups.report", report: input };
  const reported = (version: number, byName: string, at = NOW): MeetingEvent => ({ type: "groups.reported", report: { ...input, version, at, byName } });
  decisionTable([
    { name: "the convener saves the first version", given: GROUP, command: REPORT_CMD, actor: convener, then: [reported(1, "安然")] },
    { name: "the group's clerk saves it", given: GROUP, command: REPORT_CMD, actor: groupClerk, then: [reported(1, "白雪")] },
    {
      name: "each save is the next version",
      given: [...GROUP, reported(1, "白雪"), reported(2, "安然")],
      command: REPORT_CMD,
      actor: groupClerk,
      then: [reported(3, "白雪")],
    },
    {
      name: "also after the group meeting closed",
      given: [...GROUP, reported(1, "白雪"), ...MEETING_CLOSED],
      command: REPORT_CMD,
      actor: convener,
      then: [reported(2, "安然")],
    },
    { name: "also before it opened", meeting: "scheduled", given: GROUP, command: REPORT_CMD, actor: groupClerk, then: [reported(1, "白雪")] },
    { name: "not a member of the group", given: GROUP, command: REPORT_CMD, actor: member, then: { error: "FORBIDDEN" } },
    { name: "not the plenary's chair looking in", given: GROUP, command: REPORT_CMD, actor: lookingIn, then: { error: "FORBIDDEN" } },
    { name: "not the server", given: GROUP, command: REPORT_CMD, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "only in a group meeting", given: PLENARY, command: REPORT_CMD, actor: chair, then: { error: "NOT_A_GROUP" } },
    { name: "only in a group meeting, whoever asks", given: CLOSED, command: REPORT_CMD, actor: a, then: { error: "NOT_A_GROUP" } },
    {
      name: "a suggestion has a text",
      given: GROUP,
      command: { type: "groups.report", report: { summary: "", suggestions: [{ text: " ", by: null }] } },
      actor: convener,
      then: { error: "VALIDATION" },
    },
    {
      name: "a summary of at most 4000 characters",
      given: GROUP,
      command: { type: "groups.report", report: { summary: "字".repeat(4001), suggestions: [] } },
      actor: convener,
      then: { error: "VALIDATION" },
    },
  ] satisfies DecisionCase[]);

  it("keeps the last version as the group's report", () => {
    const state = given(...GROUP, reported(1, "白雪", 5), reported(2, "安然", 6)).state;
    expect(state.groupReport).toEqual({ ...input, version: 2, at: 6, byName: "安然" });
    expect(state.groupOf).toEqual({ plenaryId: "m-plenary", groupId: "g1", name: "经济界" });
  });

  it.each([
    ["meeting.open", [] as MeetingEvent[], [ev.opened(NOW)]],
    ["meeting.close", [ev.opened(0)], [ev.closed(NOW)]],
  ] as const)("the server may %s a group meeting, not a plenary", (type, before, events) => {
    expect(givenExactly(...GROUP, ...before).when({ type }, SYSTEM_ACTOR).events).toEqual(events);
    expect(givenExactly(...PLENARY, ...before).when({ type }, SYSTEM_ACTOR).error).toBe("FORBIDDEN");
  });
});

describe("the call back, step by step: none → defined → open → recalling → closed → defined again", () => {
  const at = (t: number) => 100_000 + t * 1_000;
  const steps: [label: string, ...Step][] = [
    ["the chair defines two groups", defineCommand(TWO, "hand"), chair, at(0)],
    ["the chair opens them", { type: "groups.open" }, chair, at(1)],
    ["a notice to every group", { type: "groups.notice", text: "还有十分钟" }, clerk, at(2)],
    ["called back in 5 minutes", { type: "groups.recall", seconds: 300 }, chair, at(3)],
    ["called back in 1 minute instead", { type: "groups.recall", seconds: 60 }, chair, at(4)],
    ["the countdown ends: the server closes them", { type: "groups.close" }, SYSTEM_ACTOR, at(64)],
    ["the conveners are called to report", { type: "groups.callReports" }, chair, at(65)],
    ["a second round is defined", defineCommand(TOPICS, "topic"), chair, at(66)],
    ["it opens", { type: "groups.open" }, SYSTEM_ACTOR, at(67)],
    ["everyone back now", { type: "groups.recall", seconds: 0 }, chair, at(68)],
  ];
  const expected: Pick<GroupsState, "phase" | "method" | "openedAt" | "recallEndsAt" | "closedAt">[] = [
    { phase: "defined", method: "hand", openedAt: null, recallEndsAt: null, closedAt: null },
    { phase: "open", method: "hand", openedAt: at(1), recallEndsAt: null, closedAt: null },
    { phase: "open", method: "hand", openedAt: at(1), recallEndsAt: null, closedAt: null },
    { phase: "recalling", method: "hand", openedAt: at(1), recallEndsAt: at(3) + 300_000, closedAt: null },
    { phase: "recalling", method: "hand", openedAt: at(1), recallEndsAt: at(4) + 60_000, closedAt: null },
    { phase: "closed", method: "hand", openedAt: at(1), recallEndsAt: null, closedAt: at(64) },
    { phase: "closed", method: "hand", openedAt: at(1), recallEndsAt: null, closedAt: at(64) },
    { phase: "defined", method: "topic", openedAt: null, recallEndsAt: null, closedAt: null },
    { phase: "open", method: "topic", openedAt: at(67), recallEndsAt: null, closedAt: null },
    { phase: "closed", method: "topic", openedAt: at(67), recallEndsAt: null, closedAt: at(68) },
  ];
  const start = givenExactly(...PLENARY, ev.opened(0)).state;

  it("a meeting starts with no groups", () => {
    expect(initialState().groups).toEqual({ phase: "none", method: null, groups: [], openedAt: null, recallEndsAt: null, closedAt: null, notices: [] });
  });

  it.each(steps.map(([label], i) => [label, i] as const))("%s", (_label, i) => {
    const { state } = play(
      start,
      steps.slice(0, i + 1).map(([, command, actor, now]) => [command, actor, now]),
    );
    const { phase, method, openedAt, recallEndsAt, closedAt } = state.groups;
    expect({ phase, method, openedAt, recallEndsAt, closedAt }).toEqual(expected[i]);
    expect(state.groups.notices).toEqual(i >= 2 && i < 7 ? [{ text: "还有十分钟", at: at(2), by: clerk.participantId }] : []);
    if (i >= 6) expect(state.queue.filter((q) => q.kind === "booked").map((q) => q.participantId)).toEqual(["p-a", "p-d"]);
  });
});
