// One ledger item (/admin/ledger/:id): where it came from, the text, the responses given live in
// the meeting, the assignment, the replies with attachments and the member's rating, the actions
// the user may take now, the 交办单 and 反馈单 issued, and the full history (every step: who, role, when, from → to, content).
import { useCallback, useState, type ReactNode } from "react";
import type { Department, LedgerItemJson } from "@core/ledger/json.ts";
import { Link } from "../../routing/Link.tsx";
import { useSession } from "../session/session.ts";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { usePunct } from "./punct.ts";
import { ActionDialog, useActionLabel } from "./ActionDialog.tsx";
import { CommunityCard } from "./CommunityActions.tsx";
import { actionsFor, viewerOf, type StaffAction } from "./actions.ts";
import { FlagBadge, OriginBadge, StateBadge } from "./Badges.tsx";
import { FormsCard } from "./FormsCard.tsx";
import { formatAt } from "./format.ts";
import { ledgerApi } from "./ledgerApi.ts";
import { LEDGER, LedgerNav } from "./LedgerNav.tsx";
import { StepList } from "./StepList.tsx";

export function ItemPage({ itemId }: { itemId: string }) {
  const { t } = useAdminT();
  const { account } = useSession();
  const viewer = viewerOf(account);
  const detail = useResource(useCallback(() => ledgerApi.item(itemId), [itemId]));
  const departments = useResource(useCallback(() => ledgerApi.departments().then((r) => r.departments), []));
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const label = useActionLabel();

  if (detail.error && !detail.data) {
    return (
      <section className="admin-page ledger-page">
        <LedgerNav secretariat={viewer.role === "secretariat"} />
        <Link to={LEDGER} className="back-link">
          ‹ {t("ledger.item.back")}
        </Link>
        <ErrorLine error={detail.error} onRetry={detail.reload} />
      </section>
    );
  }
  if (!detail.data) return <Loading />;
  const { item, steps, forms } = detail.data;
  const actions = actionsFor(item, viewer);
  const names = departmentNames(departments.data ?? [], item);

  return (
    <section className="admin-page ledger-page ledger-item-page" data-testid="ledger-item" data-item-id={item.id} data-version={item.version}>
      <LedgerNav secretariat={viewer.role === "secretariat"} />
      <Link to={LEDGER} className="back-link">
        ‹ {t("ledger.item.back")}
      </Link>
      <h1>
        <span className="ledger-number">{t("ledger.item.heading", { number: item.number })}</span>
        <span data-testid="ledger-item-title">{item.title}</span>
        {item.origin === "decision" && <OriginBadge />}
        <StateBadge state={item.state} />
        <FlagBadge flag={item.flag} />
      </h1>
      <ErrorLine error={detail.error} onRetry={detail.reload} />
      <SuccessLine text={done} testId="ledger-done" />
      <div className="ledger-item-grid">
        <div className="ledger-item-main">
          <SourceCard item={item} secretariat={viewer.role === "secretariat"} />
          <CommunityCard item={item} />
          <section className="admin-card" aria-labelledby="ledger-text">
            <h2 id="ledger-text">{t("ledger.item.text")}</h2>
            <p className="ledger-text" data-testid="ledger-item-text">
              {item.text}
            </p>
          </section>
          {item.liveResponses.length > 0 && <LiveResponses item={item} />}
          <Replies item={item} />
          <section className="admin-card" aria-labelledby="ledger-history">
            <h2 id="ledger-history">{t("ledger.item.history")}</h2>
            <StepList steps={steps} names={names} />
          </section>
        </div>
        <div className={`ledger-item-side${actions.length > 0 ? " has-actions" : ""}`}>
          {viewer.role !== "other" && (
            <section className="admin-card ledger-actions" aria-labelledby="ledger-actions">
              <h2 id="ledger-actions">{t("ledger.item.actions")}</h2>
              {actions.length === 0 ? (
                <p className="muted" data-testid="ledger-no-actions">
                  {t("ledger.item.noActions")}
                </p>
              ) : (
                <div className="button-row">
                  {actions.map((type) => (
                    <button
                      key={type}
                      type="button"
                      className={type === actions[0] ? "primary" : undefined}
                      onClick={() => {
                        setDone(null);
                        setOpen(type);
                      }}
                      data-testid={`ledger-action-${type}`}
                    >
                      {label(type, item)}
                    </button>
                  ))}
                </div>
              )}
            </section>
          )}
          <Assignment item={item} />
          <FormsCard itemId={item.id} forms={forms} />
        </div>
      </div>
      {open && (
        <ActionDialog
          item={item}
          type={open}
          departments={departments.data ?? []}
          onClose={() => setOpen(null)}
          onConflict={detail.reload}
          onDone={() => {
            setDone(t("ledger.item.done", { action: label(open, item) }));
            setOpen(null);
            detail.reload();
          }}
        />
      )}
    </section>
  );
}

/** Department names by id: the list, and the item's own (a department user may see only those). */
function departmentNames(list: Department[], item: LedgerItemJson): Map<string, string> {
  const names = new Map(list.map((d) => [d.id, d.name]));
  for (const d of [item.lead, ...item.partners]) if (d) names.set(d.id, d.name);
  return names;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function SourceCard({ item, secretariat }: { item: LedgerItemJson; secretariat: boolean }) {
  const { t } = useAdminT();
  const decision = item.origin === "decision";
  return (
    <section className="admin-card" aria-labelledby="ledger-source">
      <h2 id="ledger-source">{t("ledger.item.sourceTitle")}</h2>
      <dl className="ledger-facts" data-testid="ledger-item-source">
        {item.source === "meeting" ? (
          <Row label={t("ledger.item.meeting")}>
            {secretariat && item.meetingId ? <Link to={`/admin/meetings/${encodeURIComponent(item.meetingId)}`}>{item.meetingTitle}</Link> : item.meetingTitle}
          </Row>
        ) : (
          <Row label={t("ledger.item.sourceTitle")}>{t(`ledger.source.${item.source}`)}</Row>
        )}
        {item.sourceNote && <Row label={t("ledger.item.sourceNote")}>{item.sourceNote}</Row>}
        {item.agendaItemTitle && <Row label={t("ledger.item.agendaItem")}>{item.agendaItemTitle}</Row>}
        <Row label={t("ledger.item.origin")} testId="ledger-item-origin">
          {t(`ledger.origin.${item.origin}`)}
        </Row>
        {item.raisedByName && <Row label={t("ledger.item.raisedBy")}>{item.raisedByName}</Row>}
        {item.sector && <Row label={t("ledger.item.sector")}>{item.sector}</Row>}
        <Row label={t("ledger.item.raisedOn")}>{item.raisedOn}</Row>
        {item.contact && <Row label={t("ledger.item.contact")}>{item.contact}</Row>}
        {item.topic && <Row label={t("ledger.item.topic")}>{item.topic}</Row>}
        {item.suggestedDepartment && (
          <Row label={t(decision ? "ledger.item.responsibleUnit" : "ledger.item.suggestedDepartment")}>{item.suggestedDepartment}</Row>
        )}
        {/* Before 交办 the deadline is the meeting's (or the paper ledger's); afterwards the assignment card shows it. */}
        {!item.lead && item.deadline && (
          <Row label={t(decision ? "ledger.item.decisionDeadline" : "ledger.item.deadline")} testId="ledger-item-deadline">
            {item.deadline} <FlagBadge flag={item.flag} />
          </Row>
        )}
      </dl>
      {decision && item.state === "new" && <p className="muted small">{t("ledger.item.decisionNote")}</p>}
    </section>
  );
}

function LiveResponses({ item }: { item: LedgerItemJson }) {
  const { t } = useAdminT();
  const p = usePunct();
  return (
    <section className="admin-card" aria-labelledby="ledger-live">
      <h2 id="ledger-live">{t("ledger.item.live")}</h2>
      <ul className="ledger-live" data-testid="ledger-live">
        {item.liveResponses.map((r, i) => (
          <li key={i}>
            <div>
              <strong>{r.name}</strong>
              {r.unit && <span className="muted">{p.paren(r.unit)}</span>}
              {r.outcome && <span className="badge">{t(`ledger.liveOutcome.${r.outcome}`)}</span>}
            </div>
            {r.point && <p>{r.point}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Assignment({ item }: { item: LedgerItemJson }) {
  const { t } = useAdminT();
  const p = usePunct();
  return (
    <section className="admin-card" aria-labelledby="ledger-assignment">
      <h2 id="ledger-assignment">{t("ledger.item.assignment")}</h2>
      {!item.lead ? (
        <p className="muted">{t("ledger.item.notAssigned")}</p>
      ) : (
        <dl className="ledger-facts" data-testid="ledger-assignment">
          <Row label={t("ledger.item.lead")} testId="ledger-lead">
            {item.lead.name}
          </Row>
          {item.partners.length > 0 && <Row label={t("ledger.item.partners")}>{p.list(item.partners.map((d) => d.name))}</Row>}
          <Row label={t("ledger.item.deadline")}>
            {item.deadline} <FlagBadge flag={item.flag} />
          </Row>
          {item.assignedAt && <Row label={t("ledger.item.assignedAt")}>{formatAt(item.assignedAt)}</Row>}
          {item.instructions && (
            <Row label={t("ledger.item.instructions")}>
              <span className="ledger-text">{item.instructions}</span>
            </Row>
          )}
        </dl>
      )}
      {item.supervisions > 0 && <p className="muted">{t("ledger.item.supervisions", { count: item.supervisions })}</p>}
    </section>
  );
}

function Replies({ item }: { item: LedgerItemJson }) {
  const { t } = useAdminT();
  const p = usePunct();
  return (
    <section className="admin-card" aria-labelledby="ledger-replies">
      <h2 id="ledger-replies">{t("ledger.item.replies")}</h2>
      {item.replies.length === 0 && <p className="muted">{t("ledger.item.noReplies")}</p>}
      <ol className="ledger-replies">
        {item.replies.map((reply, i) => (
          <li key={i} className="ledger-reply" data-testid="ledger-reply">
            <div className="ledger-reply-head">
              <strong>{t("ledger.item.replyN", { n: i + 1 })}</strong>
              <span className="badge" data-testid="ledger-reply-outcome">
                {t(`ledger.outcome.${reply.outcome}`)}
              </span>
              <span className="muted small">{t("ledger.item.replyBy", { name: reply.byName, at: formatAt(reply.at) })}</span>
            </div>
            <p className="ledger-text">{reply.text}</p>
            {reply.attachments.length > 0 && (
              <div>
                <span className="muted small">
                  {t("ledger.item.attachments")}
                  {p.colon}
                </span>
                <ul className="ledger-files">
                  {reply.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={ledgerApi.attachmentUrl(a.id)} download={a.name} data-testid="ledger-attachment">
                        {a.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="ledger-rating" data-testid="ledger-rating">
              {t("ledger.item.rating")}
              {p.colon}
              {reply.rating ? (
                <>
                  <strong>{t(`ledger.rating.${reply.rating.rating}`)}</strong>
                  {reply.rating.comment && <span>{p.paren(reply.rating.comment)}</span>}
                </>
              ) : (
                <span className="muted">{t("ledger.item.notRated")}</span>
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
