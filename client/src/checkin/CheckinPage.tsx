import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckinPage as CheckinInfo } from "@core/api/checkin.ts";
import { OkResponse } from "@core/api/common.ts";
import { httpClient, HttpError } from "../http/api.ts";
import { currentLanguage } from "../i18n/i18n.ts";

/** No session, no token: the QR code's secret is the authority. A refusal without the server's text reads "—". */
const checkin = httpClient({ localText: () => ({ zh: "—", en: "—" }) });

type Phase = { kind: "loading" } | { kind: "error"; message: string } | { kind: "choose"; info: CheckinInfo } | { kind: "done"; name: string };

/**
 * In-room check-in (扫码签到): the meeting's QR code opens /checkin/<meetingId>#c=<code>; the
 * person picks their own name and confirms. The code is in the fragment, so it stays out of logs.
 */
export function CheckinPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const code = new URLSearchParams(window.location.hash.slice(1)).get("c") ?? "";
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let cancelled = false;
    checkin.json("GET", `/api/checkin/${encodeURIComponent(meetingId)}?c=${encodeURIComponent(code)}`, CheckinInfo).then(
      (info) => !cancelled && setPhase({ kind: "choose", info }),
      (e: unknown) => !cancelled && setPhase({ kind: "error", message: errorText(e, t("error.OFFLINE")) }),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId, code, t]);

  const confirm = async () => {
    if (!chosen) return;
    setSending(true);
    try {
      await checkin.json("POST", `/api/checkin/${encodeURIComponent(meetingId)}`, OkResponse, { c: code, participantId: chosen.id });
      setPhase({ kind: "done", name: chosen.name });
    } catch (e) {
      setPhase({ kind: "error", message: errorText(e, t("error.OFFLINE")) });
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="checkin">
      <h1>{t("checkin.title")}</h1>
      {phase.kind === "loading" && <p role="status">{t("status.connecting")}</p>}
      {phase.kind === "error" && (
        <p className="error-notice" role="alert" data-testid="checkin-error">
          {phase.message}
        </p>
      )}
      {phase.kind === "done" && (
        <p className="banner banner-floor" role="status" data-testid="checkin-done">
          {t("checkin.done", { name: phase.name })}
        </p>
      )}
      {phase.kind === "choose" && (
        <>
          <p className="muted">{phase.info.meeting.title}</p>
          <label className="checkin-filter">
            {t("checkin.find")}
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="checkin-filter" />
          </label>
          <ul className="checkin-people">
            {phase.info.people
              .filter((p) => p.name.includes(filter.trim()))
              .map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={chosen?.id === p.id ? "primary wide" : "secondary wide"}
                    aria-pressed={chosen?.id === p.id}
                    onClick={() => setChosen({ id: p.id, name: p.name })}
                  >
                    {p.name} {p.unit && <span className="small">{p.unit}</span>}
                  </button>
                </li>
              ))}
          </ul>
          <div className="bottom-action">
            <button type="button" className="primary wide" disabled={!chosen || sending} onClick={() => void confirm()} data-testid="checkin-confirm">
              {chosen ? t("checkin.confirm", { name: chosen.name }) : t("checkin.choose")}
            </button>
          </div>
        </>
      )}
    </main>
  );
}

/** The server's message in the current language ("—" when it sent none); no answer at all: `offline`. */
function errorText(error: unknown, offline: string): string {
  return error instanceof HttpError && error.code !== "NETWORK" ? error.text[currentLanguage()] : offline;
}
