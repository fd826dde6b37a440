// End to end in a real Chromium: the organisers change a connected person's role during the
// meeting (PATCH /api/meetings/:id/participants/:pid). The open page follows without a reload:
// the chair console becomes the member screen (请求发言), and back; the page keeps its connection.
// Taken off the roster, the page says why instead of trying to reconnect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

let app: AppUnderTest;
let browser: Browser;
let org: ApiClient;
let page: Page;
let chairId: string;

const setRole = async (role: string) => expect((await org.patch(`/api/meetings/${app.meetingId}/participants/${chairId}`, { role })).status).toBe(200);

describe("a role changed while the page is open", () => {
  beforeAll(async () => {
    app = await startApp("区政协专题协商会（端到端测试：更改角色）", [
      { name: "钟玉", role: "chair" },
      { name: "李明", role: "member" },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    chairId = (await liveState(app)).roster.find((p) => p.name === "钟玉")!.id;
    await submitTo(app, { participantId: chairId, role: "chair" }, { type: "meeting.open" });
    page = await openJoinLink(browser, app.links.get("钟玉")!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the chair console becomes the member screen and back, without a reload", async () => {
    await page.getByTestId("close-meeting").waitFor();
    expect(await textOf(page, "me")).toContain("主持人");
    // A reload would lose this mark.
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await setRole("member");
    await page.getByTestId("request-floor").waitFor();
    await until(() => textOf(page, "me")).toContain("委员");
    expect(await page.getByTestId("close-meeting").count()).toBe(0);
    await page.getByTestId("request-floor").click();
    await until(async () => (await liveState(app)).queue.map((q) => q.participantId)).toEqual([chairId]);

    await setRole("chair");
    await page.getByTestId("close-meeting").waitFor();
    await until(() => textOf(page, "me")).toContain("主持人");
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect(await page.getByTestId("reconnecting-banner").count()).toBe(0);
  });

  it("taken off the roster: the page says so (本设备已断开, NOT_FOUND's words) instead of reconnecting", async () => {
    // No route removes people yet; the room is fed the database's roster (as after any change).
    await app.server.db.participant.delete({ where: { id: chairId } });
    await app.server.rooms.syncConfig(app.meetingId);
    await page.getByTestId("refused").waitFor();
    expect(await textOf(page, "refused")).toMatch(/本设备已断开.*会议或参会人不存在/);
  });
});
