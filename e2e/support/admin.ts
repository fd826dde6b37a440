// The admin app in a browser test: a staff account signs in on the page it was sent to.
import type { Page } from "playwright-core";
import { STAFF_PASSWORD } from "../../testing/server/api.ts";

/** Opens `url` (an admin page), signs in as `username` and leaves the page there. */
export async function signInToAdmin(page: Page, url: string, username: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
