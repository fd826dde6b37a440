// Communities (社区) and their households (户) over HTTP (docs/community.md, docs/api.md
// "Communities"): what the secretariat enters and what the screens read.
import { z } from "zod";
import { Id, IsoTime } from "./common.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);

export const NewCommunity = z.strictObject({ name: Text(80) });

/** Most households one request may add (a large estate has a few thousand). */
export const MAX_HOUSEHOLDS_PER_REQUEST = 5000;

export const HouseholdInput = z.strictObject({
  /** 楼栋, e.g. 1号楼 */
  building: Text(40),
  /** 单元, e.g. 2单元; empty when the building has none */
  unit: z.string().trim().max(40).default(""),
  /** 户号, e.g. 903 */
  room: Text(40),
  /** 户代表 */
  representative: Text(64),
  phone: z.string().trim().max(32).nullish(),
});
export type HouseholdInput = z.input<typeof HouseholdInput>;
export const NewHouseholds = z.strictObject({ households: z.array(HouseholdInput).min(1).max(MAX_HOUSEHOLDS_PER_REQUEST) });

// Answers

export const Community = z.looseObject({
  id: Id,
  name: z.string(),
  /** The residents' public intake link is /c/<publicCode> (staff only: printed on the notice board). */
  publicCode: z.string(),
  households: z.number(),
  createdAt: IsoTime,
});
export type Community = z.infer<typeof Community>;

export const Household = z.looseObject({
  id: Id,
  communityId: Id,
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  representative: z.string(),
  phone: z.string().nullable(),
});
export type Household = z.infer<typeof Household>;

export const CommunityResponse = z.object({ community: Community });
export const CommunitiesResponse = z.object({ communities: z.array(Community) });
export const HouseholdsResponse = z.object({ households: z.array(Household) });
