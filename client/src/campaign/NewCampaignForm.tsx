// The secretariat's form for a new consent campaign: community, title, question, period and the
// threshold (a percentage of all households, optionally also for each building).
import { useEffect, useState, type FormEvent } from "react";
import type { Community } from "@core/api/community.ts";
import { communityApi } from "../admin/community/communityApi.ts";
import { ErrorLine } from "../admin/ui/Feedback.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { navigate } from "../routing/location.ts";
import { campaignApi } from "./campaignApi.ts";

/** A datetime-local value (the browser's time) as ISO. */
const iso = (local: string) => new Date(local).toISOString();

export function NewCampaignForm() {
  const { t } = useAdminT();
  const [communities, setCommunities] = useState<Community[]>([]);
  const [communityId, setCommunityId] = useState("");
  const [title, setTitle] = useState("");
  const [question, setQuestion] = useState("");
  const [opensAt, setOpensAt] = useState("");
  const [closesAt, setClosesAt] = useState("");
  const [overall, setOverall] = useState("80");
  const [eachBuilding, setEachBuilding] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    communityApi.communities().then(({ communities: list }) => {
      setCommunities(list);
      setCommunityId((id) => id || (list[0]?.id ?? ""));
    }, setError);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { campaign } = await campaignApi.create({
        communityId,
        title,
        question,
        opensAt: iso(opensAt),
        closesAt: iso(closesAt),
        rule: {
          overall: { num: Number(overall), den: 100 },
          buildings: eachBuilding ? [{ building: null, share: { num: Number(eachBuilding), den: 100 } }] : [],
        },
      });
      navigate(`/admin/campaigns/${encodeURIComponent(campaign.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="admin-card campaign-new" onSubmit={(e) => void submit(e)} data-testid="campaign-new">
      <h2>{t("campaign.create.title")}</h2>
      <label className="campaign-field">
        {t("campaign.create.community")}
        <select value={communityId} onChange={(e) => setCommunityId(e.target.value)} required>
          {communities.map((c) => (
            <option key={c.id} value={c.id}>
              {t("campaign.create.communityOption", { name: c.name, count: c.households })}
            </option>
          ))}
        </select>
      </label>
      <label className="campaign-field">
        {t("campaign.create.name")}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required />
      </label>
      <label className="campaign-field">
        {t("campaign.create.question")}
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={500} rows={2} required />
      </label>
      <div className="campaign-new-row">
        <label className="campaign-field">
          {t("campaign.create.opensAt")}
          <input type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} required />
        </label>
        <label className="campaign-field">
          {t("campaign.create.closesAt")}
          <input type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
        </label>
      </div>
      <div className="campaign-new-row">
        <label className="campaign-field">
          {t("campaign.create.overall")}
          <input type="number" min={1} max={100} value={overall} onChange={(e) => setOverall(e.target.value)} required />
        </label>
        <label className="campaign-field">
          {t("campaign.create.eachBuilding")}
          <input type="number" min={1} max={100} value={eachBuilding} onChange={(e) => setEachBuilding(e.target.value)} />
        </label>
      </div>
      <ErrorLine error={error} />
      <div>
        <button type="submit" className="primary" disabled={busy || !communityId}>
          {t("campaign.create.submit")}
        </button>
      </div>
    </form>
  );
}
