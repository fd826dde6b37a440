// What `npm start` (main.ts) prints. In text mode (the default) the console lines as always. In
// JSON mode (YST_LOG_FORMAT=json) stdout carries only JSON lines: the start's status lines are log
// lines; what is meant for the person starting the server — the first admin's one-time password,
// the demo meeting's links — is one JSON line per piece, `{"time","kind","text"}` with the same
// text as in text mode (kind "first-admin" or "demo"), kept apart from the log (never through the
// logger, which would censor it). docs/operations.md "Metrics and logs".
import type { LogFields, Logger } from "./logger.ts";
import type { LogFormat } from "./observabilityConfig.ts";

export type PersonalOutput = "first-admin" | "demo";

export interface StartOutput {
  /** A status line of the start (listening, media, shutting down). */
  status(message: string, fields?: LogFields): void;
  /** Text for the person who started the server, once. */
  forPerson(kind: PersonalOutput, text: string): void;
  /** The start failed. */
  failed(message: string, error: unknown): void;
}

export function startOutput(format: LogFormat, logger: Logger, write: (line: string) => void = (line) => void process.stdout.write(line)): StartOutput {
  if (format === "text") {
    return {
      status: (message) => console.log(message),
      forPerson: (_kind, text) => console.log(text),
      failed: (message, error) => console.error(`[yishiting] ${message}:`, error),
    };
  }
  return {
    status: (message, fields) => logger.info(message, fields),
    forPerson: (kind, text) => write(`${JSON.stringify({ time: new Date().toISOString(), kind, text })}\n`),
    failed: (message, error) => logger.error(message, error),
  };
}
