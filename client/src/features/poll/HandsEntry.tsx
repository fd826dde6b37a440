import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import type { Poll } from "@core/poll/schema.ts";
import { usePollText } from "./usePollText.ts";

/** 举手表决: the clerk (or chair) enters the hands raised in the room per option; each entry replaces the last. */
export function HandsEntry({ poll, run, pending, defaultOpen }: { poll: Poll; run: (command: Command) => Promise<boolean>; pending: boolean; defaultOpen: boolean }) {
  const { t } = useTranslation();
  const text = usePollText();
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(poll.options.map((o) => [o.id, String(poll.hands?.[o.id] ?? "")])),
  );
  const [open, setOpen] = useState(defaultOpen || poll.hands !== null);
  // A show of hands answers one option per person: not for multiple choice (the core refuses it too).
  if (poll.definition.form === "multiple") return null;
  const entered = poll.hands && (
    <p className="muted small" data-testid="poll-hands-entered">
      {t("poll.handsEntered", { counts: poll.options.map((o) => `${text.option(o)} ${poll.hands?.[o.id] ?? 0}`).join("、") })}
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
  const parsed = Object.fromEntries(poll.options.map((o) => [o.id, Number(counts[o.id] || 0)]));
  const valid = Object.values(parsed).every((n) => Number.isInteger(n) && n >= 0);
  return (
    <form className="poll-hands" data-testid="poll-hands"
      onSubmit={(e) => { e.preventDefault(); if (valid) void run({ type: "poll.enterHands", pollId: poll.pollId, counts: parsed }); }}>
      <p className="poll-hands-title">{t("poll.hands")} <span className="muted small">{t("poll.handsHint")}</span></p>
      <div className="poll-hands-inputs">
        {poll.options.map((o) => (
          <label key={o.id}>
            {text.option(o)}
            <input type="number" min={0} step={1} value={counts[o.id] ?? ""} data-testid="poll-hands-input" data-option={o.id}
              onChange={(e) => setCounts({ ...counts, [o.id]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="secondary" disabled={pending || !valid} data-testid="poll-hands-submit">{t("poll.handsSubmit")}</button>
      </div>
      {entered}
    </form>
  );
}
