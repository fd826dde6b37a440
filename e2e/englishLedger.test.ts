// End to end in a real Chromium at the chair's size (1366×768): the secretariat's ledger in
// English. The filter bar's controls fit their boxes (no text cut off or spilling out), sit in the
// viewport uncovered, and the page's own words use ASCII punctuation (the data here has none).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createStaff, STAFF_PASSWORD } from "../testing/server/api.ts";
import { describeFindings, fullWidthIn } from "../testing/englishText.ts";
import { chinaDay, createDepartment, newLedgerItem } from "../testing/server/ledger.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot } from "./support/page.ts";

let app: AppUnderTest;
let browser: Browser;
let page: Page;

/** Controls of the filter bar whose text does not fit: scrollWidth beyond clientWidth, or the box past its row. */
const cramped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".ledger-filters button, .ledger-filters label, .ledger-filters select, .ledger-filters input")]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ what: `${e.tagName.toLowerCase()}[${e.dataset.testid ?? e.textContent?.trim() ?? ""}]`, scroll: e.scrollWidth, client: e.clientWidth }))
      .filter((e) => e.scroll > e.client),
  );

/** Whether the element is inside the viewport and is what a click at its centre hits. */
const visibleAndUncovered = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((e) => {
    const r = e.getBoundingClientRect();
    const inViewport = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight && r.width > 0 && r.height > 0;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inViewport && hit !== null && (hit === e || e.contains(hit));
  });

/** The filter button shows "Filter" on one line inside its box; every filter control fits; the named ones are in view, uncovered. */
async function fits(page: Page, ...testIds: string[]) {
  const apply = page.getByTestId("ledger-filter-apply");
  expect(await apply.textContent()).toBe("Filter");
  const box = await apply.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, height: e.getBoundingClientRect().height }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  // One line of text: the button is no taller than the search box beside it.
  const input = await page.getByTestId("ledger-filter-q").evaluate((e) => e.getBoundingClientRect().height);
  expect(box.height).toBeLessThanOrEqual(input + 0.5);
  expect(await cramped(page)).toEqual([]);
  for (const id of ["ledger-filter-apply", "ledger-filter-q", ...testIds]) expect(await visibleAndUncovered(page, id), id).toBe(true);
}

describe("the ledger in English at 1366×768", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("区政协专题协商会", [{ name: "主持人", role: "chair" }]);
    await createStaff(app.server, "secretary", "admin");
    const water = await createDepartment(app.server, "区水务局");
    const housing = await createDepartment(app.server, "区住房和城乡建设委员会城市更新与老旧小区改造工作专班");
    await newLedgerItem(app.server, water.id, { title: "雨水管网堵塞", deadline: chinaDay(Date.now(), 2) });
    // Enough items that the page scrolls: the scrollbar takes its width from the filter bar.
    for (let i = 1; i <= 20; i++) await newLedgerItem(app.server, housing.id, { title: `老旧小区加装电梯第${i}批审批` });
    browser = await launchChromium();
    const context = await browser.newContext({ ...DESKTOP, locale: "en-GB" });
    // The language the user chose earlier (the switch stores it): English.
    await context.addInitScript(() => localStorage.setItem("yst.lang", "en"));
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the filter button fits its box and every filter control shows its whole text", async () => {
    await page.goto(`${app.baseUrl}/admin/login`);
    await page.getByLabel("Username").fill("secretary");
    await page.getByLabel("Password").fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByTestId("create-meeting").waitFor();
    await page.goto(`${app.baseUrl}/admin/ledger`);
    await page.getByText("老旧小区加装电梯第20批审批").waitFor();
    // The whole ledger (the page scrolls), then a typed search, which adds the clear button.
    await shot(page, "ledger-filter-en-1366-all.png");
    await fits(page, "ledger-filter-departmentId");
    await page.getByTestId("ledger-filter-q").fill("雨水");
    await page.getByTestId("ledger-filter-apply").click();
    await page.getByTestId("ledger-filter-clear").waitFor();
    await shot(page, "ledger-filter-en-1366.png");
    await fits(page, "ledger-filter-departmentId", "ledger-filter-clear");
  });

  it("on the dashboard, with the state filter too, the filter button fits as well", async () => {
    await page.goto(`${app.baseUrl}/admin/ledger/dashboard?q=${encodeURIComponent("雨水")}`);
    await page.getByTestId("ledger-filter-state").waitFor();
    await page.getByTestId("kpi-total").waitFor();
    await shot(page, "ledger-dashboard-filter-en-1366.png");
    await fits(page, "ledger-filter-state");
  });

  it("the page's words use ASCII punctuation", async () => {
    await page.goto(`${app.baseUrl}/admin/ledger`);
    await page.getByTestId("ledger-filter-apply").waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("Search");
    expect(describeFindings(fullWidthIn("ledger page", text))).toEqual([]);
  });
});
