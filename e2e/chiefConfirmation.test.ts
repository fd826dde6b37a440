// End to end in a real Chromium: the chiefs sign the adopted agreement themselves. A clause was
// agreed at the table (3 + 3 representatives, the recorder, through the real room), the draft saved
// and the 职工代表大会's vote (passing §36) recorded; each chief opens their own join link — the worker
// chief on a desktop, the enterprise chief on a phone (375 px) — reads the full text with its
// confirmation code on one screen and confirms (确认签署). A representative sees no such card. Both
// signed: the agreement is 已签订 and the enterprise files within 10 days.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { confirmationCode, draftAgreement } from "../core/bargaining/agreement.ts";
import { chinaDate } from "../core/ledger/deadline.ts";
import { AgreementStore } from "../server/src/bargaining/agreement/agreementStore.ts";
import { expectAccessible } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import type { AppUnderTest } from "./support/appServer.ts";
import { agreedTable, RAISE } from "./support/bargaining.ts";
import { SHOTS, openJoinLink, shot, textOf, until } from "./support/page.ts";

const TITLE = "宁夏塞上农产品有限公司工资集体协商（确认签署）";

let app: AppUnderTest;
let browser: Browser;
let code: string;

describe("the chiefs confirm the adopted agreement on their own screens", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await agreedTable(TITLE);
    const room = await app.server.rooms.get(app.meetingId);
    // The secretariat's steps (the admin page's, tested in bargainingAgreement.test.ts): the draft, and the vote that passed §36.
    const store = new AgreementStore(app.server.db, Date.now);
    const content = draftAgreement(TITLE, room.current.roster, room.current.bargaining)!;
    code = confirmationCode(content);
    const by = { name: "秘书处", participantId: null, accountId: null };
    expect((await store.save(app.meetingId, { baseVersion: 0, content, note: null, generated: true }, by)).ok).toBe(true);
    const vote = {
      meetingId: app.meetingId,
      meetingTitle: "职工代表大会",
      pollId: "p1",
      title: "工资专项集体合同草案",
      version: 1,
      secret: true,
      entitled: 30,
      present: 28,
      cast: 28,
      yes: 25,
      no: 2,
      abstain: 1,
      rule: "赞成票超过应到人数的半数",
      pollPassed: true,
      votedOn: chinaDate(Date.now()),
    };
    expect((await store.record(app.meetingId, { kind: "vote", vote }, by)).ok).toBe(true);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a representative sees no confirmation", async () => {
    const page = await openJoinLink(browser, app.links.get("丁玉梅")!, PHONE);
    await page.getByTestId("bargaining-table").waitFor();
    expect(await page.getByTestId("chief-confirmation").count()).toBe(0);
    await page.context().close();
  });

  it("the worker chief reads the full text with its code on one screen and confirms", async () => {
    const page = await openJoinLink(browser, app.links.get("马文华")!, DESKTOP);
    await page.getByTestId("chief-confirmation-open").click();
    const screen = page.getByTestId("chief-confirmation-screen");
    await screen.waitFor();
    const text = await textOf(page, "chief-confirmation-text");
    for (const part of ["工资专项集体合同（草案）", "第一条", "工资调整幅度", RAISE, "合同期限", "乙方首席代表（签字）", "马文华"])
      expect(text).toContain(part);
    expect(await textOf(page, "chief-confirmation-code")).toBe(code);
    // 确认签署 in view without scrolling the text.
    expect(await page.getByTestId("chief-confirmation-confirm").isVisible()).toBe(true);
    await shot(page, "chief-confirmation-desktop.png");
    await expectAccessible(page, "chief-confirmation-desktop.png");
    await page.getByTestId("chief-confirmation-confirm").click();
    await until(() => textOf(page, "chief-confirmation-done")).toContain("您已于");
    expect(await textOf(page, "chief-confirmation-other")).toContain("等待企业方首席代表确认签署");
    await page.context().close();
  });

  it("the enterprise chief confirms on a phone: 已签订, filing due in 10 days", async () => {
    const page = await openJoinLink(browser, app.links.get("王立新")!, PHONE);
    expect(await textOf(page, "chief-confirmation-other")).toContain("马文华");
    await page.getByTestId("chief-confirmation-open").click();
    await page.getByTestId("chief-confirmation-screen").waitFor();
    expect(await page.getByTestId("chief-confirmation-confirm").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await textOf(page, "chief-confirmation-code")).toBe(code);
    await shot(page, "chief-confirmation-phone.png");
    await expectAccessible(page, "chief-confirmation-phone.png");
    await page.getByTestId("chief-confirmation-confirm").click();
    await until(() => textOf(page, "chief-confirmation-signed")).toContain("双方已签订");
    const row = await app.server.db.bargainingAgreement.findUniqueOrThrow({ where: { meetingId: app.meetingId } });
    expect(row).toMatchObject({ workerSignedVia: "chief", enterpriseSignedVia: "chief", enterpriseSignedName: "王立新" });
    const status = new AgreementStore(app.server.db, Date.now).status(row);
    expect(status).toMatchObject({ state: "signed", daysLeft: 10 });
    await page.context().close();
  });
});
