// The DOCX renderer of document lines and the one DOCX set-up: the official A4 page and margins in one
// section, the default run, each line a paragraph styled as its kind says, a drawn signature as an
// image. Read back from the package's XML (jszip).
import JSZip from "jszip";
import sharp from "sharp";
import { AlignmentType } from "docx";
import { describe, expect, it } from "vitest";
import type { DocumentLine } from "./documentLines.ts";
import { linesDocx, type DocxLineStyle } from "./docxLines.ts";
import { BODY_RUN, FONT, OFFICIAL_PAGE, TITLE_RUN } from "./officialPage.ts";

type Kind = "title" | "text" | "date" | "signature";
const STYLES: Record<Kind, DocxLineStyle> = {
  title: { paragraph: { alignment: AlignmentType.CENTER }, run: TITLE_RUN },
  text: { paragraph: { indent: { firstLine: 640 } }, run: BODY_RUN },
  date: { paragraph: { alignment: AlignmentType.RIGHT }, run: BODY_RUN },
  signature: { paragraph: { indent: { left: 1280 } }, picture: { width: 160, height: 60 } },
};

const signature = () =>
  sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><path d="M10 60 L 300 40" stroke="black" stroke-width="6"/></svg>'))
    .png()
    .toBuffer();

describe("linesDocx", () => {
  it("writes one section on the official page with the body run, each line styled by its kind", async () => {
    const lines: DocumentLine<Kind>[] = [
      { kind: "title", text: "人民调解协议书" },
      { kind: "text", text: "当事人（签名）：张丽" },
      { kind: "signature", png: await signature() },
      { kind: "date", text: "2026年12月6日" },
    ];
    const zip = await JSZip.loadAsync(await linesDocx(lines, STYLES, "人民调解协议书"));
    const xml = await zip.file("word/document.xml")!.async("string");
    const paragraphs = xml.split("<w:p>").slice(1);
    expect(paragraphs.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))).toEqual([
      "人民调解协议书",
      "当事人（签名）：张丽",
      "",
      "2026年12月6日",
    ]);
    expect(paragraphs[0]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[0]).toContain("<w:b/>");
    expect(paragraphs[1]).toContain('w:firstLine="640"');
    expect(paragraphs[2]).toContain('w:left="1280"');
    expect(paragraphs[2]).toContain(`cx="${160 * 9525}" cy="${60 * 9525}"`);
    expect(paragraphs[3]).toContain('<w:jc w:val="right"/>');
    expect(Object.keys(zip.files).filter((name) => name.startsWith("word/media/"))).toHaveLength(1);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(1);
    expect(xml).toContain(`<w:pgSz w:w="${OFFICIAL_PAGE.size.width}" w:h="${OFFICIAL_PAGE.size.height}"`);
    expect(xml).toMatch(
      new RegExp(
        `<w:pgMar w:top="${OFFICIAL_PAGE.margin.top}" w:right="${OFFICIAL_PAGE.margin.right}" w:bottom="${OFFICIAL_PAGE.margin.bottom}" w:left="${OFFICIAL_PAGE.margin.left}"`,
      ),
    );
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain(`w:eastAsia="${FONT.fangsong.eastAsia}"`);
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain("<dc:title>人民调解协议书</dc:title>");
  });

  it("refuses a picture under a text style and text under a picture style", async () => {
    const png = await signature();
    expect(() => linesDocx([{ kind: "text", png }], STYLES, "x")).toThrow("the style of text is not a picture's");
    expect(() => linesDocx([{ kind: "signature", text: "张丽" }], STYLES, "x")).toThrow("the style of signature is a picture's");
  });
});
