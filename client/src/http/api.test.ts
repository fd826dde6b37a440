// The one HTTP client against a real HTTP server on port 0 (express, as the API runs on): what
// it sends, how every kind of failure maps to one HttpError with a stable code and its text in
// both languages, and that an answer is parsed with its schema, never cast.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { OkResponse } from "@core/api/common.ts";
import { httpClient, HttpError, LOCAL_CODES } from "./api.ts";

const REFUSAL = { code: "IMPORT_INVALID", message: { zh: "导入文件有错误", en: "The import file has errors" } };
const ROWS = [
  { row: 2, field: "name", code: "REQUIRED", message: { zh: "姓名必填", en: "Name is required" } },
  { row: 3, code: "LOSSY_TEXT", message: { zh: "字符丢失", en: "Characters lost" }, warning: true },
  "not a row",
];
const Thing = z.object({ thing: z.object({ id: z.string(), size: z.number() }) });

let server: Server;
let base = "";
let seen: { method: string; headers: Record<string, string | string[] | undefined>; body: unknown }[] = [];

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    seen.push({ method: req.method, headers: req.headers, body: req.body as unknown });
    next();
  });
  app.get("/thing", (_req, res) => void res.set("X-Thing", "kept").json({ thing: { id: "t1", size: 3 }, extra: "kept by loose schemas, ignored here" }));
  app.get("/wrong-shape", (_req, res) => void res.json({ thing: { id: "t1", size: "three" } }));
  app.get("/empty", (_req, res) => void res.status(200).end());
  app.post("/ok", (_req, res) => void res.json({ ok: true }));
  app.post("/refused", (_req, res) => void res.status(400).json({ error: { ...REFUSAL, details: ROWS } }));
  app.get(
    "/unauthenticated",
    (_req, res) => void res.status(401).json({ error: { code: "UNAUTHENTICATED", message: { zh: "请先登录", en: "Please sign in" } } }),
  );
  app.post("/proxy-413", (_req, res) => void res.status(413).type("text/html").send("<h1>413 Request Entity Too Large</h1>"));
  app.get("/html-500", (_req, res) => void res.status(502).type("text/html").send("<h1>Bad gateway</h1>"));
  app.get("/file", (_req, res) => void res.type("text/csv").send("a,b\n1,2\n"));
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const texts = {
  network: { zh: "网络连接失败", en: "Network failure" },
  unexpected: { zh: "无法识别的响应", en: "Unreadable answer" },
  tooLarge: { zh: "文件过大", en: "File too large" },
};
const client = (options: Parameters<typeof httpClient>[0] = {}) => httpClient({ baseUrl: base, localText: (f) => texts[f], ...options });

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("the HTTP client", () => {
  it("returns the answer parsed with its schema, and sends the token and the CSRF header", async () => {
    seen = [];
    const answer = await client({ token: "join-token" }).json("GET", "/thing", Thing);
    expect(answer).toEqual({ thing: { id: "t1", size: 3 } });
    expect(seen[0]!.headers.authorization).toBe("Bearer join-token");
    expect(seen[0]!.headers["x-yishiting"]).toBeUndefined();

    await client().json("POST", "/ok", OkResponse, { a: 1 });
    expect(seen[1]!.headers.authorization).toBeUndefined();
    expect(seen[1]!.headers["x-yishiting"]).toBe("1");
    expect(seen[1]!.headers["content-type"]).toContain("application/json");
    expect(seen[1]!.body).toEqual({ a: 1 });
  });

  it("gives the answer's headers with the parsed answer when asked (the door page's offline copy mark)", async () => {
    const { body, headers } = await client().jsonWithHeaders("GET", "/thing", Thing);
    expect(body).toEqual({ thing: { id: "t1", size: 3 } });
    expect(headers.get("x-thing")).toBe("kept");
  });

  it("refuses an answer that does not match the schema with RESPONSE_INVALID and says where", async () => {
    const error = await failure(client().json("GET", "/wrong-shape", Thing));
    expect(error.code).toBe(LOCAL_CODES.invalid);
    expect(error.code).toBe("RESPONSE_INVALID");
    expect(error.status).toBe(200);
    expect(error.text).toEqual(texts.unexpected);
    expect(error.details).toEqual([expect.stringContaining("thing.size")]);
  });

  it("carries the server's code, both languages and details, and the row reports of a refused import", async () => {
    const error = await failure(client({ language: () => "zh" }).json("POST", "/refused", OkResponse, {}));
    expect(error.status).toBe(400);
    expect(error.code).toBe("IMPORT_INVALID");
    expect(error.text).toEqual(REFUSAL.message);
    expect(error.message).toBe("导入文件有错误");
    expect(error.rows).toEqual([ROWS[0], ROWS[1]]);
  });

  it("tells the caller about every refusal (the admin app's 401 → sign in)", async () => {
    const codes: string[] = [];
    const error = await failure(client({ onError: (e) => codes.push(e.code) }).json("GET", "/unauthenticated", OkResponse));
    expect(error.status).toBe(401);
    expect(codes).toEqual(["UNAUTHENTICATED"]);
  });

  it("names failures without the server's error body: 413 FILE_TOO_LARGE, HTTP, an empty success, NETWORK", async () => {
    const tooLarge = await failure(client().json("POST", "/proxy-413", OkResponse, {}));
    expect([tooLarge.status, tooLarge.code, tooLarge.text]).toEqual([413, "FILE_TOO_LARGE", texts.tooLarge]);
    const html = await failure(client().json("GET", "/html-500", OkResponse));
    expect([html.status, html.code, html.text]).toEqual([502, "HTTP", texts.unexpected]);
    const empty = await failure(client().json("GET", "/empty", OkResponse));
    expect([empty.status, empty.code]).toEqual([200, "HTTP"]);
    const closed = express().listen(0, "127.0.0.1");
    await new Promise((resolve) => closed.once("listening", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = await failure(httpClient({ baseUrl: `http://127.0.0.1:${port}`, localText: (f) => texts[f] }).json("GET", "/thing", Thing));
    expect([offline.status, offline.code, offline.text]).toEqual([0, "NETWORK", texts.network]);
  });

  it("uses the default text in English when the caller gives none", async () => {
    const error = await failure(httpClient({ baseUrl: base }).json("GET", "/html-500", OkResponse));
    expect(error.message).toBe("Request failed");
    expect(error.text).toEqual({ zh: "请求失败", en: "Request failed" });
  });

  it("hands over a file once it is a success, and refuses like any request otherwise", async () => {
    const file = await client({ token: "t" }).file("/file");
    expect(await file.text()).toBe("a,b\n1,2\n");
    const error = await failure(client().file("/unauthenticated"));
    expect(error.code).toBe("UNAUTHENTICATED");
  });

  it("sends a FormData body as multipart, with the CSRF header", async () => {
    seen = [];
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.csv");
    await client().json("POST", "/ok", OkResponse, form);
    expect(String(seen[0]!.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]!.headers["x-yishiting"]).toBe("1");
  });
});
