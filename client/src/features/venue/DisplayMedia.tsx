import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useMediaSession } from "../media/useMediaSession.ts";
import { Icon } from "../../components/Icon.tsx";
import "../media/media.css";

const LABELS = { live: "venue.terminalLive", off: "venue.terminalOff", refused: "venue.terminalRefused" } as const;

/**
 * The room display's media: every display plays and shows the remote speakers; the venue
 * terminal (its own link, whose token the server lets publish) also sends the room's
 * microphone and camera, as 会场.
 */
export function DisplayMedia() {
  const { t } = useTranslation();
  const terminal = useMeeting().welcome?.venue === true;
  const mic = useMediaSession(terminal);
  if (!terminal || mic === null) return null;
  return (
    <span className={`venue-terminal venue-terminal-${mic}`} role="status" data-testid="venue-terminal" data-live={mic === "live"}>
      <Icon name={mic === "refused" ? "warning" : "mic"} />
      {t(LABELS[mic])}
    </span>
  );
}
