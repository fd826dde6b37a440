// The ledger item's state machine: the whole transition table (every action × role × state),
// the department and member rules, deadlines, and what applyStep does to an item.
import { describe, expect, it } from "vitest";
import {
  applyStep,
  decideLedger,
  LedgerAction as LedgerActionSchema,
  LEDGER_STATES,
  newItemState,
  shortTitle,
  TRANSITIONS,
  type LedgerAction,
  type LedgerActionType,
  type LedgerActor,
  type LedgerItemState,
  type LedgerRole,
  type LedgerState,
  type LedgerStep,
  type Reply,
} from "./item.ts";

/** 2026-12-07 10:00 in China. */
const NOW = Date.parse("2026-12-07T02:00:00Z");
const MEMBER = "p-member";

const ACTORS: Record<LedgerRole, LedgerActor> = {
  secretariat: { role: "secretariat", id: "acct-sec", name: "秘书处" },
  department: { role: "department", id: "acct-zj", name: "区住建委", departmentId: "d-lead" },
  member: { role: "member", id: MEMBER, name: "李委员" },
  resident: { role: "resident", id: "receipt", name: "居民" },
  system: { role: "system", id: "system", name: "会议记录" },
};
const ROLES = Object.keys(ACTORS) as LedgerRole[];

/** One action of each type that passes every check but role and state. */
const ACTIONS: Record<LedgerActionType, LedgerAction> = {
  assign: { type: "assign", lead: "d-lead", partners: ["d-partner"], deadline: "2026-12-20", instructions: "请于两周内答复" },
  progress: { type: "progress", note: "已现场查看" },
  reply: { type: "reply", text: "已列入明年计划", outcome: "study", attachments: [] },
  sendBack: { type: "sendBack", reason: "答复过于简单" },
  close: { type: "close", note: "不予交办：已并入第3号" },
  resolveLocally: { type: "resolveLocally", text: "物业已当天清理楼道杂物" },
  toCouncil: { type: "toCouncil", meetingId: "m-council", meetingTitle: "12月居民议事会", agendaItemId: "a-1" },
  supervise: { type: "supervise", note: "请加快办理" },
  rate: { type: "rate", rating: "satisfied", comment: "谢谢" },
  withdraw: { type: "withdraw" },
  import: { type: "import", state: "in_progress", lead: "d-lead", partners: ["d-partner"], deadline: "2026-11-30", reply: null, file: "台账.xlsx", row: 3 },
};
const ACTION_TYPES = Object.keys(ACTIONS) as LedgerActionType[];

const reply = (rating: Reply["rating"] = null): Reply => ({ text: "已答复", outcome: "adopted", attachments: [], at: NOW - 1000, byName: "区住建委", rating });

/** An item in `state`, raised by the member, led by d-lead with partner d-partner (once assigned), with an unrated reply once answered. */
function itemIn(state: LedgerState): LedgerItemState {
  const base = newItemState(MEMBER);
  if (state === "new") return base;
  const assigned = { ...base, state, lead: "d-lead", partners: ["d-partner"], deadline: "2026-12-20", instructions: "" };
  return state === "answered" || state === "closed" ? { ...assigned, replies: [reply()] } : assigned;
}

const TO: Record<LedgerActionType, (from: LedgerState) => LedgerState> = {
  assign: () => "assigned",
  progress: () => "in_progress",
  reply: () => "answered",
  sendBack: () => "in_progress",
  close: () => "closed",
  resolveLocally: () => "closed",
  toCouncil: (from) => from,
  supervise: (from) => from,
  rate: (from) => from,
  withdraw: () => "closed",
  import: () => "in_progress",
};

describe("the transition table", () => {
  const cases = ACTION_TYPES.flatMap((type) => ROLES.flatMap((role) => LEDGER_STATES.map((state) => [type, role, state] as const)));
  it.each(cases)("%s by %s in %s", (type, role, state) => {
    const rule = TRANSITIONS[type];
    const result = decideLedger(itemIn(state), ACTIONS[type], ACTORS[role], NOW);
    // A new item has no department yet, so it is no department's item: FORBIDDEN before any state check.
    if (!rule.roles.includes(role) || (role === "department" && state === "new")) {
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    } else if (!rule.from.includes(state)) {
      expect(result).toMatchObject({ ok: false, error: { code: "LEDGER_BAD_STATE" } });
    } else {
      expect(result).toEqual({ ok: true, value: { action: ACTIONS[type], by: ACTORS[role], at: NOW, from: state, to: TO[type](state) } });
    }
  });

  it("has the documented rows", () => {
    expect(TRANSITIONS).toEqual({
      assign: { roles: ["secretariat"], from: ["new", "assigned", "in_progress"] },
      progress: { roles: ["department"], from: ["assigned", "in_progress"] },
      reply: { roles: ["department"], from: ["assigned", "in_progress"] },
      sendBack: { roles: ["secretariat"], from: ["answered"] },
      close: { roles: ["secretariat"], from: ["new", "answered"] },
      resolveLocally: { roles: ["secretariat"], from: ["new"] },
      toCouncil: { roles: ["secretariat"], from: ["new"] },
      supervise: { roles: ["secretariat"], from: ["assigned", "in_progress"] },
      rate: { roles: ["member", "resident"], from: ["answered", "closed"] },
      withdraw: { roles: ["system"], from: ["new"] },
      import: { roles: ["secretariat"], from: ["new"] },
    });
  });
});

describe("departments", () => {
  const partner: LedgerActor = { role: "department", id: "acct-p", name: "街道办事处", departmentId: "d-partner" };
  const stranger: LedgerActor = { role: "department", id: "acct-x", name: "区民政局", departmentId: "d-other" };

  it("a partner (协办单位) posts progress but does not reply", () => {
    for (const state of ["assigned", "in_progress"] as const) {
      expect(decideLedger(itemIn(state), ACTIONS.progress, partner, NOW)).toMatchObject({ ok: true, value: { to: "in_progress" } });
      expect(decideLedger(itemIn(state), ACTIONS.reply, partner, NOW)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
  });

  it("another department may do nothing, in any state", () => {
    for (const state of LEDGER_STATES)
      for (const type of ACTION_TYPES)
        expect(decideLedger(itemIn(state), ACTIONS[type], stranger, NOW)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("no department may act on an item not yet assigned", () => {
    expect(decideLedger(itemIn("new"), ACTIONS.progress, ACTORS.department, NOW)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("the member's rating (满意度)", () => {
  const other: LedgerActor = { role: "member", id: "p-other", name: "刘委员" };

  it("only the member who raised it", () => {
    expect(decideLedger(itemIn("answered"), ACTIONS.rate, other, NOW)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(decideLedger({ ...itemIn("answered"), raisedBy: null }, ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });

  it("only after a reply", () => {
    for (const state of ["new", "assigned", "in_progress"] as const)
      expect(decideLedger(itemIn(state), ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_BAD_STATE" } });
    // Closed without any reply (不予交办): nothing to rate.
    expect(decideLedger({ ...itemIn("closed"), replies: [] }, ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({
      ok: false,
      error: { code: "LEDGER_BAD_STATE" },
    });
  });

  it("once per reply, and again after a new reply following 退回", () => {
    let item = itemIn("in_progress");
    const run = (action: LedgerAction, actor: LedgerActor): LedgerStep => {
      const result = decideLedger(item, action, actor, NOW);
      if (!result.ok) throw new Error(result.error.code);
      item = applyStep(item, result.value);
      return result.value;
    };
    run(ACTIONS.reply, ACTORS.department);
    run(ACTIONS.rate, ACTORS.member);
    expect(decideLedger(item, ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_ALREADY_RATED" } });
    run(ACTIONS.sendBack, ACTORS.secretariat);
    expect(item.state).toBe("in_progress");
    expect(decideLedger(item, ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_BAD_STATE" } });
    run({ ...ACTIONS.reply, text: "补充答复" } as LedgerAction, ACTORS.department);
    run({ type: "rate", rating: "unsatisfied", comment: "仍未解决" }, ACTORS.member);
    expect(item.replies.map((r) => r.rating?.rating)).toEqual(["satisfied", "unsatisfied"]);
    run(ACTIONS.close, ACTORS.secretariat);
    expect(decideLedger(item, ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_ALREADY_RATED" } });
  });

  it("a closed item's unrated reply can still be rated", () => {
    expect(decideLedger(itemIn("closed"), ACTIONS.rate, ACTORS.member, NOW)).toMatchObject({ ok: true, value: { from: "closed", to: "closed" } });
  });
});

describe("assignment and closing", () => {
  const assign = (deadline: string, lead = "d-lead", partners: string[] = []): LedgerAction => ({ type: "assign", lead, partners, deadline, instructions: "" });

  it("refuses a deadline before today in China; today is fine", () => {
    // NOW is 2026-12-07 in China.
    expect(decideLedger(itemIn("new"), assign("2026-12-06"), ACTORS.secretariat, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_DEADLINE_PAST" } });
    expect(decideLedger(itemIn("new"), assign("2026-12-07"), ACTORS.secretariat, NOW)).toMatchObject({ ok: true });
    // 2026-12-07 23:30 UTC is already 12-08 in China.
    expect(decideLedger(itemIn("new"), assign("2026-12-07"), ACTORS.secretariat, Date.parse("2026-12-07T23:30:00Z"))).toMatchObject({
      ok: false,
      error: { code: "LEDGER_DEADLINE_PAST" },
    });
  });

  it("refuses the lead among the partners and a partner twice", () => {
    expect(decideLedger(itemIn("new"), assign("2026-12-20", "d-lead", ["d-lead"]), ACTORS.secretariat, NOW)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect(decideLedger(itemIn("new"), assign("2026-12-20", "d-lead", ["d-p", "d-p"]), ACTORS.secretariat, NOW)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
  });

  it("closing a new item needs a note; closing an answered one does not", () => {
    expect(decideLedger(itemIn("new"), { type: "close", note: "" }, ACTORS.secretariat, NOW)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(decideLedger(itemIn("new"), { type: "close", note: "并案" }, ACTORS.secretariat, NOW)).toMatchObject({ ok: true, value: { to: "closed" } });
    expect(decideLedger(itemIn("answered"), { type: "close", note: "" }, ACTORS.secretariat, NOW)).toMatchObject({ ok: true, value: { to: "closed" } });
  });

  it("the action schema trims and bounds its texts", () => {
    expect(LedgerActionSchema.safeParse({ type: "progress", note: "   " }).success).toBe(false);
    expect(LedgerActionSchema.safeParse({ type: "assign", lead: "d", partners: [], deadline: "2026-02-30", instructions: "" }).success).toBe(false);
    expect(LedgerActionSchema.safeParse({ type: "reply", text: "x", outcome: "maybe", attachments: [] }).success).toBe(false);
    expect(LedgerActionSchema.safeParse({ type: "withdraw", extra: 1 }).success).toBe(false);
  });
});

describe("import (导入 from a paper ledger)", () => {
  type ImportAction = Extract<LedgerAction, { type: "import" }>;
  const base: ImportAction = { type: "import", state: "new", lead: null, partners: [], deadline: null, reply: null, file: "台账.csv", row: 2 };
  const imported = (over: Partial<ImportAction>): LedgerAction => ({ ...base, ...over });
  const decide = (action: LedgerAction) => decideLedger(newItemState(null), action, ACTORS.secretariat, NOW);
  const answer = { text: "已完成维修", outcome: "adopted", byName: "区住建委", rating: "satisfied" } as const;

  it("takes a new item to the state it had on paper, a past deadline included", () => {
    // NOW is 2026-12-07: a deadline in November is accepted (it shows as 逾期), unlike 交办.
    expect(decide(imported({ state: "assigned", lead: "d-lead", deadline: "2026-11-01" }))).toMatchObject({ ok: true, value: { from: "new", to: "assigned" } });
    expect(decide(imported({ state: "new", deadline: "2026-11-01" }))).toMatchObject({ ok: true, value: { from: "new", to: "new" } });
    expect(decide(imported({ state: "answered", lead: "d-lead", reply: answer }))).toMatchObject({ ok: true, value: { to: "answered" } });
    expect(decide(imported({ state: "closed" }))).toMatchObject({ ok: true, value: { to: "closed" } });
    expect(decide(imported({ state: "closed", lead: "d-lead", reply: answer }))).toMatchObject({ ok: true, value: { to: "closed" } });
  });

  it("refuses states without what they need", () => {
    for (const action of [
      imported({ state: "new", lead: "d-lead" }),
      imported({ state: "new", reply: answer }),
      imported({ state: "assigned", deadline: "2026-12-20" }),
      imported({ state: "in_progress", lead: "d-lead" }),
      imported({ state: "answered", lead: "d-lead" }),
      imported({ state: "assigned", lead: "d-lead", deadline: "2026-12-20", reply: answer }),
      imported({ state: "closed", partners: ["d-p"] }),
      imported({ state: "assigned", lead: "d-lead", partners: ["d-lead"], deadline: "2026-12-20" }),
    ])
      expect(decide(action), JSON.stringify(action)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("sets department, deadline and the paper reply with its rating", () => {
    const action = imported({ state: "closed", lead: "d-lead", partners: ["d-p"], deadline: "2026-10-01", reply: answer });
    const result = decide(action);
    if (!result.ok) throw new Error(result.error.code);
    expect(applyStep(newItemState(null), result.value)).toEqual({
      ...newItemState(null),
      state: "closed",
      lead: "d-lead",
      partners: ["d-p"],
      deadline: "2026-10-01",
      replies: [
        { text: "已完成维修", outcome: "adopted", attachments: [], at: NOW, byName: "区住建委", rating: { rating: "satisfied", comment: "", at: NOW } },
      ],
    });
  });
});

describe("shortTitle", () => {
  it("is the first line, cut at 60 characters with …", () => {
    expect(shortTitle("  由区住建委牵头制定加装电梯并联审批办法\n第二行 ")).toBe("由区住建委牵头制定加装电梯并联审批办法");
    expect(shortTitle("电".repeat(61))).toBe(`${"电".repeat(60)}…`);
    expect(shortTitle("电".repeat(60))).toBe("电".repeat(60));
    expect(shortTitle("")).toBe("");
  });
});

describe("applyStep", () => {
  const step = (item: LedgerItemState, action: LedgerAction, actor: LedgerActor, at = NOW): LedgerStep => {
    const result = decideLedger(item, action, actor, at);
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };

  it("assign sets lead, partners, deadline and instructions; re-assignment replaces them", () => {
    const assigned = applyStep(itemIn("new"), step(itemIn("new"), ACTIONS.assign, ACTORS.secretariat));
    expect(assigned).toMatchObject({ state: "assigned", lead: "d-lead", partners: ["d-partner"], deadline: "2026-12-20", instructions: "请于两周内答复" });
    const reassigned = applyStep(
      assigned,
      step(assigned, { type: "assign", lead: "d-other", partners: [], deadline: "2026-12-31", instructions: "改派" }, ACTORS.secretariat),
    );
    expect(reassigned).toMatchObject({ state: "assigned", lead: "d-other", partners: [], deadline: "2026-12-31", instructions: "改派" });
  });

  it("reply appends a reply by the department's name at the step's time; rate rates the latest only", () => {
    const withOld = { ...itemIn("in_progress"), replies: [reply({ rating: "unsatisfied", comment: "", at: NOW - 500 })] };
    const answered = applyStep(withOld, step(withOld, ACTIONS.reply, ACTORS.department, NOW + 1));
    expect(answered.replies.at(-1)).toEqual({ text: "已列入明年计划", outcome: "study", attachments: [], at: NOW + 1, byName: "区住建委", rating: null });
    const rated = applyStep(answered, step(answered, ACTIONS.rate, ACTORS.member, NOW + 2));
    expect(rated.replies.map((r) => r.rating)).toEqual([
      { rating: "unsatisfied", comment: "", at: NOW - 500 },
      { rating: "satisfied", comment: "谢谢", at: NOW + 2 },
    ]);
    expect(rated.state).toBe("answered");
  });

  it("supervise counts 督办 without changing the state; sendBack, close, withdraw and progress only move it", () => {
    const item = itemIn("in_progress");
    expect(applyStep(item, step(item, ACTIONS.supervise, ACTORS.secretariat))).toEqual({ ...item, supervisions: 1 });
    expect(applyStep(item, step(item, ACTIONS.progress, ACTORS.department))).toEqual(item);
    const answered = itemIn("answered");
    expect(applyStep(answered, step(answered, ACTIONS.sendBack, ACTORS.secretariat))).toEqual({ ...answered, state: "in_progress" });
    expect(applyStep(answered, step(answered, ACTIONS.close, ACTORS.secretariat))).toEqual({ ...answered, state: "closed" });
    expect(applyStep(itemIn("new"), step(itemIn("new"), ACTIONS.withdraw, ACTORS.system))).toEqual({ ...itemIn("new"), state: "closed" });
  });

  it("never changes the item it is given", () => {
    const item = itemIn("answered");
    const copy = structuredClone(item);
    applyStep(item, step(item, ACTIONS.rate, ACTORS.member));
    expect(item).toEqual(copy);
  });
});

describe("community actions (就地解决, 提交议事会) and the resident's rating", () => {
  it("就地解决 closes a new item with what was done as its reply, which the resident then rates once", () => {
    const decided = decideLedger(newItemState(null), ACTIONS.resolveLocally, ACTORS.secretariat, NOW);
    if (!decided.ok) throw new Error(decided.error.code);
    const closed = applyStep(newItemState(null), decided.value);
    expect(closed).toMatchObject({
      state: "closed",
      lead: null,
      replies: [{ text: "物业已当天清理楼道杂物", outcome: "adopted", byName: "秘书处", rating: null }],
    });
    const rated = decideLedger(closed, ACTIONS.rate, ACTORS.resident, NOW);
    if (!rated.ok) throw new Error(rated.error.code);
    const after = applyStep(closed, rated.value);
    expect(after.replies[0]?.rating).toEqual({ rating: "satisfied", comment: "谢谢", at: NOW });
    expect(decideLedger(after, ACTIONS.rate, ACTORS.resident, NOW)).toMatchObject({ ok: false, error: { code: "LEDGER_ALREADY_RATED" } });
  });

  it("就地解决 needs the text of what was done", () => {
    expect(LedgerActionSchema.safeParse({ type: "resolveLocally", text: "  " }).success).toBe(false);
  });

  it("提交议事会 keeps the item 待交办 and changes nothing else; it can still be assigned or solved afterwards", () => {
    const decided = decideLedger(newItemState(null), ACTIONS.toCouncil, ACTORS.secretariat, NOW);
    if (!decided.ok) throw new Error(decided.error.code);
    const item = applyStep(newItemState(null), decided.value);
    expect(item).toEqual(newItemState(null));
    expect(decideLedger(item, ACTIONS.assign, ACTORS.secretariat, NOW)).toMatchObject({ ok: true, value: { to: "assigned" } });
    expect(decideLedger(item, ACTIONS.resolveLocally, ACTORS.secretariat, NOW)).toMatchObject({ ok: true, value: { to: "closed" } });
  });
});
