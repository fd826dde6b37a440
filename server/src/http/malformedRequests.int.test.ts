// Requests express or body-parser cannot read, sent raw over real HTTP (node:http, so the path
// is not normalised as fetch would): a malformed percent-encoding in an API path, a body that is
// not the gzip/deflate/br its Content-Encoding says. The client's fault: 400 VALIDATION in the
// API's error format, nothing logged (no stack trace), and the server keeps serving.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

function raw(url: string, method: string, requestPath: string, headers: Record<string, string> = {}, body?: Buffer): Promise<RawResponse> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: requestPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

const malformed = (res: RawResponse, detail: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.contentType).toMatch(/^application\/json/);
  const { error } = JSON.parse(res.text) as { error: { code: string; message: { zh: string; en: string }; details: string[] } };
  expect(error.code).toBe("VALIDATION");
  expect(error.message).toEqual({ zh: "请求格式不正确", en: "The request is malformed" });
  expect(error.details).toEqual([expect.stringMatching(detail)]);
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace to the client either
};

describe("malformed requests", () => {
  it("a malformed percent-encoding in an API path is 400 VALIDATION, not logged; the static pages are not affected", async () => {
    const clientDir = h.tempDir();
    fs.writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>议事厅</title>");
    const { url, logs } = await h.startServer({ env: { YST_CLIENT_DIR: clientDir } });
    for (const p of ["/api/meetings/%E0%A4%A", "/api/meetings/%c0/agenda", "/api/ledger/attachments/%c0", "/api/meetings/abc/materials/%ff%fe"]) {
      malformed(await raw(url, "GET", p), /^\(path\): malformed percent-encoding$/);
    }
    malformed(await raw(url, "DELETE", "/api/meetings/m1/materials/%E0%A4%A", { "X-Yishiting": "1" }), /^\(path\)/);
    // Outside /api the single page answers (the static files fall through, they never throw).
    for (const p of ["/%c0", "/m/%E0%A4%A", "/assets/%c0.js"]) {
      const page = await raw(url, "GET", p);
      expect([p, page.status, page.text]).toEqual([p, 200, "<!doctype html><title>议事厅</title>"]);
    }
    expect(logs).toEqual([]);
    expect((await raw(url, "GET", "/api/health")).status).toBe(200);
  });

  it("a JSON body that is not the gzip, deflate or br its Content-Encoding says is 400 VALIDATION, not logged; a real gzip body is read", async () => {
    const { url, logs } = await h.startServer();
    const json = { "Content-Type": "application/json", "X-Yishiting": "1" };
    const login = Buffer.from(JSON.stringify({ username: "nobody", password: "wrong-password-1" }));
    const bogus: [string, Buffer][] = [
      ["gzip", Buffer.from('{"username":"x"}')],
      ["gzip", zlib.gzipSync(login).subarray(0, 12)], // cut short
      ["deflate", Buffer.from("not deflate at all")],
      ["br", Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00])],
    ];
    for (const [encoding, body] of bogus) {
      malformed(await raw(url, "POST", "/api/auth/login", { ...json, "Content-Encoding": encoding }, body), /^\(body\): unreadable \(.+\)$/);
    }
    expect(logs).toEqual([]);
    // A genuine gzip body gets to the route: a wrong password, not a malformed request.
    const real = await raw(url, "POST", "/api/auth/login", { ...json, "Content-Encoding": "gzip" }, zlib.gzipSync(login));
    expect(real.status).toBe(401);
    expect(JSON.parse(real.text).error.code).toBe("INVALID_CREDENTIALS");
  });
});
