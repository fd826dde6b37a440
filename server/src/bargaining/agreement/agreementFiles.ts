// The draft agreement and the vote's result as files (DOCX and PDF), both printing the lines core
// lays out (core/bargaining/agreement.ts): the title centred in 宋体, the parties, the preamble,
// each article as 第一条 <title> in 黑体 followed by its text in 仿宋, the signing block and the date
// at the right. The styles per kind below; documents/ prints them (the PDF with the CJK fonts found
// on the machine, cjkFonts.ts).
import { AlignmentType } from "docx";
import type { AgreementLine } from "../../../../core/bargaining/agreement.ts";
import type { TextLine } from "../../documents/documentLines.ts";
import { linesDocx, type DocxLineStyle } from "../../documents/docxLines.ts";
import { BODY_RUN, FONT, INDENT_2, TITLE_RUN } from "../../documents/officialPage.ts";
import { linesPdf, type PdfLineStyle } from "../../documents/pdfLines.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";

export const AGREEMENT_FORMATS = ["docx", "pdf"] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];
export const AGREEMENT_MIME: Record<AgreementFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

export function renderAgreement(lines: readonly AgreementLine[], format: AgreementFormat, fonts?: PdfFonts): Promise<Buffer> {
  const title = lines.find((l) => l.kind === "title")?.text ?? "工资专项集体合同";
  return format === "docx" ? linesDocx(printed(lines), DOCX_STYLES, title) : linesPdf(printed(lines), PDF_STYLES, title, fonts ?? findPdfFonts());
}

type Kind = Exclude<AgreementLine["kind"], "article"> | "articleTitle" | "articleText";

/** An article prints as its heading (第一条 <title>) and one line per paragraph of its text. */
const printed = (lines: readonly AgreementLine[]): TextLine<Kind>[] =>
  lines.flatMap((line): TextLine<Kind>[] =>
    line.kind === "article"
      ? [{ kind: "articleTitle", text: `${line.number}\u3000${line.title}` }, ...line.text.split("\n").map((text) => ({ kind: "articleText" as const, text }))]
      : [line],
  );

const DOCX_STYLES: Record<Kind, DocxLineStyle> = {
  title: { paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 400 } }, run: TITLE_RUN },
  party: { paragraph: { spacing: { after: 120 } }, run: BODY_RUN },
  paragraph: { paragraph: { indent: { firstLine: INDENT_2 }, spacing: { before: 200, after: 200 } }, run: BODY_RUN },
  articleTitle: { paragraph: { spacing: { before: 240 } }, run: { ...BODY_RUN, font: FONT.hei } },
  articleText: { paragraph: { indent: { firstLine: INDENT_2 }, spacing: { before: 80 } }, run: BODY_RUN },
  signature: { paragraph: { spacing: { before: 480 } }, run: BODY_RUN },
  date: { paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 480 }, indent: { right: 560 } }, run: BODY_RUN },
};

const PT = { title: 20, body: 14 } as const;
const body = { font: "regular", size: PT.body, lineGap: 6 } as const;

const PDF_STYLES: Record<Kind, PdfLineStyle> = {
  title: { font: "heading", size: PT.title, lineGap: 6, align: "center", characterSpacing: 1, moveDownAfter: 1 },
  party: body,
  paragraph: { ...body, moveDown: 0.5, indent: 2 * PT.body },
  articleTitle: { ...body, font: "bold", moveDown: 0.6 },
  articleText: { ...body, indent: 2 * PT.body },
  signature: { ...body, moveDown: 1.5 },
  date: { ...body, moveDown: 1.5, align: "right" },
};
