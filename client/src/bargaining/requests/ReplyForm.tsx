// The other side's written reply to a request (§32): accepted, or declined with the reason; its
// date (a date after the deadline is recorded and marked late) and who answered.
import { useId, useState, type FormEvent } from "react";
import type { BargainingRequest, ReplyAnswer } from "@core/api/bargainingRequests.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { ErrorLine } from "../../admin/ui/Feedback.tsx";
import { useBargainingRequestsT } from "../../i18n/bargainingRequests.ts";
import { requestApi } from "./requestApi.ts";

export function ReplyForm({ request, onDone, onCancel }: { request: BargainingRequest; onDone: (request: BargainingRequest) => void; onCancel: () => void }) {
  const { t } = useBargainingRequestsT();
  const id = useId();
  const [answer, setAnswer] = useState<ReplyAnswer>("accepted");
  const [reason, setReason] = useState("");
  const [repliedOn, setRepliedOn] = useState(() => chinaDate(Date.now()));
  const [repliedBy, setRepliedBy] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { request: updated } = await requestApi.reply(request.id, { answer, reason: answer === "declined" ? reason : null, repliedOn, repliedBy });
      onDone(updated);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="reply-form">
      <div className="form-grid">
        <fieldset className="field span-2 choice-group">
          <legend>{t("reply.answer")}</legend>
          {(["accepted", "declined"] as const).map((a) => (
            <label key={a} className="choice">
              <input type="radio" name={`${id}-answer`} value={a} checked={answer === a} onChange={() => setAnswer(a)} />
              {t(`reply.${a}`)}
            </label>
          ))}
        </fieldset>
        {answer === "declined" && (
          <div className="field span-2">
            <label htmlFor={`${id}-reason`}>{t("reply.reason")}</label>
            <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} rows={3} required />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-on`}>{t("reply.repliedOn")}</label>
          <input id={`${id}-on`} type="date" value={repliedOn} min={request.sentOn} onChange={(e) => setRepliedOn(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>{t("reply.repliedBy")}</label>
          <input id={`${id}-by`} value={repliedBy} onChange={(e) => setRepliedBy(e.target.value)} maxLength={50} required />
        </div>
      </div>
      {repliedOn > request.replyDeadline && (
        <p className="muted" role="status">
          {t("reply.lateHint", { date: request.replyDeadline })}
        </p>
      )}
      <ErrorLine error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t("reply.submit")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("reply.cancel")}
        </button>
      </div>
    </form>
  );
}
