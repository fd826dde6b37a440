// End to end in a real Chromium against a real server: the first administrator logs in with
// the one-time password, sets a new one, prepares a meeting (details, two agenda items, a
// roster imported from CSV with a dry-run preview), copies a member's personal link, and the
// member opens it on a phone and sees the meeting.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureFirstAdmin } from "../server/src/accounts/firstAdmin.ts";
import { loadConfig } from "../server/src/config/config.ts";
import { createServer, type YishitingServer } from "../server/src/server.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { openMeetingAsChair } from "./support/chair.ts";

// YST_E2E_CLIENT_DIR: a client built elsewhere (to test without rebuilding the shared dist/).
const CLIENT_DIR = process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../dist/client");
const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");
const TITLE = "关于优化营商环境的专题协商会（端到端测试）";
const NEW_PASSWORD = "议事厅-e2e-2026";

// UTF-8, the way a secretariat would save it from a spreadsheet (with a BOM).
const ROSTER_CSV = [
  "姓名,界别,党派,单位及职务,角色,手机",
  "沈国帅,中共,中共,区政协 主席,主持人,",
  "李帅国,中共,中共,某能源控股集团 董事长,委员,13900000100",
  "刘凯,民革,民革,某会计师事务所 合伙人,委员,13900000101",
  "冯建艳,,,区发改委 主任,列席,",
].join("\r\n");
const BAD_CSV = ["姓名,角色,手机", "张三,委员,abc", ",委员,", "李四,校长,"].join("\n");

let server: YishitingServer;
let baseUrl: string;
let dataDir: string;
let oneTimePassword: string;
let browser: Browser;
let desk: BrowserContext;
let page: Page;
let meetingId: string;
let memberLink: string;

/** The participant and link version a join link's token carries. */
function claims(link: string): { sub: string; v: number } {
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("t") ?? "";
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { sub: string; v: number };
  return { sub: payload.sub, v: payload.v };
}

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, name), fullPage: true });

describe("organiser prepares a meeting in the browser", () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(CLIENT_DIR, "index.html"))) throw new Error("dist/client is missing: run `npm run build` first");
    fs.mkdirSync(SHOTS, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-e2e-organiser-"));
    fs.writeFileSync(path.join(dataDir, "名单.csv"), "\uFEFF" + ROSTER_CSV, "utf8");
    fs.writeFileSync(path.join(dataDir, "错误名单.csv"), BAD_CSV, "utf8");
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", YST_DATA_DIR: dataDir, YST_CLIENT_DIR: CLIENT_DIR });
    server = await createServer(config);
    baseUrl = `http://127.0.0.1:${await server.listen()}`;
    // What `npm start` does on a fresh database: the first admin with a one-time password.
    const password = await ensureFirstAdmin(server.db);
    if (!password) throw new Error("expected a fresh database without accounts");
    oneTimePassword = password;
    browser = await launchChromium();
    desk = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    await desk.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    page = await desk.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("the landing page sends staff to the login and participants to their personal link", async () => {
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.locator(".landing").textContent()).toContain("个人参会链接");
    await page.getByTestId("staff-login").click();
    await page.getByTestId("login-form").waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/login");
  });

  it("the first admin logs in with the one-time password and must change it", async () => {
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByTestId("admin-error").textContent()).toContain("用户名或密码错误");

    await page.getByLabel("密码").fill(oneTimePassword);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("forced-password").waitFor();
    await page.getByLabel("当前密码").fill(oneTimePassword);
    // Ten repeated letters pass the length rule but are refused, with the reason under the message.
    await page.getByLabel("新密码", { exact: true }).fill("aaaaaaaaaa");
    await page.getByLabel("再次输入新密码").fill("aaaaaaaaaa");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect.poll(() => page.getByTestId("admin-error").textContent()).toContain("密码太弱");
    expect(await page.getByTestId("password-reason").textContent()).toContain("重复的字符");
    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "保存新密码" }).click();
    await page.getByTestId("create-meeting").waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/meetings");
  });

  it("creates a meeting with two agenda items", async () => {
    await page.getByTestId("create-meeting").click();
    const form = page.getByTestId("meeting-form");
    await form.getByLabel("会议名称").fill(TITLE);
    await form.getByLabel("文号").fill("区政协协商〔2026〕5号");
    await form.getByLabel("会议类型").selectOption({ label: "专题协商会" });
    await form.getByLabel("开始时间").fill("2026-12-10T14:30");
    await form.getByLabel("地点").fill("区政协三楼会议室");
    await form.getByLabel("即席发言时限").fill("8");
    await form.getByLabel("预约发言时限").fill("10");
    await form.getByLabel("插话时限").fill("3");
    await form.getByLabel("允许委员插话").check();
    await shot(page, "organiser-meeting-form-1366.png");
    await page.getByTestId("save-meeting").click();

    await page.getByTestId("add-agenda-form").waitFor();
    meetingId = /\/admin\/meetings\/([^/]+)\/agenda/.exec(page.url())![1]!;
    const stored = await server.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(stored).toMatchObject({
      title: TITLE,
      kind: "topic",
      speechCapSeconds: 480,
      bookedCapSeconds: 600,
      pointOfOrderCapSeconds: 120,
      place: "区政协三楼会议室",
      interjectionCapSeconds: 180,
      membersMayInterject: true,
    });

    for (const [title, presenter, minutes] of [
      ["通报全区营商环境建设情况", "区发改委", "20"],
      ["委员发言", "", "90"],
    ] as const) {
      const add = page.getByTestId("add-agenda-form");
      await add.getByLabel("议题").fill(title);
      await add.getByLabel("报告人").fill(presenter);
      await add.getByLabel("计划时长（分钟）").fill(minutes);
      await add.getByRole("button", { name: "添加议程" }).click();
      await page.getByTestId("agenda-item").filter({ hasText: title }).waitFor();
    }
    expect(await page.getByTestId("agenda-title").allTextContents()).toEqual(["通报全区营商环境建设情况", "委员发言"]);

    // Reorder with the keyboard: focus stays on the moved item's button.
    await page.getByRole("button", { name: "下移“通报全区营商环境建设情况”" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("agenda-title").allTextContents()).toEqual(["委员发言", "通报全区营商环境建设情况"]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("上移“通报全区营商环境建设情况”");
    const order = async () => (await server.db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } })).map((i) => i.title);
    await expect.poll(order).toEqual(["委员发言", "通报全区营商环境建设情况"]);
    await page.keyboard.press("Enter"); // back up again
    await expect.poll(order).toEqual(["通报全区营商环境建设情况", "委员发言"]);
    await shot(page, "organiser-agenda-1366.png");
  });

  it("imports a roster from CSV: a bad file is refused row by row, a good one previewed and confirmed", async () => {
    await page.getByTestId("tab-roster").click();
    await page.getByTestId("import-roster").waitFor(); // open by itself while the roster is empty

    await page.getByTestId("import-input").setInputFiles(path.join(dataDir, "错误名单.csv"));
    const report = page.getByTestId("import-invalid").getByTestId("import-report").locator("tbody tr");
    await expect.poll(() => report.count()).toBe(3);
    const rows = await report.allTextContents();
    expect(rows[0]).toContain("手机");
    expect(rows[1]).toContain("姓名");
    expect(rows[2]).toContain("校长");
    await shot(page, "organiser-import-errors-1366.png");
    expect(await server.db.participant.count({ where: { meetingId } })).toBe(0);

    await page.getByTestId("import-input").setInputFiles(path.join(dataDir, "名单.csv"));
    await expect.poll(() => page.getByTestId("import-preview").textContent()).toContain("可导入 4 人");
    expect(await server.db.participant.count({ where: { meetingId } })).toBe(0); // a dry run only
    await page.getByTestId("confirm-import").click();
    await expect.poll(() => page.getByTestId("participant-row").count()).toBe(4);
    expect(await page.locator("[data-testid=participant-row] th").allTextContents()).toEqual(["沈国帅", "李帅国", "刘凯", "冯建艳"]);
    expect(await page.getByTestId("tab-roster").textContent()).toContain("4");

    await page.getByRole("radio", { name: "姓氏笔画" }).check();
    // 冯 (5 strokes) 刘 (6) 李 (7) 沈 (7)
    await expect.poll(() => page.locator("[data-testid=participant-row] th").allTextContents()).toEqual(["冯建艳", "刘凯", "李帅国", "沈国帅"]);
    await page.getByRole("radio", { name: "名单顺序" }).check();
    await expect.poll(() => page.locator("[data-testid=participant-row] th").first().textContent()).toBe("沈国帅");
  });

  it("plans booked and written speeches in 发言安排 and puts them in order", async () => {
    await page.getByTestId("tab-plan").click();
    const add = page.getByTestId("add-plan-form");
    await add.waitFor();
    // A party that is also the sector (民革 · 民革) is named once.
    for (const [person, item, kind, title, text] of [
      ["刘凯 · 委员 · 民革", "2. 委员发言", "预约发言", "关于小微企业融资的建议", "主席、各位委员：……"],
      ["李帅国 · 委员 · 中共", "2. 委员发言", "预约发言", "关于能源保供的建议", ""],
      ["冯建艳 · 列席", "1. 通报全区营商环境建设情况", "书面发言", "营商环境建设情况的书面说明", "书面说明全文……"],
    ] as const) {
      await add.getByLabel("发言人").selectOption({ label: person });
      await add.getByLabel("议程").selectOption({ label: item });
      await add.getByRole("radio", { name: kind }).check();
      await add.getByLabel("题目").fill(title);
      await add.getByLabel("发言稿").fill(text);
      await add.getByRole("button", { name: "添加发言" }).click();
      await page.getByTestId("plan-entry").filter({ hasText: title }).waitFor();
    }
    // Item 2's booked speeches: 李帅国 moves before 刘凯.
    await page.getByRole("button", { name: "上移“李帅国：关于能源保供的建议”" }).click();
    const item2 = page.getByTestId("plan-group").filter({ hasText: "2. 委员发言" });
    await expect.poll(() => item2.getByTestId("plan-speaker").allTextContents()).toEqual(["李帅国", "刘凯"]);
    expect(await page.getByTestId("plan-group").filter({ hasText: "1. 通报" }).textContent()).toContain("书面");
    const live = (await server.rooms.get(meetingId)).current.plan;
    expect(live.map((p) => [p.title, p.kind])).toEqual([
      ["营商环境建设情况的书面说明", "written"],
      ["关于能源保供的建议", "booked"],
      ["关于小微企业融资的建议", "booked"],
    ]);
    await shot(page, "organiser-speaking-plan-1366.png");
    await page.getByTestId("tab-roster").click();
    await page.getByTestId("participant-row").first().waitFor();
  });

  it("copies a member's personal link and shows the same link with its QR code", async () => {
    const row = page.getByTestId("participant-row").filter({ hasText: "李帅国" });
    await row.getByTestId("copy-link").click();
    await row.getByTestId("copied").waitFor();
    expect(await row.getByTestId("copied").textContent()).toContain("已复制");
    memberLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(memberLink).toMatch(new RegExp(`^${baseUrl}/join#t=`));
    await shot(page, "organiser-roster-copied-1366.png");

    await row.getByTestId("show-qr").click();
    const dialog = page.getByTestId("qr-dialog");
    await dialog.waitFor();
    // Each request signs a fresh token for the same person and link version.
    expect(claims(await dialog.getByTestId("link-url").inputValue())).toEqual(claims(memberLink));
    expect(await dialog.getByTestId("qr-image").getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    await page.screenshot({ path: path.join(SHOTS, "organiser-qr-dialog-1366.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("the member opens the link on a phone and sees the meeting", async () => {
    const phone = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    const member = await phone.newPage();
    await member.goto(memberLink);
    await member.getByTestId("me").waitFor();
    expect(await member.getByTestId("me").textContent()).toBe("李帅国 · 委员");
    expect(await member.locator(".top-bar h1").textContent()).toBe(TITLE);
    expect(new URL(member.url()).pathname).toBe("/meeting"); // the token left the address bar
    await member.screenshot({ path: path.join(SHOTS, "member-from-organiser-link-375.png") });
    await phone.close();
  });

  it("the member registers a written speech before the meeting and sees the one the secretariat booked", async () => {
    const phone = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    const member = await phone.newPage();
    await member.goto(memberLink);
    const panel = member.getByTestId("my-plan");
    await expect.poll(() => panel.getByTestId("my-plan-entry").allTextContents()).toEqual([expect.stringContaining("关于能源保供的建议")]);
    expect(await panel.getByTestId("my-plan-entry").textContent()).toContain("会务组安排");
    await panel.getByTestId("my-plan-written").click();
    await panel.getByTestId("my-plan-item").selectOption({ label: "2. 委员发言" });
    await panel.getByTestId("my-plan-title").fill("关于人才公寓的书面建议");
    await panel.getByTestId("my-plan-text").fill("建议扩大人才公寓供给……");
    await panel.getByTestId("my-plan-submit").click();
    await expect.poll(() => panel.getByTestId("my-plan-entry").count()).toBe(2);
    await member.screenshot({ path: path.join(SHOTS, "member-speech-registration-375.png"), fullPage: true });
    const stored = await server.db.plannedSpeech.findMany({ where: { meetingId, kind: "written", title: "关于人才公寓的书面建议" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.createdBy).toBe(stored[0]!.participantId);
    await phone.close();
  });

  it("a reissued link replaces the old one, which stops working", async () => {
    const row = page.getByTestId("participant-row").filter({ hasText: "李帅国" });
    await row.getByTestId("reissue-link").click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm").click();
    const dialog = page.getByTestId("qr-dialog");
    await dialog.waitFor();
    const fresh = claims(await dialog.getByTestId("link-url").inputValue());
    expect(fresh.sub).toBe(claims(memberLink).sub);
    expect(fresh.v).toBeGreaterThan(claims(memberLink).v);
    await page.keyboard.press("Escape");

    const phone = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    const stale = await phone.newPage();
    await stale.goto(memberLink);
    await stale.getByTestId("refused").waitFor();
    await phone.close();
  });

  it("the chair opens the meeting and advances the agenda; the room display follows", async () => {
    // The organiser's session fetches the chair's link and the display link, as the 会场 tab does.
    const api = async <T>(route: string): Promise<T> => {
      const res = await page.request.get(`${baseUrl}${route}`);
      expect(res.status()).toBe(200);
      return (await res.json()) as T;
    };
    const { participants } = await api<{ participants: { id: string; name: string }[] }>(`/api/meetings/${meetingId}/participants`);
    const chairId = participants.find((p) => p.name === "沈国帅")!.id;
    const chairLink = (await api<{ url: string }>(`/api/meetings/${meetingId}/participants/${chairId}/link`)).url;
    const displayLink = (await api<{ url: string }>(`/api/meetings/${meetingId}/display-link`)).url;

    const chairContext = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    const chair = await chairContext.newPage();
    await chair.goto(chairLink);
    await chair.getByTestId("open-meeting").waitFor();

    const roomContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
    const display = await roomContext.newPage();
    await display.goto(displayLink);
    await expect.poll(() => display.getByTestId("display-item").textContent()).toBe("会议尚未开始");
    expect(await display.locator("button, input, a").count()).toBe(0); // no controls on the big screen

    await openMeetingAsChair(chair);
    await expect.poll(() => display.getByTestId("display-item").textContent()).toContain("1. 通报全区营商环境建设情况");
    await expect.poll(() => chair.getByTestId("current-item").textContent()).toContain("通报全区营商环境建设情况");

    await chair.getByTestId("next-item").click();
    await expect.poll(() => display.getByTestId("display-item").textContent()).toContain("2. 委员发言");
    // 应到 counts the two members (not the chair or the official); a quorum needs both of them.
    expect(await display.getByTestId("expected").textContent()).toBe("2");
    expect(await display.getByTestId("attendance-summary").textContent()).toContain("不足法定人数（需 2 人）");
    await display.screenshot({ path: path.join(SHOTS, "display-light-1920.png") });

    // The dark variant for projectors, then the chair goes back to the first item.
    await display.goto(`${new URL(displayLink).origin}/display?theme=dark${new URL(displayLink).hash}`);
    await expect.poll(() => display.getByTestId("display-item").textContent()).toContain("2. 委员发言");
    await chair.getByTestId("agenda-item").filter({ hasText: "通报全区营商环境建设情况" }).getByRole("button", { name: "转到此议题" }).click();
    await expect.poll(() => display.getByTestId("display-item").textContent()).toContain("1. 通报全区营商环境建设情况");
    await display.screenshot({ path: path.join(SHOTS, "display-dark-1920.png") });
    await chair.screenshot({ path: path.join(SHOTS, "chair-agenda-1366.png") });
    await chairContext.close();
    await roomContext.close();
  });

  it("the 会场 tab re-issues the room display's link (the open display is dropped, the old link refused) and revokes the venue terminal's", async () => {
    await page.getByTestId("tab-venue").click();
    const displayCard = page.getByTestId("display-link");
    const venueCard = page.getByTestId("venue-link");
    const oldDisplay = await displayCard.getByTestId("display-link-url").inputValue();
    expect(oldDisplay).toMatch(/\/display#t=/);
    expect(claims(oldDisplay).sub).toBe(`display:${meetingId}`);
    expect(claims(await venueCard.getByTestId("venue-link-url").inputValue()).sub).toBe(`venue:${meetingId}`);

    const room = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
    const display = await room.newPage();
    await display.goto(oldDisplay);
    await display.getByTestId("display").waitFor();

    await displayCard.getByTestId("reissue-link").click();
    const confirm = page.getByTestId("confirm-dialog");
    expect(await confirm.textContent()).toContain("旧链接立即失效");
    await confirm.getByTestId("confirm").click();
    await expect.poll(() => displayCard.getByTestId("display-link-url").inputValue()).not.toBe(oldDisplay);
    const fresh = await displayCard.getByTestId("display-link-url").inputValue();
    expect(claims(fresh).v).toBeGreaterThan(claims(oldDisplay).v);
    expect(await displayCard.textContent()).toContain("已生成新的大屏链接");
    // The open display is told why, not left waiting to reconnect.
    await display.getByTestId("refused").waitFor();
    expect(await display.getByTestId("refused").textContent()).toContain("链接已被撤销");
    const stale = await room.newPage();
    await stale.goto(oldDisplay);
    await stale.getByTestId("refused").waitFor();
    const again = await room.newPage();
    await again.goto(fresh);
    await again.getByTestId("display").waitFor();

    await venueCard.getByTestId("revoke-link").click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm").click();
    await venueCard.getByTestId("room-link-revoked").waitFor();
    expect(await venueCard.getByTestId("venue-link-url").count()).toBe(0);
    expect(await venueCard.getByTestId("revoke-link").isDisabled()).toBe(true);
    await shot(page, "organiser-venue-links-1366.png");
    // A reload asks the server, which says the same.
    await page.reload();
    await page.getByTestId("tab-venue").click();
    await venueCard.getByTestId("room-link-revoked").waitFor();
    await venueCard.getByTestId("reissue-link").click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm").click();
    await expect.poll(() => venueCard.getByTestId("venue-link-url").inputValue()).toMatch(/\/venue#t=/);
    expect(await venueCard.getByTestId("room-link-revoked").count()).toBe(0);
    await room.close();
  });
});
