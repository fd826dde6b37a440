// 小组汇报要点: the report a group's clerk (or convener) sends to the plenary, first drafted from
// the group's own record — the summaries of its speeches in the record's order, each after its
// speaker's name, and the suggestions captured with who raised them.
import type { GroupReport } from "@core/groups/schema.ts";
import type { MeetingState } from "@core/state.ts";
import { speakerName } from "../floor/speakingPlan.ts";
import { clerkTimeline } from "../record/timeline.ts";

/** The limits of `groups.report` (core/groups/schema.ts). */
export const REPORT_LIMITS = { summary: 4000, suggestions: 100, text: 1000, by: 40 } as const;

export interface ReportSuggestion {
  text: string;
  by: string | null;
}

/** What the editor holds and `groups.report` sends. */
export interface ReportDraft {
  summary: string;
  suggestions: ReportSuggestion[];
}

/** How a line reads in the current language: "张三：…" / "Zhang San: …" (i18n, never literal punctuation here). */
export interface ReportWording {
  /** A summary line: the speaker's name, then their summary. */
  line: (name: string, text: string) => string;
  /** A suggestion: its title, then its text (the text may be empty). */
  suggestion: (title: string, text: string) => string;
}

type RecordState = Parameters<typeof clerkTimeline>[0] & Pick<MeetingState, "notes">;

const oneLine = (text: string): string => text.replace(/\s*\n+\s*/g, " ").trim();

/**
 * The draft from the group's record: one line per summarized speech, interjection or written
 * speech (in the record's order, the interjections after the speech they answered), and every
 * suggestion in the order captured with the name of who raised it. Entries without a summary
 * are left out; texts are cut to what `groups.report` takes.
 */
export function reportPrefill(state: RecordState, nameOf: (id: string) => string | undefined, words: ReportWording): ReportDraft {
  const lines: string[] = [];
  const add = (key: string, name: string) => {
    const text = oneLine(state.notes.summaries[key]?.text ?? "");
    if (text !== "") lines.push(words.line(name, text));
  };
  for (const group of clerkTimeline(state))
    for (const entry of group.entries) {
      if (entry.type === "speech") {
        add(entry.key, speakerName(entry.speech, nameOf));
        for (const i of entry.interjections) add(`interjection:${i.interjectionId}`, nameOf(i.participantId) ?? "—");
      } else if (entry.type === "written") add(entry.key, nameOf(entry.written.participantId) ?? "—");
    }
  const suggestions = state.notes.suggestions.slice(0, REPORT_LIMITS.suggestions).map((s) => ({
    text: words.suggestion(oneLine(s.title), oneLine(s.text)).slice(0, REPORT_LIMITS.text),
    by: nameOf(s.participantId)?.slice(0, REPORT_LIMITS.by) ?? null,
  }));
  return { summary: lines.join("\n").slice(0, REPORT_LIMITS.summary), suggestions };
}

/** The saved report as a draft to edit further. */
export const draftOf = (report: Pick<GroupReport, "summary" | "suggestions">): ReportDraft => ({
  summary: report.summary,
  suggestions: report.suggestions.map((s) => ({ text: s.text, by: s.by })),
});

/** What `groups.report` sends: trimmed, blank suggestions dropped, a blank name as none. */
export function reportInput(draft: ReportDraft): ReportDraft {
  return {
    summary: draft.summary.trim(),
    suggestions: draft.suggestions
      .map((s) => ({ text: s.text.trim(), by: s.by?.trim() || null }))
      .filter((s) => s.text !== "")
      .slice(0, REPORT_LIMITS.suggestions),
  };
}

/** The draft says the same as the saved report (nothing to send). */
export const sameAsSaved = (draft: ReportDraft, saved: Pick<GroupReport, "summary" | "suggestions"> | null): boolean =>
  saved !== null && JSON.stringify(reportInput(draft)) === JSON.stringify(reportInput(draftOf(saved)));
