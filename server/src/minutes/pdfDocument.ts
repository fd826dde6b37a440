// A PDFKit document with the CJK fonts registered under the names every PDF of ours uses
// ("regular", "bold", "heading"), and its bytes once it ends: the minutes, the invitations and
// the table cards, the campaign report, and every document printed as lines (documents/pdfLines.ts).
import PDFDocument from "pdfkit";
import type { PdfFonts } from "./cjkFonts.ts";

export function cjkPdf(fonts: PdfFonts, options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ ...options, info: { Creator: "议事厅 Yishiting", ...options.info } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", fonts.regular.path, fonts.regular.face);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.face);
  doc.registerFont("heading", fonts.heading.path, fonts.heading.face);
  return { doc, done };
}
