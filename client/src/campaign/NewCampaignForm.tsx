// The secretariat's form for a new consent campaign: community, title, question, period and the
// threshold (a percentage of all households, optionally also for each building), optionally linked
// to a meeting (chosen from the list) or a ledger item (by its number, looked up by the server).
import { useEffect, useState, type FormEvent } from "react";
import type { Community } from "@core/api/community.ts";
import { LEDGER_NUMBER_PATTERN } from "@core/api/ledger.ts";
import type { Meeting } from "@core/api/meetings.ts";
import { api } from "../admin/api.ts";
import { communityApi } from "../admin/community/communityApi.ts";
import { ledgerApi } from "../admin/ledger/ledgerApi.ts";
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
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [meetingId, setMeetingId] = useState("");
  const [ledgerNumber, setLedgerNumber] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    communityApi.communities().then(({ communities: list }) => {
      setCommunities(list);
      setCommunityId((id) => id || (list[0]?.id ?? ""));
    }, setError);
    api.meetings(false).then(({ meetings: list }) => setMeetings(list), setError);
  }, []);

  /** The ledger item's id for the number typed (undefined: none typed), looked up by the server; throws when no item has it. */
  const ledgerItemId = async (): Promise<string | undefined> => {
    if (!ledgerNumber) return undefined;
    // 序号 as the server reads it ("012" is 12); anything else no item has.
    const number = String(Number(ledgerNumber));
    const [item] = LEDGER_NUMBER_PATTERN.test(number) ? (await ledgerApi.items({ number })).items : [];
    if (!item) throw new Error(t("campaign.create.ledgerUnknown", { number: ledgerNumber }));
    return item.id;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { campaign } = await campaignApi.create({
        communityId,
        ledgerItemId: await ledgerItemId(),
        meetingId: meetingId || undefined,
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
        <select value={communityId} onChange={(e) => setCommunityId(e.target.value)} required data-testid="campaign-community">
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
      <div className="campaign-new-row">
        <label className="campaign-field">
          {t("campaign.create.meeting")}
          <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)} data-testid="campaign-meeting">
            <option value="">{t("campaign.create.noMeeting")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label className="campaign-field">
          {t("campaign.create.ledgerNumber")}
          <input type="number" min={1} value={ledgerNumber} onChange={(e) => setLedgerNumber(e.target.value)} data-testid="campaign-ledger-number" />
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
