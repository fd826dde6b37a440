// The demo created on first start (npm run quickstart): the meeting with its agenda, the printed
// links, and the ledger's departments; a second start finds them and creates nothing again.
// The links are printed by the start that creates the demo only, and by `npm run demo:links`.
import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "../../../testing/server/command.ts";
import { eventually, Harness, TEST_SECRET } from "../../../testing/server/harness.ts";
import { DEMO_DEPARTMENTS, DEMO_LINK_HOLDERS, DEMO_TITLE, ensureDemoMeeting } from "./demoMeeting.ts";

const h = new Harness();
const tokenOf = (url: string | null) => /#t=(.+)$/.exec(url ?? "")![1]!;
afterEach(() => h.cleanup());

describe("the demo meeting", () => {
  it("is created once with its links, agenda and the ledger's departments", async () => {
    const t = await h.startServer();
    const first = await ensureDemoMeeting(t.server, t.url);
    expect(first.people.map((p) => p.name)).toEqual(DEMO_LINK_HOLDERS);
    expect(first.people.every((p) => p.url.startsWith(`${t.url}/`))).toBe(true);
    // Two links of their own: the display is read-only, the venue terminal's token publishes.
    const [display, venue] = await Promise.all([h.connect(t.url, tokenOf(first.display)), h.connect(t.url, tokenOf(first.venue))]);
    expect([display.welcome.display, display.welcome.venue, venue.welcome.display, venue.welcome.venue]).toEqual([true, false, true, true]);
    expect(first.venue).toMatch(new RegExp(`^${t.url}/venue#t=`));

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
    expect(first.output().match(/\/join#t=/g)).toHaveLength(DEMO_LINK_HOLDERS.length);
    expect(first.output()).toMatch(/\/display#t=/);
    expect(first.output()).toContain("npm run demo:links");
    await first.kill("SIGTERM");

    const second = await h.spawnServer(dataDir, TEST_SECRET, { YST_DEMO: "on" });
    await eventually(() => expect(second.output()).toContain("会务组"));
    expect(second.output()).toContain("npm run demo:links");
    expect(second.output()).not.toContain("#t=");

    // While the server runs, with its environment.
    const printed = await runCommand("npm", ["run", "-s", "demo:links"], { YST_DATA_DIR: dataDir, YST_TOKEN_SECRET: TEST_SECRET, YST_PUBLIC_URL: second.url });
    expect(printed.code, printed.output).toBe(0);
    const joins = [...printed.output.matchAll(/ (\S+)\/join#t=(\S+)/g)];
    expect(joins.map((m) => m[1])).toEqual(DEMO_LINK_HOLDERS.map(() => second.url));
    const people = await Promise.all(joins.map(async (m) => (await h.connect(second.url, m[2]!)).welcome.me.name));
    expect(people).toEqual(DEMO_LINK_HOLDERS);
    const display = await h.connect(second.url, /\/display#t=(\S+)/.exec(printed.output)![1]!);
    expect(display.welcome.display).toBe(true);
    expect(printed.output).toMatch(/\/checkin\/\S+#c=/);

    expect(await none).toMatchObject({ code: 1, output: expect.stringContaining("npm start") });
  }, 60_000);
});
