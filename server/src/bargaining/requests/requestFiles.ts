// A 要约书 as PDF (pdfkit with the CJK fonts) and DOCX (the `docx` package, 仿宋 三号 on the official
// page), both printing requestLayout (the customary layout): title, addressee, body, numbered topics,
// time and place, the 20-day answer, contact; seal line, signatory and date at the bottom right.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import type { BargainingRequest } from "../../../../core/api/bargainingRequests.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";
import { FONT, OFFICIAL_MARGINS, OFFICIAL_PAGE, SIZE } from "../../minutes/minutesExport.ts";
import { cjkPdf } from "../../minutes/pdfDocument.ts";
import { requestFileName, requestLayout, type RequestLayout } from "./requestLayout.ts";

export const REQUEST_FORMATS = ["docx", "pdf"] as const;
export type RequestFormat = (typeof REQUEST_FORMATS)[number];
const MIME: Record<RequestFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

export interface RenderedRequest {
  fileName: string;
  mimeType: string;
  body: Buffer;
}

export async function renderRequest(request: BargainingRequest, format: RequestFormat, fonts?: PdfFonts): Promise<RenderedRequest> {
  const layout = requestLayout(request);
  const body = format === "pdf" ? await requestPdf(layout, fonts ?? findPdfFonts()) : await requestDocx(layout);
  return { fileName: `${requestFileName(request)}.${format}`, mimeType: MIME[format], body };
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────
const PT = { title: 22, body: 15 } as const;
const LINE_GAP = 8;

function requestPdf(layout: RequestLayout, fonts: PdfFonts): Promise<Buffer> {
  const { doc, done } = cjkPdf(fonts, { size: "A4", margins: OFFICIAL_MARGINS, info: { Title: layout.title } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font("heading").fontSize(PT.title).text(layout.title, left, doc.y, { width, align: "center", characterSpacing: 2 });
  doc.moveDown(1);
  doc.font("regular").fontSize(PT.body).text(layout.addressee, left, doc.y, { width, lineGap: LINE_GAP });
  const paragraph = (text: string) => doc.text(text, left, doc.y, { width, indent: 2 * PT.body, lineGap: LINE_GAP, align: "justify" });
  paragraph(layout.opening);
  for (const topic of layout.topics) paragraph(topic);
  for (const line of layout.closing) paragraph(line);
  // The seal, the signatory and the date under the body, at the right; on a new page when they do not fit.
  if (doc.y + 7 * PT.body > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const right = { width: width - 2 * PT.body, align: "right" as const };
  doc.text(layout.seal, left, doc.y + 2.5 * PT.body, right);
  doc.text(layout.signatory, left, doc.y + 0.5 * PT.body, right);
  doc.text(layout.date, left, doc.y + 0.5 * PT.body, right);
  doc.end();
  return done;
}

// ── DOCX ────────────────────────────────────────────────────────────────────────────────────
const body = { font: FONT.fangsong, size: SIZE.sanhao, color: "000000" };
/** 28 pt exact line spacing and two characters of 三号 as first-line indent (公文 customary). */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT_2 = 640;

const indented = (text: string) =>
  new Paragraph({ spacing: LINE, indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ ...body, text })] });
const atRight = (text: string, before = 0) =>
  new Paragraph({ spacing: { ...LINE, before }, alignment: AlignmentType.RIGHT, indent: { right: INDENT_2 }, children: [new TextRun({ ...body, text })] });

function requestDocx(layout: RequestLayout): Promise<Buffer> {
  const doc = new Document({
    title: layout.title,
    creator: "议事厅 Yishiting",
    styles: { default: { document: { run: body } } },
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: layout.title, font: FONT.song, size: SIZE.erhao, bold: true, color: "000000" })],
          }),
          new Paragraph({ spacing: LINE, children: [new TextRun({ ...body, text: layout.addressee })] }),
          indented(layout.opening),
          ...layout.topics.map(indented),
          ...layout.closing.map(indented),
          atRight(layout.seal, 800),
          atRight(layout.signatory),
          atRight(layout.date),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
