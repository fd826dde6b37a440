import { useTranslation } from "react-i18next";
import type { Poll, PollOption, RuleClause } from "@core/poll/schema.ts";
import { isFixedOption } from "./polls.ts";

/** The words of a poll in the current language: option labels and rule clauses. */
export function usePollText() {
  const { t } = useTranslation();
  const option = (o: PollOption): string => (isFixedOption(o) ? t(`poll.fixedOption.${o.id}`) : o.label);
  const optionById = (poll: Pick<Poll, "options">, id: string): string => {
    const o = poll.options.find((x) => x.id === id);
    return o ? option(o) : id;
  };
  /** 不少于 90%（应到）; 三分之二（应到权重） when it adds up weights; with its building in front (3号楼 …). */
  const clause = (c: Pick<RuleClause, "kind" | "percent" | "householdPrefix"> & { measure?: RuleClause["measure"] }): string => {
    const text = t(c.measure === "weight" ? `poll.rulesWeight.${c.kind}` : `poll.rules.${c.kind}`, { percent: c.percent });
    return c.householdPrefix ? t("poll.clauseIn", { building: c.householdPrefix, clause: text }) : text;
  };
  const rule = (poll: Pick<Poll, "definition">): string => {
    const clauses = poll.definition.rule.map(clause).join(t("poll.ruleJoin"));
    const quorum = poll.definition.quorum ? ` · ${t("poll.quorumShort", { percent: poll.definition.quorum.percent })}` : "";
    return clauses + quorum;
  };
  return { option, optionById, clause, rule };
}
