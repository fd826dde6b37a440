// The Material table: the rows of agenda items' materials (the files are MaterialFiles'). Adding
// or removing one is signalled to the live meeting (meetingChanges.ts), as agenda edits are.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import type { Material } from "../db/generated/client.ts";
import type { MaterialJson } from "./agendaStore.ts";
import type { MeetingChanges } from "./meetingChanges.ts";

export interface NewMaterial {
  fileName: string;
  mimeType: string;
  size: number;
  storedName: string;
}

export class MaterialStore {
  constructor(
    private readonly db: Db,
    private readonly changes: MeetingChanges,
  ) {}

  async add(meetingId: string, agendaItemId: string, material: NewMaterial): Promise<MaterialJson> {
    const row = await this.db.material.create({
      data: { id: randomUUID(), agendaItemId, ...material },
      select: { id: true, fileName: true, mimeType: true, size: true },
    });
    await this.changes.changed(meetingId);
    return row;
  }

  /** The material, when it belongs to an agenda item of this meeting. */
  async find(meetingId: string, materialId: string): Promise<Material | null> {
    return this.db.material.findFirst({ where: { id: materialId, agendaItem: { meetingId } } });
  }

  /** The stored file names of an agenda item's materials (to remove the files with the item). */
  async storedNames(agendaItemId: string): Promise<string[]> {
    const rows = await this.db.material.findMany({ where: { agendaItemId }, select: { storedName: true } });
    return rows.map((row) => row.storedName);
  }

  async delete(meetingId: string, materialId: string): Promise<void> {
    await this.db.material.delete({ where: { id: materialId } });
    await this.changes.changed(meetingId);
  }
}
