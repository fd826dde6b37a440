import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { choiceRange } from "@core/poll/decide.ts";
import type { Poll } from "@core/poll/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { CANDIDATE_ANSWERS, splitChoice, type CandidateAnswer } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

/**
 * The ballot on the phone: one large radio per option (否决 among them where allowed), one group
 * with the poll's title as its legend; the choice is cast with a second, explicit tap (a secret
 * ballot cannot be taken back). Multiple choice: checkboxes with 至少/至多 and 提交. Candidates:
 * 赞成/反对/弃权 for each candidate and one 提交. Where blank ballots are allowed, a secondary
 * 投空白票 (confirmed the same way). `initial`: my earlier choices when changing a named vote.
 */
export function BallotForm({
  poll,
  initial,
  pending,
  disabled,
  onCast,
}: {
  poll: Poll;
  initial: string[];
  pending: boolean;
  disabled: boolean;
  onCast: (choices: string[]) => void;
}) {
  if (poll.definition.form === "candidates") return <CandidatesBallot poll={poll} initial={initial} pending={pending} disabled={disabled} onCast={onCast} />;
  return <ChoiceBallot poll={poll} initial={initial} pending={pending} disabled={disabled} onCast={onCast} />;
}

type BallotProps = Parameters<typeof BallotForm>[0];

function ChoiceBallot({ poll, initial, pending, disabled, onCast }: BallotProps) {
  const { t } = useTranslation();
  const text = usePollText();
  const groupName = useId();
  const rangeId = useId();
  const [chosen, setChosen] = useState<string[]>(initial);
  // 空白票 chosen (allowBlank): nothing chosen, on purpose.
  const [blank, setBlank] = useState(false);
  const [min, max] = choiceRange(poll.definition, poll.options);
  const multiple = poll.definition.form === "multiple";
  // In the poll's option order, as the ballot box expects.
  const ordered = poll.options.map((o) => o.id).filter((id) => chosen.includes(id));
  const inRange = blank || (ordered.length >= min && ordered.length <= max);

  const toggle = (id: string) => {
    setBlank(false);
    if (!multiple) setChosen([id]);
    else setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  };
  const chooseBlank = () => {
    setChosen([]);
    setBlank(true);
  };
  const submit = useFocusOnBlank(blank);

  return (
    <form
      className={`ballot${multiple ? " ballot-multiple" : ""}`}
      data-testid="ballot"
      onSubmit={(e) => {
        e.preventDefault();
        if (inRange) onCast(blank ? [] : ordered);
      }}
    >
      {/* One group (fieldset and legend); the radios share a name, so the arrow keys move and choose. */}
      <fieldset className="ballot-options" disabled={disabled} aria-describedby={multiple ? rangeId : undefined}>
        <legend className="visually-hidden">{poll.definition.title}</legend>
        {multiple && (
          <p className="ballot-range" id={rangeId} data-testid="ballot-range">
            {min === max ? t("poll.chooseExactly", { n: min }) : `${t("poll.atLeast", { n: min })} · ${t("poll.atMost", { n: max })}`}
            {poll.definition.seats !== undefined && ` · ${t("poll.seatsShort", { n: poll.definition.seats })}`}
            <span className={inRange && !blank ? "ballot-chosen" : "muted"}> · {t("poll.chosen", { n: ordered.length })}</span>
          </p>
        )}
        {poll.options.map((o) => {
          const on = chosen.includes(o.id);
          return multiple ? (
            <label key={o.id} className={`ballot-option${on ? " chosen" : ""}`} data-testid="ballot-option" data-option={o.id}>
              <input type="checkbox" checked={on} disabled={!on && ordered.length >= max} onChange={() => toggle(o.id)} />
              <span>{text.option(o)}</span>
            </label>
          ) : (
            <label key={o.id} className={`ballot-option ballot-radio ballot-${o.id}${on ? " chosen" : ""}`} data-testid="ballot-option" data-option={o.id}>
              <input type="radio" name={groupName} value={o.id} checked={on} onChange={() => toggle(o.id)} />
              <span>
                {on && <Icon name="check" />} {text.option(o)}
              </span>
            </label>
          );
        })}
      </fieldset>
      {poll.definition.allowBlank && <BlankChoice blank={blank} disabled={disabled} onChoose={chooseBlank} />}
      <button ref={submit} type="submit" className="primary wide ballot-submit" disabled={disabled || pending || !inRange} data-testid="ballot-submit">
        {pending
          ? t("pending")
          : blank
            ? t("poll.confirmBlank")
            : multiple
              ? t("poll.submit")
              : ordered.length === 1
                ? t("poll.confirmChoice", { choice: text.optionById(poll, ordered[0]!) })
                : t("poll.confirm")}
      </button>
    </form>
  );
}

/**
 * Once 投空白票 is chosen its button gives way to a line saying what it means: focus moves on to
 * the submit button (确认投空白票) rather than falling to the page. The ref goes on that button.
 */
function useFocusOnBlank(blank: boolean) {
  const submit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blank) submit.current?.focus();
  }, [blank]);
  return submit;
}

/** 投空白票: secondary to the options; once chosen it says what it means. */
function BlankChoice({ blank, disabled, onChoose }: { blank: boolean; disabled: boolean; onChoose: () => void }) {
  const { t } = useTranslation();
  return blank ? (
    <p className="ballot-blank-chosen" role="status" data-testid="ballot-blank-chosen">
      <Icon name="check" /> {t("poll.blankChosen")}
    </p>
  ) : (
    <button type="button" className="ghost ballot-blank" disabled={disabled} onClick={onChoose} data-testid="ballot-blank">
      {t("poll.blankBallot")}
    </button>
  );
}

/**
 * An election ballot: for each candidate a radio group 赞成/反对/弃权 (native radios: Tab moves
 * between candidates, the arrow keys within one). A candidate left unmarked is sent as 弃权, so
 * the ballot the box keeps says what the voter saw; only 投空白票 sends an empty ballot.
 */
function CandidatesBallot({ poll, initial, pending, disabled, onCast }: BallotProps) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, CandidateAnswer>>(() =>
    Object.fromEntries(
      initial.flatMap((id) => {
        const choice = splitChoice(id);
        return choice ? [[choice.candidate, choice.answer]] : [];
      }),
    ),
  );
  const [blank, setBlank] = useState(false);
  const submit = useFocusOnBlank(blank);
  const answerOf = (candidate: string): CandidateAnswer => answers[candidate] ?? "abstain";
  const tally = Object.fromEntries(CANDIDATE_ANSWERS.map((a) => [a, poll.options.filter((o) => answerOf(o.id) === a).length])) as Record<
    CandidateAnswer,
    number
  >;
  const choices = poll.options.map((o) => `${o.id}:${answerOf(o.id)}`);
  const name = (candidate: string) => `ballot-${poll.pollId}-${candidate}`;

  return (
    <form
      className="ballot ballot-candidates"
      data-testid="ballot"
      onSubmit={(e) => {
        e.preventDefault();
        onCast(blank ? [] : choices);
      }}
    >
      <p className="ballot-range" data-testid="ballot-range">
        {t("poll.candidatesHint")}
        {poll.definition.seats !== undefined && ` · ${t("poll.seatsShort", { n: poll.definition.seats })}`}
      </p>
      <ol className="ballot-candidate-list">
        {poll.options.map((o) => (
          <li key={o.id} data-testid="ballot-candidate" data-option={o.id}>
            <fieldset className="ballot-candidate" disabled={disabled}>
              <legend className="ballot-candidate-name">{o.label}</legend>
              <div className="ballot-answers">
                {CANDIDATE_ANSWERS.map((a) => {
                  const on = answers[o.id] === a;
                  return (
                    <label key={a} className={`ballot-answer ballot-answer-${a}${on ? " chosen" : ""}`} data-testid="ballot-answer" data-answer={a}>
                      <input
                        type="radio"
                        name={name(o.id)}
                        value={a}
                        checked={on}
                        onChange={() => {
                          setBlank(false);
                          setAnswers({ ...answers, [o.id]: a });
                        }}
                      />
                      <span>
                        {on && <Icon name="check" />} {t(`poll.fixedOption.${a}`)}
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {poll.definition.allowBlank && (
        <BlankChoice
          blank={blank}
          disabled={disabled}
          onChoose={() => {
            setAnswers({});
            setBlank(true);
          }}
        />
      )}
      <button ref={submit} type="submit" className="primary wide ballot-submit" disabled={disabled || pending} data-testid="ballot-submit">
        {pending ? t("pending") : blank ? t("poll.confirmBlank") : t("poll.candidatesSubmit", tally)}
      </button>
    </form>
  );
}
