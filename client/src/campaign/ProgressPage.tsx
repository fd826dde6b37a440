// The secretariat's progress view of a consent campaign (admin/campaigns/<id>): the consent rate
// against ALL households next to the threshold, each clause, the per-building (and unit) table,
// the households not reached yet, the close (confirmed) and the report downloads. Polls every
// 5 s while open: grid workers record from their phones meanwhile.
import { Fragment, useCallback, useEffect, useState } from "react";
import type { Campaign, ProgressBody } from "@core/api/campaign.ts";
import { rate, shareText } from "@core/campaign/campaign.ts";
import { Link } from "../routing/Link.tsx";
import { ErrorLine, Loading } from "../admin/ui/Feedback.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { campaignApi } from "./campaignApi.ts";
import { householdName } from "./campaignUi.ts";

const POLL_MS = 5000;

export function ProgressPage({ campaignId }: { campaignId: string }) {
  const { t } = useAdminT();
  const [data, setData] = useState<{ campaign: Campaign; progress: ProgressBody } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [links, setLinks] = useState<{ householdId: string; building: string; unit: string; room: string; representative: string; url: string }[] | null>(null);

  const load = useCallback(
    () =>
      campaignApi.progress(campaignId).then((answer) => {
        setData(answer);
        setError(null);
      }, setError),
    [campaignId],
  );
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const close = async () => {
    try {
      setData(await campaignApi.close(campaignId));
      setConfirming(false);
    } catch (e) {
      setError(e);
    }
  };

  const issueLinks = async () => {
    try {
      setLinks((await campaignApi.issueLinks(campaignId)).links);
    } catch (e) {
      setError(e);
    }
  };

  if (!data) return error ? <ErrorLine error={error} onRetry={() => void load()} /> : <Loading />;
  const { campaign, progress } = data;
  const { overall } = progress;
  const closed = campaign.phase === "closed";
  const result = t(progress.passed ? "campaign.progress.passed" : "campaign.progress.failed");
  const pct = (agree: number, households: number) => `${rate(agree, households).toFixed(1)}%`;

  return (
    <section className="admin-page campaign-progress" data-testid="campaign-progress">
      <Link to="/admin/campaigns" className="back-link">
        ← {t("campaign.nav")}
      </Link>
      <h1>
        {campaign.title} <span className={`campaign-phase phase-${campaign.phase}`}>{t(`campaign.phase.${campaign.phase}`)}</span>
      </h1>
      <p className="campaign-question">{campaign.question}</p>
      {(campaign.meetingId || campaign.ledgerItemId) && (
        <p className="campaign-linked" data-testid="campaign-linked">
          {campaign.meetingId && <Link to={`/admin/meetings/${encodeURIComponent(campaign.meetingId)}`}>{t("campaign.progress.meeting")}</Link>}{" "}
          {campaign.ledgerItemId && <Link to={`/admin/ledger/${encodeURIComponent(campaign.ledgerItemId)}`}>{t("campaign.progress.ledgerItem")}</Link>}
        </p>
      )}
      <section className="admin-card campaign-summary" aria-labelledby="campaign-rate">
        <h2 id="campaign-rate">{t("campaign.progress.rate")}</h2>
        <p className="campaign-rate" data-testid="campaign-rate" data-passed={progress.passed}>
          {pct(overall.agree, overall.households)}
        </p>
        <p data-testid="campaign-rate-line">{t("campaign.progress.rateLine", { agree: overall.agree, total: overall.households })}</p>
        <p className={`campaign-result ${progress.passed ? "passed" : "failed"}`} data-testid="campaign-result">
          {t(closed ? "campaign.progress.resultClosed" : "campaign.progress.resultOpen", { result })}
        </p>
        <h3>{t("campaign.progress.requirement")}</h3>
        <ul className="campaign-clauses" data-testid="campaign-clauses">
          {progress.clauses.map((c, i) => (
            <li key={i} data-passed={c.passed}>
              {t("campaign.progress.clauseLine", {
                clause:
                  c.building === null
                    ? t("campaign.progress.clauseOverall", { share: shareText(c.share) })
                    : t("campaign.progress.clauseBuilding", { building: c.building, share: shareText(c.share) }),
                figures: t("campaign.progress.clauseFigures", { agree: c.agree, households: c.households, rate: rate(c.agree, c.households).toFixed(1) }),
              })}{" "}
              <strong>{t(c.passed ? "campaign.progress.met" : "campaign.progress.notMet")}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="admin-card" aria-labelledby="campaign-buildings">
        <h2 id="campaign-buildings">{t("campaign.progress.buildings")}</h2>
        <div className="table-scroll">
          <table className="admin-table campaign-table" data-testid="campaign-buildings">
            <thead>
              <tr>
                <th>{t("campaign.progress.building")}</th>
                <th className="num">{t("campaign.progress.households")}</th>
                <th className="num">{t("campaign.answer.agree")}</th>
                <th className="num">{t("campaign.answer.disagree")}</th>
                <th className="num">{t("campaign.answer.undecided")}</th>
                <th className="num">{t("campaign.progress.notReached")}</th>
                <th className="num">{t("campaign.progress.rate")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.buildings.map((b) => (
                <Fragment key={b.building}>
                  <tr data-testid="building-row" data-building={b.building}>
                    <th scope="row">{b.building}</th>
                    <Counts c={b} pct={pct} />
                  </tr>
                  {b.units.length > 1 &&
                    b.units.map((u) => (
                      <tr key={u.unit} className="campaign-unit-row">
                        <th scope="row">{u.unit}</th>
                        <Counts c={u} pct={pct} />
                      </tr>
                    ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="admin-card" aria-labelledby="campaign-not-reached">
        <h2 id="campaign-not-reached">{t("campaign.progress.notReachedList", { count: progress.notReached.length })}</h2>
        {progress.notReached.length === 0 ? (
          <p className="muted">{t("campaign.progress.allReached")}</p>
        ) : (
          <ul className="campaign-not-reached" data-testid="campaign-not-reached">
            {progress.notReached.map((h) => (
              <li key={h.id}>
                {householdName(h)} {h.representative}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!closed && (
        <section className="admin-card" aria-labelledby="campaign-links">
          <h2 id="campaign-links">{t("campaign.method.own_link")}</h2>
          <p className="muted">{t("campaign.links.intro")}</p>
          <div>
            <button type="button" onClick={() => void issueLinks()} data-testid="campaign-issue-links">
              {t(links ? "campaign.links.reissue" : "campaign.links.issue")}
            </button>
          </div>
          {links && (
            <ol className="campaign-links" data-testid="campaign-links">
              {links.map((l) => (
                <li key={l.householdId}>
                  {householdName(l)} {l.representative} <a href={l.url}>{l.url}</a>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <section className="admin-card campaign-actions" aria-label={t("campaign.progress.downloads")}>
        <div className="campaign-downloads">
          {t("campaign.progress.downloads")}
          {(["pdf", "xlsx"] as const).map((format) => (
            <a key={format} className="button" href={campaignApi.reportUrl(campaign.id, format)} download data-testid={`campaign-report-${format}`}>
              {t(`campaign.progress.${format}`)}
            </a>
          ))}
          <Link to={`/admin/campaigns/${encodeURIComponent(campaign.id)}/doors`}>{t("campaign.progress.doors")}</Link>
        </div>
        {closed ? (
          <p data-testid="campaign-closed">{t("campaign.progress.closed")}</p>
        ) : confirming ? (
          <div className="campaign-confirm" role="alertdialog" aria-label={t("campaign.progress.close")}>
            <p>{t("campaign.progress.closeConfirm")}</p>
            <button type="button" className="danger" onClick={() => void close()}>
              {t("campaign.progress.closeYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("campaign.record.cancel")}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t("campaign.progress.close")}
          </button>
        )}
        <ErrorLine error={error} />
        {!closed && <p className="muted">{t("campaign.progress.refreshed")}</p>}
      </section>
    </section>
  );
}

function Counts({ c, pct }: { c: ProgressBody["overall"]; pct: (agree: number, households: number) => string }) {
  return (
    <>
      <td className="num">{c.households}</td>
      <td className="num">{c.agree}</td>
      <td className="num">{c.disagree}</td>
      <td className="num">{c.undecided}</td>
      <td className="num">{c.notReached}</td>
      <td className="num">{pct(c.agree, c.households)}</td>
    </>
  );
}
