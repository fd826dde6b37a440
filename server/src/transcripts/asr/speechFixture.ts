// For tests: real speech without a microphone. espeak-ng (Debian, in .ci/setup) speaks a
// sentence to WAV; for a recording like janus-pp-rec's it is resampled to 48 kHz stereo by sox
// and encoded by opusenc to Ogg Opus. The "edward" Klatt voice is the one of espeak-ng's voices
// pocketsphinx's English model hears best (its default voice is mostly misheard).
import path from "node:path";
import { runTool } from "./tools.ts";

const TIMEOUT_MS = 20_000;

/** A test's limit when it runs the real recognizer: a few seconds alone, but CI runs it beside the
 *  fuzz walks on two cores (a 30 s limit was once exceeded under Node 24's parallel run). */
export const RECOGNITION_TIMEOUT_MS = 120_000;

/** Speaks `sentence` into `<dir>/<name>.wav` and returns its path. */
export async function spokenWav(dir: string, name: string, sentence: string): Promise<string> {
  const wav = path.join(dir, `${name}.wav`);
  await runTool("espeak-ng", ["-v", "en-us+edward", "-s", "140", "-w", wav, sentence], { timeoutMs: TIMEOUT_MS });
  return wav;
}

/** Speaks `sentence` into `<dir>/<name>.opus`, Ogg Opus at 48 kHz in two channels as Janus records it. */
export async function spokenOpus(dir: string, name: string, sentence: string): Promise<string> {
  const wav = await spokenWav(dir, `${name}-source`, sentence);
  const wav48 = path.join(dir, `${name}-48k.wav`);
  await runTool("sox", ["-R", wav, "-r", "48000", "-c", "2", wav48], { timeoutMs: TIMEOUT_MS });
  const opus = path.join(dir, `${name}.opus`);
  await runTool("opusenc", ["--quiet", "--bitrate", "64", wav48, opus], { timeoutMs: TIMEOUT_MS });
  return opus;
}
