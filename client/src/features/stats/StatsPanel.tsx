import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import { speechStats, type Tally } from "@core/stats/speechStats.ts";
import { useConnection, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { downloadFile } from "../../connection/download.ts";
import { useTabs } from "../../components/tabs/useTabs.ts";
import "./stats.css";

type StatsFormat = "csv" | "xlsx";

type Tab = "byPerson" | "bySector" | "byParty" | "byItem" | "neverSpoke" | "interjections";
const TABS: readonly Tab[] = ["byPerson", "bySector", "byParty", "byItem", "neverSpoke", "interjections"];

/** m:ss in whole seconds, rounded like the exported files. */
const duration = (ms: number) => formatClock(Math.round(ms / 1000) * 1000);

/**
 * 发言统计 for the chair and clerk: live from the client's own state (the same pure projection
 * the server exports), one line always visible, the groupings and the exports when opened.
 */
export function StatsPanel({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const { state, welcome } = useMeeting();
  const now = useServerNow(1000);
  const [open, setOpen] = useState(defaultOpen);
  const [tab, setTab] = useState<Tab>("byPerson");
  const tabList = useTabs("stats", TABS, tab, setTab);
  const [exporting, setExporting] = useState<StatsFormat | null>(null);
  const [failed, setFailed] = useState(false);
  if (!state || !welcome) return null;
  const stats = speechStats(state, now);
  const { overall } = stats;

  const download = async (format: StatsFormat) => {
    setExporting(format);
    setFailed(false);
    try {
      const url = `/api/meetings/${encodeURIComponent(welcome.meeting.id)}/statistics.${format}`;
      await downloadFile(url, connection.token, `${welcome.meeting.title}-${t("stats.title")}.${format}`);
    } catch {
      setFailed(true);
    } finally {
      setExporting(null);
    }
  };

  return (
    <section className="panel stats-panel" aria-labelledby="stats-title" data-testid="stats-panel">
      <h2 id="stats-title">
        <button type="button" className="link stats-toggle" aria-expanded={open} aria-controls="stats-body" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {t("stats.title")}
        </button>
      </h2>
      <p className="stats-overall" data-testid="stats-overall">
        {t("stats.overall", { speeches: overall.speeches, duration: duration(overall.totalMs), overruns: overall.overruns, written: overall.written })}
      </p>
      {open && (
        <div id="stats-body">
          <div className="stats-tabs" {...tabList.list} aria-label={t("stats.title")}>
            {TABS.map((key) => (
              <button key={key} type="button" {...tabList.tab(key)} className={tab === key ? "stats-tab selected" : "stats-tab"}>
                {t(`stats.${key}`)}
                {key === "neverSpoke" && stats.neverSpoke.length > 0 && ` (${stats.neverSpoke.length})`}
              </button>
            ))}
          </div>
          <div {...tabList.panel(tab)} className="stats-tabpanel">
            {tab === "interjections" ? (
              // 插话: per person count and time (overruns against the interjection cap), and the outcomes.
              <div data-testid="stats-interjections">
                <p className="stats-overall" data-testid="stats-interjections-overall">
                  {t("stats.interjectionsOverall", {
                    count: stats.interjections.overall.count,
                    duration: duration(stats.interjections.overall.totalMs),
                    ...stats.interjections.overall.byOutcome,
                  })}
                </p>
                <TallyTable tallies={stats.interjections.byPerson} nameHeader={t("stats.name.interjections")} />
              </div>
            ) : tab === "neverSpoke" ? (
              stats.neverSpoke.length === 0 ? (
                <p className="muted">{t("stats.nobodyWaitingInVain")}</p>
              ) : (
                <ol className="stats-never" data-testid="stats-never-spoke">
                  {stats.neverSpoke.map((p) => (
                    <li key={p.participantId}>{p.label}</li>
                  ))}
                </ol>
              )
            ) : (
              <TallyTable tallies={stats[tab]} nameHeader={t(`stats.name.${tab}`)} />
            )}
          </div>
          <div className="button-row stats-export">
            {(["csv", "xlsx"] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="secondary"
                disabled={exporting !== null}
                onClick={() => void download(format)}
                data-testid={`stats-export-${format}`}
              >
                {exporting === format ? t("pending") : t(`stats.export.${format}`)}
              </button>
            ))}
          </div>
          {failed && (
            <p className="stats-error" role="alert">
              {t("stats.exportFailed")}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function TallyTable({ tallies, nameHeader }: { tallies: readonly Tally[]; nameHeader: string }) {
  const { t } = useTranslation();
  if (tallies.length === 0) return <p className="muted">{t("stats.empty")}</p>;
  return (
    <table className="record stats-table" data-testid="stats-table">
      <thead>
        <tr>
          <th>{nameHeader}</th>
          <th>{t("stats.speeches")}</th>
          <th>{t("stats.duration")}</th>
          <th>{t("stats.overruns")}</th>
        </tr>
      </thead>
      <tbody>
        {tallies.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            <td>{row.speeches}</td>
            <td>{duration(row.totalMs)}</td>
            <td className={row.overruns > 0 ? "overrun" : undefined}>{row.overruns}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
