// A household's own link to a consent campaign (/k/<token>, 本户链接), on the household's phone
// without an account: the question, the household, the answer so far; choose and send. The token
// is the authority; a resend after a lost reply carries the same client id.
import "../i18n/admin.ts";
import "./campaign.css";
import { useEffect, useState, type FormEvent } from "react";
import type { CampaignAnswerKind } from "@core/campaign/campaign.ts";
import type { z } from "zod";
import type { OwnLinkResponse } from "@core/api/campaign.ts";
import { ErrorLine, Loading } from "../admin/ui/Feedback.tsx";
import { useAdminT } from "../admin/ui/useAdminT.ts";
import { LanguageSwitch } from "../admin/session/LanguageSwitch.tsx";
import { campaignApi } from "./campaignApi.ts";
import { AnswerChoices } from "./AnswerChoices.tsx";
import { householdName } from "./campaignUi.ts";

export default function OwnLinkPage({ token }: { token: string }) {
  const { t } = useAdminT();
  const [data, setData] = useState<z.infer<typeof OwnLinkResponse> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<CampaignAnswerKind | null>(null);
  // One client id per choice: resending the same choice after a lost reply is a replay.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    campaignApi.ownLink(token).then(setData, setError);
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answer) return;
    setBusy(true);
    try {
      await campaignApi.ownLinkAnswer(token, { clientId, answer });
      setData(await campaignApi.ownLink(token));
      setClientId(crypto.randomUUID());
      setAnswer(null);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="campaign-own" data-testid="own-link">
      <div className="campaign-own-head">
        <span>{t("campaign.own.title")}</span>
        <LanguageSwitch />
      </div>
      {!data ? (
        error ? (
          <ErrorLine error={error} />
        ) : (
          <Loading />
        )
      ) : (
        <form className="admin-card" onSubmit={(e) => void submit(e)}>
          <h1>{data.campaign.title}</h1>
          <p className="muted">{data.campaign.communityName}</p>
          <p className="campaign-question">{data.campaign.question}</p>
          <p>
            {t("campaign.record.household")}
            {t("campaign.own.colon")}
            <strong>{householdName(data.household)}</strong> {data.household.representative}
          </p>
          <p data-testid="own-current">
            {data.current ? t("campaign.own.current", { answer: t(`campaign.answer.${data.current.answer}`) }) : t("campaign.own.none")}
          </p>
          {data.campaign.phase === "open" ? (
            <>
              <AnswerChoices answer={answer} onChange={setAnswer} />
              <p className="muted">{t("campaign.own.changeable")}</p>
              <ErrorLine error={error} />
              <div>
                <button type="submit" className="primary" disabled={!answer || busy}>
                  {t("campaign.own.send")}
                </button>
              </div>
            </>
          ) : (
            <p className="admin-error">{t(data.campaign.phase === "closed" ? "campaign.doors.closed" : "campaign.doors.upcoming")}</p>
          )}
        </form>
      )}
    </main>
  );
}
