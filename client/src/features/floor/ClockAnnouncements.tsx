import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { announce } from "../../components/announcer/announce.ts";
import { useDisplayName, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { clockNews, interjectionClockNews, interjectionViewOf, viewOf, type ClockView, type InterjectionClockView } from "./clockNews.ts";
import { speakerName } from "./speakingPlan.ts";

/**
 * Says the speech clock's news through the page's live region (正在发言：name, 剩余 2 分钟, 发言时间到,
 * a pause, a resumption, an extension) and the interjection's (who interjects, 插话剩余 1 分钟,
 * 插话时间到), while the clocks on screen stay out of live regions. Mounted
 * once beside the meeting's screen, not per clock (every clock would say it again); a component of
 * its own so that only it re-renders with the time. Renders nothing.
 */
export function ClockAnnouncements(): null {
  useClockAnnouncements();
  return null;
}

function useClockAnnouncements(): void {
  useSpeechClockAnnouncements();
  useInterjectionClockAnnouncements();
}

function useSpeechClockAnnouncements(): void {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const acting = useActingRole();
  const nameOf = useDisplayName();
  const now = useServerNow();
  // undefined: nothing seen yet (the page's first look is its baseline, not news).
  const seen = useRef<ClockView | null | undefined>(undefined);
  const floor = state?.floor ?? null;
  const view = state ? viewOf(floor, now) : undefined;
  const heldByInterjection = Boolean(floor && state?.interjection?.speechId === floor.speechId);

  useEffect(() => {
    if (view === undefined) return;
    const before = seen.current;
    seen.current = view;
    if (before === undefined || !floor) return;
    const news = clockNews(before, view);
    if (!news) return;
    switch (news.kind) {
      case "speaker":
        return announce(floor.participantId === welcome?.me.id ? t("floor.youHaveFloor") : t("countdown.speaker", { name: speakerName(floor, nameOf) }));
      case "minutesLeft":
        return announce(t("countdown.minutesLeft", { count: news.minutes }));
      case "extended":
        // The chair who extended hears it as the feedback of their own action (已延长 …).
        return (acting ?? welcome?.me.role) === "chair" ? undefined : announce(t("countdown.extended", { count: news.minutes }));
      case "paused":
        return announce(t(heldByInterjection ? "countdown.pausedForInterjection" : "countdown.paused"));
      default:
        return announce(t(`countdown.${news.kind}`));
    }
  });
}

function useInterjectionClockAnnouncements(): void {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const nameOf = useDisplayName();
  const now = useServerNow();
  // undefined: nothing seen yet (an interjection under way when the page opens is not news).
  const seen = useRef<InterjectionClockView | null | undefined>(undefined);
  const running = state?.interjection ?? null;
  const view = state ? interjectionViewOf(running, now) : undefined;

  useEffect(() => {
    if (view === undefined) return;
    const before = seen.current;
    seen.current = view;
    if (before === undefined || !running || !state) return;
    const news = interjectionClockNews(before, view);
    if (!news) return;
    switch (news.kind) {
      case "started": {
        if (running.participantId === welcome?.me.id) return announce(t("interjection.youInterject"));
        const answered = state.floor?.speechId === running.speechId ? state.floor : state.speeches.find((s) => s.speechId === running.speechId);
        return announce(
          t("interjection.responds", { official: nameOf(running.participantId) ?? "—", speaker: answered ? speakerName(answered, nameOf) : "—" }),
        );
      }
      case "minutesLeft":
        return announce(t("countdown.interjectionMinutesLeft", { count: news.minutes }));
      case "timeUp":
        return announce(t("countdown.interjectionTimeUp"));
    }
  });
}
