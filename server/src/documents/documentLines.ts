// A document as the lines it prints, before any file format: each line has a kind, and each layout
// gives a style per kind for PDF (pdfLines.ts) and for DOCX (docxLines.ts). A line is text, or a
// picture (a drawn signature) placed in the flow.
export interface TextLine<K extends string> {
  kind: K;
  text: string;
}

export interface PictureLine<K extends string> {
  kind: K;
  /** The picture as PNG. */
  png: Buffer;
}

export type DocumentLine<K extends string> = TextLine<K> | PictureLine<K>;

/** The size a picture is fitted into. */
export interface PictureBox {
  width: number;
  height: number;
}

export const isPicture = <K extends string>(line: DocumentLine<K>): line is PictureLine<K> => "png" in line;
