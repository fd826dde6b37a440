import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice.tsx";
import { useConnection, useMeeting } from "../../../connection/useMeeting.ts";
import { currentLanguage } from "../../../i18n/i18n.ts";
import { useMediaPrefs } from "../mediaPrefs.ts";
import { PrivateAudioCall, type PrivateAudioEvents } from "./privateAudioCall.ts";
import "./privateAudio.css";

/** What the control says, already translated by the panel that places it. */
export interface PrivateAudioLabels {
  join: string;
  leave: string;
  /** Before joining: who can hear whom. */
  hint: string;
  /** While in the room. */
  joined: string;
}

export interface PrivateAudioControlProps {
  events: PrivateAudioEvents;
  labels: PrivateAudioLabels;
  /** The test ids: `${testId}`, `${testId}-join`, `${testId}-leave`. */
  testId: string;
}

/**
 * Join / leave a private audio room: a bargaining side's caucus (加入内部语音) or a mediation
 * session's separate talk (加入单独谈话语音). Shown only while media is available and the page is
 * connected; the panel that places it shows it only to those the server admits. When it goes (the
 * caucus or talk ended, the roster moved me) or media or the connection is lost, the control
 * unmounts and leaves the room; the server destroys the room at the end and leaves it on a
 * disconnect anyway.
 */
export function PrivateAudioControl(props: PrivateAudioControlProps) {
  const { status, welcome } = useMeeting();
  return welcome?.media.available === true && status === "connected" ? <PrivateAudioButtons {...props} /> : null;
}

function PrivateAudioButtons({ events, labels, testId }: PrivateAudioControlProps) {
  const { t } = useTranslation();
  const connection = useConnection();
  const { micId } = useMediaPrefs();
  const [call] = useState(() => new PrivateAudioCall((event, payload) => connection.mediaRequest(event, payload), events));
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
    <div className="private-audio" data-testid={testId}>
      <ErrorNotice message={error} onClose={() => setError(null)} />
      <p className="small muted">{joined ? labels.joined : labels.hint}</p>
      {joined ? (
        <button type="button" onClick={() => void leave()} disabled={pending} data-testid={`${testId}-leave`}>
          {labels.leave}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void join()} disabled={pending} data-testid={`${testId}-join`}>
          {pending ? t("pending") : labels.join}
        </button>
      )}
    </div>
  );
}
