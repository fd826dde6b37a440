import { describe, expect, it } from "vitest";
import { HttpSpeechEngine } from "./asr/httpEngine.ts";
import { PocketsphinxEngine } from "./asr/pocketsphinx.ts";
import { createSpeechEngine, loadAsrConfig } from "./asrConfig.ts";

describe("loadAsrConfig", () => {
  it("is off unless the operator configures an engine", () => {
    expect(loadAsrConfig({})).toEqual({ engine: "off" });
    expect(loadAsrConfig({ YST_ASR: "off", YST_ASR_URL: "http://asr.local:8000" })).toEqual({ engine: "off" });
    expect(createSpeechEngine({ engine: "off" })).toBeUndefined();
  });

  it("runs pocketsphinx locally, in English unless told otherwise", () => {
    expect(loadAsrConfig({ YST_ASR: "pocketsphinx" })).toEqual({ engine: "pocketsphinx", language: "en" });
    expect(createSpeechEngine(loadAsrConfig({ YST_ASR: "pocketsphinx" }))).toBeInstanceOf(PocketsphinxEngine);
  });

  it("uses the server at YST_ASR_URL, in Chinese unless told otherwise, with its model and key", () => {
    expect(loadAsrConfig({ YST_ASR_URL: "http://10.0.0.5:8000" })).toEqual({
      engine: "http",
      url: "http://10.0.0.5:8000",
      model: "whisper-1",
      apiKey: undefined,
      language: "zh",
    });
    const config = loadAsrConfig({
      YST_ASR: "http",
      YST_ASR_URL: "https://asr.example.org/",
      YST_ASR_MODEL: "large-v3",
      YST_ASR_KEY: "k",
      YST_ASR_LANGUAGE: "en-GB",
    });
    expect(config).toEqual({ engine: "http", url: "https://asr.example.org/", model: "large-v3", apiKey: "k", language: "en-GB" });
    const engine = createSpeechEngine(config);
    expect(engine).toBeInstanceOf(HttpSpeechEngine);
    expect((engine as HttpSpeechEngine).endpoint).toBe("https://asr.example.org/v1/audio/transcriptions");
  });

  it("refuses settings that cannot work, saying which", () => {
    expect(() => loadAsrConfig({ YST_ASR: "whisper" })).toThrow("YST_ASR must be off, pocketsphinx or http, got whisper");
    expect(() => loadAsrConfig({ YST_ASR: "http" })).toThrow("YST_ASR=http needs YST_ASR_URL");
    expect(() => loadAsrConfig({ YST_ASR: "pocketsphinx", YST_ASR_URL: "http://a" })).toThrow("unset YST_ASR_URL");
    expect(() => loadAsrConfig({ YST_ASR_URL: "asr.local:8000" })).toThrow("YST_ASR_URL must be an http(s) URL");
    expect(() => loadAsrConfig({ YST_ASR_URL: "ftp://asr.local" })).toThrow("YST_ASR_URL must be an http(s) URL");
    expect(() => loadAsrConfig({ YST_ASR_URL: "http://user:pw@asr.local" })).toThrow("must not contain a user or password");
    expect(() => loadAsrConfig({ YST_ASR: "pocketsphinx", YST_ASR_LANGUAGE: "english please" })).toThrow("YST_ASR_LANGUAGE must be a language code");
  });
});
