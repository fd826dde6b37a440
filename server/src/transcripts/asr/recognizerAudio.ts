// The audio the local recogniser reads: 16 kHz, mono, 16-bit signed WAV. Recordings are Ogg Opus
// (janus-pp-rec: 48 kHz, often two channels): opusdec (opus-tools) decodes them at 16 kHz, which
// Opus does natively (no resampling; heard better than 48 kHz resampled by sox), and sox mixes
// them down; a WAV goes to sox directly. The format is told by the file's first bytes, not its name.
import fs from "node:fs/promises";
import path from "node:path";
import { AsrError } from "./speechEngine.ts";
import { runTool } from "./tools.ts";

export const RECOGNIZER_RATE = 16_000;
/** Bytes per ms of the recogniser's WAV (16 kHz × 2 bytes). */
const BYTES_PER_MS = (RECOGNIZER_RATE * 2) / 1000;
const WAV_HEADER = 44;

export type AudioFormat = "ogg" | "wav";

export async function audioFormatOf(file: string): Promise<AudioFormat> {
  const handle = await fs.open(file, "r").catch((error: unknown) => {
    throw new AsrError("ASR_AUDIO", `cannot read the recording ${file}: ${(error as Error).message}`, { cause: error });
  });
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    if (bytesRead >= 4 && head.toString("latin1", 0, 4) === "OggS") return "ogg";
    if (bytesRead >= 12 && head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WAVE") return "wav";
    throw new AsrError("ASR_AUDIO", `${file} is neither Ogg Opus nor WAV`);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `input` as the recogniser's WAV to `output` (in `workDir`, which the caller removes) and
 * returns its length in ms. Decoding takes a small fraction of the audio's length.
 */
export async function toRecognizerWav(
  input: string,
  output: string,
  workDir: string,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<number> {
  let source = input;
  if ((await audioFormatOf(input)) === "ogg") {
    source = path.join(workDir, "decoded.wav");
    await runTool("opusdec", ["--quiet", "--rate", String(RECOGNIZER_RATE), input, source], options);
  }
  // -R: sox's dither seeded the same every time, so the same recording is always heard the same.
  await runTool("sox", ["-R", source, "-r", String(RECOGNIZER_RATE), "-c", "1", "-b", "16", "-e", "signed-integer", output], options);
  const { size } = await fs.stat(output);
  return Math.max(0, Math.round((size - WAV_HEADER) / BYTES_PER_MS));
}
