import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadFile } from "../../connection/download.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";

const FORMATS = ["docx", "pdf"] as const;

/**
 * 会议实录 as Word or PDF: the whole meeting's transcript as the server prints it
 * (GET /api/meetings/:id/verbatim.docx|pdf, staff only), fetched with the join token.
 */
export function VerbatimDownloads() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { welcome } = useMeeting();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  if (!welcome) return null;
  const meetingId = welcome.meeting.id;
  const fetchFile = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    setFailed(false);
    try {
      const url = `/api/meetings/${encodeURIComponent(meetingId)}/verbatim.${format}`;
      await downloadFile(url, connection.token, `${welcome.meeting.title}-${t("transcript.view.verbatim")}.${format}`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="button-row verbatim-downloads" role="group" aria-label={t("transcript.view.verbatimLabel")} data-testid="verbatim-downloads">
      <span className="small muted">{t("transcript.view.verbatim")}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="secondary small-button"
          disabled={busy !== null}
          onClick={() => void fetchFile(format)}
          data-testid={`verbatim-download-${format}`}
        >
          {busy === format ? t("pending") : t(`minutes.download.${format}`)}
        </button>
      ))}
      {failed && (
        <p className="minutes-error" role="alert">
          {t("minutes.downloadFailed")}
        </p>
      )}
    </div>
  );
}
