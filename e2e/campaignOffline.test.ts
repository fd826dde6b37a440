// End to end in a real Chromium: a grid worker (网格员) on a 375 px phone opens the door page of a
// consent campaign online once; its service worker (client/src/offline/sw.ts) keeps the app shell
// and the boot reads. In a dead spot (context.setOffline) the page is RELOADED: the door list as
// last loaded (another worker's answer recorded meanwhile is not there: it is the kept copy) with
// 离线 · 数据更新于 HH:MM. Two answers are recorded offline, one 纸质签字 with a photo (queued in
// IndexedDB, not localStorage); another reload offline still shows them 待同步. Back online they are
// sent: the server has each exactly once, the photo attached. Logging out forgets the kept copies;
// a meeting member's phone never gets the service worker.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { gridWorkerClient, staffClient, STAFF_PASSWORD, type ApiClient, type Json } from "../testing/server/api.ts";
import { twelveHouseholdCampaign, type CampaignFixture } from "../testing/server/campaign.ts";
import { expectAccessible } from "./support/a11y.ts";
import { launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, SHOTS, shot, textOf, until } from "./support/page.ts";

const COPIES = "yst-offline-copies";

let app: AppUnderTest;
let browser: Browser;
let fixture: CampaignFixture;
let secretariat: ApiClient;
let otherWorker: ApiClient;
let context: BrowserContext;
let phone: Page;
let queued: { clientId: string; householdId: string; photoBytes: number | null }[] = [];

const door = (household: string) => phone.locator(`[data-testid="door"][data-household="${household}"]`);
const stateOf = (household: string) => door(household).getAttribute("data-state");
const householdId = (building: string, room: string, unit = "") =>
  fixture.households.find((h: Json) => h.building === building && h.unit === unit && h.room === room).id as string;

/** The URLs (paths) the service worker keeps copies of, in the phone's Cache Storage. */
const keptCopies = () =>
  phone.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
  }, COPIES);

/** The offline queue as IndexedDB holds it on the phone. */
const phoneQueue = () =>
  phone.evaluate(
    () =>
      new Promise<{ clientId: string; householdId: string; photoBytes: number | null }[]>((resolve, reject) => {
        const open = indexedDB.open("yst-campaign");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("queue").objectStore("queue").get("queue");
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const list = (read.result ?? []) as { clientId: string; householdId: string; photo?: unknown }[];
            resolve(list.map((a) => ({ clientId: a.clientId, householdId: a.householdId, photoBytes: a.photo instanceof Blob ? a.photo.size : null })));
            open.result.close();
          };
        };
      }),
  );

const changes = async (): Promise<Json[]> => (await secretariat.get(`/api/campaigns/${fixture.campaign.id}/changes`)).body.changes;

describe("a grid worker's door page reopened offline", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("社区议事会（端到端测试：离线敲门）", [{ name: "主持人", role: "chair" }]);
    secretariat = (await staffClient(app.server, app.baseUrl, "secretary", "organiser")).client;
    fixture = await twelveHouseholdCampaign(secretariat, Date.now());
    await gridWorkerClient(app.server, app.baseUrl, "grid-phone", fixture.community.id);
    otherWorker = (await gridWorkerClient(app.server, app.baseUrl, "grid-other", fixture.community.id)).client;
    browser = await launchChromium();
    context = await browser.newContext({ ...PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    phone = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the grid worker opens the door page online: the service worker (scope /admin/) keeps the session and the door list", async () => {
    await phone.goto(`${app.baseUrl}/admin/login`);
    await phone.getByLabel("用户名").fill("grid-phone");
    await phone.getByLabel("密码").fill(STAFF_PASSWORD);
    await phone.getByRole("button", { name: "登录" }).click();
    await phone.getByTestId("campaign-link").filter({ hasText: "艺术巷 水电改造方案" }).click();
    await phone.getByTestId("campaign-doors").waitFor();
    expect(await phone.getByTestId("door").count()).toBe(12);

    await until(() => phone.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${app.baseUrl}/sw.js`);
    expect(await phone.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${app.baseUrl}/admin/`);
    await until(keptCopies).toEqual(["/api/auth/me", `/api/campaigns/${fixture.campaign.id}`]);
    expect(await phone.getByTestId("doors-offline").count()).toBe(0);

    // The worker script is revalidated on every check, never cached for long.
    const script = await fetch(`${app.baseUrl}/sw.js`);
    expect(script.headers.get("cache-control")).toBe("no-cache");
    expect(script.headers.get("content-type")).toContain("javascript");
  });

  it("offline, the page is reloaded: the door list as last loaded, 离线 · 数据更新于 HH:MM", async () => {
    await context.setOffline(true);
    // Meanwhile another grid worker records 1号楼 1单元 101: the phone cannot know yet.
    const recorded = await otherWorker.post(`/api/campaigns/${fixture.campaign.id}/answers`, {
      clientId: crypto.randomUUID(),
      householdId: householdId("1号楼", "101", "1单元"),
      answer: "agree",
      method: "in_person",
      recordedAt: new Date().toISOString(),
    });
    expect(recorded.status).toBe(201);

    await phone.reload();
    await phone.getByTestId("campaign-doors").waitFor();
    expect(await phone.getByTestId("door").count()).toBe(12);
    expect(await stateOf("1号楼 1单元 101")).toBe("none");
    expect(await textOf(phone, "doors-reached")).toBe("已走访 0 / 12 户");
    const storedAt = await phone.evaluate(async ({ name, path }) => (await (await caches.open(name)).match(path))?.headers.get("X-Yst-Offline-Copy") ?? null, {
      name: COPIES,
      path: `/api/campaigns/${fixture.campaign.id}`,
    });
    const asOf = new Date(storedAt!).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });
    expect(await textOf(phone, "doors-data-time")).toBe(`离线 · 数据更新于 ${asOf}`);
    expect(await textOf(phone, "doors-offline")).toBe(`离线 · 数据更新于 ${asOf} 登记内容保存在本机，联网后自动同步`);

    // The dead spot is real: a page outside /admin does not load.
    const elsewhere = await context.newPage();
    await expect(elsewhere.goto(`${app.baseUrl}/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await elsewhere.close();
  });

  it("two answers recorded offline, one 纸质签字 with a photo, wait in IndexedDB and survive another reload offline", async () => {
    await door("2号楼 101").click();
    let form = phone.getByTestId("record-form");
    await form.getByLabel("同意", { exact: true }).check();
    await form.getByRole("button", { name: "登记" }).click();
    await form.waitFor({ state: "detached" });

    await door("2号楼 102").click();
    form = phone.getByTestId("record-form");
    await form.getByLabel("不同意", { exact: true }).check();
    await form.getByLabel("走访方式").selectOption({ label: "纸质签字" });
    const signedForm = await sharp({ create: { width: 2400, height: 3200, channels: 3, background: "#f4f1ea" } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await form.getByLabel("签字表照片").setInputFiles({ name: "form.jpg", mimeType: "image/jpeg", buffer: signedForm });
    await until(() => textOf(phone, "record-photo")).toMatch(/^已附照片（\d+ KB）$/);
    await form.getByRole("button", { name: "登记" }).click();
    await form.waitFor({ state: "detached" });

    expect(await stateOf("2号楼 101")).toBe("pending");
    expect(await stateOf("2号楼 102")).toBe("pending");
    expect(await textOf(phone, "doors-pending")).toBe("2 条待同步");
    queued = await phoneQueue();
    expect(queued.map((q) => q.householdId)).toEqual([householdId("2号楼", "101"), householdId("2号楼", "102")]);
    expect(queued[0]!.photoBytes).toBeNull();
    expect(queued[1]!.photoBytes).toBeGreaterThan(0);
    expect(await phone.evaluate(() => localStorage.getItem("yst.campaign.queue"))).toBeNull();

    await phone.reload();
    await phone.getByTestId("campaign-doors").waitFor();
    await until(() => textOf(phone, "doors-pending")).toBe("2 条待同步");
    expect(await stateOf("2号楼 101")).toBe("pending");
    expect(await door("2号楼 102").textContent()).toContain("待同步");
    expect(await phone.getByTestId("doors-offline").isVisible()).toBe(true);
    expect(await changes()).toHaveLength(1);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shot(phone, "campaign-phone-reopened-offline-zh.png");
    await expectAccessible(phone, "campaign-phone-reopened-offline-zh.png");
  });

  it("back online, both are sent and the server has each exactly once, the photo attached", async () => {
    await context.setOffline(false);
    await until(() => phone.getByTestId("doors-pending").count()).toBe(0);
    expect(await stateOf("2号楼 101")).toBe("agree");
    expect(await stateOf("2号楼 102")).toBe("disagree");
    // The fresh door list: the other worker's answer is there, the offline notice gone.
    await until(() => stateOf("1号楼 1单元 101")).toBe("agree");
    await until(() => phone.getByTestId("doors-offline").count()).toBe(0);
    expect(await textOf(phone, "doors-reached")).toBe("已走访 3 / 12 户");

    const all = await changes();
    expect(all).toHaveLength(3);
    for (const { clientId } of queued) expect(all.filter((c) => c.clientId === clientId)).toHaveLength(1);
    const paper = all.find((c) => c.clientId === queued[1]!.clientId)!;
    expect(paper).toMatchObject({ to: "disagree", method: "paper", hasPhoto: true, recordedByName: "grid-phone" });
    const photo = await secretariat.get(`/api/campaigns/${fixture.campaign.id}/answers/${queued[1]!.clientId}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    // Shrunk on the phone (≤ 1600 px) before it was queued.
    const { width, height } = await sharp(photo.bytes).metadata();
    expect([width, height]).toEqual([1200, 1600]);
    expect(await phoneQueue()).toEqual([]);
  });

  it("logging out forgets the kept copies; signing in again on the door page keeps them anew", async () => {
    await phone.getByTestId("account-menu").click();
    await phone.getByTestId("logout").click();
    await phone.getByTestId("login-form").waitFor();
    await until(keptCopies).toEqual([]);

    // The same tab, still under the service worker: the session is read again for the copy.
    await phone.getByLabel("用户名").fill("grid-phone");
    await phone.getByLabel("密码").fill(STAFF_PASSWORD);
    await phone.getByRole("button", { name: "登录" }).click();
    await phone.getByTestId("campaign-link").filter({ hasText: "艺术巷 水电改造方案" }).click();
    await phone.getByTestId("campaign-doors").waitFor();
    await until(keptCopies).toEqual(["/api/auth/me", `/api/campaigns/${fixture.campaign.id}`]);
  });

  it("a meeting page is never under it: not on the grid worker's phone, not registered by a member's", async () => {
    const meetingOnPhone = await context.newPage();
    await meetingOnPhone.goto(app.links.get("主持人")!);
    await meetingOnPhone.getByTestId("me").waitFor();
    expect(await meetingOnPhone.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    const member = await openJoinLink(browser, app.links.get("主持人")!, PHONE);
    expect(await member.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await member.evaluate(() => caches.keys())).toEqual([]);
  });
});
