import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { usePollText } from "./usePollText.ts";

/** The running tally of a named poll, when the server sends it to this person (its tallyVisibility). */
export function LiveTally({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const text = usePollText();
  const { polls } = useMeeting();
  const tally = polls.tally[poll.pollId];
  if (poll.status !== "open" || !tally) return null;
  return (
    <p className="poll-live-tally" data-testid="poll-live-tally">
      <span className="muted small">{t("poll.liveTally")}</span>{" "}
      {poll.definition.form === "candidates"
        ? // Per candidate 赞成/反对 (弃权 is whatever is left, unmarked included).
          poll.options
            .map(
              (o) =>
                `${o.label} ${t("poll.fixedOption.yes")} ${tally.counts[`${o.id}:yes`] ?? 0} / ${t("poll.fixedOption.no")} ${tally.counts[`${o.id}:no`] ?? 0}`,
            )
            .join(" · ")
        : poll.options.map((o) => `${text.option(o)} ${tally.counts[o.id] ?? 0}`).join(" · ")}
    </p>
  );
}
