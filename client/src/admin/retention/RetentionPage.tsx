// 保留策略 (issue 28): the organisers' policy for speech recordings and uploaded meeting materials
// (deleted a number of days after the minutes' approval, or kept), what it deletes now and later,
// a sweep on demand, and the record of every deletion (docs/api.md#retention-保留策略).
import { useCallback } from "react";
import "./retention.css";
import { api } from "../api.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { useResource } from "../ui/useResource.ts";
import { DueCard } from "./DueCard.tsx";
import { PolicyCard } from "./PolicyCard.tsx";
import { DeletionsSection, UpcomingSection } from "./RetentionTables.tsx";

export const RETENTION_PATH = "/admin/retention";

export function RetentionPage() {
  const { t } = useAdminT();
  const retention = useResource(useCallback(() => api.retention(), []));
  const data = retention.data;
  return (
    <section className="admin-page retention-page" data-testid="retention-page">
      <h1>{t("retention.title")}</h1>
      <p className="muted">{t("retention.intro")}</p>
      <ErrorLine error={retention.error} onRetry={retention.reload} />
      {!data && !retention.error && <Loading />}
      {data && (
        <div className="retention-layout">
          <PolicyCard
            policy={data.policy}
            onSaved={(policy) => {
              retention.set((current) => ({ ...current, policy }));
              retention.reload();
            }}
          />
          <DueCard due={data.due} lastSweepAt={data.lastSweepAt} onSwept={retention.reload} />
          <UpcomingSection upcoming={data.upcoming} />
          <DeletionsSection deletions={data.deletions} />
        </div>
      )}
    </section>
  );
}
