import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { announce } from "../../components/announcer/announce.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";
import { BallotForm } from "./BallotForm.tsx";
import { MinimisedBar, NoBallotBar, VotedBar } from "./MemberPollBars.tsx";
import { PollCountdown } from "./PollBits.tsx";
import { PollSheetDialog } from "./PollSheetDialog.tsx";
import { ProxyBallots } from "./ProxyBallots.tsx";
import { ballotAccess, openPoll } from "./polls.ts";
import { useVote } from "./useVote.ts";
import "./poll.css";

/**
 * The member's poll on the phone: while a poll is open and I may vote, a modal bottom sheet with
 * the ballot (无记名/记名 note, the closing countdown); 稍后 or Esc leaves it for a bar with 去投票.
 * After the acknowledgement a clear 已投票 line (改票 while a named poll allows it); not on the
 * list, or absent at the opening (the frozen list counts me in 应到, but latecomers may not
 * vote): a plain note. After a reload `poll.mine` (asked by the connection) restores 已投票. A
 * proxy holder (委托) also gets one ballot per household whose proxy they hold, beside their own
 * (ProxyBallots). The opening is said once through the page's live region, whichever of these
 * the member gets.
 */
export function PollSheet() {
  const { state, welcome } = useMeeting();
  const poll = state && welcome ? openPoll(state) : null;
  const me = welcome?.me.id ?? null;
  useOpeningAnnouncement(poll, me);
  if (!poll || me === null) return null;
  // Keyed by poll: a new poll starts with a fresh sheet.
  return <OpenPoll key={poll.pollId} poll={poll} me={me} />;
}

/** 表决开始：title once per poll on this page (with the note for one who gets no ballot). */
function useOpeningAnnouncement(poll: Poll | null, me: string | null) {
  const { t } = useTranslation();
  const said = useRef<string | null>(null);
  useEffect(() => {
    if (!poll || me === null || said.current === poll.pollId) return;
    said.current = poll.pollId;
    const opened = t("ballotSheet.opened", { title: poll.definition.title });
    const access = ballotAccess(poll, me);
    if (access === "ballot") announce(opened);
    else announce(t("ballotSheet.openedNote", { opened, note: t(access === "absentAtOpening" ? "poll.absentAtOpening" : "poll.notEligible") }));
  }, [poll, me, t]);
}

function OpenPoll({ poll, me }: { poll: Poll; me: string }) {
  const { t } = useTranslation();
  const { polls, status } = useMeeting();
  const { vote, pending, error, clearError } = useVote();
  const titleId = useId();
  const noteId = useId();
  const [minimised, setMinimised] = useState(false);
  const [changing, setChanging] = useState(false);
  /** The member's last step, for the bar that follows: where focus goes and what is said. */
  const [arrived, setArrived] = useState<"voted" | "changed" | "cancelled" | null>(null);
  const mine = polls.mine[poll.pollId];
  const voted = mine !== undefined;
  const note = poll.definition.secret ? t("poll.noteSecret") : poll.definition.allowChange ? t("poll.noteNamedChange") : t("poll.noteNamed");

  const access = ballotAccess(poll, me);
  if (access !== "ballot") return <NoBallotBar poll={poll} me={me} absent={access === "absentAtOpening"} />;

  if (voted && !changing)
    return (
      <VotedBar
        poll={poll}
        me={me}
        mine={mine}
        arrived={arrived}
        onChange={() => {
          setArrived(null);
          setChanging(true);
        }}
      />
    );

  if (minimised) return <MinimisedBar poll={poll} onReopen={() => setMinimised(false)} />;

  const dismiss = () => {
    if (!changing) return setMinimised(true);
    setArrived("cancelled");
    setChanging(false);
  };
  return (
    <PollSheetDialog titleId={titleId} noteId={noteId} onDismiss={dismiss}>
      <header className="poll-sheet-head">
        <span id={noteId} className={`poll-note ${poll.definition.secret ? "poll-note-secret" : "poll-note-named"}`} data-testid="poll-note">
          {note}
        </span>
        <PollCountdown poll={poll} />
      </header>
      <h2 id={titleId} className="poll-sheet-title" tabIndex={-1} data-testid="poll-sheet-title">
        {poll.definition.title}
      </h2>
      <ErrorNotice message={error} onClose={clearError} />
      <BallotForm
        poll={poll}
        initial={mine ?? []}
        pending={pending}
        disabled={status !== "connected" || !polls.mineLoaded}
        onCast={(choices) =>
          void vote(poll.pollId, choices).then((ok) => {
            if (!ok) return;
            setArrived(changing ? "changed" : "voted");
            setChanging(false);
          })
        }
      />
      {!changing && <ProxyBallots poll={poll} me={me} />}
      <button type="button" className="ghost poll-later" onClick={dismiss} data-testid="poll-later">
        {changing ? t("poll.cancel") : t("poll.later")}
      </button>
    </PollSheetDialog>
  );
}
