// The log's two formats: text keeps today's console lines (warnings and errors only); JSON writes
// one object per line with level, time, message, the request id of the request being served, the
// error serialized, and censors fields named like secrets or personal data.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "./logger.ts";
import { loadObservabilityConfig } from "./observabilityConfig.ts";
import { withRequest } from "./requestContext.ts";
import { startOutput } from "./startOutput.ts";

afterEach(() => vi.restoreAllMocks());

function jsonLines() {
  const lines: string[] = [];
  const logger = createLogger("json", { write: (chunk) => void lines.push(...chunk.split("\n").filter(Boolean)) });
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("JSON logs", () => {
  it("one object per line: level, ISO time, message and the given fields", () => {
    const { logger, entries } = jsonLines();
    logger.info("command", { meetingId: "m-1", command: "floor.give", durationMs: 3.2 });
    logger.warn("external Janus is restarting");
    expect(entries()).toEqual([
      { level: "info", time: expect.any(String), pid: process.pid, msg: "command", meetingId: "m-1", command: "floor.give", durationMs: 3.2 },
      { level: "warn", time: expect.any(String), pid: process.pid, msg: "external Janus is restarting" },
    ]);
    expect(new Date(entries()[0]!.time as string).toISOString()).toBe(entries()[0]!.time);
  });

  it("carries the request id of the request being served, also into work it started", async () => {
    const { logger, entries } = jsonLines();
    await withRequest({ reqId: "req-7" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.log("GET /api/x failed", new Error("boom"));
    });
    logger.info("outside");
    const [failed, outside] = entries();
    expect(failed).toMatchObject({
      level: "error",
      reqId: "req-7",
      msg: "GET /api/x failed",
      err: { type: "Error", message: "boom", stack: expect.stringContaining("boom") },
    });
    expect(outside).not.toHaveProperty("reqId");
  });

  it("the server's log(): a warning without an error, an error line with one (anything thrown wrapped)", () => {
    const { logger, entries } = jsonLines();
    logger.log("YST_MEDIA=embedded but Janus is not installed");
    logger.log("handshake failed", "not an Error");
    expect(entries()[0]).toMatchObject({ level: "warn", msg: "YST_MEDIA=embedded but Janus is not installed" });
    expect(entries()[0]).not.toHaveProperty("err");
    expect(entries()[1]).toMatchObject({ level: "error", err: { message: "not an Error" } });
  });

  it("censors fields named like names, tokens, passwords, addresses or typed text", () => {
    const { logger, entries } = jsonLines();
    logger.info("oops", { name: "沈国帅", token: "eyJhbGciOi", password: "hunter2", ip: "203.0.113.5", text: "我的发言", meetingId: "m-1" });
    const line = JSON.stringify(entries()[0]);
    for (const secret of ["沈国帅", "eyJhbGciOi", "hunter2", "203.0.113.5", "我的发言"]) expect(line).not.toContain(secret);
    expect(entries()[0]).toMatchObject({ meetingId: "m-1", name: "[never logged]" });
  });
});

describe("text logs (the default)", () => {
  it("print warnings and errors as before, `[yishiting] message` on stderr, and leave routine lines out", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logger = createLogger("text");
    logger.info("request", { route: "/api/health" });
    const error = new Error("boom");
    logger.log("config sync failed for meeting m-1", error);
    logger.log("external Janus ws://j:8188 is up");
    expect(printed.mock.calls).toEqual([
      ["[yishiting] config sync failed for meeting m-1", error],
      ["[yishiting] external Janus ws://j:8188 is up", ""],
    ]);
  });
});

describe("npm start's output", () => {
  it("in JSON mode, what is meant for the person starting is one JSON line of its kind, not a log line", () => {
    const { logger, entries } = jsonLines();
    const written: string[] = [];
    const out = startOutput("json", logger, (line) => void written.push(line));
    out.status("议事厅 Yishiting listening on 127.0.0.1:8080", { port: 8080 });
    out.forPerson("first-admin", "\n首次启动 / First start: one-time password: x\n");
    expect(entries()).toEqual([expect.objectContaining({ level: "info", msg: "议事厅 Yishiting listening on 127.0.0.1:8080", port: 8080 })]);
    expect(written).toHaveLength(1);
    expect(written[0]!.endsWith("\n")).toBe(true);
    expect(JSON.parse(written[0]!)).toEqual({ time: expect.any(String), kind: "first-admin", text: "\n首次启动 / First start: one-time password: x\n" });
  });

  it("in text mode, the console lines as they were", () => {
    const printed = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const out = startOutput("text", createLogger("text"));
    out.status("议事厅 Yishiting listening on 0.0.0.0:8080 (data: data/yishiting.db)");
    out.forPerson("demo", "links");
    expect(printed.mock.calls).toEqual([["议事厅 Yishiting listening on 0.0.0.0:8080 (data: data/yishiting.db)"], ["links"]]);
  });
});

describe("YST_LOG_FORMAT and YST_OPS_TOKEN", () => {
  it("text by default, json when asked, anything else refused; no token unless set", () => {
    expect(loadObservabilityConfig({})).toEqual({ logFormat: "text", opsToken: undefined });
    expect(loadObservabilityConfig({ YST_LOG_FORMAT: "json", YST_OPS_TOKEN: "t" })).toEqual({ logFormat: "json", opsToken: "t" });
    expect(loadObservabilityConfig({ YST_OPS_TOKEN: "" }).opsToken).toBeUndefined();
    expect(() => loadObservabilityConfig({ YST_LOG_FORMAT: "JSON" })).toThrow(/YST_LOG_FORMAT/);
  });
});
