// End to end in a real Chromium: the in-room check-in page (扫码签到) on a phone, through the one
// HTTP client. A replaced code shows the server's refusal in Chinese; the right code lists the
// members not yet present, the person picks their name and confirms, and the live meeting
// records the in-room arrival.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ERROR_MESSAGES } from "../core/errors.ts";
import { launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";

const CODE = "e2e-checkin-code";
let app: AppUnderTest;
let browser: Browser;

async function phone(code: string): Promise<Page> {
  const page = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
  await page.goto(`${app.baseUrl}/checkin/${encodeURIComponent(app.meetingId)}#c=${encodeURIComponent(code)}`);
  return page;
}

describe("check-in by QR code in the browser", () => {
  beforeAll(async () => {
    app = await startApp("社区议事会（签到测试）", [
      { name: "钟玉", role: "chair" },
      { name: "袁海霞", role: "member", unit: "3号楼" },
      { name: "孟庆", role: "member" },
    ]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { checkinSecret: CODE } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the server's refusal for a replaced code", async () => {
    const page = await phone("old-code");
    await expect.poll(() => page.getByTestId("checkin-error").textContent()).toBe(ERROR_MESSAGES.CHECKIN_INVALID.zh);
    await page.context().close();
  });

  it("lists the members not yet present; the one chosen is checked in and the meeting records it", async () => {
    const page = await phone(CODE);
    await page.getByRole("button", { name: /袁海霞/ }).waitFor();
    expect(await page.getByRole("button", { name: /孟庆/ }).count()).toBe(1);
    await page.getByTestId("checkin-filter").fill("袁");
    await page.getByRole("button", { name: /袁海霞/ }).click();
    await page.getByTestId("checkin-confirm").click();
    await page.getByTestId("checkin-done").waitFor();
    expect(await page.getByTestId("checkin-done").textContent()).toContain("袁海霞");
    const room = await app.server.rooms.get(app.meetingId);
    const member = room.current.roster.find((p) => p.name === "袁海霞")!;
    await expect.poll(() => room.current.attendance[member.id]?.status).toBe("present");
    await page.context().close();
  });
});
