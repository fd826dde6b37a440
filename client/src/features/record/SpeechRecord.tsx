import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import { useMeeting, useRoster } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { RecordingPlayer } from "./RecordingPlayer.tsx";
import { useRecordings } from "./recordings.ts";

const time = (ms: number) => new Date(ms).toLocaleTimeString("zh-CN", { hour12: false });
const duration = (ms: number) => formatClock(ms);

/** Every finished speech: who, start, end, duration, overrun; for the chair and clerk its recording. */
export function SpeechRecord() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const recordings = useRecordings();
  const speeches = state?.speeches ?? [];
  const overruns = speeches.filter((s) => s.overrunMs > 0).length;
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">
        {t("record.title")} <span className="muted small">{overruns > 0 && t("record.overruns", { count: overruns })}</span>
      </h2>
      {speeches.length === 0 ? (
        <p className="muted">{t("record.empty")}</p>
      ) : (
        <table className="record" data-testid="speech-record">
          <thead>
            <tr>
              <th>{t("record.speaker")}</th>
              <th>{t("record.start")}</th>
              <th>{t("record.end")}</th>
              <th>{t("record.duration")}</th>
              <th>{t("record.overrun")}</th>
              {recordings && <th>{t("record.recording")}</th>}
            </tr>
          </thead>
          <tbody>
            {speeches.map((s) => (
              <tr key={s.speechId}>
                <td>{person(s.participantId)?.name ?? "—"}</td>
                <td>{time(s.startedAt)}</td>
                <td>{time(s.endedAt)}</td>
                <td>{duration(s.durationMs)}</td>
                <td className={s.overrunMs > 0 ? "overrun" : undefined}>{s.overrunMs > 0 ? <><Icon name="overrun" /> +{duration(s.overrunMs)}</> : "—"}</td>
                {recordings && (
                  <td>
                    {recordings.get(s.speechId)?.map((r, _, parts) => <RecordingPlayer key={r.id} recording={r} parts={parts.length} />) ?? "—"}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
