import { useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import { useMediationSessionT } from "../../i18n/mediationSession.ts";
import { sessionCard } from "./mediationSession.ts";
import { TalkAudioControl } from "./TalkAudioControl.tsx";
import { TalkNotes } from "./TalkNotes.tsx";

/**
 * 人民调解: the session card. Mediators start a separate talk (背靠背) with a chosen party and end it;
 * the party in the talk sees that they are in it; everyone else only 调解员正在与一方单独谈话 · 12:30.
 * The mediators and the party in the talk may join the talk's private voice (TalkAudioControl).
 * In the joint session a party states their position; everyone sees the parties' latest positions.
 * Nothing for another kind of meeting. Names through rosterNames (two 张丽 are told apart).
 */
export function MediationSession() {
  const { t } = useMediationSessionT();
  const { state, welcome } = useMeeting();
  const nameOf = useDisplayName();
  const time = useMeetingTime().time;
  const { run, pending, error, clearError } = useCommand();
  const partyField = useId();
  const positionField = useId();
  const [partyId, setPartyId] = useState("");
  const [position, setPosition] = useState("");
  if (!state || !welcome || state.kind !== "mediation") return null;
  const me = state.roster.find((entry) => entry.id === welcome.me.id) ?? welcome.me;
  const card = sessionCard(state, me, welcome.display);
  const chosen = card.parties.includes(partyId) ? partyId : (card.parties[0] ?? "");
  const { talk } = card;

  return (
    <section className="card" aria-label={t("title")} data-testid="mediation-session">
      <h3>{t("title")}</h3>
      <ErrorNotice message={error} onClose={clearError} />
      <p data-testid="mediation-talk" data-kind={talk.kind}>
        {talk.kind === "joint"
          ? t("joint")
          : talk.kind === "mediating"
            ? t("mediating", { name: nameOf(talk.partyId) ?? talk.partyId, time: time(talk.since) })
            : talk.kind === "inTalk"
              ? t("inTalk", { time: time(talk.since) })
              : t("elsewhere", { time: time(talk.since) })}
      </p>
      {card.mediator && talk.kind === "joint" && card.parties.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run({ type: "mediation.startSeparateTalk", partyId: chosen });
          }}
        >
          <label htmlFor={partyField} className="small">
            {t("party")}
          </label>
          <select id={partyField} value={chosen} onChange={(event) => setPartyId(event.target.value)} data-testid="mediation-party">
            {card.parties.map((id) => (
              <option key={id} value={id}>
                {nameOf(id) ?? id}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending} data-testid="mediation-start-talk">
            {t("start")}
          </button>
        </form>
      )}
      {card.mediator && talk.kind === "mediating" && (
        <button type="button" disabled={pending} onClick={() => void run({ type: "mediation.endSeparateTalk" })} data-testid="mediation-end-talk">
          {t("end")}
        </button>
      )}
      {card.talkAudio && talk.kind !== "joint" && <TalkAudioControl key={talk.since} />}
      {(card.mediator || talk.kind === "inTalk") && <TalkNotes mediator={card.mediator} inTalk={talk.kind === "mediating" || talk.kind === "inTalk"} />}
      <h4>{t("positions")}</h4>
      {card.positions.length === 0 ? (
        <p className="small muted">{t("noPositions")}</p>
      ) : (
        <ul data-testid="mediation-positions">
          {card.positions.map((p) => (
            <li key={p.partyId}>
              <strong>{nameOf(p.partyId) ?? p.partyId}</strong> · {t("positionText", { time: time(p.at), text: p.text })}
            </li>
          ))}
        </ul>
      )}
      {card.mayState && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const text = position.trim();
            if (text === "") return;
            void run({ type: "mediation.statePosition", text }).then((done) => done && setPosition(""));
          }}
        >
          <label htmlFor={positionField} className="small">
            {t("positionLabel")}
          </label>
          <textarea
            id={positionField}
            rows={3}
            maxLength={2000}
            value={position}
            onChange={(event) => setPosition(event.target.value)}
            data-testid="mediation-position"
          />
          <button type="submit" className="primary" disabled={pending || position.trim() === ""} data-testid="mediation-state">
            {t("state")}
          </button>
        </form>
      )}
    </section>
  );
}
