// A poll's rule in words, in both languages, for every place it is shown (the chair's form,
// phones, the room display, the minutes): the base by its own name (应到 / 实到 / 投票 / 赞成与反对),
// the fraction as people say it (半数, 三分之二, 80%), the relation (超过, 不少于（含本数）,
// 不超过（含本数）, 少于), and the quorum.
import type { Base, Compare, Quorum, RuleClause, Share } from "./schema.ts";

export type Lang = "zh" | "en";

/** Households (户) or people (人): the unit of a per-household poll is the household. */
export interface Units {
  perHousehold: boolean;
}

const ZH_BASE: Record<Base, [people: string, households: string]> = {
  entitled: ["应到人数", "应到户数"],
  present: ["实到人数", "实到户数"],
  cast: ["投票数", "投票数"],
  decisive: ["赞成与反对票数", "赞成与反对票数"],
};
const EN_BASE: Record<Base, [people: string, households: string]> = {
  entitled: ["of everyone entitled (应到)", "of all entitled households (应到)"],
  present: ["of those present at the opening (实到)", "of the households present at the opening (实到)"],
  cast: ["of the votes cast (投票)", "of the votes cast (投票)"],
  decisive: ["of the votes for and against (abstentions and blank ballots left out)", "of the votes for and against (abstentions and blank ballots left out)"],
};

/** The short name of a base: 应到 / 实到 / 投票 / 赞成与反对, with 户 for households. */
export function baseName(base: Base, units: Units, lang: Lang, weight = false): string {
  if (lang === "en") {
    const name = { entitled: "entitled", present: "present", cast: "cast", decisive: "for and against" }[base];
    return name + (weight ? " (weight)" : units.perHousehold && (base === "entitled" || base === "present") ? " households" : "");
  }
  if (weight) return { entitled: "应到权重", present: "实到权重", cast: "投票权重", decisive: "赞成与反对权重" }[base];
  if (base === "cast") return "投票";
  if (base === "decisive") return "赞成与反对";
  return `${base === "entitled" ? "应到" : "实到"}${units.perHousehold ? "户" : ""}`;
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

const ZH_COMPARE: Record<Compare, [before: string, after: string]> = {
  more: ["超过", ""],
  atLeast: ["不少于", "（含本数）"],
  atMost: ["不超过", "（含本数）"],
  less: ["少于", ""],
};
const EN_COMPARE: Record<Compare, [before: string, after: string]> = {
  more: ["more than", ""],
  atLeast: ["at least", ", the number itself included"],
  atMost: ["at most", ", the number itself included"],
  less: ["less than", ""],
};

type ClauseShape = Pick<RuleClause, "base" | "share" | "compare" | "measure" | "householdPrefix" | "option">;

/**
 * One clause: 超过投票数的半数 · 不少于应到户数的80%（含本数） · 3号楼：不少于实到人数的三分之二（含本数）
 * · 弃权票不超过投票数的30%（含本数） · 没有否决票; more than half of the votes cast · at least 80% of
 * all entitled households (应到), the number itself included. `optionLabel`: the name of the
 * option a clause counts (its `option`), in the language asked.
 */
export function clauseWords(clause: ClauseShape, units: Units, lang: Lang, optionLabel?: string): string {
  const weight = clause.measure === "weight";
  const i = units.perHousehold ? 1 : 0;
  const named = clause.option !== undefined ? (optionLabel ?? clause.option) : null;
  let text: string;
  if (lang === "zh") {
    const who = named === null ? "" : `${named}票`;
    if (clause.share.num === 0) text = `没有${named ?? ""}票`;
    else {
      const base = weight ? baseName(clause.base, units, "zh", true) : ZH_BASE[clause.base][i];
      const [before, after] = ZH_COMPARE[clause.compare];
      text = `${who}${before}${base}的${shareWordsZh(clause.share)}${after}`;
    }
  } else {
    const who = named === null ? "" : `"${named}": `;
    if (clause.share.num === 0) text = `no "${named ?? ""}" ballot`;
    else {
      const base = weight ? `of the ${baseName(clause.base, units, "en", true).replace(" (weight)", "")} weight` : EN_BASE[clause.base][i];
      const [before, after] = EN_COMPARE[clause.compare];
      text = `${who}${before} ${shareWordsEn(clause.share)} ${base}${after}`;
    }
  }
  if (clause.householdPrefix === undefined) return text;
  return lang === "zh" ? `${clause.householdPrefix}：${text}` : `${clause.householdPrefix}: ${text}`;
}

/** The whole rule: every clause must hold (且 / and). `label` names the option a clause counts. */
export function ruleWords(rule: readonly RuleClause[], units: Units, lang: Lang, label: (optionId: string) => string = (id) => id): string {
  return rule.map((c) => clauseWords(c, units, lang, c.option === undefined ? undefined : label(c.option))).join(lang === "zh" ? "，且" : "; and ");
}

/**
 * 参与表决的人数不少于应到人数的三分之二（含本数），且权重不少于应到权重的三分之二（含本数） · at least
 * two thirds … take part; a presence quorum: 实到人数不少于应到人数的三分之二（含本数） · those present
 * at the opening (实到): at least two thirds of everyone entitled (应到).
 */
export function quorumWords(quorum: Quorum, units: Units, lang: Lang): string {
  const measures = quorum.measure === "both" ? (["count", "weight"] as const) : [quorum.measure];
  const i = units.perHousehold ? 1 : 0;
  const present = quorum.of === "present";
  const parts = measures.map((m) => {
    if (lang === "zh") {
      const [before, after] = ZH_COMPARE[quorum.compare];
      const who = present
        ? m === "weight"
          ? "实到权重"
          : ZH_BASE.present[i]
        : m === "weight"
          ? "参与表决的权重"
          : `参与表决的${units.perHousehold ? "户数" : "人数"}`;
      return `${who}${before}${m === "weight" ? "应到权重" : ZH_BASE.entitled[i]}的${shareWordsZh(quorum.share)}${after}`;
    }
    const [before, after] = EN_COMPARE[quorum.compare];
    const who = present
      ? m === "weight"
        ? "the weight present at the opening (实到)"
        : units.perHousehold
          ? "the households present at the opening (实到)"
          : "those present at the opening (实到)"
      : m === "weight"
        ? "the weight taking part"
        : units.perHousehold
          ? "the households taking part"
          : "those taking part";
    return `${who}: ${before} ${shareWordsEn(quorum.share)} ${m === "weight" ? "of the entitled weight" : EN_BASE.entitled[i]}${after}`;
  });
  return parts.join(lang === "zh" ? "，且" : "; and ");
}
