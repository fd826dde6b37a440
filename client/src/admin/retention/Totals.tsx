// What a policy deletes (a preview, the due files, a sweep's result): as a short list on the page,
// and as one phrase for dialogs and announcements.
import type { RetentionTotals } from "@core/api/retention.ts";
import { viewerTimeZone } from "@core/time/meetingTime.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { formatDateTime } from "../meetings/format.ts";
import { formatSize } from "../ui/fileSize.ts";
import { useAdminT } from "../ui/useAdminT.ts";

/** A moment in the reader's own zone, as the other admin pages write it. */
export const formatWhen = (iso: string): string => formatDateTime(iso, currentLanguage(), viewerTimeZone()) ?? iso;

/** "1 场会议的录音 2 段（1.2 MB）、材料 1 份（20 KB）": only the kinds that have files. */
export function useTotalsText(): (totals: RetentionTotals) => string {
  const { t } = useAdminT();
  return (totals) => {
    const meetings = t("retention.totals.meeting", { count: totals.meetings });
    const recordings = t("retention.totals.recording", { count: totals.recordings.count, size: formatSize(totals.recordings.bytes) });
    const materials = t("retention.totals.material", { count: totals.materials.count, size: formatSize(totals.materials.bytes) });
    if (totals.recordings.count > 0 && totals.materials.count > 0) return t("retention.totals.both", { meetings, recordings, materials });
    return t("retention.totals.one", { meetings, files: totals.materials.count > 0 ? materials : recordings });
  };
}

/** Meetings, recordings and materials with their sizes, as a description list. */
export function TotalsList({ totals, testId }: { totals: RetentionTotals; testId?: string }) {
  const { t } = useAdminT();
  const files = (count: number, bytes: number) => t("retention.totals.files", { count, size: formatSize(bytes) });
  return (
    <dl className="retention-totals" data-testid={testId}>
      <div>
        <dt>{t("retention.totals.meetings")}</dt>
        <dd data-testid="totals-meetings">{totals.meetings}</dd>
      </div>
      <div>
        <dt>{t("retention.totals.recordings")}</dt>
        <dd data-testid="totals-recordings">{files(totals.recordings.count, totals.recordings.bytes)}</dd>
      </div>
      <div>
        <dt>{t("retention.totals.materials")}</dt>
        <dd data-testid="totals-materials">{files(totals.materials.count, totals.materials.bytes)}</dd>
      </div>
    </dl>
  );
}
