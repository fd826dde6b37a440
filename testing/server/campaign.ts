// A community of 12 households (1号楼 two units of 3, 2号楼 6 flats) and its consent campaign
// (艺术巷 水电改造方案, ≥ 80 % of all households), made over the real API: the integration tests
// and the e2e test record answers against it.
import type { ApiClient, Json } from "./api.ts";

export const TWELVE_HOUSEHOLDS = [
  ...["1单元", "2单元"].flatMap((unit, u) =>
    ["101", "102", "201"].map((room, r) => ({ building: "1号楼", unit, room, representative: ["钟玉", "袁海霞", "孟庆", "丁一", "马兰", "王伟"][u * 3 + r]! })),
  ),
  ...["101", "102", "201", "202", "301", "302"].map((room, r) => ({
    building: "2号楼",
    room,
    representative: ["赵晓", "钱进", "孙莉", "李强", "周敏", "吴刚"][r]!,
  })),
];

export interface CampaignFixture {
  community: Json;
  households: Json[];
  campaign: Json;
}

/** Creates the community, its 12 households and an open campaign (opened a minute before `now`). */
export async function twelveHouseholdCampaign(secretariat: ApiClient, now: number, name = "艺术巷社区"): Promise<CampaignFixture> {
  const community = (await secretariat.post("/api/communities", { name })).body.community;
  const households = (await secretariat.post(`/api/communities/${community.id}/households`, { households: TWELVE_HOUSEHOLDS })).body.households;
  const created = await secretariat.post("/api/campaigns", {
    communityId: community.id,
    title: "艺术巷 水电改造方案",
    question: "您是否同意艺术巷小区水电改造方案？",
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 14 * 86_400_000).toISOString(),
    rule: { overall: { num: 80, den: 100 }, buildings: [] },
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${JSON.stringify(created.body)}`);
  return { community, households, campaign: created.body.campaign };
}
