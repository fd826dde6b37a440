// The chair's console in a browser test: weighty actions ask first (ConfirmDialog), and these
// helpers reach the action through its confirmation.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * 宣布开会: below the quorum the console asks first (实到 … of … needed) and the test confirms;
 * at or above the quorum it opens at once.
 */
export async function openMeetingAsChair(chair: Page): Promise<void> {
  await chair.getByTestId("open-meeting").click();
  const dialog = chair.getByTestId("confirm-open-meeting");
  await expect
    .poll(async () => (await dialog.count()) > 0 || (await chair.getByTestId("open-meeting").count()) === 0, { timeout: 20_000, interval: 100 })
    .toBe(true);
  if ((await dialog.count()) > 0) await chair.getByTestId("confirm-open-meeting-confirm").click();
}
