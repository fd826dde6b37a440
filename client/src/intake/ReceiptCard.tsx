// One resident's item as the receipt shows it: the state in plain words, the problem, the answers
// (with the 反馈单 to download) and the rating of the latest answer once it is there.
import { useState } from "react";
import { categoryOf, type ReceiptView } from "@core/intake/report.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { RATINGS, type Rating } from "@core/ledger/item.ts";
import { useIntakeT } from "../i18n/intake.ts";
import { errorText, feedbackPath, type RatingInput } from "./intakeApi.ts";

export interface ReceiptCardProps {
  report: ReceiptView;
  /** The receipt code: downloads of the 反馈单 go through it (none on the grid worker's list). */
  code?: string;
  rate: (body: RatingInput) => Promise<ReceiptView>;
  /** The grid worker rates for the resident. */
  onBehalf?: boolean;
}

export function ReceiptCard({ report: initial, code, rate, onBehalf = false }: ReceiptCardProps) {
  const { t } = useIntakeT();
  const [report, setReport] = useState(initial);
  const [rating, setRating] = useState<Rating | "">("");
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState("");
  const [sending, setSending] = useState(false);
  const department = report.department ?? "";

  const send = async () => {
    if (rating === "") return;
    setSending(true);
    setProblem("");
    try {
      setReport(await rate({ baseVersion: report.version, rating, comment: comment.trim() }));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <article className="intake-card" data-testid="receipt-card" data-state={report.state}>
      <p className="intake-hint">
        {report.communityName} · {t("receipt.number", { number: report.number, date: report.raisedOn })}
      </p>
      <p className="intake-state" data-testid="receipt-state">
        {t(`receipt.state.${report.state}`, { department })}
      </p>
      {report.deadline && <p className="intake-hint">{t("receipt.deadline", { deadline: report.deadline })}</p>}
      {report.council && <p className="intake-hint">{t("receipt.council", { council: report.council })}</p>}
      <h2>{t("receipt.problem")}</h2>
      <p className="intake-hint">
        {t(`category.${categoryOf(report.category)}`)}
        {report.location && ` · ${report.location}`}
      </p>
      <p className="intake-text">{report.text}</p>
      {report.photos > 0 && <p className="intake-hint">{t("receipt.photos", { count: report.photos })}</p>}
      <h2>{t("receipt.replies")}</h2>
      {report.replies.length === 0 && <p className="intake-hint">{t("receipt.noReply")}</p>}
      {report.replies.map((reply, i) => (
        <section key={i} className="intake-reply" data-testid="receipt-reply">
          <p className="intake-hint">{t("receipt.replyBy", { by: reply.by, date: chinaDate(reply.at) })}</p>
          <p className="intake-text">{reply.text}</p>
          {reply.rating && <p data-testid="receipt-rated">{t("receipt.yourRating", { rating: t(`receipt.rating.${reply.rating.rating}`) })}</p>}
        </section>
      ))}
      {report.feedbackForm && code && (
        <p className="intake-downloads">
          {t("receipt.feedback", { number: report.feedbackForm.number })}
          {(["pdf", "docx"] as const).map((format) => (
            <a key={format} href={feedbackPath(code, format)} download data-testid={`receipt-feedback-${format}`}>
              {t("receipt.download", { format: format.toUpperCase() })}
            </a>
          ))}
        </p>
      )}
      {report.canRate && (
        <fieldset className="intake-rate" data-testid="receipt-rate">
          <legend>{onBehalf ? t("grid.rateFor") : t("receipt.rate")}</legend>
          {RATINGS.map((r) => (
            <label key={r} className={rating === r ? "intake-chip chosen" : "intake-chip"}>
              <input
                type="radio"
                name={`rating-${report.id}`}
                value={r}
                checked={rating === r}
                onChange={() => setRating(r)}
                data-testid={`receipt-rating-${r}`}
              />
              {t(`receipt.rating.${r}`)}
            </label>
          ))}
          <label className="intake-field">
            {t("receipt.comment")}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} rows={2} data-testid="receipt-comment" />
          </label>
          <button type="button" className="primary wide" disabled={rating === "" || sending} onClick={() => void send()} data-testid="receipt-send">
            {t("receipt.send")}
          </button>
        </fieldset>
      )}
      {problem && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
