// End to end in a real Chromium, without media: the interpretation channel (传译, issue 24). The
// chair starts an interpretation into 英语 from the console, picking the interpreter among two
// people of the same name (同名区分); a member's phone (375 px) then offers 原声 / 传译（英语）, 原声
// chosen, fitting the screen in Chinese and English; the member's choice survives a reload; the
// interpreter's phone shows 您正在为本场传译（英语） and no choice; the clerk sees who interprets; a
// bad language is refused with the server's message; stopping (by the clerk) hides the choice and
// the banner, and a new interpretation into 英语 finds the member's choice kept on the device.
// Screenshots for review go to YST_INTERP_SHOTS (default test-results/screenshots/interpretation).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openMeetingAsChair } from "./support/chair.ts";
import { openJoinLink, textOf, until } from "./support/page.ts";
import { liveState } from "./support/room.ts";
import { joinUrl } from "../server/src/links/urls.ts";

const SHOTS = process.env.YST_INTERP_SHOTS ?? path.join(import.meta.dirname, "../test-results/screenshots/interpretation");

let app: AppUnderTest;
let browser: Browser;

const open = (name: string, device: typeof PHONE | typeof DESKTOP): Promise<Page> => openJoinLink(browser, app.links.get(name)!, device);

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });
const checked = (page: Page, channel: "floor" | "interpretation") => page.getByTestId(`channel-${channel}`).isChecked();
const choiceTexts = (page: Page) => page.getByTestId("channel-choice").locator("label").allTextContents();

/** Nothing of the choice goes past a 375 px screen, and the page does not scroll sideways. */
async function expectFitsPhone(page: Page): Promise<void> {
  for (const channel of ["floor", "interpretation"] as const) {
    const box = (await page
      .getByTestId("channel-choice")
      .locator("label")
      .filter({ has: page.getByTestId(`channel-${channel}`) })
      .boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

describe("interpretation channel (传译) without media", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("民族团结协商座谈会", [
      { name: "古丽", role: "chair" },
      { name: "阿依努尔", role: "member", sector: "教育界" },
      // Two people of the same name: the picker names them apart.
      { name: "马丽", role: "official", unit: "区民宗局" },
      { name: "马丽", role: "member", sector: "医卫界" },
      { name: "周记", role: "clerk" },
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the chair starts it, a member's phone chooses 原声 / 传译 and keeps the choice, the interpreter sees the banner, stop hides both", async () => {
    const chair = await open("古丽", DESKTOP);
    await openMeetingAsChair(chair);
    const member = await open("阿依努尔", PHONE);
    const clerk = await open("周记", DESKTOP);
    // The official 马丽 (区民宗局) interprets: the links are by name, so hers is issued here.
    const roster = (await liveState(app)).roster;
    const interpreterEntry = roster.find((p) => p.name === "马丽" && p.role === "official")!;
    const token = await app.server.tokens.issue({ participantId: interpreterEntry.id, meetingId: app.meetingId, role: "official" });
    const interpreter = await openJoinLink(browser, joinUrl(app.baseUrl, token), PHONE);

    // Nothing before an interpretation runs.
    expect(await textOf(chair, "interpretation-none")).toBe("未安排传译");
    expect(await member.getByTestId("channel-choice").count()).toBe(0);

    // The chair: the picker names the two 马丽 apart and leaves the chair out.
    const options = await chair.getByTestId("interpretation-person").locator("option").allTextContents();
    expect(options[0]).toBe("选择传译人员（4）");
    expect(options.filter((o) => o.startsWith("马丽")).length).toBe(2);
    expect(new Set(options.filter((o) => o.startsWith("马丽"))).size).toBe(2);
    expect(options.some((o) => o.startsWith("古丽"))).toBe(false);
    await chair.getByTestId("interpretation-search").fill("民宗");
    await until(() => chair.getByTestId("interpretation-person").locator("option").count()).toBe(2);
    await chair.getByTestId("interpretation-person").selectOption(interpreterEntry.id);
    // A language of blanks is not sent; 英语 is.
    await chair.getByTestId("interpretation-language").fill("   ");
    expect(await chair.getByTestId("interpretation-start").isDisabled()).toBe(true);
    await chair.getByTestId("interpretation-language").fill("英语");
    await chair.getByTestId("interpretation-start").click();
    await until(() => textOf(chair, "interpretation-running")).toBe("马丽（区民宗局）正在传译（英语）");
    expect(await textOf(chair, "interpretation-start")).toBe("更换传译");
    await until(() => textOf(clerk, "interpretation-running")).toBe("马丽（区民宗局）正在传译（英语）");
    await chair.evaluate(() => document.querySelector('[data-testid="interpretation-control"]')?.scrollIntoView({ block: "center" }));
    await shot(chair, "interpretation-chair-1366-zh.png");

    // The member's phone: 原声 / 传译（英语）, 原声 chosen, on a 375 px screen.
    await until(() => choiceTexts(member)).toEqual(["原声", "传译（英语）"]);
    expect(await checked(member, "floor")).toBe(true);
    expect(await member.getByTestId("channel-choice").getAttribute("data-channel")).toBe("floor");
    await expectFitsPhone(member);
    await shot(member, "interpretation-member-375-zh.png");
    await member.getByTestId("channel-choice").getByText("传译（英语）").click();
    await until(() => checked(member, "interpretation")).toBe(true);
    expect(await member.evaluate(() => JSON.parse(localStorage.getItem("yst.mediaPrefs") ?? "{}").interpretation)).toBe("英语");

    // Kept over a reload (on this device).
    await member.reload();
    await member.getByTestId("me").waitFor();
    await until(() => checked(member, "interpretation")).toBe(true);
    expect(await member.getByTestId("channel-choice").getAttribute("data-channel")).toBe("interpretation");

    // In English: Floor / Interpretation (English), still fitting.
    await member.getByRole("button", { name: "English" }).click();
    await until(() => choiceTexts(member)).toEqual(["Floor", "Interpretation (English)"]);
    await expectFitsPhone(member);
    await shot(member, "interpretation-member-375-en.png");
    await member.getByRole("button", { name: "中文" }).click();
    await until(() => choiceTexts(member)).toEqual(["原声", "传译（英语）"]);

    // The interpreter: the banner, and no choice of their own (they listen to the floor).
    await until(() => textOf(interpreter, "interpreter-banner")).toContain("您正在为本场传译（英语）");
    expect(await interpreter.getByTestId("channel-choice").count()).toBe(0);
    const banner = (await interpreter.getByTestId("interpreter-banner").boundingBox())!;
    expect(banner.x + banner.width).toBeLessThanOrEqual(375);
    await shot(interpreter, "interpretation-interpreter-375-zh.png");
    // Nobody else has the banner.
    expect(await member.getByTestId("interpreter-banner").count()).toBe(0);

    // A language longer than 20 characters (typed past the field's limit by a modified page) is refused with the server's message.
    await chair.evaluate(() => document.querySelector('[data-testid="interpretation-language"]')?.removeAttribute("maxlength"));
    await chair.getByTestId("interpretation-language").fill("很长很长很长很长很长很长很长很长很长很长很长");
    await chair.getByTestId("interpretation-person").selectOption(interpreterEntry.id);
    await chair.getByTestId("interpretation-start").click();
    await until(() => chair.getByTestId("error-notice").count()).toBe(1);
    expect(await textOf(chair, "error-notice")).toContain("请求格式不正确");
    await until(() => textOf(chair, "interpretation-running")).toMatch(/正在传译（英语）$/);

    // The clerk stops it: the member's choice and the interpreter's banner go.
    await clerk.getByTestId("interpretation-stop").click();
    await until(() => member.getByTestId("channel-choice").count()).toBe(0);
    await until(() => interpreter.getByTestId("interpreter-banner").count()).toBe(0);
    await until(() => textOf(chair, "interpretation-none")).toBe("未安排传译");

    // Into 英语 again (by the other 马丽 this time): the member's device still chooses 传译.
    const other = roster.find((p) => p.name === "马丽" && p.role === "member")!;
    await chair.getByTestId("interpretation-search").fill("");
    await chair.getByTestId("interpretation-person").selectOption(other.id);
    await chair.getByTestId("interpretation-language").fill("英语");
    await chair.getByTestId("interpretation-start").click();
    await until(() => textOf(chair, "interpretation-running")).toMatch(/^马丽（.+）正在传译（英语）$/);
    await until(() => checked(member, "interpretation")).toBe(true);
    // The first interpreter's banner does not come back.
    expect(await interpreter.getByTestId("interpreter-banner").count()).toBe(0);
  }, 120_000);
});
