// Attachments of ledger replies on disk: `<dataDir>/ledger/<itemId>/<random>`, outside the web root.
// Like the meetings' materials (meetings/materialFiles.ts) the type is decided by the file's first
// bytes, never by its name or the browser's claim; XLSX is allowed here too (answers with tables).
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { MAX_MATERIAL_BYTES, sniffMaterial } from "../meetings/materialFiles.ts";

export const MAX_ATTACHMENT_BYTES = MAX_MATERIAL_BYTES;

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The MIME type of an allowed attachment (PDF, DOCX, XLSX, PNG, JPEG), or null. */
export function sniffAttachment(buf: Buffer, fileName: string): string | null {
  const material = sniffMaterial(buf, fileName);
  if (material !== null) return material;
  const zip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  return zip && /\.xlsx$/i.test(fileName) && buf.includes("xl/") ? XLSX_MIME : null;
}

const SAFE_SEGMENT = /^[A-Za-z0-9-]{1,64}$/;

/** Files under `<dataDir>/<folder>/<ownerId>/` (the ledger's attachments; campaigns' form photos in "campaigns"). */
export class LedgerFiles {
  constructor(
    private readonly dataDir: string,
    private readonly folder = "ledger",
  ) {}

  path(itemId: string, storedName: string): string {
    if (!SAFE_SEGMENT.test(itemId) || !SAFE_SEGMENT.test(storedName)) throw new Error(`unsafe attachment path ${itemId}/${storedName}`);
    return path.join(this.dataDir, this.folder, itemId, storedName);
  }

  async save(itemId: string, content: Buffer): Promise<string> {
    const storedName = randomBytes(16).toString("hex");
    const file = this.path(itemId, storedName);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, content, { flag: "wx", mode: 0o600 });
    return storedName;
  }

  /** Only when the row could not be written (nothing refers to the file yet). */
  async discard(itemId: string, storedName: string): Promise<void> {
    await fs.rm(this.path(itemId, storedName), { force: true });
  }
}
