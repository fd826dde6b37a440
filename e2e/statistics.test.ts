// End to end in a real Chromium: after two speeches (one over its cap) and a member who asked and
// withdrew, the chair's console at 1366×768 shows the statistics line without crowding the side
// column, opens the panel, and downloads the CSV with its join token; the clerk's view opens it.
import fs from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Command } from "../core/meeting.ts";
import type { Role } from "../core/roles.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";

const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");
const TITLE = "区政协专题协商会（统计测试）";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
// The server's clock, moved by hand while a speech runs, so speaking times are exact.
let offset = 0;

async function open(name: string): Promise<Page> {
  const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}

async function as(name: string, command: Command): Promise<void> {
  const room = await app.server.rooms.get(app.meetingId);
  const person = room.current.roster.find((p) => p.name === name)!;
  const result = await room.submit({ participantId: person.id, role: person.role }, command);
  if (!result.ok) throw new Error(`${name} ${command.type}: ${result.error.code}`);
}

async function speech(name: string, ms: number): Promise<void> {
  await as(name, { type: "queue.request" });
  const room = await app.server.rooms.get(app.meetingId);
  await as("钟玉", { type: "floor.give", participantId: room.current.roster.find((p) => p.name === name)!.id });
  offset += ms;
  await as("钟玉", { type: "floor.end" });
}

describe("speaking statistics in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const roster: { name: string; role: Role; sector?: string; party?: string }[] = [
      { name: "钟玉", role: "chair" },
      { name: "袁海霞", role: "member", sector: "经济界", party: "民建" },
      { name: "孟庆", role: "member", sector: "教育界" },
      { name: "王晓燕", role: "member", sector: "科技界" },
      { name: "姜建博", role: "clerk" },
    ];
    app = await startApp(TITLE, roster, { now: () => Date.now() + offset });
    browser = await launchChromium();
    await as("钟玉", { type: "meeting.open" });
    await as("钟玉", { type: "floor.setCap", seconds: 30 });
    await speech("袁海霞", 20_000);
    await speech("孟庆", 45_000);
    await as("王晓燕", { type: "queue.request" });
    await as("王晓燕", { type: "queue.withdraw" });
    chair = await open("钟玉");
    clerk = await open("姜建博");
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the chair sees one line, collapsed, and opens the groupings", async () => {
    const panel = chair.getByTestId("stats-panel");
    // Whole seconds, rounded: the real time between the commands adds a few milliseconds.
    await expect.poll(() => chair.getByTestId("stats-overall").textContent()).toBe("发言 2 次 · 共 1:05 · 超时 1 次 · 书面 0 篇");
    expect(await chair.getByTestId("stats-table").count()).toBe(0);
    expect((await panel.boundingBox())!.height).toBeLessThan(110);
    await chair.screenshot({ path: path.join(SHOTS, "chair-stats-collapsed-1366.png") });

    await panel.getByRole("button", { name: "发言统计" }).click();
    const rows = () => chair.getByTestId("stats-table").locator("tbody tr").allTextContents();
    await expect.poll(rows).toEqual(["孟庆10:451", "袁海霞10:200"]);
    await panel.getByRole("tab", { name: "按界别" }).click();
    await expect.poll(rows).toEqual(["教育界10:451", "经济界10:200"]);
    await panel.getByRole("tab", { name: /申请未获发言/ }).click();
    await expect.poll(() => chair.getByTestId("stats-never-spoke").textContent()).toBe("王晓燕");
    // Open, it still fits beside the attendance list without pushing the side column past the screen twice over.
    expect((await panel.boundingBox())!.height).toBeLessThan(420);
    await chair.screenshot({ path: path.join(SHOTS, "chair-stats-open-1366.png") });
  });

  it("导出 CSV downloads the server's file under the meeting's name", async () => {
    const [download] = await Promise.all([chair.waitForEvent("download"), chair.getByTestId("stats-export-csv").click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}-发言统计.csv`);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1)) as string[][];
    expect(rows[0]).toEqual(["分组", "名称", "发言次数", "发言时长", "发言时长（秒）", "超时次数"]);
    expect(rows).toContainEqual(["按人员", "孟庆", "1", "0:45", "45", "1"]);
    expect(rows).toContainEqual(["未获发言", "王晓燕", "", "", "", ""]);
  });

  it("the clerk's view has the panel open", async () => {
    await expect.poll(() => clerk.getByTestId("stats-table").locator("tbody tr").count()).toBe(2);
    await clerk.screenshot({ path: path.join(SHOTS, "clerk-stats-1366.png") });
  });
});
