import { TALK_AUDIO } from "../../features/media/privateAudio/privateAudioCall.ts";
import { PrivateAudioControl } from "../../features/media/privateAudio/PrivateAudioControl.tsx";
import { useMediationSessionT } from "../../i18n/mediationSession.ts";

/**
 * 加入单独谈话语音 / 离开单独谈话语音: the separate talk's private audio room, for the mediators and the
 * party in the talk (the session card shows it only to them, sessionCard.talkAudio; the server checks
 * again). Placed with a key per talk, so a new talk starts outside its fresh room.
 */
export function TalkAudioControl() {
  const { t } = useMediationSessionT();
  return (
    <PrivateAudioControl
      events={TALK_AUDIO}
      testId="talk-audio"
      labels={{ join: t("audio.join"), leave: t("audio.leave"), hint: t("audio.hint"), joined: t("audio.joined") }}
    />
  );
}
