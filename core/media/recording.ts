// "Whose speech is being recorded now": the floor holder's current speech while the meeting is
// open, beside `audibleParticipants`, so the media plane follows one function of the state.
// (The chair and the room are always audible but are not a speech, so they are not recorded; the
// interpreter's channel is recorded with each speech, as another take of it.)
// One speech is one recording: the target stays the same through pauses and interjections (the
// floor holder keeps publishing, muted at the media server while an interjection runs), and the
// pauses and interjections are marked inside it (`recordingMarkers`).
import type { MeetingEvent } from "../meeting.ts";
import { interpreterOf, unmutedParticipants, type Hearing } from "./audible.ts";

export interface RecordingTarget {
  participantId: string;
  speechId: string;
  /** The interpreter (传译), recorded too: another take of the same speech. */
  interpreterId?: string;
}

export function recordingTarget(state: Hearing): RecordingTarget | null {
  if (state.status !== "open" || !state.floor) return null;
  const interpreterId = interpreterOf(state);
  return { participantId: state.floor.participantId, speechId: state.floor.speechId, ...(interpreterId ? { interpreterId } : {}) };
}

/**
 * Whether a participant's page publishes its microphone: while they may be heard, and also while
 * they hold the floor but an interjection has it (muted at the media server then), so the
 * speech's recording runs on from its start to its end as one take. The interpreter publishes
 * while assigned.
 */
export function publishes(state: Hearing, participantId: string): boolean {
  return unmutedParticipants(state).has(participantId) || recordingTarget(state)?.participantId === participantId;
}

/** A pause or an interjection inside a speech's recording, in ms from the recording's start. */
export interface RecordingMarker {
  kind: "pause" | "interjection";
  startMs: number;
  /** null: still running when the recording ended (or the log stops). */
  endMs: number | null;
  /** The interjector (interjections only). */
  participantId?: string;
}

/**
 * The pauses and interjections of one speech, from the meeting's log, relative to `startedAt`
 * (the recording's start, epoch ms). A pause an interjection makes is the interjection's, not
 * a second marker. Times before the start are clamped to 0.
 */
export function recordingMarkers(log: readonly { event: MeetingEvent }[], speechId: string, startedAt: number): RecordingMarker[] {
  const markers: RecordingMarker[] = [];
  const rel = (at: number) => Math.max(0, at - startedAt);
  let pause: RecordingMarker | null = null;
  const interjections = new Map<string, RecordingMarker>();
  for (const { event } of log) {
    switch (event.type) {
      case "speech.paused":
        if (event.speechId === speechId && !pause && interjections.size === 0) {
          pause = { kind: "pause", startMs: rel(event.at), endMs: null };
          markers.push(pause);
        }
        break;
      case "speech.resumed":
        if (event.speechId === speechId && pause) {
          pause.endMs = rel(event.at);
          pause = null;
        }
        break;
      case "interjection.started":
        if (event.speechId === speechId) {
          // The grant paused the speech's clock just before: that pause is this interjection.
          if (pause && pause.startMs === rel(event.at) && markers.at(-1) === pause) markers.pop();
          const marker: RecordingMarker = { kind: "interjection", startMs: rel(event.at), endMs: null, participantId: event.participantId };
          interjections.set(event.interjectionId, marker);
          markers.push(marker);
        }
        break;
      case "interjection.ended": {
        const marker = interjections.get(event.interjectionId);
        if (marker) {
          marker.endMs = rel(event.at);
          interjections.delete(event.interjectionId);
        }
        break;
      }
      case "speech.ended":
        if (event.speechId === speechId) {
          if (pause) pause.endMs = rel(event.at);
          for (const marker of interjections.values()) marker.endMs ??= rel(event.at);
          return markers;
        }
        break;
      default:
        break;
    }
  }
  return markers;
}
