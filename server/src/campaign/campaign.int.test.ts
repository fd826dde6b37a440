// Consent campaigns over real HTTP and SQLite: one answer per household (the database refuses a
// second row), every change kept, a replayed client id adds nothing, closed campaigns refuse,
// grid workers reach only their community's campaigns, and the reports read back (PDF text with
// pdfjs-dist, XLSX with exceljs).
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, fileForm, gridWorkerClient, staffClient, type Json } from "../../../testing/server/api.ts";
import { twelveHouseholdCampaign } from "../../../testing/server/campaign.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { pdfText } from "../../../testing/server/minutesMeeting.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  let clock = Date.parse("2026-12-20T02:00:00Z");
  const t = await h.startServer({ now: () => clock });
  const { client: org } = await staffClient(t.server, t.url, "secretary", "organiser");
  const fixture = await twelveHouseholdCampaign(org, clock);
  const { client: grid, account } = await gridWorkerClient(t.server, t.url, "grid1", fixture.community.id);
  const base = `/api/campaigns/${fixture.campaign.id}`;
  const record = (client: ApiClient, household: Json, answer: string, extra: Record<string, unknown> = {}) =>
    client.post(`${base}/answers`, {
      clientId: randomUUID(),
      householdId: household.id,
      answer,
      method: "in_person",
      recordedAt: new Date(clock).toISOString(),
      ...extra,
    });
  return { ...t, ...fixture, org, grid, account, base, record, advance: (ms: number) => (clock += ms) };
}

describe("consent campaigns", () => {
  it("counts against all households: 9/12 = 75 % is not passed, the 10th passes; the door list shows who is not reached", async () => {
    const { org, grid, households, base, record } = await setup();
    for (const household of households.slice(0, 9)) expect((await record(grid, household, "agree")).status).toBe(201);
    const nine = (await org.get(`${base}/progress`)).body.progress;
    expect(nine.overall).toEqual({ households: 12, agree: 9, disagree: 0, undecided: 0, notReached: 3 });
    expect(nine.passed).toBe(false);
    expect(nine.notReached.map((x: Json) => `${x.building}${x.room}`)).toEqual(["2号楼202", "2号楼301", "2号楼302"]);
    expect(nine.buildings.map((b: Json) => [b.building, b.agree, b.notReached])).toEqual([
      ["1号楼", 6, 0],
      ["2号楼", 3, 3],
    ]);
    await record(grid, households[9], "agree");
    const ten = (await org.get(`${base}/progress`)).body;
    expect(ten.progress.passed).toBe(true);
    expect(ten.progress.clauses[0]).toMatchObject({ agree: 10, households: 12, passed: true });
    // The grid worker's door list: each household with its answer (the representative from the roster by default).
    const doors = (await grid.get(base)).body.doors;
    expect(doors).toHaveLength(12);
    expect(doors[0]).toMatchObject({
      building: "1号楼",
      unit: "1单元",
      room: "101",
      current: { answer: "agree", representative: "钟玉", method: "in_person", recordedByName: "grid1" },
    });
    expect(doors[11].current).toBeNull();
  });

  it("one answer per household, enforced by the database; a change replaces it and the history keeps every recording", async () => {
    const { org, grid, server, households, base, record, campaign, advance } = await setup();
    const household = households[0];
    expect((await record(grid, household, "undecided", { method: "phone" })).body.change).toMatchObject({ from: null, to: "undecided", method: "phone" });
    advance(3_600_000);
    const changed = await record(grid, household, "agree", { representative: "钟玉（其子代签）" });
    expect(changed.body.change).toMatchObject({ from: "undecided", to: "agree", representative: "钟玉（其子代签）" });
    expect(await server.db.campaignAnswer.count({ where: { campaignId: campaign.id } })).toBe(1);
    const history = (await org.get(`${base}/changes?householdId=${household.id}`)).body.changes;
    expect(history.map((c: Json) => [c.from, c.to, c.method])).toEqual([
      [null, "undecided", "phone"],
      ["undecided", "agree", "in_person"],
    ]);
    // The database itself refuses a second current answer and rewriting the history.
    const row = await server.db.campaignAnswer.findFirstOrThrow({ where: { campaignId: campaign.id } });
    await expect(server.db.campaignAnswer.create({ data: { ...row, id: randomUUID() } })).rejects.toMatchObject({ code: "P2002" });
    const change = await server.db.campaignAnswerChange.findFirstOrThrow({ where: { campaignId: campaign.id } });
    await expect(server.db.$executeRaw`UPDATE "CampaignAnswerChange" SET "toAnswer" = 'disagree' WHERE "id" = ${change.id}`).rejects.toThrow(/never rewritten/);
  });

  it("a replayed client id (offline sync) returns the first outcome and adds nothing; bad input changes nothing", async () => {
    const { grid, server, households, base, campaign } = await setup();
    const body = { clientId: randomUUID(), householdId: households[1].id, answer: "disagree", method: "in_person", recordedAt: "2026-12-20T01:50:00+08:00" };
    const first = await grid.post(`${base}/answers`, body);
    expect(first.status).toBe(201);
    expect(first.body.replayed).toBe(false);
    const [again, twice] = await Promise.all([grid.post(`${base}/answers`, body), grid.post(`${base}/answers`, { ...body, answer: "agree" })]);
    for (const r of [again, twice]) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ change: first.body.change, replayed: true });
    }
    expect(await server.db.campaignAnswerChange.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect((await server.db.campaignAnswer.findFirstOrThrow({ where: { campaignId: campaign.id } })).answer).toBe("disagree");

    for (const bad of [
      { ...body, clientId: "not-a-uuid" },
      { ...body, clientId: randomUUID(), answer: "maybe" },
      { ...body, clientId: randomUUID(), method: "own_link" },
      { ...body, clientId: randomUUID(), extra: 1 },
    ]) {
      const r = await grid.post(`${base}/answers`, bad);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: "VALIDATION", message: { zh: expect.any(String), en: expect.any(String) } });
    }
    expect(await server.db.campaignAnswerChange.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it("refuses answers before the opening and after the close; a replay of an accepted recording still answers", async () => {
    const { org, grid, server, households, base, record, community, advance } = await setup();
    const later = await org.post("/api/campaigns", {
      communityId: community.id,
      title: "加装电梯",
      question: "是否同意加装电梯？",
      opensAt: "2027-01-01T00:00:00Z",
      closesAt: "2027-01-31T00:00:00Z",
      rule: { overall: { num: 2, den: 3 }, buildings: [{ building: null, share: { num: 2, den: 3 } }] },
    });
    expect(later.status).toBe(201);
    const early = await grid.post(`/api/campaigns/${later.body.campaign.id}/answers`, {
      clientId: randomUUID(),
      householdId: households[0].id,
      answer: "agree",
      method: "phone",
      recordedAt: new Date().toISOString(),
    });
    expect(early.body.error.code).toBe("CAMPAIGN_NOT_OPEN");

    const accepted = await record(grid, households[0], "agree");
    expect((await grid.post(`${base}/close`)).status).toBe(403);
    const closed = await org.post(`${base}/close`);
    expect(closed.body.campaign.phase).toBe("closed");
    expect(closed.body.progress.overall.agree).toBe(1);
    const refused = await record(grid, households[1], "agree");
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "CAMPAIGN_CLOSED", message: { zh: expect.stringContaining("已结束") } });
    expect((await org.patch(base, { title: "改名" })).body.error.code).toBe("CAMPAIGN_CLOSED");
    expect((await org.post(`${base}/close`)).body.error.code).toBe("CAMPAIGN_CLOSED");
    const replay = await grid.post(`${base}/answers`, {
      clientId: accepted.body.change.clientId,
      householdId: households[0].id,
      answer: "agree",
      method: "in_person",
      recordedAt: new Date().toISOString(),
    });
    expect(replay.body.replayed).toBe(true);
    expect(await server.db.campaignAnswerChange.count()).toBe(1);

    // Past closesAt a campaign is closed by itself.
    advance(20 * 86_400_000);
    await org.login("secretary");
    const phases = (await org.get(`/api/campaigns?communityId=${community.id}`)).body.campaigns.map((c: Json) => [c.title, c.phase]);
    expect(phases.sort()).toEqual([
      ["加装电梯", "open"],
      ["艺术巷 水电改造方案", "closed"],
    ]);
  });

  it("grid workers reach only their community's campaigns and never the secretariat's views; bad campaigns are refused", async () => {
    const { org, grid, server, url, households, base, record, community, campaign } = await setup();
    const other = await twelveHouseholdCampaign(org, Date.parse("2026-12-20T02:00:00Z"), "香溪美地社区");
    const { client: stranger } = await gridWorkerClient(server, url, "grid2", other.community.id);
    expect((await stranger.get(base)).status).toBe(404);
    expect((await record(stranger, households[0], "agree")).status).toBe(404);
    expect((await stranger.get("/api/campaigns")).body.campaigns.map((c: Json) => c.id)).toEqual([other.campaign.id]);
    // A household of another community is not on this campaign's roster.
    expect((await record(grid, other.households[0], "agree")).body.error.code).toBe("CAMPAIGN_HOUSEHOLD_UNKNOWN");
    for (const path of [`${base}/progress`, `${base}/changes`, `${base}/report.pdf`]) expect((await grid.get(path)).status).toBe(403);
    expect((await grid.post("/api/campaigns", {})).status).toBe(403);

    const valid = {
      communityId: community.id,
      title: "x",
      question: "y",
      opensAt: "2027-01-02T00:00:00Z",
      closesAt: "2027-01-03T00:00:00Z",
      rule: { overall: { num: 4, den: 5 } },
    };
    expect((await org.post("/api/campaigns", { ...valid, closesAt: "2027-01-01T00:00:00Z" })).status).toBe(400);
    expect((await org.post("/api/campaigns", { ...valid, rule: { overall: { num: 6, den: 5 } } })).status).toBe(400);
    expect((await org.post("/api/campaigns", { ...valid, communityId: "nope" })).body.error.code).toBe("COMMUNITY_UNKNOWN");
    expect((await org.post("/api/campaigns", { ...valid, meetingId: "nope" })).body.error.code).toBe("CAMPAIGN_LINK_UNKNOWN");
    expect(await server.db.campaign.count()).toBe(2);
    const edited = await org.patch(base, {
      question: "是否同意改造？",
      rule: { overall: { num: 2, den: 3 }, buildings: [{ building: "2号楼", share: { num: 9, den: 10 } }] },
    });
    expect(edited.body.campaign).toMatchObject({ id: campaign.id, question: "是否同意改造？", rule: { buildings: [{ building: "2号楼" }] } });
  });

  it("a paper form's photo is re-encoded, kept with the recording once, and read by the secretariat", async () => {
    const { org, grid, households, base, record } = await setup();
    const recorded = await record(grid, households[2], "agree", { method: "paper" });
    const clientId = recorded.body.change.clientId;
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const photoPath = `${base}/answers/${clientId}/photo`;
    expect((await grid.request("POST", photoPath, { form: fileForm("not an image", "form.png") })).status).toBe(415);
    expect((await grid.request("POST", photoPath, { form: fileForm(png, "form.png") })).status).toBe(201);
    expect((await grid.request("POST", photoPath, { form: fileForm(png, "form.png") })).body).toEqual({ ok: true, replayed: true });
    const inPerson = (await record(grid, households[3], "agree")).body.change.clientId;
    expect((await grid.request("POST", `${base}/answers/${inPerson}/photo`, { form: fileForm(png, "form.png") })).status).toBe(400);
    const photo = await org.get(photoPath);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect((await sharp(photo.bytes).metadata()).width).toBe(40);
    expect((await org.get(base)).body.doors[2].current.hasPhoto).toBe(true);
  });

  it("reports: the per-building table and the list of answers, as PDF and XLSX", async () => {
    const { org, grid, households, base, record } = await setup();
    for (const household of households.slice(0, 9)) await record(grid, household, "agree");
    await record(grid, households[9], "disagree", { method: "phone" });
    await record(grid, households[10], "undecided");
    await org.post(`${base}/close`);

    const pdf = await org.get(`${base}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(pdf.bytes);
    for (const expected of [
      "艺术巷水电改造方案征询结果",
      "已结束，结果：未通过",
      "全部住户同意9/12=75.0%，要求≥80%：未达到",
      "2号楼63111",
      "合计129111",
      "孙莉同意当面grid1",
      "李强不同意电话",
    ])
      expect(text).toContain(expected);

    const xlsx = await org.get(`${base}/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet("征询结果")!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const table = rows.map((r) => r.slice(1));
    expect(table).toContainEqual(["1号楼", 6, 6, 0, 0, 0, "100.0%"]);
    expect(table).toContainEqual(["2号楼", 6, 3, 1, 1, 1, "50.0%"]);
    expect(table).toContainEqual(["合计", 12, 9, 1, 1, 1, "75.0%"]);
    const list = workbook.getWorksheet("住户意见")!;
    expect(list.rowCount).toBe(12);
    // No unit: a blank cell.
    expect(list.getRow(11).values).toEqual([undefined, "2号楼", undefined, "202", "李强", "不同意", "电话", "grid1", "2026-12-20 10:00"]);
  });

  it("an open campaign's report shows each new answer; the close stores the final report once and downloads send those bytes", async () => {
    const { org, grid, server, households, base, record } = await setup();
    const listed = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await org.get(`${base}/report.xlsx`)).bytes as unknown as ArrayBuffer);
      return workbook.getWorksheet("住户意见")!.rowCount - 1;
    };
    for (const household of households.slice(0, 3)) await record(grid, household, "agree");
    expect(await listed()).toBe(3);
    await record(grid, households[3], "disagree");
    expect(await listed()).toBe(4);
    expect(await server.db.campaignReportFile.count()).toBe(0);

    expect((await org.post(`${base}/close`)).status).toBe(200);
    const stored = await server.db.campaignReportFile.findMany({ orderBy: { format: "asc" } });
    expect(stored.map((r) => r.format)).toEqual(["pdf", "xlsx"]);
    const download = async (format: string) => Buffer.from((await org.get(`${base}/report.${format}`)).bytes);
    const pdf = await download("pdf");
    expect(pdf.equals(Buffer.from(stored[0]!.content))).toBe(true);
    expect((await pdfText(pdf)).includes("已结束")).toBe(true);
    // An answer attempted after the close is refused: the stored report stays the report.
    expect((await record(grid, households[4], "agree")).status).toBe(409);
    expect((await download("pdf")).equals(pdf)).toBe(true);
    expect((await download("xlsx")).equals(Buffer.from(stored[1]!.content))).toBe(true);
    expect(await listed()).toBe(4);
    expect(await server.db.campaignReportFile.count()).toBe(2);
  });

  it("a household answers through its own link (本户链接): issued once, replaced when issued again, refused after the close", async () => {
    const { org, grid, households, base, record, server } = await setup();
    expect((await grid.post(`${base}/links`)).status).toBe(403);
    const issued = await org.post(`${base}/links`);
    expect(issued.status).toBe(201);
    expect(issued.body.links).toHaveLength(12);
    const link = issued.body.links.find((l: Json) => l.householdId === households[4].id);
    expect(link).toMatchObject({ building: "1号楼", unit: "2单元", room: "102", representative: "马兰" });
    const url = new URL(link.url);
    const token = url.pathname.slice("/k/".length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await server.db.campaignLink.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept

    const anonymous = new ApiClient(url.origin);
    const shown = await anonymous.get(`/api/public/campaign-links/${token}`);
    expect(shown.body).toEqual({
      campaign: expect.objectContaining({ title: "艺术巷 水电改造方案", communityName: "艺术巷社区", phase: "open" }),
      household: { building: "1号楼", unit: "2单元", room: "102", representative: "马兰" },
      current: null,
    });
    const body = { clientId: randomUUID(), answer: "agree" };
    const answered = await anonymous.post(`/api/public/campaign-links/${token}/answers`, body);
    expect(answered.status).toBe(201);
    expect(answered.body.change).toMatchObject({
      householdId: households[4].id,
      to: "agree",
      method: "own_link",
      recordedByName: "本户链接",
      representative: "马兰",
    });
    expect((await anonymous.post(`/api/public/campaign-links/${token}/answers`, body)).body.replayed).toBe(true);
    expect((await anonymous.get(`/api/public/campaign-links/${token}`)).body.current).toMatchObject({ answer: "agree", method: "own_link" });
    // Another household's recording is never shown through this link.
    const theirs = (await record(grid, households[0], "disagree")).body.change.clientId;
    expect((await anonymous.post(`/api/public/campaign-links/${token}/answers`, { clientId: theirs, answer: "agree" })).status).toBe(400);

    await org.post(`${base}/links`);
    const replaced = await anonymous.get(`/api/public/campaign-links/${token}`);
    expect(replaced.status).toBe(404);
    expect(replaced.body.error.code).toBe("CAMPAIGN_OWN_LINK_UNKNOWN");
    const fresh = new URL((await org.post(`${base}/links`)).body.links[0].url).pathname.slice("/k/".length);
    await org.post(`${base}/close`);
    const late = await anonymous.post(`/api/public/campaign-links/${fresh}/answers`, { clientId: randomUUID(), answer: "agree" });
    expect(late.body.error.code).toBe("CAMPAIGN_CLOSED");
  });
});
