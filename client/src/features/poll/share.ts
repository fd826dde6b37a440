// A share as the chair types it ("80%", "80", "66.67%", "2/3", "4/6", "三分之二", "半数") read as an
// exact n/d, digit by digit: no float ever stands for a threshold (docs/glossary.md 含本数).
import { reduced } from "@core/poll/upgrade.ts";
import type { RuleClause } from "@core/poll/schema.ts";

const ZH_NUMERALS = "一二三四五六七八九十";
const MAX_DEN = 10_000;

/**
 * A share as people type it, exactly: "80%", "80", "66.67%" (two decimals at most), "2/3",
 * "3/4", "三分之二", full-width characters too. A bare number is a percentage and must be at
 * least 1 ("0.8" is refused: 80% or 4/5 is meant, or 0.8% must say so). Null when it is not a
 * share of 0 < n/d ≤ 1 (0 only with `allowZero`, for an upper bound) with n, d ≤ 10,000.
 */
export function parseShare(typed: string, { allowZero = false } = {}): RuleClause["share"] | null {
  const text = typed.normalize("NFKC").replace(/\s+/g, "");
  let share: { num: number; den: number } | null = null;
  const fraction = /^(\d{1,5})\/(\d{1,5})$/.exec(text);
  const chinese = /^([一二三四五六七八九十])分之([一二三四五六七八九十])$/.exec(text);
  // Percentages are read digit by digit into hundredths, so no float ever stands for a share.
  const percent = /^(\d{1,3})(?:\.(\d{1,2}))?(%?)$/.exec(text);
  if (fraction) share = Number(fraction[2]) === 0 ? null : { num: Number(fraction[1]), den: Number(fraction[2]) };
  else if (chinese) share = { num: ZH_NUMERALS.indexOf(chinese[2]!) + 1, den: ZH_NUMERALS.indexOf(chinese[1]!) + 1 };
  else if (text === "半数") share = { num: 1, den: 2 };
  else if (percent) {
    const hundredths = Number(percent[1]) * 100 + Number((percent[2] ?? "").padEnd(2, "0"));
    if (percent[3] === "" && hundredths !== 0 && hundredths < 100) return null;
    share = { num: hundredths, den: 10_000 };
  }
  if (share === null || share.num > share.den) return null;
  if (share.num === 0) return allowZero ? { num: 0, den: 1 } : null;
  const exact = reduced(share.num, share.den);
  return exact.den > MAX_DEN ? null : exact;
}

/** A share as the form shows it when it fills one in: 2/3, 3/4, 80%. */
export const shareText = (share: RuleClause["share"]): string =>
  (share.num * 100) % share.den === 0 ? `${(share.num * 100) / share.den}%` : `${share.num}/${share.den}`;
