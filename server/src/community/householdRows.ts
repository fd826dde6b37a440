// A household roster as a spreadsheet (CSV in UTF-8 or GBK, or XLSX, read by roster/readTable.ts)
// → households: the header row names the columns (楼栋, 单元, 户号, 户代表 or 姓名, 联系电话, in any
// order, other columns ignored), so the community's roster file (姓名,楼栋,单元,户号,角色,联系电话)
// imports as it is: a row with neither building nor flat is not a household (the chair, the
// property company, a grid worker) and is skipped; one with only part of them is refused by line.
import type { HouseholdInput } from "../../../core/api/community.ts";
import type { TableRow } from "../roster/table.ts";

const COLUMNS: Record<keyof Required<HouseholdInput>, readonly string[]> = {
  building: ["楼栋", "楼号", "楼", "building"],
  unit: ["单元", "unit"],
  room: ["户号", "门牌号", "房号", "室", "room", "flat"],
  representative: ["户代表", "户主", "姓名", "name", "representative"],
  phone: ["联系电话", "电话", "手机", "phone"],
};

export type HouseholdRows = { ok: true; households: HouseholdInput[]; skipped: number } | { ok: false; problems: string[] };

export function householdRows(rows: readonly TableRow[]): HouseholdRows {
  const [header, ...body] = rows;
  if (!header) return { ok: false, problems: ["empty file: a header row (楼栋, 单元, 户号, 户代表) and one row per household"] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([field, aliases]) => [field, names.findIndex((n) => aliases.includes(n))])) as Record<
    keyof HouseholdInput,
    number
  >;
  const missing = (["building", "room", "representative"] as const).filter((f) => index[f] < 0);
  if (missing.length > 0) return { ok: false, problems: [`line ${header.line}: no column for ${missing.map((f) => COLUMNS[f][0]).join(", ")}`] };
  const cell = (row: TableRow, field: keyof HouseholdInput) => (index[field] < 0 ? "" : (row.cells[index[field]] ?? "").trim());
  const households: HouseholdInput[] = [];
  const problems: string[] = [];
  let skipped = 0;
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (cell(row, "building") === "" && cell(row, "room") === "") {
      skipped++;
      continue;
    }
    const h = {
      building: cell(row, "building"),
      unit: cell(row, "unit"),
      room: cell(row, "room"),
      representative: cell(row, "representative"),
      phone: cell(row, "phone"),
    };
    const empty = (["building", "room", "representative"] as const).filter((f) => h[f] === "");
    if (empty.length > 0) problems.push(`line ${row.line}: ${empty.map((f) => COLUMNS[f][0]).join(", ")} missing`);
    else households.push({ ...h, phone: h.phone || null });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (households.length === 0) return { ok: false, problems: ["no households in the file"] };
  return { ok: true, households, skipped };
}
