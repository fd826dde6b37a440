// The PDF renderer of document lines: each line printed with its kind's style on the official page,
// lines that must stay together moved to a new page when they do not fit, a drawn signature fitted
// into its box where it stands in the flow. Read back with pdfjs-dist, the fonts embedded for real.
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { findPdfFonts } from "../minutes/cjkFonts.ts";
import type { DocumentLine } from "./documentLines.ts";
import { OFFICIAL_MARGINS } from "./officialPage.ts";
import { linesPdf, type PdfLineStyle } from "./pdfLines.ts";

type Kind = "title" | "text" | "kept" | "signature";
const STYLES: Record<Kind, PdfLineStyle> = {
  title: { font: "heading", size: 20, align: "center", moveDownAfter: 1 },
  text: { font: "regular", size: 14, lineGap: 6, indent: 28 },
  kept: { font: "regular", size: 14, align: "right", keepRoom: 700, space: 20 },
  signature: { picture: { width: 160, height: 60 }, indent: 56, pad: 4 },
};

async function pages(bytes: Buffer): Promise<{ text: string; images: number[][] }[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const out: { text: string; images: number[][] }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    // The transform (cm) last set before each image is painted: its size and place.
    let cm: number[] = [];
    const images: number[][] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.transform) cm = ops.argsArray[i] as number[];
      if (fn === OPS.paintImageXObject) images.push(cm);
    });
    out.push({ text: content.items.map((item) => ("str" in item ? item.str : "")).join(""), images });
  }
  await pdf.destroy();
  return out;
}

const signature = () =>
  sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><path d="M10 60 L 300 40" stroke="black" stroke-width="6"/></svg>'))
    .png()
    .toBuffer();

describe("linesPdf", () => {
  const fonts = findPdfFonts();

  it("prints the lines in order, a drawn signature fitted into its box at its indent", async () => {
    const lines: DocumentLine<Kind>[] = [
      { kind: "title", text: "人民调解协议书" },
      { kind: "text", text: "当事人（签名）：张丽" },
      { kind: "signature", png: await signature() },
      { kind: "text", text: "二〇二六年十二月六日" },
    ];
    const [page, ...rest] = await pages(await linesPdf(lines, STYLES, "人民调解协议书", fonts));
    expect(rest).toEqual([]);
    expect(page!.text.replace(/\s+/g, "")).toBe("人民调解协议书当事人（签名）：张丽二〇二六年十二月六日");
    expect(page!.images).toHaveLength(1);
    const [a, b, c, d, x] = page!.images[0]!;
    expect([a, b, c, Math.abs(d!)]).toEqual([160, 0, 0, 60]);
    expect(x).toBeCloseTo(OFFICIAL_MARGINS.left + 56, 3);
  });

  it("moves a line to a new page when the room it keeps is not left on this one", async () => {
    const lines: DocumentLine<Kind>[] = [
      { kind: "title", text: "工资集体协商要约书" },
      { kind: "kept", text: "某某有限公司工会（盖章）" },
    ];
    const [first, second] = await pages(await linesPdf(lines, STYLES, "要约书", fonts));
    expect(first!.text).toBe("工资集体协商要约书");
    expect(second!.text).toBe("某某有限公司工会（盖章）");
    const roomy = await pages(await linesPdf(lines, { ...STYLES, kept: { ...STYLES.kept, keepRoom: 100 } }, "要约书", fonts));
    expect(roomy.map((p) => p.text)).toEqual(["工资集体协商要约书某某有限公司工会（盖章）"]);
  });

  it("refuses a picture under a text style and text under a picture style", async () => {
    const png = await signature();
    expect(() => linesPdf([{ kind: "text", png }], STYLES, "x", fonts)).toThrow("the style of text is not a picture's");
    expect(() => linesPdf([{ kind: "signature", text: "张丽" }], STYLES, "x", fonts)).toThrow("the style of signature is a picture's");
  });
});
