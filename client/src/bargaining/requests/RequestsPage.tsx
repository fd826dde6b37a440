// 工资集体协商要约书 (admin/bargaining/requests): every request with its reply deadline (days left,
// due today, overdue) or its reply, the DOCX and PDF downloads, recording the reply, and the form
// to enter a new request. The secretariat's page (admin, organiser).
import { useEffect, useState } from "react";
import { parties, type BargainingRequest } from "@core/api/bargainingRequests.ts";
import { Dialog } from "../../admin/ui/Dialog.tsx";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useBargainingRequestsT } from "../../i18n/bargainingRequests.ts";
import { Link } from "../../routing/Link.tsx";
import { DeadlineBadge } from "./DeadlineBadge.tsx";
import { NewRequestForm } from "./NewRequestForm.tsx";
import { ReplyForm } from "./ReplyForm.tsx";
import { requestApi } from "./requestApi.ts";
import "./requests.css";

export const REQUESTS_PATH = "/admin/bargaining/requests";

export function RequestsPage() {
  const { t } = useBargainingRequestsT();
  const [requests, setRequests] = useState<BargainingRequest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [replying, setReplying] = useState<BargainingRequest | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    requestApi.list().then(({ requests: list }) => setRequests(list), setError);
  }, []);

  const replace = (updated: BargainingRequest) => setRequests((list) => (list ?? []).map((r) => (r.id === updated.id ? updated : r)));

  return (
    <section className="admin-page" data-testid="bargaining-requests">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <SuccessLine text={done} testId="request-done" />
      <ErrorLine error={error} />
      {!requests && !error && <Loading />}
      {requests?.length === 0 && <p className="muted empty">{t("empty")}</p>}
      {requests && requests.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table" data-testid="requests-table">
            <thead>
              <tr>
                <th scope="col">{t("list.sentOn")}</th>
                <th scope="col">{t("list.requester")}</th>
                <th scope="col">{t("list.addressee")}</th>
                <th scope="col">{t("list.topics")}</th>
                <th scope="col">{t("list.deadline")}</th>
                <th scope="col">{t("list.state")}</th>
                <th scope="col">{t("list.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => {
                const { requester, addressee } = parties(r);
                return (
                  <tr key={r.id} data-testid="request-row">
                    <td className="nowrap">{r.sentOn}</td>
                    <th scope="row">
                      {requester}
                      <div className="muted small">{t(`side.${r.side}`)}</div>
                    </th>
                    <td>{addressee}</td>
                    <td>
                      <ol className="request-topics">
                        {r.topics.map((topic, i) => (
                          <li key={i}>{topic}</li>
                        ))}
                      </ol>
                      {r.meetingId && (
                        <Link to={`/admin/meetings/${encodeURIComponent(r.meetingId)}/roster`} className="small">
                          {t("list.meeting")}
                        </Link>
                      )}
                    </td>
                    <td className="nowrap">{r.replyDeadline}</td>
                    <td>
                      <DeadlineBadge request={r} />
                    </td>
                    <td>
                      <div className="button-row">
                        <a className="button" href={requestApi.fileUrl(r.id, "docx")} download data-testid="request-docx">
                          {t("list.docx")}
                        </a>
                        <a className="button" href={requestApi.fileUrl(r.id, "pdf")} download data-testid="request-pdf">
                          {t("list.pdf")}
                        </a>
                        {!r.reply && (
                          <button type="button" onClick={() => setReplying(r)} data-testid="request-reply">
                            {t("list.reply")}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {replying && (
        <Dialog title={t("reply.title", { name: parties(replying).requester })} onClose={() => setReplying(null)} testId="reply-dialog">
          <ReplyForm
            request={replying}
            onCancel={() => setReplying(null)}
            onDone={(updated) => {
              replace(updated);
              setReplying(null);
              setDone(t("reply.recorded"));
            }}
          />
        </Dialog>
      )}
      <NewRequestForm
        onCreated={(request) => {
          setRequests((list) => [request, ...(list ?? [])]);
          setDone(t("create.created", { date: request.replyDeadline }));
        }}
      />
    </section>
  );
}
