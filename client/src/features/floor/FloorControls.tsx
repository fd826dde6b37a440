import { useCallback, useEffect, useRef, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { SPEECH_KINDS } from "@core/queue/schema.ts";
import type { SpeechCaps } from "@core/floor/schema.ts";
import { formatClock, speechClock } from "@core/clock.ts";
import { useDisplayName, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { announce } from "../../components/announcer/announce.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { focusAfter } from "../../components/focusAfter.ts";
import { Icon } from "../../components/Icon.tsx";
import { END_SPEECH_ID, endSpeechButton, queueStart } from "../queue/chairFocus.ts";
import { isShortcutPress, setSingleKeyShortcuts, useSingleKeyShortcuts } from "./singleKeyShortcuts.ts";
import { speakerName } from "./speakingPlan.ts";
import "./shortcuts.css";
import "./speaking.css";

/**
 * The chair's speech bar (发言控制): pause/resume, +1/+2 分钟, 结束发言 (asks first) and the count of
 * pending 插话 requests (`interjections`: where the meeting takes them, not in a mediation). Sticky
 * in the console's centre column, so at 1366×768 it stays on screen during a speech however tall the
 * video is and wherever the chair has scrolled. Also the shortcuts N (next), E (end, asks first),
 * P (pause/resume), + (one more minute), unless switched off or the focus is on a control
 * (isShortcutPress). After a button the focus stays in the bar (暂停 ↔ 继续) or, once the speech
 * has ended, goes to the queue's first 请…发言; N and P move it as their buttons do (N to 结束发言,
 * P to 继续 or 暂停).
 */
export function SpeechDock({ run, pending, interjections = true }: { run: (command: Command) => Promise<boolean>; pending: boolean; interjections?: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const now = useServerNow(1000);
  const [confirm, dialog] = useConfirm();
  const keys = useSingleKeyShortcuts();
  const dock = useRef<HTMLElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const floor = state?.floor ?? null;
  const hasFloor = floor !== null;
  const paused = floor?.pausedAt != null;
  // An interjection holds the speech's clock; it resumes by itself when the interjection ends.
  const heldByInterjection = paused && state?.interjection?.resumesSpeech === true && state.interjection.speechId === floor?.speechId;
  const requests = state?.interjectionRequests.length ?? 0;
  const name = floor ? speakerName(floor, nameOf) : "";

  const endSpeech = useCallback(async () => {
    if (!hasFloor) return;
    const ok = await confirm({
      title: t("confirm.endSpeechTitle"),
      body: <p>{t("confirm.endSpeechBody", { name })}</p>,
      confirmLabel: t("confirm.endSpeech"),
      testId: "confirm-end-speech",
    });
    if (!ok) return;
    if (await focusAfter(() => run({ type: "floor.end" }), queueStart, dock.current)) announce(t("feedback.chair.ended", { name }));
  }, [confirm, hasFloor, name, run, t]);

  const extend = useCallback((seconds: number) => extendSpeech(run, t, seconds), [run, t]);
  const kbd = (key: string) => keys && <kbd>{key}</kbd>;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutPress(event)) return;
      const key = event.key.toLowerCase();
      // N takes the suggested next speaker (floor.give without a name); the focus goes where 请…发言
      // sends it, the speech bar's 结束发言.
      if (key === "n") void focusAfter(() => run({ type: "floor.give" }), endSpeechButton);
      else if (key === "e") void endSpeech();
      // The clock keys act only on a running speech (no refusal to read when nobody speaks). P
      // leaves the focus where its button would: on the other one of 暂停 ↔ 继续.
      else if (key === "p" && hasFloor && !heldByInterjection)
        void focusAfter(
          () => run({ type: paused ? "floor.resume" : "floor.pause" }),
          () => (paused ? pauseButton.current : resumeButton.current),
        );
      else if ((key === "+" || key === "=") && hasFloor) void extend(60);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run, paused, hasFloor, heldByInterjection, endSpeech, extend]);

  // Nothing to show: nobody speaks, and the meeting takes no interjections (an empty bar would stick on screen).
  if (!state || (!floor && !interjections)) return null;
  const clock = floor ? speechClock(floor, now) : null;
  return (
    <section ref={dock} className={`speech-dock${hasFloor ? " speaking" : ""}`} aria-label={t("chairDock.label")} data-testid="speech-dock">
      <div className="speech-dock-head">
        {floor && clock && (
          <p className="speech-dock-who">
            <span className="speech-dock-name">{name}</span>{" "}
            <span className={`speech-dock-clock phase-${clock.phase}`} data-testid="dock-countdown">
              {clock.paused ? t("speaking.paused") : clock.phase === "overrun" ? t("floor.overrun") : t("floor.remaining")} {formatClock(clock.remainingMs)}
            </span>
          </p>
        )}
        {interjections && (
          <button
            type="button"
            className={`speech-dock-interjections${requests > 0 ? " has-requests" : ""}`}
            onClick={() => document.getElementById("interjection-requests-title")?.scrollIntoView({ block: "start", behavior: "smooth" })}
            title={t("chairDock.showInterjections")}
            data-testid="dock-interjections"
          >
            {t("chairDock.interjections")}{" "}
            <span className="count-badge" data-testid="dock-interjection-count" data-count={requests}>
              {requests}
            </span>
          </button>
        )}
      </div>
      {floor && (
        <div className="speech-dock-buttons" role="group" aria-label={t("floor.title")}>
          {paused ? (
            <button
              ref={resumeButton}
              type="button"
              className="primary"
              disabled={pending || heldByInterjection}
              onClick={() =>
                void focusAfter(
                  () => run({ type: "floor.resume" }),
                  () => pauseButton.current,
                )
              }
              data-testid="resume-speech"
            >
              <Icon name="play" /> {t("speaking.resume")} {kbd("P")}
            </button>
          ) : (
            <button
              ref={pauseButton}
              type="button"
              className="secondary"
              disabled={pending}
              onClick={() =>
                void focusAfter(
                  () => run({ type: "floor.pause" }),
                  () => resumeButton.current,
                )
              }
              data-testid="pause-speech"
            >
              <Icon name="pause" /> {t("speaking.pause")} {kbd("P")}
            </button>
          )}
          {[1, 2].map((minutes) => (
            <button
              key={minutes}
              type="button"
              className="secondary"
              disabled={pending}
              onClick={(event) => {
                const button = event.currentTarget;
                void focusAfter(
                  () => extend(minutes * 60),
                  () => button,
                );
              }}
              data-testid={`extend-${minutes}`}
            >
              {t("speaking.extendMinutes", { count: minutes })} {minutes === 1 && kbd("+")}
            </button>
          ))}
          <button id={END_SPEECH_ID} type="button" className="danger" disabled={pending} onClick={() => void endSpeech()} data-testid="end-speech">
            {t("floor.end")} {kbd("E")}
          </button>
        </div>
      )}
      {dialog}
    </section>
  );
}

/** The chair's extension, said on their screen when done (the clock's announcements leave the chair's own action to it). */
async function extendSpeech(run: (command: Command) => Promise<boolean>, t: TFunction, seconds: number): Promise<boolean> {
  const done = await run({ type: "floor.extend", seconds });
  if (done) announce(t("feedback.chair.extended", { minutes: seconds / 60 }));
  return done;
}

/** Under the interjection requests: the shortcuts' help, a custom extension, and the time per kind of speech. */
export function FloorControls({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const [showHelp, setShowHelp] = useState(false);
  const [customMinutes, setCustomMinutes] = useState("3");
  const keys = useSingleKeyShortcuts();
  const hasFloor = (state?.floor ?? null) !== null;
  const custom = Number(customMinutes);
  const customValid = Number.isFinite(custom) && custom >= 0.5 && custom <= 60;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && isShortcutPress(event)) setShowHelp((v) => !v);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="floor-controls">
      <div className="floor-clock-controls">
        {hasFloor && (
          <form
            className="extend-custom"
            onSubmit={(event) => {
              event.preventDefault();
              if (customValid) void extendSpeech(run, t, Math.round(custom * 60));
            }}
          >
            <label>
              +{" "}
              <input
                type="number"
                min={0.5}
                max={60}
                step={0.5}
                value={customMinutes}
                onChange={(e) => setCustomMinutes(e.target.value)}
                aria-label={t("speaking.extendCustom")}
                data-testid="extend-custom-input"
              />{" "}
              {t("floor.minutes")}
            </label>
            <button type="submit" className="secondary" disabled={pending || !customValid} data-testid="extend-custom">
              {t("speaking.extend")}
            </button>
          </form>
        )}
        <button type="button" className="ghost" onClick={() => setShowHelp((v) => !v)} aria-expanded={showHelp} data-testid="shortcuts-toggle">
          {t("shortcuts.title")} {keys && <kbd>?</kbd>}
        </button>
      </div>
      {showHelp && (
        <div className="shortcuts" data-testid="shortcuts">
          {/* WCAG 2.1.4: single-key shortcuts can be switched off (per device). */}
          <label className="shortcuts-switch">
            <input
              type="checkbox"
              role="switch"
              checked={keys}
              onChange={(event) => setSingleKeyShortcuts(event.target.checked)}
              data-testid="single-key-shortcuts"
            />{" "}
            {t("feedback.shortcuts.switch")}
          </label>
          {keys ? (
            <ul aria-label={t("shortcuts.title")}>
              <li>{t("shortcuts.next")}</li>
              <li>{t("shortcuts.end")}</li>
              <li>{t("shortcuts.pause")}</li>
              <li>{t("shortcuts.extend")}</li>
              <li>{t("shortcuts.help")}</li>
            </ul>
          ) : (
            <p className="muted small">{t("feedback.shortcuts.offHint")}</p>
          )}
        </div>
      )}
      {state && <CapSetting key={SPEECH_KINDS.map((k) => state.speechCaps[k]).join("-")} caps={state.speechCaps} run={run} pending={pending} />}
    </div>
  );
}

const toMinutes = (caps: SpeechCaps) => Object.fromEntries(SPEECH_KINDS.map((k) => [k, String(caps[k] / 60_000)])) as Record<keyof SpeechCaps, string>;

/** The caps per kind of speech (预约 / 即席 / 程序性), for speeches that start from now on. */
function CapSetting({ caps, run, pending }: { caps: SpeechCaps; run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(() => toMinutes(caps));
  const value = (kind: keyof SpeechCaps) => Number(minutes[kind]);
  const valid = SPEECH_KINDS.every((k) => Number.isFinite(value(k)) && value(k) >= 0.5 && value(k) <= 60);
  const changed = SPEECH_KINDS.filter((k) => Math.round(value(k) * 60) * 1000 !== caps[k]);
  return (
    <form
      className="cap-setting"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void (async () => {
          for (const kind of changed) if (!(await run({ type: "floor.setCap", seconds: Math.round(value(kind) * 60), kind }))) return;
        })();
      }}
    >
      <fieldset>
        <legend>{t("speaking.caps")}</legend>
        {SPEECH_KINDS.map((kind) => (
          <label key={kind}>
            {t(`speaking.kindFull.${kind}`)}
            <input
              type="number"
              min={0.5}
              max={60}
              step={0.5}
              value={minutes[kind]}
              onChange={(e) => setMinutes((m) => ({ ...m, [kind]: e.target.value }))}
              data-testid={`cap-input-${kind}`}
            />
          </label>
        ))}
        <button
          type="submit"
          className="secondary"
          disabled={pending || !valid || changed.length === 0}
          title={t("speaking.capsHint")}
          data-testid="cap-setting-submit"
        >
          {t("floor.setCap")}
        </button>
      </fieldset>
    </form>
  );
}
