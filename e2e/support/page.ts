// Pages of a browser test: one context per person (Chinese locale), their screen's text,
// screenshots to look at, and polling with room for a busy two-core test machine.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { AppUnderTest } from "./appServer.ts";
import { DESKTOP, type PHONE } from "./browser.ts";
import { orAbort } from "../../server/src/http/apiError.ts";

export const SHOTS = path.join(import.meta.dirname, "../../test-results/screenshots");

/** Opens a join link in its own context and waits for the person's screen (`me`). */
export async function openJoinLink(browser: Browser, url: string, device: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: "zh-CN", acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

/** Opens the meeting's room display (大屏) at 1920×1080 and waits for it. */
export async function openDisplay(browser: Browser, app: Pick<AppUnderTest, "server" | "baseUrl" | "meetingId">): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(orAbort(await app.server.links.room(app.baseUrl, app.meetingId, "display")).url);
  await page.getByTestId("display").waitFor();
  return page;
}

export const textOf = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });
export const until = <T>(check: () => T | Promise<T>, timeout = 25_000) => expect.poll(check, { timeout, interval: 100 });

/**
 * The speech countdown a member's screen shows: the one in the sticky floor bar, the speaker's
 * own (我的剩余时间) or everyone else's (the floor strip); the speaker card has none there.
 */
export const memberCountdown = (page: Page): Promise<string> =>
  page
    .locator('[data-testid="my-countdown"], [data-testid="floor-strip-countdown"]')
    .first()
    .textContent()
    .then((text) => (text ?? "").trim());

/**
 * Every clock reading visible on the page (an element whose whole text is 4:05 or +0:12), by its
 * test id: a speech must have one countdown on a screen, not two that could disagree.
 */
export const visibleClocks = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.children.length === 0 && /^\+?\d+:\d\d$/.test((el.textContent ?? "").trim()))
      .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((el) => (el as HTMLElement).dataset.testid ?? el.className),
  );
