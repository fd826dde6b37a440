// Recognising a roster's columns by their Chinese or English header.

/** Where a column's cells go. The unit and household targets may span several columns. */
export type ColumnTarget =
  "name" | "role" | "sector" | "party" | "unit" | "phone" | "email" | "side" | "chief" | "household" | "building" | "entrance" | "flat" | "voteWeight";

const HEADER_ALIASES: Record<ColumnTarget, readonly string[]> = {
  name: ["姓名", "名字", "参会人员", "参会人员姓名", "name", "fullname"],
  role: ["角色", "身份", "参会身份", "参会角色", "role"],
  sector: ["界别", "sector"],
  party: ["党派", "政治面貌", "party"],
  unit: ["单位及职务", "工作单位及职务", "单位职务", "单位", "工作单位", "职务", "职位", "unit", "organisation", "organization", "title", "position"],
  phone: ["手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "phone", "mobile", "tel", "telephone"],
  email: ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"],
  side: ["方", "所属方", "代表方", "side"],
  chief: ["首席代表", "首席", "chief"],
  household: ["住址", "地址", "家庭住址", "household", "address"],
  building: ["楼栋", "楼号", "楼栋号", "栋", "building"],
  entrance: ["单元", "单元号", "entrance", "stairwell"],
  flat: ["户号", "门牌号", "房号", "房间号", "flat", "room", "apartment"],
  voteWeight: ["表决权重", "投票权重", "权重", "专有部分面积", "专有面积", "建筑面积", "面积", "weight", "vote weight", "voting weight"],
};

/** NFKC, no spaces, lower case, no "*" (required-field marks) and no trailing note in brackets. */
export function normaliseHeader(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*:：]/g, "")
    .replace(/[([【][^)\]】]*[)\]】]$/u, "")
    .toLowerCase();
}

const TARGET_BY_HEADER = new Map<string, ColumnTarget>(
  Object.entries(HEADER_ALIASES).flatMap(([target, names]) => names.map((n) => [normaliseHeader(n), target as ColumnTarget] as const)),
);

export function targetOfHeader(header: string): ColumnTarget | undefined {
  return TARGET_BY_HEADER.get(normaliseHeader(header));
}

/** Targets that several columns may feed (joined in column order). */
const MULTI_COLUMN: ReadonlySet<ColumnTarget> = new Set(["unit"]);

export interface ColumnMap {
  /** Column indexes per target, in column order. */
  columns: Map<ColumnTarget, number[]>;
  /** The header text as written in the file, per column index (for messages). */
  headers: string[];
  /** Targets given by more than one column where only one is allowed. */
  duplicated: ColumnTarget[];
}

export function mapColumns(headerCells: readonly string[]): ColumnMap {
  const columns = new Map<ColumnTarget, number[]>();
  const duplicated: ColumnTarget[] = [];
  headerCells.forEach((cell, index) => {
    const target = targetOfHeader(cell);
    if (!target) return; // unknown columns (性别, 序号, 备注 …) are ignored
    const list = columns.get(target);
    if (!list) columns.set(target, [index]);
    else {
      if (!MULTI_COLUMN.has(target) && !duplicated.includes(target)) duplicated.push(target);
      list.push(index);
    }
  });
  return { columns, headers: headerCells.map((h) => h.trim()), duplicated };
}

/** The header row is the first row (among the first few) with a name column: a sheet may open
 *  with a title line such as "某某会议参会人员名单". */
export const HEADER_SEARCH_ROWS = 10;

export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((c) => targetOfHeader(c) === "name");
}
