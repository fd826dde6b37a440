// A poll's rule in words, in both languages, for every place it is shown (the chair's form,
// phones, the room display, the minutes): the base by its own name (应到 / 实到 / 投票), the
// fraction as people say it (半数, 三分之二, 80%), and whether the number itself counts (含本数).
import type { Base, RuleClause, Share } from "./schema.ts";

export type Lang = "zh" | "en";

/** Households (户) or people (人): the unit of a per-household poll is the household. */
export interface Units {
  perHousehold: boolean;
}

const ZH_BASE: Record<Base, [people: string, households: string]> = {
  entitled: ["应到人数", "应到户数"],
  present: ["实到人数", "实到户数"],
  cast: ["投票数", "投票数"],
};
const EN_BASE: Record<Base, [people: string, households: string]> = {
  entitled: ["of everyone entitled (应到)", "of all entitled households (应到)"],
  present: ["of those present at the opening (实到)", "of the households present at the opening (实到)"],
  cast: ["of the votes cast (投票)", "of the votes cast (投票)"],
};

/** The short name of a base: 应到 / 实到 / 投票, with 户 for households. */
export function baseName(base: Base, units: Units, lang: Lang, weight = false): string {
  if (lang === "en") return { entitled: "entitled", present: "present", cast: "cast" }[base] + (weight ? " (weight)" : units.perHousehold && base !== "cast" ? " households" : "");
  if (weight) return { entitled: "应到权重", present: "实到权重", cast: "投票权重" }[base];
  return base === "cast" ? "投票" : `${base === "entitled" ? "应到" : "实到"}${units.perHousehold ? "户" : ""}`;
}

const ZH_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 半数 · 三分之二 · 80% · 7/12, as said in Chinese. */
export function shareWordsZh(share: Share): string {
  const { num, den } = share;
  if (num * 2 === den) return "半数";
  if (num === den) return "全部";
  // Thirds and quarters as words (三分之二, 四分之三), other round shares as percentages (80%).
  if ((den === 3 || den === 4) && num < den) return `${ZH_DIGITS[den]}分之${ZH_DIGITS[num]}`;
  if ((num * 100) % den === 0) return `${(num * 100) / den}%`;
  if (den <= 10) return `${ZH_DIGITS[den]}分之${ZH_DIGITS[num]}`;
  return `${num}/${den}`;
}

/** half · two thirds · 80% · 7/12 */
export function shareWordsEn(share: Share): string {
  const { num, den } = share;
  if (num * 2 === den) return "half";
  if (num === den) return "all";
  const small = ["", "one", "two", "three"];
  if (den === 3 || den === 4) return `${small[num]} ${den === 3 ? "third" : "quarter"}${num === 1 ? "" : "s"}`;
  if ((num * 100) % den === 0) return `${(num * 100) / den}%`;
  return `${num}/${den}`;
}

/**
 * One clause: 超过投票数的半数 · 不少于应到户数的80%（含本数） · 3号楼：不少于实到人数的三分之二（含本数）;
 * more than half of the votes cast · at least 80% of all entitled households (应到), the number itself included.
 */
export function clauseWords(clause: Pick<RuleClause, "base" | "share" | "atLeast" | "measure" | "householdPrefix">, units: Units, lang: Lang): string {
  const weight = clause.measure === "weight";
  const i = units.perHousehold ? 1 : 0;
  let text: string;
  if (lang === "zh") {
    const base = weight ? `${baseName(clause.base, units, "zh", true)}` : ZH_BASE[clause.base][i];
    text = clause.atLeast ? `不少于${base}的${shareWordsZh(clause.share)}（含本数）` : `超过${base}的${shareWordsZh(clause.share)}`;
  } else {
    const base = weight ? `of the ${baseName(clause.base, units, "en", true).replace(" (weight)", "")} weight` : EN_BASE[clause.base][i];
    text = `${clause.atLeast ? "at least" : "more than"} ${shareWordsEn(clause.share)} ${base}${clause.atLeast ? ", the number itself included" : ""}`;
  }
  if (clause.householdPrefix === undefined) return text;
  return lang === "zh" ? `${clause.householdPrefix}：${text}` : `${clause.householdPrefix}: ${text}`;
}

/** The whole rule: every clause must hold (且 / and). */
export function ruleWords(rule: readonly RuleClause[], units: Units, lang: Lang): string {
  return rule.map((c) => clauseWords(c, units, lang)).join(lang === "zh" ? "，且" : "; and ");
}
