import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadFile } from "../../connection/download.ts";
import { useConnection } from "../../connection/useMeeting.ts";
import { speechListUrl, versionFileUrl, type SpeechListFormat, type VersionFormat } from "./minutesApi.ts";

const VERSION_FORMATS: readonly VersionFormat[] = ["docx", "pdf", "md"];
const LIST_FORMATS: readonly SpeechListFormat[] = ["csv", "xlsx"];

/** The selected version as Word, PDF or Markdown, and the speech list (发言清单) as CSV or Excel. */
export function MinutesDownloads({ meetingId, title, version }: { meetingId: string; title: string; version: number | null }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const fetchFile = async (key: string, url: string, name: string) => {
    setBusy(key);
    setFailed(false);
    try {
      await downloadFile(url, connection.token, name);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="minutes-downloads" aria-label={t("minutes.downloads")} data-testid="minutes-downloads">
      {version !== null && (
        <div className="button-row">
          <span className="small muted">{t("minutes.downloadVersion", { n: version })}</span>
          {VERSION_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="secondary small-button"
              disabled={busy !== null}
              onClick={() =>
                void fetchFile(
                  format,
                  versionFileUrl(meetingId, version, format),
                  `${title}-${t("minutes.title")}-${t("minutes.version", { n: version })}.${format}`,
                )
              }
              data-testid={`minutes-download-${format}`}
            >
              {busy === format ? t("pending") : t(`minutes.download.${format}`)}
            </button>
          ))}
        </div>
      )}
      <div className="button-row">
        <span className="small muted">{t("minutes.speechList")}</span>
        {LIST_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="secondary small-button"
            disabled={busy !== null}
            onClick={() => void fetchFile(format, speechListUrl(meetingId, format), `${title}-${t("minutes.speechList")}.${format}`)}
            data-testid={`minutes-speeches-${format}`}
          >
            {busy === format ? t("pending") : t(`minutes.download.${format}`)}
          </button>
        ))}
      </div>
      {failed && (
        <p className="minutes-error" role="alert">
          {t("minutes.downloadFailed")}
        </p>
      )}
    </section>
  );
}
