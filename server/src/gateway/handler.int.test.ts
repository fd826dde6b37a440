// The handler wrapper over a real socket.io server on port 0: the order of its refusals, the
// acknowledgement shapes, expected failures, and INTERNAL for the rest (logged, never escaping).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { fail, ok } from "../../../core/errors.ts";
import type { GatewayServer, GatewaySocket } from "./connection.ts";
import { handlersOf, type Handlers } from "./handler.ts";

interface Setup {
  allow: () => boolean;
  authorize: () => boolean;
  register?: (handlers: Handlers, socket: GatewaySocket) => void;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function serve(setup: Setup): Promise<{ client: ClientSocket; logged: string[]; handled: unknown[] }> {
  const httpServer = http.createServer();
  const server: GatewayServer = new Server(httpServer, { transports: ["websocket"], serveClient: false });
  const logged: string[] = [];
  const handled: unknown[] = [];
  server.on("connection", (socket) => {
    const handlers = handlersOf(socket, setup.allow, (message) => logged.push(message));
    handlers.on("poll.audit", {
      name: (request) => `poll.audit ${request.pollId}`,
      authorize: setup.authorize,
      parse: (input: unknown) => {
        const pollId = (input as { pollId?: unknown } | null)?.pollId;
        return typeof pollId === "string" ? ok({ pollId }) : fail("VALIDATION", ["pollId: required"]);
      },
      expected: (error) => ((error as Error).message === "gone" ? "NOT_FOUND" : undefined),
      handle: async ({ pollId }) => {
        handled.push(pollId);
        if (pollId === "throws") throw new Error("boom");
        if (pollId === "gone") throw new Error("gone");
        return { ok: true, pollId, voters: [], via: {}, ballots: [] };
      },
    });
    setup.register?.(handlers, socket);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false });
  await new Promise<void>((resolve, reject) => client.once("connect", resolve).once("connect_error", reject));
  closers.push(async () => {
    client.close();
    await server.close();
  });
  return { client, logged, handled };
}

const ask = (client: ClientSocket, event: string, payload: unknown): Promise<unknown> =>
  new Promise((resolve) => (client.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, resolve));

describe("handlersOf", () => {
  it("answers with what the handler returns", async () => {
    const { client, handled } = await serve({ allow: () => true, authorize: () => true });
    expect(await ask(client, "poll.audit", { pollId: "p1" })).toEqual({ ok: true, pollId: "p1", voters: [], via: {}, ballots: [] });
    expect(handled).toEqual(["p1"]);
  });

  it("refuses in order: rate limit, then authorization, then parsing; the handler never runs", async () => {
    let allowed = false;
    let authorized = false;
    const { client, handled } = await serve({ allow: () => allowed, authorize: () => authorized });
    expect(await ask(client, "poll.audit", 5)).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    allowed = true;
    expect(await ask(client, "poll.audit", 5)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    authorized = true;
    expect(await ask(client, "poll.audit", 5)).toMatchObject({ ok: false, error: { code: "VALIDATION", details: ["pollId: required"] } });
    expect(handled).toEqual([]);
  });

  it("answers an expected failure with its code, unlogged, and any other with INTERNAL, logged under the request's name", async () => {
    const { client, logged } = await serve({ allow: () => true, authorize: () => true });
    expect(await ask(client, "poll.audit", { pollId: "gone" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await ask(client, "poll.audit", { pollId: "throws" })).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(logged).toEqual(["poll.audit throws failed"]);
    // The connection keeps being served.
    expect(await ask(client, "poll.audit", { pollId: "p2" })).toMatchObject({ ok: true, pollId: "p2" });
  });

  it("ignores a message without an acknowledgement, counting nothing against the rate limit", async () => {
    let asked = 0;
    const { client, handled } = await serve({ allow: () => (asked++, true), authorize: () => true });
    client.emit("poll.audit", { pollId: "no-ack" });
    expect(await ask(client, "poll.audit", { pollId: "p3" })).toMatchObject({ ok: true });
    expect(handled).toEqual(["p3"]);
    expect(asked).toBe(1);
  });

  it("a handler may answer itself (inside a turn) and one that is not rate limited skips the limit; a synchronous throw is INTERNAL", async () => {
    const { client, logged } = await serve({
      allow: () => false,
      authorize: () => true,
      register: (handlers) => {
        handlers.on("media.leave", {
          name: "media.leave",
          limited: false,
          parse: (input: unknown) => (input === "bad" ? fail("VALIDATION") : ok(input)),
          handle: (input, answer) => {
            if (input === "explode") throw new Error("sync");
            answer({ ok: true });
          },
        });
      },
    });
    expect(await ask(client, "media.leave", {})).toEqual({ ok: true });
    expect(await ask(client, "media.leave", "bad")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await ask(client, "media.leave", "explode")).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(logged).toEqual(["media.leave failed"]);
    // Still rate limited: the other handler.
    expect(await ask(client, "poll.audit", { pollId: "p4" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});
