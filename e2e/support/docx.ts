// Reading a downloaded DOCX the way a person reads it: paragraph by paragraph.
import JSZip from "jszip";

/** The text of a DOCX's word/document.xml, paragraph by paragraph (runs joined), empty ones left out. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((p) => p !== "");
}
