// End to end in a real Chromium: joining with a join code (入会码). On a phone (375×667) the
// landing page's field takes the code as people type it (lower case, spaces) and shows it grouped;
// a wrong code gets the server's refusal in Chinese; the right one opens the member's meeting, and
// so does the short link /j/<code> a printed QR code carries. At 1366×768 the organiser sees the
// print buttons (invitations, table cards) and the QR dialog with the code; the downloaded
// invitations are a PDF whose first page is rendered to PNG to look at.
import fs from "node:fs";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../core/errors.ts";
import { formatJoinCode } from "../core/links/joinCode.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { ApiClient, createStaff } from "../testing/server/api.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { DESKTOP, launchChromium, PHONE } from "./support/browser.ts";
import { SHOTS, shot, until } from "./support/page.ts";

let app: AppUnderTest;
let browser: Browser;
const ids = new Map<string, string>();

/** In the viewport and not covered: the element itself (or a child) is what a click at its centre hits. */
async function onScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

async function phone(): Promise<Page> {
  return (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
}

const codeOf = async (name: string): Promise<string> => orAbort(await app.server.links.current(app.baseUrl, ids.get(name)!)).code!;

/** The first page of a PDF as a PNG (pdfjs-dist drawing on @napi-rs/canvas). */
async function renderFirstPage(bytes: Buffer, file: string): Promise<void> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = createCanvas(viewport.width, viewport.height);
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  fs.writeFileSync(path.join(SHOTS, file), canvas.toBuffer("image/png"));
  await pdf.destroy();
}

describe("joining with a join code", () => {
  beforeAll(async () => {
    app = await startApp("区政协“老旧小区改造”专题协商会（入会码测试）", [
      { name: "沈国帅", role: "chair" },
      { name: "李帅国", role: "member", sector: "经济界" },
      { name: "张丽", role: "member", sector: "教育界" },
      { name: "张丽", role: "member", sector: "科技界" },
      { name: "刘建国", role: "official", unit: "区住房城乡建设委" },
    ]);
    const rows = await app.server.db.participant.findMany({ where: { meetingId: app.meetingId }, orderBy: { ordinal: "asc" } });
    for (const row of rows) if (!ids.has(row.name)) ids.set(row.name, row.id);
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("on a phone, a wrong code is refused and the typed code joins the member's meeting", async () => {
    const code = await codeOf("李帅国");
    const page = await phone();
    await page.goto(`${app.baseUrl}/`);
    const field = page.getByTestId("join-code");
    await field.waitFor();
    expect(await page.getByLabel("输入入会码").count()).toBe(1);
    await page.getByTestId("join-code").pressSequentially("2345 6789 ab");
    expect(await field.inputValue()).toBe("2345-6789-AB");
    await page.getByTestId("join-code-submit").click();
    await until(() => page.getByTestId("admin-error").textContent()).toContain(ERROR_MESSAGES.JOIN_CODE_INVALID.zh);

    await field.fill("");
    // As someone copies it from paper: lower case, a space between the groups.
    await field.pressSequentially(formatJoinCode(code).toLowerCase().replaceAll("-", " "));
    expect(await field.inputValue()).toBe(formatJoinCode(code));
    expect(await onScreen(field)).toBe(true);
    expect(await onScreen(page.getByTestId("join-code-submit"))).toBe(true);
    await shot(page, "join-code-landing-375.png");
    await page.getByTestId("join-code-submit").click();
    await page.getByTestId("me").waitFor();
    expect(await page.getByTestId("me").textContent()).toBe("李帅国 · 委员");
    expect(new URL(page.url()).pathname).toBe("/meeting");
    // The token is not left in the address bar.
    expect(page.url()).not.toContain("#t=");
    await page.context().close();
  });

  it("the short link of a printed QR code opens the meeting as that person", async () => {
    const link = orAbort(await app.server.links.current(app.baseUrl, ids.get("刘建国")!));
    expect(link.shortUrl).toBe(`${app.baseUrl}/j/${link.code}`);
    const page = await phone();
    await page.goto(link.shortUrl!);
    await page.getByTestId("me").waitFor();
    expect(await page.getByTestId("me").textContent()).toContain("刘建国");
    await page.context().close();
  });

  it("the organiser sees the print buttons and the QR dialog with the code; the invitations are a PDF", async () => {
    await createStaff(app.server, "organiser1", "organiser");
    const api = new ApiClient(app.baseUrl);
    await api.login("organiser1");
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true });
    await context.addCookies([{ name: "yst_session", value: api.session!, url: app.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/admin/meetings/${app.meetingId}/roster`);
    await page.getByTestId("participant-row").first().waitFor();
    for (const id of ["print-invitations", "print-table-cards"]) expect(await onScreen(page.getByTestId(id))).toBe(true);
    expect(await page.getByTestId("print-invitations").textContent()).toBe("打印邀请函");
    expect(await page.getByTestId("print-table-cards").textContent()).toBe("打印桌牌");
    await shot(page, "join-admin-print-buttons-1366.png");

    const row = page.getByTestId("participant-row").filter({ hasText: "李帅国" });
    await row.getByTestId("show-qr").click();
    const dialog = page.getByTestId("qr-dialog");
    await dialog.waitFor();
    const code = await codeOf("李帅国");
    expect(await dialog.getByTestId("join-code-text").textContent()).toBe(formatJoinCode(code));
    expect(await dialog.getByTestId("short-url").inputValue()).toBe(`${app.baseUrl}/j/${code}`);
    expect(await onScreen(dialog.getByTestId("join-code-text"))).toBe(true);
    await shot(page, "join-admin-qr-dialog-1366.png");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    for (const [id, file] of [
      ["print-invitations", "join-invitations-page1.png"],
      ["print-table-cards", "join-table-cards-page1.png"],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
      const bytes = fs.readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await renderFirstPage(bytes, file);
    }
    await context.close();
  });
});
