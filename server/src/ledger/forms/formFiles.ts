// A 交办单 or 反馈单 as a file, in the customary layout of a government form: the title centred
// (the issuer's name and the form's), the number under it, a bordered two-column table of the
// fields (label | value), then the seal line （盖章） and the date at the bottom right. Both
// formats print formLayout(payload) (core/ledger/forms.ts) of the stored snapshot.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { formFileName, formLayout, type FormLayout, type LedgerFormPayload } from "../../../../core/ledger/forms.ts";
import { officialDocx } from "../../documents/docxDocument.ts";
import { FONT, OFFICIAL_PAGE, SIZE, TITLE_RUN } from "../../documents/officialPage.ts";
import { officialPdf } from "../../documents/pdfLines.ts";
import { DOCX_MIME } from "../../meetings/materialFiles.ts";
import { findPdfFonts, type PdfFonts } from "../../minutes/cjkFonts.ts";
import type { LedgerFormStore } from "./formStore.ts";

export const FORM_FORMATS = ["pdf", "docx"] as const;
export type FormFormat = (typeof FORM_FORMATS)[number];
const MIME: Record<FormFormat, string> = { pdf: "application/pdf", docx: DOCX_MIME };

export interface RenderedForm {
  fileName: string;
  mimeType: string;
  body: Buffer;
}

/** An issued form's snapshot as a file. */
export async function renderForm(payload: LedgerFormPayload, format: FormFormat, fonts?: PdfFonts): Promise<RenderedForm> {
  const body = format === "pdf" ? await formPdf(payload, fonts ?? findPdfFonts()) : await formDocx(payload);
  return { fileName: `${formFileName(payload)}.${format}`, mimeType: MIME[format], body };
}

/** The form `formId` as a file (null when there is no such form); the caller checks who may have it. */
export async function renderLedgerForm(forms: LedgerFormStore, formId: string, format: FormFormat): Promise<RenderedForm | null> {
  const form = await forms.find(formId);
  return form && renderForm(form.payload, format);
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────
const PT = { title: 20, number: 13, body: 12.5 } as const;
const PAD = 6;
/** The label column: six characters of the body size (交办单编号 and some room) and the padding. */
const LABEL_WIDTH = 6 * PT.body + 2 * PAD;

export function formPdf(payload: LedgerFormPayload, fonts: PdfFonts): Promise<Buffer> {
  const layout = formLayout(payload);
  const { doc, done } = officialPdf(fonts, `${layout.title} ${layout.number}`);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.font("heading").fontSize(PT.title).text(layout.title, left, doc.y, { width, align: "center", characterSpacing: 1 });
  doc.moveDown(0.4);
  doc.font("regular").fontSize(PT.number).text(layout.number, left, doc.y, { width, align: "right" });
  doc.moveDown(0.6);

  const valueWidth = width - LABEL_WIDTH - 2 * PAD;
  const valueHeight = (text: string) =>
    doc
      .font("regular")
      .fontSize(PT.body)
      .heightOfString(text || " ", { width: valueWidth, lineGap: 3 });
  let y = doc.y;
  const drawRow = (label: string, value: string) => {
    const labelHeight = doc
      .font("bold")
      .fontSize(PT.body)
      .heightOfString(label, { width: LABEL_WIDTH - 2 * PAD });
    const height = Math.max(valueHeight(value), labelHeight) + 2 * PAD;
    doc
      .save()
      .lineWidth(0.8)
      .strokeColor("black")
      .rect(left, y, LABEL_WIDTH, height)
      .rect(left + LABEL_WIDTH, y, width - LABEL_WIDTH, height)
      .stroke()
      .restore();
    doc
      .font("bold")
      .fontSize(PT.body)
      .fillColor("black")
      // Labels centred in their cell, as on the paper forms.
      .text(label, left + PAD, y + (height - labelHeight) / 2, { width: LABEL_WIDTH - 2 * PAD, align: "center" });
    doc
      .font("regular")
      .fontSize(PT.body)
      .text(value, left + LABEL_WIDTH + PAD, y + PAD, { width: valueWidth, lineGap: 3 });
    y += height;
  };
  const newPage = () => {
    doc.addPage();
    y = doc.page.margins.top;
  };
  const pageRoom = () => bottom() - doc.page.margins.top - 2 * PAD;
  for (const row of layout.rows) {
    let rest = row.value;
    let label = row.label;
    // A row that does not fit what is left of the page moves to the next one whole; one longer than
    // a page fills this one and goes on over the next ones, its label marked （续）.
    for (;;) {
      const room = bottom() - y - 2 * PAD;
      if (valueHeight(rest) <= room) break;
      if (valueHeight(rest) > pageRoom()) {
        const cut = fittingPrefix(rest, (text) => valueHeight(text) <= room);
        if (cut > 0) {
          drawRow(label, rest.slice(0, cut));
          rest = rest.slice(cut);
          label = `${row.label}（续）`;
        }
      }
      newPage();
    }
    drawRow(label, rest);
  }
  // The seal and the date under the table, at the right; on a new page when they do not fit.
  if (y + 5 * PT.body > bottom()) newPage();
  doc.font("regular").fontSize(PT.body + 1);
  doc.text(layout.seal, left, y + 2.5 * PT.body, { width: width - 2 * PT.body, align: "right" });
  doc.text(layout.date, left, doc.y + 0.5 * PT.body, { width: width - 2 * PT.body, align: "right" });
  doc.end();
  return done;
}

/** The length of the longest prefix of `text` that `fits` (by characters, never splitting a surrogate pair). */
function fittingPrefix(text: string, fits: (text: string) => boolean): number {
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(chars.slice(0, mid).join(""))) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join("").length;
}

// ── DOCX ────────────────────────────────────────────────────────────────────────────────────
const border = { style: BorderStyle.SINGLE, size: 8, color: "000000" };
const BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const body = { font: FONT.fangsong, size: SIZE.sihao, color: "000000" };
/** The label and value columns in twips: the page's text width (OFFICIAL_PAGE) split 22 : 78; fixed widths, as WPS and LibreOffice need them. */
const TEXT_WIDTH = OFFICIAL_PAGE.size.width - OFFICIAL_PAGE.margin.left - OFFICIAL_PAGE.margin.right;
const COLUMNS: [number, number] = [Math.round(TEXT_WIDTH * 0.22), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.22)];

const lines = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false): Paragraph[] =>
  (text || " ").split("\n").map((line) => new Paragraph({ alignment, spacing: { line: 400 }, children: [new TextRun({ ...body, text: line, bold })] }));

function docxRows(layout: FormLayout): TableRow[] {
  return layout.rows.map(
    (row) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: COLUMNS[0], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { top: 100, bottom: 100, left: 100, right: 100 },
            children: lines(row.label, AlignmentType.CENTER, true),
          }),
          new TableCell({
            width: { size: COLUMNS[1], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { top: 100, bottom: 100, left: 150, right: 150 },
            children: lines(row.value, AlignmentType.LEFT),
          }),
        ],
      }),
  );
}

export function formDocx(payload: LedgerFormPayload): Promise<Buffer> {
  const layout = formLayout(payload);
  const atRight = (text: string, before: number) =>
    new Paragraph({ spacing: { before }, alignment: AlignmentType.RIGHT, indent: { right: 560 }, children: [new TextRun({ ...body, text })] });
  return officialDocx({
    title: `${layout.title} ${layout.number}`,
    run: body,
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ ...TITLE_RUN, text: layout.title })] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 200 }, children: [new TextRun({ ...body, text: layout.number })] }),
      new Table({ width: { size: COLUMNS[0] + COLUMNS[1], type: WidthType.DXA }, columnWidths: COLUMNS, borders: BORDERS, rows: docxRows(layout) }),
      atRight(layout.seal, 600),
      atRight(layout.date, 200),
    ],
  });
}
