import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseRosterFile } from "./parseRoster.ts";
import { deflatedZeros, zipBomb, zipOf } from "./testSupport.ts";
import { checkZipBudget } from "./zipBudget.ts";

const MiB = 1024 * 1024;

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("名单").addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The result and how long it took, in ms. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe("checkZipBudget", () => {
  it("lets a real workbook through", async () => {
    const rows = [["姓名", "界别"], ...Array.from({ length: 300 }, (_, i) => [`委员${i}`, "经济界"])];
    expect(await checkZipBudget(await workbook(rows))).toBe("ok");
  });

  it("refuses 300 MiB of deflated zeros (≈ 300 KB) by the sizes the directory declares, without inflating", async () => {
    const bomb = zipBomb(300);
    expect(bomb.length).toBeLessThan(400_000);
    const [result, ms] = await timed(() => checkZipBudget(bomb));
    expect(result).toBe("tooLarge");
    expect(ms).toBeLessThan(100);
  });

  it("refuses the same bomb when the directory claims 1 KB: inflation is counted and stopped at the budget", async () => {
    const bomb = zipBomb(300, 1024);
    const [result, ms] = await timed(() => checkZipBudget(bomb));
    expect(result).toBe("tooLarge");
    expect(ms).toBeLessThan(1000);
    // Exactly at the budget is allowed, one MiB over it is not, whatever the directory says.
    expect(await checkZipBudget(zipBomb(4, 1), 4 * MiB + 8)).toBe("ok");
    expect(await checkZipBudget(zipBomb(5, 1), 4 * MiB + 8)).toBe("tooLarge");
  });

  it("adds up entries that share one compressed stream (an overlapping bomb) and many small entries", async () => {
    const zeros = deflatedZeros(20);
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, method: 8, data: zeros, size: 20 * MiB, declaredSize: 10 }));
    expect(await checkZipBudget(zipOf(entries))).toBe("tooLarge");
    const tiny = Array.from({ length: 10_001 }, (_, i) => ({ name: `x${i}`, method: 0, data: Buffer.alloc(0), size: 0 }));
    expect(await checkZipBudget(zipOf(tiny))).toBe("tooLarge");
  });

  it("reads the sizes of ZIP64 entries", async () => {
    const small = zipOf([{ name: "xl/sheet.xml", method: 8, data: deflatedZeros(1), size: MiB, zip64: true }]);
    expect(await checkZipBudget(small)).toBe("ok");
    const huge = zipOf([{ name: "xl/sheet.xml", method: 8, data: deflatedZeros(1), size: MiB, declaredSize: 5 * 1024 * MiB, zip64: true }]);
    const [result, ms] = await timed(() => checkZipBudget(huge));
    expect([result, ms < 100]).toEqual(["tooLarge", true]);
  });

  it("calls anything it cannot follow unreadable, never throws", async () => {
    const whole = await workbook([["姓名"], ["张三"]]);
    const broken = [
      Buffer.alloc(0),
      Buffer.from("PK\u0003\u0004 not really a zip", "latin1"),
      whole.subarray(0, Math.floor(whole.length / 2)), // no end record
      zipOf([{ name: "a", method: 8, data: Buffer.from("not deflate"), size: 10 }]),
      zipOf([{ name: "a", method: 12, data: Buffer.from("bzip2?"), size: 6 }]),
      zipBomb(2).subarray(0, -40), // the directory cut short
    ];
    for (const buf of broken) expect(await checkZipBudget(buf)).toBe("unreadable");
  });
});

describe("a ZIP bomb as a roster", () => {
  it("is TABLE_TOO_LARGE with a row-0 report naming the file, in well under a second", async () => {
    for (const bomb of [zipBomb(300), zipBomb(300, 1024)]) {
      const [result, ms] = await timed(() => parseRosterFile(bomb, "名单.xlsx"));
      expect(result).toMatchObject({ ok: false, code: "TABLE_TOO_LARGE", report: [{ row: 0, code: "TABLE_TOO_LARGE" }] });
      expect(!result.ok && result.report[0]?.message.zh).toBe("名单.xlsx：表格解压后过大，请拆分成几个文件分别导入");
      expect(ms).toBeLessThan(1000);
    }
  });
});
