// The minutes draft as files: Markdown (the core's renderer), DOCX laid out like an official
// document (标题 二号宋体加粗居中, 文号 居中, 正文 三号仿宋 with a two-character first-line
// indent, headings 黑体/楷体, nested entries 四号), and PDF with an embedded CJK font (pdfkit,
// Noto Serif/Sans CJK SC from fonts-noto-cjk). All three render the same blocks (core/minutes/blocks.ts),
// whether drafted from the record or saved as a version.
import { AlignmentType, Document, HeadingLevel, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import { cjkPdf } from "./pdfDocument.ts";
import type { Block, Run } from "../../../core/minutes/blocks.ts";
import { renderBlocksMarkdown } from "../../../core/minutes/markdown.ts";
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
/** Chinese font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;
const font = (eastAsia: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia });
export const FONT = { song: font("宋体"), fangsong: font("仿宋"), hei: font("黑体"), kai: font("楷体") };
/** 28 pt exact line spacing (公文 customary), in twentieths of a point. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** Two characters of 三号 (16 pt) as first-line indent, in twips. */
const INDENT_2 = 640;

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
        children: [new TextRun({ text: b.text, font: FONT.song, size: SIZE.erhao, bold: true, color: "000000" })],
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

/** A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
export const OFFICIAL_PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } };

export async function minutesDocx(blocks: readonly Block[]): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "title");
  const doc = new Document({
    title: title?.kind === "title" ? title.text : "会议纪要",
    creator: "议事厅 Yishiting",
    styles: { default: { document: { run: { font: FONT.fangsong, size: SIZE.sanhao } } } },
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: blocks.map(docxParagraph),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────
const PT = { title: 22, body: 14, nested: 12 } as const;
const MM = 72 / 25.4;
/** OFFICIAL_PAGE's margins in points. */
export const OFFICIAL_MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

export function minutesPdf(blocks: readonly Block[], fonts: PdfFonts): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "title");
  const { doc, done } = cjkPdf(fonts, {
    size: "A4",
    margins: OFFICIAL_MARGINS,
    info: { Title: title?.kind === "title" ? title.text : "会议纪要" },
  });

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
