// The secretariat enters a request to bargain as the requesting side sends it: which side, the two
// parties, the topics (one per line), the proposed time and place, who signs, the contact, the
// sending date (today unless told) and, optionally, the bargaining meeting it leads to.
import { useEffect, useId, useState, type FormEvent } from "react";
import type { BargainingRequest } from "@core/api/bargainingRequests.ts";
import type { Meeting } from "@core/api/meetings.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { fromZonedInput } from "@core/time/meetingTime.ts";
import { api } from "../../admin/api.ts";
import { ErrorLine } from "../../admin/ui/Feedback.tsx";
import { useBargainingRequestsT } from "../../i18n/bargainingRequests.ts";
import { requestApi } from "./requestApi.ts";

export function NewRequestForm({ onCreated }: { onCreated: (request: BargainingRequest) => void }) {
  const { t } = useBargainingRequestsT();
  const id = useId();
  const [side, setSide] = useState<Side>("worker");
  const [enterpriseName, setEnterpriseName] = useState("");
  const [unionName, setUnionName] = useState("");
  const [topics, setTopics] = useState("");
  const [proposedAt, setProposedAt] = useState("");
  const [proposedPlace, setProposedPlace] = useState("");
  const [requestedBy, setRequestedBy] = useState("");
  const [contact, setContact] = useState("");
  const [today] = useState(() => chinaDate(Date.now()));
  const [sentOn, setSentOn] = useState(today);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [meetingId, setMeetingId] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.meetings(false).then(({ meetings: list }) => setMeetings(list.filter((m) => m.kind === "bargaining")), setError);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The proposed time as the wall clock in China (as the 要约书 prints it).
      const at = fromZonedInput(proposedAt);
      const { request } = await requestApi.create({
        side,
        enterpriseName,
        unionName,
        topics: topics
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        proposedAt: at === null ? proposedAt : new Date(at).toISOString(),
        proposedPlace,
        requestedBy,
        contact,
        sentOn,
        meetingId: meetingId || null,
      });
      onCreated(request);
      setTopics("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: string, value: string, set: (v: string) => void, max: number, span = false) => (
    <div className={span ? "field span-2" : "field"}>
      <label htmlFor={`${id}-${key}`}>{t(`create.${key}`)}</label>
      <input id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)} maxLength={max} required />
    </div>
  );

  return (
    <form className="admin-card" onSubmit={(e) => void submit(e)} data-testid="request-new">
      <h2>{t("create.title")}</h2>
      <div className="form-grid">
        <fieldset className="field span-2 choice-group">
          <legend>{t("create.side")}</legend>
          {(["worker", "enterprise"] as const).map((s) => (
            <label key={s} className="choice">
              <input type="radio" name={`${id}-side`} value={s} checked={side === s} onChange={() => setSide(s)} />
              {t(`side.${s}`)}
            </label>
          ))}
        </fieldset>
        {text("enterpriseName", enterpriseName, setEnterpriseName, 100)}
        {text("unionName", unionName, setUnionName, 100)}
        <div className="field span-2">
          <label htmlFor={`${id}-topics`}>{t("create.topics")}</label>
          <textarea id={`${id}-topics`} value={topics} onChange={(e) => setTopics(e.target.value)} rows={4} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-at`}>{t("create.proposedAt")}</label>
          <input id={`${id}-at`} type="datetime-local" value={proposedAt} onChange={(e) => setProposedAt(e.target.value)} required />
        </div>
        {text("proposedPlace", proposedPlace, setProposedPlace, 200)}
        {text("requestedBy", requestedBy, setRequestedBy, 50)}
        {text("contact", contact, setContact, 100)}
        <div className="field">
          <label htmlFor={`${id}-sent`}>{t("create.sentOn")}</label>
          <input id={`${id}-sent`} type="date" value={sentOn} max={today} onChange={(e) => setSentOn(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-meeting`}>{t("create.meeting")}</label>
          <select id={`${id}-meeting`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
            <option value="">{t("create.noMeeting")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorLine error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}
