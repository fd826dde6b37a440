import { useState } from "react";
import { useTranslation } from "react-i18next";
import { diffMinutes, type DiffRow } from "@core/minutes/diff.ts";
import type { Block } from "@core/minutes/blocks.ts";

/**
 * The differences between two texts of the minutes, block by block: added rows green, removed
 * rows red and struck through, changed rows with the characters marked (<ins>/<del>). Each row
 * also says what happened in words (新增/删除/修改), so colour is never the only sign.
 */
export function VersionDiff({ before, after, testId = "minutes-diff" }: { before: readonly Block[]; after: readonly Block[]; testId?: string }) {
  const { t } = useTranslation();
  const [onlyChanges, setOnlyChanges] = useState(true);
  const rows = diffMinutes(before, after);
  const count = (op: DiffRow["op"]) => rows.filter((r) => r.op === op).length;
  const shown = onlyChanges ? rows.filter((r) => r.op !== "same") : rows;
  return (
    <div className="minutes-diff" data-testid={testId}>
      <div className="minutes-diff-head">
        <p className="small" data-testid="minutes-diff-summary">
          {t("minutes.diffSummary", { added: count("added"), removed: count("removed"), changed: count("changed") })}
        </p>
        <label className="small">
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> {t("minutes.onlyChanges")}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t("minutes.noChanges")}</p>
      ) : (
        <ol className="diff-rows">
          {shown.map((row, i) => (
            <li key={i} className={`diff-row diff-${row.op}`} data-testid="minutes-diff-row" data-op={row.op}>
              <span className="diff-mark">{t(`minutes.diff.${row.op}`)}</span>
              <span className="diff-text">
                {row.op === "added" ? (
                  <ins>{row.after}</ins>
                ) : row.op === "removed" ? (
                  <del>{row.before}</del>
                ) : row.op === "changed" ? (
                  row.parts.map((part, j) =>
                    part.op === "added" ? (
                      <ins key={j}>{part.text}</ins>
                    ) : part.op === "removed" ? (
                      <del key={j}>{part.text}</del>
                    ) : (
                      <span key={j}>{part.text}</span>
                    ),
                  )
                ) : (
                  row.after
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
