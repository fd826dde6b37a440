import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../admin/ui/Dialog.tsx";
import { missingSummaries } from "@core/minutes/missingSummaries.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { MinutesDocument } from "./MinutesDocument.tsx";
import { MinutesDownloads } from "./MinutesDownloads.tsx";
import { useMinutes, type MinutesData } from "./useMinutes.ts";
import { VersionDiff } from "./VersionDiff.tsx";
import { ApprovedBadge } from "./VersionList.tsx";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import { useTabs } from "../../components/tabs/useTabs.ts";
import "./minutes.css";

/**
 * 会议纪要 in the chair's console: where the minutes stand, and a dialog to read the latest
 * version, see what changed since the last approved one (or the version before), approve it
 * (审定通过, after a confirmation) and download it. The chair reads; the clerk edits.
 */
export function ChairMinutesPanel() {
  const { t } = useTranslation();
  const m = useMinutes();
  const [open, setOpen] = useState(false);
  const { latest } = m;
  return (
    <section className="panel minutes-chair-panel" aria-labelledby="minutes-chair-title" data-testid="minutes-chair-panel">
      <h2 id="minutes-chair-title">{t("minutes.title")}</h2>
      <p className="small" data-testid="minutes-chair-status">
        {!latest
          ? t("minutes.chairNoVersions")
          : latest.approvedAt
            ? t("minutes.statusApproved", { n: latest.number })
            : t("minutes.statusPending", { n: latest.number })}
      </p>
      <button type="button" className="secondary" disabled={!latest} onClick={() => setOpen(true)} data-testid="minutes-chair-open">
        {t("minutes.open")}
      </button>
      {open && <ChairMinutesDialog m={m} onClose={() => setOpen(false)} />}
    </section>
  );
}

const VIEWS = ["text", "changes"] as const;

function ChairMinutesDialog({ m, onClose }: { m: MinutesData; onClose: () => void }) {
  const { t } = useTranslation();
  const { latest, versions, need } = m;
  const { stamp } = useMeetingTime();
  const [view, setView] = useState<"text" | "changes">("text");
  const viewTabs = useTabs("minutes-chair", VIEWS, view, setView);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  // What the chair compares with: the last approved version before the latest, else the one before it.
  const reference = versions?.findLast((v) => v.approvedAt !== null && v.number !== latest?.number) ?? versions?.at(-2) ?? null;
  useEffect(() => {
    if (latest) need(latest.number);
    if (reference) need(reference.number);
  }, [latest, reference, need]);
  const blocks = latest ? m.blocks.get(latest.number) : undefined;
  const before = reference ? m.blocks.get(reference.number) : undefined;
  // Speeches and responses the version still has no summary for: listed before approving.
  const missing = blocks ? missingSummaries(blocks) : [];

  const approve = async (n: number) => {
    setError(null);
    setApproving(true);
    try {
      m.remember(await m.api.approve(n));
    } catch (e) {
      setError((e as Error).message);
      void m.refresh();
    }
    setApproving(false);
    setConfirming(null);
  };

  return (
    <Dialog
      title={t("minutes.chairTitle")}
      onClose={onClose}
      className="minutes-dialog"
      testId="minutes-chair-dialog"
      actions={
        <button type="button" onClick={onClose} data-autofocus data-testid="minutes-chair-close">
          {t("minutes.close")}
        </button>
      }
    >
      <ErrorNotice message={error} onClose={() => setError(null)} />
      {latest && (
        <div className="minutes-head">
          <strong data-testid="minutes-chair-version">{t("minutes.version", { n: latest.number })}</strong>
          <span className={`minutes-source minutes-source-${latest.source}`}>{t(`minutes.source.${latest.source}`)}</span>
          <span className="small muted">{t("minutes.by", { name: latest.authorName, time: stamp(latest.createdAt) })}</span>
          {latest.note && <span className="small minutes-version-note">{latest.note}</span>}
          <ApprovedBadge version={latest} />
          {!latest.approvedAt && (
            <button type="button" className="primary minutes-approve" onClick={() => setConfirming(latest.number)} data-testid="minutes-approve">
              {t("minutes.approve")}
            </button>
          )}
        </div>
      )}
      {reference && (
        <div className="minutes-view-tabs" {...viewTabs.list} aria-label={t("minutes.title")}>
          <button type="button" {...viewTabs.tab("text")} className={view === "text" ? "selected" : undefined} data-testid="minutes-chair-text">
            {t("minutes.fullText")}
          </button>
          <button type="button" {...viewTabs.tab("changes")} className={view === "changes" ? "selected" : undefined} data-testid="minutes-chair-changes">
            {reference.approvedAt ? t("minutes.changesSinceApproved", { n: reference.number }) : t("minutes.changesSincePrevious", { n: reference.number })}
          </button>
        </div>
      )}
      {/* The text and the changes are the two tabs' panel when there is a version to compare with.
          It scrolls, so it takes the focus (the arrow keys scroll it; WCAG 2.1.1). */}
      <div className="minutes-dialog-body" tabIndex={0} {...(reference ? viewTabs.panel(view) : { role: "region", "aria-label": t("minutes.fullText") })}>
        {!blocks ? (
          <p className="muted">{t("minutes.loading")}</p>
        ) : view === "changes" && reference ? (
          before ? (
            <VersionDiff before={before} after={blocks} />
          ) : (
            <p className="muted">{t("minutes.loading")}</p>
          )
        ) : (
          <MinutesDocument blocks={blocks} />
        )}
      </div>
      {latest && <MinutesDownloads meetingId={m.meetingId} title={m.title} version={latest.number} />}
      {confirming !== null && (
        <Dialog
          title={t("minutes.approveTitle", { n: confirming })}
          onClose={() => setConfirming(null)}
          className="minutes-dialog minutes-confirm"
          testId="minutes-approve-dialog"
          actions={
            <>
              <button type="button" onClick={() => setConfirming(null)} data-autofocus>
                {t("minutes.cancel")}
              </button>
              <button
                type="button"
                className="primary"
                disabled={approving || !blocks}
                onClick={() => void approve(confirming)}
                data-testid="minutes-approve-confirm"
              >
                {approving ? t("pending") : missing.length > 0 ? t("minutes.approveAnyway") : t("minutes.approveConfirm")}
              </button>
            </>
          }
        >
          {missing.length > 0 && (
            <div className="minutes-missing-box" data-testid="minutes-missing">
              <p>
                <strong>{t("minutes.missingTitle", { count: missing.length })}</strong>
              </p>
              <ul className="minutes-missing">
                {missing.map((x, i) => (
                  <li key={i} data-kind={x.kind} data-testid="minutes-missing-item">
                    {t(x.kind === "response" ? "minutes.missingResponse" : "minutes.missingSpeech", { line: x.line })}
                  </li>
                ))}
              </ul>
              <p>{t("minutes.missingConfirm")}</p>
            </div>
          )}
          <p>{t("minutes.approveText", { n: confirming })}</p>
        </Dialog>
      )}
    </Dialog>
  );
}
