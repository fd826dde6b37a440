// The mediation agreement as files (DOCX and PDF) in the customary layout of 人民调解协议书: the
// title centred in 宋体, the number at the right, the parties, each section heading in 黑体 and its
// text in 仿宋, the signing block with each signer's drawn signature (when given) below their line,
// and the date the last signature made it effective. Prints the lines core lays out
// (core/mediation/agreement.ts agreementLines).
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from "docx";
import type { AgreementLine } from "../../../../core/mediation/agreement.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";
import { FONT, OFFICIAL_MARGINS, OFFICIAL_PAGE, SIZE } from "../../minutes/minutesExport.ts";
import { cjkPdf } from "../../minutes/pdfDocument.ts";

export type MediationAgreementFormat = "docx" | "pdf";
export const MEDIATION_AGREEMENT_MIME: Record<MediationAgreementFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

/** A drawn signature to print after the line at `afterLine` (its index in the lines). */
export interface DrawnSignature {
  afterLine: number;
  png: Buffer;
}

export function renderMediationAgreement(
  lines: readonly AgreementLine[],
  drawn: readonly DrawnSignature[],
  format: MediationAgreementFormat,
  fonts?: PdfFonts,
): Promise<Buffer> {
  return format === "docx" ? agreementDocx(lines, drawn) : agreementPdf(lines, drawn, fonts ?? findPdfFonts());
}

const body = { font: FONT.fangsong, size: SIZE.sanhao, color: "000000" };
const INDENT_2 = 640;
const SIGNATURE_BOX = { width: 160, height: 60 };

function docxParagraph(line: AgreementLine): Paragraph {
  switch (line.kind) {
    case "title":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: line.text, font: FONT.song, size: SIZE.erhao, bold: true, color: "000000" })],
      });
    case "number":
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 200 }, children: [new TextRun({ ...body, text: line.text })] });
    case "party":
      return new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ ...body, text: line.text })] });
    case "heading":
      return new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ ...body, font: FONT.hei, text: line.text })] });
    case "paragraph":
      return new Paragraph({ indent: { firstLine: INDENT_2 }, spacing: { before: 80 }, children: [new TextRun({ ...body, text: line.text })] });
    case "signature":
      return new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ ...body, text: line.text })] });
    case "date":
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 480 },
        indent: { right: 560 },
        children: [new TextRun({ ...body, text: line.text })],
      });
  }
}

function agreementDocx(lines: readonly AgreementLine[], drawn: readonly DrawnSignature[]): Promise<Buffer> {
  const children = lines.flatMap((line, i) => [
    docxParagraph(line),
    ...drawn
      .filter((d) => d.afterLine === i)
      .map((d) => new Paragraph({ indent: { left: 2 * INDENT_2 }, children: [new ImageRun({ type: "png", data: d.png, transformation: SIGNATURE_BOX })] })),
  ]);
  const doc = new Document({
    title: "人民调解协议书",
    creator: "议事厅 Yishiting",
    styles: { default: { document: { run: body } } },
    sections: [{ properties: { page: OFFICIAL_PAGE }, children }],
  });
  return Packer.toBuffer(doc);
}

const PT = { title: 20, body: 14 } as const;

function agreementPdf(lines: readonly AgreementLine[], drawn: readonly DrawnSignature[], fonts: PdfFonts): Promise<Buffer> {
  const { doc, done } = cjkPdf(fonts, { size: "A4", margins: OFFICIAL_MARGINS, info: { Title: "人民调解协议书" } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(value, left, doc.y, { width, lineGap: 6, ...options });
  lines.forEach((line, i) => {
    switch (line.kind) {
      case "title":
        doc.font("heading").fontSize(PT.title);
        text(line.text, { align: "center", characterSpacing: 1 });
        doc.moveDown(0.5);
        break;
      case "number":
        doc.font("regular").fontSize(PT.body);
        text(line.text, { align: "right" });
        doc.moveDown(0.5);
        break;
      case "party":
        doc.font("regular").fontSize(PT.body);
        text(line.text);
        break;
      case "heading":
        doc.moveDown(0.6).font("bold").fontSize(PT.body);
        text(line.text);
        break;
      case "paragraph":
        doc.font("regular").fontSize(PT.body);
        text(line.text, { indent: 2 * PT.body });
        break;
      case "signature":
        doc.moveDown(1).font("regular").fontSize(PT.body);
        text(line.text);
        break;
      case "date":
        doc.moveDown(1.5).font("regular").fontSize(PT.body);
        text(line.text, { align: "right" });
        break;
    }
    for (const d of drawn.filter((s) => s.afterLine === i)) {
      if (doc.y + SIGNATURE_BOX.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(d.png, left + 4 * PT.body, doc.y + 4, { fit: [SIGNATURE_BOX.width, SIGNATURE_BOX.height] });
      doc.y += SIGNATURE_BOX.height + 8;
    }
  });
  doc.end();
  return done;
}
