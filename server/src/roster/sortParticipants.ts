// Roster orders: as entered (roster), by pinyin, or by surname strokes (姓氏笔画). Comparisons
// never depend on the locale or the input order, and characters the libraries do not know
// (rare characters, Latin letters, "·") sort after known ones, by code point.
import cnchar from "cnchar";
import { pinyin } from "pinyin-pro";

export type RosterSort = "roster" | "pinyin" | "stroke";

/** Common two-character surnames, treated as one surname in stroke order (names of 3+ characters only). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "端木",
  "独孤",
  "南宫",
  "西门",
  "百里",
  "呼延",
  "申屠",
  "澹台",
  "公冶",
  "濮阳",
  "淳于",
  "单于",
  "太史",
  "闻人",
  "钟离",
  "宗政",
  "万俟",
  "赫连",
  "拓跋",
  "东郭",
  "司空",
  "第五",
  "闾丘",
  "亓官",
]);

const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Code point order (plain `<` on strings compares UTF-16 units, which misplaces astral characters). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareNumbers(x[i]?.codePointAt(0) ?? 0, y[i]?.codePointAt(0) ?? 0);
    if (c !== 0) return c;
  }
  return compareNumbers(x.length, y.length);
}

/** Per character: known keys before unknown; unknown characters by code point. */
type CharKey = { known: true; key: string | number; char: string } | { known: false; char: string };

function compareCharKeys(a: CharKey, b: CharKey): number {
  if (a.known && b.known) {
    const c = typeof a.key === "number" ? compareNumbers(a.key, b.key as number) : compareSyllables(a.key, b.key as string);
    return c;
  }
  if (a.known !== b.known) return a.known ? -1 : 1;
  return compareCodePoints(a.char, b.char);
}

function compareKeyLists(a: readonly CharKey[], b: readonly CharKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCharKeys(a[i] as CharKey, b[i] as CharKey);
    if (c !== 0) return c;
  }
  return compareNumbers(a.length, b.length);
}

/** Dictionary order: ü sorts as u, and lu before lü before luan. */
function compareSyllables(a: string, b: string): number {
  const base = (s: string) => s.replace(/ü/g, "u");
  const x = base(a);
  const y = base(b);
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function pinyinKeys(name: string): CharKey[] {
  const chars = Array.from(name);
  let syllables: string[];
  try {
    // surname mode reads the first character(s) as a surname: 曾 zeng, 单 shan, 仇 qiu
    syllables = pinyin(name, { toneType: "none", type: "array", surname: "head", v: false });
  } catch {
    syllables = [];
  }
  if (syllables.length !== chars.length) syllables = chars.map((c) => safePinyin(c));
  return chars.map((char, i) => {
    const s = syllables[i] ?? char;
    return s !== char && /^[a-zü]+$/.test(s) ? { known: true, key: s, char } : { known: false, char };
  });
}

function safePinyin(char: string): string {
  try {
    return pinyin(char, { toneType: "none", v: false });
  } catch {
    return char;
  }
}

export function strokeCount(char: string): number {
  try {
    const n = cnchar.stroke(char) as unknown;
    return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

const strokeKey = (char: string): CharKey => {
  const n = strokeCount(char);
  return n > 0 ? { known: true, key: n, char } : { known: false, char };
};

/** Splits a name into surname and given name (compound surnames only in names of 3+ characters). */
export function splitSurname(name: string): { surname: string[]; given: string[] } {
  const chars = Array.from(name.trim());
  const n = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join("")) ? 2 : 1;
  return { surname: chars.slice(0, n), given: chars.slice(n) };
}

/**
 * 姓氏笔画: strokes of the surname's first character; then the surname itself, so that people
 * sharing a surname stay together (same stroke count: by code point — the 起笔 order used in
 * print needs stroke-order data that is not installed); a single surname before a compound
 * one starting with the same character (欧 before 欧阳); then the compound's second character;
 * then the strokes of the given name, character by character (shorter first).
 */
function compareStroke(a: string, b: string): number {
  const x = splitSurname(a);
  const y = splitSurname(b);
  const xs = x.surname.map(strokeKey);
  const ys = y.surname.map(strokeKey);
  return (
    compareCharKeys(xs[0] ?? { known: false, char: "" }, ys[0] ?? { known: false, char: "" }) ||
    compareCodePoints(x.surname[0] ?? "", y.surname[0] ?? "") ||
    compareNumbers(xs.length, ys.length) ||
    compareKeyLists(xs.slice(1), ys.slice(1)) ||
    compareCodePoints(x.surname.join(""), y.surname.join("")) ||
    compareKeyLists(x.given.map(strokeKey), y.given.map(strokeKey))
  );
}

/** Blank names (never valid, but possible in old data) go after everything else. */
const compareBlank = (a: string, b: string): number => compareNumbers(a.trim() === "" ? 1 : 0, b.trim() === "" ? 1 : 0);

/** Returns a new array; the input is not changed. */
export function sortParticipants<T extends { name: string; ordinal: number }>(list: readonly T[], sort: RosterSort): T[] {
  const byOrdinal = (a: T, b: T) => compareNumbers(a.ordinal, b.ordinal);
  if (sort === "roster") return [...list].sort((a, b) => byOrdinal(a, b) || compareCodePoints(a.name, b.name));
  if (sort === "pinyin") {
    const keys = new Map(list.map((p) => [p.name, pinyinKeys(p.name)] as const));
    return [...list].sort(
      (a, b) =>
        compareBlank(a.name, b.name) || compareKeyLists(keys.get(a.name) ?? [], keys.get(b.name) ?? []) || compareCodePoints(a.name, b.name) || byOrdinal(a, b),
    );
  }
  return [...list].sort((a, b) => compareBlank(a.name, b.name) || compareStroke(a.name, b.name) || byOrdinal(a, b) || compareCodePoints(a.name, b.name));
}
