// One DOCX document on the official page (OFFICIAL_PAGE: A4, GB/T 9704 margins) in one section,
// with the default run (its font and size) every exporter gives, as bytes.
import { Document, Packer, type FileChild, type IRunOptions } from "docx";
import { OFFICIAL_PAGE } from "./officialPage.ts";

export interface OfficialDocx {
  title: string;
  /** The default run of the document (font, size, colour). */
  run: IRunOptions;
  children: FileChild[];
}

export function officialDocx({ title, run, children }: OfficialDocx): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: "议事厅 Yishiting",
    styles: { default: { document: { run } } },
    sections: [{ properties: { page: OFFICIAL_PAGE }, children }],
  });
  return Packer.toBuffer(doc);
}
