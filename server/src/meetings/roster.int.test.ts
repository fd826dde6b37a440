// The roster over real HTTP: participants by hand (validation, sort orders, account links),
// import from the fixture files (dry run, all-or-nothing, ordinals after the existing roster)
// and export; every change reaches the live meeting's roster.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, persisted } from "../../../testing/server/harness.ts";
import { fileForm, staffClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const FIXTURES = path.resolve(import.meta.dirname, "../roster/fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function setup() {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  const m = await h.createMeeting(t.server);
  const base = `/api/meetings/${m.meetingId}`;
  const importFile = (content: Buffer | string, name: string, dryRun = false) =>
    org.request("POST", `${base}/roster/import?dryRun=${dryRun}`, { form: fileForm(content, name) });
  return { ...t, org, m, base, importFile };
}

describe("participants", () => {
  it("adds a participant after the existing roster, validates fields and account links, and patches (null clears)", async () => {
    const { org, base, server } = await setup();
    const res = await org.post(`${base}/participants`, {
      name: "周建华",
      role: "official",
      unit: "区发改委 主任",
      phone: "0571-8888 6666",
      email: "zhou@example.org",
    });
    expect(res.status).toBe(201);
    expect(res.body.participant).toMatchObject({
      name: "周建华",
      role: "official",
      unit: "区发改委 主任",
      ordinal: 5,
      accountId: null,
      linkRevoked: false,
      chief: false,
    });
    expect(res.body.participant).not.toHaveProperty("linkVersion");
    for (const body of [
      { name: "", role: "member" },
      { name: "某", role: "president" },
      { name: "某", role: "member", phone: "call me" },
      { name: "某", role: "member", email: "not-an-email" },
      { name: "某", role: "member", side: "neutral" },
      { name: "某", role: "member", ordinal: 1 },
      { name: "某", role: "member", accountId: "no-such-account" },
    ]) {
      const bad = await org.post(`${base}/participants`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe("VALIDATION");
    }
    expect(await server.db.participant.count({ where: { name: "某" } })).toBe(0);
    const pid = res.body.participant.id;
    const patched = await org.patch(`${base}/participants/${pid}`, { unit: null, phone: null, party: "民盟" });
    expect(patched.body.participant).toMatchObject({ unit: null, phone: null, party: "民盟", email: "zhou@example.org", name: "周建华" });
    const other = await h.createMeeting(server, "另一个会议");
    expect((await org.patch(`${base}/participants/${other.people.member1.id}`, { name: "改名" })).status).toBe(404);
  });

  it("lists in roster, pinyin or stroke order", async () => {
    const { org, base } = await setup();
    const names = async (sort: string) => (await org.get(`${base}/participants?sort=${sort}`)).body.participants.map((p: { name: string }) => p.name);
    const roster = await names("roster");
    expect(roster).toEqual(["沈国帅", "李帅国", "刘凯", "姜建博", "王旁听"]);
    expect(await names("pinyin")).toEqual(["姜建博", "李帅国", "刘凯", "沈国帅", "王旁听"]);
    // strokes of the surname: 王 4, 刘 6, 李 7, 沈 7, 姜 9
    expect((await names("stroke"))[0]).toBe("王旁听");
    expect((await names("stroke")).at(-1)).toBe("姜建博");
    expect((await org.get(`${base}/participants?sort=random`)).status).toBe(400);
  });

  it("links an account so that its chair sees the meeting", async () => {
    const { org, base, server, url, m } = await setup();
    const { client: chair, account } = await staffClient(server, url, "chair1", "chair");
    expect((await chair.get(base)).status).toBe(403);
    expect((await org.patch(`${base}/participants/${m.people.chair.id}`, { accountId: account.id })).status).toBe(200);
    expect((await chair.get(base)).status).toBe(200);
  });

  it("refuses a second person whom nothing tells apart (409 SAME_NAME_INDISTINCT), by hand as on import", async () => {
    const { org, base, server, m } = await setup();
    const first = await org.post(`${base}/participants`, { name: "张丽", role: "member", household: "3号楼2单元502" });
    expect(first.status).toBe(201);
    const same = await org.post(`${base}/participants`, { name: "张丽", role: "member", household: "3号楼2单元502" });
    expect(same.status).toBe(409);
    expect(same.body.error).toMatchObject({ code: "SAME_NAME_INDISTINCT", message: { zh: expect.stringContaining("无法区分") } });
    const other = await org.post(`${base}/participants`, { name: "张丽", role: "member", household: "5号楼1单元301" });
    expect(other.status).toBe(201);
    // Editing the second into the first's household is refused too; editing a person alone is fine.
    expect((await org.patch(`${base}/participants/${other.body.participant.id}`, { household: "3号楼2单元502" })).body.error.code).toBe("SAME_NAME_INDISTINCT");
    expect((await org.patch(`${base}/participants/${other.body.participant.id}`, { phone: "13900000001" })).status).toBe(200);
    // No household, unit or sector at all still differs from the two with households; a second such 张丽 does not.
    expect((await org.patch(`${base}/participants/${m.people.member1.id}`, { name: "张丽" })).status).toBe(200);
    expect((await org.patch(`${base}/participants/${m.people.member2.id}`, { name: "张丽" })).body.error.code).toBe("SAME_NAME_INDISTINCT");
    expect((await org.patch(`${base}/participants/${m.people.member2.id}`, { name: "张丽", unit: "区司法所" })).status).toBe(200);
    const names = (await persisted(server, m.meetingId)).state.roster.filter((p) => p.name === "张丽").map((p) => p.household ?? p.unit);
    expect(names).toEqual([null, "区司法所", "3号楼2单元502", "5号楼1单元301"]);
  });

  it("roster changes reach the live meeting", async () => {
    const { org, base, server, m, url } = await setup();
    const member = await h.connect(url, m.tokens.member1);
    const added = await org.post(`${base}/participants`, { name: "周建华", role: "official", unit: "区发改委" });
    await org.patch(`${base}/participants/${m.people.member2.id}`, { sector: "教育界" });
    const { state } = await persisted(server, m.meetingId);
    expect(state.roster.find((p) => p.id === added.body.participant.id)).toMatchObject({ name: "周建华", role: "official", unit: "区发改委" });
    expect(state.roster.find((p) => p.id === m.people.member2.id)?.sector).toBe("教育界");
    expect((await member.waitForSeq(state.seq)).roster).toHaveLength(6);
  });
});

describe("roster import and export", () => {
  it("a dry run reports what would be imported and saves nothing", async () => {
    const { importFile, server, m } = await setup();
    const res = await importFile(fixture("cppcc-roster.csv"), "名单.csv", true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 61, dryRun: true, report: [] });
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5);
  });

  it("a row whose name lost a character (王䶮 saved in GBK as 王?) is a warning: nothing is applied until the organiser confirms", async () => {
    const { org, base, server, m } = await setup();
    const lossy = fixture("cppcc-roster-gbk-lossy.csv");
    const send = (query: string) => org.request("POST", `${base}/roster/import?${query}`, { form: fileForm(lossy, "名单.csv") });
    const preview = await send("dryRun=true");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ imported: 61, dryRun: true });
    expect(preview.body.report.map((r: { row: number; field: string; code: string; warning: boolean }) => [r.row, r.field, r.code, r.warning])).toEqual([
      [62, "name", "LOSSY_TEXT", true],
    ]);
    expect(preview.body.report[0].message.zh).toContain("第 62 行：「姓名」“王?”");
    expect(preview.body.report[0].message.en).toContain('Row 62: the "?" in the name "王?"');
    // Not confirmed: refused with the warnings, nothing saved.
    const refused = await send("dryRun=false");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("IMPORT_NEEDS_CONFIRMATION");
    expect(refused.body.error.details).toEqual(preview.body.report);
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5);
    // Confirmed: imported as written.
    const confirmed = await send("acceptWarnings=true");
    expect(confirmed.body).toMatchObject({ imported: 61, dryRun: false });
    expect((await org.get(`${base}/participants`)).body.participants.at(-1)).toMatchObject({ name: "王?", unit: "某研究院 研究员" });
    expect((await persisted(server, m.meetingId)).state.roster).toHaveLength(66);
  });

  it("imports every row (UTF-8 CSV, GBK CSV) after the existing roster, in file order, and the live roster follows", async () => {
    const { importFile, server, m, org, base } = await setup();
    const res = await importFile(fixture("cppcc-roster.csv"), "名单.csv");
    expect(res.body).toMatchObject({ imported: 61, dryRun: false });
    const list = (await org.get(`${base}/participants`)).body.participants;
    expect(list).toHaveLength(66);
    expect(list.map((p: { ordinal: number }) => p.ordinal)).toEqual([...Array(66).keys()]);
    expect(list[5]).toMatchObject({ name: "沈国帅", role: "chair", unit: "区政协 主席" });
    // The same people again (the GBK file) cannot be told apart from those on the roster now: refused.
    const again = await importFile(fixture("cppcc-roster-gbk.csv"), "名单gbk.csv");
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("IMPORT_INVALID");
    expect(again.body.error.details).toHaveLength(60);
    expect(again.body.error.details.every((r: { code: string }) => r.code === "DUPLICATE")).toBe(true);
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(66);
    const { meeting: empty } = await server.meetings.create("GBK 名单", []);
    const gbk = await org.request("POST", `/api/meetings/${empty.id}/roster/import`, { form: fileForm(fixture("cppcc-roster-gbk.csv"), "名单gbk.csv") });
    expect(gbk.body.imported).toBe(60);
    expect((await persisted(server, m.meetingId)).state.roster).toHaveLength(66);
    expect((await persisted(server, empty.id)).state.roster).toHaveLength(60);
  });

  it("imports the largest roster allowed (5000 rows) in one transaction", async () => {
    const { importFile, server, m, logs } = await setup();
    const lines = ["姓名,角色,单位及职务", ...Array.from({ length: 5000 }, (_, i) => `委员${i},委员,单位${i}`)];
    const res = await importFile(lines.join("\n"), "大名单.csv");
    expect(res.status, String((logs.at(-1)?.error as Error | undefined)?.message).slice(0, 800)).toBe(200);
    expect(res.body.imported).toBe(5000);
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5005);
    expect((await persisted(server, m.meetingId)).state.roster).toHaveLength(5005);
  });

  it("imports nothing when any row is bad (400 IMPORT_INVALID with the rows), and refuses other file types and sizes", async () => {
    const { importFile, server, m } = await setup();
    const csv = "姓名,角色,手机\n张三,委员,13800000000\n李四,皇帝,13800000001\n,委员,\n";
    const res = await importFile(csv, "名单.csv");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("IMPORT_INVALID");
    const rows = res.body.error.details.map((r: { row: number; code: string }) => [r.row, r.code]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [3, "UNKNOWN_ROLE"],
        [4, "REQUIRED"],
      ]),
    );
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5);

    const png = await importFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "名单.csv");
    expect(png.status).toBe(415);
    expect(png.body.error.code).toBe("FILE_TYPE_NOT_ALLOWED");
    const big = await importFile(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), "名单.csv");
    expect(big.status).toBe(413);
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5);
  });

  it("exports CSV (UTF-8 with BOM) and XLSX that import again unchanged", async () => {
    const { org, base, importFile, server, m } = await setup();
    await importFile(fixture("cppcc-roster.csv"), "名单.csv");
    const csv = await org.get(`${base}/roster/export?format=csv&sort=pinyin`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString("utf8");
    expect(text).toContain("姓名");
    expect(text).toContain("沈国帅");
    const xlsx = await org.get(`${base}/roster/export?format=xlsx`);
    expect(xlsx.bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect((await org.get(`${base}/roster/export?format=pdf`)).status).toBe(400);

    const { meeting: again } = await server.meetings.create("再导入", []);
    const reimport = await org.request("POST", `/api/meetings/${again.id}/roster/import`, { form: fileForm(xlsx.bytes, "export.xlsx") });
    expect(reimport.status).toBe(200);
    expect(reimport.body.imported).toBe(await server.db.participant.count({ where: { meetingId: m.meetingId } }));
  });
});

describe("表决权重 in roster files", () => {
  it("imports weights from a 专有部分面积 column into the live roster, and exports them in 表决权重", async () => {
    const { importFile, server, m, org, base } = await setup();
    const csv = "姓名,楼栋,单元,户号,专有部分面积（㎡）\n钟玉,1,1,203,89.5\n袁海霞,1,1,1001,120.1234\n孟庆,1,2,903,\n";
    const res = await importFile(csv, "业主名单.csv");
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(3);
    const list = (await org.get(`${base}/participants`)).body.participants;
    expect(list.slice(5).map((p: { name: string; voteWeight: number | null }) => [p.name, p.voteWeight])).toEqual([
      ["钟玉", 89.5],
      ["袁海霞", 120.1234],
      ["孟庆", null],
    ]);
    const { state } = await persisted(server, m.meetingId);
    expect(state.roster.slice(5).map((p) => [p.name, p.household, p.weight])).toEqual([
      ["钟玉", "1号楼1单元203", 89.5],
      ["袁海霞", "1号楼1单元1001", 120.1234],
      ["孟庆", "1号楼2单元903", undefined],
    ]);
    expect(state.roster[7]).not.toHaveProperty("weight");

    const text = (await org.get(`${base}/roster/export?format=csv`)).bytes.toString("utf8");
    const lines = text.replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]?.endsWith(",住址,表决权重")).toBe(true);
    expect(lines.slice(6, 9).map((l) => l.split(",").slice(-2))).toEqual([
      ["1号楼1单元203", "89.5"],
      ["1号楼1单元1001", "120.1234"],
      ["1号楼2单元903", ""],
    ]);
  });

  it("refuses the whole file when a weight is bad, naming each row (400 IMPORT_INVALID, INVALID_WEIGHT)", async () => {
    const { importFile, server, m } = await setup();
    const res = await importFile("姓名,权重\n甲,12.5\n乙,0\n丙,八十\n丁,1.23456\n", "名单.csv");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("IMPORT_INVALID");
    expect(res.body.error.details.map((r: { row: number; field: string; code: string }) => [r.row, r.field, r.code])).toEqual([
      [3, "voteWeight", "INVALID_WEIGHT"],
      [4, "voteWeight", "INVALID_WEIGHT"],
      [5, "voteWeight", "INVALID_WEIGHT"],
    ]);
    expect(res.body.error.details[0].message.zh).toContain("第 3 行：「权重」");
    expect(await server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(5);
  });
});
