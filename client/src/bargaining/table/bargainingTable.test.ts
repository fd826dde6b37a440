import { describe, expect, it } from "vitest";
import type { RosterEntry } from "@core/config/schema.ts";
import { decide, evolve, type Command } from "@core/meeting.ts";
import type { Role } from "@core/roles.ts";
import { initialState, type MeetingState } from "@core/state.ts";
import { clauseView, dayAndTime, openMattersOf, runningCaucuses, tableRights } from "./bargainingTable.ts";

const person = (id: string, role: Role, side: RosterEntry["side"] = null, chief = false): RosterEntry => ({
  id,
  name: id,
  role,
  sector: null,
  party: null,
  unit: null,
  side,
  chief,
  household: null,
});
const ROSTER = [
  person("wang", "member", "worker", true),
  person("li", "member", "worker"),
  person("zhao", "member", "enterprise", true),
  person("qian", "member", "enterprise"),
  person("clerk", "clerk"),
  person("observer", "observer"),
  person("host", "chair"),
];
const who = (id: string) => ROSTER.find((p) => p.id === id)!;

/** The meeting as the real core builds it: commands decided and their events evolved, one after another. */
function meeting(steps: [string, Command][], kind: MeetingState["kind"] = "bargaining"): MeetingState {
  let state: MeetingState = { ...initialState(), kind, roster: ROSTER, status: "open", openedAt: 0 };
  let seq = 0;
  let ids = 0;
  for (const [actorId, command] of steps) {
    const now = 1_000 * (seq + 1);
    const result = decide(state, command, { actor: { participantId: actorId, role: who(actorId).role }, now, newId: () => `id${++ids}` });
    if (!result.ok) throw new Error(`${actorId} ${command.type}: ${result.error.code}`);
    for (const event of result.value) state = evolve(state, { seq: ++seq, at: now, actorId, event });
  }
  return state;
}

describe("a clause's two columns", () => {
  it("shows each side's last offer large, its earlier offers newest first, and which chiefs accepted the current one", () => {
    const state = meeting([
      ["wang", { type: "bargaining.addClause", title: "工资调整幅度" }],
      ["li", { type: "bargaining.offer", clauseId: "id1", text: "8%", reason: "物价上涨" }],
      ["qian", { type: "bargaining.offer", clauseId: "id1", text: "3%" }],
      ["li", { type: "bargaining.offer", clauseId: "id1", text: "6%" }],
      ["zhao", { type: "bargaining.offer", clauseId: "id1", text: "5%" }],
      ["wang", { type: "bargaining.accept", clauseId: "id1", offerId: "id5" }],
    ]);
    const view = clauseView(state.bargaining.clauses[0]!);
    expect(view.status).toBe("open");
    expect(view.columns.worker.current?.text).toBe("6%");
    expect(view.columns.worker.history.map((o) => [o.text, o.reason])).toEqual([["8%", "物价上涨"]]);
    expect(view.columns.worker.acceptedBy).toEqual([]);
    expect(view.columns.enterprise.current?.text).toBe("5%");
    expect(view.columns.enterprise.history.map((o) => o.text)).toEqual(["3%"]);
    // The worker chief accepted the enterprise's offer: shown under that offer.
    expect(view.columns.enterprise.acceptedBy).toEqual(["worker"]);
  });

  it("is agreed once both chiefs accept the same wording, and a side without offers has an empty column", () => {
    const state = meeting([
      ["clerk", { type: "bargaining.addClause", title: "带薪年休假" }],
      ["zhao", { type: "bargaining.offer", clauseId: "id1", text: "每年增加 1 天" }],
      ["wang", { type: "bargaining.accept", clauseId: "id1", offerId: "id2" }],
      ["zhao", { type: "bargaining.accept", clauseId: "id1", offerId: "id2" }],
    ]);
    const view = clauseView(state.bargaining.clauses[0]!);
    expect(view.status).toBe("agreed");
    expect(view.clause.agreed?.text).toBe("每年增加 1 天");
    expect(view.columns.worker).toEqual({ side: "worker", current: null, history: [], acceptedBy: [] });
    expect(view.columns.enterprise.acceptedBy).toEqual(["worker", "enterprise"]);
  });
});

describe("who may do what at the table", () => {
  const rights = (state: MeetingState, id: string) => tableRights(state, who(id));

  it("the presiding chief adds clauses, hands over, suspends; the other chief accepts and caucuses; members offer", () => {
    const state = meeting([]);
    expect(rights(state, "wang")).toEqual({
      presiding: true,
      side: "worker",
      chief: true,
      offer: true,
      accept: true,
      addClause: true,
      handOver: true,
      caucus: "start",
      suspend: true,
      resume: false,
    });
    expect(rights(state, "zhao")).toMatchObject({ presiding: false, accept: true, addClause: false, handOver: false, caucus: "start", suspend: false });
    expect(rights(state, "qian")).toMatchObject({ side: "enterprise", chief: false, offer: true, accept: false, caucus: null });
  });

  it("the recorder only adds clauses; observers and a chair without a side only read", () => {
    const state = meeting([]);
    expect(rights(state, "clerk")).toMatchObject({ side: null, offer: false, accept: false, addClause: true, caucus: null, handOver: false });
    for (const id of ["observer", "host"])
      expect(rights(state, id)).toMatchObject({ side: null, offer: false, accept: false, addClause: false, caucus: null, suspend: false });
  });

  it("after the handover the enterprise chief presides; a running caucus is ended by its chief", () => {
    const state = meeting([
      ["wang", { type: "bargaining.handOver" }],
      ["wang", { type: "bargaining.startCaucus" }],
    ]);
    expect(rights(state, "zhao")).toMatchObject({ presiding: true, handOver: true, suspend: true });
    expect(rights(state, "wang")).toMatchObject({ presiding: false, caucus: "end", addClause: false });
    expect(runningCaucuses(state)).toEqual([{ side: "worker", startedAt: 2_000 }]);
    expect(
      runningCaucuses(
        meeting([
          ["wang", { type: "bargaining.startCaucus" }],
          ["wang", { type: "bargaining.endCaucus" }],
        ]),
      ),
    ).toEqual([]);
  });

  it("while suspended only 恢复, the handover and caucuses remain", () => {
    const state = meeting([["wang", { type: "bargaining.suspend", reason: "需测算成本", openMatters: ["工资调整幅度"], resumeAt: 9_000_000 }]]);
    expect(rights(state, "wang")).toMatchObject({
      offer: false,
      accept: false,
      addClause: false,
      suspend: false,
      resume: true,
      handOver: true,
      caucus: "start",
    });
    expect(rights(state, "li")).toMatchObject({ offer: false });
    expect(rights(state, "clerk")).toMatchObject({ addClause: false });
  });

  it("nothing before the meeting opens", () => {
    const state = { ...meeting([]), status: "scheduled" as const };
    expect(rights(state, "wang")).toMatchObject({ offer: false, accept: false, addClause: false, handOver: false, caucus: null, suspend: false });
  });
});

describe("words", () => {
  it("the agreed resume time in the meeting's zone: 12月8日 09:00 / 8 Dec, 09:00", () => {
    const at = Date.UTC(2026, 11, 8, 1, 0);
    expect(dayAndTime(at, "Asia/Shanghai", "zh", "Asia/Shanghai")).toBe("12月8日 09:00");
    expect(dayAndTime(at, "Asia/Shanghai", "en", "Asia/Shanghai")).toBe("8 Dec, 09:00");
    expect(dayAndTime(at, "Asia/Shanghai", "zh", "Europe/Berlin")).toBe("12月8日 09:00（北京时间）");
  });

  it("open matters one per line, blank lines dropped", () => {
    expect(openMattersOf("工资调整幅度\n\n  加班工资基数 \n")).toEqual(["工资调整幅度", "加班工资基数"]);
  });
});
