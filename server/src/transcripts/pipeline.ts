// The machine draft (机器草稿) of each speech: when a speech's recording is stored ready
// (media/recording/speechRecorder.ts), the configured engine transcribes it and the server
// submits the system command `transcript.draft` for that speech. One recording at a time — a
// local engine takes a core while it runs, and the server has meetings to serve. Nothing here
// throws into the recorder: failures are logged and the recording stays as it is.
import type { Room } from "../rooms/remoteRoom.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import { recordingFilePath } from "../media/recording/recordingFiles.ts";
import type { SpeechRecordingRow } from "../media/recording/recordingStore.ts";
import type { SpeechEngine, SpeechSegment } from "./asr/speechEngine.ts";

/** transcript.draft's limits (core/transcript/schema.ts): lines per command and characters per line. */
export const DRAFT_MAX_LINES = 500;
export const DRAFT_MAX_TEXT = 2000;

export interface TranscriptPipelineDeps {
  engine: SpeechEngine;
  /** The language spoken (YST_ASR_LANGUAGE). */
  language: string;
  /** `<recordings folder>` (config.recordingsDir). */
  recordingsDir: string;
  room: (meetingId: string) => Promise<Pick<Room, "current" | "submit">>;
  log: (message: string, error?: unknown) => void;
}

export interface DraftLine {
  text: string;
  startMs: number;
  endMs: number;
}

export class TranscriptPipeline {
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  private closed = false;
  private readonly stop = new AbortController();

  constructor(private readonly deps: TranscriptPipelineDeps) {}

  /** A recording was stored ready: transcribe it after those before it. Never throws. */
  ready(row: SpeechRecordingRow): void {
    if (this.closed || row.status !== "ready") return;
    this.waiting++;
    this.queue = this.queue
      .then(() => (this.closed ? undefined : this.draft(row)))
      .catch((error: unknown) => this.deps.log(`transcribing recording ${row.id} of speech ${row.speechId} failed`, error))
      .finally(() => this.waiting--);
  }

  /** Resolves once every recording handed in is transcribed (or has failed). */
  async idle(): Promise<void> {
    while (this.waiting > 0) await this.queue;
  }

  /** Shutdown: the transcription running is stopped, those waiting are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    await this.queue;
  }

  private async draft(row: SpeechRecordingRow): Promise<void> {
    const before = (await this.deps.room(row.meetingId)).current;
    const speech = before.floor?.speechId === row.speechId ? before.floor : before.speeches.find((s) => s.speechId === row.speechId);
    if (!speech) {
      this.deps.log(`recording ${row.id}: speech ${row.speechId} is not in meeting ${row.meetingId}; no draft`);
      return;
    }
    // The interpreter's take of the speech (传译) is another language: the transcript is the speaker's.
    if (row.participantId !== speech.participantId) return;
    const file = recordingFilePath(this.deps.recordingsDir, row.meetingId, row.file);
    const { segments } = await this.deps.engine.transcribe(file, { language: this.deps.language, signal: this.stop.signal });
    // Lines are timed from the speech's start, as typed lines are: a second part starts later.
    const lines = draftLines(segments, Math.max(0, row.startedAt.getTime() - speech.startedAt));
    if (lines.length === 0) {
      this.deps.log(`recording ${row.id} of speech ${row.speechId}: ${this.deps.engine.name} recognised no speech`);
      return;
    }
    for (let i = 0; i < lines.length; i += DRAFT_MAX_LINES) {
      const room = await this.deps.room(row.meetingId);
      const result = await room.submit(
        SYSTEM_ACTOR,
        { type: "transcript.draft", entry: { kind: "speech", id: row.speechId }, engine: this.deps.engine.name, lines: lines.slice(i, i + DRAFT_MAX_LINES) },
        // A command sent again (the owner answered late) is applied once.
        `transcript.draft:${row.id}:${i / DRAFT_MAX_LINES}`,
      );
      if (!result.ok) {
        this.deps.log(`transcript.draft for speech ${row.speechId} (recording ${row.id}) refused: ${result.error.code}`);
        return;
      }
    }
  }
}

/**
 * The engine's segments as transcript.draft lines: shifted by `offsetMs`, empty ones left out,
 * text longer than a line cut at spaces (times shared out by length).
 */
export function draftLines(segments: readonly SpeechSegment[], offsetMs: number): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    const startMs = Math.round(offsetMs + Math.max(0, segment.startMs));
    const endMs = Math.max(startMs, Math.round(offsetMs + segment.endMs));
    const pieces = splitText(text, DRAFT_MAX_TEXT);
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
    let done = 0;
    pieces.forEach((piece, i) => {
      const from = startMs + Math.round(((endMs - startMs) * done) / total);
      done += piece.length;
      lines.push({ text: piece, startMs: from, endMs: i === pieces.length - 1 ? endMs : startMs + Math.round(((endMs - startMs) * done) / total) });
    });
  }
  return lines;
}

/** Pieces of at most `max` characters, cut at the last space before the limit when there is one (Chinese has none: cut at the limit). */
function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const cut = space > 0 ? space : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
