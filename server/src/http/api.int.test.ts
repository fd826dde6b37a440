// The API's conventions over real HTTP: security headers and CSP, the error format for
// unknown routes and malformed bodies, no caching, and an unexpected failure answering
// 500 INTERNAL with a log line while the server keeps serving.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { ApiClient, fileForm, staffClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("API conventions", () => {
  it("sends security headers with a CSP that allows only the app itself, and no upgrade to https", async () => {
    const { url } = await h.startServer();
    const res = await fetch(`${url}/api/health`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("answers unknown API routes and malformed JSON in the API's error format, never cached", async () => {
    const { url } = await h.startServer();
    const client = new ApiClient(url);
    const missing = await client.get("/api/meetings-typo");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "NOT_FOUND", message: { zh: "会议或参会人不存在", en: "The meeting or participant does not exist" } } });
    expect(missing.headers.get("cache-control")).toBe("no-store");
    const malformed = await client.request("POST", "/api/auth/login", { raw: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("VALIDATION");
    const huge = await client.request("POST", "/api/auth/login", { raw: JSON.stringify({ username: "x", password: "y".repeat(200_000) }) });
    expect(huge.status).toBe(413);
  });

  it("turns an unexpected failure into 500 INTERNAL with a log line, and keeps serving", async () => {
    const { server, url, dataDir, logs } = await h.startServer();
    const { client: org } = await staffClient(server, url, "organiser1", "organiser");
    const m = await h.createMeeting(server);
    const item = (await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "通报", plannedMinutes: 10 })).body.item.id;
    const material = (await org.request("POST", `/api/meetings/${m.meetingId}/agenda/${item}/materials`, { form: fileForm("%PDF-1.4 x", "a.pdf") })).body
      .material;
    // Someone removed the file behind the server's back.
    const dir = path.join(dataDir, "materials", m.meetingId);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    const res = await org.get(`/api/meetings/${m.meetingId}/materials/${material.id}`);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("INTERNAL");
    expect(logs.some((l) => l.message.includes(`/api/meetings/${m.meetingId}/materials/${material.id}`) && String(l.error).includes("ENOENT"))).toBe(true);
    expect((await org.get("/api/auth/me")).status).toBe(200);
  });
});
