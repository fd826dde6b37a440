// Which speech-recognition engine makes the machine drafts of speeches (docs/transcripts.md):
//   YST_ASR=off            none (the default: no audio is transcribed unless the operator says so)
//   YST_ASR=pocketsphinx   the local engine (Debian pocketsphinx, English model)
//   YST_ASR_URL=http://…   a self-hosted OpenAI-compatible server (YST_ASR=http, implied by the URL),
//                          with YST_ASR_MODEL and YST_ASR_KEY (Bearer) when it needs them
//   YST_ASR_LANGUAGE       the language spoken (en for pocketsphinx, zh for a server by default)
import { HttpSpeechEngine } from "./asr/httpEngine.ts";
import { PocketsphinxEngine } from "./asr/pocketsphinx.ts";
import type { SpeechEngine } from "./asr/speechEngine.ts";

export type AsrConfig =
  | { engine: "off" }
  | { engine: "pocketsphinx"; language: string }
  | { engine: "http"; url: string; model: string; apiKey: string | undefined; language: string };

export const DEFAULT_ASR_MODEL = "whisper-1";
const LANGUAGE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

export function loadAsrConfig(env: NodeJS.ProcessEnv): AsrConfig {
  const url = env.YST_ASR_URL?.trim() || undefined;
  const engine = env.YST_ASR?.trim() || (url ? "http" : "off");
  if (engine !== "off" && engine !== "pocketsphinx" && engine !== "http") throw new Error(`YST_ASR must be off, pocketsphinx or http, got ${env.YST_ASR}`);
  if (engine === "off") return { engine };
  const language = env.YST_ASR_LANGUAGE?.trim() || (engine === "pocketsphinx" ? "en" : "zh");
  if (!LANGUAGE.test(language)) throw new Error(`YST_ASR_LANGUAGE must be a language code such as zh or en-US, got ${env.YST_ASR_LANGUAGE}`);
  if (engine === "pocketsphinx") {
    if (url) throw new Error("YST_ASR=pocketsphinx runs locally: unset YST_ASR_URL (or set YST_ASR=http to use that server)");
    return { engine, language };
  }
  if (!url) throw new Error("YST_ASR=http needs YST_ASR_URL (the self-hosted server's base URL)");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`YST_ASR_URL must be an http(s) URL, got ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`YST_ASR_URL must be an http(s) URL, got ${url}`);
  // fetch refuses URLs with credentials; the key goes in YST_ASR_KEY.
  if (parsed.username || parsed.password) throw new Error("YST_ASR_URL must not contain a user or password: put the key in YST_ASR_KEY");
  return { engine, url, model: env.YST_ASR_MODEL?.trim() || DEFAULT_ASR_MODEL, apiKey: env.YST_ASR_KEY || undefined, language };
}

/** The configured engine, or undefined when speech recognition is off. */
export function createSpeechEngine(config: AsrConfig): SpeechEngine | undefined {
  switch (config.engine) {
    case "off":
      return undefined;
    case "pocketsphinx":
      return new PocketsphinxEngine();
    case "http":
      return new HttpSpeechEngine({ url: config.url, model: config.model, apiKey: config.apiKey });
  }
}
