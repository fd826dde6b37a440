// The draft agreement and the vote's result as files (DOCX and PDF), both printing the lines core
// lays out (core/bargaining/agreement.ts): the title centred in 宋体, the parties, the preamble,
// each article as 第一条 <title> in 黑体 followed by its text in 仿宋, the signing block and the date
// at the right. The PDF embeds the CJK fonts found on the machine (cjkFonts.ts).
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { AgreementLine } from "../../../../core/bargaining/agreement.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";
import { FONT, OFFICIAL_MARGINS, OFFICIAL_PAGE, SIZE } from "../../minutes/minutesExport.ts";
import { cjkPdf } from "../../minutes/pdfDocument.ts";

export const AGREEMENT_FORMATS = ["docx", "pdf"] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];
export const AGREEMENT_MIME: Record<AgreementFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

export function renderAgreement(lines: readonly AgreementLine[], format: AgreementFormat, fonts?: PdfFonts): Promise<Buffer> {
  return format === "docx" ? agreementDocx(lines) : agreementPdf(lines, fonts ?? findPdfFonts());
}

const body = { font: FONT.fangsong, size: SIZE.sanhao, color: "000000" };
/** Two characters of 三号 as first-line indent, in twips. */
const INDENT_2 = 640;

function docxParagraph(line: AgreementLine): Paragraph[] {
  switch (line.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 400 },
          children: [new TextRun({ text: line.text, font: FONT.song, size: SIZE.erhao, bold: true, color: "000000" })],
        }),
      ];
    case "party":
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ ...body, text: line.text })] })];
    case "paragraph":
      return [new Paragraph({ indent: { firstLine: INDENT_2 }, spacing: { before: 200, after: 200 }, children: [new TextRun({ ...body, text: line.text })] })];
    case "article":
      return [
        new Paragraph({
          spacing: { before: 240 },
          children: [new TextRun({ ...body, font: FONT.hei, text: `${line.number}\u3000${line.title}` })],
        }),
        ...line.text
          .split("\n")
          .map((text) => new Paragraph({ indent: { firstLine: INDENT_2 }, spacing: { before: 80 }, children: [new TextRun({ ...body, text })] })),
      ];
    case "signature":
      return [new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ ...body, text: line.text })] })];
    case "date":
      return [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: 480 },
          indent: { right: 560 },
          children: [new TextRun({ ...body, text: line.text })],
        }),
      ];
  }
}

export function agreementDocx(lines: readonly AgreementLine[]): Promise<Buffer> {
  const title = lines.find((l) => l.kind === "title");
  const doc = new Document({
    title: title?.kind === "title" ? title.text : "工资专项集体合同",
    creator: "议事厅 Yishiting",
    styles: { default: { document: { run: body } } },
    sections: [{ properties: { page: OFFICIAL_PAGE }, children: lines.flatMap(docxParagraph) }],
  });
  return Packer.toBuffer(doc);
}

const PT = { title: 20, body: 14 } as const;

export function agreementPdf(lines: readonly AgreementLine[], fonts: PdfFonts): Promise<Buffer> {
  const title = lines.find((l) => l.kind === "title");
  const { doc, done } = cjkPdf(fonts, { size: "A4", margins: OFFICIAL_MARGINS, info: { Title: title?.kind === "title" ? title.text : "工资专项集体合同" } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(value, left, doc.y, { width, lineGap: 6, ...options });
  for (const line of lines) {
    switch (line.kind) {
      case "title":
        doc.font("heading").fontSize(PT.title);
        text(line.text, { align: "center", characterSpacing: 1 });
        doc.moveDown(1);
        break;
      case "party":
        doc.font("regular").fontSize(PT.body);
        text(line.text);
        break;
      case "paragraph":
        doc.moveDown(0.5).font("regular").fontSize(PT.body);
        text(line.text, { indent: 2 * PT.body });
        break;
      case "article":
        doc.moveDown(0.6).font("bold").fontSize(PT.body);
        text(`${line.number}\u3000${line.title}`);
        doc.font("regular");
        for (const paragraph of line.text.split("\n")) text(paragraph, { indent: 2 * PT.body });
        break;
      case "signature":
        doc.moveDown(1.5).font("regular").fontSize(PT.body);
        text(line.text);
        break;
      case "date":
        doc.moveDown(1.5).font("regular").fontSize(PT.body);
        text(line.text, { align: "right" });
        break;
    }
  }
  doc.end();
  return done;
}
