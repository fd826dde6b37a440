// The speaking plan (发言安排) as the secretariat and the members register it before the meeting:
// 预约发言 (booked) and 书面发言 (written). Positions are kept 0..n-1 per meeting; the live
// meeting gets the plan in agenda order (entries without an item first), then plan position.
import { randomUUID } from "node:crypto";
import type { PlannedSpeech } from "../../../core/plan/schema.ts";
import type { Db } from "../db/database.ts";
import type { MeetingChanges } from "../meetings/meetingChanges.ts";
import type { ParticipantStore } from "../meetings/participantStore.ts";

export type PlanKind = "booked" | "written";

export interface PlannedSpeechJson {
  id: string;
  participantId: string;
  participantName: string;
  kind: PlanKind;
  agendaItemId: string | null;
  position: number;
  title: string;
  text: string;
  /** The staff account that registered it, or the participant's own id. */
  createdBy: string;
  /** Registered by the speaker themselves through their join link. */
  selfRegistered: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PlanFields {
  participantId: string;
  kind: PlanKind;
  agendaItemId: string | null;
  title: string;
  text: string;
}

const INCLUDE = { participant: { select: { name: true } }, agendaItem: { select: { position: true } } } as const;

type Row = {
  id: string;
  meetingId: string;
  participantId: string;
  kind: string;
  agendaItemId: string | null;
  position: number;
  title: string;
  text: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  participant: { name: string };
  agendaItem: { position: number } | null;
};

/** `names`: the meeting's names as every screen shows them (同名区分: 张丽（502室）). */
const toJson = (row: Row, names: ReadonlyMap<string, string>): PlannedSpeechJson => ({
  id: row.id,
  participantId: row.participantId,
  participantName: names.get(row.participantId) ?? row.participant.name,
  kind: row.kind === "written" ? "written" : "booked",
  agendaItemId: row.agendaItemId,
  position: row.position,
  title: row.title,
  text: row.text,
  createdBy: row.createdBy,
  selfRegistered: row.createdBy === row.participantId,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Planned order: entries without an agenda item first, then by item position, then plan position. */
const planned = (a: Row, b: Row): number =>
  (a.agendaItem?.position ?? -1) - (b.agendaItem?.position ?? -1) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A change made while the live meeting's turn is held (the speaker's own registration, checked
 * against the meeting not having opened) is fed into the meeting by that same turn: it must not
 * be signalled, which would wait for the turn it runs in.
 */
export interface InTurn {
  syncedByCaller: true;
}

/** Every change is signalled to the live meeting (meetings/meetingChanges.ts), unless made `InTurn`. */
export class PlanStore {
  constructor(
    private readonly db: Db,
    private readonly changes: MeetingChanges,
    /** The speakers' names as every screen shows them. */
    private readonly participants: ParticipantStore,
  ) {}

  private async changed(meetingId: string, inTurn?: InTurn): Promise<void> {
    if (!inTurn) await this.changes.changed(meetingId);
  }

  private async rows(meetingId: string, participantId?: string): Promise<Row[]> {
    const rows = await this.db.plannedSpeech.findMany({ where: { meetingId, ...(participantId ? { participantId } : {}) }, include: INCLUDE });
    return rows.sort(planned);
  }

  /** The meeting's plan in planned order. */
  async list(meetingId: string, participantId?: string): Promise<PlannedSpeechJson[]> {
    const names = await this.names(meetingId);
    return (await this.rows(meetingId, participantId)).map((row) => toJson(row, names));
  }

  /** The plan as config.sync carries it (key order as the core builds it). */
  async live(meetingId: string): Promise<PlannedSpeech[]> {
    return (await this.rows(meetingId)).map((r) => ({
      bookingId: r.id,
      participantId: r.participantId,
      kind: r.kind === "written" ? "written" : "booked",
      agendaItemId: r.agendaItemId,
      title: r.title,
      text: r.text,
    }));
  }

  async find(meetingId: string, id: string): Promise<PlannedSpeechJson | null> {
    const row = await this.db.plannedSpeech.findFirst({ where: { id, meetingId }, include: INCLUDE });
    return row ? toJson(row, await this.names(meetingId)) : null;
  }

  count(meetingId: string, participantId?: string, createdBy?: string): Promise<number> {
    return this.db.plannedSpeech.count({ where: { meetingId, ...(participantId ? { participantId } : {}), ...(createdBy ? { createdBy } : {}) } });
  }

  async append(meetingId: string, fields: PlanFields, createdBy: string, inTurn?: InTurn): Promise<PlannedSpeechJson> {
    const row = await this.db.$transaction(async (tx) => {
      const last = await tx.plannedSpeech.aggregate({ where: { meetingId }, _max: { position: true } });
      return tx.plannedSpeech.create({
        data: { id: randomUUID(), meetingId, position: (last._max.position ?? -1) + 1, createdBy, ...fields },
        include: INCLUDE,
      });
    });
    await this.changed(meetingId, inTurn);
    return toJson(row, await this.names(meetingId));
  }

  async update(meetingId: string, id: string, patch: Partial<PlanFields>): Promise<PlannedSpeechJson> {
    const row = await this.db.plannedSpeech.update({ where: { id, meetingId }, data: patch, include: INCLUDE });
    await this.changed(meetingId);
    return toJson(row, await this.names(meetingId));
  }

  private names(meetingId: string): Promise<ReadonlyMap<string, string>> {
    return this.participants.displayNames(meetingId);
  }

  /** Deletes the entry and closes the gap in positions. */
  async delete(meetingId: string, id: string, inTurn?: InTurn): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.plannedSpeech.delete({ where: { id } });
      const rest = await tx.plannedSpeech.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
      for (const [position, row] of rest.entries()) await tx.plannedSpeech.update({ where: { id: row.id }, data: { position } });
    });
    await this.changed(meetingId, inTurn);
  }

  /** `ids` must already be checked to be a permutation of the meeting's entries. */
  async reorder(meetingId: string, ids: readonly string[]): Promise<void> {
    await this.db.$transaction(ids.map((id, position) => this.db.plannedSpeech.update({ where: { id }, data: { position } })));
    await this.changed(meetingId);
  }
}
