// The minutes diff: blocks aligned by their plain text, edits paired and diffed by character.
import { describe, expect, it } from "vitest";
import type { Block } from "./blocks.ts";
import { blockText, diffMinutes } from "./diff.ts";

const p = (text: string, bold?: boolean): Block => ({ kind: "paragraph", runs: [{ text, ...(bold === undefined ? {} : { bold }) }] });
const BASE: Block[] = [
  { kind: "title", text: "区政协专题协商会会议纪要" },
  { kind: "heading", level: 1, text: "一、会议概况" },
  p("会议共审议议题 1 项。"),
  { kind: "entry", level: 0, marker: "1.", runs: [{ text: "张丽华", bold: true }, { text: "：建议加装电梯。" }] },
  { kind: "signature", runs: [{ text: "记录人：姜建博" }] },
];

describe("blockText", () => {
  it("is the text of each kind of block, runs joined, an entry after its marker", () => {
    expect(BASE.map(blockText)).toEqual(["区政协专题协商会会议纪要", "一、会议概况", "会议共审议议题 1 项。", "1. 张丽华：建议加装电梯。", "记录人：姜建博"]);
  });
});

describe("diffMinutes", () => {
  it("marks every row same for equal blocks (bold alone is not a text change)", () => {
    const bolder = BASE.map((b) => (b.kind === "paragraph" ? p("会议共审议议题 1 项。", true) : b));
    const rows = diffMinutes(BASE, bolder);
    expect(rows.map((r) => r.op)).toEqual(["same", "same", "same", "same", "same"]);
    expect(rows[2]).toEqual({
      op: "same",
      before: "会议共审议议题 1 项。",
      after: "会议共审议议题 1 项。",
      parts: [{ text: "会议共审议议题 1 项。", op: "same" }],
    });
  });

  it("pairs an edited block as changed with the changed characters only", () => {
    const after = BASE.map((b) => (b.kind === "entry" ? { ...b, runs: [{ text: "张丽华", bold: true }, { text: "：建议简化加装电梯审批。" }] } : b));
    const rows = diffMinutes(BASE, after);
    expect(rows.map((r) => r.op)).toEqual(["same", "same", "same", "changed", "same"]);
    expect(rows[3]).toEqual({
      op: "changed",
      before: "1. 张丽华：建议加装电梯。",
      after: "1. 张丽华：建议简化加装电梯审批。",
      parts: [
        { text: "1. 张丽华：建议", op: "same" },
        { text: "简化", op: "added" },
        { text: "加装电梯", op: "same" },
        { text: "审批", op: "added" },
        { text: "。", op: "same" },
      ],
    });
  });

  it("shows inserted and deleted blocks in place, aligned with the unchanged ones", () => {
    const after = [BASE[0]!, BASE[1]!, p("会议由沈国帅主持。"), BASE[3]!, BASE[4]!, p("分送：区政协各位主席。")];
    const rows = diffMinutes(BASE, after);
    expect(rows.map((r) => [r.op, r.before, r.after])).toEqual([
      ["same", "区政协专题协商会会议纪要", "区政协专题协商会会议纪要"],
      ["same", "一、会议概况", "一、会议概况"],
      ["changed", "会议共审议议题 1 项。", "会议由沈国帅主持。"],
      ["same", "1. 张丽华：建议加装电梯。", "1. 张丽华：建议加装电梯。"],
      ["same", "记录人：姜建博", "记录人：姜建博"],
      ["added", null, "分送：区政协各位主席。"],
    ]);
    expect(rows[5]!.parts).toEqual([{ text: "分送：区政协各位主席。", op: "added" }]);

    const removed = diffMinutes(BASE, [BASE[0]!, BASE[3]!, BASE[4]!]);
    expect(removed.map((r) => r.op)).toEqual(["same", "removed", "removed", "same", "same"]);
    expect(removed[1]).toEqual({ op: "removed", before: "一、会议概况", after: null, parts: [{ text: "一、会议概况", op: "removed" }] });
  });

  it("pairs removals with additions in order and leaves the surplus as removed", () => {
    const rows = diffMinutes([p("甲"), p("乙"), p("丙")], [p("甲一"), p("乙二")]);
    expect(rows.map((r) => [r.op, r.before, r.after])).toEqual([
      ["changed", "甲", "甲一"],
      ["changed", "乙", "乙二"],
      ["removed", "丙", null],
    ]);
  });

  it("shows texts that differ beyond the edit limit as replaced whole", () => {
    const a = "甲乙".repeat(1500);
    const b = "丙丁".repeat(1500);
    const [row] = diffMinutes([p(a)], [p(b)]);
    expect(row).toEqual({
      op: "changed",
      before: a,
      after: b,
      parts: [
        { text: a, op: "removed" },
        { text: b, op: "added" },
      ],
    });
  });

  it("handles empty documents", () => {
    expect(diffMinutes([], [])).toEqual([]);
    expect(diffMinutes([], [p("新")]).map((r) => r.op)).toEqual(["added"]);
  });
});
