// 问题台账: the items the user may see (the secretariat all, a department its own), filtered by
// the URL, with counts per state as tabs, 逾期/临期 badges, exports of the filtered ledger and
// (for the secretariat) 新增事项 for issues received outside meetings and 导入台账 for a paper ledger.
import { useCallback, useState } from "react";
import { LEDGER_STATES } from "@core/ledger/item.ts";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { downloadFile } from "../../connection/download.ts";
import { Link } from "../../routing/Link.tsx";
import { navigate, useLocation } from "../../routing/location.ts";
import { useSession } from "../session/session.ts";
import { ErrorLine, Loading, SuccessLine } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { usePunct } from "./punct.ts";
import { viewerOf } from "./actions.ts";
import { FlagBadge, OriginBadge, StateBadge } from "./Badges.tsx";
import { countByState, filterFromSearch, setFilter, withQuery, type LedgerFilter } from "./filters.ts";
import { FilterBar, useFilterOptions } from "./FilterBar.tsx";
import { ledgerApi } from "./ledgerApi.ts";
import { itemPath, LEDGER, LedgerNav } from "./LedgerNav.tsx";
import { ImportDialog } from "./ImportDialog.tsx";
import { NewItemDialog } from "./NewItemDialog.tsx";

export function LedgerListPage() {
  const { t } = useAdminT();
  const { search } = useLocation();
  const { account } = useSession();
  const secretariat = viewerOf(account).role === "secretariat";
  const filter = filterFromSearch(search);
  const query = withQuery("", filter, ["state"]);
  // Every state's count shows on its tab: the server filters by all but the state, the page by state.
  const items = useResource(useCallback(() => ledgerApi.items(filterFromSearch(new URLSearchParams(query))).then((r) => r.items), [query]));
  const options = useFilterOptions(secretariat);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const go = (next: LedgerFilter) => navigate(withQuery(LEDGER, next), { replace: false });
  const counts = items.data ? countByState(items.data) : null;
  const shown = items.data?.filter((i) => !filter.state || i.state === filter.state);

  return (
    <section className="admin-page ledger-page">
      <LedgerNav secretariat={secretariat} />
      <div className="page-head">
        <h1>
          {t("ledger.list.title")}
          {shown && (
            <span className="count" data-testid="ledger-count">
              {shown.length}
            </span>
          )}
        </h1>
        <div className="button-row ledger-head-actions">
          <ExportButton format="xlsx" filter={filter} />
          <ExportButton format="csv" filter={filter} />
          {secretariat && (
            <button type="button" onClick={() => setImporting(true)} data-testid="ledger-import">
              {t("ledger.list.import")}
            </button>
          )}
          {secretariat && (
            <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="ledger-create">
              + {t("ledger.list.create")}
            </button>
          )}
        </div>
      </div>
      <p className="muted">{secretariat ? t("ledger.list.intro") : t("ledger.list.introDepartment")}</p>
      <SuccessLine text={created} testId="ledger-created" />
      <FilterBar filter={filter} options={options} onChange={go} showState={false} showDepartment={secretariat} />
      {counts && (
        <nav className="ledger-state-tabs" aria-label={t("ledger.list.stateTabs")}>
          <Link
            to={withQuery(LEDGER, setFilter(filter, "state", ""))}
            className="ledger-chip"
            aria-current={!filter.state ? "true" : undefined}
            data-testid="ledger-tab-all"
          >
            {t("ledger.list.allStates")} <span className="count">{items.data!.length}</span>
          </Link>
          {LEDGER_STATES.map((s) => (
            <Link
              key={s}
              to={withQuery(LEDGER, setFilter(filter, "state", s))}
              className="ledger-chip"
              aria-current={filter.state === s ? "true" : undefined}
              data-testid={`ledger-tab-${s}`}
            >
              {t(`ledger.state.${s}`)} <span className="count">{counts[s]}</span>
            </Link>
          ))}
        </nav>
      )}
      <ErrorLine error={items.error} onRetry={items.reload} />
      {!items.data && !items.error && <Loading />}
      {shown && <ItemTable items={shown} filtered={query !== "" || !!filter.state} />}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setCreated(t("ledger.list.imported", { count: result.imported }));
            items.reload();
          }}
        />
      )}
      {creating && (
        <NewItemDialog
          suggestions={options.departments.filter((d) => !d.disabled).map((d) => d.name)}
          onClose={() => setCreating(false)}
          onCreated={(item) => {
            setCreating(false);
            setCreated(t("ledger.create.created", { number: item.number }));
            items.reload();
          }}
        />
      )}
    </section>
  );
}

function ExportButton({ format, filter }: { format: "xlsx" | "csv"; filter: LedgerFilter }) {
  const { t } = useAdminT();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const run = async () => {
    setState("busy");
    try {
      await downloadFile(ledgerApi.exportUrl(format, filter), null, `${t("ledger.list.title")}.${format}`);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={state === "busy"} data-testid={`ledger-export-${format}`}>
        {state === "busy" ? t("ledger.list.exporting") : t(format === "xlsx" ? "ledger.list.exportXlsx" : "ledger.list.exportCsv")}
      </button>
      {state === "failed" && (
        <span className="admin-warn" role="alert">
          {t("ledger.list.exportFailed")}
        </span>
      )}
    </>
  );
}

function ItemTable({ items, filtered }: { items: LedgerItemJson[]; filtered: boolean }) {
  const { t } = useAdminT();
  const p = usePunct();
  if (items.length === 0)
    return (
      <p className="muted empty" role="status" data-testid="ledger-empty">
        {filtered ? t("ledger.list.emptyFiltered") : t("ledger.list.empty")}
      </p>
    );
  const col = {
    number: t("ledger.list.number"),
    title: t("ledger.list.itemTitle"),
    raisedBy: t("ledger.list.raisedBy"),
    source: t("ledger.list.source"),
    department: t("ledger.list.department"),
    deadline: t("ledger.list.deadline"),
    state: t("ledger.list.state"),
  };
  return (
    <table className="admin-table ledger-table" data-testid="ledger-table">
      <thead>
        <tr>
          <th scope="col" className="num">
            {col.number}
          </th>
          <th scope="col">{col.title}</th>
          <th scope="col">{col.raisedBy}</th>
          <th scope="col">{col.source}</th>
          <th scope="col">{col.department}</th>
          <th scope="col">{col.deadline}</th>
          <th scope="col">{col.state}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="ledger-row" data-item-id={item.id}>
            <td className="num" data-label={col.number}>
              {item.number}
            </td>
            <th scope="row" className="ledger-title-cell" data-label={col.title}>
              <Link to={itemPath(item.id)} className="meeting-title-link" data-testid="ledger-item-link">
                {item.title}
              </Link>
              {item.origin === "decision" && <OriginBadge />}
              {item.topic && <div className="muted small">{item.topic}</div>}
            </th>
            <td data-label={col.raisedBy}>
              {item.raisedByName || (item.origin === "decision" && <span className="muted">{t("ledger.list.noRaiser")}</span>)}
              {item.sector && <div className="muted small">{item.sector}</div>}
            </td>
            <td data-label={col.source}>
              {item.source === "meeting" ? item.meetingTitle : (item.sourceNote ?? t(`ledger.source.${item.source}`))}
              <div className="muted small">{item.raisedOn}</div>
            </td>
            <td data-label={col.department}>
              {item.lead ? item.lead.name : <span className="muted">{t("ledger.list.unassigned")}</span>}
              {item.partners.length > 0 && <div className="muted small">{t("ledger.list.partners", { names: p.list(item.partners.map((d) => d.name)) })}</div>}
            </td>
            <td data-label={col.deadline} className="nowrap">
              {item.deadline ?? <span className="muted">{t("common.none")}</span>}
              {item.flag && (
                <div>
                  <FlagBadge flag={item.flag} />
                </div>
              )}
            </td>
            <td data-label={col.state}>
              <StateBadge state={item.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
