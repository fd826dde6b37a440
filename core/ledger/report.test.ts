// The ledger's reports from hand-built items: dashboard counts per state, department, sector,
// meeting and month, overdue/due soon at an injected clock, the 督办 list per department, and the
// exported rows' text.
import { describe, expect, it } from "vitest";
import { shortTitle, type Reply } from "./item.ts";
import type { Department, LedgerItemJson } from "./json.ts";
import { LEDGER_EXPORT_HEADERS, ledgerDashboard, ledgerRows, reminders } from "./report.ts";

/** 2026-03-10 10:00 China time. */
const NOW = Date.UTC(2026, 2, 10, 2, 0, 0);

const housing: Department = { id: "d-housing", name: "区住房城乡建设委", disabled: false };
const transport: Department = { id: "d-transport", name: "区交通委", disabled: false };
const education: Department = { id: "d-edu", name: "区教委", disabled: false };

let next = 0;
function item(over: Partial<LedgerItemJson> = {}): LedgerItemJson {
  next += 1;
  return {
    id: `item-${next}`,
    number: next,
    source: "meeting",
    origin: "suggestion",
    sourceNote: null,
    meetingId: "m-1",
    meetingTitle: "2026年第一次协商议事会",
    suggestionId: `s-${next}`,
    decisionId: null,
    agendaItemTitle: "老旧小区加装电梯",
    entryKey: `speech:${next}`,
    raisedByName: "张丽华",
    sector: "经济界",
    contact: null,
    raisedOn: "2026-02-05",
    title: "加装电梯",
    text: "建议简化老旧小区加装电梯的审批流程。",
    topic: "",
    suggestedDepartment: "",
    liveResponses: [],
    state: "new",
    lead: null,
    partners: [],
    deadline: null,
    instructions: "",
    assignedAt: null,
    closedAt: null,
    replies: [],
    supervisions: 0,
    communityId: null,
    anonymous: false,
    location: "",
    photos: [],
    councilMeetingId: null,
    flag: null,
    version: 1,
    createdAt: "2026-02-05T02:00:00.000Z",
    ...over,
  };
}

const reply = (over: Partial<Reply> = {}): Reply => ({
  text: "已纳入年度计划。",
  outcome: "adopted",
  attachments: [],
  at: NOW,
  byName: "王科长",
  rating: null,
  ...over,
});
const assigned = (lead: Department, deadline: string, over: Partial<LedgerItemJson> = {}) =>
  item({ state: "assigned", lead, deadline, assignedAt: "2026-02-06T01:00:00.000Z", ...over });

describe("ledgerDashboard", () => {
  it("is all zeros without items", () => {
    const d = ledgerDashboard([], NOW);
    expect(d).toEqual({
      total: 0,
      byState: { new: 0, assigned: 0, in_progress: 0, answered: 0, closed: 0 },
      overdue: 0,
      dueSoon: 0,
      byDepartment: [],
      bySector: [],
      byMeeting: [],
      byMonth: [],
      ratings: { satisfied: 0, basically: 0, unsatisfied: 0 },
    });
  });

  it("counts per state, department, sector, meeting, month and rating", () => {
    const items = [
      item({ sector: null }), // new, unassigned
      item({ sector: "", source: "hotline", meetingId: null, meetingTitle: null, raisedOn: "2026-03-02" }), // new, hotline
      assigned(housing, "2026-03-09"), // overdue (yesterday)
      item({ state: "in_progress", lead: housing, partners: [transport], deadline: "2026-03-13", assignedAt: "2026-02-06T01:00:00.000Z" }), // due soon (3 days)
      assigned(housing, "2026-03-14"), // 4 days: neither
      assigned(transport, "2026-03-10", { sector: "教育界" }), // today: due soon
      item({ state: "answered", lead: transport, deadline: "2026-03-01", replies: [reply({ rating: { rating: "basically", comment: "", at: NOW } })] }), // answered: never overdue
      item({
        state: "closed",
        lead: education,
        deadline: "2026-01-20",
        replies: [reply({ rating: { rating: "unsatisfied", comment: "", at: NOW } }), reply({ rating: { rating: "satisfied", comment: "好", at: NOW } })],
        raisedOn: "2025-12-28",
        closedAt: "2026-02-28T17:00:00.000Z", // 2026-03-01 01:00 in China: closed in March
        meetingId: "m-2",
        meetingTitle: "社区议事会",
      }),
      item({ state: "closed", source: "listeningDay", meetingId: null, meetingTitle: null, closedAt: "2026-02-10T02:00:00.000Z", raisedOn: "2026-02-05" }), // 不予交办: no reply
    ];
    const d = ledgerDashboard(items, NOW);
    expect(d.total).toBe(9);
    expect(d.byState).toEqual({ new: 2, assigned: 3, in_progress: 1, answered: 1, closed: 2 });
    expect(d.overdue).toBe(1);
    expect(d.dueSoon).toBe(2);
    expect(d.byDepartment).toEqual([
      { id: housing.id, name: housing.name, total: 3, open: 3, overdue: 1, answered: 0 },
      { id: transport.id, name: transport.name, total: 2, open: 1, overdue: 0, answered: 1 },
      { id: education.id, name: education.name, total: 1, open: 0, overdue: 0, answered: 1 },
      // unassigned last: two new items and the one closed without assignment
      { id: "", name: "未交办", total: 3, open: 2, overdue: 0, answered: 0 },
    ]);
    expect(d.bySector).toEqual([
      { sector: "经济界", total: 6 },
      { sector: "", total: 2 },
      { sector: "教育界", total: 1 },
    ]);
    expect(d.byMeeting).toEqual([
      { meetingId: "m-1", source: "meeting", title: "2026年第一次协商议事会", total: 6 },
      { meetingId: "m-2", source: "meeting", title: "社区议事会", total: 1 },
      { meetingId: null, source: "listeningDay", title: "接待日", total: 1 },
      { meetingId: null, source: "hotline", title: "热线", total: 1 },
    ]);
    // December to March without a gap; January has nothing
    expect(d.byMonth).toEqual([
      { month: "2025-12", raised: 1, closed: 0 },
      { month: "2026-01", raised: 0, closed: 0 },
      { month: "2026-02", raised: 7, closed: 1 },
      { month: "2026-03", raised: 1, closed: 1 },
    ]);
    // the latest reply's rating only
    expect(d.ratings).toEqual({ satisfied: 1, basically: 1, unsatisfied: 0 });
  });

  it("flags by the clock it is given, not the items' stored flag", () => {
    const items = [assigned(housing, "2026-03-09", { flag: null }), assigned(housing, "2026-03-20", { flag: "overdue" })];
    expect(ledgerDashboard(items, NOW)).toMatchObject({ overdue: 1, dueSoon: 0 });
    // a week later both are overdue
    const later = ledgerDashboard(items, NOW + 14 * 86_400_000);
    expect(later).toMatchObject({ overdue: 2, dueSoon: 0 });
    expect(later.byDepartment[0]).toMatchObject({ id: housing.id, overdue: 2 });
    // the deadline is due by the end of its day in China: 2026-03-09 23:59 there is not late
    const lastMinute = Date.UTC(2026, 2, 9, 15, 59);
    expect(ledgerDashboard(items, lastMinute)).toMatchObject({ overdue: 0, dueSoon: 1 });
  });

  it("lists only months with items when they span more than ten years", () => {
    const d = ledgerDashboard([item({ raisedOn: "2001-01-05" }), item({ raisedOn: "2026-03-01" })], NOW);
    expect(d.byMonth.map((m) => m.month)).toEqual(["2001-01", "2026-03"]);
  });
});

describe("reminders", () => {
  it("lists overdue and due-soon items per lead department, most overdue first", () => {
    const a = assigned(housing, "2026-03-12");
    const b = assigned(transport, "2026-03-01");
    const c = assigned(transport, "2026-02-20", { state: "in_progress" });
    const d = assigned(transport, "2026-03-11");
    const quiet = assigned(education, "2026-04-30");
    const answered = item({ state: "answered", lead: education, deadline: "2026-01-01", replies: [reply()] });
    const renamed = { ...transport, name: "区交通委员会" };
    const r = reminders([a, b, c, d, quiet, answered, item()], [housing, renamed, education], NOW);
    expect(r.departments.map((x) => x.department)).toEqual([renamed, housing]);
    const [t, h] = r.departments;
    expect(t?.overdue.map((i) => i.id)).toEqual([c.id, b.id]);
    expect(t?.overdue.every((i) => i.flag === "overdue")).toBe(true);
    expect(t?.dueSoon.map((i) => i.id)).toEqual([d.id]);
    expect(h?.overdue).toEqual([]);
    expect(h?.dueSoon.map((i) => [i.id, i.flag])).toEqual([[a.id, "dueSoon"]]);
  });

  it("lists new items that carry a deadline (decisions, imported rows) last, under 未交办", () => {
    const decision = item({ origin: "decision", suggestionId: null, decisionId: "d-1", deadline: "2026-03-01" });
    const soon = item({ origin: "decision", suggestionId: null, decisionId: "d-2", deadline: "2026-03-12" });
    const late = assigned(housing, "2026-03-11");
    const r = reminders([decision, soon, late, item()], [housing], NOW);
    expect(r.departments.map((x) => x.department)).toEqual([housing, { id: "", name: "未交办", disabled: false }]);
    expect(r.departments[1]?.overdue.map((i) => [i.id, i.flag])).toEqual([[decision.id, "overdue"]]);
    expect(r.departments[1]?.dueSoon.map((i) => i.id)).toEqual([soon.id]);
    expect(ledgerDashboard([decision, soon], NOW)).toMatchObject({ overdue: 1, dueSoon: 1, byDepartment: [{ id: "", overdue: 1 }] });
  });

  it("falls back to the item's lead for a department not in the list, and is empty when nothing is due", () => {
    const x = assigned(education, "2026-03-01");
    expect(reminders([x], [], NOW).departments[0]?.department).toEqual(education);
    expect(reminders([assigned(education, "2026-06-01")], [education], NOW)).toEqual({ departments: [] });
  });
});

describe("ledgerRows", () => {
  it("has the customary columns", () => {
    expect(LEDGER_EXPORT_HEADERS).toEqual([
      "序号",
      "来源会议",
      "类别",
      "提出人",
      "界别",
      "问题/建议",
      "承办单位",
      "交办时间",
      "办理时限",
      "办理状态",
      "答复内容",
      "满意度",
    ]);
  });

  it("writes each item's text in China time with the labels", () => {
    const meetingItem = item({
      number: 12,
      state: "closed",
      lead: housing,
      partners: [transport, education],
      deadline: "2026-03-31",
      // 2026-02-06 23:30 UTC is the 7th in China
      assignedAt: "2026-02-06T23:30:00.000Z",
      closedAt: "2026-03-05T02:00:00.000Z",
      replies: [
        reply({ text: "第一次答复", outcome: "study", rating: { rating: "unsatisfied", comment: "", at: NOW } }),
        reply({ text: "已完成审批流程优化。", outcome: "partly", rating: { rating: "basically", comment: "还需跟进", at: NOW } }),
      ],
    });
    const hotline = item({
      number: 13,
      source: "hotline",
      meetingId: null,
      meetingTitle: null,
      raisedByName: "居民李女士",
      sector: null,
      title: "",
      text: "=1+1 路灯不亮",
      state: "in_progress",
      lead: transport,
      deadline: "2026-03-01",
      assignedAt: "2026-02-20T02:00:00.000Z",
      flag: "overdue",
    });
    const fresh = item({ number: 14, title: "同一句话", text: "同一句话", flag: null });
    const long = `由区住建委牵头${"制定办法".repeat(20)}`;
    const decision = item({
      number: 15,
      origin: "decision",
      raisedByName: "",
      sector: null,
      title: shortTitle(long),
      text: long,
      deadline: "2026-03-01",
      flag: "overdue",
    });
    const imported = item({
      number: 16,
      source: "other",
      sourceNote: "2025年第三次双周协商座谈会",
      meetingId: null,
      meetingTitle: null,
      title: "路灯",
      text: "路灯不亮",
    });
    expect(ledgerRows([meetingItem, hotline, fresh, decision, imported])).toEqual([
      [
        "12",
        "2026年第一次协商议事会",
        "意见建议",
        "张丽华",
        "经济界",
        "加装电梯\n建议简化老旧小区加装电梯的审批流程。",
        "区住房城乡建设委（协办：区交通委、区教委）",
        "2026-02-07",
        "2026-03-31",
        "办结",
        "【部分采纳】已完成审批流程优化。",
        "基本满意",
      ],
      // the formula-like text stays as typed here; the file writers make it safe
      ["13", "热线", "意见建议", "居民李女士", "", "=1+1 路灯不亮", "区交通委", "2026-02-20", "2026-03-01", "办理中（逾期）", "", ""],
      ["14", "2026年第一次协商议事会", "意见建议", "张丽华", "经济界", "同一句话", "", "", "", "待交办", "", ""],
      // a decision: no 提出人, the text once (its title is the text's beginning), a past deadline while new is 逾期
      ["15", "2026年第一次协商议事会", "议定事项", "", "", long, "", "", "2026-03-01", "待交办（逾期）", "", ""],
      // an imported item: its 来源 as the paper ledger wrote it
      ["16", "2025年第三次双周协商座谈会", "意见建议", "张丽华", "经济界", "路灯\n路灯不亮", "", "", "", "待交办", "", ""],
    ]);
  });
});
