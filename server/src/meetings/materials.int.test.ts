// Materials over real HTTP and a real data folder: type by content, size limit, file names
// that try to escape, storage outside the web root, downloads for staff and for participants
// with their join token (and only for their meeting).
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { ApiClient, fileForm, staffClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41), Buffer.from("\n%%EOF\n")]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 9)]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....[Content_Types].xml....word/document.xml....")]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....xl/workbook.xml....")]);

async function setup() {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  const m = await h.createMeeting(t.server);
  const item = (await org.post(`/api/meetings/${m.meetingId}/agenda`, { title: "通报情况", plannedMinutes: 20 })).body.item.id as string;
  const upload = (content: Buffer, name: string, type?: string) =>
    org.request("POST", `/api/meetings/${m.meetingId}/agenda/${item}/materials`, { form: fileForm(content, name, type) });
  const storedFiles = () => {
    const dir = path.join(t.dataDir, "materials", m.meetingId);
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  return { ...t, org, m, item, upload, storedFiles };
}

describe("material uploads", () => {
  it("accepts PDF, PNG, JPEG and DOCX by their content and stores them under a random name in the data folder", async () => {
    const { upload, storedFiles, dataDir, m, org } = await setup();
    const expected = [
      [PDF, "情况通报.pdf", "application/pdf"],
      [PNG, "座位图.png", "image/png"],
      [JPEG, "现场照片.jpg", "image/jpeg"],
      [DOCX, "发言稿.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [PNG, "图片其实是PNG.pdf", "image/png"], // the content decides, not the name
    ] as const;
    for (const [content, name, mimeType] of expected) {
      const res = await upload(content, name, "application/x-whatever");
      expect(res.status, name).toBe(201);
      expect(res.body.material).toEqual({ id: expect.any(String), fileName: name, mimeType, size: content.length });
    }
    const files = storedFiles();
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{32}$/);
    const stored = fs.readFileSync(
      path.join(
        dataDir,
        "materials",
        m.meetingId,
        files.find((f) => fs.statSync(path.join(dataDir, "materials", m.meetingId, f)).size === PDF.length)!,
      ),
    );
    expect(stored.equals(PDF)).toBe(true);
    const agenda = (await org.get(`/api/meetings/${m.meetingId}`)).body.agenda;
    expect(agenda[0].materials.map((x: { fileName: string }) => x.fileName)).toEqual(expected.map(([, name]) => name));
  });

  it("refuses other content with 415 FILE_TYPE_NOT_ALLOWED whatever its name, storing nothing", async () => {
    const { upload, storedFiles, server } = await setup();
    const refused: [Buffer, string][] = [
      [Buffer.from("hello, not a pdf"), "文件.pdf"],
      [Buffer.from("MZ\x90\x00 executable"), "virus.png"],
      [Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "图.svg"],
      [Buffer.from("<html><script>alert(1)</script></html>"), "page.pdf"],
      [ZIP, "表格.docx"], // a ZIP without word/ entries
      [DOCX, "发言稿.zip"], // a Word file must be named .docx
    ];
    for (const [content, name] of refused) {
      const res = await upload(content, name);
      expect(res.status, name).toBe(415);
      expect(res.body.error.code).toBe("FILE_TYPE_NOT_ALLOWED");
    }
    expect(storedFiles()).toEqual([]);
    expect(await server.db.material.count()).toBe(0);
  });

  it("refuses a file over 20 MiB with 413 FILE_TOO_LARGE, storing nothing; exactly 20 MiB is accepted", async () => {
    const { upload, storedFiles, server } = await setup();
    const limit = 20 * 1024 * 1024;
    const big = Buffer.alloc(limit + 1, 0x20);
    PDF.copy(big, 0, 0, 9);
    const res = await upload(big, "太大.pdf");
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("FILE_TOO_LARGE");
    expect(storedFiles()).toEqual([]);
    expect(await server.db.material.count()).toBe(0);
    const justRight = big.subarray(0, limit);
    expect((await upload(justRight, "刚好.pdf")).status).toBe(201);
  });

  it("keeps path-traversal names harmless: the file lands in the meeting's folder and only the last segment is kept as its name", async () => {
    const { upload, storedFiles, dataDir } = await setup();
    const names = ["../../../../etc/passwd.pdf", "..\\..\\..\\evil.pdf", "/abs/path/x.pdf", "a\r\nX-Injected: 1\r\n.pdf"];
    const kept: string[] = [];
    for (const name of names) {
      const res = await upload(PDF, name);
      expect(res.status, `${name} ${JSON.stringify(res.body)}`).toBe(201);
      kept.push(res.body.material.fileName);
    }
    expect(kept.slice(0, 3)).toEqual(["passwd.pdf", "evil.pdf", "x.pdf"]);
    expect(kept[3]).not.toMatch(/[\r\n]/); // the browser's FormData percent-encodes line breaks
    // A name that is nothing but a path ("..", "a/..") leaves no file name at all: no file. A control
    // character or line break in the part header is a malformed request. Both 400, not a crash.
    for (const name of ["..", "a/..", "a\u0000b.pdf", "a\u0007b.pdf"]) {
      const res = await upload(PDF, name);
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
    expect(storedFiles()).toHaveLength(names.length);
    const everything = fs.readdirSync(dataDir, { recursive: true }).map(String);
    expect(everything.filter((f) => /passwd|evil/.test(f))).toEqual([]);
  });

  it("needs a file in field 'file' (400) and an agenda item of that meeting (404)", async () => {
    const { org, m, server } = await setup();
    const form = new FormData();
    form.append("other", new Blob([PDF]), "x.pdf");
    expect((await org.request("POST", `/api/meetings/${m.meetingId}/agenda/nope/materials`, { form: fileForm(PDF, "x.pdf") })).status).toBe(404);
    const items = await server.db.agendaItem.findMany();
    const res = await org.request("POST", `/api/meetings/${m.meetingId}/agenda/${items[0]!.id}/materials`, { form });
    expect(res.status).toBe(400);
    expect((await org.post(`/api/meetings/${m.meetingId}/agenda/${items[0]!.id}/materials`, { file: "x" })).status).toBe(400);
  });
});

describe("material downloads", () => {
  it("serves the file to the meeting's participant with a valid join token, as a download in a sandbox (a PDF's JavaScript never runs on our origin)", async () => {
    const { upload, url, m, org } = await setup();
    const pdf = (await upload(PDF, "情况 通报(1).pdf")).body.material;
    const docx = (await upload(DOCX, "发言稿.docx")).body.material;
    const member = new ApiClient(url);
    const res = await member.get(`/api/meetings/${m.meetingId}/materials/${pdf.id}`, { headers: { Authorization: `Bearer ${m.tokens.member1}` } });
    expect(res.status).toBe(200);
    expect(res.bytes.equals(PDF)).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''${encodeURIComponent("情况 通报").replace(/%20/g, "%20")}%281%29.pdf`,
    );
    const word = await member.get(`/api/meetings/${m.meetingId}/materials/${docx.id}`, { headers: { Authorization: `Bearer ${m.tokens.observer}` } });
    expect(word.status).toBe(200);
    expect(word.headers.get("content-disposition")).toBe(`attachment; filename="___.docx"; filename*=UTF-8''${encodeURIComponent("发言稿.docx")}`);
    expect(word.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    // Staff get the same headers with their session.
    const staff = await org.get(`/api/meetings/${m.meetingId}/materials/${pdf.id}`);
    expect(staff.status).toBe(200);
    expect([staff.headers.get("content-disposition"), staff.headers.get("content-security-policy"), staff.headers.get("x-content-type-options")]).toEqual([
      res.headers.get("content-disposition"),
      "sandbox; default-src 'none'",
      "nosniff",
    ]);
  });

  it("refuses another meeting's token (403), a revoked or re-issued link (401 LINK_REVOKED), a bad token (401) and no credentials (401)", async () => {
    const { upload, url, m, server, org } = await setup();
    const pdf = (await upload(PDF, "材料.pdf")).body.material;
    const other = await h.createMeeting(server, "另一个会议");
    const path_ = `/api/meetings/${m.meetingId}/materials/${pdf.id}`;
    const asBearer = (token: string) => new ApiClient(url).get(path_, { headers: { Authorization: `Bearer ${token}` } });

    const foreign = await asBearer(other.tokens.member1);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("FORBIDDEN");
    const forged = await asBearer(`${m.tokens.member1.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("TOKEN_INVALID");
    expect((await new ApiClient(url).get(path_)).status).toBe(401);

    expect((await org.post(`/api/meetings/${m.meetingId}/participants/${m.people.member1.id}/link/revoke`)).status).toBe(200);
    const revoked = await asBearer(m.tokens.member1);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("LINK_REVOKED");
    expect((await org.post(`/api/meetings/${m.meetingId}/participants/${m.people.member2.id}/link/reissue`)).status).toBe(200);
    expect((await asBearer(m.tokens.member2)).body.error.code).toBe("LINK_REVOKED");
    // A material of another meeting is not reachable through this meeting's path.
    expect((await asBearer(m.tokens.chair)).status).toBe(200);
    expect(
      (await new ApiClient(url).get(`/api/meetings/${other.meetingId}/materials/${pdf.id}`, { headers: { Authorization: `Bearer ${other.tokens.chair}` } }))
        .status,
    ).toBe(404);
  });

  it("deleting a material or its agenda item removes the files from disk", async () => {
    const { upload, org, m, storedFiles, url, item } = await setup();
    const a = (await upload(PDF, "a.pdf")).body.material;
    await upload(PNG, "b.png");
    expect(storedFiles()).toHaveLength(2);
    expect((await org.delete(`/api/meetings/${m.meetingId}/materials/${a.id}`)).status).toBe(200);
    expect(storedFiles()).toHaveLength(1);
    expect(
      (await new ApiClient(url).get(`/api/meetings/${m.meetingId}/materials/${a.id}`, { headers: { Authorization: `Bearer ${m.tokens.chair}` } })).status,
    ).toBe(404);
    expect((await org.delete(`/api/meetings/${m.meetingId}/agenda/${item}`)).status).toBe(200);
    expect(storedFiles()).toEqual([]);
  });
});
