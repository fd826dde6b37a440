// Printed invitations (参会邀请, A4 portrait, 2 × 4 per page, to cut apart) with each person's name
// as every screen shows it (同名区分), role, sector/unit/household, the QR code of their short link
// and their join code (入会码) to type; and table cards (桌牌: A4 landscape, folded along the
// middle into a tent, the name large on both faces, the upper face upside down so it reads upright
// once folded). pdfkit with the embedded CJK font the minutes use (minutes/cjkFonts.ts); QR codes
// drawn as vector squares, so they stay sharp at any printer resolution.
import QRCode from "qrcode";
import { formatJoinCode } from "../../../core/links/joinCode.ts";
import type { PdfFonts } from "../minutes/cjkFonts.ts";
import { cjkPdf } from "../minutes/pdfDocument.ts";

export interface Invitation {
  /** The name as the screens show it (张丽（教育界） when two 张丽 are on the roster). */
  name: string;
  /** Role, then sector, unit or household: who the person is and where they belong. */
  lines: string[];
  code: string;
  shortUrl: string;
}

export interface TableCard {
  name: string;
  /** A smaller line under the name (unit, sector or role). */
  detail: string;
}

export interface PrintHeading {
  title: string;
  /** Date, time and place, already formatted; may be empty. */
  when: string;
  /** The landing page's address, where a code can be typed (shown on invitations). */
  site: string;
}

const MM = 72 / 25.4;

function newDoc(fonts: PdfFonts, title: string, layout: "portrait" | "landscape") {
  return cjkPdf(fonts, { size: "A4", layout, margin: 0, autoFirstPage: false, info: { Title: title } });
}

/** A QR code as filled squares, `size` points wide, top left at (x, y); medium error correction. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().fillColor("black");
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}

/** The largest font size ≤ max at which `text` fits in `width` (one line). */
function fitSize(doc: PDFKit.PDFDocument, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font).fontSize(max);
  const w = doc.widthOfString(text);
  return w <= width ? max : Math.max(min, Math.floor((max * width) / w));
}

/** A line cut to `width` with an ellipsis (sizes already set on the doc). */
function clip(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const COLS = 2;
const ROWS = 4;

/** Invitations, eight to an A4 page (2 × 4), with dashed cutting lines. */
export function invitationsPdf(heading: PrintHeading, people: readonly Invitation[], fonts: PdfFonts): Promise<Buffer> {
  const { doc, done } = newDoc(fonts, `${heading.title} 参会邀请`, "portrait");
  const margin = 10 * MM;
  const perPage = COLS * ROWS;
  for (let i = 0; i < people.length; i++) {
    if (i % perPage === 0) doc.addPage();
    const cardW = (doc.page.width - 2 * margin) / COLS;
    const cardH = (doc.page.height - 2 * margin) / ROWS;
    const slot = i % perPage;
    const x = margin + (slot % COLS) * cardW;
    const y = margin + Math.floor(slot / COLS) * cardH;
    invitationCard(doc, heading, people[i]!, x, y, cardW, cardH);
  }
  if (people.length === 0) {
    doc.addPage();
    doc.font("regular").fontSize(14).text("名单中没有可发送邀请的人员 · No one on the roster has a working link", margin, margin);
  }
  doc.end();
  return done;
}

function invitationCard(doc: PDFKit.PDFDocument, heading: PrintHeading, p: Invitation, x: number, y: number, w: number, h: number): void {
  doc.save().lineWidth(0.5).strokeColor("#999999").dash(3, { space: 3 }).rect(x, y, w, h).stroke().undash().restore();
  const pad = 5 * MM;
  const qrSize = 34 * MM;
  const textW = w - 2 * pad - qrSize - 3 * MM;
  let ty = y + pad;
  doc.fillColor("#444444").font("regular").fontSize(8.5);
  // The title on up to two lines, then cut with an ellipsis.
  doc.text(heading.title, x + pad, ty, { width: textW, height: 26, ellipsis: true, lineGap: 0 });
  ty += doc.heightOfString(heading.title, { width: textW }) > 14 ? 24 : 12;
  if (heading.when) {
    doc.text(clip(doc, heading.when, textW), x + pad, ty, { width: textW, lineBreak: false });
    ty += 12;
  }
  ty += 6;
  const nameSize = fitSize(doc, "heading", p.name, textW, 24, 11);
  doc
    .fillColor("black")
    .font("heading")
    .fontSize(nameSize)
    .text(p.name, x + pad, ty, { width: textW, lineBreak: false });
  ty += nameSize * 1.35;
  doc.font("regular").fontSize(10).fillColor("#222222");
  for (const line of p.lines.slice(0, 3)) {
    doc.text(clip(doc, line, textW), x + pad, ty, { width: textW, lineBreak: false });
    ty += 14;
  }
  // The QR code and, under it, the code to type.
  const qx = x + w - pad - qrSize;
  const qy = y + pad;
  drawQr(doc, p.shortUrl, qx, qy, qrSize);
  doc
    .fillColor("#444444")
    .font("regular")
    .fontSize(7.5)
    .text("扫码参会 · Scan to join", qx, qy + qrSize + 1, { width: qrSize, align: "center", lineBreak: false });
  // Bottom: the join code, large, and where to type it.
  const by = y + h - pad - 34;
  doc
    .fillColor("#444444")
    .font("regular")
    .fontSize(8.5)
    .text("入会码 Join code", x + pad, by, { width: w - 2 * pad, lineBreak: false });
  doc
    .fillColor("black")
    .font("heading")
    .fontSize(17)
    .text(formatJoinCode(p.code), x + pad, by + 11, { width: w - 2 * pad, characterSpacing: 1.5, lineBreak: false });
  doc.fillColor("#444444").font("regular").fontSize(7.5);
  doc.text(clip(doc, `${heading.site} · 首页输入入会码 Enter the code there`, w - 2 * pad), x + pad, y + h - pad - 2, {
    width: w - 2 * pad,
    lineBreak: false,
  });
}

/** Table cards (桌牌), one per A4 landscape page: fold along the middle line into a tent. */
export function tableCardsPdf(title: string, cards: readonly TableCard[], fonts: PdfFonts): Promise<Buffer> {
  const { doc, done } = newDoc(fonts, `${title} 桌牌`, "landscape");
  for (const card of cards) {
    doc.addPage();
    const w = doc.page.width;
    const half = doc.page.height / 2;
    // The fold.
    doc.save().lineWidth(0.5).strokeColor("#bbbbbb").dash(4, { space: 4 }).moveTo(0, half).lineTo(w, half).stroke().undash().restore();
    // Lower face upright; the upper face turned 180° about its centre (it faces the other way once folded).
    tentFace(doc, card, 0, half, w, half);
    doc.save().rotate(180, { origin: [w / 2, half / 2] });
    tentFace(doc, card, 0, 0, w, half);
    doc.restore();
  }
  if (cards.length === 0) {
    doc.addPage();
    doc.font("regular").fontSize(14).text("名单中没有人员 · The roster is empty", 40, 40);
  }
  doc.end();
  return done;
}

function tentFace(doc: PDFKit.PDFDocument, card: TableCard, x: number, y: number, w: number, h: number): void {
  const side = 18 * MM;
  const width = w - 2 * side;
  // Two-character names read better spaced (张 丽), as table cards print them.
  const name = [...card.name].length === 2 ? [...card.name].join("\u3000") : card.name;
  const size = fitSize(doc, "heading", name, width, 130, 36);
  // The font's own line height (CJK faces are tall: about 1.45 em).
  const nameH = doc.font("heading").fontSize(size).currentLineHeight(true);
  const detailSize = 20;
  const detailH = card.detail ? doc.font("regular").fontSize(detailSize).currentLineHeight(true) : 0;
  const top = y + (h - nameH - detailH) / 2;
  doc
    .fillColor("black")
    .font("heading")
    .fontSize(size)
    .text(name, x + side, top, { width, align: "center", lineBreak: false });
  if (card.detail) {
    doc.font("regular").fontSize(detailSize).fillColor("#333333");
    doc.text(clip(doc, card.detail, width), x + side, top + nameH, { width, align: "center", lineBreak: false });
  }
}
