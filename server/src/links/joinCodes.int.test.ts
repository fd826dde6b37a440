// Join codes (入会码) end to end: each personal and room link has a short code whose QR code
// carries /j/<code>; POST /api/join/code opens the current long link; re-issuing or revoking stops
// the old code; unknown codes are refused with JOIN_CODE_INVALID and guessing is braked. Also the
// printed invitations and table cards (PDF pages and text read back with pdfjs-dist).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import QRCode from "qrcode";
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { formatJoinCode } from "../../../core/links/joinCode.ts";
import { ApiClient, staffClient } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { MAX_CODE_FAILURES } from "./joinCodeLimiter.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  const m = await h.createMeeting(t.server);
  const linkPath = (pid: string, action = "") => `/api/meetings/${m.meetingId}/participants/${pid}/link${action}`;
  const anyone = new ApiClient(t.url);
  const resolve = (code: string) => anyone.post("/api/join/code", { code });
  return { ...t, org, m, linkPath, anyone, resolve };
}

/** The PDF's page count and text (spaces and line breaks removed: Chinese wraps anywhere). */
async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: text.replace(/[\s\u3000]+/g, ""), pages };
}

const tokenOf = (url: string) => /#t=(.+)$/.exec(url)![1]!;
/** What a link's token says (subject, meeting, role, version), without its issue and expiry times. */
const claimsOf = (url: string) => {
  const { iat: _iat, exp: _exp, ...claims } = JSON.parse(Buffer.from(tokenOf(url).split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
  return { path: url.slice(0, url.indexOf("#")), ...claims };
};

describe("join codes", () => {
  it("each personal link has a 10-character code; its QR code carries the short URL; the code, typed any way, opens the meeting", async () => {
    const { org, url, m, linkPath, resolve } = await setup();
    const res = await org.get(linkPath(m.people.member1.id));
    const { code, shortUrl, qrSvg } = res.body;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(shortUrl).toBe(`${url}/j/${code}`);
    expect(qrSvg).toBe(await QRCode.toString(shortUrl, { type: "svg", margin: 2 }));
    // The same code while the link is unchanged.
    expect((await org.get(linkPath(m.people.member1.id))).body.code).toBe(code);
    expect((await org.get(linkPath(m.people.member2.id))).body.code).not.toBe(code);

    const typed = ` ${formatJoinCode(code).toLowerCase().replace("-", " ")} `;
    const opened = await resolve(typed);
    expect(opened.status).toBe(200);
    expect(opened.body.kind).toBe("join");
    expect(claimsOf(opened.body.url)).toEqual(claimsOf(res.body.url));
    expect((await h.connect(url, tokenOf(opened.body.url))).welcome.me.id).toBe(m.people.member1.id);
    // The long token keeps working.
    expect((await h.connect(url, tokenOf(res.body.url))).welcome.me.id).toBe(m.people.member1.id);
  });

  it("re-issuing makes a new code and the old one stops; revoking stops the code until re-issued", async () => {
    const { org, url, m, linkPath, resolve } = await setup();
    const pid = m.people.member1.id;
    const old = (await org.get(linkPath(pid))).body.code;
    const reissued = await org.post(linkPath(pid, "/reissue"));
    expect(reissued.body.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(reissued.body.code).not.toBe(old);
    const refused = await resolve(old);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toEqual({ code: "JOIN_CODE_INVALID", message: ERROR_MESSAGES.JOIN_CODE_INVALID });
    const opened = await resolve(reissued.body.code);
    expect((await h.connect(url, tokenOf(opened.body.url))).welcome.me.id).toBe(pid);

    await org.post(linkPath(pid, "/revoke"));
    expect((await resolve(reissued.body.code)).body.error.code).toBe("JOIN_CODE_INVALID");
    const again = await org.post(linkPath(pid, "/reissue"));
    expect(again.body.code).not.toBe(reissued.body.code);
    expect((await resolve(reissued.body.code)).status).toBe(404);
    expect((await resolve(again.body.code)).status).toBe(200);
  });

  it("the room display's and the venue terminal's links have codes too, stopped by their re-issue", async () => {
    const { org, url, m, resolve } = await setup();
    const display = await org.get(`/api/meetings/${m.meetingId}/display-link`);
    expect(display.body.shortUrl).toBe(`${url}/j/${display.body.code}`);
    const opened = await resolve(display.body.code);
    expect(opened.body.kind).toBe("display");
    expect(claimsOf(opened.body.url)).toEqual(claimsOf(display.body.url));
    expect((await h.connect(url, tokenOf(opened.body.url))).welcome.display).toBe(true);
    const venue = await org.get(`/api/meetings/${m.meetingId}/venue-link`);
    expect((await resolve(venue.body.code)).body.kind).toBe("venue");
    await org.post(`/api/meetings/${m.meetingId}/display-link/reissue`);
    expect((await resolve(display.body.code)).body.error.code).toBe("JOIN_CODE_INVALID");
    expect((await resolve(venue.body.code)).status).toBe(200);
  });

  it("refuses unknown and malformed codes alike; after 10 failures from one address even a right code waits (RATE_LIMITED)", async () => {
    const { org, m, linkPath, resolve } = await setup();
    const good = (await org.get(linkPath(m.people.member2.id))).body.code;
    for (const wrong of ["ABCD-EFGH-JK", "abc", "0000000000", "ABCDEFGHJKM"]) {
      const res = await resolve(wrong);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("JOIN_CODE_INVALID");
    }
    expect((await resolve(good)).status).toBe(200);
    for (let i = 4; i < MAX_CODE_FAILURES; i++) expect((await resolve(`2345-6789-${"AB"}`)).status).toBe(404);
    const braked = await resolve(good);
    expect(braked.status).toBe(429);
    expect(braked.body.error.code).toBe("RATE_LIMITED");
    // A request that is not a code at all is a validation error (and is not counted).
    expect((await resolve("")).status).toBe(400);
  });
});

describe("invitations and table cards", () => {
  it("print every working link as an invitation, 8 to an A4 page, with names told apart, roles and codes", async () => {
    const { org, url, m, linkPath } = await setup();
    const path = `/api/meetings/${m.meetingId}/participants`;
    const extra = [
      { name: "张丽", role: "member", sector: "教育界" },
      { name: "张丽", role: "member", sector: "经济界" },
      { name: "欧阳明月", role: "member", sector: "科技界", unit: "区科技局" },
      { name: "李四", role: "official", unit: "区住房城乡建设委" },
      { name: "王五", role: "member" },
      { name: "赵六", role: "member" },
      { name: "孙七", role: "member" },
      { name: "周八", role: "member" },
    ];
    for (const p of extra) expect((await org.post(path, p)).status).toBe(201);
    await org.post(linkPath(m.people.observer.id, "/revoke"));
    const res = await org.get(`/api/meetings/${m.meetingId}/invitations`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;.*filename\*=UTF-8''/);
    expect(res.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, pages } = await pdfText(res.bytes);
    // 4 of the harness's 5 (the observer's link is revoked) + 8 = 12: two pages.
    expect(pages).toBe(2);
    for (const name of ["沈国帅", "李帅国", "张丽（教育界）", "张丽（经济界）", "欧阳明月", "周八"]) expect(text).toContain(name);
    expect(text).not.toContain("王旁听");
    expect(text).toContain("区住房城乡建设委");
    const code = (await org.get(linkPath(m.people.member1.id))).body.code;
    expect(text).toContain(formatJoinCode(code));
    expect(text).toContain(url.replace(/^http:\/\//, ""));
  });

  it("print one tent card (桌牌) per person seated in the room, names told apart", async () => {
    const { org, m } = await setup();
    const path = `/api/meetings/${m.meetingId}/participants`;
    await org.post(path, { name: "张丽", role: "member", sector: "教育界" });
    await org.post(path, { name: "张丽", role: "member", sector: "经济界" });
    const res = await org.get(`/api/meetings/${m.meetingId}/table-cards`);
    expect(res.status).toBe(200);
    expect(res.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, pages } = await pdfText(res.bytes);
    // 5 + 2 people, less the observer.
    expect(pages).toBe(6);
    for (const name of ["沈国帅", "李帅国", "张丽（教育界）", "张丽（经济界）"]) expect(text).toContain(name);
    expect(text).not.toContain("王旁听");
  });
});
