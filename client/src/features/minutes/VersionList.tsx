import { useTranslation } from "react-i18next";
import type { VersionMeta } from "./minutesApi.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";

/** 已审定（定稿）· who and when: a badge with words, not a colour alone. */
export function ApprovedBadge({ version }: { version: VersionMeta }) {
  const { t } = useTranslation();
  // When a version was saved or approved: in the meeting's time zone, named when the browser's differs.
  const { stamp } = useMeetingTime();
  if (!version.approvedAt) return null;
  return (
    <span className="minutes-approved" data-testid="minutes-approved">
      <span aria-hidden="true">✔</span> {t("minutes.approvedBadge")}
      <span className="small"> {t("minutes.approvedBy", { name: version.approvedByName ?? "—", time: stamp(version.approvedAt) })}</span>
    </span>
  );
}

/** The saved versions, newest first: 第n稿, how it came about, who, when, the note, the approval. */
export function VersionList({ versions, selected, onSelect }: { versions: readonly VersionMeta[]; selected: number | null; onSelect: (n: number) => void }) {
  const { t } = useTranslation();
  const { stamp } = useMeetingTime();
  return (
    <ol className="minutes-versions" aria-label={t("minutes.versions")} data-testid="minutes-versions">
      {[...versions].reverse().map((v) => (
        <li key={v.number}>
          <button
            type="button"
            className={`minutes-version${v.number === selected ? " selected" : ""}`}
            aria-current={v.number === selected ? "true" : undefined}
            onClick={() => onSelect(v.number)}
            data-testid="minutes-version"
            data-number={v.number}
          >
            <span className="minutes-version-head">
              <strong>{t("minutes.version", { n: v.number })}</strong>
              <span className={`minutes-source minutes-source-${v.source}`}>{t(`minutes.source.${v.source}`)}</span>
            </span>
            <span className="small muted">{t("minutes.by", { name: v.authorName, time: stamp(v.createdAt) })}</span>
            {v.note && <span className="small minutes-version-note">{v.note}</span>}
            <ApprovedBadge version={v} />
          </button>
        </li>
      ))}
    </ol>
  );
}
