// 音视频设置 in a real Chromium with fake devices (no media server involved): a member on a phone
// lists the fake microphone and camera, tests the microphone (the level meter rises with the
// fake beep and falls to 0 when stopped, the device released), chooses a microphone and
// audio-only mode, which survive a reload; the listen mode shows what is in effect and why, follows
// the browser's network estimate in auto (DevTools network emulation drives navigator.connection)
// and keeps the member's choice; the chair opens the same panel as a dialog; and with the
// permission really refused by Chromium the panel says what to do.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";

const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");
// Each test opens a browser context and waits for real audio; on a shared two-core machine
// that has taken up to 45 s.
const SLOW_MACHINE_MS = 120_000;

// Watches (does not replace) getUserMedia and AudioContext, so the test can tell whether the
// panel really released the microphone. A string: the test's transpiler may add helpers to a
// function's source that do not exist in the page.
const WATCH_MEDIA = `
  window.yst = { streams: [], contexts: [] };
  if (navigator.mediaDevices) {
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      window.yst.streams.push(stream);
      return stream;
    };
  }
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options) { super(options); window.yst.contexts.push(this); }
  };
`;

interface Captured {
  liveTracks: number;
  labels: string[];
  contexts: string[];
}

const captured = (page: Page): Promise<Captured> =>
  page.evaluate(() => {
    const yst = (window as unknown as { yst: { streams: MediaStream[]; contexts: AudioContext[] } }).yst;
    const tracks = yst.streams.flatMap((s) => s.getTracks());
    return {
      liveTracks: tracks.filter((t) => t.readyState === "live").length,
      labels: tracks.map((t) => t.label),
      contexts: yst.contexts.map((c) => c.state),
    };
  });

const level = async (page: Page): Promise<number> => Number(await page.getByTestId("mic-level").getAttribute("aria-valuenow"));
const optionLabels = (page: Page, testId: string): Promise<string[]> => page.getByTestId(testId).locator("option").allTextContents();
/** Screenshots for review (not kept by the tests): the listen mode at 375 px in zh and en. */
const LISTEN_SHOTS = process.env.YST_LISTEN_SHOTS ?? path.join(SHOTS, "listen-mode");
const listenNow = async (page: Page): Promise<string | null> => page.getByTestId("listen-mode-now").textContent();
/** The sheet and the listen mode's status fit a 375 px phone: no sideways scrolling, nothing cut off. */
async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.getByTestId("media-settings").evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  const status = (await page.getByTestId("listen-mode-now").boundingBox())!;
  expect(status.x).toBeGreaterThanOrEqual(0);
  expect(status.x + status.width).toBeLessThanOrEqual(375);
  for (const id of ["listen-auto", "audio-only"]) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
}
const storedPrefs = (page: Page): Promise<unknown> => page.evaluate(() => JSON.parse(localStorage.getItem("yst.mediaPrefs") ?? "null"));

let app: AppUnderTest;
let browser: Browser;
let refusingBrowser: Browser;

async function open(on: Browser, name: string, device: typeof PHONE | typeof DESKTOP): Promise<Page> {
  const context = await on.newContext({ ...device, locale: "zh-CN" });
  await context.addInitScript(WATCH_MEDIA);
  const page = await context.newPage();
  await page.goto(app.links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId("media-settings-open").click();
  await page.getByTestId("media-settings").waitFor();
}

describe("audio and video settings", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("社区议事会（设备测试）", [
      { name: "钟玉", role: "chair" },
      { name: "袁海霞", role: "member", sector: "1号楼" },
      { name: "孟庆", role: "member", sector: "2号楼" },
    ]);
    browser = await launchChromium({ fakeMedia: true });
    refusingBrowser = await launchChromium({ fakeMedia: true, refuseMedia: true });
  });

  afterAll(async () => {
    await browser?.close();
    await refusingBrowser?.close();
    await app?.close();
  });

  it(
    "a member on a phone tests the microphone: the meter rises, and stopping releases the device",
    async () => {
      const member = await open(browser, "袁海霞", PHONE);
      await openSettings(member);
      // A bottom sheet: full width, resting on the bottom edge of the 375×667 screen.
      const sheet = (await member.getByTestId("media-settings").boundingBox())!;
      expect(Math.round(sheet.width)).toBe(375);
      expect(Math.round(sheet.y + sheet.height)).toBe(667);

      // Listed asynchronously (enumerateDevices) once the panel is open.
      await expect.poll(() => optionLabels(member, "mic-select")).toEqual(["默认", "Fake Audio Input 1", "Fake Audio Input 2"]);
      await expect.poll(() => optionLabels(member, "camera-select")).toEqual(["默认", "fake_device_0"]);
      expect(await level(member)).toBe(0);

      await member.getByTestId("mic-test").click();
      await expect.poll(() => member.getByTestId("mic-test").textContent()).toContain("停止测试");
      await expect.poll(() => level(member), { timeout: 10_000 }).toBeGreaterThan(30);
      await expect.poll(() => member.getByTestId("mic-verdict").textContent()).toContain("有声音");
      expect(await captured(member)).toMatchObject({ liveTracks: 1, contexts: ["running"] });
      await member.screenshot({ path: path.join(SHOTS, "media-settings-375.png") });

      await member.getByTestId("mic-test").click();
      expect(await level(member)).toBe(0);
      expect(await member.getByTestId("mic-test").textContent()).toContain("测试麦克风");
      await expect.poll(() => captured(member)).toMatchObject({ liveTracks: 0, contexts: ["closed"] });
      // Stays at 0: nothing is measuring any more.
      await member.waitForTimeout(500);
      expect(await level(member)).toBe(0);

      // Stopped again at once (possibly while the microphone is still opening): nothing stays open.
      await member.getByTestId("mic-test").click();
      await member.getByTestId("mic-test").click();
      await member.waitForTimeout(1000);
      expect(await member.getByTestId("mic-test").textContent()).toContain("测试麦克风");
      expect(await captured(member)).toMatchObject({ liveTracks: 0 });
      expect(await level(member)).toBe(0);
    },
    SLOW_MACHINE_MS,
  );

  it(
    "Escape closes the panel, stops a running test and returns focus to the button",
    async () => {
      const member = await open(browser, "孟庆", PHONE);
      await openSettings(member);
      await member.getByTestId("mic-test").click();
      await expect.poll(() => level(member), { timeout: 10_000 }).toBeGreaterThan(30);
      await member.keyboard.press("Escape");
      await expect.poll(() => member.getByTestId("media-settings").count()).toBe(0);
      await expect.poll(() => captured(member)).toMatchObject({ liveTracks: 0, contexts: ["closed"] });
      expect(await member.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("media-settings-open");
    },
    SLOW_MACHINE_MS,
  );

  it(
    "the chosen microphone is the one tested, and the choices and audio-only mode survive a reload",
    async () => {
      const member = await open(browser, "袁海霞", PHONE);
      await openSettings(member);
      await member.getByTestId("mic-select").selectOption({ label: "Fake Audio Input 2" });
      await member.getByTestId("mic-test").click();
      await expect.poll(async () => (await captured(member)).labels).toEqual(["Fake Audio Input 2"]);
      await member.getByTestId("mic-test").click();

      expect(await member.getByTestId("audio-only").isChecked()).toBe(false);
      await member.getByText("仅音频（弱网）").click();
      expect(await member.getByTestId("audio-only").isChecked()).toBe(true);
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "audioOnly", micId: expect.any(String) });

      await member.reload();
      await member.getByTestId("me").waitFor();
      await openSettings(member);
      expect(await member.getByTestId("audio-only").isChecked()).toBe(true);
      const selected = () => member.getByTestId("mic-select").evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
      await expect.poll(selected).toBe("Fake Audio Input 2");
      // Keyboard: the switch toggles with Space and the choice is saved at once.
      await member.getByTestId("audio-only").focus();
      await member.keyboard.press("Space");
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "full" });
    },
    SLOW_MACHINE_MS,
  );

  it(
    "the listen mode: auto says what is in effect and why, follows the network estimate; the member's choice wins and persists (zh, en, 375 px)",
    async () => {
      fs.mkdirSync(LISTEN_SHOTS, { recursive: true });
      const member = await open(browser, "孟庆", PHONE);
      // Nothing stored yet: auto, with video (headless Chromium estimates a 4g network).
      await openSettings(member);
      expect(await listenNow(member)).toBe("自动：音视频（网络良好）");
      expect(await member.getByTestId("listen-auto").isChecked()).toBe(true);
      expect(await member.getByTestId("audio-only").isChecked()).toBe(false);
      await expectFitsPhone(member);
      await member.screenshot({ path: path.join(LISTEN_SHOTS, "listen-auto-zh-375.png"), animations: "disabled" });

      // A slow network (DevTools emulation, which the page sees through navigator.connection): auto goes to audio only, and says why.
      const cdp = await member.context().newCDPSession(member);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 800,
        downloadThroughput: 50_000 / 8,
        uploadThroughput: 20_000 / 8,
        connectionType: "cellular2g",
      });
      await expect.poll(() => listenNow(member)).toBe("自动：仅音频（网络较慢）");
      expect(await member.getByTestId("listen-auto").isChecked()).toBe(true);
      expect(await member.getByTestId("audio-only").isChecked()).toBe(true);
      await member.screenshot({ path: path.join(LISTEN_SHOTS, "listen-auto-slow-zh-375.png"), animations: "disabled" });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await expect.poll(() => listenNow(member)).toBe("自动：音视频（网络良好）");
      // Nothing was stored by auto's own choices.
      expect(await storedPrefs(member)).toBeNull();

      // The member's own choice: audio only. Auto goes off, and the choice survives a reload.
      await member.getByText("仅音频（弱网）").click();
      expect(await listenNow(member)).toBe("手动：仅音频");
      expect(await member.getByTestId("listen-auto").isChecked()).toBe(false);
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "audioOnly" });
      await member.reload();
      await member.getByTestId("me").waitFor();
      await openSettings(member);
      expect(await listenNow(member)).toBe("手动：仅音频");
      expect(await member.getByTestId("audio-only").isChecked()).toBe(true);
      expect(await member.getByTestId("listen-auto").isChecked()).toBe(false);
      await member.screenshot({ path: path.join(LISTEN_SHOTS, "listen-manual-audio-zh-375.png"), animations: "disabled" });

      // English, on the same phone.
      await member.getByTestId("media-settings-close").click();
      await member.getByRole("button", { name: "English" }).click();
      await openSettings(member);
      expect(await listenNow(member)).toBe("Manual: audio only");
      await expectFitsPhone(member);
      await member.screenshot({ path: path.join(LISTEN_SHOTS, "listen-manual-audio-en-375.png"), animations: "disabled" });
      // Video by hand, then auto again (turning auto off keeps what is in effect, as the member's choice).
      await member.getByTestId("audio-only").click();
      expect(await listenNow(member)).toBe("Manual: audio and video");
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "full" });
      await member.getByTestId("listen-auto").click();
      expect(await listenNow(member)).toBe("Auto: audio and video (good connection)");
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "auto" });
      await member.screenshot({ path: path.join(LISTEN_SHOTS, "listen-auto-en-375.png"), animations: "disabled" });
      await member.getByTestId("listen-auto").click();
      expect(await storedPrefs(member)).toMatchObject({ listenMode: "full" });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 800,
        downloadThroughput: 50_000 / 8,
        uploadThroughput: 20_000 / 8,
        connectionType: "cellular2g",
      });
      await expect
        .poll(() => member.evaluate(() => (navigator as Navigator & { connection?: { effectiveType: string } }).connection?.effectiveType))
        .toBe("3g");
      // The member's choice wins over the network estimate.
      expect(await listenNow(member)).toBe("Manual: audio and video");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await member.getByTestId("media-settings-close").click();
      await member.getByRole("button", { name: "中文" }).click();

      // A device that had audio-only switched on before listener modes existed keeps audio only.
      await member.evaluate(() => localStorage.setItem("yst.mediaPrefs", JSON.stringify({ micId: "default", audioOnly: true })));
      await member.reload();
      await member.getByTestId("me").waitFor();
      await openSettings(member);
      expect(await listenNow(member)).toBe("手动：仅音频");
      expect(await member.getByTestId("audio-only").isChecked()).toBe(true);
    },
    SLOW_MACHINE_MS,
  );

  it(
    "the chair opens the same panel from the console, as a dialog",
    async () => {
      const chair = await open(browser, "钟玉", DESKTOP);
      expect(await chair.getByTestId("media-settings-open").textContent()).toContain("音视频设置");
      await openSettings(chair);
      const dialog = (await chair.getByTestId("media-settings").boundingBox())!;
      expect(dialog.width).toBeLessThanOrEqual(480);
      expect(dialog.y).toBeGreaterThan(0);
      expect(dialog.y + dialog.height).toBeLessThan(768);
      await chair.getByTestId("mic-test").click();
      await expect.poll(() => level(chair), { timeout: 10_000 }).toBeGreaterThan(30);
      await chair.screenshot({ path: path.join(SHOTS, "media-settings-1366.png") });
      await chair.getByTestId("media-settings-close").click();
      await expect.poll(() => captured(chair)).toMatchObject({ liveTracks: 0, contexts: ["closed"] });
    },
    SLOW_MACHINE_MS,
  );

  it(
    "with the microphone permission refused by the browser, the panel says what to do (zh and en)",
    async () => {
      const member = await open(refusingBrowser, "孟庆", PHONE);
      await openSettings(member);
      // Before any permission the browser hides the devices; the panel says how to reveal them.
      expect(await optionLabels(member, "mic-select")).toEqual(["默认"]);
      await member.getByTestId("mic-test").click();
      await expect.poll(() => member.getByTestId("mic-problem").textContent()).toContain("麦克风权限被拒绝：请在浏览器地址栏的权限设置中允许使用麦克风");
      // No meter to read, no "speak now" hint: only the notice and the button to try again.
      expect(await member.getByTestId("mic-level").count()).toBe(0);
      expect(await member.getByTestId("mic-test").textContent()).toContain("测试麦克风");
      expect((await captured(member)).liveTracks).toBe(0);
      await member.screenshot({ path: path.join(SHOTS, "media-settings-refused-375.png") });

      // The top bar now warns before the member is given the floor; opened again, the panel
      // knows of the refusal from the browser before any test.
      await member.getByTestId("media-settings-close").click();
      await expect.poll(() => member.getByTestId("media-settings-open").textContent()).toContain("音视频设置：麦克风已被禁止");
      expect(await member.getByTestId("media-settings-open").getAttribute("data-mic-denied")).toBe("true");
      await member.getByRole("button", { name: "English" }).click();
      await openSettings(member);
      expect(await member.getByTestId("mic-problem").textContent()).toContain("Microphone permission refused");
      await member.screenshot({ path: path.join(SHOTS, "media-settings-refused-en-375.png") });
    },
    SLOW_MACHINE_MS,
  );
});
