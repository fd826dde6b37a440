// The server's operational log: one logger per server, text (today's console lines, the default)
// or JSON lines (YST_LOG_FORMAT=json; pino). A line carries a message and ids — the request id
// (from requestContext.ts), meeting ids, command types, durations, status codes — and never
// names, tokens, passwords, IP addresses or text typed by users: callers pass only such fields
// (LogFields), and anything named like a secret is censored on the way out as a second guard.
import pino from "pino";
import type { LogFormat } from "./observabilityConfig.ts";
import { currentRequest } from "./requestContext.ts";

/** What a log line may hold besides its message: identifiers, codes and measurements only. */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  /** Routine operation (each HTTP request, each command): JSON only; text mode leaves it out, as before. */
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
  /** The server's `log(message, error?)` (ServerOptions.log): an error line with an error, a warning without. */
  readonly log: (message: string, error?: unknown) => void;
}

/** Where JSON lines go: stdout unless given (tests collect them). */
export interface LogDestination {
  write(line: string): void;
}

/** Fields that must never reach a line, whatever a caller passes (pino's redact, censored). */
const NEVER = ["name", "token", "password", "authorization", "cookie", "ip", "remoteAddress", "text"];

export function createLogger(format: LogFormat, destination?: LogDestination): Logger {
  return format === "json" ? jsonLogger(destination ?? pino.destination({ dest: 1, sync: true })) : textLogger();
}

/** Today's console output: `[yishiting] message` and the error on stderr; routine lines are not printed. */
function textLogger(): Logger {
  const line = (message: string, error?: unknown) => console.error(`[yishiting] ${message}`, error ?? "");
  return {
    info: () => undefined,
    warn: (message) => line(message),
    error: (message, error) => line(message, error),
    log: line,
  };
}

function jsonLogger(destination: LogDestination): Logger {
  const out = pino(
    {
      base: { pid: process.pid },
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: NEVER, censor: "[never logged]" },
      // The request being served, when the line is written while serving one.
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.reqId } : {};
      },
    },
    destination,
  );
  const error = (message: string, err?: unknown, fields: LogFields = {}) =>
    err === undefined || err === "" ? out.error(fields, message) : out.error({ ...fields, err: asError(err) }, message);
  return {
    info: (message, fields = {}) => out.info(fields, message),
    warn: (message, fields = {}) => out.warn(fields, message),
    error,
    log: (message, err) => (err === undefined || err === "" ? out.warn(message) : error(message, err)),
  };
}

/** pino serializes Error objects (type, message, stack); anything else thrown is wrapped in one. */
const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));
