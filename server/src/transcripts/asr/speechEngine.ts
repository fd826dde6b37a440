// A speech-recognition engine as the transcript pipeline sees it: one recording in (Ogg Opus as
// janus-pp-rec writes it, or WAV), timed text out. Engines run on the operator's own machines
// (docs/transcripts.md): the local pocketsphinx, or a self-hosted server speaking OpenAI's
// transcription API. No engine sends the audio anywhere the operator did not configure.

/** One recognised stretch of speech; times in ms from the start of the file. */
export interface SpeechSegment {
  text: string;
  startMs: number;
  endMs: number;
}

export interface TranscribeOptions {
  /** The spoken language, a BCP 47 tag or ISO 639-1 code ("en", "en-US", "zh"). */
  language: string;
  /** Stops the work (a server shutting down): the engine rejects with ASR_ABORTED. */
  signal?: AbortSignal;
}

export interface SpeechEngine {
  /** Recorded with each machine draft (transcript.draft's `engine`, at most 60 characters). */
  readonly name: string;
  transcribe(file: string, options: TranscribeOptions): Promise<{ segments: SpeechSegment[] }>;
}

export type AsrErrorCode =
  /** A command-line tool is missing, failed or printed something unexpected. */
  | "ASR_TOOL"
  /** The input is neither Ogg Opus nor WAV. */
  | "ASR_AUDIO"
  /** The engine has no model for the language asked for. */
  | "ASR_LANGUAGE"
  /** The engine took longer than its time limit. */
  | "ASR_TIMEOUT"
  /** Stopped by the caller's signal. */
  | "ASR_ABORTED"
  /** The HTTP engine's server could not be reached. */
  | "ASR_UNREACHABLE"
  /** The HTTP engine's server answered with an error status. */
  | "ASR_HTTP"
  /** The HTTP engine's server answered something that is not the documented JSON. */
  | "ASR_BAD_ANSWER";

/** Every engine failure: a stable code and a message saying what to look at. */
export class AsrError extends Error {
  constructor(
    readonly code: AsrErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AsrError";
  }
}

/** "en-US" → "en": what both engines key their models and requests by. */
export const primaryLanguage = (language: string): string => language.trim().split(/[-_]/)[0]!.toLowerCase();
