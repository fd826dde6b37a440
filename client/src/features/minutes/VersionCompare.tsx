import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Block } from "@core/minutes/blocks.ts";
import type { VersionMeta } from "./minutesApi.ts";
import { VersionDiff } from "./VersionDiff.tsx";

/** A saved version by number, or the clerk's unsaved edits. */
export type CompareSide = number | "draft";

/** 版本对比: two versions (or a version and the unsaved edits) picked, and their differences. */
export function VersionCompare({
  versions,
  draft,
  blocks,
  need,
  value,
  onChange,
  onClose,
}: {
  versions: readonly VersionMeta[];
  /** The unsaved edits, when there are any. */
  draft: Block[] | null;
  blocks: ReadonlyMap<number, Block[]>;
  need: (n: number) => void;
  value: { from: CompareSide; to: CompareSide };
  onChange: (value: { from: CompareSide; to: CompareSide }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { from, to } = value;
  useEffect(() => {
    for (const side of [from, to]) if (side !== "draft") need(side);
  }, [from, to, need]);
  const content = (side: CompareSide) => (side === "draft" ? (draft ?? undefined) : blocks.get(side));
  const before = content(from);
  const after = content(to);
  const picker = (label: string, side: CompareSide, set: (side: CompareSide) => void, testId: string) => (
    <label className="minutes-compare-pick">
      <span className="small muted">{label}</span>
      <select value={String(side)} onChange={(e) => set(e.target.value === "draft" ? "draft" : Number(e.target.value))} data-testid={testId}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("minutes.version", { n: v.number })} · {t(`minutes.source.${v.source}`)}
            {v.approvedAt ? ` · ${t("minutes.approvedShort")}` : ""}
          </option>
        ))}
        {draft && <option value="draft">{t("minutes.draftOption")}</option>}
      </select>
    </label>
  );
  return (
    <section className="minutes-compare" aria-label={t("minutes.compare")} data-testid="minutes-compare">
      <div className="minutes-compare-bar">
        <strong>{t("minutes.compare")}</strong>
        {picker(t("minutes.compareFrom"), from, (side) => onChange({ from: side, to }), "minutes-compare-from")}
        <span aria-hidden="true">→</span>
        {picker(t("minutes.compareTo"), to, (side) => onChange({ from, to: side }), "minutes-compare-to")}
        <button type="button" className="ghost small-button" onClick={onClose} data-testid="minutes-compare-close">
          {t("minutes.close")}
        </button>
      </div>
      {before && after ? <VersionDiff before={before} after={after} /> : <p className="muted">{t("minutes.loading")}</p>}
    </section>
  );
}
