import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countdown, formatClock } from "@core/clock.ts";
import type { InterjectionRequest } from "@core/interjection/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { MicToggle } from "../media/MicToggle.tsx";
import { chairTools } from "../meeting/chairTools.ts";
import { useChairWord } from "../meeting/useRoleLabel.ts";
import { interjectionsOff, mayInterject, requestFate, type RequestFate } from "./interjection.ts";
import "./interjection.css";

/**
 * The official's (or, when allowed, a member's) 申请插话 on the phone, in the bottom action:
 * 申请插话 (with an optional 回应要点) → 已申请插话 · 撤回 → 主持人已同意 · 您正在插话 with the own
 * countdown and 结束插话; or 主持人未同意 / 已过期. The outcome (采纳/研究/说明) is the chair's or the
 * clerk's to mark, in the record, not the official's about their own answer.
 */
export function InterjectionAction() {
  const { t } = useTranslation();
  const { state, welcome, status } = useMeeting();
  const now = useServerNow();
  const { chair } = useChairWord();
  const { run, pending, error, clearError } = useCommand();
  const [writing, setWriting] = useState(false);
  const [point, setPoint] = useState("");
  // The request last seen in the list, what became of it once it left, and my own withdrawal.
  const [tracked, setTracked] = useState<InterjectionRequest | null>(null);
  const [fate, setFate] = useState<RequestFate | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);

  const me = welcome?.me;
  const mine = (me && state?.interjectionRequests.find((r) => r.participantId === me.id)) || null;
  // Adjusting state to the meeting's transitions during render (React's "previous value" pattern).
  if (state && me && mine && mine.requestId !== tracked?.requestId) {
    setTracked(mine);
    setFate(null);
  } else if (state && me && !mine && tracked) {
    setTracked(null);
    setFate(tracked.requestId === withdrawn ? null : requestFate(tracked, state, me.id));
  }
  if (!state || !me || state.status !== "open" || !mayInterject(state, me)) return null;

  const disabled = pending || status !== "connected";
  const running = state.interjection?.participantId === me.id ? state.interjection : null;
  if (running) {
    const clock = countdown(running.startedAt, running.capMs, now);
    return (
      // Not a live region: it holds the ticking digits (ClockAnnouncements says the clock's news).
      <div className={`my-interjection phase-${clock.phase}`} data-testid="my-interjection">
        <ErrorNotice message={error} onClose={clearError} />
        <p className="my-interjection-head">
          <Icon name="mic" /> {t("interjection.granted", { chair })} · {t("interjection.youInterject")}
        </p>
        <p className="my-clock">
          {clock.phase === "overrun" ? (
            <>
              <Icon name="overrun" /> {t("floor.overrun")}
            </>
          ) : clock.phase === "warning" ? (
            <>
              <Icon name="warning" /> {t("floor.warning")}
            </>
          ) : (
            t("interjection.myClock")
          )}
          <strong data-testid="my-interjection-countdown">{formatClock(clock.remainingMs)}</strong>
        </p>
        <MicToggle />
        <button
          type="button"
          className="wide finish-interjection"
          disabled={disabled}
          onClick={() => void run({ type: "interjection.end" })}
          data-testid="finish-interjection"
        >
          {t("interjection.end")}
        </button>
      </div>
    );
  }

  // A mediation takes no interjections: the chair console shows no requests to answer (chairTools).
  // (One already granted before the organisers made the meeting a mediation still ends above.)
  if (!chairTools(state.kind).interjections) return null;
  const off = interjectionsOff(state);
  const speechId = state.floor?.speechId ?? state.speeches.at(-1)?.speechId ?? null;
  const hasFloor = state.floor?.participantId === me.id;

  return (
    <div className="interjection-action" data-testid="interjection-action">
      <ErrorNotice message={error} onClose={clearError} />
      {fate && fate !== "granted" && (
        <p className={`interjection-fate fate-${fate}`} role="status" data-testid="interjection-fate" data-fate={fate}>
          <Icon name={fate === "declined" ? "close" : "clock"} /> {t(`interjection.${fate}`, { chair })}
          <button type="button" className="link" onClick={() => setFate(null)}>
            {t("interjection.dismiss")}
          </button>
        </p>
      )}
      {mine ? (
        <div className="requested">
          <span data-testid="interjection-requested">
            <Icon name="hand" /> {t("interjection.requested")}
            {mine.point && <span className="interjection-point"> · {mine.point}</span>}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            data-testid="withdraw-interjection"
            onClick={() => {
              setWithdrawn(mine.requestId);
              void run({ type: "interjection.withdraw" });
            }}
          >
            {t("interjection.withdraw")}
          </button>
        </div>
      ) : off ? (
        speechId !== null && (
          <p className="muted small" data-testid="interjections-off">
            {t("interjection.off")}
          </p>
        )
      ) : speechId === null || hasFloor ? null : writing ? (
        <form
          className="interjection-form"
          data-testid="interjection-form"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = point.trim();
            void run({ type: "interjection.request", ...(trimmed ? { point: trimmed } : {}) }).then((ok) => {
              if (ok) {
                setWriting(false);
                setPoint("");
                setFate(null);
              }
            });
          }}
        >
          <label htmlFor="interjection-point">{t("interjection.point")}</label>
          <input
            id="interjection-point"
            type="text"
            maxLength={200}
            value={point}
            onChange={(e) => setPoint(e.target.value)}
            autoFocus
            data-testid="interjection-point"
          />
          <span className="buttons">
            <button type="button" className="secondary" onClick={() => setWriting(false)}>
              {t("interjection.cancel")}
            </button>
            <button type="submit" className="primary" disabled={disabled} data-testid="interjection-submit">
              {t("interjection.submit")}
            </button>
          </span>
        </form>
      ) : (
        <button
          type="button"
          className="secondary wide interjection-open"
          disabled={disabled}
          onClick={() => setWriting(true)}
          data-testid="request-interjection"
        >
          <Icon name="hand" /> {t("interjection.request")}
        </button>
      )}
    </div>
  );
}
