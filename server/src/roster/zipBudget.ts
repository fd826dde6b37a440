// An XLSX is a ZIP that ExcelJS (JSZip) inflates whole into memory: a 300 KB upload of deflated
// zeros becomes gigabytes. Before that, the entries are held to a budget of inflated bytes: first
// the sizes the central directory declares (an honest bomb is refused at once), then the real
// inflated sizes, streamed and counted and stopped at the budget (a directory that lies is
// caught without the memory it claims). The entries are located as JSZip locates them: central
// directory → local header → compressed size, so what is counted is what ExcelJS would read.
import zlib from "node:zlib";

/** Inflated bytes allowed for one spreadsheet (a 5 MiB XLSX of text is some 20–40 MiB inflated). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** A workbook has tens of parts; thousands of tiny entries are another way to keep the reader busy. */
const MAX_ENTRIES = 10_000;

export type ZipBudget = "ok" | "tooLarge" | "unreadable";

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

class Unreadable extends Error {}

/** Bounds-checked little-endian reads: a truncated or crafted file is "unreadable", never a crash. */
function reader(buf: Buffer) {
  const check = (at: number, bytes: number) => {
    if (!Number.isSafeInteger(at) || at < 0 || at + bytes > buf.length) throw new Unreadable();
  };
  return {
    u16: (at: number) => (check(at, 2), buf.readUInt16LE(at)),
    u32: (at: number) => (check(at, 4), buf.readUInt32LE(at)),
    u64: (at: number) => (check(at, 8), Number(buf.readBigUInt64LE(at))),
  };
}

/** The central directory's entries (with their ZIP64 extra fields where the 32-bit ones overflow). */
function entriesOf(buf: Buffer): Entry[] {
  const { u16, u32, u64 } = reader(buf);
  // The end record is within the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Unreadable();
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === MAX32) {
    if (eocd < 20 || u32(eocd - 20) !== ZIP64_LOCATOR) throw new Unreadable();
    const zip64 = u64(eocd - 20 + 8);
    if (u32(zip64) !== ZIP64_EOCD) throw new Unreadable();
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count && entries.length <= MAX_ENTRIES; i++) {
    if (u32(at) !== CENTRAL) throw new Unreadable();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const entry = { method: u16(at + 10), compressedSize: u32(at + 20), size: u32(at + 24), localOffset: u32(at + 42) };
    // ZIP64 extra field (0x0001): the 8-byte values of the fields that are 0xFFFFFFFF, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let field = x + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] !== MAX32) continue;
        entry[key] = u64(field);
        field += 8;
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/** The entry's inflated size, counted while streaming and given up past `limit`. */
function inflatedSize(data: Buffer, limit: number): Promise<number | "tooLarge" | "unreadable"> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 }); // large chunks: a bomb is counted in tens of ms
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve("tooLarge");
      }
    });
    inflate.once("error", () => resolve("unreadable"));
    inflate.once("end", () => resolve(size));
    inflate.end(data);
  });
}

/** Whether the ZIP in `buf` inflates to at most `budget` bytes in all, without inflating more than that. */
export async function checkZipBudget(buf: Buffer, budget = MAX_INFLATED_BYTES): Promise<ZipBudget> {
  let entries: Entry[];
  try {
    entries = entriesOf(buf);
  } catch (error) {
    if (error instanceof Unreadable) return "unreadable";
    throw error;
  }
  if (entries.length > MAX_ENTRIES || entries.reduce((sum, e) => sum + e.size, 0) > budget) return "tooLarge";
  const { u16, u32 } = reader(buf);
  let left = budget;
  for (const entry of entries) {
    let data: Buffer;
    try {
      if (u32(entry.localOffset) !== LOCAL) return "unreadable";
      const start = entry.localOffset + 30 + u16(entry.localOffset + 26) + u16(entry.localOffset + 28);
      if (start + entry.compressedSize > buf.length) return "unreadable";
      data = buf.subarray(start, start + entry.compressedSize);
    } catch (error) {
      if (error instanceof Unreadable) return "unreadable";
      throw error;
    }
    // Stored (0) and deflated (8) are all JSZip reads; anything else it refuses too.
    const size = entry.method === 0 ? data.length : entry.method === 8 ? await inflatedSize(data, left) : "unreadable";
    if (typeof size !== "number") return size;
    if (size > left) return "tooLarge";
    left -= size;
  }
  return "ok";
}
