// Chinese labels and date formatting for the minutes (会议纪要). Times are formatted from the
// data in the meeting's time zone (state.timeZone) with Intl (no clock is read), so the same
// state always gives the same text, on the server and in the browser.
import type { InterjectionOutcome } from "../interjection/schema.ts";
import type { SpeechKind } from "../queue/schema.ts";
import type { PollForm } from "../poll/schema.ts";
import { formatTimeOfDay, zonedParts } from "../time/meetingTime.ts";

export const SPEECH_KIND_LABELS: Record<SpeechKind | "written", string> = {
  booked: "预约发言",
  impromptu: "即席发言",
  pointOfOrder: "程序性发言",
  written: "书面发言",
};

export const OUTCOME_LABELS: Record<InterjectionOutcome, string> = { adopt: "采纳", study: "研究", explain: "说明" };
export const NO_OUTCOME_LABEL = "未标注";

export const POLL_FORM_LABELS: Record<PollForm, string> = {
  yesNoAbstain: "赞成/反对/弃权",
  single: "单选",
  multiple: "多选",
  consent: "同意/不同意",
  candidates: "候选人逐人表决",
};

/** What the draft says where the clerk has not written a summary and there is no submitted text. */
export const NO_SUMMARY = "（发言要点待整理）";
/** Submitted texts longer than this are shortened in the draft. */
export const EXCERPT_CHARS = 120;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * User text on one line: a line break next to Chinese text disappears (Chinese has no spaces
 * between words), elsewhere it becomes a space; runs of spaces collapse to one.
 */
export function flatten(text: string): string {
  // ASCII whitespace only: full-width spaces (U+3000) are deliberate in Chinese documents.
  return text.replace(/[ \t\r\n\f\v]+/g, (ws: string, at: number, all: string) =>
    /[\r\n]/.test(ws) && (CJK.test(all[at - 1] ?? "") || CJK.test(all[at + ws.length] ?? "")) ? "" : " ",
  );
}

/** The text on one line, shortened to `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = flatten(text).replace(/^ | $/g, "");
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join("").trimEnd()}……`;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** 2026年11月25日（星期三）, the day in the meeting's zone. */
export function formatDate(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}年${p.month}月${p.day}日（星期${WEEKDAYS[p.weekday]}）`;
}

/** 10:05 in the meeting's zone (documents never name it). */
export function formatTime(ms: number, timeZone: string): string {
  return formatTimeOfDay(ms, { timeZone, viewer: null });
}

/** A deadline given as YYYY-MM-DD: 2026年12月31日 (no time zone involved). */
export function formatDay(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : isoDate;
}

/** Milliseconds from an ISO date-time or epoch number; null when absent or unreadable. */
export function toMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** A duration as m:ss (or h:mm:ss). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
