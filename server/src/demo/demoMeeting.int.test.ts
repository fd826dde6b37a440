// The demo created on first start (npm run quickstart): the meeting with its agenda, the printed
// links, and the ledger's departments; a second start finds them and creates nothing again.
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../testing/harness.ts";
import { DEMO_DEPARTMENTS, DEMO_LINK_HOLDERS, DEMO_TITLE, ensureDemoMeeting } from "./demoMeeting.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("the demo meeting", () => {
  it("is created once with its links, agenda and the ledger's departments", async () => {
    const t = await h.startServer();
    const first = await ensureDemoMeeting(t.server, t.url);
    expect(first.people.map((p) => p.name)).toEqual(DEMO_LINK_HOLDERS);
    expect(first.people.every((p) => p.url.startsWith(`${t.url}/`))).toBe(true);
    expect(first.venue).not.toBe(first.display);

    const again = await ensureDemoMeeting(t.server, t.url);
    expect(again.people.map((p) => p.name)).toEqual(DEMO_LINK_HOLDERS);
    const meetings = await t.server.db.meeting.findMany({ where: { title: DEMO_TITLE } });
    expect(meetings).toHaveLength(1);
    expect(await t.server.db.agendaItem.count({ where: { meetingId: meetings[0]!.id } })).toBe(3);
    expect((await t.server.ledger.departments.list()).map((d) => d.name).sort()).toEqual([...DEMO_DEPARTMENTS].sort());
  });
});
