// The demo meeting created on first start: a small district CPPCC consultation forum
// (fictional people, taken from the project's test roster), with its agenda and links.
import os from "node:os";
import { formatJoinCode } from "../../../core/links/joinCode.ts";
import type { Role } from "../../../core/roles.ts";
import type { RoomLinkKind } from "../../../core/venue/roomLinks.ts";
import type { Link } from "../links/linkService.ts";
import type { NewParticipant } from "../meetings/participantStore.ts";
import type { YishitingServer } from "../server.ts";

export const DEMO_TITLE = "区政协双周协商座谈会（演示）";

export const DEMO_ROSTER: readonly NewParticipant[] = [
  { name: "沈国帅", role: "chair", sector: "中共", party: "中共", unit: "区政协 主席" },
  { name: "李帅国", role: "member", sector: "中共", party: "中共", unit: "某能源控股集团 董事长" },
  { name: "刘凯", role: "member", sector: "民革", party: "民革", unit: "某会计师事务所 合伙人" },
  { name: "杜娜", role: "member", sector: "民盟", party: "民盟", unit: "某农业合作社 理事长" },
  { name: "黄兰洋", role: "member", sector: "民建", party: "民建", unit: "区文化馆 馆长" },
  { name: "薛凯娜", role: "member", sector: "民进", party: "民进", unit: "某律师事务所 主任" },
  { name: "任刚", role: "member", sector: "无党派人士", party: "无党派", unit: "某建筑设计院 总工程师" },
  { name: "冯建艳", role: "official", sector: null, party: "中共", unit: "区住房和城乡建设局 局长" },
  { name: "姜建博", role: "clerk", sector: null, party: null, unit: "区政协办公室 秘书科" },
];

const DEMO_AGENDA = [
  { title: "通报老旧小区改造和加装电梯工作情况", presenter: "区住房和城乡建设局", plannedMinutes: 20 },
  { title: "委员协商发言", presenter: null, plannedMinutes: 90 },
  { title: "部门回应，主持人总结", presenter: null, plannedMinutes: 20 },
];

/** 承办单位 for the follow-up ledger, so that a suggestion from the demo can be assigned at once. */
export const DEMO_DEPARTMENTS = ["区住房和城乡建设局", "区民政局", "区交通委员会"];

/** Who gets a printed join link: the chair, three members, the official and the clerk. */
export const DEMO_LINK_HOLDERS = ["沈国帅", "李帅国", "刘凯", "杜娜", "冯建艳", "姜建博"];

/**
 * A link as printed: the short one (/j/<code>, what the QR codes carry) with its join code (入会码,
 * typed on the start page), and the long one with its token, which keeps working too.
 */
export interface DemoLink {
  shortUrl: string;
  code: string;
  url: string;
}

export interface DemoLinks {
  people: ({ name: string; role: Role } & DemoLink)[];
  /** The room display's link; null once the organisers revoked it (as for people). */
  display: DemoLink | null;
  /** The venue terminal's link: it also publishes the room's microphone and camera. */
  venue: DemoLink | null;
  checkin: string;
}

/** The printed form of a personal or room link (both always have a join code). */
function demoLink(link: Link): DemoLink {
  if (link.code === undefined || link.shortUrl === undefined) throw new Error(`no join code for ${link.url}`);
  return { shortUrl: link.shortUrl, code: link.code, url: link.url };
}

/** Creates the demo meeting on an empty database; returns its current links and whether this call created it. */
export async function ensureDemoMeeting(server: YishitingServer, baseUrl: string): Promise<DemoLinks & { created: boolean }> {
  const existing = await server.meetings.findByTitle(DEMO_TITLE);
  const meetingId = existing?.id ?? (await createDemo(server));
  return { ...(await demoLinks(server, baseUrl, meetingId)), created: existing === null };
}

/** The demo meeting's current links (also for `npm run demo:links`). */
export async function demoLinks(server: Pick<YishitingServer, "meetings" | "links">, baseUrl: string, meetingId: string): Promise<DemoLinks> {
  const roster = await server.meetings.roster(meetingId);
  const people: DemoLinks["people"] = [];
  for (const name of DEMO_LINK_HOLDERS) {
    const p = roster.find((r) => r.name === name);
    const link = p && (await server.links.current(baseUrl, p.id)); // skips revoked links
    if (p && link?.ok) people.push({ name: p.name, role: p.role, ...demoLink(link.value) });
  }
  const room = async (kind: RoomLinkKind) => {
    const link = await server.links.room(baseUrl, meetingId, kind);
    return link.ok ? demoLink(link.value) : null;
  };
  const checkin = await server.links.checkin(baseUrl, meetingId);
  if (!checkin.ok) throw new Error(`demo meeting ${meetingId}: no check-in link (${checkin.error.code})`);
  return {
    people,
    display: await room("display"),
    venue: await room("venue"),
    checkin: checkin.value.url,
  };
}

async function createDemo(server: YishitingServer): Promise<string> {
  const { meeting } = await server.meetings.create(DEMO_TITLE, DEMO_ROSTER);
  for (const item of DEMO_AGENDA) await server.agenda.append(meeting.id, item);
  const now = Date.now();
  for (const name of DEMO_DEPARTMENTS) await server.ledger.departments.create(name, now); // null when one exists already
  return meeting.id;
}

const ROLE_LABELS: Record<Role, string> = {
  chair: "主持人 chair",
  member: "委员 member",
  official: "列席 official",
  clerk: "记录员 clerk",
  observer: "旁听 observer",
};

/** How to see the links after the start that created the demo printed them. */
export const DEMO_LINKS_HINT = "再次显示演示会议的链接 / To print the demo meeting's links again: npm run demo:links";

/** The argument of `npm run demo:links` that adds the long links. */
export const LONG_LINKS_FLAG = "--long";

/**
 * The links as printed on the console: by the start that creates the demo and by `npm run
 * demo:links`. Each person's short link and join code on one line (the long ones are ~330
 * characters); `long` adds the long link under each, otherwise the last line says how to get them.
 */
export function demoLinksText(links: DemoLinks, linkTtlHours: number, { long = false }: { long?: boolean } = {}): string {
  const lines = [
    "\nDemo meeting 演示会议 — personal join links: short link and 入会码 join code (typed on the start page)",
    ...(long ? [`  each followed by its long link (valid ${linkTtlHours} h; the short ones last until re-issued)`] : []),
  ];
  const add = (label: string, link: DemoLink) => {
    lines.push(`  ${label}`, `    ${link.shortUrl}   入会码 ${formatJoinCode(link.code)}`);
    if (long) lines.push(`    ${link.url}`);
  };
  for (const link of links.people) add(`${ROLE_LABELS[link.role]}  ${link.name}`, link);
  if (links.display) add("会场大屏 room display", links.display);
  if (links.venue) add("会场终端 room terminal (room microphone and camera)", links.venue);
  lines.push("  扫码签到 in-room check-in", `    ${links.checkin}`);
  if (!long) lines.push(`完整长链接 / The long links too: npm run demo:links -- ${LONG_LINKS_FLAG}`);
  return lines.join(os.EOL);
}
