import { useTranslation } from "react-i18next";
import { CAUCUS_AUDIO } from "../../features/media/privateAudio/privateAudioCall.ts";
import { PrivateAudioControl } from "../../features/media/privateAudio/PrivateAudioControl.tsx";

/**
 * 加入内部语音 / 离开内部语音: the own side's private audio room while its caucus runs (in the
 * CaucusPanel, which only the side's members see). The shared PrivateAudioControl does the rest.
 */
export function CaucusAudioControl() {
  const { t } = useTranslation();
  return (
    <PrivateAudioControl
      events={CAUCUS_AUDIO}
      testId="caucus-audio"
      labels={{ join: t("caucus.audio.join"), leave: t("caucus.audio.leave"), hint: t("caucus.audio.hint"), joined: t("caucus.audio.joined") }}
    />
  );
}
