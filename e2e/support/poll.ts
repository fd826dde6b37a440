// A poll in a browser test as a voter takes it: the ballot on their page, one option, the receipt.
import type { Page } from "playwright-core";
import { textOf, until } from "./page.ts";

/** Waits for the ballot, chooses `option` (its id: yes, no, abstain, agree …), casts it and waits for 已投票. */
export async function voteOnPage(page: Page, option: string): Promise<void> {
  await until(() => page.getByTestId("ballot").count()).toBe(1);
  await page.locator(`[data-testid="ballot-option"][data-option="${option}"]`).click();
  await page.getByTestId("ballot-submit").click();
  await until(() => textOf(page, "poll-voted")).toContain("已投票");
}
