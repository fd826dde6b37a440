import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { RATINGS, type Rating, type Reply } from "@core/ledger/item.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { HttpError } from "../../http/api.ts";
import { downloadFile } from "../../connection/download.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { REFRESH_MS, canRate, closedUnassigned, latestReply, ratingErrorKey, reloadAfter, sortForMember, stepStatuses } from "./mySuggestions.ts";
import { attachmentUrl, mySuggestionsApi } from "./mySuggestionsApi.ts";
import "./ledger-member.css";

/**
 * 我的建议: the suggestions this member raised in the meeting as they go through the ledger
 * (待交办 → 已交办 → 办理中 → 已反馈 → 办结), the department's reply, the live response given in
 * the meeting, and the rating of the reply. Read when the tab opens and every 30 s while it is
 * open (and when the phone wakes up); also long after the meeting has closed.
 */
export function MySuggestionsPanel() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { welcome } = useMeeting();
  const meetingId = welcome?.meeting.id ?? null;
  const [items, setItems] = useState<LedgerItemJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A refresh asked for by the button (the periodic ones are quiet). */
  const [loading, setLoading] = useState(false);
  /** Answers of older reads are dropped (a rating's answer is newer than a read already under way). */
  const generation = useRef(0);
  const fallback = t("mySuggestions.failed");

  const load = useCallback(() => {
    if (!meetingId) return;
    const mine = ++generation.current;
    mySuggestionsApi.list(meetingId, connection.token, fallback).then(
      (list) => {
        if (mine !== generation.current) return;
        setItems(sortForMember(list));
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError((e as Error).message);
        setLoading(false);
      },
    );
  }, [meetingId, connection.token, fallback]);

  useEffect(() => {
    load();
    const timer = setInterval(() => {
      if (!document.hidden) load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden) load();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [load]);

  const refresh = () => {
    setLoading(true);
    load();
  };

  const replaced = (item: LedgerItemJson) => {
    generation.current++;
    setLoading(false);
    setItems((current) => current?.map((i) => (i.id === item.id ? item : i)) ?? [item]);
  };

  return (
    <section className="my-suggestions" aria-labelledby="my-suggestions-title" aria-busy={loading} data-testid="my-suggestions">
      <div className="my-suggestions-head">
        <h2 id="my-suggestions-title">{t("mySuggestions.title")}</h2>
        <button type="button" className="secondary" onClick={refresh} disabled={loading} data-testid="my-suggestions-refresh">
          {loading ? t("pending") : t("mySuggestions.refresh")}
        </button>
      </div>
      <p className="muted small">{t("mySuggestions.intro")}</p>
      {error && items === null && (
        <div className="error-notice my-suggestions-error" role="alert" data-testid="my-suggestions-error">
          <span>
            <Icon name="warning" /> {error}
          </span>
          <button type="button" className="secondary" onClick={refresh} data-testid="my-suggestions-retry">
            {t("mySuggestions.retry")}
          </button>
        </div>
      )}
      {error && items !== null && <ErrorNotice message={t("mySuggestions.stale", { reason: error })} onClose={() => setError(null)} />}
      {items === null && !error && (
        <p className="muted" role="status" data-testid="my-suggestions-loading">
          {t("mySuggestions.loading")}
        </p>
      )}
      {items !== null && items.length === 0 && (
        <div className="panel my-suggestions-empty" data-testid="my-suggestions-empty">
          <p>
            <strong>{t("mySuggestions.empty")}</strong>
          </p>
          <p className="muted small">{t("mySuggestions.emptyHint")}</p>
        </div>
      )}
      {items !== null && items.length > 0 && meetingId && (
        <ol className="my-suggestions-list">
          {items.map((item) => (
            <li key={item.id}>
              <SuggestionCard item={item} meetingId={meetingId} onRated={replaced} onReload={() => load()} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SuggestionCard({
  item,
  meetingId,
  onRated,
  onReload,
}: {
  item: LedgerItemJson;
  meetingId: string;
  onRated: (item: LedgerItemJson) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const latest = latestReply(item);
  const sentBack = latest !== null && item.state === "in_progress";
  return (
    <article
      className="panel suggestion-card"
      data-testid="my-suggestion"
      data-item-id={item.id}
      data-state={item.state}
      aria-labelledby={`my-suggestion-${item.id}`}
    >
      <h3 id={`my-suggestion-${item.id}`} data-testid="my-suggestion-title">
        {item.title}
      </h3>
      <p className="muted small">
        {[
          item.agendaItemTitle ? t("mySuggestions.item", { title: item.agendaItemTitle }) : null,
          t("mySuggestions.raisedOn", { date: item.raisedOn }),
          t("mySuggestions.number", { number: item.number }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <StepIndicator item={item} />
      {item.text && (
        <p className="suggestion-card-text" data-testid="my-suggestion-text">
          {item.text}
        </p>
      )}
      {closedUnassigned(item) && (
        <p className="muted small" data-testid="my-suggestion-closed-unassigned">
          {t("mySuggestions.closedUnassigned")}
        </p>
      )}
      {item.lead && (
        <dl className="suggestion-card-facts" data-testid="my-suggestion-assignment">
          <dt>{t("mySuggestions.lead")}</dt>
          <dd data-testid="my-suggestion-lead">{item.lead.name}</dd>
          {item.partners.length > 0 && (
            <>
              <dt>{t("mySuggestions.partners")}</dt>
              <dd>{item.partners.map((p) => p.name).join(t("punct.list"))}</dd>
            </>
          )}
          {item.deadline && (
            <>
              <dt>{t("mySuggestions.deadline")}</dt>
              <dd data-testid="my-suggestion-deadline">
                {item.deadline}
                {item.flag && (
                  <span className={`deadline-flag deadline-${item.flag}`}>
                    {" "}
                    <Icon name="warning" /> {t(`mySuggestions.flag.${item.flag}`)}
                  </span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {item.liveResponses.length > 0 && (
        <section className="suggestion-card-live" data-testid="my-suggestion-live">
          <h4>{t("mySuggestions.liveResponses")}</h4>
          <ul>
            {item.liveResponses.map((r, i) => (
              <li key={i}>
                <strong>{r.unit ? `${r.name}${t("punct.open")}${r.unit}${t("punct.close")}` : r.name}</strong>
                {r.outcome && <span className="outcome-chip"> {t(`interjection.outcome.${r.outcome}`)}</span>}
                {r.point && <div>{r.point}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.replies.map((reply, i) => (
        <ReplyView key={i} reply={reply} n={i + 1} count={item.replies.length} superseded={i < item.replies.length - 1 || sentBack} />
      ))}
      {latest?.rating && <RatingView rating={latest.rating} />}
      {canRate(item) && <RatingForm item={item} meetingId={meetingId} onRated={onRated} onReload={onReload} />}
    </article>
  );
}

/** 待交办 → 已交办 → 办理中 → 已反馈 → 办结: each step with an icon and its name, never colour alone. */
function StepIndicator({ item }: { item: LedgerItemJson }) {
  const { t } = useTranslation();
  return (
    <div className="ms-steps-wrap">
      <p className="ms-steps-now" data-testid="my-suggestion-state">
        {t("mySuggestions.stateNow", { state: t(`mySuggestions.state.${item.state}`) })}
      </p>
      <ol className="ms-steps" aria-label={t("mySuggestions.stepsLabel")}>
        {stepStatuses(item.state, closedUnassigned(item)).map(({ step, status }) => (
          <li key={step} className={`ms-step step-${status}`} aria-current={status === "current" ? "step" : undefined} data-step={step} data-status={status}>
            <span className="ms-step-icon">
              {status === "skipped" ? "–" : <Icon name={status === "done" ? "check" : status === "current" ? "dot" : "ring"} />}
            </span>
            <span className="ms-step-name">{t(`mySuggestions.state.${step}`)}</span>
            <span className="ms-sr-only">{`${t("punct.open")}${t(`mySuggestions.step.${status}`)}${t("punct.close")}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ReplyView({ reply, n, count, superseded }: { reply: Reply; n: number; count: number; superseded: boolean }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const [error, setError] = useState<string | null>(null);
  const open = async (id: string, name: string) => {
    setError(null);
    try {
      await downloadFile(attachmentUrl(id), connection.token, name);
    } catch {
      setError(t("mySuggestions.attachmentFailed", { name }));
    }
  };
  return (
    <section className={`suggestion-card-reply${superseded ? " superseded" : ""}`} data-testid="my-suggestion-reply" data-superseded={superseded}>
      <h4>
        {count > 1 ? t("mySuggestions.replyN", { n }) : t("mySuggestions.reply")}
        <span className="outcome-chip" data-testid="my-suggestion-outcome">
          {t("mySuggestions.outcomeLine", { outcome: t(`mySuggestions.outcome.${reply.outcome}`) })}
        </span>
      </h4>
      <p className="muted small">{t("mySuggestions.replyBy", { name: reply.byName, date: chinaDate(reply.at) })}</p>
      {superseded && (
        // The latest reply sent back: the department is at it again; an earlier one: replaced since.
        <p className="muted small" data-testid="my-suggestion-sent-back">
          {n === count ? t("mySuggestions.sentBack") : t("mySuggestions.superseded")}
        </p>
      )}
      <p className="suggestion-card-text" data-testid="my-suggestion-reply-text">
        {reply.text}
      </p>
      {reply.attachments.length > 0 && (
        <div className="suggestion-card-attachments">
          <span className="muted small">{t("mySuggestions.attachments")}</span>
          <ul>
            {reply.attachments.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="secondary attachment-link"
                  onClick={() => void open(a.id, a.name)}
                  aria-label={t("mySuggestions.download", { name: a.name })}
                  data-testid="my-suggestion-attachment"
                >
                  {a.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice message={error} onClose={() => setError(null)} />
    </section>
  );
}

function RatingView({ rating }: { rating: NonNullable<Reply["rating"]> }) {
  const { t } = useTranslation();
  return (
    <section className="suggestion-card-rated" data-testid="my-suggestion-rated" data-rating={rating.rating}>
      <p>
        <Icon name="check" /> {t("mySuggestions.yourRating", { rating: t(`mySuggestions.rating.${rating.rating}`) })}
        <span className="muted small"> · {chinaDate(rating.at)}</span>
      </p>
      {rating.comment && <p className="muted small">{t("mySuggestions.yourComment", { comment: rating.comment })}</p>}
    </section>
  );
}

function RatingForm({
  item,
  meetingId,
  onRated,
  onReload,
}: {
  item: LedgerItemJson;
  meetingId: string;
  onRated: (item: LedgerItemJson) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const connection = useConnection();
  const id = useId();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setError(t("mySuggestions.chooseRating"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      onRated(await mySuggestionsApi.rate(meetingId, connection.token, item, rating, comment.trim(), t("mySuggestions.failed")));
    } catch (e) {
      const code = e instanceof HttpError ? e.code : "";
      const key = ratingErrorKey(code);
      setError(key ? t(key) : (e as Error).message);
      setPending(false);
      if (reloadAfter(code)) onReload();
    }
  };

  return (
    <form className="rating-form" onSubmit={(e) => void submit(e)} data-testid="my-suggestion-rating-form">
      <fieldset disabled={pending}>
        <legend>{t("mySuggestions.rateTitle")}</legend>
        <div className="rating-options">
          {RATINGS.map((r) => (
            <label key={r} className={rating === r ? "chosen" : undefined} data-testid={`my-suggestion-rating-${r}`}>
              <input type="radio" name={`${id}-rating`} value={r} checked={rating === r} onChange={() => setRating(r)} />
              {t(`mySuggestions.rating.${r}`)}
            </label>
          ))}
        </div>
        <label className="rating-comment" htmlFor={`${id}-comment`}>
          {t("mySuggestions.comment")}
        </label>
        <textarea
          id={`${id}-comment`}
          value={comment}
          maxLength={1000}
          onChange={(e) => setComment(e.target.value)}
          data-testid="my-suggestion-rating-comment"
        />
        <ErrorNotice message={error} onClose={() => setError(null)} />
        <button type="submit" className="primary" data-testid="my-suggestion-rating-submit">
          {pending ? t("pending") : t("mySuggestions.submitRating")}
        </button>
      </fieldset>
    </form>
  );
}
