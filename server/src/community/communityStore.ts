// The Community and Household tables: the communities (社区) the secretariat runs, each with its
// households (户, the unit of consent campaigns) and a random public code for the residents'
// intake link. Households are unique by building, unit and flat within a community (database
// constraint): a campaign counts one answer per household against all of them.
import { randomBytes, randomUUID } from "node:crypto";
import type { Community, Household, HouseholdInput } from "../../../core/api/community.ts";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { Db } from "../db/database.ts";

/** 16 characters of base32 (80 bits): unguessable, short enough for a QR code on a notice board. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
function publicCode(): string {
  return [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

type CommunityRow = { id: string; name: string; publicCode: string; createdAt: Date; _count: { households: number } };
const toCommunity = (row: CommunityRow): Community => ({
  id: row.id,
  name: row.name,
  publicCode: row.publicCode,
  households: row._count.households,
  createdAt: row.createdAt.toISOString(),
});
const WITH_COUNT = { _count: { select: { households: true } } } as const;

interface HouseholdRow {
  id: string;
  communityId: string;
  building: string;
  unit: string;
  room: string;
  representative: string;
  phone: string | null;
}
const toHousehold = ({ id, communityId, building, unit, room, representative, phone }: HouseholdRow): Household => ({
  id,
  communityId,
  building,
  unit,
  room,
  representative,
  phone,
});

/** The key a household is unique by. */
export const householdKey = (h: { building: string; unit?: string; room: string }): string => `${h.building}\u0000${h.unit ?? ""}\u0000${h.room}`;

export class CommunityStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async list(): Promise<Community[]> {
    return (await this.db.community.findMany({ orderBy: { createdAt: "asc" }, include: WITH_COUNT })).map(toCommunity);
  }

  async byId(id: string): Promise<Community | null> {
    const row = await this.db.community.findUnique({ where: { id }, include: WITH_COUNT });
    return row ? toCommunity(row) : null;
  }

  /** The community a public intake link names, or null. */
  async byPublicCode(code: string): Promise<Community | null> {
    const row = await this.db.community.findUnique({ where: { publicCode: code }, include: WITH_COUNT });
    return row ? toCommunity(row) : null;
  }

  async create(name: string): Promise<Result<Community>> {
    try {
      const row = await this.db.community.create({
        data: { id: randomUUID(), name, publicCode: publicCode(), createdAt: new Date(this.now()) },
        include: WITH_COUNT,
      });
      return ok(toCommunity(row));
    } catch (error) {
      if ((error as { code?: unknown }).code === "P2002") return fail("COMMUNITY_EXISTS");
      throw error;
    }
  }

  /** Every household of the community, by building, unit and flat. */
  async households(communityId: string): Promise<Household[]> {
    const rows = await this.db.household.findMany({ where: { communityId }, orderBy: [{ building: "asc" }, { unit: "asc" }, { room: "asc" }] });
    return rows.map(toHousehold);
  }

  /**
   * Adds households in one transaction: all or none. A household listed twice, or one the
   * community already has, is HOUSEHOLD_DUPLICATE (details name them) and adds nothing.
   */
  async addHouseholds(communityId: string, input: readonly HouseholdInput[]): Promise<Result<Household[]>> {
    if (!(await this.db.community.count({ where: { id: communityId } }))) return fail("NOT_FOUND");
    const existing = new Set((await this.households(communityId)).map(householdKey));
    const seen = new Set<string>();
    const clashes: string[] = [];
    for (const h of input) {
      const key = householdKey(h);
      if (existing.has(key) || seen.has(key)) clashes.push([h.building, h.unit, h.room].filter(Boolean).join(" "));
      seen.add(key);
    }
    if (clashes.length > 0) return fail("HOUSEHOLD_DUPLICATE", clashes.slice(0, 20));
    const createdAt = new Date(this.now());
    const rows = input.map((h) => ({
      id: randomUUID(),
      communityId,
      building: h.building,
      unit: h.unit ?? "",
      room: h.room,
      representative: h.representative,
      phone: h.phone ?? null,
      createdAt,
    }));
    try {
      await this.db.$transaction(rows.map((data) => this.db.household.create({ data })));
    } catch (error) {
      // Another request added one of them meanwhile.
      if ((error as { code?: unknown }).code === "P2002") return fail("HOUSEHOLD_DUPLICATE");
      throw error;
    }
    return ok(rows.map(toHousehold));
  }
}
