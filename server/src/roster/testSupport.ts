// Test helpers for the roster module (fixtures are copies of the shared fixtures, kept here so
// that tests never read outside the project).
import { readFileSync } from "node:fs";
import { constants, deflateRawSync } from "node:zlib";

/** cppcc-roster-gbk-lossy.csv: the GBK roster plus 王䶮 as Excel saves it in GBK (王?). */
export type FixtureName = "cppcc-roster.csv" | "cppcc-roster-gbk.csv" | "cppcc-roster-gbk-lossy.csv" | "community-roster.csv" | "bargaining-roster.csv";

export const fixture = (name: FixtureName): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export const csv = (text: string): Buffer => Buffer.from(text, "utf8");

/** One entry of a crafted ZIP: `data` as stored (raw deflate for method 8), `size` its inflated length. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else for an archive no reader supports. */
  method: number;
  data: Buffer;
  size: number;
  /** What the central directory claims instead of `size` (a lying bomb). */
  declaredSize?: number;
  /** Write the sizes as ZIP64 (0xFFFFFFFF in the record, the values in the 0x0001 extra field). */
  zip64?: boolean;
}

/**
 * A ZIP assembled byte by byte, to craft archives no library would write. CRCs are 0: the size
 * check comes before any reader would compare them.
 */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name, extra);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `mib` MiB of zeros as raw deflate, built in milliseconds: one MiB deflated with a full flush
 * (a byte-aligned, self-contained block) repeated, then an empty final block. 300 MiB ≈ 300 KB.
 */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

/** A "workbook" whose one sheet inflates to `mib` MiB of zeros, the directory telling the truth or `declaredSize`. */
export function zipBomb(mib: number, declaredSize?: number): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", method: 0, data: Buffer.from("<Types/>"), size: 8 },
    { name: "xl/worksheets/sheet1.xml", method: 8, data: deflatedZeros(mib), size: mib * 1024 * 1024, ...(declaredSize === undefined ? {} : { declaredSize }) },
  ]);
}
