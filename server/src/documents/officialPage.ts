// The page, fonts and sizes every document we print uses, in the manner of GB/T 9704 (党政机关公文格式):
// A4 with its margins, 标题 二号宋体加粗, 正文 三号仿宋 in black, a first-line indent of two characters.
// DOCX measures in twips and half-points, PDF in points.
import type { IRunOptions } from "docx";

/** Chinese font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;
const font = (eastAsia: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia });
export const FONT = { song: font("宋体"), fangsong: font("仿宋"), hei: font("黑体"), kai: font("楷体") };

/** A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
export const OFFICIAL_PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } };
const MM = 72 / 25.4;
/** OFFICIAL_PAGE's margins in points. */
export const OFFICIAL_MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

/** Two characters of 三号 (16 pt) as first-line indent, in twips. */
export const INDENT_2 = 640;
/** 正文: 三号仿宋, black. */
export const BODY_RUN: IRunOptions = { font: FONT.fangsong, size: SIZE.sanhao, color: "000000" };
/** 标题: 二号宋体加粗, black. */
export const TITLE_RUN: IRunOptions = { font: FONT.song, size: SIZE.erhao, bold: true, color: "000000" };
