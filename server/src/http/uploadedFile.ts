// Uploaded files (meeting materials, ledger reply attachments) go back only as downloads: a PDF
// shown inline runs its JavaScript in the browser's viewer on our origin, and an HTML or SVG file
// sniffed as such would run as a page of ours. So always `attachment`, never sniffed, and a
// sandboxing CSP should a browser render it anyway (docs/api.md, docs/security.md).
import fs from "node:fs";
import type { Response } from "express";
import { contentDisposition } from "../meetings/materialFiles.ts";

export interface StoredUpload {
  path: string;
  mime: string;
  size: number;
  /** The uploader's (cleaned) file name, Chinese included, for Content-Disposition. */
  name: string;
}

const UPLOAD_HEADERS = {
  "Content-Security-Policy": "sandbox; default-src 'none'",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
} as const;

/** Streams a stored upload as a download; a missing file rejects before any header is sent. */
export async function sendUploadedFile(res: Response, file: StoredUpload, log: (message: string, error?: unknown) => void): Promise<void> {
  const stream = fs.createReadStream(file.path);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  res.set({
    ...UPLOAD_HEADERS,
    "Content-Type": file.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition("attachment", file.name),
  });
  stream.once("error", (error) => {
    log(`reading ${file.path} failed`, error);
    res.destroy();
  });
  stream.pipe(res);
}
