import { useState } from "react";
import { useTranslation } from "react-i18next";
import { choiceRange } from "@core/poll/decide.ts";
import type { Poll } from "@core/poll/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { usePollText } from "./usePollText.ts";

/**
 * The ballot on the phone: one large button per option; the choice is cast with a second,
 * explicit tap (a secret ballot cannot be taken back). Multiple choice: checkboxes with
 * 至少/至多 and 提交. `initial`: my earlier choices when changing a named vote.
 */
export function BallotForm({ poll, initial, pending, disabled, onCast }: {
  poll: Poll; initial: string[]; pending: boolean; disabled: boolean; onCast: (choices: string[]) => void;
}) {
  const { t } = useTranslation();
  const text = usePollText();
  const [chosen, setChosen] = useState<string[]>(initial);
  const [min, max] = choiceRange(poll.definition, poll.options);
  const multiple = poll.definition.form === "multiple";
  // In the poll's option order, as the ballot box expects.
  const ordered = poll.options.map((o) => o.id).filter((id) => chosen.includes(id));
  const inRange = ordered.length >= min && ordered.length <= max;

  const toggle = (id: string) => {
    if (!multiple) setChosen([id]);
    else setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  };

  return (
    <form className={`ballot${multiple ? " ballot-multiple" : ""}`} data-testid="ballot"
      onSubmit={(e) => { e.preventDefault(); if (inRange) onCast(ordered); }}>
      {multiple && (
        <p className="ballot-range" data-testid="ballot-range">
          {min === max ? t("poll.chooseExactly", { n: min }) : `${t("poll.atLeast", { n: min })} · ${t("poll.atMost", { n: max })}`}
          <span className={inRange ? "ballot-chosen" : "muted"}> · {t("poll.chosen", { n: ordered.length })}</span>
        </p>
      )}
      <div className="ballot-options" role={multiple ? "group" : "radiogroup"} aria-label={poll.definition.title}>
        {poll.options.map((o) => {
          const on = chosen.includes(o.id);
          return multiple ? (
            <label key={o.id} className={`ballot-option${on ? " chosen" : ""}`} data-testid="ballot-option" data-option={o.id}>
              <input type="checkbox" checked={on} disabled={disabled || (!on && ordered.length >= max)} onChange={() => toggle(o.id)} />
              <span>{text.option(o)}</span>
            </label>
          ) : (
            <button key={o.id} type="button" role="radio" aria-checked={on} disabled={disabled}
              className={`ballot-option ballot-${o.id}${on ? " chosen" : ""}`} onClick={() => toggle(o.id)} data-testid="ballot-option" data-option={o.id}>
              {on && <Icon name="check" />} {text.option(o)}
            </button>
          );
        })}
      </div>
      <button type="submit" className="primary wide ballot-submit" disabled={disabled || pending || !inRange} data-testid="ballot-submit">
        {pending
          ? t("pending")
          : multiple
            ? t("poll.submit")
            : ordered.length === 1
              ? t("poll.confirmChoice", { choice: text.optionById(poll, ordered[0]!) })
              : t("poll.confirm")}
      </button>
    </form>
  );
}
