// Chinese labels and date formatting for the minutes (会议纪要). Times are formatted from the
// data in China Standard Time with Intl (no clock is read), so the same state always gives the
// same text, on the server and in the browser.
import type { InterjectionOutcome } from "../interjection/schema.ts";
import type { SpeechKind } from "../queue/schema.ts";
import type { PollForm } from "../poll/schema.ts";
import { DEFAULT_TIME_ZONE, formatTimeOfDay } from "../time/meetingTime.ts";

/** The meeting's zone (core/time/meetingTime.ts); documents never name it. */
export const MINUTES_TIME_ZONE = DEFAULT_TIME_ZONE;

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

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: MINUTES_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});
const WEEKDAYS: Record<string, string> = { Sun: "日", Mon: "一", Tue: "二", Wed: "三", Thu: "四", Fri: "五", Sat: "六" };

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekday: string;
}

function parts(ms: number): Parts {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(ms)) out[p.type] = p.value;
  return { year: out.year ?? "", month: out.month ?? "", day: out.day ?? "", hour: out.hour ?? "", minute: out.minute ?? "", weekday: out.weekday ?? "" };
}

/** 2026年11月25日（星期三） */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.year}年${p.month}月${p.day}日（星期${WEEKDAYS[p.weekday] ?? p.weekday}）`;
}

/** 10:05 */
export function formatTime(ms: number): string {
  return formatTimeOfDay(ms, { timeZone: MINUTES_TIME_ZONE, viewer: null });
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
