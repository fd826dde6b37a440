import { useCallback, useEffect, useState } from "react";
import { DelegationCheck } from "../../bargaining/delegation/DelegationCheck.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useWords } from "../../i18n/words.ts";
import { api } from "../api.ts";
import { useSession } from "../session/session.ts";
import { ROSTER_SORTS, type Account, type Meeting, type Participant, type RosterSort } from "../types.ts";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ParticipantForm } from "./ParticipantForm.tsx";
import { ImportRoster } from "./ImportRoster.tsx";
import { LinkActions } from "./LinkActions.tsx";

const SORT_LABEL: Record<RosterSort, string> = { roster: "roster.sortRoster", pinyin: "roster.sortPinyin", stroke: "roster.sortStroke" };

/** 参会人员: the roster with its sort orders, adding, import/export and the personal links. */
export function RosterTab({ meeting, editable, onCountChange }: { meeting: Meeting; editable: boolean; onCountChange: (participants: Participant[]) => void }) {
  const { t } = useAdminT();
  const words = useWords(meeting.kind);
  const { account } = useSession();
  const [sort, setSort] = useState<RosterSort>("roster");
  const roster = useResource(useCallback(() => api.participants(meeting.id, sort).then((r) => r.participants), [meeting.id, sort]));
  const [adding, setAdding] = useState(false);
  const [importOpen, setImportOpen] = useState<boolean | null>(null);
  const [editing, setEditing] = useState<Participant | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const accounts = useResource(
    useCallback(async (): Promise<Account[] | null> => (account.role === "admin" ? (await api.accounts()).accounts : null), [account.role]),
  );

  // The editor's tab counter and the 会场 tab follow the roster shown here.
  const data = roster.data;
  useEffect(() => {
    if (data) onCountChange(data);
  }, [data, onCountChange]);

  const participants = roster.data ?? [];
  // The import panel starts open for an empty roster and stays as the user leaves it.
  const showImport = editable && (importOpen ?? roster.data?.length === 0);
  const has = (field: keyof Participant) => participants.some((p) => p[field] !== undefined && p[field] !== null && p[field] !== "");
  const showSector = has("sector") || !["community", "bargaining"].includes(meeting.kind);
  const showParty = has("party") || !["community", "bargaining"].includes(meeting.kind);
  const showHousehold = has("household") || meeting.kind === "community";
  const showSide = has("side") || meeting.kind === "bargaining";
  const showWeight = has("voteWeight");

  return (
    <div className="roster-tab">
      <div className="section-head">
        <h2>
          {t("roster.title")} <span className="muted small">{roster.data && t("roster.count", { count: participants.length })}</span>
        </h2>
        <fieldset className="segmented" data-testid="roster-sort">
          <legend>{t("roster.sort")}</legend>
          {ROSTER_SORTS.map((s) => (
            <label key={s} className={s === sort ? "selected" : undefined}>
              <input type="radio" name="roster-sort" value={s} checked={s === sort} onChange={() => setSort(s)} />
              {t(SORT_LABEL[s])}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <a className="button" href={api.exportUrl(meeting.id, "csv", sort)} download data-testid="export-csv">
            {t("roster.exportCsv")}
          </a>
          <a className="button" href={api.exportUrl(meeting.id, "xlsx", sort)} download data-testid="export-xlsx">
            {t("roster.exportXlsx")}
          </a>
          {editable && (
            <a className="button" href={api.invitationsUrl(meeting.id)} download title={t("roster.printInvitationsHint")} data-testid="print-invitations">
              {t("roster.printInvitations")}
            </a>
          )}
          <a className="button" href={api.tableCardsUrl(meeting.id)} download title={t("roster.printTableCardsHint")} data-testid="print-table-cards">
            {t("roster.printTableCards")}
          </a>
          {editable && (
            <button type="button" aria-expanded={showImport} onClick={() => setImportOpen(!showImport)} data-testid="toggle-import">
              {t("import.title")}
            </button>
          )}
          {editable && !adding && (
            <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-participant">
              + {t("roster.add")}
            </button>
          )}
        </div>
      </div>
      {editing && (
        <Dialog title={t("roster.editTitle", { name: editing.name })} onClose={() => setEditing(null)} className="wide" testId="edit-participant">
          <ParticipantForm
            kind={meeting.kind}
            accounts={accounts.data ?? null}
            initial={editing}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              const { participant } = await api.updateParticipant(meeting.id, editing.id, input);
              roster.set((list) => list.map((x) => (x.id === participant.id ? { ...x, ...participant } : x)));
              setEditing(null);
            }}
          />
        </Dialog>
      )}
      {showImport && <ImportRoster meetingId={meeting.id} onImported={roster.reload} onClose={() => setImportOpen(false)} />}
      {adding && (
        <section className="admin-card" aria-label={t("roster.addTitle")}>
          <h3>{t("roster.addTitle")}</h3>
          <ParticipantForm
            kind={meeting.kind}
            submitLabel={t("roster.add")}
            accounts={accounts.data ?? null}
            onCancel={() => setAdding(false)}
            onSubmit={async (input) => {
              const { participant } = await api.addParticipant(meeting.id, input);
              setAdding(false);
              setAdded(t("roster.added", { name: participant.name }));
              roster.reload();
            }}
          />
        </section>
      )}
      <SuccessLine text={added} />
      {meeting.kind === "bargaining" && roster.data && <DelegationCheck roster={participants} />}
      <ErrorLine error={roster.error} onRetry={roster.reload} />
      {!roster.data && !roster.error && <Loading />}
      {roster.data && participants.length === 0 && <p className="muted empty">{t("roster.empty")}</p>}
      {participants.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table roster-table" data-testid="roster-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("roster.no")}
                </th>
                <th scope="col">{t("roster.name")}</th>
                <th scope="col">{t("roster.role")}</th>
                {showSide && <th scope="col">{t("roster.side")}</th>}
                {showHousehold && <th scope="col">{t("roster.household")}</th>}
                {showSector && <th scope="col">{t("roster.sector")}</th>}
                {showParty && <th scope="col">{t("roster.party")}</th>}
                {showWeight && (
                  <th scope="col" className="num">
                    {t("roster.voteWeight")}
                  </th>
                )}
                <th scope="col">{t("roster.unit")}</th>
                <th scope="col">{t("roster.link")}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p, index) => (
                <tr key={p.id} data-testid="participant-row" className={p.linkRevoked ? "revoked" : undefined}>
                  <td className="num">{index + 1}</td>
                  <th scope="row" className="person-name">
                    {editable ? (
                      <button type="button" className="link name-button" onClick={() => setEditing(p)} aria-label={t("roster.editLabel", { name: p.name })}>
                        {p.name}
                      </button>
                    ) : (
                      p.name
                    )}
                  </th>
                  <td className="nowrap">{words.role(p)}</td>
                  {showSide && (
                    <td className="nowrap">
                      {p.side ? t(p.side === "worker" ? "roster.sideWorker" : "roster.sideEnterprise") : ""}
                      {p.chief && <span className="badge">{t("roster.chief")}</span>}
                    </td>
                  )}
                  {showHousehold && <td>{p.household ?? ""}</td>}
                  {showSector && <td>{p.sector ?? ""}</td>}
                  {showParty && <td>{p.party ?? ""}</td>}
                  {showWeight && <td className="num">{p.voteWeight ?? ""}</td>}
                  <td className="unit">{p.unit ?? ""}</td>
                  <td className="link-cell">
                    {p.linkRevoked && (
                      <span className="badge badge-warn" data-testid="link-revoked">
                        <Icon name="warning" /> {t("roster.revoked")}
                      </span>
                    )}
                    <LinkActions
                      meeting={meeting}
                      participant={p}
                      editable={editable}
                      onRevokedChange={(revoked) => roster.set((list) => list.map((x) => (x.id === p.id ? { ...x, linkRevoked: revoked } : x)))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
