// The ledger's own tabs: 台账, 统计分析, 督办提醒, 承办单位 (the secretariat); a department has
// only 台账 and 督办提醒, which the header already offers, so it sees no tabs.
import { Link } from "../../routing/Link.tsx";
import { useLocation } from "../../routing/location.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import "./ledger.css";

export const LEDGER = "/admin/ledger";
export const itemPath = (id: string) => `${LEDGER}/${encodeURIComponent(id)}`;

export function LedgerNav({ secretariat }: { secretariat: boolean }) {
  const { t } = useAdminT();
  const { pathname } = useLocation();
  if (!secretariat) return null;
  const tabs: [string, string][] = [
    [LEDGER, t("ledger.nav.list")],
    [`${LEDGER}/dashboard`, t("ledger.nav.dashboard")],
    [`${LEDGER}/reminders`, t("ledger.nav.reminders")],
    [`${LEDGER}/departments`, t("ledger.nav.departments")],
  ];
  const current = tabs.find(([to]) => to !== LEDGER && pathname.startsWith(to))?.[0] ?? LEDGER;
  return (
    <nav className="tabs ledger-tabs" aria-label={t("ledger.nav.sub")}>
      {tabs.map(([to, label]) => (
        <Link key={to} to={to} className="tab" aria-current={to === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
