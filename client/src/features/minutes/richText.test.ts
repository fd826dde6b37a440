import { describe, expect, it } from "vitest";
import { domToRuns, normalizeRuns, type RichNode } from "./richText.ts";

// Trees shaped like what Chromium leaves in a contentEditable block (typing, Ctrl+B, Enter,
// deleting everything), built as plain nodes: the unit project runs without a DOM.
const text = (value: string): RichNode => ({ nodeType: 3, nodeName: "#text", nodeValue: value, childNodes: [] });
const el = (tag: string, children: RichNode[], fontWeight?: string): RichNode => ({
  nodeType: 1,
  nodeName: tag.toUpperCase(),
  nodeValue: null,
  childNodes: children,
  ...(fontWeight ? { style: { fontWeight } } : {}),
});
const block = (...children: RichNode[]) => el("div", children);

describe("domToRuns", () => {
  it("reads plain text as one plain run", () => {
    expect(domToRuns(block(text("会议听取了区住建委的情况通报。")))).toEqual([{ text: "会议听取了区住建委的情况通报。" }]);
  });

  it("reads <b> and <strong> as bold, merges neighbours of the same weight and leaves `bold` off plain runs", () => {
    const root = block(el("strong", [text("出席")]), el("b", [text("人员")]), text("："), text("张丽华、李明"));
    expect(domToRuns(root)).toEqual([{ text: "出席人员", bold: true }, { text: "：张丽华、李明" }]);
  });

  it("follows font-weight styles: bold from 600 up, and a plain span inside bold text (Ctrl+B on part of a bold run) is plain", () => {
    const root = block(el("span", [text("重点"), el("span", [text("一般")], "normal"), text("再重点")], "700"), el("span", [text("轻")], "400"));
    expect(domToRuns(root)).toEqual([{ text: "重点", bold: true }, { text: "一般" }, { text: "再重点", bold: true }, { text: "轻" }]);
  });

  it("nests: bold inside other elements stays bold, weight ends with its element", () => {
    const root = block(el("b", [el("span", [text("表决结果：")]), el("i", [text("通过")])]), text("。"));
    expect(domToRuns(root)).toEqual([{ text: "表决结果：通过", bold: true }, { text: "。" }]);
  });

  it("an emptied block (the browser leaves a <br>) has no runs; a trailing <br> is dropped", () => {
    expect(domToRuns(block(el("br", [])))).toEqual([]);
    expect(domToRuns(block())).toEqual([]);
    expect(domToRuns(block(text("建议简化审批"), el("br", [])))).toEqual([{ text: "建议简化审批" }]);
  });

  it("line breaks and line elements inside become one space, none at the ends", () => {
    const root = block(
      el("div", [text("第一行")]),
      el("div", [el("br", [])]),
      el("div", [text("第二行"), el("br", []), text("第三行")]),
      el("p", [el("br", [])]),
    );
    expect(domToRuns(root)).toEqual([{ text: "第一行 第二行 第三行" }]);
  });

  it("a space between bold parts takes the weight before it, so the bold phrase stays one run", () => {
    const root = block(el("b", [text("议定"), el("br", []), text("事项")]));
    expect(domToRuns(root)).toEqual([{ text: "议定 事项", bold: true }]);
  });

  it("non-breaking spaces become spaces, zero-width spaces and raw newlines go, full-width spaces (signature lines) stay", () => {
    const root = block(text("记录人：\u00a0\u00a0王\u200b芳\n"), text("\u3000\u3000年\u3000\u3000月\u3000\u3000日"));
    expect(domToRuns(root)).toEqual([{ text: "记录人：  王芳\u3000\u3000年\u3000\u3000月\u3000\u3000日" }]);
  });

  it("never takes text from script, style or template elements", () => {
    const root = block(text("正文"), el("script", [text("alert(1)")]), el("style", [text("b{}")]), el("template", [text("x")]));
    expect(domToRuns(root)).toEqual([{ text: "正文" }]);
  });

  it("markup characters are text like any other: what was typed is what is stored", () => {
    expect(domToRuns(block(text("<b>不是粗体</b> & **也不是**")))).toEqual([{ text: "<b>不是粗体</b> & **也不是**" }]);
  });
});

describe("normalizeRuns", () => {
  it("drops empty runs, merges same-weight neighbours across them, and writes bold only when true", () => {
    expect(
      normalizeRuns([
        { text: "甲", bold: false },
        { text: "" },
        { text: "乙" },
        { text: "丙", bold: true },
        { text: "", bold: false },
        { text: "丁", bold: true },
      ]),
    ).toEqual([{ text: "甲乙" }, { text: "丙丁", bold: true }]);
    expect(normalizeRuns([])).toEqual([]);
  });

  it("does not change the runs it was given", () => {
    const runs = [{ text: "甲" }, { text: "乙" }];
    normalizeRuns(runs);
    expect(runs).toEqual([{ text: "甲" }, { text: "乙" }]);
  });
});
