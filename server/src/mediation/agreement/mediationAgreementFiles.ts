// The mediation agreement as files (DOCX and PDF) in the customary layout of 人民调解协议书: the
// title centred in 宋体, the number at the right, the parties, each section heading in 黑体 and its
// text in 仿宋, the signing block with each signer's drawn signature (when given) below their line,
// and the date the last signature made it effective. Prints the lines core lays out
// (core/mediation/agreement.ts agreementLines) with the styles per kind below (documents/).
import { AlignmentType } from "docx";
import type { AgreementLine } from "../../../../core/mediation/agreement.ts";
import type { DocumentLine } from "../../documents/documentLines.ts";
import { linesDocx, type DocxLineStyle } from "../../documents/docxLines.ts";
import { BODY_RUN, FONT, INDENT_2, TITLE_RUN } from "../../documents/officialPage.ts";
import { linesPdf, type PdfLineStyle } from "../../documents/pdfLines.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";

export type MediationAgreementFormat = "docx" | "pdf";
export const MEDIATION_AGREEMENT_MIME: Record<MediationAgreementFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

/** A drawn signature to print after the line at `afterLine` (its index in the lines). */
export interface DrawnSignature {
  afterLine: number;
  png: Buffer;
}

const TITLE = "人民调解协议书";

export function renderMediationAgreement(
  lines: readonly AgreementLine[],
  drawn: readonly DrawnSignature[],
  format: MediationAgreementFormat,
  fonts?: PdfFonts,
): Promise<Buffer> {
  const printed = lines.flatMap((line, i): DocumentLine<Kind>[] => [
    line,
    ...drawn.filter((d) => d.afterLine === i).map((d) => ({ kind: "drawnSignature" as const, png: d.png })),
  ]);
  return format === "docx" ? linesDocx(printed, DOCX_STYLES, TITLE) : linesPdf(printed, PDF_STYLES, TITLE, fonts ?? findPdfFonts());
}

type Kind = AgreementLine["kind"] | "drawnSignature";
const SIGNATURE_BOX = { width: 160, height: 60 };

const DOCX_STYLES: Record<Kind, DocxLineStyle> = {
  title: { paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } }, run: TITLE_RUN },
  number: { paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 200 } }, run: BODY_RUN },
  party: { paragraph: { spacing: { after: 80 } }, run: BODY_RUN },
  heading: { paragraph: { spacing: { before: 240 } }, run: { ...BODY_RUN, font: FONT.hei } },
  paragraph: { paragraph: { indent: { firstLine: INDENT_2 }, spacing: { before: 80 } }, run: BODY_RUN },
  signature: { paragraph: { spacing: { before: 360 } }, run: BODY_RUN },
  drawnSignature: { paragraph: { indent: { left: 2 * INDENT_2 } }, picture: SIGNATURE_BOX },
  date: { paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 480 }, indent: { right: 560 } }, run: BODY_RUN },
};

const PT = { title: 20, body: 14 } as const;
const body = { font: "regular", size: PT.body, lineGap: 6 } as const;

const PDF_STYLES: Record<Kind, PdfLineStyle> = {
  title: { font: "heading", size: PT.title, lineGap: 6, align: "center", characterSpacing: 1, moveDownAfter: 0.5 },
  number: { ...body, align: "right", moveDownAfter: 0.5 },
  party: body,
  heading: { ...body, font: "bold", moveDown: 0.6 },
  paragraph: { ...body, indent: 2 * PT.body },
  signature: { ...body, moveDown: 1 },
  drawnSignature: { picture: SIGNATURE_BOX, indent: 4 * PT.body, pad: 4 },
  date: { ...body, moveDown: 1.5, align: "right" },
};
