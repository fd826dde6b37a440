import { describe, expect, it } from "vitest";
import type { Block } from "@core/minutes/blocks.ts";
import { BLOCK_KINDS, isRich, kindOf, makeBlock, withKind, withMarker, withRuns } from "./blockEdit.ts";

const paragraph: Block = { kind: "paragraph", runs: [{ text: "出席", bold: true }, { text: "：张丽华" }] };

describe("block kinds in the editor", () => {
  it("names every stored block as one of the eight kinds, and makes each kind back", () => {
    const blocks: Block[] = [
      { kind: "title", text: "专题协商会会议纪要" },
      { kind: "number", text: "区政协〔2026〕5号" },
      { kind: "heading", level: 1, text: "一、出席情况" },
      { kind: "heading", level: 2, text: "（一）会议发言" },
      paragraph,
      { kind: "entry", level: 0, marker: "1.", runs: [{ text: "李明" }] },
      { kind: "entry", level: 1, marker: "-", runs: [{ text: "插话回应" }] },
      { kind: "signature", runs: [{ text: "记录人：王芳" }] },
    ];
    expect(blocks.map(kindOf)).toEqual([...BLOCK_KINDS]);
    for (const b of blocks) expect(withKind(b, kindOf(b))).toEqual(b);
    expect(BLOCK_KINDS.filter(isRich)).toEqual(["paragraph", "entry", "subentry", "signature"]);
  });

  it("a kind without runs keeps the words and drops the bold", () => {
    expect(withKind(paragraph, "heading1")).toEqual({ kind: "heading", level: 1, text: "出席：张丽华" });
    expect(withKind(paragraph, "title")).toEqual({ kind: "title", text: "出席：张丽华" });
  });

  it("a plain block becoming an entry gets a marker; entries keep theirs between levels", () => {
    expect(withKind({ kind: "heading", level: 2, text: "补充" }, "entry")).toEqual({ kind: "entry", level: 0, marker: "-", runs: [{ text: "补充" }] });
    const entry: Block = { kind: "entry", level: 0, marker: "3.", runs: [{ text: "甲", bold: true }] };
    expect(withKind(entry, "subentry")).toEqual({ kind: "entry", level: 1, marker: "3.", runs: [{ text: "甲", bold: true }] });
    expect(withMarker(entry, "4.")).toEqual({ ...entry, marker: "4." });
  });

  it("new runs replace the old, normalized; an empty block has no runs", () => {
    expect(withRuns(paragraph, [{ text: "甲" }, { text: "乙", bold: false }])).toEqual({ kind: "paragraph", runs: [{ text: "甲乙" }] });
    expect(withRuns({ kind: "title", text: "旧" }, [{ text: "新", bold: true }])).toEqual({ kind: "title", text: "新" });
    expect(makeBlock("signature", [])).toEqual({ kind: "signature", runs: [] });
  });
});
