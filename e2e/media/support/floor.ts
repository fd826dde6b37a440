// Giving the floor to a member whose page speaks, as the media tests of the built client do.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { send, type TestClient } from "../../../testing/server/harness.ts";

/**
 * The member asks for the floor through their test socket, the chair gives it, and the member's
 * page opens the microphone with a tap (issue 19); resolves once the page says 麦克风已开启.
 * `pageOnly`: the test socket leaves once it has asked, so the page is the member's only connection.
 */
export async function giveFloorToPage(chair: TestClient, member: TestClient, page: Page, { pageOnly = false } = {}): Promise<void> {
  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  if (pageOnly) member.socket.disconnect();
  expect((await send(chair, { type: "floor.give", participantId: member.welcome.me.id })).ok).toBe(true);
  await page.getByTestId("mic-toggle").click();
  await expect.poll(() => page.getByTestId("mic-state").textContent(), { timeout: 15_000 }).toBe("麦克风已开启");
}
