// Meetings and their participants (the roster). Issue-3 work extends this with accounts,
// agenda and attendance; the live state itself lives in the event log.
import { randomUUID } from "node:crypto";
import type { Role } from "../core/roles.ts";
import type { Db } from "../db/database.ts";

export interface ParticipantInfo {
  id: string;
  name: string;
  role: Role;
  sector: string | null;
  party: string | null;
}

export interface MeetingInfo {
  id: string;
  title: string;
}

export interface NewParticipant {
  name: string;
  role: Role;
  sector?: string | null;
  party?: string | null;
}

export class MeetingRepository {
  constructor(private readonly db: Db) {}

  async create(title: string, roster: readonly NewParticipant[]): Promise<{ meeting: MeetingInfo; participants: ParticipantInfo[] }> {
    const meeting = { id: randomUUID(), title };
    const participants = roster.map((p) => ({
      id: randomUUID(),
      name: p.name,
      role: p.role,
      sector: p.sector ?? null,
      party: p.party ?? null,
    }));
    await this.db.$transaction([
      this.db.meeting.create({ data: meeting }),
      ...participants.map((p) => this.db.participant.create({ data: { ...p, meetingId: meeting.id } })),
    ]);
    return { meeting, participants };
  }

  async findByTitle(title: string): Promise<MeetingInfo | null> {
    return this.db.meeting.findFirst({ where: { title }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } });
  }

  async find(meetingId: string): Promise<MeetingInfo | null> {
    return this.db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true } });
  }

  async participant(participantId: string): Promise<(ParticipantInfo & { meetingId: string }) | null> {
    const row = await this.db.participant.findUnique({ where: { id: participantId } });
    return row ? { ...toInfo(row), meetingId: row.meetingId } : null;
  }

  async roster(meetingId: string): Promise<ParticipantInfo[]> {
    const rows = await this.db.participant.findMany({ where: { meetingId }, orderBy: { id: "asc" } });
    return rows.map(toInfo);
  }
}

function toInfo(row: { id: string; name: string; role: string; sector: string | null; party: string | null }): ParticipantInfo {
  return { id: row.id, name: row.name, role: row.role as Role, sector: row.sector, party: row.party };
}
