import type { MeetingState } from "../state.ts";
import type { TranscriptEvent, TranscriptLine } from "./schema.ts";

export function evolveTranscript(state: MeetingState, event: TranscriptEvent): MeetingState {
  switch (event.type) {
    case "stenography.assigned":
      return { ...state, stenographers: [...state.stenographers, event.participantId] };
    case "stenography.released":
      return { ...state, stenographers: state.stenographers.filter((id) => id !== event.participantId) };
    case "transcript.appended": {
      const line: TranscriptLine = {
        id: event.lineId,
        entry: event.entry,
        text: event.text,
        source: "steno",
        by: event.by,
        at: event.at,
        offsetMs: event.offsetMs,
        endMs: null,
        version: 1,
        history: [],
      };
      return { ...state, transcript: [...state.transcript, line] };
    }
    case "transcript.corrected":
      return {
        ...state,
        transcript: state.transcript.map((line) =>
          line.id === event.lineId
            ? { ...line, text: event.text, version: event.version, history: [...line.history, { text: line.text, by: event.by, version: line.version }] }
            : line,
        ),
      };
    case "transcript.drafted": {
      const lines = event.lines.map((l): TranscriptLine => ({
        id: l.lineId,
        entry: event.entry,
        text: l.text,
        source: "machine",
        by: null,
        at: event.at,
        offsetMs: l.startMs,
        endMs: l.endMs,
        version: 1,
        history: [],
      }));
      return { ...state, transcript: [...state.transcript, ...lines] };
    }
  }
}
