// What each recording of a speech is called in the record (发言录音, 传译录音) and in what order they
// are listed. A speech may have the speaker's takes and, while an interpretation (传译) ran, the
// interpreter's: a take whose participant is not the speech's speaker.
import type { Recording } from "./recordings.ts";

/** The speaker's parts first, then the interpreter's, each by part. */
export function speechRecordings(recordings: readonly Recording[], speakerId: string | null): Recording[] {
  const interpreted = (r: Recording) => (r.participantId === speakerId ? 0 : 1);
  return [...recordings].sort((a, b) => interpreted(a) - interpreted(b) || a.participantId.localeCompare(b.participantId) || a.part - b.part);
}

/**
 * The i18n key and its values for a recording, its part named only when its person has several:
 * counted among that person's takes (the server numbers a speech's takes together, the speaker's
 * and the interpreter's).
 */
export function recordingLabel(
  recording: Recording,
  siblings: readonly Recording[],
  speakerId: string | null,
): [key: string, params: { part?: number; language?: string }] {
  const own = siblings.filter((r) => r.participantId === recording.participantId).sort((a, b) => a.part - b.part);
  const part = own.findIndex((r) => r.id === recording.id) + 1;
  const several = own.length > 1;
  if (recording.participantId === speakerId) return several ? ["record.recordingPart", { part }] : ["record.recording", {}];
  if (several) return ["interpretation.recordingPart", { part }];
  // The language, where the server names it.
  const language = typeof recording.language === "string" && recording.language ? recording.language : null;
  return language ? ["interpretation.recordingLanguage", { language }] : ["interpretation.recording", {}];
}
