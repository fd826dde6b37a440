// Uploaded materials on disk: `<dataDir>/materials/<meetingId>/<random>`, outside the web root.
// The type is decided by the file's first bytes, never by its name or the browser's claim; the
// client's file name is only kept (cleaned) for Content-Disposition.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const startsWith = (buf: Buffer, magic: readonly number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/** The MIME type of an allowed material, or null. */
export function sniffMaterial(buf: Buffer, fileName: string): string | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return "application/pdf"; // %PDF
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // DOCX is a ZIP; other ZIPs (xlsx, apk, anything) are refused: a Word document has word/ entries.
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(fileName) && buf.includes("word/")) return DOCX_MIME;
  return null;
}

/** The last path segment, without control characters, at most 200 characters; never empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "file" : cleaned;
}

/** `inline` or `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|[\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const SAFE_SEGMENT = /^[A-Za-z0-9-]{1,64}$/;

export class MaterialFiles {
  constructor(private readonly dataDir: string) {}

  /** Absolute path of a stored file; both segments are ours (UUID, random hex) and checked. */
  path(meetingId: string, storedName: string): string {
    if (!SAFE_SEGMENT.test(meetingId) || !SAFE_SEGMENT.test(storedName)) throw new Error(`unsafe material path ${meetingId}/${storedName}`);
    return path.join(this.dataDir, "materials", meetingId, storedName);
  }

  async save(meetingId: string, content: Buffer): Promise<string> {
    const storedName = randomBytes(16).toString("hex");
    const file = this.path(meetingId, storedName);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, content, { flag: "wx", mode: 0o600 });
    return storedName;
  }

  async remove(meetingId: string, storedName: string): Promise<void> {
    await fs.rm(this.path(meetingId, storedName), { force: true });
  }
}
