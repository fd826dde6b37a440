// Prints document lines (documentLines.ts) on an official A4 page with pdfkit and the CJK fonts
// (cjkPdf), each line as its layout's style for its kind says: font and size, alignment, first-line
// indent, the space around it; a picture fitted into its box. One renderer for the agreements and
// the 要约书.
import type { PdfFonts } from "../minutes/cjkFonts.ts";
import { cjkPdf } from "../minutes/pdfDocument.ts";
import { isPicture, type DocumentLine, type PictureBox } from "./documentLines.ts";
import { OFFICIAL_MARGINS } from "./officialPage.ts";

/** The fonts cjkPdf registers. */
export type PdfFont = "regular" | "bold" | "heading";

export interface PdfTextStyle {
  font: PdfFont;
  /** In points. */
  size: number;
  /** Lines (of the line before) to move down first. */
  moveDown?: number;
  /** Points this line and what follows it need on the page; a new page when fewer are left. */
  keepRoom?: number;
  /** Points left above the line (after moveDown and keepRoom). */
  space?: number;
  /** Lines (of this line) to move down after it. */
  moveDownAfter?: number;
  align?: "left" | "center" | "right" | "justify";
  /** First-line indent in points. */
  indent?: number;
  /** Points kept free at the right of the text width. */
  rightIndent?: number;
  lineGap?: number;
  characterSpacing?: number;
}

export interface PdfPictureStyle {
  picture: PictureBox;
  /** Points from the left margin. */
  indent: number;
  /** Points above and below the box. */
  pad: number;
}

export type PdfLineStyle = PdfTextStyle | PdfPictureStyle;

/** A pdfkit document on the official A4 page (OFFICIAL_MARGINS) with the CJK fonts, and its bytes once it ends. */
export function officialPdf(fonts: PdfFonts, title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  return cjkPdf(fonts, { size: "A4", margins: OFFICIAL_MARGINS, info: { Title: title } });
}

/** The lines as a PDF titled `title`. */
export function linesPdf<K extends string>(
  lines: readonly DocumentLine<K>[],
  styles: Record<K, PdfLineStyle>,
  title: string,
  fonts: PdfFonts,
): Promise<Buffer> {
  const { doc, done } = officialPdf(fonts, title);
  printLines(doc, lines, styles);
  doc.end();
  return done;
}

export function printLines<K extends string>(doc: PDFKit.PDFDocument, lines: readonly DocumentLine<K>[], styles: Record<K, PdfLineStyle>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const line of lines) {
    const style = styles[line.kind];
    if (isPicture(line)) {
      if (!("picture" in style)) throw new Error(`the style of ${line.kind} is not a picture's`);
      if (doc.y + style.picture.height > bottom()) doc.addPage();
      doc.image(line.png, left + style.indent, doc.y + style.pad, { fit: [style.picture.width, style.picture.height] });
      doc.y += style.picture.height + 2 * style.pad;
      continue;
    }
    if ("picture" in style) throw new Error(`the style of ${line.kind} is a picture's`);
    if (style.moveDown !== undefined) doc.moveDown(style.moveDown);
    if (style.keepRoom !== undefined && doc.y + style.keepRoom > bottom()) doc.addPage();
    doc.font(style.font).fontSize(style.size);
    doc.text(line.text, left, doc.y + (style.space ?? 0), textOptions(style, width));
    if (style.moveDownAfter !== undefined) doc.moveDown(style.moveDownAfter);
  }
}

function textOptions(style: PdfTextStyle, width: number): PDFKit.Mixins.TextOptions {
  const options: PDFKit.Mixins.TextOptions = { width: width - (style.rightIndent ?? 0) };
  if (style.lineGap !== undefined) options.lineGap = style.lineGap;
  if (style.indent !== undefined) options.indent = style.indent;
  if (style.align !== undefined) options.align = style.align;
  if (style.characterSpacing !== undefined) options.characterSpacing = style.characterSpacing;
  return options;
}
