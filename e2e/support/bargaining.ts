// The bargaining table (工资集体协商) in a browser test: a person's page in the meeting's time zone,
// a clause and a side's column by name, and the table's actions as a person takes them (the
// clause form, an offer with its reason, a chief's acceptance through the confirmation).
import type { Browser, Page } from "playwright-core";
import type { Side } from "../../core/bargaining/schema.ts";
import type { DESKTOP, PHONE } from "./browser.ts";
import { shot } from "./page.ts";

/** The time zone of the bargaining tests' meetings (the server's default, Asia/Shanghai). */
export const BARGAINING_ZONE = "Asia/Shanghai";
export const WIDE = { viewport: { width: 1920, height: 1080 } };

/** Opens a join link in its own context (Chinese, the meeting's zone) and waits for the person's screen. */
export async function openAtTable(browser: Browser, url: string, device: typeof PHONE | typeof DESKTOP | typeof WIDE): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: "zh-CN", timezoneId: BARGAINING_ZONE });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

export const clause = (page: Page, title: string) => page.locator(`[data-testid="bt-clause"][data-clause="${title}"]`);
export const column = (page: Page, title: string, side: Side) => clause(page, title).locator(`[data-testid="bt-column"][data-side="${side}"]`);
export const currentText = (page: Page, title: string, side: Side) =>
  column(page, title, side)
    .getByTestId("bt-current-text")
    .textContent()
    .then((text) => (text ?? "").trim());

/** The presiding chief or the recorder puts a clause on the table. */
export async function addClause(page: Page, title: string) {
  await page.getByTestId("bt-add-clause").click();
  await page.getByTestId("bt-clause-title").fill(title);
  await page.getByTestId("bt-clause-add").click();
  await page.getByTestId("bt-add-clause-form").waitFor({ state: "detached" });
}

/** A representative makes their side's offer on a clause, with its reason if given. */
export async function offer(page: Page, title: string, text: string, reason?: string) {
  await clause(page, title).getByTestId("bt-make-offer").click();
  await clause(page, title).getByTestId("bt-offer-text").fill(text);
  if (reason) await clause(page, title).getByTestId("bt-offer-reason-input").fill(reason);
  await clause(page, title).getByTestId("bt-offer-send").click();
  await clause(page, title).getByTestId("bt-offer-form").waitFor({ state: "detached" });
}

/** A chief accepts a side's current offer through the confirmation. */
export async function accept(page: Page, title: string, side: Side) {
  await column(page, title, side).getByTestId("bt-accept").click();
  await page.getByTestId("bt-confirm-accept-confirm").click();
}

/** A screenshot from the top of the page (an action may have scrolled it). */
export async function shotFromTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}
