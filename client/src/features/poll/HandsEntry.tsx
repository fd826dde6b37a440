import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { BLANK, INVALID } from "@core/poll/rules.ts";
import type { Poll } from "@core/poll/schema.ts";
import { usePollText } from "./usePollText.ts";

/**
 * 举手表决: the clerk (or chair) enters the hands raised in the room per option, and for paper
 * ballots the blank (空白票) and invalid (废票) ones, which count in 投票 for no option; each
 * entry replaces the last.
 */
export function HandsEntry({
  poll,
  run,
  pending,
  defaultOpen,
}: {
  poll: Poll;
  run: (command: Command) => Promise<boolean>;
  pending: boolean;
  defaultOpen: boolean;
}) {
  const { t } = useTranslation();
  const text = usePollText();
  const ids = [...poll.options.map((o) => o.id), BLANK, INVALID];
  const [counts, setCounts] = useState<Record<string, string>>(() => Object.fromEntries(ids.map((id) => [id, String(poll.hands?.[id] ?? "")])));
  const [open, setOpen] = useState(defaultOpen || poll.hands !== null);
  // A show of hands answers one option per person: not for multiple choice nor an election (the core refuses them too).
  if (poll.definition.form === "multiple" || poll.definition.form === "candidates") return null;
  const entered = poll.hands && (
    <p className="muted small" data-testid="poll-hands-entered">
      {t("poll.handsEntered", {
        counts: ids
          .filter((id) => poll.options.some((o) => o.id === id) || (poll.hands?.[id] ?? 0) > 0)
          .map((id) => `${text.optionById(poll, id)} ${poll.hands?.[id] ?? 0}`)
          .join(t("punct.list")),
      })}
    </p>
  );
  if (!open) {
    return (
      <div className="poll-hands-folded">
        {entered}
        <button type="button" className="secondary small-button" onClick={() => setOpen(true)} data-testid="poll-hands-open">
          {t("poll.handsOpen")}
        </button>
      </div>
    );
  }
  const parsed = Object.fromEntries(ids.map((id) => [id, Number(counts[id] || 0)]));
  const valid = Object.values(parsed).every((n) => Number.isInteger(n) && n >= 0);
  const input = (id: string) => (
    <label key={id}>
      {text.optionById(poll, id)}
      <input
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={counts[id] ?? ""}
        data-testid="poll-hands-input"
        data-option={id}
        onChange={(e) => setCounts({ ...counts, [id]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      className="poll-hands"
      data-testid="poll-hands"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void run({ type: "poll.enterHands", pollId: poll.pollId, counts: parsed });
      }}
    >
      <p className="poll-hands-title">
        {t("poll.hands")} <span className="muted small">{t("poll.handsHint")}</span>
      </p>
      <div className="poll-hands-inputs">{poll.options.map((o) => input(o.id))}</div>
      <div className="poll-hands-inputs poll-hands-paper">
        {input(BLANK)}
        {input(INVALID)}
        <span className="muted small">{t("poll.handsPaper")}</span>
      </div>
      <div className="poll-buttons">
        <button type="submit" className="secondary" disabled={pending || !valid} data-testid="poll-hands-submit">
          {t("poll.handsSubmit")}
        </button>
      </div>
      {entered}
    </form>
  );
}
