// The ledger import's rows: cells (dates, states, departments, replies, sources), the rules per
// state, warnings (unknown department of a new item, lost characters), duplicates, and the
// verdict of every row in both languages.
import { describe, expect, it } from "vitest";
import type { Department } from "../../../core/ledger/json.ts";
import { csvTable, type TableRow } from "../roster/table.ts";
import {
  parseDateCell,
  parseDepartmentCell,
  parseOriginCell,
  parseReplyCell,
  parseSourceCell,
  parseStateCell,
  planImport,
  type ImportContext,
} from "./importRows.ts";

/** 2026-03-10 10:00 in China. */
const NOW = Date.parse("2026-03-10T02:00:00Z");
const housing: Department = { id: "d-housing", name: "区住建委", disabled: false };
const water: Department = { id: "d-water", name: "区水务局", disabled: false };
const old: Department = { id: "d-old", name: "区建委", disabled: true };
const ctx: ImportContext = { fileName: "台账.csv", departments: [housing, water, old], existing: [], now: NOW };

const rows = (text: string): TableRow[] => {
  const table = csvTable(text);
  if (!table.ok) throw new Error("bad csv");
  return table.rows;
};
const plan = (text: string, over: Partial<ImportContext> = {}) => {
  const result = planImport(rows(text), { ...ctx, ...over });
  if (!result.ok) throw new Error(JSON.stringify(result.report));
  return result.plan;
};
const verdicts = (text: string, over: Partial<ImportContext> = {}) => {
  const p = plan(text, over);
  return p.rows.map((r) => [r.row, r.status, ...p.report.filter((x) => x.row === r.row).map((x) => `${x.field ?? ""}:${x.code}${x.warning ? "!" : ""}`)]);
};

describe("cells", () => {
  it.each([
    ["2025-03-31", "2025-03-31"],
    ["2025/3/1", "2025-03-01"],
    ["2025.3.1", "2025-03-01"],
    ["2025年3月1日", "2025-03-01"],
    ["２０２５－０３－０１", "2025-03-01"],
    ["", null],
    ["2025-02-30", "invalid"],
    ["下月底", "invalid"],
  ])("date %j → %j", (cell, date) => expect(parseDateCell(cell)).toBe(date));

  it("states by their Chinese names (our export's （逾期） dropped); empty is 待交办", () => {
    expect(["待交办", "已交办", "办理中（逾期）", "已反馈", "办结", "已办结", "", "assigned", "In progress"].map(parseStateCell)).toEqual([
      "new",
      "assigned",
      "in_progress",
      "answered",
      "closed",
      "closed",
      "new",
      "assigned",
      "in_progress",
    ]);
    expect(parseStateCell("搁置")).toBe("invalid");
  });

  it("departments: 甲（协办：乙、丙） as the export writes them, or a list", () => {
    expect(parseDepartmentCell("区住建委（协办：区水务局、街道办）")).toEqual(["区住建委", "区水务局", "街道办"]);
    expect(parseDepartmentCell("区住建委、区水务局")).toEqual(["区住建委", "区水务局"]);
    expect(parseDepartmentCell(" ")).toEqual([]);
  });

  it("replies with their outcome in front; sources; kinds", () => {
    expect(parseReplyCell("【部分采纳】已纳入计划")).toEqual({ text: "已纳入计划", outcome: "partly" });
    expect(parseReplyCell("采纳：已完成维修")).toEqual({ text: "已完成维修", outcome: "adopted" });
    expect(parseReplyCell("已完成维修")).toEqual({ text: "已完成维修", outcome: null });
    expect(parseReplyCell("")).toBe(null);
    expect(parseSourceCell("接待日")).toEqual({ source: "listeningDay", sourceNote: null });
    expect(parseSourceCell("12345热线")).toEqual({ source: "hotline", sourceNote: "12345热线" });
    expect(parseSourceCell("2025年第三次双周协商座谈会")).toEqual({ source: "other", sourceNote: "2025年第三次双周协商座谈会" });
    expect(parseSourceCell("")).toEqual({ source: "other", sourceNote: null });
    expect(["", "意见建议", "议定事项", "纪要"].map(parseOriginCell)).toEqual(["suggestion", "suggestion", "decision", "invalid"]);
  });
});

describe("planImport", () => {
  const header = "序号,来源,提出人,界别,问题/建议,承办单位,办理时限,办理状态,答复内容,满意度";

  it("takes each row in the state it had, past deadlines included, with one import action", () => {
    const p = plan(
      [
        header,
        "1,接待日,王秀英,社区居民,小区路灯不亮,,,待交办,,", // 2
        "2,热线,李女士,,雨水管网堵塞,区水务局,2026-01-15,办理中,,", // 3 past deadline: accepted
        '3,2025年第三次双周协商座谈会,张委员,经济界,"加装电梯\n建议并联审批",区住建委（协办：区水务局）,2025-12-31,办结,【采纳】已出台办法,满意', // 4–5
        "4,,,,外墙修缮,区住建委,2026-04-30,已反馈,【说明】已列入明年计划,", // 6
      ].join("\n"),
    );
    expect(p.rows.map((r) => [r.row, r.status, r.state])).toEqual([
      [2, "taken", "new"],
      [3, "taken", "in_progress"],
      [4, "taken", "closed"],
      [6, "taken", "answered"],
    ]);
    expect(p.report).toEqual([]);
    const [lamp, drain, elevator, wall] = p.items;
    expect(lamp).toMatchObject({
      source: "listeningDay",
      sourceNote: null,
      origin: "suggestion",
      raisedByName: "王秀英",
      sector: "社区居民",
      raisedOn: "2026-03-10",
      title: "小区路灯不亮",
      text: "小区路灯不亮",
      action: { type: "import", state: "new", lead: null, deadline: null, reply: null, file: "台账.csv", row: 2 },
    });
    expect(drain).toMatchObject({
      source: "hotline",
      suggestedDepartment: "区水务局",
      action: { state: "in_progress", lead: "d-water", partners: [], deadline: "2026-01-15" },
    });
    expect(elevator).toMatchObject({
      source: "other",
      sourceNote: "2025年第三次双周协商座谈会",
      title: "加装电梯",
      text: "加装电梯\n建议并联审批",
      action: {
        state: "closed",
        lead: "d-housing",
        partners: ["d-water"],
        reply: { text: "已出台办法", outcome: "adopted", byName: "区住建委", rating: "satisfied" },
      },
    });
    expect(wall).toMatchObject({ raisedByName: "", action: { state: "answered", reply: { outcome: "explained", rating: null } } });
  });

  it("refuses what does not hold together, and says why in both languages", () => {
    const text = [
      header,
      ",热线,李女士,,,,,待交办,,", // 2 no question
      "2,热线,李女士,,井盖缺失,,,已交办,,", // 3 assigned without department and deadline
      "3,热线,李女士,,路面塌陷,区交通委,2026-05-01,办理中,,", // 4 unknown department
      "4,热线,李女士,,路面积水,区建委,2026-05-01,办理中,,", // 5 disabled department
      "5,热线,李女士,,垃圾清运,区住建委,2026-05-01,已反馈,已清运,", // 6 reply without outcome
      "6,热线,李女士,,噪音扰民,区住建委,下月底,搁置,,", // 7 bad date and state
      "7,热线,李女士,,违章搭建,,,待交办,【采纳】已拆除,满意", // 8 a new item with a reply
      "8,热线,李女士,,树木遮挡,区住建委,2026-05-01,办理中,,很好", // 9 bad rating, rating without reply
    ].join("\n");
    expect(verdicts(text)).toEqual([
      [2, "refused", "question:REQUIRED"],
      [3, "refused", "department:REQUIRED", "deadline:REQUIRED"],
      [4, "refused", "department:DEPARTMENT_UNKNOWN"],
      [5, "refused", "department:DEPARTMENT_UNKNOWN"],
      [6, "refused", "reply:UNKNOWN_OUTCOME"],
      [7, "refused", "state:UNKNOWN_STATE", "deadline:INVALID_DATE"],
      [8, "refused", "reply:NOT_ALLOWED"],
      [9, "refused", "rating:UNKNOWN_RATING", "rating:NOT_ALLOWED"],
    ]);
    const p = plan(text);
    expect(p.items).toEqual([]);
    const message = (row: number) => p.report.find((r) => r.row === row)!.message;
    expect(message(4).zh).toBe("第 4 行：承办单位「区交通委」不存在或已停用：请先在“承办单位”中添加（或启用）该单位，名称须完全一致");
    expect(message(4).en).toMatch(/^Row 4: the department "区交通委" does not exist or is disabled/);
    expect(message(3).zh).toContain("“已交办”的事项须填写承办单位");
    expect(message(6).zh).toContain("【采纳】");
  });

  it("warns (to be confirmed) about an unknown department of a new item and lost characters; the rows are still taken", () => {
    const text = [header, "1,接待日,王?,社区居民,小区路灯不亮,某物业公司,,待交办,,", "2,接待日,赵明,,路\ufffd不亮,,,,,"].join("\n");
    expect(verdicts(text)).toEqual([
      [2, "taken", "department:DEPARTMENT_NOT_MATCHED!", "raisedBy:LOSSY_TEXT!"],
      [3, "taken", "question:LOSSY_TEXT!"],
    ]);
    const p = plan(text);
    expect(p.items[0]).toMatchObject({ suggestedDepartment: "某物业公司", action: { lead: null } });
    expect(p.report[1]!.message.zh).toMatch(/^第 2 行：「提出人」“王\?”中的“\?”可能是丢失的字/);
  });

  it("refuses repeats of an earlier row and of items already in the ledger", () => {
    const text = [header, "1,热线,李女士,,路灯不亮,,,,,", "2,热线,李女士,,路灯不亮,,,,,", "3,热线,王先生,,井盖缺失,,,,,"].join("\n");
    const existing = [{ number: 7, title: "井盖缺失", text: "井盖缺失", raisedByName: "王先生" }];
    expect(verdicts(text, { existing })).toEqual([
      [2, "taken"],
      [3, "refused", "question:DUPLICATE"],
      [4, "refused", "question:DUPLICATE"],
    ]);
    const p = plan(text, { existing });
    expect(p.report.map((r) => r.message.zh)).toEqual([
      "第 3 行：与第 2 行相同（问题/建议、标题和提出人都相同）",
      "第 4 行：与台账中第 7 号事项相同（问题/建议、标题和提出人都相同），不重复导入",
    ]);
  });

  it("finds the header under a title line; refuses a file without an issue column or without rows", () => {
    expect(plan(["区政协2025年问题台账", "问题,承办单位,办理时限,办理状态", "路灯不亮,区住建委,2025-12-01,已交办"].join("\n")).items[0]).toMatchObject({
      action: { state: "assigned", deadline: "2025-12-01" },
    });
    const noColumn = planImport(rows("姓名,单位\n张三,甲\n"), ctx);
    expect(noColumn).toMatchObject({ ok: false, report: [{ row: 1, code: "MISSING_COLUMN" }] });
    expect(planImport(rows("问题/建议,办理状态\n"), ctx)).toMatchObject({ ok: false, report: [{ code: "NO_ROWS" }] });
    expect(planImport(rows("问题,建议\n路灯,井盖\n"), ctx)).toMatchObject({ ok: false, report: [{ code: "DUPLICATE_COLUMN", field: "question" }] });
  });

  it("reads the ledger's own export back (类别, 交办时间, （逾期）, 【部分采纳】)", () => {
    const exported = [
      "序号,来源会议,类别,提出人,界别,问题/建议,承办单位,交办时间,办理时限,办理状态,答复内容,满意度",
      "12,区政协双周协商座谈会,议定事项,,,由区住建委牵头制定办法,区住建委,2026-02-07,2026-03-01,办理中（逾期）,,",
      "13,热线,意见建议,居民李女士,,'=1+1 路灯不亮,区住建委（协办：区水务局）,2026-02-20,2026-03-31,已反馈,【部分采纳】已完成检修,基本满意",
    ].join("\r\n");
    const p = plan(exported);
    expect(p.report).toEqual([]);
    expect(p.items[0]).toMatchObject({
      origin: "decision",
      sourceNote: "区政协双周协商座谈会",
      assignedOn: "2026-02-07",
      action: { state: "in_progress", lead: "d-housing", deadline: "2026-03-01" },
    });
    // the apostrophe our CSV writer puts before a formula-like cell is dropped
    expect(p.items[1]).toMatchObject({
      text: "=1+1 路灯不亮",
      action: { state: "answered", partners: ["d-water"], reply: { outcome: "partly", rating: "basically" } },
    });
  });
});
