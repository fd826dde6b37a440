import { useTranslation } from "react-i18next";
import { isVenueTerminal } from "@core/venue/terminalLink.ts";
import { useMediaSession } from "../media/useMediaSession.ts";
import { Icon } from "../../components/Icon.tsx";
import "../media/media.css";

const LABELS = { live: "venue.terminalLive", off: "venue.terminalOff", refused: "venue.terminalRefused" } as const;

/**
 * The room display's media: every display plays and shows the remote speakers; the one opened
 * as the venue terminal (`?venue=1`) also publishes the room's microphone and camera, as 会场.
 */
export function DisplayMedia() {
  const { t } = useTranslation();
  const terminal = isVenueTerminal(window.location.search);
  const mic = useMediaSession(terminal);
  if (!terminal || mic === null) return null;
  return (
    <span className={`venue-terminal venue-terminal-${mic}`} role="status" data-testid="venue-terminal" data-live={mic === "live"}>
      <Icon name={mic === "refused" ? "warning" : "mic"} />
      {t(LABELS[mic])}
    </span>
  );
}
