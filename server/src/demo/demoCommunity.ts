// The demo community created on first start beside the demo meeting (npm run quickstart): a
// residents' community with twelve households (fictional, as the project's community roster), so
// that the residents' intake link, the ledger's community actions and a consent campaign can be
// tried at once. Its intake link is printed on every start: it is the notice board's link.
import type { Community, HouseholdInput } from "../../../core/api/community.ts";
import type { CommunityStore } from "../community/communityStore.ts";

export const DEMO_COMMUNITY = "阅海湾社区（演示）";

const DEMO_HOUSEHOLDS: readonly HouseholdInput[] = [
  ["1号楼", "1单元", "203", "钟玉"],
  ["1号楼", "1单元", "1001", "袁海霞"],
  ["1号楼", "2单元", "903", "孟庆"],
  ["1号楼", "2单元", "1504", "廖秀国"],
  ["2号楼", "1单元", "302", "韩桂英"],
  ["2号楼", "1单元", "601", "邵建军"],
  ["2号楼", "2单元", "1102", "谭丽华"],
  ["2号楼", "2单元", "1401", "胡振东"],
  ["3号楼", "1单元", "101", "程雪梅"],
  ["3号楼", "1单元", "502", "魏志强"],
  ["3号楼", "2单元", "803", "蒋淑珍"],
  ["3号楼", "2单元", "1202", "段国庆"],
].map(([building, unit, room, representative]) => ({ building: building!, unit: unit!, room: room!, representative: representative! }));

/** The demo community with its households, created once. */
export async function ensureDemoCommunity(communities: CommunityStore): Promise<Community> {
  const existing = (await communities.list()).find((c) => c.name === DEMO_COMMUNITY);
  if (existing) return existing;
  const created = await communities.create(DEMO_COMMUNITY);
  if (!created.ok) throw new Error(`demo community: ${created.error.code}`);
  const added = await communities.addHouseholds(created.value.id, DEMO_HOUSEHOLDS);
  if (!added.ok) throw new Error(`demo households: ${added.error.code}`);
  return { ...created.value, households: added.value.length };
}

/** The console's line: the residents' intake link of the demo community. */
export const demoCommunityText = (community: Community, baseUrl: string): string =>
  `\n居民点单 Residents' intake link (${community.name}, ${community.households} 户 households): ${baseUrl}/c/${community.publicCode}`;
