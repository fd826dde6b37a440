import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { useMediaPrefs } from "../../features/media/mediaPrefs.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { CaucusAudioCall } from "./caucusAudio.ts";

/**
 * 加入内部语音 / 离开内部语音: the own side's private audio room while its caucus runs (shown in the
 * CaucusPanel while media is available and the page is connected). When the panel goes (the caucus
 * ended, the roster moved me) or media or the connection is lost, the control unmounts and leaves
 * the room; the server destroys the room when the caucus ends and leaves it on a disconnect anyway.
 */
export function CaucusAudioControl() {
  const { status, welcome } = useMeeting();
  return welcome?.media.available === true && status === "connected" ? <CaucusAudioButtons /> : null;
}

function CaucusAudioButtons() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { micId } = useMediaPrefs();
  const [call] = useState(() => new CaucusAudioCall((event, payload) => connection.mediaRequest(event, payload)));
  const [joined, setJoined] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => () => {
      void call.leave();
    },
    [call],
  );

  const join = async () => {
    setPending(true);
    setError(null);
    const result = await call.join(micId);
    setPending(false);
    if (result.ok) return setJoined(true);
    if ("micProblem" in result) return setError(t(`micProblem.${result.micProblem}`));
    if ("offline" in result) return setError(t("error.TIMEOUT"));
    setError(result.error.message[currentLanguage()]);
  };
  const leave = async () => {
    setPending(true);
    await call.leave();
    setPending(false);
    setJoined(false);
  };

  return (
    <div className="caucus-audio" data-testid="caucus-audio">
      <ErrorNotice message={error} onClose={() => setError(null)} />
      <p className="small muted">{t(joined ? "caucus.audio.joined" : "caucus.audio.hint")}</p>
      {joined ? (
        <button type="button" onClick={() => void leave()} disabled={pending} data-testid="caucus-audio-leave">
          {t("caucus.audio.leave")}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void join()} disabled={pending} data-testid="caucus-audio-join">
          {pending ? t("pending") : t("caucus.audio.join")}
        </button>
      )}
    </div>
  );
}
