// The archive page's pure parts: search hits grouped by meeting, and the server's message about a
// refused query (the details of 400 VALIDATION, "q: 检索词应为 1–50 个字符 / must be 1–50 characters").
import { HttpError } from "../api.ts";
import type { SearchHit } from "../types.ts";

export interface MeetingHits {
  meetingId: string;
  meetingTitle: string;
  meetingNumber: string | null;
  date: string | null;
  timeZone: string;
  hits: SearchHit[];
}

/** Hits by meeting, meetings in the order of their best hit (the server sends the best first). */
export function groupByMeeting(hits: readonly SearchHit[]): MeetingHits[] {
  const groups = new Map<string, MeetingHits>();
  for (const hit of hits) {
    let group = groups.get(hit.meetingId);
    if (!group) {
      group = { meetingId: hit.meetingId, meetingTitle: hit.meetingTitle, meetingNumber: hit.meetingNumber, date: hit.date, timeZone: hit.timeZone, hits: [] };
      groups.set(hit.meetingId, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

/**
 * What the server said about the query itself (`q`), in the given language; null when the error
 * is about something else (then it is shown as any other error).
 */
export function queryProblem(error: unknown, language: "zh" | "en"): string | null {
  if (!(error instanceof HttpError) || error.code !== "VALIDATION" || !Array.isArray(error.details)) return null;
  const detail = (error.details as unknown[]).find((d): d is string => typeof d === "string" && d.startsWith("q:"));
  if (!detail) return null;
  const [zh, en] = detail.slice(2).trim().split(" / ");
  return (language === "en" ? en : zh)?.trim() || detail;
}
