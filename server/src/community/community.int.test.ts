// Communities and households over real HTTP and SQLite: the secretariat creates a community (a
// random public code for the residents' link) and lists its households, unique by building,
// unit and flat (a duplicate adds nothing); grid worker accounts belong to one community, read
// only it and never reach meetings.
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { fileForm, gridWorkerClient, staffClient } from "../../../testing/server/api.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const HOUSEHOLDS = [
  { building: "1号楼", unit: "1单元", room: "203", representative: "钟玉" },
  { building: "1号楼", unit: "1单元", room: "1001", representative: "袁海霞", phone: "13900000001" },
  { building: "2号楼", room: "101", representative: "孟庆" },
];

async function setup() {
  const t = await h.startServer();
  const { client: admin } = await staffClient(t.server, t.url, "admin1", "admin");
  const { client: org } = await staffClient(t.server, t.url, "organiser1", "organiser");
  return { ...t, admin, org };
}

describe("communities and households", () => {
  it("the secretariat creates a community with an unguessable public code and adds its households; duplicates add nothing", async () => {
    const { org, server } = await setup();
    const created = await org.post("/api/communities", { name: "阅海湾社区" });
    expect(created.status).toBe(201);
    const community = created.body.community;
    expect(community).toMatchObject({ name: "阅海湾社区", households: 0 });
    expect(community.publicCode).toMatch(/^[a-z2-9]{16}$/);
    expect((await org.post("/api/communities", { name: "阅海湾社区" })).body.error.code).toBe("COMMUNITY_EXISTS");
    expect((await org.post("/api/communities", { name: "  " })).status).toBe(400);

    const base = `/api/communities/${community.id}/households`;
    const added = await org.post(base, { households: HOUSEHOLDS });
    expect(added.status).toBe(201);
    expect(added.body.households.map((x: { unit: string; phone: string | null }) => [x.unit, x.phone])).toEqual([
      ["1单元", null],
      ["1单元", "13900000001"],
      ["", null],
    ]);
    // Listed twice in one request, or already there: HOUSEHOLD_DUPLICATE naming them, nothing added.
    const twice = await org.post(base, {
      households: [
        { building: "3号楼", room: "1", representative: "甲" },
        { building: "3号楼", room: "1", representative: "乙" },
      ],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "HOUSEHOLD_DUPLICATE", details: ["3号楼 1"] });
    const again = await org.post(base, { households: [{ building: "4号楼", room: "1", representative: "丙" }, HOUSEHOLDS[0]] });
    expect(again.body.error.code).toBe("HOUSEHOLD_DUPLICATE");
    expect(await server.db.household.count()).toBe(3);
    expect((await org.get(`/api/communities/${community.id}`)).body.community.households).toBe(3);
    expect((await org.post("/api/communities/nope/households", { households: HOUSEHOLDS })).status).toBe(404);
    expect((await org.post(base, { households: [] })).status).toBe(400);
  });

  it("imports the households from the community's roster file (UTF-8 CSV, or GBK as Excel saves it): people without a flat are skipped, a half-filled row refuses the whole file", async () => {
    const { org, server } = await setup();
    const community = (await org.post("/api/communities", { name: "阅海湾社区" })).body.community;
    const other = (await org.post("/api/communities", { name: "香溪美地社区" })).body.community;
    const roster = fs.readFileSync(path.join(import.meta.dirname, "../roster/fixtures/community-roster.csv"));
    const imported = await org.request("POST", `/api/communities/${community.id}/households/import`, {
      form: fileForm(roster, "社区议事会名单.csv", "text/csv"),
    });
    expect(imported.status).toBe(201);
    expect(imported.body.skipped).toBe(5);
    expect(imported.body.households).toHaveLength(12);
    expect(imported.body.households[0]).toMatchObject({ building: "1号楼", unit: "1单元", room: "203", representative: "钟玉", phone: null });
    // The same file again: every household is already there, nothing is added.
    expect((await org.request("POST", `/api/communities/${community.id}/households/import`, { form: fileForm(roster, "again.csv") })).body.error.code).toBe(
      "HOUSEHOLD_DUPLICATE",
    );

    const gbk = iconv.encode("楼栋,单元,户号,户代表,联系电话\n5号楼,1单元,101,韦兵,13900000001\n5号楼,,102,吴文海,\n", "gbk");
    const fromGbk = await org.request("POST", `/api/communities/${other.id}/households/import`, { form: fileForm(gbk, "住户.csv") });
    expect(fromGbk.status).toBe(201);
    expect(fromGbk.body.households.map((h: { representative: string; unit: string; phone: string | null }) => [h.representative, h.unit, h.phone])).toEqual([
      ["韦兵", "1单元", "13900000001"],
      ["吴文海", "", null],
    ]);

    const before = await server.db.household.count();
    const half = await org.request("POST", `/api/communities/${other.id}/households/import`, {
      form: fileForm("楼栋,户号,户代表\n6号楼,101,甲\n6号楼,,乙\n", "half.csv"),
    });
    expect(half.status).toBe(400);
    expect(half.body.error).toMatchObject({ code: "IMPORT_INVALID", details: ["line 3: 户号 missing"] });
    const noColumn = await org.request("POST", `/api/communities/${other.id}/households/import`, { form: fileForm("姓名,电话\n甲,1\n", "people.csv") });
    expect(noColumn.body.error.details[0]).toContain("no column for 楼栋, 户号");
    expect(
      (await org.request("POST", `/api/communities/${other.id}/households/import`, { form: fileForm(Buffer.from([0, 1, 2, 3, 0, 0]), "x.csv") })).body.error
        .code,
    ).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(await server.db.household.count()).toBe(before);
  });

  it("a grid worker belongs to one community: reads it and its households, not another's, and never meetings", async () => {
    const { admin, org, server, url } = await setup();
    const mine = (await org.post("/api/communities", { name: "阅海湾社区" })).body.community;
    const other = (await org.post("/api/communities", { name: "香溪美地社区" })).body.community;
    await org.post(`/api/communities/${mine.id}/households`, { households: HOUSEHOLDS });

    // The account needs its community, and only grid workers have one.
    expect((await admin.post("/api/accounts", { username: "grid1", displayName: "网格员小王", role: "gridWorker" })).status).toBe(400);
    expect((await admin.post("/api/accounts", { username: "grid1", displayName: "网格员小王", role: "organiser", communityId: mine.id })).status).toBe(400);
    expect((await admin.post("/api/accounts", { username: "grid1", displayName: "网格员小王", role: "gridWorker", communityId: "nope" })).body.error.code).toBe(
      "COMMUNITY_UNKNOWN",
    );
    const made = await admin.post("/api/accounts", { username: "grid1", displayName: "网格员小王", role: "gridWorker", communityId: mine.id });
    expect(made.status).toBe(201);
    expect(made.body.account).toMatchObject({ role: "gridWorker", communityId: mine.id, communityName: "阅海湾社区" });

    const { client: grid } = await gridWorkerClient(server, url, "grid2", mine.id);
    expect((await grid.get("/api/auth/me")).body.account.communityName).toBe("阅海湾社区");
    expect((await grid.get("/api/communities")).body.communities.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await grid.get(`/api/communities/${mine.id}/households`)).body.households).toHaveLength(3);
    expect((await grid.get(`/api/communities/${other.id}`)).status).toBe(404);
    expect((await grid.get(`/api/communities/${other.id}/households`)).status).toBe(404);
    expect((await grid.post(`/api/communities/${mine.id}/households`, { households: [{ building: "9号楼", room: "1", representative: "丁" }] })).status).toBe(
      403,
    );
    expect((await grid.post("/api/communities", { name: "新社区" })).status).toBe(403);
    // Meetings, the archive and accounts are not theirs.
    expect((await grid.get("/api/meetings")).status).toBe(403);
    expect((await grid.get("/api/accounts")).status).toBe(403);
  });
});
