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

/** The organiser ("secretariat") signs in at /admin/login; resolves once the meetings list is shown. */
export async function signInAsOrganiser(page: Page, baseUrl: string): Promise<void> {
  await signInToAdmin(page, `${baseUrl}/admin/login`, "secretariat");
  await page.getByTestId("meetings-upcoming").or(page.getByTestId("meetings-live")).first().waitFor();
}
