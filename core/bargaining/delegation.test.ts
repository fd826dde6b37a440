import { describe, expect, it } from "vitest";
import type { RosterEntry } from "../config/schema.ts";
import type { MeetingEvent } from "../meeting.ts";
import type { Actor } from "../roles.ts";
import { ev, givenExactly, rosterEntry } from "../../testing/core.ts";
import { delegationProblems, DELEGATION_PROBLEM_CODES, type DelegationProblemCode } from "./delegation.ts";
import type { Side } from "./schema.ts";
const rep = (id: string, side: Side, chief = false, role: RosterEntry["role"] = "member"): RosterEntry =>
  rosterEntry({ participantId: id, role }, { name: id, side, chief });
const clerk = rosterEntry({ participantId: "recorder", role: "clerk" }, { name: "记录员" });
const observer = rosterEntry({ participantId: "district-union", role: "observer" }, { name: "区总工会" });
/** n representatives of a side, the first its chief (role chair for the worker side: the union chair). */
const delegation = (side: Side, n: number): RosterEntry[] =>
  Array.from({ length: n }, (_, i) => rep(`${side}-${i + 1}`, side, i === 0, i === 0 && side === "worker" ? "chair" : "member"));
/** 4 + 4, one chief each, the recorder and an observer (西夏区 2024). */
const LAWFUL: RosterEntry[] = [...delegation("worker", 4), ...delegation("enterprise", 4), clerk, observer];

const codes = (roster: RosterEntry[]): DelegationProblemCode[] => delegationProblems(roster).map((p) => p.code);
const withChange = (id: string, fields: Partial<RosterEntry>): RosterEntry[] => LAWFUL.map((e) => (e.id === id ? { ...e, ...fields } : e));

describe("delegationProblems", () => {
  it.each<{ name: string; roster: RosterEntry[]; then: DelegationProblemCode[] }>([
    { name: "4 + 4, one chief each, a neutral recorder and an observer", roster: LAWFUL, then: [] },
    { name: "3 + 3 is the smallest lawful delegation", roster: [...delegation("worker", 3), ...delegation("enterprise", 3), clerk], then: [] },
    {
      name: "2 + 2: both sides too small",
      roster: [...delegation("worker", 2), ...delegation("enterprise", 2), clerk],
      then: ["DELEGATION_TOO_SMALL", "DELEGATION_TOO_SMALL"],
    },
    { name: "4 + 3: unequal", roster: LAWFUL.filter((e) => e.id !== "enterprise-4"), then: ["DELEGATION_UNEQUAL"] },
    {
      name: "4 + 2: the enterprise side too small and unequal",
      roster: LAWFUL.filter((e) => e.id !== "enterprise-4" && e.id !== "enterprise-3"),
      then: ["DELEGATION_TOO_SMALL", "DELEGATION_UNEQUAL"],
    },
    {
      name: "no enterprise side at all",
      roster: [...delegation("worker", 3), clerk],
      then: ["DELEGATION_TOO_SMALL", "CHIEF_MISSING", "DELEGATION_UNEQUAL"],
    },
    { name: "the worker side without a chief", roster: withChange("worker-1", { chief: false }), then: ["CHIEF_MISSING"] },
    { name: "two chiefs on the enterprise side", roster: withChange("enterprise-2", { chief: true }), then: ["CHIEF_TWICE"] },
    {
      name: "a chief without a side",
      roster: [...LAWFUL, rosterEntry({ participantId: "x", role: "official" }, { chief: true })],
      then: ["CHIEF_WITHOUT_SIDE"],
    },
    { name: "no recorder", roster: LAWFUL.filter((e) => e.role !== "clerk"), then: ["RECORDER_MISSING"] },
    { name: "the recorder on the worker side", roster: withChange("recorder", { side: "worker" }), then: ["RECORDER_ON_A_SIDE"] },
    { name: "an observer on the enterprise side", roster: withChange("district-union", { side: "enterprise" }), then: ["OBSERVER_ON_A_SIDE"] },
    { name: "a member without a side", roster: withChange("enterprise-4", { side: null }), then: ["DELEGATION_UNEQUAL", "MEMBER_WITHOUT_SIDE"] },
    {
      name: "an official with a side counts as a representative (4 + 4 with the enterprise's HR expert)",
      roster: [...LAWFUL.filter((e) => e.id !== "enterprise-4"), rep("hr", "enterprise", false, "official")],
      then: [],
    },
    {
      name: "a chair without a side (the organiser) is no representative",
      roster: [...LAWFUL, rosterEntry({ participantId: "host", role: "chair" })],
      then: [],
    },
  ])("$name → $then", ({ roster, then }) => {
    expect(codes(roster)).toEqual(then);
  });

  it("names the people and the numbers in both languages", () => {
    const [twice] = delegationProblems(withChange("enterprise-2", { chief: true }));
    expect(twice).toEqual({
      code: "CHIEF_TWICE",
      side: "enterprise",
      participantIds: ["enterprise-1", "enterprise-2"],
      message: {
        zh: "企业方有 2 名首席代表（enterprise-1、enterprise-2）：每方只能有一名",
        en: "The enterprise side has 2 chief representatives (enterprise-1, enterprise-2): each side has exactly one",
      },
    });
    const [unequal] = delegationProblems(LAWFUL.filter((e) => e.id !== "enterprise-4"));
    expect(unequal!.message).toEqual({
      zh: "职工方 4 人，企业方 3 人：双方协商代表人数应当对等",
      en: "The worker side has 4 representative(s), the enterprise side 3: both sides send the same number",
    });
  });

  it("every code is listed once", () => {
    expect(new Set(DELEGATION_PROBLEM_CODES).size).toBe(DELEGATION_PROBLEM_CODES.length);
  });
});

describe("meeting.open of a bargaining meeting", () => {
  /** The worker side's chief presides first: role chair, so the check is what refuses. */
  const workerChief: Actor = { participantId: "worker-1", role: "chair" };
  const bargaining = (roster: RosterEntry[]): MeetingEvent[] => [ev.rosterSet(roster), { type: "meeting.kindSet", kind: "bargaining" }];

  it("opens with lawful delegations", () => {
    const outcome = givenExactly(...bargaining(LAWFUL)).when({ type: "meeting.open" }, workerChief, 77);
    expect(outcome.events).toEqual([ev.opened(77)]);
  });

  it("is refused with unequal delegations, naming the problems, and nothing changes", () => {
    const outcome = givenExactly(...bargaining(LAWFUL.filter((e) => e.id !== "enterprise-4" && e.id !== "recorder"))).when(
      { type: "meeting.open" },
      workerChief,
    );
    expect(outcome.result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "DELEGATION_INVALID", details: ["DELEGATION_UNEQUAL", "RECORDER_MISSING"] }),
    });
    expect(outcome.after).toBe(outcome.before);
    expect(outcome.after.status).toBe("scheduled");
  });

  it("does not apply to other kinds of meeting", () => {
    const outcome = givenExactly(ev.rosterSet(delegation("worker", 1))).when({ type: "meeting.open" }, workerChief, 77);
    expect(outcome.events).toEqual([ev.opened(77)]);
  });
});
