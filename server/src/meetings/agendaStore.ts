// Agenda items and their materials' rows. Positions are kept 0..n-1 in order.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import type { MeetingChanges } from "./meetingChanges.ts";

export interface MaterialJson {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface AgendaItemJson {
  id: string;
  position: number;
  title: string;
  presenter: string | null;
  plannedMinutes: number;
  materials: MaterialJson[];
}

const MATERIAL_FIELDS = { id: true, fileName: true, mimeType: true, size: true } as const;
const WITH_MATERIALS = { materials: { select: MATERIAL_FIELDS, orderBy: { uploadedAt: "asc" } } } as const;

const toItem = ({ meetingId: _m, ...item }: AgendaItemJson & { meetingId: string }): AgendaItemJson => item;

export interface AgendaFields {
  title: string;
  presenter?: string | null | undefined;
  plannedMinutes: number;
}

/** Every change is signalled to the live meeting (meetingChanges.ts). */
export class AgendaStore {
  constructor(
    private readonly db: Db,
    private readonly changes: MeetingChanges,
  ) {}

  async list(meetingId: string): Promise<AgendaItemJson[]> {
    const rows = await this.db.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], include: WITH_MATERIALS });
    return rows.map(toItem);
  }

  async find(meetingId: string, itemId: string): Promise<AgendaItemJson | null> {
    const row = await this.db.agendaItem.findFirst({ where: { id: itemId, meetingId }, include: WITH_MATERIALS });
    return row ? toItem(row) : null;
  }

  count(meetingId: string): Promise<number> {
    return this.db.agendaItem.count({ where: { meetingId } });
  }

  async append(meetingId: string, fields: AgendaFields): Promise<AgendaItemJson> {
    const row = await this.db.$transaction(async (tx) => {
      const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
      return tx.agendaItem.create({
        data: { id: randomUUID(), meetingId, position: (last._max.position ?? -1) + 1, ...fields },
        include: WITH_MATERIALS,
      });
    });
    await this.changes.changed(meetingId);
    return toItem(row);
  }

  async update(meetingId: string, itemId: string, patch: Partial<AgendaFields>): Promise<AgendaItemJson> {
    const row = await this.db.agendaItem.update({ where: { id: itemId, meetingId }, data: patch, include: WITH_MATERIALS });
    await this.changes.changed(meetingId);
    return toItem(row);
  }

  /** Deletes the item (its material rows cascade) and closes the gap in positions. */
  async delete(meetingId: string, itemId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.agendaItem.delete({ where: { id: itemId } });
      const rest = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
      for (const [position, { id }] of rest.entries()) await tx.agendaItem.update({ where: { id }, data: { position } });
    });
    await this.changes.changed(meetingId);
  }

  /** `itemIds` must already be checked to be a permutation of the meeting's items. */
  async reorder(meetingId: string, itemIds: readonly string[]): Promise<void> {
    await this.db.$transaction(itemIds.map((id, position) => this.db.agendaItem.update({ where: { id }, data: { position } })));
    await this.changes.changed(meetingId);
  }

  /** Whether the live meeting has ever made this item current (then it is part of the record). */
  async hasBeenCurrent(meetingId: string, itemId: string): Promise<boolean> {
    const started = await this.db.meetingEvent.count({
      where: { meetingId, type: "agenda.itemStarted", payload: { contains: JSON.stringify(itemId) } },
    });
    return started > 0;
  }
}
