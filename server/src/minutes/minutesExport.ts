// The minutes draft as files: Markdown (the core's renderer), DOCX laid out like an official
// document (标题 二号宋体加粗居中, 文号 居中, 正文 三号仿宋 with a two-character first-line
// indent, headings 黑体/楷体, nested entries 四号), and PDF with an embedded CJK font (pdfkit,
// Noto Serif/Sans CJK SC from fonts-noto-cjk). All three render the same blocks (core/minutes/blocks.ts),
// whether drafted from the record or saved as a version.
import { AlignmentType, HeadingLevel, LineRuleType, Paragraph, TextRun, type IRunOptions } from "docx";
import type { Block, Run } from "../../../core/minutes/blocks.ts";
import { renderBlocksMarkdown } from "../../../core/minutes/markdown.ts";
import { officialDocx } from "../documents/docxDocument.ts";
import { FONT, INDENT_2, SIZE, TITLE_RUN } from "../documents/officialPage.ts";
import { officialPdf } from "../documents/pdfLines.ts";
import { findPdfFonts, type PdfFonts } from "./cjkFonts.ts";

export const MINUTES_FORMATS = ["md", "docx", "pdf"] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export const MINUTES_MIME: Record<MinutesFormat, string> = {
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** One path for the generated draft and every saved version: both are blocks. */
export async function exportMinutes(blocks: readonly Block[], format: MinutesFormat, fonts?: PdfFonts): Promise<Buffer> {
  switch (format) {
    case "md":
      return Buffer.from(renderBlocksMarkdown(blocks), "utf8");
    case "docx":
      return minutesDocx(blocks);
    case "pdf":
      return minutesPdf(blocks, fonts ?? findPdfFonts());
  }
}

// ── DOCX ────────────────────────────────────────────────────────────────────────────────────
/** 28 pt exact line spacing (公文 customary), in twentieths of a point. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

function docxRuns(runs: readonly Run[], base: IRunOptions): TextRun[] {
  return runs.map((r) => new TextRun({ ...base, text: r.text, bold: r.bold ?? base.bold ?? false }));
}

function docxParagraph(b: Block): Paragraph {
  const body: IRunOptions = { font: FONT.fangsong, size: SIZE.sanhao, color: "000000" };
  switch (b.kind) {
    case "title":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ ...TITLE_RUN, text: b.text })],
      });
    case "number":
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, ...LINE }, children: [new TextRun({ ...body, text: b.text })] });
    case "heading":
      return new Paragraph({
        heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        spacing: { before: b.level === 1 ? 240 : 120, ...LINE },
        indent: { firstLine: INDENT_2 },
        children: [new TextRun({ text: b.text, font: b.level === 1 ? FONT.hei : FONT.kai, size: SIZE.sanhao, bold: b.level === 2, color: "000000" })],
      });
    case "paragraph":
      return new Paragraph({ spacing: LINE, indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED, children: docxRuns(b.runs, body) });
    case "entry":
      return b.level === 0
        ? new Paragraph({
            spacing: LINE,
            indent: { firstLine: INDENT_2 },
            alignment: AlignmentType.JUSTIFIED,
            children: docxRuns([{ text: `${b.marker} ` }, ...b.runs], body),
          })
        : new Paragraph({
            spacing: { line: 480, lineRule: LineRuleType.EXACT },
            indent: { left: INDENT_2 * 2 },
            alignment: AlignmentType.JUSTIFIED,
            children: docxRuns([{ text: "· " }, ...b.runs], { ...body, size: SIZE.sihao }),
          });
    case "signature":
      return new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, children: docxRuns(b.runs, body) });
  }
}

export function minutesDocx(blocks: readonly Block[]): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "title");
  return officialDocx({
    title: title?.kind === "title" ? title.text : "会议纪要",
    run: { font: FONT.fangsong, size: SIZE.sanhao },
    children: blocks.map(docxParagraph),
  });
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────
const PT = { title: 22, body: 14, nested: 12 } as const;

export function minutesPdf(blocks: readonly Block[], fonts: PdfFonts): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "title");
  const { doc, done } = officialPdf(fonts, title?.kind === "title" ? title.text : "会议纪要");

  const runs = (list: readonly Run[], size: number, options: PDFKit.Mixins.TextOptions) => {
    list.forEach((r, i) => {
      doc
        .font(r.bold ? "bold" : "regular")
        .fontSize(size)
        .text(r.text, { ...options, continued: i < list.length - 1 });
    });
  };
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const b of blocks) {
    const x = doc.page.margins.left;
    switch (b.kind) {
      case "title":
        doc.font("bold").fontSize(PT.title).text(b.text, x, doc.y, { width, align: "center", lineGap: 6 });
        doc.moveDown(0.5);
        break;
      case "number":
        doc.font("regular").fontSize(PT.body).text(b.text, x, doc.y, { width, align: "center" });
        doc.moveDown(0.8);
        break;
      case "heading":
        doc.moveDown(0.4);
        doc
          .font(b.level === 1 ? "heading" : "bold")
          .fontSize(PT.body)
          .text(b.text, x, doc.y, { width, indent: 2 * PT.body, lineGap: 6 });
        doc.moveDown(0.2);
        break;
      case "paragraph":
        doc.x = x;
        runs(b.runs, PT.body, { width, indent: 2 * PT.body, align: "justify", lineGap: 6 });
        doc.moveDown(0.3);
        break;
      case "entry":
        if (b.level === 0) {
          doc.x = x;
          runs([{ text: `${b.marker} ` }, ...b.runs], PT.body, { width, indent: 2 * PT.body, align: "justify", lineGap: 6 });
        } else {
          doc.x = x + 4 * PT.body;
          runs([{ text: "· " }, ...b.runs], PT.nested, { width: width - 4 * PT.body, align: "justify", lineGap: 4 });
        }
        doc.moveDown(0.3);
        break;
      case "signature":
        doc.x = x;
        runs(b.runs, PT.body, { width, align: "right", lineGap: 6 });
        doc.moveDown(0.3);
        break;
    }
  }
  doc.end();
  return done;
}
