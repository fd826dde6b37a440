import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, detectKind, looksLikeGbk } from "./decode.ts";
import { fixture } from "./testSupport.ts";

/** Deterministic bytes in [lo, hi] (a small LCG, so that failures are reproducible). */
function bytes(count: number, lo: number, hi: number, seed = 7): Buffer {
  const out = Buffer.alloc(count);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = lo + (s % (hi - lo + 1));
  }
  return out;
}

describe("detectKind", () => {
  it.each<[string, Buffer, string]>([
    ["ZIP (xlsx)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "xlsx"],
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n", "latin1"), "binary"],
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "binary"],
    ["old .xls (OLE2)", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "binary"],
    ["bytes with NUL", Buffer.from([0x41, 0x00, 0x42]), "binary"],
    ["random bytes", bytes(4096, 0, 255), "binary"],
    ["UTF-8 CSV", Buffer.from("姓名,角色\n张三,委员\n"), "text"],
    ["GBK CSV", fixture("cppcc-roster-gbk.csv"), "text"],
    ["UTF-16 LE with BOM (has NULs)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("姓名\tname\n", "utf16le")]), "text"],
  ])("%s → %s", (_label, buf, kind) => {
    expect(detectKind(buf)).toBe(kind);
  });
});

describe("decodeText", () => {
  it("reads UTF-8 and strips a BOM", () => {
    const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("姓名\n王䶮\n")]));
    expect(d).toEqual({ ok: true, text: "姓名\n王䶮\n", encoding: "utf-8" });
  });

  it("reads the GBK fixture as GBK, identical to the UTF-8 fixture without 王䶮", () => {
    const gbk = decodeText(fixture("cppcc-roster-gbk.csv"));
    const utf8 = fixture("cppcc-roster.csv").toString("utf8");
    expect(gbk.ok && gbk.encoding).toBe("gbk");
    expect(gbk.ok && gbk.text).toBe(utf8.replace("王䶮,男,科技界,无党派,某研究院 研究员,委员,\r\n", ""));
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    const text = "姓名\t角色\r\n欧阳明\t委员\r\n";
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toEqual({ ok: true, text, encoding: "utf-16le" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ ok: true, text, encoding: "utf-16be" });
  });

  it.each<[string, Buffer]>([
    ["Shift-JIS (decodes to valid but rare GBK characters)", iconv.encode("名前,役割\r\n山田太郎,委員\r\n佐藤花子,委員\r\n", "shiftjis")],
    ["Big5", iconv.encode("姓名,角色\r\n陳國華,委員\r\n林志穎,列席\r\n", "big5")],
    ["high bytes that are neither UTF-8 nor GBK", Buffer.concat([Buffer.from("name,role\n"), bytes(300, 0x80, 0xff)])],
    ["a lone GBK lead byte at the end", Buffer.concat([iconv.encode("姓名,角色\n张三,委员\n", "gbk"), Buffer.from([0xd5])])],
  ])("refuses %s", (_label, buf) => {
    expect(decodeText(buf)).toEqual({ ok: false });
  });

  it("the Shift-JIS case really is valid GB18030 that only the plausibility check rejects", () => {
    const sjis = iconv.encode("山田太郎,委員\r\n", "shiftjis");
    expect(iconv.decode(sjis, "gb18030")).not.toContain("\ufffd");
    expect(looksLikeGbk(sjis)).toBe(false);
    expect(looksLikeGbk(iconv.encode("山田太郎,委员\r\n", "gbk"))).toBe(true);
  });
});
