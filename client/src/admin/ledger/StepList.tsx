// An item's history: every step with who (name and role), when, the state it moved from → to,
// and what it said (the department and deadline of 交办, a note, a reply, a rating).
import type { LedgerAction } from "@core/ledger/item.ts";
import type { LedgerStepJson } from "@core/ledger/json.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { usePunct } from "./punct.ts";
import { formatAt } from "./format.ts";

export function StepList({ steps, names }: { steps: LedgerStepJson[]; names: Map<string, string> }) {
  const { t } = useAdminT();
  if (steps.length === 0) return <p className="muted">{t("ledger.item.noHistory")}</p>;
  return (
    <ol className="ledger-steps" data-testid="ledger-steps">
      {steps.map((step) => (
        <li key={step.seq} className="ledger-step" data-testid="ledger-step" data-action={step.action.type}>
          <div className="ledger-step-head">
            <strong>{stepLabel(step, t)}</strong>
            <span className="muted small">
              {t("ledger.item.stepBy", { name: step.byName, role: t(`ledger.role.${step.byRole}`) })} · <time dateTime={step.at}>{formatAt(step.at)}</time>
            </span>
            {step.from !== step.to && (
              <span className="small ledger-step-states" data-testid="ledger-step-states">
                {t(`ledger.state.${step.from}`)} → {t(`ledger.state.${step.to}`)}
              </span>
            )}
          </div>
          <StepContent action={step.action} names={names} />
        </li>
      ))}
    </ol>
  );
}

type T = ReturnType<typeof useAdminT>["t"];

function stepLabel(step: LedgerStepJson, t: T): string {
  const { type } = step.action;
  if (type === "assign") return t(step.from === "new" ? "ledger.action.assign" : "ledger.action.reassign");
  if (type === "close") return t(step.from === "new" ? "ledger.action.decline" : "ledger.action.close");
  return t(`ledger.action.${type}`);
}

function StepContent({ action, names }: { action: LedgerAction; names: Map<string, string> }) {
  const { t } = useAdminT();
  const p = usePunct();
  const name = (id: string) => names.get(id) ?? t("ledger.item.unknownDepartment");
  const text = (value: string) => (value ? <p className="ledger-text">{value}</p> : null);
  switch (action.type) {
    case "assign":
      return (
        <div className="ledger-step-body">
          <p>
            {t("ledger.item.lead")}
            {p.colon}
            {name(action.lead)}
            {action.partners.length > 0 && (
              <>
                {p.semicolon}
                {t("ledger.item.partners")}
                {p.colon}
                {p.list(action.partners.map(name))}
              </>
            )}
            {p.semicolon}
            {t("ledger.item.deadline")}
            {p.colon}
            {action.deadline}
          </p>
          {text(action.instructions)}
        </div>
      );
    case "progress":
    case "supervise":
    case "close":
      return text(action.note);
    case "sendBack":
      return text(action.reason);
    case "resolveLocally":
      return text(action.text);
    case "toCouncil":
      return text(action.meetingTitle);
    case "reply":
      return (
        <div className="ledger-step-body">
          <p>
            {t("ledger.item.outcome")}
            {p.colon}
            {t(`ledger.outcome.${action.outcome}`)}
            {action.attachments.length > 0 && (
              <>
                {p.semicolon}
                {t("ledger.item.attachments")}
                {p.colon}
                {p.list(action.attachments.map((a) => a.name))}
              </>
            )}
          </p>
          {text(action.text)}
        </div>
      );
    case "rate":
      return (
        <div className="ledger-step-body">
          <p>{t(`ledger.rating.${action.rating}`)}</p>
          {text(action.comment)}
        </div>
      );
    case "withdraw":
      return null;
    case "import":
      return (
        <div className="ledger-step-body">
          <p>{t("ledger.item.importedFrom", { file: action.file, row: action.row })}</p>
          {action.lead && (
            <p>
              {t("ledger.item.lead")}
              {p.colon}
              {name(action.lead)}
              {action.partners.length > 0 && (
                <>
                  {p.semicolon}
                  {t("ledger.item.partners")}
                  {p.colon}
                  {p.list(action.partners.map(name))}
                </>
              )}
              {action.deadline && (
                <>
                  {p.semicolon}
                  {t("ledger.item.deadline")}
                  {p.colon}
                  {action.deadline}
                </>
              )}
            </p>
          )}
          {!action.lead && action.deadline && (
            <p>
              {t("ledger.item.deadline")}
              {p.colon}
              {action.deadline}
            </p>
          )}
          {action.reply && (
            <p>
              {t("ledger.item.outcome")}
              {p.colon}
              {t(`ledger.outcome.${action.reply.outcome}`)}
            </p>
          )}
          {action.reply && text(action.reply.text)}
        </div>
      );
  }
}
