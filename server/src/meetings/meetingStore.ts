// Meetings as organisers edit them (the live state is in the event log). `MeetingJson` is what
// the API returns: every column except the check-in secret.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import type { Meeting } from "../db/generated/client.ts";
import type { JoinCache } from "./joinCache.ts";
import type { MeetingInput, MeetingPatch } from "../../../core/api/meetings.ts";

export type MeetingJson = Omit<Meeting, "checkinSecret" | "startsAt" | "createdAt"> & { startsAt: string | null; createdAt: string };

export function toMeetingJson(row: Meeting): MeetingJson {
  const { checkinSecret: _secret, startsAt, createdAt, ...rest } = row;
  return { ...rest, startsAt: startsAt?.toISOString() ?? null, createdAt: createdAt.toISOString() };
}

const toData = (input: MeetingPatch) => {
  const { startsAt, ...rest } = input;
  return startsAt === undefined ? rest : { ...rest, startsAt: startsAt === null ? null : new Date(startsAt) };
};

export class MeetingStore {
  constructor(
    private readonly db: Db,
    /** Told when a meeting is edited: welcome.meeting is read from it (joinCache.ts). */
    private readonly joins: JoinCache,
  ) {}

  async create(input: MeetingInput): Promise<MeetingJson> {
    const row = await this.db.meeting.create({
      data: { ...toData(input), title: input.title, id: randomUUID(), checkinSecret: randomBytes(16).toString("hex") },
    });
    return toMeetingJson(row);
  }

  async get(id: string): Promise<MeetingJson | null> {
    const row = await this.db.meeting.findUnique({ where: { id } });
    return row ? toMeetingJson(row) : null;
  }

  /** All meetings, or only those where a participant is linked to `accountId`. */
  async list(archived: boolean, accountId?: string): Promise<MeetingJson[]> {
    const rows = await this.db.meeting.findMany({
      where: { archived, ...(accountId ? { participants: { some: { accountId } } } : {}) },
      orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }],
    });
    return rows.map(toMeetingJson);
  }

  async update(id: string, patch: MeetingPatch & { archived?: boolean }): Promise<MeetingJson> {
    const row = await this.db.meeting.update({ where: { id }, data: toData(patch) });
    this.joins.meetingChanged(id);
    return toMeetingJson(row);
  }

  /** The check-in code, created on first use (printed QR codes stay valid afterwards). */
  async checkinSecret(id: string): Promise<string | null> {
    await this.db.meeting.updateMany({ where: { id, checkinSecret: "" }, data: { checkinSecret: randomBytes(16).toString("hex") } });
    const row = await this.db.meeting.findUnique({ where: { id }, select: { checkinSecret: true } });
    return row?.checkinSecret ?? null;
  }
}
