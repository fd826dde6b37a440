// A 要约书 as PDF and DOCX, both printing requestLayout (the customary layout): title, addressee,
// body, numbered topics, time and place, the 20-day answer, contact; seal line, signatory and date at
// the bottom right (kept together on one page in the PDF). 仿宋 三号 on the official page in DOCX;
// the styles per kind below, printed by documents/.
import { AlignmentType, LineRuleType } from "docx";
import type { BargainingRequest } from "../../../../core/api/bargainingRequests.ts";
import type { TextLine } from "../../documents/documentLines.ts";
import { linesDocx, type DocxLineStyle } from "../../documents/docxLines.ts";
import { BODY_RUN, INDENT_2, TITLE_RUN } from "../../documents/officialPage.ts";
import { linesPdf, type PdfLineStyle } from "../../documents/pdfLines.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";
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
  const lines = printed(layout);
  const body = format === "pdf" ? await linesPdf(lines, PDF_STYLES, layout.title, fonts ?? findPdfFonts()) : await linesDocx(lines, DOCX_STYLES, layout.title);
  return { fileName: `${requestFileName(request)}.${format}`, mimeType: MIME[format], body };
}

type Kind = "title" | "addressee" | "paragraph" | "seal" | "signatory" | "date";

const printed = (layout: RequestLayout): TextLine<Kind>[] => [
  { kind: "title", text: layout.title },
  { kind: "addressee", text: layout.addressee },
  ...[layout.opening, ...layout.topics, ...layout.closing].map((text) => ({ kind: "paragraph" as const, text })),
  { kind: "seal", text: layout.seal },
  { kind: "signatory", text: layout.signatory },
  { kind: "date", text: layout.date },
];

/** 28 pt exact line spacing and two characters of 三号 as first-line indent (公文 customary). */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const atRight = (before: number): DocxLineStyle => ({
  paragraph: { spacing: { ...LINE, before }, alignment: AlignmentType.RIGHT, indent: { right: INDENT_2 } },
  run: BODY_RUN,
});

const DOCX_STYLES: Record<Kind, DocxLineStyle> = {
  title: { paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 400 } }, run: TITLE_RUN },
  addressee: { paragraph: { spacing: LINE }, run: BODY_RUN },
  paragraph: { paragraph: { spacing: LINE, indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED }, run: BODY_RUN },
  seal: atRight(800),
  signatory: atRight(0),
  date: atRight(0),
};

const PT = { title: 22, body: 15 } as const;
const body = { font: "regular", size: PT.body, lineGap: 8 } as const;
/** The seal, the signatory and the date: at the right, two characters in from the margin. */
const atRightPdf = (space: number): PdfLineStyle => ({ font: "regular", size: PT.body, space, align: "right", rightIndent: 2 * PT.body });

const PDF_STYLES: Record<Kind, PdfLineStyle> = {
  title: { font: "heading", size: PT.title, align: "center", characterSpacing: 2, moveDownAfter: 1 },
  addressee: body,
  paragraph: { ...body, indent: 2 * PT.body, align: "justify" },
  // The seal starts a new page when it, the signatory and the date do not fit under the body.
  seal: { ...atRightPdf(2.5 * PT.body), keepRoom: 7 * PT.body },
  signatory: atRightPdf(0.5 * PT.body),
  date: atRightPdf(0.5 * PT.body),
};
