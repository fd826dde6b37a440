// The HTTP request a piece of work belongs to, so every log line written while serving it carries
// its request id (requestLog.ts sets it; the JSON logger reads it), without passing it around.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  reqId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts) as part of the request `context`. */
export const withRequest = <T>(context: RequestContext, work: () => T): T => storage.run(context, work);

/** The request being served here, if any. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();
