// End to end in a real Chromium: 委托投票 and 纸质票 in a named per-household poll of a community
// council. 李秀英 (1-102) is away and authorised 王建国 (1-101); the clerk (1366×768) records the
// proxy with its authorisation, and 王建国's 375 px phone shows a second ballot, 代 1-102户 投票,
// under his own. 张伟 (1-103) is in the room without a phone: the clerk enters his paper ballot.
// The clerk's list of voters marks 委托 · 王建国 and 纸质票; the result counts them.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PollDefinition } from "../core/poll/schema.ts";
import type { Actor } from "../core/roles.ts";
import { staffClient } from "../testing/server/api.ts";
import { Harness } from "../testing/server/harness.ts";
import { expectAccessible } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { joinBySocket, liveState, submitTo, voteBySocket } from "./support/room.ts";

const TITLE = "幸福里社区议事会（端到端测试：委托与纸质票）";
const POLL = "关于小区停车管理方案的表决";
const HOUSEHOLDS: [string, string][] = [
  ["王建国", "1-101"],
  ["李秀英", "1-102"],
  ["张伟", "1-103"],
  ["赵丽", "1-104"],
];

let app: AppUnderTest;
let browser: Browser;
let harness: Harness;
let clerk: Page;
let phone: Page;
const ids = new Map<string, string>();
const actor = (name: string, role: Actor["role"]): Actor => ({ participantId: ids.get(name)!, role });

describe("proxies and paper ballots in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      ...HOUSEHOLDS.map(([name, household]) => ({ name, role: "member" as const, household })),
    ]);
    const org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    expect((await org.patch(`/api/meetings/${app.meetingId}`, { kind: "community" })).status).toBe(200);
    for (const p of (await liveState(app)).roster) ids.set(p.name, p.id);
    harness = new Harness();
    browser = await launchChromium();
    clerk = await openJoinLink(browser, app.links.get("文书")!, DESKTOP);
    phone = await openJoinLink(browser, app.links.get("王建国")!, PHONE);
  }, 240_000);

  afterAll(async () => {
    await harness?.cleanup();
    await browser?.close();
    await app?.close();
  });

  it("the clerk records a proxy and enters a paper ballot; the holder votes for both households on his phone", async () => {
    const zhao = await joinBySocket(harness, app, "赵丽");
    await submitTo(app, actor("钟玉", "chair"), { type: "meeting.open" });
    // 张伟 came without a phone: the clerk marks him present.
    await submitTo(app, actor("文书", "clerk"), { type: "attendance.arrive", participantIds: [ids.get("张伟")], via: "clerk" });
    const poll = PollDefinition.parse({
      title: POLL,
      form: "yesNoAbstain",
      secret: false,
      eligibility: { roles: ["member"], absentMayVote: true, side: null, perHousehold: true },
      rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
    });
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.create", poll });
    const pollId = (await liveState(app)).polls.at(-1)!.pollId;
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.open", pollId, confirmed: true });

    // 登记委托: 1-102 (李秀英, away) → 王建国, with the authorisation.
    const item = clerk.getByTestId("poll-item").filter({ hasText: POLL });
    await until(() => item.getAttribute("data-status")).toBe("open");
    expect(await textOf(clerk, "poll-paper-open")).toBe("录入纸质票");
    expect(await textOf(clerk, "poll-proxy-open")).toBe("登记委托");
    await clerk.getByTestId("poll-proxy-open").click();
    await clerk.getByTestId("poll-proxy-unit").selectOption("household:1-102");
    await clerk.getByTestId("poll-proxy-holder").selectOption({ label: "王建国" });
    await clerk.getByTestId("poll-proxy-note").fill("李秀英书面委托王建国，委托书已存档");
    const signedForm = await sharp({ create: { width: 80, height: 60, channels: 3, background: "#eee" } })
      .jpeg()
      .toBuffer();
    await clerk.getByTestId("poll-proxy-photo").setInputFiles({ name: "委托书.jpg", mimeType: "image/jpeg", buffer: signedForm });
    await clerk.getByTestId("poll-proxy-form").scrollIntoViewIfNeeded();
    await shot(clerk, "poll-proxy-form-1366.png");
    await expectAccessible(clerk, "poll-proxy-form-1366.png");
    await clerk.getByTestId("poll-proxy-submit").click();
    await until(() => clerk.getByTestId("poll-proxy-line").allTextContents()).toEqual(["1-102户 委托 王建国"]);
    // The photo went up first and the proxy names it; the clerk can open it again.
    expect((await liveState(app)).polls[0]!.proxies).toMatchObject([
      { unitId: "household:1-102", holderId: ids.get("王建国"), note: "李秀英书面委托王建国，委托书已存档", evidence: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    expect(await textOf(clerk, "poll-proxy-photo-view")).toBe("查看委托书照片");
    const [download] = await Promise.all([clerk.waitForEvent("download"), clerk.getByTestId("poll-proxy-photo-view").click()]);
    expect(download.suggestedFilename()).toMatch(/^委托书-[0-9a-f]{8}\.jpg$/);

    // 王建国's phone: his own ballot, and below it 代 1-102户 投票.
    const proxyBallot = phone.getByTestId("proxy-ballot");
    await until(() => proxyBallot.count()).toBe(1);
    expect(await proxyBallot.getByRole("heading").textContent()).toBe("代 1-102户 投票");
    const own = phone.locator('[data-testid="poll-sheet"] > [data-testid="ballot"]');
    await own.getByTestId("ballot-option").filter({ hasText: "赞成" }).click();
    await own.getByTestId("ballot-submit").click();
    await until(() => phone.getByTestId("poll-voted").count()).toBe(1);
    // His own vote is in; the household he holds the proxy for still waits for its ballot.
    await proxyBallot.scrollIntoViewIfNeeded();
    await shot(phone, "poll-proxy-phone-ballot-375.png");
    await expectAccessible(phone, "poll-proxy-phone-ballot-375.png");
    await phone.getByTestId("proxy-ballot").getByTestId("ballot-option").filter({ hasText: "反对" }).click();
    await phone.getByTestId("proxy-ballot").getByTestId("ballot-submit").click();
    await until(() => textOf(phone, "proxy-voted")).toBe("已代 1-102户 投票");
    await shot(phone, "poll-proxy-phone-375.png");
    await expectAccessible(phone, "poll-proxy-phone-375.png");

    // 录入纸质票 for 1-103 (张伟, in the room without a device).
    await clerk.getByTestId("poll-paper-open").click();
    const form = clerk.getByTestId("poll-paper-form");
    expect(await form.getByTestId("poll-paper-note").inputValue()).toBe("纸质票已存档");
    await form.getByTestId("poll-paper-unit").selectOption("household:1-103");
    await form.getByTestId("ballot-option").filter({ hasText: "弃权" }).click();
    await form.getByTestId("ballot-submit").click();
    await until(() => textOf(clerk, "poll-paper-saved")).toBe("已录入 1-103户 的纸质票");
    await voteBySocket(zhao, pollId, ["yes"]);

    // The clerk's list of voters says how each household voted.
    const marks = async () =>
      Object.fromEntries(
        await clerk.getByTestId("poll-voter").evaluateAll((els) => els.map((el) => [el.textContent?.trim() ?? "", el.getAttribute("data-via") ?? ""])),
      );
    await until(marks).toEqual({ "1-101": "self", "1-102 · 委托 · 王建国": "proxy", "1-103 · 纸质票": "paper", "1-104": "self" });
    await item.scrollIntoViewIfNeeded();
    await shot(clerk, "poll-proxy-clerk-1366.png");
    await expectAccessible(clerk, "poll-proxy-clerk-1366.png");
    // Usable at 1366×768: the panel's buttons and list fit the window's width.
    const box = await clerk.getByTestId("poll-proxy-entry").boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 1366).toBe(true);

    // In English: the same panel, its words in English with ASCII punctuation only, inside the window.
    await clerk.getByRole("button", { name: "English" }).click();
    await until(() => textOf(clerk, "poll-paper-open")).toBe("Enter paper ballot");
    expect(await textOf(clerk, "poll-proxy-open")).toBe("Record proxy");
    expect(await textOf(clerk, "poll-proxy-line")).toBe("household 1-102: proxy held by 王建国");
    expect(await textOf(clerk, "poll-paper-saved")).toBe("Paper ballot of household 1-103 entered");
    await until(marks).toEqual({ "1-101": "self", "1-102 · proxy: 王建国": "proxy", "1-103 · paper ballot": "paper", "1-104": "self" });
    expect(await clerk.getByTestId("poll-proxy-entry").textContent()).not.toMatch(/[：，（）。]/);
    await item.scrollIntoViewIfNeeded();
    await shot(clerk, "poll-proxy-clerk-en-1366.png");
    await expectAccessible(clerk, "poll-proxy-clerk-en-1366.png");
    const boxEn = await clerk.getByTestId("poll-proxy-entry").boundingBox();
    expect(boxEn !== null && boxEn.x + boxEn.width <= 1366).toBe(true);
    await clerk.getByRole("button", { name: "中文" }).click();

    await submitTo(app, actor("钟玉", "chair"), { type: "poll.close", pollId });
    await until(() => item.getAttribute("data-status")).toBe("closed");
    await until(() => textOf(clerk, "poll-counts")).toContain("其中委托投票 1，纸质票 1");
    expect((await liveState(app)).polls[0]!.result).toMatchObject({ ballots: 4, proxies: 1, paper: 1 });
  });
});
