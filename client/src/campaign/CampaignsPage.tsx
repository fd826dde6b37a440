// The campaigns list (admin/campaigns): the secretariat's go to the progress view, a grid
// worker's (their community's only) to the door list.
import { useEffect, useState, type ReactElement } from "react";
import type { Campaign } from "@core/api/campaign.ts";
import { Link } from "../routing/Link.tsx";
import { ErrorLine, Loading } from "../admin/ui/Feedback.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { campaignApi } from "./campaignApi.ts";
import "./campaign.css";
import { DoorsPage } from "./DoorsPage.tsx";
import { NewCampaignForm } from "./NewCampaignForm.tsx";
import { ProgressPage } from "./ProgressPage.tsx";

const day = (iso: string) => new Date(iso).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });

export function CampaignsPage({ secretariat }: { secretariat: boolean }) {
  const { t } = useAdminT();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    campaignApi.campaigns().then(({ campaigns: list }) => setCampaigns(list), setError);
  }, []);
  if (!campaigns) return error ? <ErrorLine error={error} /> : <Loading />;
  return (
    <section className="admin-page" data-testid="campaigns">
      <h1>{t("campaign.list.title")}</h1>
      <p className="muted">{t("campaign.list.intro")}</p>
      {campaigns.length === 0 && <p>{t("campaign.list.empty")}</p>}
      <ul className="campaign-list">
        {campaigns.map((c) => (
          <li key={c.id} className="admin-card">
            <Link to={`/admin/campaigns/${encodeURIComponent(c.id)}${secretariat ? "" : "/doors"}`} data-testid="campaign-link">
              {c.title}
            </Link>
            <span className="muted">
              {c.communityName} · {t("campaign.list.period", { from: day(c.opensAt), to: day(c.closesAt) })} · {t(`campaign.phase.${c.phase}`)}
            </span>
          </li>
        ))}
      </ul>
      {secretariat && <NewCampaignForm />}
    </section>
  );
}

/** The campaign page of an /admin/campaigns path, or null when the path names none. */
export function campaignPage(pathname: string, secretariat: boolean): ReactElement | null {
  const match = /^\/admin\/campaigns(?:\/([^/]+)(\/doors)?)?\/?$/.exec(pathname);
  if (!match) return null;
  if (!match[1]) return <CampaignsPage secretariat={secretariat} />;
  const id = decodeURIComponent(match[1]);
  if (match[2] || !secretariat) return <DoorsPage key={id} campaignId={id} />;
  return <ProgressPage key={id} campaignId={id} />;
}
