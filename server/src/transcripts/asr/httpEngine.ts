// The HTTP engine: a self-hosted speech-recognition server speaking OpenAI's transcription API
// (`POST {url}/v1/audio/transcriptions`, as Whisper servers and FunASR's OpenAI-compatible
// service do). The recording is sent as it is (Ogg Opus) in a multipart form with `model`,
// `language` and `response_format=verbose_json`; the answer's segments (seconds) become ours
// (ms). The operator configures the URL (YST_ASR_URL) — there is no default server, so the
// audio never goes anywhere unless they point it there (docs/transcripts.md).
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { audioFormatOf } from "./recognizerAudio.ts";
import { AsrError, primaryLanguage, type SpeechEngine, type SpeechSegment, type TranscribeOptions } from "./speechEngine.ts";

export interface HttpEngineOptions {
  /** The server's base URL, without `/v1/...` (http or https). */
  url: string;
  /** The `model` field (YST_ASR_MODEL). */
  model: string;
  /** Sent as `Authorization: Bearer …` when set (YST_ASR_KEY); never logged. */
  apiKey?: string | undefined;
  /** Time limit per recording, sending and answer included (default 10 min). */
  timeoutMs?: number;
}

export const DEFAULT_HTTP_TIMEOUT_MS = 10 * 60_000;

/** verbose_json as OpenAI documents it; servers add fields of their own (id, tokens, …), which are ignored. */
const VerboseJson = z.object({
  text: z.string(),
  duration: z.number().nonnegative().optional(),
  segments: z.array(z.object({ start: z.number().nonnegative(), end: z.number().nonnegative(), text: z.string() })).optional(),
});

const snippet = (text: string): string => (text.length > 300 ? `${text.slice(0, 300)}…` : text).trim();

export class HttpSpeechEngine implements SpeechEngine {
  readonly name: string;
  readonly endpoint: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpEngineOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, "")}/v1/audio/transcriptions`;
    this.name = `http:${options.model}`.slice(0, 60);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  }

  async transcribe(file: string, { language, signal }: TranscribeOptions): Promise<{ segments: SpeechSegment[] }> {
    const format = await audioFormatOf(file);
    const form = new FormData();
    form.append("file", new Blob([await fs.readFile(file)], { type: format === "ogg" ? "audio/ogg" : "audio/wav" }), path.basename(file));
    form.append("model", this.options.model);
    form.append("language", primaryLanguage(language));
    form.append("response_format", "verbose_json");
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let status: number;
    let body: string;
    try {
      const response = await fetch(this.endpoint, { method: "POST", body: form, headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AsrError("ASR_ABORTED", `transcription at ${this.endpoint} stopped`, { cause: error });
      if (timeout.aborted) throw new AsrError("ASR_TIMEOUT", `the ASR server ${this.endpoint} did not answer within ${this.timeoutMs} ms`, { cause: error });
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new AsrError("ASR_UNREACHABLE", `cannot reach the ASR server ${this.endpoint}: ${reason}`, { cause: error });
    }
    if (status < 200 || status > 299) throw new AsrError("ASR_HTTP", `the ASR server ${this.endpoint} answered HTTP ${status}: ${snippet(body)}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new AsrError("ASR_BAD_ANSWER", `the ASR server ${this.endpoint} answered something that is not JSON: ${snippet(body)}`, { cause: error });
    }
    const parsed = VerboseJson.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AsrError(
        "ASR_BAD_ANSWER",
        `the ASR server ${this.endpoint} answered JSON without verbose_json's text and segments (${issue.path.join(".") || "body"}: ${issue.message})`,
      );
    }
    return { segments: segmentsOf(parsed.data) };
  }
}

function segmentsOf(answer: z.infer<typeof VerboseJson>): SpeechSegment[] {
  const ms = (seconds: number) => Math.round(seconds * 1000);
  // A server that gives no segments still gives the text: one segment over the whole recording.
  const raw = answer.segments ?? [{ start: 0, end: answer.duration ?? 0, text: answer.text }];
  return raw.map((s) => ({ text: s.text.trim(), startMs: ms(s.start), endMs: Math.max(ms(s.start), ms(s.end)) })).filter((s) => s.text.length > 0);
}
