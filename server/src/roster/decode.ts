// What kind of file an upload is (by content, never by name), and how to turn a text file
// into a string: UTF-8 (with or without BOM), UTF-16 with BOM (Excel "Unicode text"), or GBK
// as Excel on Chinese Windows saves CSV.
import iconv from "iconv-lite";

export type FileKind = "xlsx" | "text" | "binary";

const BINARY_MAGIC: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: old .xls / .doc
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

const startsWith = (buf: Uint8Array, magic: readonly number[]): boolean => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

const hasUtf16Bom = (buf: Uint8Array): boolean => startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);

/** ZIP (PK\x03\x04, or an empty archive PK\x05\x06) is a candidate workbook; the reader decides. */
export function detectKind(buf: Uint8Array): FileKind {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return "xlsx";
  if (BINARY_MAGIC.some((m) => startsWith(buf, m))) return "binary";
  if (hasUtf16Bom(buf)) return "text";
  // NUL bytes or many control characters never occur in a CSV in an 8-bit encoding.
  let controls = 0;
  const sample = buf.subarray(0, 64 * 1024);
  for (const b of sample) {
    if (b === 0) return "binary";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a) controls++;
  }
  return controls > sample.length / 100 ? "binary" : "text";
}

export type Decoded = { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gbk" } | { ok: false };

export function decodeText(buf: Uint8Array): Decoded {
  if (startsWith(buf, [0xff, 0xfe])) return strict(buf.subarray(2), "utf-16le");
  if (startsWith(buf, [0xfe, 0xff])) return strict(buf.subarray(2), "utf-16be");
  const body = startsWith(buf, [0xef, 0xbb, 0xbf]) ? buf.subarray(3) : buf;
  const utf8 = strict(body, "utf-8");
  if (utf8.ok) return utf8;
  if (!looksLikeGbk(body)) return { ok: false };
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "gb18030");
  if (text.includes("\ufffd") || hasStrayControls(text)) return { ok: false };
  return { ok: true, text, encoding: "gbk" };
}

function strict(bytes: Uint8Array, encoding: "utf-8" | "utf-16le" | "utf-16be"): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return hasStrayControls(text) ? { ok: false } : { ok: true, text, encoding };
  } catch {
    return { ok: false };
  }
}

function hasStrayControls(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u0019\u001b-\u001f]/.test(text);
}

/**
 * GB18030 decodes almost any byte string into *some* characters, so a decoding without errors
 * proves little: Shift-JIS or Big5 text comes out as valid but nonsensical Chinese. Real
 * Chinese rosters consist overwhelmingly of GB2312 characters (lead byte A1–A9 symbols or
 * B0–F7 hanzi, trail byte A1–FE); the rest of GBK holds rare characters. Accept the file as GBK
 * only if at most 10% of its multi-byte characters lie outside GB2312 and it uses no
 * four-byte GB18030 sequences (Excel's "ANSI" CSV on Chinese Windows is plain GBK).
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined) return false;
    if (trail >= 0x30 && trail <= 0x39) return false; // four-byte GB18030 sequence
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return false; // not a GBK trail byte
    const gb2312 = ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1;
    if (gb2312) common++;
    else rare++;
    i++;
  }
  return common + rare > 0 && rare <= (common + rare) / 10;
}
