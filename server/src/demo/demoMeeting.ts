// The demo meeting created on first start: a small district CPPCC consultation forum
// (fictional people, taken from the project's test roster).
import type { TokenService } from "../auth/tokens.ts";
import { joinUrl } from "../links/urls.ts";
import type { MeetingRepository, NewParticipant } from "../meetings/meetingRepository.ts";

export const DEMO_TITLE = "区政协双周协商座谈会（演示）";

export const DEMO_ROSTER: readonly NewParticipant[] = [
  { name: "沈国帅", role: "chair", sector: "中共", party: "中共" },
  { name: "李帅国", role: "member", sector: "中共", party: "中共" },
  { name: "刘凯", role: "member", sector: "民革", party: "民革" },
  { name: "杜娜", role: "member", sector: "民盟", party: "民盟" },
  { name: "黄兰洋", role: "member", sector: "民建", party: "民建" },
  { name: "薛凯娜", role: "member", sector: "民进", party: "民进" },
  { name: "任刚", role: "member", sector: "无党派人士", party: "无党派" },
  { name: "冯建艳", role: "official", sector: null, party: "中共" },
  { name: "姜建博", role: "clerk", sector: null, party: null },
];

/** Who gets a printed join link: the chair, three members, the official and the clerk. */
export const DEMO_LINK_HOLDERS = ["沈国帅", "李帅国", "刘凯", "杜娜", "冯建艳", "姜建博"];

export interface JoinLink {
  name: string;
  role: string;
  url: string;
}

/** Creates the demo meeting on an empty database; returns fresh join links for it. */
export async function ensureDemoMeeting(
  meetings: MeetingRepository,
  tokens: TokenService,
  baseUrl: string,
): Promise<JoinLink[]> {
  const existing = await meetings.findByTitle(DEMO_TITLE);
  const meetingId = existing?.id ?? (await meetings.create(DEMO_TITLE, DEMO_ROSTER)).meeting.id;
  const roster = await meetings.roster(meetingId);
  const links: JoinLink[] = [];
  for (const name of DEMO_LINK_HOLDERS) {
    const p = roster.find((r) => r.name === name);
    if (!p) continue;
    const token = await tokens.issue({ participantId: p.id, meetingId, role: p.role });
    links.push({ name: p.name, role: p.role, url: joinUrl(baseUrl, token) });
  }
  return links;
}

export { joinUrl } from "../links/urls.ts";
