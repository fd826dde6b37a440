// 工资专项集体合同 (admin/bargaining/agreements): every bargaining meeting with the state of its
// agreement and the reminder due (file within 10 days of signing, §42; the end of the authority's
// 15-day review, §47), overdue first. The secretariat's page (admin, organiser).
import { useEffect, useState } from "react";
import type { AgreementListJson } from "@core/api/bargainingAgreement.ts";
import type { Meeting } from "@core/api/meetings.ts";
import { api } from "../../admin/api.ts";
import { ErrorLine, Loading } from "../../admin/ui/Feedback.tsx";
import { useAgreementT } from "../../i18n/agreement.ts";
import { Link } from "../../routing/Link.tsx";
import { agreementApi } from "./agreementApi.ts";
import { ReminderBadge } from "./ReminderBadge.tsx";

export const AGREEMENTS_PATH = "/admin/bargaining/agreements";
export const agreementPath = (meetingId: string) => `${AGREEMENTS_PATH}/${encodeURIComponent(meetingId)}`;

type Row = { meeting: Meeting; agreement: AgreementListJson["agreements"][number] | null };

/** Overdue first, then by days left; meetings without a reminder after. */
const urgency = (row: Row): number => row.agreement?.reminder?.daysLeft ?? Number.POSITIVE_INFINITY;

export function AgreementsPage() {
  const { t } = useAgreementT();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([api.meetings(false), agreementApi.list()]).then(([{ meetings }, { agreements }]) => {
      const byMeeting = new Map(agreements.map((a) => [a.meetingId, a]));
      const list = meetings.filter((m) => m.kind === "bargaining").map((meeting) => ({ meeting, agreement: byMeeting.get(meeting.id) ?? null }));
      setRows(list.sort((a, b) => urgency(a) - urgency(b)));
    }, setError);
  }, []);

  return (
    <section className="admin-page" data-testid="agreements">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ErrorLine error={error} />
      {!rows && !error && <Loading />}
      {rows?.length === 0 && <p className="muted empty">{t("list.empty")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table" data-testid="agreements-table">
            <thead>
              <tr>
                <th scope="col">{t("list.meeting")}</th>
                <th scope="col">{t("list.state")}</th>
                <th scope="col">{t("list.reminder")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ meeting, agreement }) => (
                <tr key={meeting.id} data-testid="agreement-row">
                  <th scope="row">
                    <Link to={agreementPath(meeting.id)}>{meeting.title}</Link>
                  </th>
                  <td>{t(`state.${agreement?.state ?? "draft"}`)}</td>
                  <td>{agreement?.reminder ? <ReminderBadge reminder={agreement.reminder} /> : t("list.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
