// Above a bargaining meeting's roster: whether the delegations meet §19–§24 (equal numbers, at least
// 3 a side, one chief each, a neutral recorder, observers without a side), and each problem in the
// current language. The meeting refuses to open while any remains (core/lifecycle/decide.ts).
import { delegationProblems, type DelegationEntry } from "@core/bargaining/delegation.ts";
import { Icon } from "../../components/Icon.tsx";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useBargainingRequestsT } from "../../i18n/bargainingRequests.ts";
import "./delegation.css";

export function DelegationCheck({ roster }: { roster: readonly DelegationEntry[] }) {
  const { t } = useBargainingRequestsT();
  const problems = delegationProblems(roster);
  const perSide = roster.filter((e) => e.side === "worker" && e.role !== "clerk" && e.role !== "observer").length;
  return (
    <section className="admin-card delegation-check" aria-label={t("delegation.title")} data-testid="delegation-check">
      <h3>{t("delegation.title")}</h3>
      {problems.length === 0 ? (
        <p className="admin-success" data-testid="delegation-ok">
          {t("delegation.ok", { count: perSide })}
        </p>
      ) : (
        <div role="status">
          <p>
            <Icon name="warning" /> {t("delegation.problems")}
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.code}-${i}`} data-testid="delegation-problem" data-code={p.code}>
                {p.message[currentLanguage()]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
