// The roster as organisers edit it. `ParticipantJson` is what staff see (contacts included,
// link internals such as the version excluded).
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import type { Participant } from "../db/generated/client.ts";
import type { ParticipantInput } from "../roster/rosterTypes.ts";
import type { ParticipantPatch } from "../../../core/api/roster.ts";

export type ParticipantJson = Omit<Participant, "meetingId" | "linkVersion">;

export function toParticipantJson(row: Participant): ParticipantJson {
  const { meetingId: _m, linkVersion: _v, ...rest } = row;
  return rest;
}

const toData = (input: ParticipantInput) => ({
  name: input.name,
  role: input.role,
  sector: input.sector ?? null,
  party: input.party ?? null,
  unit: input.unit ?? null,
  phone: input.phone ?? null,
  email: input.email ?? null,
  side: input.side ?? null,
  chief: input.chief ?? false,
  household: input.household ?? null,
  voteWeight: input.voteWeight ?? null,
  accountId: input.accountId ?? null,
});

export class ParticipantStore {
  constructor(private readonly db: Db) {}

  async list(meetingId: string): Promise<ParticipantJson[]> {
    const rows = await this.db.participant.findMany({ where: { meetingId }, orderBy: [{ ordinal: "asc" }, { id: "asc" }] });
    return rows.map(toParticipantJson);
  }

  async find(meetingId: string, participantId: string): Promise<Participant | null> {
    return this.db.participant.findFirst({ where: { id: participantId, meetingId } });
  }

  /** Appends the people after the existing roster, all or none (one transaction). */
  async append(meetingId: string, people: readonly ParticipantInput[]): Promise<ParticipantJson[]> {
    const first = await this.db.$transaction(
      async (tx) => {
        const last = await tx.participant.aggregate({ where: { meetingId }, _max: { ordinal: true } });
        const first = (last._max.ordinal ?? -1) + 1;
        await tx.participant.createMany({
          data: people.map((person, i) => ({ id: randomUUID(), meetingId, ordinal: first + i, ...toData(person) })),
        });
        return first;
      },
      { timeout: 60_000 },
    );
    const rows = await this.db.participant.findMany({
      where: { meetingId, ordinal: { gte: first, lt: first + people.length } },
      orderBy: { ordinal: "asc" },
    });
    return rows.map(toParticipantJson);
  }

  async update(participantId: string, patch: ParticipantPatch): Promise<ParticipantJson> {
    return toParticipantJson(await this.db.participant.update({ where: { id: participantId }, data: patch }));
  }

  /** Account ids among `ids` that do not exist. */
  async unknownAccounts(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.db.staffAccount.findMany({ where: { id: { in: unique } }, select: { id: true } });
    const known = new Set(found.map((a) => a.id));
    return unique.filter((id) => !known.has(id));
  }
}
