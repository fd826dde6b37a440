import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { useMeeting } from "../../connection/useMeeting.ts";

/** The chair's controls under the speaker: next speaker, end speech, time per speech. */
export function FloorControls({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const [showHelp, setShowHelp] = useState(false);
  const hasFloor = Boolean(state?.floor);
  const hasQueue = (state?.queue.length ?? 0) > 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "n") void run({ type: "floor.give" });
      else if (key === "e") void run({ type: "floor.end" });
      else if (key === "?") setShowHelp((v) => !v);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  return (
    <div className="floor-controls">
      <div className="button-row">
        <button type="button" className="primary" disabled={pending || !hasQueue} onClick={() => void run({ type: "floor.give" })} data-testid="next-speaker">
          {t("floor.next")} <kbd>N</kbd>
        </button>
        <button type="button" className="danger" disabled={pending || !hasFloor} onClick={() => void run({ type: "floor.end" })} data-testid="end-speech">
          {t("floor.end")} <kbd>E</kbd>
        </button>
        <button type="button" className="ghost" onClick={() => setShowHelp((v) => !v)} aria-expanded={showHelp}>
          {t("shortcuts.title")} <kbd>?</kbd>
        </button>
      </div>
      {showHelp && (
        <ul className="shortcuts" aria-label={t("shortcuts.title")}>
          <li>{t("shortcuts.next")}</li>
          <li>{t("shortcuts.end")}</li>
          <li>{t("shortcuts.help")}</li>
        </ul>
      )}
      {state && <CapSetting key={state.speechCapMs} capMs={state.speechCapMs} run={run} pending={pending} />}
    </div>
  );
}

function CapSetting({ capMs, run, pending }: { capMs: number; run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(capMs / 60_000));
  const value = Number(minutes);
  const valid = Number.isFinite(value) && value >= 0.5 && value <= 60;
  return (
    <form
      className="cap-setting"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void run({ type: "floor.setCap", seconds: Math.round(value * 60) });
      }}
    >
      <label>
        {t("floor.cap")}{" "}
        <input type="number" min={0.5} max={60} step={0.5} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="cap-input" />{" "}
        {t("floor.minutes")}
      </label>
      <button type="submit" className="secondary" disabled={pending || !valid || value * 60_000 === capMs}>
        {t("floor.setCap")}
      </button>
    </form>
  );
}
