// 音视频设置: microphone and camera choice, the microphone test, the listen mode (auto, audio only), captions (字幕). A dialog on a
// desktop, a bottom sheet on a phone (mediaSettings.css); the native <dialog> gives the focus
// trap, the inert page behind and Escape.
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/Icon.tsx";
import { saveMediaPrefs, useMediaPrefs } from "../mediaPrefs.ts";
import { DeviceSelect } from "./DeviceSelect.tsx";
import { CaptionsSetting } from "../../transcript/CaptionsSetting.tsx";
import { ListenModeSetting } from "./ListenModeSetting.tsx";
import { deviceChoices } from "./devices.ts";
import { MicLevelMeter } from "./MicLevelMeter.tsx";
import { MicProblemNotice } from "./MicProblemNotice.tsx";
import { useDevices, useMicPermission } from "./useDevices.ts";
import { useMicTest } from "./useMicTest.ts";
import "./mediaSettings.css";
import { DialogLiveRegion } from "../../../components/announcer/LiveAnnouncer.tsx";

/** Render only while open; closing (or unmounting) stops the microphone test. */
export function MediaSettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const prefs = useMediaPrefs();
  const mic = useMicTest();
  const permission = useMicPermission();
  const devices = useDevices(`${permission}/${mic.state}`);
  const micChoices = deviceChoices(devices, "audioinput");
  const cameraChoices = deviceChoices(devices, "videoinput");
  const namesHidden = [...micChoices, ...cameraChoices].some((d) => d.label === "") || (micChoices.length === 0 && permission !== "denied");
  // A refusal from the test itself, or one the browser already knows about before any test.
  const problem = mic.problem ?? (permission === "denied" ? "denied" : null);
  const testing = mic.state !== "idle";

  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("select")?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      dialog.close();
      opener?.focus();
    };
  }, []);

  const chooseMic = (micId: string | undefined) => {
    saveMediaPrefs({ micId });
    if (testing) void mic.start(micId);
  };

  return (
    <dialog
      ref={ref}
      className="media-settings"
      aria-labelledby={titleId}
      data-testid="media-settings"
      // A click on the backdrop lands on the <dialog> itself: close, as a bottom sheet does.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="media-settings-body">
        <header className="media-settings-header">
          <h2 id={titleId}>{t("mediaSettings.title")}</h2>
          <button type="button" className="ghost icon" aria-label={t("mediaSettings.close")} onClick={onClose} data-testid="media-settings-close">
            <Icon name="close" />
          </button>
        </header>

        <section className="media-settings-section">
          <DeviceSelect
            label={t("mediaSettings.microphone")}
            choices={micChoices}
            value={prefs.micId}
            unnamed={(n) => t("mediaSettings.unnamedMic", { n })}
            onChange={chooseMic}
            testId="mic-select"
          />
          <div className="mic-test">
            <button
              type="button"
              className={testing ? "secondary" : "primary"}
              aria-pressed={testing}
              onClick={() => (testing ? mic.stop() : void mic.start(prefs.micId))}
              data-testid="mic-test"
            >
              <Icon name="mic" /> {t(testing ? "mediaSettings.stopTest" : "mediaSettings.testMic")}
            </button>
            {/* After a refusal the meter has nothing to show; the notice below says what to do. */}
            {(testing || !problem) && <MicLevelMeter reading={mic.reading} state={mic.state} />}
          </div>
          {problem && <MicProblemNotice problem={problem} />}
          {namesHidden && !problem && <p className="muted small">{t("mediaSettings.namesHidden")}</p>}
        </section>

        <section className="media-settings-section">
          <DeviceSelect
            label={t("mediaSettings.camera")}
            choices={cameraChoices}
            value={prefs.cameraId}
            unnamed={(n) => t("mediaSettings.unnamedCamera", { n })}
            onChange={(cameraId) => saveMediaPrefs({ cameraId })}
            testId="camera-select"
          />
        </section>

        <section className="media-settings-section">
          <ListenModeSetting />
        </section>

        <CaptionsSetting />
      </div>
      <DialogLiveRegion />
    </dialog>
  );
}
