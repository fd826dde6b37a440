// A mediation (人民调解) in a browser test: the meeting of kind mediation with its roster (parties as
// members with their households, the 主持调解员 as chair, the other mediators as officials), each
// person's join link, the meeting opened; and the case (调解案件) set up through the admin API the
// way the staff's pages do it: accepted, the meeting linked, 调解中.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { NewMediationCase } from "../../core/api/mediationCases.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import { startApp, type AppUnderTest } from "./appServer.ts";
import { submitTo } from "./room.ts";

export interface CaseParty {
  name: string;
  household: string;
  phone: string;
  role: "applicant" | "respondent";
}
export interface CaseMediator {
  name: string;
  affiliation: string;
  /** 主持调解员: the meeting's chair; the others are officials. */
  chief?: boolean;
}

export interface MediationUnderTest {
  app: AppUnderTest;
  /** Each person's join link, by name (a party by `name@household`, so two of one name stay apart). */
  links: Map<string, string>;
  /** Each person's roster id, keyed like `links`. */
  ids: Map<string, string>;
}

export const personKey = (p: { name: string; household?: string | null }) => (p.household ? `${p.name}@${p.household}` : p.name);

/** Starts the app with a mediation meeting of these parties and mediators, opened by the 主持调解员. */
export async function openMediation(title: string, parties: readonly CaseParty[], mediators: readonly CaseMediator[]): Promise<MediationUnderTest> {
  const app = await startApp(title, [
    ...parties.map((p) => ({ name: p.name, role: "member" as const, household: p.household })),
    ...mediators.map((m) => ({ name: m.name, role: m.chief ? ("chair" as const) : ("official" as const) })),
  ]);
  await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "mediation" } });
  // startApp keys the links by name alone; issue them again by participant.
  const links = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const p of await app.server.db.participant.findMany({ where: { meetingId: app.meetingId } })) {
    const token = await app.server.tokens.issue({ participantId: p.id, meetingId: app.meetingId, role: p.role as never });
    links.set(personKey(p), joinUrl(app.baseUrl, token));
    ids.set(personKey(p), p.id);
  }
  return { app, links, ids };
}

/** Opens the meeting as its chair (宣布开会 without the console). */
export async function openMeeting(m: MediationUnderTest, chair: string): Promise<void> {
  await submitTo(m.app, { participantId: m.ids.get(chair)!, role: "chair" }, { type: "meeting.open" });
}

/** A date `days` before today (YYYY-MM-DD), for an acceptance that is never after today in any zone. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The staff accept the case through the admin API (from a signed-in admin page, whose context sends
 * the CSRF header), link the meeting and start it (调解中). Returns the case's id.
 */
export async function acceptLinkedCase(
  admin: Page,
  m: MediationUnderTest,
  c: { community: string; category: NewMediationCase["category"]; facts: string; parties: readonly CaseParty[]; mediators: readonly CaseMediator[] },
): Promise<string> {
  const api = (path: string, data: unknown) => admin.request.post(`${m.app.baseUrl}/api${path}`, { data });
  const ok = async (answer: ReturnType<typeof api>) => {
    const response = await answer;
    expect(response.status(), await response.text()).toBeLessThan(300);
    return response.json();
  };
  const { community } = await ok(api("/communities", { name: c.community }));
  const body: NewMediationCase = {
    communityId: community.id,
    category: c.category,
    facts: c.facts,
    acceptedOn: daysAgo(2),
    parties: [...c.parties],
    mediators: c.mediators.map((x) => ({ name: x.name, affiliation: x.affiliation, chief: x.chief ?? false })),
  };
  const created = (await ok(api("/mediation/cases", body))).case;
  await ok(api(`/mediation/cases/${created.id}/meetings`, { meetingId: m.app.meetingId }));
  await ok(api(`/mediation/cases/${created.id}/steps`, { type: "start" }));
  return created.id;
}

/** Whether the page scrolls sideways (a 375 px phone must not). */
export const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** Draws a signature on the pad with the mouse: two strokes across the canvas. */
export async function drawSignature(page: Page, testId = "ma-signature-pad"): Promise<void> {
  const pad = page.getByTestId(testId);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  for (const stroke of [
    [at(0.1, 0.6), at(0.3, 0.3), at(0.5, 0.7), at(0.7, 0.3), at(0.9, 0.6)],
    [at(0.2, 0.8), at(0.8, 0.8)],
  ]) {
    await page.mouse.move(...stroke[0]!);
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...point, { steps: 5 });
    await page.mouse.up();
  }
}
