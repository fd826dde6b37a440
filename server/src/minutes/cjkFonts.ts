// The CJK fonts the PDF export embeds. Debian's fonts-noto-cjk (installed by .ci/setup) ships
// TrueType/OpenType collections (.ttc): pdfkit picks one face inside by its PostScript name.
// YST_PDF_FONT overrides everything with one font file (.ttf/.otf, or .ttc#PostScriptName).
import { existsSync } from "node:fs";

export interface FontFace {
  path: string;
  /** The PostScript name of the face inside a collection; undefined for a single-font file. */
  face: string | undefined;
}

export interface PdfFonts {
  /** Body text (a Song/Ming-style serif: 宋体-like). */
  regular: FontFace;
  bold: FontFace;
  /** Headings (a sans: 黑体-like). */
  heading: FontFace;
}

const NOTO = "/usr/share/fonts/opentype/noto";
const CANDIDATES: Record<keyof PdfFonts, FontFace[]> = {
  regular: [
    { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, face: "NotoSerifCJKsc-Regular" },
    { path: `${NOTO}/NotoSansCJK-Regular.ttc`, face: "NotoSansCJKsc-Regular" },
  ],
  bold: [
    { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, face: "NotoSerifCJKsc-Bold" },
    { path: `${NOTO}/NotoSansCJK-Bold.ttc`, face: "NotoSansCJKsc-Bold" },
  ],
  heading: [
    { path: `${NOTO}/NotoSansCJK-Bold.ttc`, face: "NotoSansCJKsc-Bold" },
    { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, face: "NotoSerifCJKsc-Bold" },
  ],
};

export class NoCjkFontError extends Error {
  constructor() {
    super(`no CJK font for the PDF export: install fonts-noto-cjk (${NOTO}) or set YST_PDF_FONT`);
  }
}

/** The fonts to embed, found on this machine; throws NoCjkFontError when there is none. */
export function findPdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFonts {
  const override = env.YST_PDF_FONT?.trim();
  if (override) {
    const [path, face] = override.split("#") as [string, string | undefined];
    if (!existsSync(path)) throw new NoCjkFontError();
    const one = { path, face };
    return { regular: one, bold: one, heading: one };
  }
  const regular = CANDIDATES.regular.find((f) => existsSync(f.path));
  if (!regular) throw new NoCjkFontError();
  const pick = (kind: keyof PdfFonts) => CANDIDATES[kind].find((f) => existsSync(f.path)) ?? regular;
  return { regular, bold: pick("bold"), heading: pick("heading") };
}
