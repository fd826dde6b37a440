import { useTranslation } from "react-i18next";
import { baseName, clauseWords, type Lang } from "@core/poll/ruleText.ts";
import type { Base, Poll, PollOption, RuleClause } from "@core/poll/schema.ts";
import { isFixedOption } from "./polls.ts";

/** The words of a poll in the current language: option labels, rule clauses and bases (core/poll/ruleText.ts). */
export function usePollText() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith("en") ? "en" : "zh";
  const option = (o: PollOption): string => (isFixedOption(o) ? t(`poll.fixedOption.${o.id}`) : o.label);
  const optionById = (poll: Pick<Poll, "options">, id: string): string => {
    const o = poll.options.find((x) => x.id === id);
    return o ? option(o) : id;
  };
  const units = (poll: Pick<Poll, "definition">) => ({ perHousehold: poll.definition.eligibility.perHousehold });
  /** 不少于应到户数的80%（含本数）; at least 80% of all entitled households (应到), the number itself included. */
  const clause = (poll: Pick<Poll, "definition">, c: RuleClause): string => clauseWords(c, units(poll), lang);
  /** 应到户 · 实到 · 投票 (entitled households · present · cast). */
  const base = (poll: Pick<Poll, "definition">, b: Base, weight = false): string => baseName(b, units(poll), lang, weight);
  const rule = (poll: Pick<Poll, "definition">): string => {
    const clauses = poll.definition.rule.map((c) => clause(poll, c)).join(t("poll.ruleJoin"));
    const quorum = poll.definition.quorum ? ` · ${t("poll.quorumShort", { percent: poll.definition.quorum.percent })}` : "";
    return clauses + quorum;
  };
  return { option, optionById, clause, base, rule };
}
