// The bargaining table (工资集体协商) in a browser test: a person's page in the meeting's time zone,
// a clause and a side's column by name, and the table's actions as a person takes them (the
// clause form, an offer with its reason, a chief's acceptance through the confirmation).
import type { Browser, Page } from "playwright-core";
import type { Side } from "../../core/bargaining/schema.ts";
import type { DESKTOP, PHONE } from "./browser.ts";
import { shot } from "./page.ts";
import { startApp, type AppUnderTest } from "./appServer.ts";

/** The time zone of the bargaining tests' meetings (the server's default, Asia/Shanghai). */
export const BARGAINING_ZONE = "Asia/Shanghai";
export const WIDE = { viewport: { width: 1920, height: 1080 } };

/** Opens a join link in its own context (Chinese, the meeting's zone) and waits for the person's screen. */
export async function openAtTable(browser: Browser, url: string, device: typeof PHONE | typeof DESKTOP | typeof WIDE): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: "zh-CN", timezoneId: BARGAINING_ZONE });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

export const clause = (page: Page, title: string) => page.locator(`[data-testid="bt-clause"][data-clause="${title}"]`);
export const column = (page: Page, title: string, side: Side) => clause(page, title).locator(`[data-testid="bt-column"][data-side="${side}"]`);
export const currentText = (page: Page, title: string, side: Side) =>
  column(page, title, side)
    .getByTestId("bt-current-text")
    .textContent()
    .then((text) => (text ?? "").trim());

/** The presiding chief or the recorder puts a clause on the table. */
export async function addClause(page: Page, title: string) {
  await page.getByTestId("bt-add-clause").click();
  await page.getByTestId("bt-clause-title").fill(title);
  await page.getByTestId("bt-clause-add").click();
  await page.getByTestId("bt-add-clause-form").waitFor({ state: "detached" });
}

/** A representative makes their side's offer on a clause, with its reason if given. */
export async function offer(page: Page, title: string, text: string, reason?: string) {
  await clause(page, title).getByTestId("bt-make-offer").click();
  await clause(page, title).getByTestId("bt-offer-text").fill(text);
  if (reason) await clause(page, title).getByTestId("bt-offer-reason-input").fill(reason);
  await clause(page, title).getByTestId("bt-offer-send").click();
  await clause(page, title).getByTestId("bt-offer-form").waitFor({ state: "detached" });
}

/** A chief accepts a side's current offer through the confirmation. */
export async function accept(page: Page, title: string, side: Side) {
  await column(page, title, side).getByTestId("bt-accept").click();
  await page.getByTestId("bt-confirm-accept-confirm").click();
}

/** A screenshot from the top of the page (an action may have scrolled it). */
export async function shotFromTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

/** The agreement tests' table: 3 + 3 representatives with their chiefs' units, and the recorder. */
export const AGREEMENT_ROSTER = [
  { name: "马文华", role: "member", side: "worker", chief: true, unit: "宁夏塞上农产品有限公司工会" },
  { name: "丁玉梅", role: "member", side: "worker" },
  { name: "杨建军", role: "member", side: "worker" },
  { name: "王立新", role: "member", side: "enterprise", chief: true, unit: "宁夏塞上农产品有限公司" },
  { name: "李娜", role: "member", side: "enterprise" },
  { name: "周强", role: "member", side: "enterprise" },
  { name: "何静", role: "clerk" },
] as const;
export const RAISE = "2027年度职工工资平均增长6%，其中一线职工不低于7%。";

/**
 * Starts a bargaining meeting of AGREEMENT_ROSTER where the table already agreed 工资调整幅度 on
 * RAISE, through the real room (what the table's own tests do in browsers).
 */
export async function agreedTable(title: string): Promise<AppUnderTest> {
  const app = await startApp(title, [...AGREEMENT_ROSTER]);
  await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "bargaining" } });
  const room = await app.server.rooms.get(app.meetingId);
  const ids = new Map(room.current.roster.map((r) => [r.name, r.id]));
  const as = (name: string) => ({ participantId: ids.get(name)!, role: AGREEMENT_ROSTER.find((r) => r.name === name)!.role });
  const ok = async (name: string, command: unknown) => {
    const outcome = await room.submit(as(name), command as never);
    if (!outcome.ok) throw new Error(`${JSON.stringify(command)}: ${JSON.stringify(outcome)}`);
  };
  await ok("何静", { type: "attendance.arrive", participantIds: [...ids.values()], via: "clerk" });
  await ok("马文华", { type: "meeting.open" });
  await ok("马文华", { type: "bargaining.addClause", title: "工资调整幅度" });
  const clauseId = room.current.bargaining.clauses[0]!.clauseId;
  await ok("丁玉梅", { type: "bargaining.offer", clauseId, text: RAISE });
  const offerId = room.current.bargaining.clauses[0]!.offers[0]!.offerId;
  await ok("马文华", { type: "bargaining.accept", clauseId, offerId });
  await ok("王立新", { type: "bargaining.accept", clauseId, offerId });
  return app;
}
