import { useTranslation } from "react-i18next";
import { baseName, clauseWords, quorumWords, ruleWords, type Lang } from "@core/poll/ruleText.ts";
import { BLANK, INVALID } from "@core/poll/rules.ts";
import type { Base, Poll, PollOption, RuleClause } from "@core/poll/schema.ts";
import { isFixedOption, splitChoice } from "./polls.ts";

/** The words of a poll in the current language: option labels, rule clauses, the quorum and bases (core/poll/ruleText.ts). */
export function usePollText() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith("en") ? "en" : "zh";
  const option = (o: PollOption): string => (isFixedOption(o) ? t(`poll.fixedOption.${o.id}`) : o.label);
  /** An option by id: a fixed or typed option, a candidate's answer (王芳 赞成), 空白票 or 废票. */
  const optionById = (poll: Pick<Poll, "options">, id: string): string => {
    const o = poll.options.find((x) => x.id === id);
    if (o) return option(o);
    const choice = splitChoice(id);
    const candidate = choice && poll.options.find((x) => x.id === choice.candidate);
    if (choice && candidate) return `${candidate.label} ${t(`poll.fixedOption.${choice.answer}`)}`;
    if (id === BLANK || id === INVALID) return t(`poll.paper.${id}`);
    return id;
  };
  const units = (poll: Pick<Poll, "definition">) => ({ perHousehold: poll.definition.eligibility.perHousehold });
  /** 不少于应到户数的80%（含本数） · 弃权票不超过投票数的30%（含本数） · 没有否决票, with the option it counts named. */
  const clause = (poll: Pick<Poll, "definition" | "options">, c: RuleClause): string =>
    clauseWords(c, units(poll), lang, c.option === undefined ? undefined : optionById(poll, c.option));
  /** 应到户 · 实到 · 投票 · 赞成与反对 (entitled households · present · cast · for and against). */
  const base = (poll: Pick<Poll, "definition">, b: Base, weight = false): string => baseName(b, units(poll), lang, weight);
  /** 参与表决的户数不少于应到户数的三分之二（含本数）…, or null without a quorum. */
  const quorum = (poll: Pick<Poll, "definition">): string | null => (poll.definition.quorum ? quorumWords(poll.definition.quorum, units(poll), lang) : null);
  /** The whole rule in words, then the quorum. */
  const rule = (poll: Pick<Poll, "definition" | "options">): string => {
    const clauses = ruleWords(poll.definition.rule, units(poll), lang, (id) => optionById(poll, id));
    const q = quorum(poll);
    return q === null ? clauses : `${clauses}${t("poll.quorumJoin")}${q}`;
  };
  return { option, optionById, clause, base, quorum, rule };
}
