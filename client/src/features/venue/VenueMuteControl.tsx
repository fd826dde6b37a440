import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import "../media/media.css";

/**
 * 会场麦克风: the chair mutes or unmutes the room's microphone feed. The muting happens at the
 * media server (the room drops out of the audible set), so every remote listener is affected.
 */
export function VenueMuteControl({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  if (!state) return null;
  const muted = state.venueMuted;
  return (
    <section className="venue-mute" aria-labelledby="venue-mute-title" data-testid="venue-mute-control">
      <h2 id="venue-mute-title">{t("venue.mic")}</h2>
      <p className={`venue-mute-state ${muted ? "is-muted" : "is-open"}`} data-testid="venue-mute-state">
        <Icon name={muted ? "warning" : "mic"} />
        {t(muted ? "venue.stateMuted" : "venue.stateOpen")}
      </p>
      <button
        type="button"
        className={muted ? "primary" : "danger"}
        disabled={pending || state.status === "closed"}
        aria-pressed={muted}
        onClick={() => void run({ type: "venue.setMuted", muted: !muted })}
        data-testid="venue-mute-toggle"
      >
        <Icon name="mic" />
        {t(muted ? "venue.unmute" : "venue.mute")}
      </button>
    </section>
  );
}
