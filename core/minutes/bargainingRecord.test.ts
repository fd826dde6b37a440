// 协商记录 in the minutes of a collective wage bargaining session: the session of
// testing/bargainingMinutes.ts (the real decide and evolve, over two days) must render exactly bargaining.golden.md (regenerate deliberately:
// `npx vitest run --project unit core/minutes -u`, then read the diff). Other meetings' drafts
// have no such section (minutes.golden.md stays as it is).
import { describe, expect, it } from "vitest";
import { ev, givenExactly } from "../../testing/core.ts";
import { BARGAINING_MEETING as MEETING, BARGAINING_T0 as T0, BARGAINING_TABLE as TABLE, bargainingSession } from "../../testing/bargainingMinutes.ts";
import { minutesBlocks, type Block } from "./blocks.ts";
import { renderMinutesMarkdown } from "./markdown.ts";
import { draftMinutes } from "./minutes.ts";

/** The blocks of one sub-section of 协商记录: its heading and the entries under it. */
function subsection(blocks: readonly Block[], title: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === "heading" && b.text.endsWith(title));
  if (start < 0) return [];
  const end = blocks.findIndex((b, i) => i > start && b.kind !== "entry");
  return blocks.slice(start, end < 0 ? undefined : end);
}
const text = (b: Block) => ("runs" in b ? b.runs.map((r) => r.text).join("") : b.text);

describe("协商记录 in the minutes of a bargaining session", () => {
  const s = bargainingSession();
  const minutes = draftMinutes(MEETING, s.state, { log: s.log });

  it("renders the session exactly as the golden Markdown", async () => {
    await expect(renderMinutesMarkdown(minutes)).toMatchFileSnapshot("./bargaining.golden.md");
  });

  it("lists each clause's offers in order as 报价 or 还价, with the time, the role word and name, the text and the reason", () => {
    const [raise, overtime] = minutes.bargaining!.clauses;
    expect(raise!.offers.map((o) => [o.sideLabel + o.moveLabel, o.time, o.by, o.reason])).toEqual([
      ["职工方报价", "09:10", "职工方代表吴敏", "物价上涨，同行业工资水平提高"],
      ["企业方还价", "09:20", "企业方代表周婷", "今年利润下降"],
      ["职工方还价", "09:50", "职工方首席代表王强", null],
    ]);
    expect(raise!.agreed).toEqual({ text: "职工月工资平均上调 6%。", time: "09:55" });
    // The enterprise opened this clause: its first offer is the 报价, the workers' the 还价.
    expect(overtime!.offers.map((o) => o.sideLabel + o.moveLabel)).toEqual(["企业方报价", "职工方还价"]);
    expect(overtime!.agreed).toBeNull();
    const blocks = minutesBlocks(minutes).map(text);
    expect(blocks).toContain("结果：双方首席代表确认一致（09:55）：职工月工资平均上调 6%。");
    expect(blocks).toContain("结果：未达成一致。");
  });

  it("records the handover of the chair, and the suspension with its reason, open matters, agreed resume time and the resume the next day", () => {
    const blocks = minutesBlocks(minutes);
    expect(subsection(blocks, "主持交接").slice(1).map(text)).toEqual(["10:00，主持由职工方首席代表王强移交企业方首席代表赵刚。"]);
    expect(subsection(blocks, "中止与恢复").slice(1).map(text)).toEqual([
      "中止（10:30，企业方首席代表赵刚）：企业需核算加班成本。",
      "未决事项：加班工资；支付时间。",
      "约定恢复时间：2026年11月26日（星期四） 09:00。",
      "恢复：2026年11月26日（星期四） 09:05。",
    ]);
  });

  it("gives each caucus as a fact with its times only, never anything said in it", () => {
    // What the minutes read of a caucus: the side and the times (its notes are in another table, never in the state).
    for (const c of s.state.bargaining.caucuses) expect(Object.keys(c).sort()).toEqual(["endedAt", "side", "startedAt"]);
    expect(minutes.bargaining!.caucuses).toEqual([
      { side: "worker", sideLabel: "职工方", from: "09:30", until: "09:45" },
      { side: "enterprise", sideLabel: "企业方", from: "10:15", until: "10:20" },
      { side: "worker", sideLabel: "职工方", from: "2026年11月26日（星期四） 09:10", until: null },
    ]);
    expect(subsection(minutesBlocks(minutes), "内部协商（背靠背）")).toEqual([
      { kind: "heading", level: 2, text: "（三）内部协商（背靠背）" },
      { kind: "entry", level: 0, marker: "1.", runs: [{ text: "职工方内部协商 09:30—09:45。" }] },
      { kind: "entry", level: 0, marker: "2.", runs: [{ text: "企业方内部协商 10:15—10:20。" }] },
      { kind: "entry", level: 0, marker: "3.", runs: [{ text: "职工方内部协商 2026年11月26日（星期四） 09:10起，尚未结束。" }] },
    ]);
  });

  it("is a projection of the state: replaying the log gives the same section", () => {
    expect(draftMinutes(MEETING, givenExactly(...s.log.map((e) => e.event)).state, { log: s.log }).bargaining).toEqual(minutes.bargaining);
  });

  it("has no 协商记录 in any other kind of meeting, nor before anything happened at the table", () => {
    for (const kind of ["topic", "consultation", "community", "mediation"]) {
      const other = draftMinutes({ ...MEETING, kind }, s.state, { log: s.log });
      expect(other.bargaining).toBeNull();
      expect(renderMinutesMarkdown(other)).not.toContain("协商记录");
    }
    const opened = givenExactly(...TABLE, ev.opened(T0));
    expect(draftMinutes(MEETING, opened.state).bargaining).toBeNull();
    expect(renderMinutesMarkdown(draftMinutes(MEETING, opened.state))).not.toContain("协商记录");
  });
});
