// The cluster bus between two real socket.io servers on the real Redis (127.0.0.1:6379), each on
// port 0 with the Redis streams adapter on a stream of its own test: requests and answers,
// failures, a silent node declared down, and a remote join never missing the broadcast after it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, expect, it } from "vitest";
import { eventually } from "../../../testing/server/harness.ts";
import { ClusterBus, DOWN_AFTER_MS, NodeUnreachableError, type BusTransport } from "./clusterBus.ts";
import { attachRedisAdapter } from "./redisAdapter.ts";

const REDIS_URL = process.env.YST_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function node(stream: string, nodeId: string) {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { transports: ["websocket"] });
  const detach = await attachRedisAdapter(io, { url: REDIS_URL, streamName: stream }, () => undefined);
  const port = await new Promise<number>((resolve) => httpServer.listen(0, "127.0.0.1", () => resolve((httpServer.address() as AddressInfo).port)));
  const bus = new ClusterBus(io as unknown as BusTransport, nodeId);
  cleanups.push(async () => {
    bus.close();
    await io.close();
    await detach();
  });
  return { io, bus, port };
}

const pair = async () => {
  const stream = `yst-test-${randomBytes(4).toString("hex")}`;
  const a = await node(stream, "a");
  const b = await node(stream, "b");
  await eventually(() => expect(a.bus.alive("b") && b.bus.alive("a")).toBe(true));
  return { a, b };
};

it("a request reaches the node it is addressed to and its answer comes back; a failure comes back as an error", async () => {
  const { a, b } = await pair();
  b.bus.handle("double", (body, from) => ({ twice: (body as number) * 2, from }));
  b.bus.handle("refuse", () => {
    throw new Error("not the owner");
  });
  expect(await a.bus.request("b", "double", 21)).toEqual({ twice: 42, from: "a" });
  await expect(a.bus.request("b", "refuse", null)).rejects.toThrow("not the owner");
  await expect(a.bus.request("b", "unknown", null)).rejects.toThrow(/no handler for unknown/);
});

it("a node that falls silent is down: its listeners run and requests to it fail at once", async () => {
  const { a, b } = await pair();
  const down: string[] = [];
  a.bus.onNodeDown((id) => down.push(id));
  b.bus.close(); // no more heartbeats, no answers
  const started = Date.now();
  await expect(a.bus.request("b", "anything", null, 30_000)).rejects.toBeInstanceOf(NodeUnreachableError);
  expect(Date.now() - started).toBeLessThan(DOWN_AFTER_MS + 1_500);
  expect(down).toEqual(["b"]);
  expect(a.bus.alive("b")).toBe(false);
});

it("a socket joined to a room from another node gets the broadcast that node sends right after (one ordered stream)", async () => {
  const { a, b } = await pair();
  const client: Socket = connect(`http://127.0.0.1:${b.port}`, { transports: ["websocket"], forceNew: true });
  cleanups.push(() => client.disconnect());
  const ticks: number[] = [];
  client.on("tick", (i: number) => ticks.push(i));
  const serverSide = await new Promise<import("socket.io").Socket>((resolve) => b.io.once("connection", resolve));
  // From node a, for a socket on node b: join a room, then broadcast to it at once, 20 times.
  for (let i = 0; i < 20; i++) {
    a.io.in(serverSide.id).socketsJoin(`room${i}`);
    a.io.to(`room${i}`).emit("tick", i);
  }
  await eventually(() => expect(ticks).toEqual(Array.from({ length: 20 }, (_, i) => i)));
});
