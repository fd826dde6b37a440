// The ordering rules in words, in both languages: what the chair reads under the suggested next
// speaker (依据：预约顺序（第1优先）) and what the organisers read beside the ordering settings.
import type { Lang, Words } from "../meetingKind.ts";
import type { OrderingRules } from "../plan/schema.ts";
import { rulePriority, type DecidingRule, type RuleName } from "./suggest.ts";

const RULE_WORDS: Record<RuleName | "queueOrder", Words> = {
  pointOfOrder: { zh: "程序性发言", en: "point of order" },
  booked: { zh: "预约顺序", en: "booked order" },
  partySlot: { zh: "党派优先", en: "party slot" },
  sectorBalance: { zh: "界别均衡", en: "sector balance" },
  notYetSpoken: { zh: "未发言优先", en: "not yet spoken" },
  queueOrder: { zh: "排队顺序", en: "queue order" },
};

export const ruleName = (rule: RuleName | "queueOrder", lang: Lang): string => RULE_WORDS[rule][lang];

/** 预约顺序（第1优先）; a point of order is always first: 程序性发言（始终最先）. */
export function rankedRule({ rule, priority }: DecidingRule, lang: Lang): string {
  const name = ruleName(rule, lang);
  if (priority === 0) return lang === "zh" ? `${name}（始终最先）` : `${name} (always first)`;
  return lang === "zh" ? `${name}（第${priority}优先）` : `${name} (priority ${priority})`;
}

/** Which rules decided a suggestion: 依据：预约顺序（第1优先）、界别均衡（第3优先）, or 依据：排队顺序. */
export function decidedByText(decidedBy: readonly DecidingRule[], lang: Lang): string {
  const rules = decidedBy.length === 0 ? [ruleName("queueOrder", lang)] : decidedBy.map((d) => rankedRule(d, lang));
  return lang === "zh" ? `依据：${rules.join("、")}` : `Decided by: ${rules.join(", ")}`;
}

/** The meeting's rules in priority order: 程序性发言 → 预约顺序 → 党派优先 → 界别均衡 → 未发言优先 → 排队顺序. */
export function priorityText(ordering: OrderingRules, lang: Lang): string {
  return [...rulePriority(ordering), "queueOrder" as const].map((rule) => ruleName(rule, lang)).join(" → ");
}
