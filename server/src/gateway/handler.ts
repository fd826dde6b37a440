// Every acknowledged socket message goes through one wrapper, in this order:
//   rate limit (RATE_LIMITED) → authorize (FORBIDDEN) → parse (VALIDATION, or the parser's error)
//   → handle → acknowledge,
// and a failure the handler did not foresee is logged and answered INTERNAL; it never escapes.
// A message without an acknowledgement callback is ignored.
import type { z } from "zod";
import { coreError, fail, ok, type CoreError, type ErrorCode, type Result } from "../../../core/errors.ts";
import type { ClientToServerEvents } from "../../../core/protocol.ts";
import type { GatewaySocket } from "./connection.ts";

/** The messages answered with an acknowledgement `(request, ack)` (all but time.sync). */
export type RequestEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [unknown, (result: never) => void] ? E : never;
}[keyof ClientToServerEvents];

/** What a message is acknowledged with. */
export type AckOf<E extends RequestEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

export interface Handler<I, A> {
  /** Names the message in the log (`<name> failed`); may depend on the request (`command speech.request`). */
  name: string | ((request: NoInfer<I>) => string);
  /** Whether the connection's rate limit applies (default true). */
  limited?: boolean;
  /** Whether this connection may send the message now (read per message: a roster change may change its role). */
  authorize?: () => boolean;
  /** The request, or the error to answer with (a named parser, or a lambda with its parameter typed: the request's type is inferred from it). */
  parse: (input: unknown) => Result<I>;
  /**
   * Returns the acknowledgement; one that must be sent inside the room actor's turn (sync.request)
   * is sent with `answer` instead, and nothing is returned.
   */
  handle: (request: NoInfer<I>, answer: (result: A) => void) => A | void | Promise<A | void>;
  /** A failure of `handle` that is expected and answered with its own code, not logged (media: Janus refusing an SDP). */
  expected?: (error: unknown) => ErrorCode | undefined;
}

/** Registers the message handlers of one connection, all under its rate limit and log. */
export interface Handlers {
  on<E extends RequestEvent, I>(event: E, handler: Handler<I, AckOf<E>>): void;
}

export function handlersOf(socket: GatewaySocket, allow: () => boolean, log: (message: string, error?: unknown) => void): Handlers {
  return {
    on<E extends RequestEvent, I>(event: E, handler: Handler<I, AckOf<E>>): void {
      const listener = (input: unknown, ack: unknown): void | Promise<void> => {
        if (typeof ack !== "function") return;
        const answer = ack as (result: AckOf<E> | Failure) => void;
        if (handler.limited !== false && !allow()) return answer(failure("RATE_LIMITED"));
        if (handler.authorize && !handler.authorize()) return answer(failure("FORBIDDEN"));
        const parsed = handler.parse(input);
        if (!parsed.ok) return answer({ ok: false, error: parsed.error });
        const request = parsed.value;
        const settled = (result: AckOf<E> | void): void => {
          if (result !== undefined) answer(result);
        };
        const failed = (error: unknown): void => {
          const code = handler.expected?.(error);
          if (code !== undefined) return answer(failure(code));
          log(`${typeof handler.name === "string" ? handler.name : handler.name(request)} failed`, error);
          answer(failure("INTERNAL"));
        };
        try {
          const result = handler.handle(request, answer);
          if (result instanceof Promise) return result.then(settled, failed);
          settled(result);
        } catch (error) {
          failed(error);
        }
      };
      // socket.io's typed `on` cannot relate a generic event name to its listener's type.
      socket.on(event, listener as never);
    },
  };
}

/** A parser from a schema (zod): the request, or VALIDATION without details. */
export function parseWith<S extends z.ZodType>(schema: S): (input: unknown) => Result<z.output<S>> {
  return (input) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? ok(parsed.data) : fail("VALIDATION");
  };
}

type Failure = { ok: false; error: CoreError };

export const failure = (code: ErrorCode): Failure => ({ ok: false, error: coreError(code) });
