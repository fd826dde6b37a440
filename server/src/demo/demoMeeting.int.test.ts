// The demo created on first start (npm run quickstart): the meeting with its agenda, the printed
// links, and the ledger's departments; a second start finds them and creates nothing again.
// The links are printed by the start that creates the demo only, and by `npm run demo:links`:
// short links with their join codes (入会码), the long links with `-- --long`.
import { afterEach, describe, expect, it } from "vitest";
import { formatJoinCode } from "../../../core/links/joinCode.ts";
import { ApiClient } from "../../../testing/server/api.ts";
import { runCommand } from "../../../testing/server/command.ts";
import { eventually, Harness, TEST_SECRET } from "../../../testing/server/harness.ts";
import { DEMO_DEPARTMENTS, DEMO_LINK_HOLDERS, DEMO_TITLE, ensureDemoMeeting } from "./demoMeeting.ts";
import { DEMO_COMMUNITY, demoCommunityText, ensureDemoCommunity } from "./demoCommunity.ts";
import { CommunityStore } from "../community/communityStore.ts";

const h = new Harness();
const tokenOf = (url: string | null | undefined) => /#t=(.+)$/.exec(url ?? "")![1]!;
/** The printed short links (<base>/j/<code>) with the join code printed beside each, in order. */
const shortLinks = (output: string) =>
  [...output.matchAll(/ (\S+)\/j\/(\w+)\s+入会码 (\S+)/g)].map(([, base, code, typed]) => ({ base: base!, code: code!, typed: typed! }));
afterEach(() => h.cleanup());

describe("the demo community", () => {
  it("is created once with twelve households; the printed intake link opens its public page", async () => {
    const t = await h.startServer();
    const communities = new CommunityStore(t.server.db, Date.now);
    const community = await ensureDemoCommunity(communities);
    expect(community).toMatchObject({ name: DEMO_COMMUNITY, households: 12 });
    expect((await ensureDemoCommunity(communities)).id).toBe(community.id);
    expect(await t.server.db.community.count()).toBe(1);
    expect(await t.server.db.household.count()).toBe(12);

    const printed = demoCommunityText(community, t.url);
    const link = /(http\S+\/c\/(\w+))$/.exec(printed.trim())!;
    expect(link[1]).toBe(`${t.url}/c/${community.publicCode}`);
    const resident = new ApiClient(t.url);
    const page = await resident.get(`/api/public/communities/${link[2]}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).toContain(DEMO_COMMUNITY);
  });
});

describe("the demo meeting", () => {
  it("is created once with its links, agenda and the ledger's departments", async () => {
    const t = await h.startServer();
    const first = await ensureDemoMeeting(t.server, t.url);
    expect(first.people.map((p) => p.name)).toEqual(DEMO_LINK_HOLDERS);
    expect(first.people.every((p) => p.url.startsWith(`${t.url}/`))).toBe(true);
    // Two links of their own: the display is read-only, the venue terminal's token publishes.
    const [display, venue] = await Promise.all([h.connect(t.url, tokenOf(first.display?.url)), h.connect(t.url, tokenOf(first.venue?.url))]);
    expect([display.welcome.display, display.welcome.venue, venue.welcome.display, venue.welcome.venue]).toEqual([true, false, true, true]);
    expect(first.venue?.url).toMatch(new RegExp(`^${t.url}/venue#t=`));
    // Each with its join code and short link, as the roster page shows them.
    for (const link of [...first.people, first.display!, first.venue!]) expect(link.shortUrl).toBe(`${t.url}/j/${link.code}`);

    const again = await ensureDemoMeeting(t.server, t.url);
    expect(again.people.map((p) => p.name)).toEqual(DEMO_LINK_HOLDERS);
    const meetings = await t.server.db.meeting.findMany({ where: { title: DEMO_TITLE } });
    expect(meetings).toHaveLength(1);
    expect(await t.server.db.agendaItem.count({ where: { meetingId: meetings[0]!.id } })).toBe(3);
    expect((await t.server.ledger.departments.list()).map((d) => d.name).sort()).toEqual([...DEMO_DEPARTMENTS].sort());
  });
});

describe("the demo's links on the console", () => {
  it("are printed on the first start only; later starts print the command that prints them, and it prints working links", async () => {
    const dataDir = h.tempDir();
    // Where the server never ran there is nothing to print (run meanwhile: npm is slow to start).
    const none = runCommand("npm", ["run", "-s", "demo:links"], { YST_DATA_DIR: h.tempDir(), YST_TOKEN_SECRET: "" });
    const first = await h.spawnServer(dataDir, TEST_SECRET, { YST_DEMO: "on" });
    await eventually(() => expect(first.output()).toContain("会务组"));
    // Short links and codes for the six people, the display and the venue terminal; no ~330-character tokens.
    expect(shortLinks(first.output())).toHaveLength(DEMO_LINK_HOLDERS.length + 2);
    expect(first.output()).not.toContain("#t=");
    expect(first.output()).toContain("npm run demo:links -- --long");
    expect(first.output()).toContain("npm run demo:links");
    await first.kill("SIGTERM");

    const second = await h.spawnServer(dataDir, TEST_SECRET, { YST_DEMO: "on" });
    await eventually(() => expect(second.output()).toContain("会务组"));
    expect(second.output()).toContain("npm run demo:links");
    expect(shortLinks(second.output())).toEqual([]);
    expect(second.output()).not.toContain("#t=");

    // While the server runs, with its environment: short links and codes, and with --long the long links too.
    const env = { YST_DATA_DIR: dataDir, YST_TOKEN_SECRET: TEST_SECRET, YST_PUBLIC_URL: second.url, ...(await h.databaseEnv(dataDir)) };
    const [printed, printedLong] = await Promise.all([
      runCommand("npm", ["run", "-s", "demo:links"], env),
      runCommand("npm", ["run", "-s", "demo:links", "--", "--long"], env),
    ]);
    expect(printed.code, printed.output).toBe(0);
    expect(printed.output).not.toContain("#t=");
    const printedShort = shortLinks(printed.output);
    expect(printedShort.map((l) => l.base)).toEqual([...DEMO_LINK_HOLDERS, "display", "venue"].map(() => second.url));
    // Each code is printed grouped for typing (ABCD-EFGH-JK), and is the short link's code.
    for (const l of printedShort) expect(l.typed).toBe(formatJoinCode(l.code));
    // Over real HTTP, what the start page does with a typed code or a scanned /j/<code>: each opens its own person.
    const anyone = new ApiClient(second.url);
    const opened = await Promise.all(
      printedShort.map(async (l) => (await anyone.post("/api/join/code", { code: l.typed })).body as { url: string; kind: string }),
    );
    expect(opened.map((o) => o.kind)).toEqual([...DEMO_LINK_HOLDERS.map(() => "join"), "display", "venue"]);
    const people = await Promise.all(opened.slice(0, DEMO_LINK_HOLDERS.length).map(async (o) => (await h.connect(second.url, tokenOf(o.url))).welcome.me.name));
    expect(people).toEqual(DEMO_LINK_HOLDERS);
    const display = await h.connect(second.url, tokenOf(opened[DEMO_LINK_HOLDERS.length]!.url));
    expect(display.welcome.display).toBe(true);
    expect(printed.output).toMatch(/\/checkin\/\S+#c=/);

    // The long links, asked for: the same people, their tokens working as they are.
    expect(printedLong.code, printedLong.output).toBe(0);
    expect(shortLinks(printedLong.output).map((l) => l.code)).toEqual(printedShort.map((l) => l.code));
    const joins = [...printedLong.output.matchAll(/ (\S+)\/join#t=(\S+)/g)];
    expect(joins.map((m) => m[1])).toEqual(DEMO_LINK_HOLDERS.map(() => second.url));
    const longPeople = await Promise.all(joins.map(async (m) => (await h.connect(second.url, m[2]!)).welcome.me.name));
    expect(longPeople).toEqual(DEMO_LINK_HOLDERS);
    expect(printedLong.output).toMatch(/\/display#t=/);

    expect(await none).toMatchObject({ code: 1, output: expect.stringContaining("npm start") });
  }, 60_000);
});
