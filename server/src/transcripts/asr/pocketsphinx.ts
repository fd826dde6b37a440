// The local engine: CMU pocketsphinx (Debian `pocketsphinx` with `pocketsphinx-en-us`), run as
// `pocketsphinx_continuous` on the recording decoded to 16 kHz mono WAV. It runs on the server
// itself, so the audio goes nowhere; Debian ships an English model only, so it serves English
// meetings and the test suite (docs/transcripts.md). Its voice activity detection splits the
// audio into utterances: each one becomes a segment with its words' times.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { toRecognizerWav } from "./recognizerAudio.ts";
import { AsrError, primaryLanguage, type SpeechEngine, type SpeechSegment, type TranscribeOptions } from "./speechEngine.ts";
import { runTool } from "./tools.ts";

/** An acoustic model, language model and pronunciation dictionary for one language. */
export interface PocketsphinxModel {
  /** ISO 639-1 code it recognises ("en"). */
  language: string;
  hmm: string;
  lm: string;
  dict: string;
}

const DEBIAN_MODELS = "/usr/share/pocketsphinx/model/en-us";
/** What `pocketsphinx-en-us` installs. */
export const DEBIAN_EN_US: PocketsphinxModel = {
  language: "en",
  hmm: path.join(DEBIAN_MODELS, "en-us"),
  lm: path.join(DEBIAN_MODELS, "en-us.lm.bin"),
  dict: path.join(DEBIAN_MODELS, "cmudict-en-us.dict"),
};

export interface PocketsphinxOptions {
  models?: PocketsphinxModel[];
  /** Where the decoded WAV is written for the recogniser (a private folder per run, removed after). */
  tmpDir?: string;
  /** Time limit for a recording of `audioMs`; by default 1 min plus twice its length (it runs at about 0.3× real time). */
  timeoutMs?: (audioMs: number) => number;
}

const DECODE_TIMEOUT_MS = 120_000;

export class PocketsphinxEngine implements SpeechEngine {
  readonly name = "pocketsphinx";
  private readonly models: PocketsphinxModel[];
  private readonly tmpDir: string;
  private readonly timeoutMs: (audioMs: number) => number;

  constructor(options: PocketsphinxOptions = {}) {
    this.models = options.models ?? [DEBIAN_EN_US];
    this.tmpDir = options.tmpDir ?? os.tmpdir();
    this.timeoutMs = options.timeoutMs ?? ((audioMs) => 60_000 + 2 * audioMs);
  }

  async transcribe(file: string, { language, signal }: TranscribeOptions): Promise<{ segments: SpeechSegment[] }> {
    const model = this.models.find((m) => m.language === primaryLanguage(language));
    if (!model) {
      throw new AsrError("ASR_LANGUAGE", `pocketsphinx has no model for the language "${language}" (it has: ${this.models.map((m) => m.language).join(", ")})`);
    }
    await fs.access(model.hmm).catch((error: unknown) => {
      throw new AsrError("ASR_TOOL", `the pocketsphinx model ${model.hmm} is missing (Debian package pocketsphinx-en-us; see .ci/setup)`, { cause: error });
    });
    // mkdtemp makes the folder 700: the decoded meeting audio is readable by this user alone.
    const workDir = await fs.mkdtemp(path.join(this.tmpDir, "yst-asr-"));
    try {
      const wav = path.join(workDir, "recognizer.wav");
      const audioMs = await toRecognizerWav(file, wav, workDir, { timeoutMs: DECODE_TIMEOUT_MS, signal });
      const stdout = await runTool("pocketsphinx_continuous", ["-infile", wav, "-time", "yes", "-hmm", model.hmm, "-lm", model.lm, "-dict", model.dict], {
        timeoutMs: this.timeoutMs(audioMs),
        signal,
      });
      return { segments: parsePocketsphinx(stdout) };
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }
}

/** `word start end confidence`, times in seconds from the start of the file (`-time yes`). */
const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)$/;
/** `<s>`, `</s>`, `<sil>`, `[NOISE]`, `++UH++`: not words of the transcript. */
const FILLER = /^(<.*>|\[.*\]|\+\+.*\+\+)$/;

/**
 * The segments in pocketsphinx_continuous's output with `-time yes`: per utterance a line with
 * the hypothesis, then one line per word from `<s>` to `</s>`. A segment runs from its first
 * word's start to its last word's end; alternative pronunciations ("to(3)") lose their number;
 * utterances of fillers only are left out.
 */
export function parsePocketsphinx(stdout: string): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  let words: { word: string; startMs: number; endMs: number }[] = [];
  const flush = () => {
    if (words.length > 0) {
      segments.push({ text: words.map((w) => w.word).join(" "), startMs: words[0]!.startMs, endMs: words.at(-1)!.endMs });
    }
    words = [];
  };
  for (const line of stdout.split("\n")) {
    const match = WORD_LINE.exec(line.trim());
    if (!match) continue; // the hypothesis line: the same words, without times
    const [, token, start, end] = match as unknown as [string, string, string, string];
    if (token === "<s>") flush();
    if (token === "</s>") {
      flush();
      continue;
    }
    if (FILLER.test(token)) continue;
    words.push({ word: token.replace(/\(\d+\)$/, ""), startMs: Math.round(Number(start) * 1000), endMs: Math.round(Number(end) * 1000) });
  }
  flush();
  return segments;
}
