import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { SIDES, type Offer, type Side } from "@core/bargaining/schema.ts";
import type { Command } from "@core/meeting.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName } from "../../connection/useMeeting.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import type { ClauseView, SideColumn, TableRights } from "./bargainingTable.ts";

interface Actions {
  run: (command: Command) => Promise<boolean>;
  pending: boolean;
  rights: TableRights;
}

/**
 * One clause: its state (协商中 / 已达成一致 with the wording), the two sides' columns, and 提出报价 for
 * a side's members. A refusal of an offer or an acceptance shows here, beside the clause it concerns.
 */
export function ClauseCard({ view, rights }: { view: ClauseView; rights: TableRights }) {
  const { t } = useTranslation();
  const time = useMeetingTime().time;
  const { run, pending, error, clearError } = useCommand();
  const { clause, status } = view;
  const [offering, setOffering] = useState(false);
  const actions: Actions = { run, pending, rights };
  const columns = (
    <div className="bt-columns">
      {SIDES.map((side) => (
        <Column key={side} column={view.columns[side]} agreed={status === "agreed"} clauseId={clause.clauseId} {...actions} />
      ))}
    </div>
  );
  return (
    <li className={`bt-clause bt-clause-${status}`} data-testid="bt-clause" data-clause={clause.title} data-status={status}>
      <div className="bt-clause-head">
        <h3>{clause.title}</h3>
        <span className={`bt-status bt-status-${status}`} data-testid="bt-clause-status">
          <Icon name={status === "agreed" ? "check" : "clock"} /> {t(`bargaining.state.${status}`)}
        </span>
      </div>
      <ErrorNotice message={error} onClose={clearError} />
      {clause.agreed && (
        <div className="bt-agreed" data-testid="bt-agreed">
          <p className="bt-agreed-text">{t("bargaining.agreedText", { text: clause.agreed.text })}</p>
          <p className="small muted">{t("bargaining.agreedAt", { time: time(clause.agreed.at) })}</p>
        </div>
      )}
      {status === "agreed" ? (
        // Settled: the wording leads; how it was reached stays one tap away, so open clauses come into view on a phone.
        <details className="bt-process" data-testid="bt-process">
          <summary>{t("bargaining.process", { count: clause.offers.length })}</summary>
          {columns}
        </details>
      ) : (
        columns
      )}
      {rights.offer && rights.side !== null && status === "open" && (
        <div className="bt-offer-area">
          {offering ? (
            <OfferForm clauseId={clause.clauseId} side={rights.side} onClose={() => setOffering(false)} {...actions} />
          ) : (
            <button type="button" className="secondary" onClick={() => setOffering(true)} data-testid="bt-make-offer">
              {t("bargaining.makeOffer")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Column({ column, agreed, clauseId, run, pending, rights }: { column: SideColumn; agreed: boolean; clauseId: string } & Actions) {
  const { t } = useTranslation();
  const [confirm, dialog] = useConfirm();
  const { current, history, acceptedBy } = column;
  const sideName = t(`bargaining.side.${column.side}`);
  const mayAccept = rights.accept && rights.side !== null && !agreed && current !== null && !acceptedBy.includes(rights.side);
  const accept = async (offer: Offer) => {
    const sure = await confirm({
      title: t("bargaining.acceptTitle", { side: t(`bargaining.sideIn.${column.side}`) }),
      body: t("bargaining.acceptBody", { text: offer.text }),
      confirmLabel: t("bargaining.accept"),
      testId: "bt-confirm-accept",
    });
    if (sure) await run({ type: "bargaining.accept", clauseId, offerId: offer.offerId });
  };
  return (
    <div className={`bt-column bt-side-${column.side}`} data-testid="bt-column" data-side={column.side}>
      <h4>{sideName}</h4>
      {current ? (
        <div className="bt-current" data-testid="bt-current">
          <p className="bt-offer-text" data-testid="bt-current-text">
            {current.text}
          </p>
          <OfferMeta offer={current} />
          {acceptedBy.map((chief) => (
            <p key={chief} className="bt-accepted small" data-testid="bt-accepted-by" data-side={chief}>
              <Icon name="check" /> {t("bargaining.acceptedBy", { side: t(`bargaining.sideIn.${chief}`) })}
            </p>
          ))}
          {mayAccept && (
            <button type="button" className="primary" disabled={pending} onClick={() => void accept(current)} data-testid="bt-accept">
              {t("bargaining.accept")}
            </button>
          )}
        </div>
      ) : (
        <p className="muted bt-no-offer">{t("bargaining.noOffer")}</p>
      )}
      {history.length > 0 && (
        <div className="bt-history" data-testid="bt-history">
          <p className="small muted">{t("bargaining.history", { count: history.length })}</p>
          <ol>
            {history.map((offer) => (
              <li key={offer.offerId} data-testid="bt-history-offer">
                <p className="bt-history-text">{offer.text}</p>
                <OfferMeta offer={offer} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {dialog}
    </div>
  );
}

/** Who made an offer, when, and the reason given. */
function OfferMeta({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const time = useMeetingTime().time;
  return (
    <>
      <p className="small muted" data-testid="bt-offer-by">
        {t("bargaining.offerBy", { name: nameOf(offer.by) ?? "—", time: time(offer.at) })}
      </p>
      {offer.reason && (
        <p className="small bt-reason" data-testid="bt-offer-reason">
          {t("bargaining.reason", { reason: offer.reason })}
        </p>
      )}
    </>
  );
}

/** 提出报价: the wording and, optionally, the reason, for the own side. */
function OfferForm({ clauseId, side, onClose, run, pending }: { clauseId: string; side: Side; onClose: () => void } & Actions) {
  const { t } = useTranslation();
  const textId = useId();
  const reasonId = useId();
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  return (
    <form
      className="bt-form"
      data-testid="bt-offer-form"
      onSubmit={(event) => {
        event.preventDefault();
        const command: Command = { type: "bargaining.offer", clauseId, text: text.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) };
        void run(command).then((ok) => ok && onClose());
      }}
    >
      <p className="small muted">{t(`bargaining.side.${side}`)}</p>
      <label htmlFor={textId}>{t("bargaining.offerText")}</label>
      <textarea id={textId} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={2} autoFocus data-testid="bt-offer-text" />
      <label htmlFor={reasonId}>{t("bargaining.offerReason")}</label>
      <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={2} data-testid="bt-offer-reason-input" />
      <span className="button-row">
        <button type="button" className="secondary" onClick={onClose}>
          {t("bargaining.cancel")}
        </button>
        <button type="submit" className="primary" disabled={pending || text.trim() === ""} data-testid="bt-offer-send">
          {pending ? t("pending") : t("bargaining.send")}
        </button>
      </span>
    </form>
  );
}
