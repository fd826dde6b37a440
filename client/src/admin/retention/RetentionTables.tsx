// 即将删除 and 删除记录: tables on a desktop, one card per row on a phone (retention.css), each
// cell carrying its column's name for that layout.
import { useId, type ReactNode } from "react";
import type { RetentionDeletion, RetentionUpcoming } from "@core/api/retention.ts";
import { Link } from "../../routing/Link.tsx";
import { formatSize } from "../ui/fileSize.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { formatWhen } from "./Totals.tsx";

const meetingLink = (id: string) => `/admin/meetings/${encodeURIComponent(id)}`;

/** A list's section: heading, intro, and its table, or the sentence saying it is empty. */
function ListSection(props: { list: "upcoming" | "deletions"; empty: boolean; head: ReactNode; children: ReactNode }) {
  const { t } = useAdminT();
  const id = useId();
  return (
    <section className="retention-section" aria-labelledby={id} data-testid={`retention-${props.list}`}>
      <h2 id={id}>{t(`retention.${props.list}.heading`)}</h2>
      <p className="hint">{t(`retention.${props.list}.intro`)}</p>
      {props.empty ? (
        <p className="muted empty" data-testid={`retention-${props.list}-none`}>
          {t(`retention.${props.list}.none`)}
        </p>
      ) : (
        <table className="admin-table retention-table" aria-labelledby={id}>
          <thead>{props.head}</thead>
          <tbody>{props.children}</tbody>
        </table>
      )}
    </section>
  );
}

export function UpcomingSection({ upcoming }: { upcoming: RetentionUpcoming[] }) {
  const { t } = useAdminT();
  const col = {
    meeting: t("retention.upcoming.meeting"),
    approvedAt: t("retention.upcoming.approvedAt"),
    recordingsAt: t("retention.upcoming.recordingsAt"),
    materialsAt: t("retention.upcoming.materialsAt"),
    recordings: t("retention.upcoming.recordings"),
    materials: t("retention.upcoming.materials"),
  };
  const files = (count: number, bytes: number) => (count > 0 ? t("retention.totals.files", { count, size: formatSize(bytes) }) : t("common.none"));
  /** When a kind goes: its time, 保留 while the policy keeps files that exist, a dash when there are none. */
  const when = (at: string | null, count: number) => (at ? formatWhen(at) : count > 0 ? t("retention.upcoming.kept") : t("common.none"));
  return (
    <ListSection
      list="upcoming"
      empty={upcoming.length === 0}
      head={
        <tr>
          <th scope="col">{col.meeting}</th>
          <th scope="col">{col.approvedAt}</th>
          <th scope="col">{col.recordingsAt}</th>
          <th scope="col">{col.materialsAt}</th>
          <th scope="col" className="size">
            {col.recordings}
          </th>
          <th scope="col" className="size">
            {col.materials}
          </th>
        </tr>
      }
    >
      {upcoming.map((u) => (
        <tr key={u.meetingId} data-testid="retention-upcoming-row">
          <th scope="row" className="retention-title" data-label={col.meeting}>
            <Link to={meetingLink(u.meetingId)} className="meeting-title-link">
              {u.meetingTitle}
            </Link>
          </th>
          <td data-label={col.approvedAt}>{formatWhen(u.approvedAt)}</td>
          <td data-label={col.recordingsAt}>{when(u.recordingsAt, u.recordings.count)}</td>
          <td data-label={col.materialsAt}>{when(u.materialsAt, u.materials.count)}</td>
          <td className="size" data-label={col.recordings}>
            {files(u.recordings.count, u.recordings.bytes)}
          </td>
          <td className="size" data-label={col.materials}>
            {files(u.materials.count, u.materials.bytes)}
          </td>
        </tr>
      ))}
    </ListSection>
  );
}

export function DeletionsSection({ deletions }: { deletions: RetentionDeletion[] }) {
  const { t } = useAdminT();
  const col = {
    at: t("retention.deletions.at"),
    meeting: t("retention.deletions.meeting"),
    kind: t("retention.deletions.kind"),
    name: t("retention.deletions.name"),
    size: t("retention.deletions.size"),
    rule: t("retention.deletions.rule"),
  };
  return (
    <ListSection
      list="deletions"
      empty={deletions.length === 0}
      head={
        <tr>
          <th scope="col">{col.at}</th>
          <th scope="col">{col.meeting}</th>
          <th scope="col">{col.kind}</th>
          <th scope="col">{col.name}</th>
          <th scope="col" className="size">
            {col.size}
          </th>
          <th scope="col">{col.rule}</th>
        </tr>
      }
    >
      {deletions.map((d) => (
        <tr key={d.id} data-testid="retention-deletion-row" data-kind={d.kind}>
          <td data-label={col.at}>{formatWhen(d.deletedAt)}</td>
          <td data-label={col.meeting}>
            <Link to={meetingLink(d.meetingId)} className="meeting-title-link">
              {d.meetingTitle}
            </Link>
          </td>
          <td data-label={col.kind}>{t(`retention.deletions.kinds.${d.kind}`)}</td>
          <th scope="row" className="retention-name" data-label={col.name}>
            {d.name}
            {d.part !== null && <span className="muted"> {t("retention.deletions.part", { part: d.part })}</span>}
          </th>
          <td className="size" data-label={col.size}>
            {formatSize(d.bytes)}
          </td>
          <td data-label={col.rule}>
            {t("retention.deletions.ruleText", { days: d.days })}
            <div className="muted small">{t("retention.deletions.approvedOn", { at: formatWhen(d.approvedAt) })}</div>
          </td>
        </tr>
      ))}
    </ListSection>
  );
}
