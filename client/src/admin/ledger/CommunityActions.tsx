// The community's own actions on an item (docs/community.md): 就地解决 (what was done, the reply the
// resident reads on the receipt) and 提交议事会 (a meeting whose agenda gets the item), plus the
// card of what a resident's report carries (community, building/unit, 网格悄悄话, photos, council).
import { useEffect, useId, useState } from "react";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { useIntakeT } from "../../i18n/intake.ts";
import { api } from "../api.ts";
import { communityApi } from "../community/communityApi.ts";
import { ErrorLine } from "../ui/Feedback.tsx";
import { ledgerApi, type StaffLedgerAction } from "./ledgerApi.ts";

export function ResolveField({ onChange }: { onChange: (action: StaffLedgerAction | null) => void }) {
  const { t } = useIntakeT();
  const id = useId();
  const [text, setText] = useState("");
  useEffect(() => onChange(text.trim() ? { type: "resolveLocally", text: text.trim() } : null), [text, onChange]);
  return (
    <div className="field">
      <label htmlFor={id}>{t("admin.resolveText")}</label>
      <textarea
        id={id}
        rows={5}
        maxLength={2000}
        required
        value={text}
        data-autofocus
        data-testid="ledger-resolve-text"
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}

export function CouncilField({ onChange }: { onChange: (action: StaffLedgerAction | null) => void }) {
  const { t } = useIntakeT();
  const id = useId();
  const [meetings, setMeetings] = useState<{ id: string; title: string }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    let live = true;
    api.meetings(false).then(
      ({ meetings: list }) => live && setMeetings(list.map((m) => ({ id: m.id, title: m.title }))),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const meeting = meetings?.find((m) => m.id === chosen);
    // The server names the agenda item it adds; the client sends only the meeting.
    onChange(meeting ? { type: "toCouncil", meetingId: meeting.id, meetingTitle: meeting.title, agendaItemId: "-" } : null);
  }, [chosen, meetings, onChange]);
  if (error) return <ErrorLine error={error} />;
  if (meetings?.length === 0) return <p className="admin-warn">{t("admin.noMeetings")}</p>;
  return (
    <div className="field">
      <label htmlFor={id}>{t("admin.meeting")}</label>
      <select id={id} value={chosen} required onChange={(e) => setChosen(e.target.value)} data-testid="ledger-council-meeting">
        <option value="" />
        {(meetings ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The community a listening day's (接待日) item belongs to, when there are communities; "" for none. */
export function CommunitySelect({ id, value, onChange }: { id: string; value: string; onChange: (e: { target: { value: string } }) => void }) {
  const { t } = useIntakeT();
  const [communities, setCommunities] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    communityApi.communities().then(
      ({ communities: list }) => live && setCommunities(list),
      () => undefined, // without communities the item simply has none
    );
    return () => {
      live = false;
    };
  }, []);
  if (communities.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t("admin.community")}</label>
      <select id={id} value={value} onChange={onChange} data-testid="ledger-create-community">
        <option value="">{t("admin.noCommunity")}</option>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a resident's (or grid worker's) report carries beyond an ordinary item. */
export function CommunityCard({ item }: { item: LedgerItemJson }) {
  const { t } = useIntakeT();
  if (!item.communityId) return null;
  return (
    <section className="admin-card" data-testid="ledger-community">
      <dl className="ledger-facts">
        {item.location && (
          <>
            <dt>{t("admin.location")}</dt>
            <dd>{item.location}</dd>
          </>
        )}
        {item.councilMeetingId && (
          <>
            <dt>{t("admin.council")}</dt>
            <dd>
              <a href={`/admin/meetings/${encodeURIComponent(item.councilMeetingId)}/agenda`}>{t("admin.meeting")}</a>
            </dd>
          </>
        )}
      </dl>
      {item.anonymous && (
        <p className="admin-warn" data-testid="ledger-anonymous">
          {t("admin.anonymous")}
        </p>
      )}
      {item.photos.length > 0 && (
        <div>
          <h2>{t("admin.photos")}</h2>
          <ul className="ledger-files">
            {item.photos.map((photo, i) => (
              <li key={photo.id}>
                <a href={ledgerApi.attachmentUrl(photo.id)} target="_blank" rel="noreferrer" data-testid="ledger-photo">
                  <img src={ledgerApi.attachmentUrl(photo.id)} alt={t("admin.photo", { n: i + 1 })} width={120} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
