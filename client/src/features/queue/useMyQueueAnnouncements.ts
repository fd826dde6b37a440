import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { queuePosition } from "@core/state.ts";
import { announce } from "../../components/announcer/announce.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { placeInLine } from "../floor/speakingPlan.ts";

/** My request as one screen saw it: my place in the order the chair is offered (null: not in line), whether I speak. */
interface Mine {
  place: number | null;
  speaking: boolean;
}

/**
 * Says the changes of my own request once each: 已申请 · 第 N 位, a new place (others withdrew, the
 * chair reordered), 已撤回, taken off the list, my speech ended. Being given the floor is the clock's
 * news (正在发言：name, ClockAnnouncements). Mounted once on the member's screen (RequestButton).
 * Returns how the 撤回 button sends its command, so that the withdrawal is told apart from a
 * removal: a withdrawal that was refused leaves nothing behind, and a later removal by the chair
 * is said as one (您已不在发言队列中).
 */
export function useMyQueueAnnouncements(): (withdraw: () => Promise<boolean>) => Promise<void> {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const me = welcome?.me.id;
  // undefined: nothing seen yet (what the page first shows is its baseline, not news).
  const seen = useRef<Mine | undefined>(undefined);
  const withdrawing = useRef(false);
  const place = state && me && queuePosition(state, me) >= 0 ? placeInLine(state, me) : null;
  const speaking = Boolean(me && state?.floor?.participantId === me);
  const nobodySpeaks = state?.floor == null;
  const ready = Boolean(state && me);

  useEffect(() => {
    if (!ready) return;
    const before = seen.current;
    seen.current = { place, speaking };
    if (!before) return;
    if (place !== null && place !== before.place) {
      announce(before.place === null ? t("queue.requested", { position: place }) : t("feedback.member.moved", { position: place }));
    } else if (place === null && before.place !== null && !speaking) {
      announce(t(withdrawing.current ? "feedback.member.withdrawn" : "feedback.member.removed"));
    } else if (before.speaking && !speaking && nobodySpeaks) {
      // Only when nobody speaks next: a new speaker is the clock's news, which says who.
      announce(t("feedback.member.ended"));
    }
    if (place === null) withdrawing.current = false;
  }, [ready, place, speaking, nobodySpeaks, t]);

  return async (withdraw) => {
    withdrawing.current = true;
    if (!(await withdraw())) withdrawing.current = false;
  };
}
