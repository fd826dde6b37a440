import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import { MEETING_CLOSING } from "@core/record/schema.ts";
import { isEnded } from "../interjection/interjection.ts";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { PollStatusBadge } from "../poll/PollBits.tsx";
import { EditingNote } from "./EditingNote.tsx";
import { decisionsOf, othersEditing, othersEditingEntry, suggestionsOf } from "./notes.ts";
import type { TimelineEntry, TimelineGroup } from "./timeline.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import { ZoneNote } from "./ZoneNote.tsx";

export const itemKey = (itemId: string | null) => `item:${itemId ?? "none"}`;
/** The selection of the chair's closing remarks on the whole meeting (as the core's summary key). */
export const MEETING_CLOSING_KEY = `closing:${MEETING_CLOSING}`;

/**
 * The live timeline, by agenda item, newest at the bottom; it follows new entries unless the
 * clerk scrolled up (then 回到最新 brings it back). Each entry is a button that selects it.
 */
export function Timeline({ groups, selected, onSelect }: { groups: TimelineGroup[]; selected: string | null; onSelect: (key: string) => void }) {
  const { t } = useTranslation();
  const { state, welcome, editors } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const { time } = useMeetingTime();
  /** The timeline's narrow column: the time alone; the heading names the zone once (ZoneNote). */
  const entryTime = (ms: number) => time(ms, { seconds: true, named: false });
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const count = groups.reduce((n, g) => n + g.entries.length + g.entries.reduce((m, e) => m + (e.type === "speech" ? e.interjections.length : 0), 0), 0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following) el.scrollTop = el.scrollHeight;
  }, [count, following]);
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);
  const onScroll = () => {
    const el = scroller.current;
    if (el) setFollowing(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
  };
  const me = welcome?.me.id;
  const notes = state?.notes;
  const itemTitle = (id: string | null) => {
    const index = state?.agenda.findIndex((a) => a.id === id) ?? -1;
    if (index >= 0) return `${index + 1}. ${state!.agenda[index]!.title}`;
    return (state?.agenda.length ?? 0) > 0 ? t("notes.outsideAgenda") : t("notes.noAgenda");
  };
  const marks = (key: string) => {
    const summary = notes?.summaries[key];
    const suggestions = notes ? suggestionsOf(notes, key) : [];
    const editing = othersEditingEntry(
      editors,
      me,
      key,
      suggestions.map((s) => s.suggestionId),
    ).map((id) => nameOf(id) ?? "—");
    return (
      <span className="tl-marks">
        {summary && (
          <span className="tl-mark" title={t("notes.summary")} data-testid="tl-summarized">
            {t("notes.hasSummary")}
          </span>
        )}
        {suggestions.length > 0 && (
          <span className="tl-mark" data-testid="tl-suggestions">
            {t("notes.suggestionCount", { count: suggestions.length })}
          </span>
        )}
        <EditingNote compact people={editing} />
      </span>
    );
  };
  /** `select`: what choosing the row selects, when not the row itself (an item's start selects the item). */
  const row = (key: string, content: React.ReactNode, extra: { className?: string; kind: string; nested?: boolean; select?: string }) => {
    const target = extra.select ?? key;
    return (
      <li
        key={key}
        className={`tl-entry tl-${extra.kind}${extra.nested ? " tl-nested" : ""}${selected === target ? " selected" : ""}${extra.className ? ` ${extra.className}` : ""}`}
      >
        <button
          type="button"
          className="tl-button"
          aria-pressed={selected === target}
          onClick={() => onSelect(target)}
          data-testid="tl-entry"
          data-key={target}
          data-kind={extra.kind}
        >
          {content}
        </button>
      </li>
    );
  };
  const entryRow = (entry: TimelineEntry) => {
    switch (entry.type) {
      case "itemStart":
        return [
          row(
            entry.key,
            <>
              <span className="tl-time">{entryTime(entry.at)}</span>
              <span className="tl-what muted">{t("notes.itemStarted")}</span>
            </>,
            { kind: "item-start", select: itemKey(entry.itemId) },
          ),
        ];
      case "speech": {
        const s = entry.speech;
        const who = person(s.participantId);
        return [
          row(
            entry.key,
            <>
              <span className="tl-time">{entryTime(s.startedAt)}</span>
              <span className="tl-what">
                <strong>{speakerName(s, nameOf)}</strong> <KindBadge kind={s.kind} />
                {who?.sector && <span className="muted small"> {who.sector}</span>}
                <span className="muted small tl-duration"> {"durationMs" in s ? formatClock(s.durationMs) : t("notes.running")}</span>
                {marks(entry.key)}
              </span>
            </>,
            { kind: s.kind, ...(entry.running ? { className: "tl-running" } : {}) },
          ),
          ...entry.interjections.map((i) =>
            row(
              `interjection:${i.interjectionId}`,
              <>
                <span className="tl-time">{entryTime(i.startedAt)}</span>
                <span className="tl-what">
                  <span className="nest" aria-hidden="true">
                    ↳
                  </span>{" "}
                  {nameOf(i.participantId) ?? "—"} <KindBadge kind="interjection" />
                  <span className="muted small"> {isEnded(i) ? formatClock(i.durationMs) : t("interjection.running")}</span>
                  {marks(`interjection:${i.interjectionId}`)}
                </span>
              </>,
              { kind: "interjection", nested: true },
            ),
          ),
        ];
      }
      case "written":
        return [
          row(
            entry.key,
            <>
              <span className="tl-time">{entryTime(entry.at)}</span>
              <span className="tl-what">
                <strong>{nameOf(entry.written.participantId) ?? "—"}</strong> <KindBadge kind="written" />
                {marks(entry.key)}
              </span>
            </>,
            { kind: "written" },
          ),
        ];
      case "planned":
        return [
          row(
            entry.key,
            <>
              <span className="tl-time muted">{t("notes.beforeMeeting")}</span>
              <span className="tl-what">
                <strong>{nameOf(entry.planned.participantId) ?? "—"}</strong> <KindBadge kind="written" />
              </span>
            </>,
            { kind: "written" },
          ),
        ];
      case "poll":
        return [
          row(
            entry.key,
            <>
              <span className="tl-time">{entryTime(entry.at)}</span>
              <span className="tl-what">
                {t("notes.poll")}
                {t("punct.colon")}
                {entry.poll.definition.title} <PollStatusBadge poll={entry.poll} />
                {entry.poll.result && (
                  <span className={entry.poll.result.passed ? "tl-passed" : "tl-failed"}>
                    {" "}
                    {entry.poll.result.passed ? t("poll.passed") : t("poll.failed")}
                  </span>
                )}
              </span>
            </>,
            { kind: "poll" },
          ),
        ];
      case "attendance":
        return [
          row(
            entry.key,
            <>
              <span className="tl-time">{entryTime(entry.at)}</span>
              <span className="tl-what muted small">
                {nameOf(entry.participantId) ?? "—"} {t(`notes.attendance.${entry.status}`)}
                {entry.via && `${t("punct.open")}${t(`attendance.via.${entry.via}`)}${t("punct.close")}`}
              </span>
            </>,
            { kind: "attendance" },
          ),
        ];
    }
  };
  return (
    <section className="panel tl-panel" aria-labelledby="tl-title">
      <h2 id="tl-title">
        {t("notes.timeline")}
        <ZoneNote testId="tl-zone" />
      </h2>
      <div className="tl-scroll" ref={scroller} onScroll={onScroll} data-testid="timeline">
        {groups.length === 0 && <p className="muted">{t("record.empty")}</p>}
        {groups.map((g) => {
          const decisions = notes ? decisionsOf(notes, g.itemId).length : 0;
          const key = itemKey(g.itemId);
          const editingDecision = [
            ...new Set((notes ? decisionsOf(notes, g.itemId) : []).flatMap((d) => othersEditing(editors, me, `decision:${d.decisionId}`))),
          ];
          return (
            <div key={key} className="tl-group" data-testid="tl-group">
              <button
                type="button"
                className={`tl-item${selected === key ? " selected" : ""}`}
                aria-pressed={selected === key}
                onClick={() => onSelect(key)}
                data-testid="tl-item"
                data-key={key}
              >
                <span className="tl-item-title">{itemTitle(g.itemId)}</span>
                <span className="muted small">{t("notes.decisionCount", { count: decisions })}</span>
                <EditingNote compact people={editingDecision.map((id) => nameOf(id) ?? "—")} />
              </button>
              <ul className="tl-list">{g.entries.flatMap(entryRow)}</ul>
            </div>
          );
        })}
        {groups.length > 0 && (
          <div className="tl-group" data-testid="tl-group">
            <button
              type="button"
              className={`tl-item${selected === MEETING_CLOSING_KEY ? " selected" : ""}`}
              aria-pressed={selected === MEETING_CLOSING_KEY}
              onClick={() => onSelect(MEETING_CLOSING_KEY)}
              data-testid="tl-closing"
              data-key={MEETING_CLOSING_KEY}
            >
              <span className="tl-item-title">{t("notes.meetingClosing", { chair: role({ role: "chair" }) })}</span>
              {notes?.summaries[MEETING_CLOSING_KEY] && <span className="tl-mark">{t("notes.hasSummary")}</span>}
            </button>
          </div>
        )}
      </div>
      {!following && (
        <button type="button" className="secondary small-button tl-latest" onClick={() => setFollowing(true)} data-testid="tl-latest">
          ↓ {t("notes.latest")}
        </button>
      )}
    </section>
  );
}
