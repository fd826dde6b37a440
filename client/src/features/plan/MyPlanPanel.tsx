import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SPEAKING_ROLES } from "@core/roles.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { myPlanApi, type MyPlannedSpeech, type MySpeechInput } from "./myPlan.ts";
import "./plan.css";

/**
 * 预约发言 / 书面发言 before the meeting: a member or official registers a speech with its text
 * and sees (and may withdraw) their entries. Only while the meeting has not opened; then booked
 * speeches are in the queue and written ones go through 书面发言 at the bottom.
 */
export function MyPlanPanel() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { state, welcome } = useMeeting();
  const meetingId = welcome?.meeting.id;
  const allowed = welcome !== null && !welcome.display && SPEAKING_ROLES.includes(welcome.me.role) && state?.status === "scheduled";
  const [entries, setEntries] = useState<MyPlannedSpeech[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [writing, setWriting] = useState<MySpeechInput["kind"] | null>(null);
  const [pending, setPending] = useState(false);
  const fallback = t("myPlan.failed");

  // The secretariat may arrange speeches for us too: look again whenever the live plan changes.
  const planVersion = state?.plan.map((p) => p.bookingId).join(",");
  useEffect(() => {
    if (!allowed || !meetingId) return;
    let live = true;
    myPlanApi.list(meetingId, connection.token, fallback).then(
      (list) => live && setEntries(list),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [allowed, meetingId, connection.token, fallback, planVersion]);

  if (!allowed || !state || !meetingId) return null;
  const itemTitle = (itemId: string | null) => {
    const index = state.agenda.findIndex((item) => item.id === itemId);
    return index < 0 ? null : `${index + 1}. ${state.agenda[index]!.title}`;
  };

  const withdraw = async (entry: MyPlannedSpeech) => {
    setPending(true);
    setError(null);
    try {
      await myPlanApi.withdraw(meetingId, connection.token, entry.id, fallback);
      setEntries((current) => current?.filter((e) => e.id !== entry.id) ?? null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel my-plan" aria-labelledby="my-plan-title" data-testid="my-plan">
      <h2 id="my-plan-title">{t("myPlan.title")}</h2>
      <p className="muted small">{t("myPlan.intro")}</p>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {entries && entries.length > 0 && (
        <ul className="my-plan-list" aria-label={t("myPlan.mine")} data-testid="my-plan-list">
          {entries.map((entry) => (
            <li key={entry.id} data-testid="my-plan-entry">
              <div>
                <KindBadge kind={entry.kind} /> <strong>{entry.title}</strong>
                <div className="muted small">
                  {[itemTitle(entry.agendaItemId), entry.selfRegistered ? null : t("myPlan.arranged")].filter(Boolean).join(" · ")}
                </div>
              </div>
              {entry.selfRegistered && (
                <button type="button" className="secondary small-button" disabled={pending} onClick={() => void withdraw(entry)} data-testid="my-plan-withdraw">
                  {t("myPlan.withdraw")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {entries && entries.length === 0 && !writing && <p className="muted small">{t("myPlan.none")}</p>}
      {writing ? (
        <MySpeechForm
          kind={writing}
          agenda={state.agenda}
          onCancel={() => setWriting(null)}
          onSubmit={async (input) => {
            const speech = await myPlanApi.register(meetingId, connection.token, input, fallback);
            setEntries((current) => [...(current ?? []), speech]);
            setWriting(null);
          }}
        />
      ) : (
        <div className="my-plan-actions">
          <button type="button" className="secondary" onClick={() => setWriting("booked")} data-testid="my-plan-booked">
            {t("myPlan.registerBooked")}
          </button>
          <button type="button" className="secondary" onClick={() => setWriting("written")} data-testid="my-plan-written">
            {t("myPlan.registerWritten")}
          </button>
        </div>
      )}
    </section>
  );
}

function MySpeechForm({
  kind,
  agenda,
  onSubmit,
  onCancel,
}: {
  kind: MySpeechInput["kind"];
  agenda: readonly { id: string; title: string }[];
  onSubmit: (input: MySpeechInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [itemId, setItemId] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = title.trim() !== "" && (kind === "booked" || text.trim() !== "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit({ kind, agendaItemId: itemId || null, title: title.trim(), text: text.trim() });
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  };

  return (
    <form className="my-plan-form" onSubmit={(e) => void submit(e)} data-testid="my-plan-form" data-kind={kind}>
      <h3>{t(`speaking.kindFull.${kind}`)}</h3>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {agenda.length > 0 && (
        <label htmlFor={`${id}-item`}>
          {t("myPlan.item")}
          <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="my-plan-item">
            <option value="">{t("myPlan.itemNone")}</option>
            {agenda.map((item, index) => (
              <option key={item.id} value={item.id}>
                {index + 1}. {item.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-title`}>
        {t("myPlan.speechTitle")}
        <input id={`${id}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="my-plan-title" />
      </label>
      <label htmlFor={`${id}-text`}>
        {t("myPlan.text")} <span className="muted small">{t(kind === "booked" ? "myPlan.textHintBooked" : "myPlan.textHintWritten")}</span>
        <textarea id={`${id}-text`} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} data-testid="my-plan-text" />
      </label>
      <span className="buttons">
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
          {t("speaking.cancel")}
        </button>
        <button type="submit" className="primary" disabled={pending || !valid} data-testid="my-plan-submit">
          {pending ? t("pending") : t("myPlan.submit")}
        </button>
      </span>
    </form>
  );
}
