// Document lines (documentLines.ts) as DOCX paragraphs, each as its layout's style for its kind
// says: the paragraph's alignment, spacing and indent, and its run (font, size); a picture as an
// image fitted into its box. The DOCX twin of pdfLines.ts.
import { ImageRun, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from "docx";
import { isPicture, type DocumentLine, type PictureBox } from "./documentLines.ts";
import { officialDocx } from "./docxDocument.ts";
import { BODY_RUN } from "./officialPage.ts";

type ParagraphStyle = Omit<IParagraphOptions, "children" | "text">;

export interface DocxTextStyle {
  paragraph: ParagraphStyle;
  run: IRunOptions;
}

export interface DocxPictureStyle {
  paragraph: ParagraphStyle;
  picture: PictureBox;
}

export type DocxLineStyle = DocxTextStyle | DocxPictureStyle;

export function docxLines<K extends string>(lines: readonly DocumentLine<K>[], styles: Record<K, DocxLineStyle>): Paragraph[] {
  return lines.map((line) => {
    const style = styles[line.kind];
    if (isPicture(line)) {
      if (!("picture" in style)) throw new Error(`the style of ${line.kind} is not a picture's`);
      return new Paragraph({ ...style.paragraph, children: [new ImageRun({ type: "png", data: line.png, transformation: style.picture })] });
    }
    if ("picture" in style) throw new Error(`the style of ${line.kind} is a picture's`);
    return new Paragraph({ ...style.paragraph, children: [new TextRun({ ...style.run, text: line.text })] });
  });
}

/** The lines as a DOCX titled `title`, 正文 (BODY_RUN) by default. */
export function linesDocx<K extends string>(lines: readonly DocumentLine<K>[], styles: Record<K, DocxLineStyle>, title: string): Promise<Buffer> {
  return officialDocx({ title, run: BODY_RUN, children: docxLines(lines, styles) });
}
