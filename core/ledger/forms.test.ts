// The forms' content: what a 交办单 and a 反馈单 say, built from an item right after its step, and
// the rows both renderers print (formLayout).
import { describe, expect, it } from "vitest";
import {
  assignmentForm,
  DEFAULT_REQUIREMENTS,
  feedbackForm,
  formFileName,
  formLayout,
  formNumber,
  formYear,
  LedgerFormPayload,
  localFeedbackForm,
  type FormItem,
} from "./forms.ts";

/** 2026-12-31 20:00 in China, still 2026 there (UTC 12:00). */
const NEW_YEARS_EVE = Date.parse("2026-12-31T12:00:00Z");
/** 2027-01-01 00:30 in China, already 2027 there, 2026 in UTC. */
const NEW_YEAR_CHINA = Date.parse("2026-12-31T16:30:00Z");

const LEAD = { id: "d1", name: "区住建委", disabled: false };
const PARTNER = { id: "d2", name: "街道办事处", disabled: false };

const hotlineItem: FormItem = {
  number: 17,
  source: "hotline",
  origin: "suggestion",
  sourceNote: null,
  meetingTitle: null,
  raisedByName: "王居民",
  title: "三号楼路灯不亮",
  text: "三号楼前路灯坏了两周，夜间出行不便。",
  location: "",
  lead: LEAD,
  partners: [PARTNER],
};
const meetingItem: FormItem = { ...hotlineItem, source: "meeting", meetingTitle: "艺术巷社区议事会", raisedByName: "张丽（502室）" };

const assign = { type: "assign" as const, lead: LEAD.id, partners: [PARTNER.id], deadline: "2027-01-15", instructions: "" };
const reply = {
  type: "reply" as const,
  text: "已更换灯具并恢复照明。\n今后每月巡查一次。",
  outcome: "adopted" as const,
  attachments: [{ id: "a1", name: "现场照片.jpg" }],
};

describe("numbers", () => {
  it("are 〔year〕交办/反馈第n号, in the year of issue in China", () => {
    expect(formNumber("assignment", 2026, 12)).toBe("〔2026〕交办第12号");
    expect(formNumber("feedback", 2027, 1)).toBe("〔2027〕反馈第1号");
    expect(formYear(NEW_YEARS_EVE)).toBe(2026);
    expect(formYear(NEW_YEAR_CHINA)).toBe(2027);
    expect(formFileName({ kind: "assignment", number: "〔2026〕交办第12号" })).toBe("交办单-〔2026〕交办第12号");
    expect(formFileName({ kind: "feedback", number: "〔2027〕反馈第1号" })).toBe("反馈单-〔2027〕反馈第1号");
  });
});

describe("交办单", () => {
  const issue = { number: "〔2026〕交办第3号", issuer: "艺术巷社区", contact: "社区议事办 0571-88886666", replaces: null };

  it("takes the problem, departments, deadline and date from the item and the step", () => {
    const form = assignmentForm(hotlineItem, assign, NEW_YEARS_EVE, issue);
    expect(form).toEqual({
      kind: "assignment",
      number: "〔2026〕交办第3号",
      issuer: "艺术巷社区",
      date: "2026-12-31",
      itemNumber: 17,
      problemTitle: "三号楼路灯不亮",
      source: "热线",
      raisedBy: null,
      problem: "三号楼路灯不亮\n三号楼前路灯坏了两周，夜间出行不便。",
      location: "",
      lead: "区住建委",
      partners: ["街道办事处"],
      deadline: "2027-01-15",
      requirements: DEFAULT_REQUIREMENTS,
      contact: "社区议事办 0571-88886666",
      replaces: null,
    });
    expect(LedgerFormPayload.parse(form)).toEqual(form);
  });

  it("names the raiser of a meeting's suggestion only, and the meeting as the source", () => {
    const form = assignmentForm(meetingItem, { ...assign, instructions: "请会同街道现场查看" }, NEW_YEARS_EVE, issue);
    expect(form).toMatchObject({ source: "艺术巷社区议事会", raisedBy: "张丽（502室）", requirements: "请会同街道现场查看" });
    expect(assignmentForm({ ...meetingItem, origin: "decision", raisedByName: "" }, assign, NEW_YEARS_EVE, issue).raisedBy).toBeNull();
    // A paper ledger's own 来源.
    expect(assignmentForm({ ...hotlineItem, source: "other", sourceNote: "信访" }, assign, NEW_YEARS_EVE, issue).source).toBe("信访");
  });

  it("lays out as the customary table, with the seal and the date", () => {
    const layout = formLayout(assignmentForm(meetingItem, assign, NEW_YEARS_EVE, { ...issue, replaces: "〔2026〕交办第1号" }));
    expect(layout.title).toBe("艺术巷社区问题交办单");
    expect(layout.number).toBe("〔2026〕交办第3号");
    expect(layout.rows.map((r) => r.label)).toEqual([
      "台账序号",
      "交办日期",
      "问题来源",
      "提出人",
      "问题描述",
      "承办单位",
      "协办单位",
      "办理时限",
      "办理要求",
      "联系方式",
      "备注",
    ]);
    const value = (label: string) => layout.rows.find((r) => r.label === label)?.value;
    expect(value("交办日期")).toBe("2026年12月31日");
    expect(value("办理时限")).toBe("2027年1月15日前");
    expect(value("协办单位")).toBe("街道办事处");
    expect(value("备注")).toBe("改派：原交办单〔2026〕交办第1号不再办理");
    expect(layout.seal).toBe("艺术巷社区（盖章）");
    expect(layout.date).toBe("2026年12月31日");
  });

  it("a resident's report: its source and where, never who raised it", () => {
    const report = { ...hotlineItem, source: "residents" as const, raisedByName: "匿名居民", location: "3号楼2单元" };
    const form = assignmentForm(report, assign, NEW_YEARS_EVE, issue);
    expect(form).toMatchObject({ source: "居民点单", raisedBy: null, location: "3号楼2单元" });
    const layout = formLayout(form);
    expect(layout.rows.find((r) => r.label === "问题地点")?.value).toBe("3号楼2单元");
    expect(JSON.stringify(layout)).not.toContain("匿名居民");
    // A snapshot stored before the place was kept reads with none.
    const { location: _location, ...older } = form;
    expect(LedgerFormPayload.parse(older)).toMatchObject({ location: "" });
  });

  it("without partners, a raiser, a replaced form or an issuer", () => {
    const layout = formLayout(assignmentForm({ ...hotlineItem, partners: [] }, { ...assign, partners: [] }, NEW_YEARS_EVE, { ...issue, issuer: "" }));
    expect(layout.title).toBe("问题交办单");
    expect(layout.seal).toBe("交办单位（盖章）");
    expect(layout.rows.find((r) => r.label === "协办单位")?.value).toBe("无");
    expect(layout.rows.some((r) => r.label === "提出人" || r.label === "备注")).toBe(false);
  });
});

describe("反馈单", () => {
  const issue = {
    number: "〔2027〕反馈第1号",
    issuer: "艺术巷社区",
    assignmentNumber: "〔2026〕交办第3号",
    handler: { name: "李经办", department: "区住建委" },
  };

  it("says what was done, the result, the handler and both numbers", () => {
    const form = feedbackForm(hotlineItem, reply, NEW_YEAR_CHINA, issue);
    expect(form).toEqual({
      kind: "feedback",
      number: "〔2027〕反馈第1号",
      issuer: "艺术巷社区",
      date: "2027-01-01",
      itemNumber: 17,
      problemTitle: "三号楼路灯不亮",
      assignmentNumber: "〔2026〕交办第3号",
      departments: "区住建委（协办：街道办事处）",
      done: "已更换灯具并恢复照明。\n今后每月巡查一次。",
      outcome: "adopted",
      attachments: ["现场照片.jpg"],
      handler: { name: "李经办", department: "区住建委" },
    });
    const layout = formLayout(form);
    expect(layout.title).toBe("艺术巷社区问题办理反馈单");
    const value = (label: string) => layout.rows.find((r) => r.label === label)?.value;
    expect(value("交办单编号")).toBe("〔2026〕交办第3号");
    expect(value("办理情况")).toBe("已更换灯具并恢复照明。\n今后每月巡查一次。");
    expect(value("办理结果")).toBe("采纳");
    expect(value("附件")).toBe("现场照片.jpg");
    expect(value("经办人")).toBe("李经办（区住建委）");
    expect(value("反馈日期")).toBe("2027年1月1日");
    expect(layout.seal).toBe("区住建委（盖章）");
  });

  it("each outcome in words; no attachments row without files; a handler named as the department once", () => {
    const words = (["adopted", "partly", "study", "explained"] as const).map(
      (outcome) => formLayout(feedbackForm(hotlineItem, { ...reply, outcome }, NEW_YEAR_CHINA, issue)).rows.find((r) => r.label === "办理结果")?.value,
    );
    expect(words).toEqual(["采纳", "部分采纳", "研究", "说明"]);
    const layout = formLayout(
      feedbackForm(hotlineItem, { ...reply, attachments: [] }, NEW_YEAR_CHINA, {
        ...issue,
        assignmentNumber: null,
        handler: { name: "区住建委", department: "区住建委" },
      }),
    );
    expect(layout.rows.some((r) => r.label === "附件")).toBe(false);
    expect(layout.rows.find((r) => r.label === "经办人")?.value).toBe("区住建委");
    expect(layout.rows.find((r) => r.label === "交办单编号")?.value).toBe("—");
  });
});

describe("反馈单 of 就地解决", () => {
  const report = { ...hotlineItem, source: "residents" as const, lead: null, partners: [], location: "3号楼" };
  const issue = { number: "〔2027〕反馈第2号", issuer: "阅海湾社区", handler: { name: "马书记", department: "阅海湾社区" } };

  it("says what the community did, 已就地解决, the secretary who closed it and the community's seal; no 交办单", () => {
    const form = localFeedbackForm(report, { type: "resolveLocally", text: "社区已联系物业更换门禁，当天修复" }, NEW_YEAR_CHINA, issue);
    expect(form).toEqual({
      kind: "feedback",
      number: "〔2027〕反馈第2号",
      issuer: "阅海湾社区",
      date: "2027-01-01",
      itemNumber: 17,
      problemTitle: "三号楼路灯不亮",
      assignmentNumber: null,
      departments: "阅海湾社区",
      done: "社区已联系物业更换门禁，当天修复",
      outcome: "resolvedLocally",
      attachments: [],
      handler: { name: "马书记", department: "阅海湾社区" },
    });
    expect(LedgerFormPayload.parse(form)).toEqual(form);
    const layout = formLayout(form);
    expect(layout.title).toBe("阅海湾社区问题办理反馈单");
    expect(layout.rows.map((r) => [r.label, r.value])).toEqual([
      ["台账序号", "17"],
      ["问题", "三号楼路灯不亮"],
      ["承办单位", "阅海湾社区"],
      ["办理情况", "社区已联系物业更换门禁，当天修复"],
      ["办理结果", "已就地解决"],
      ["经办人", "马书记（阅海湾社区）"],
      ["反馈日期", "2027年1月1日"],
    ]);
    expect(layout.seal).toBe("阅海湾社区（盖章）");
  });
});
