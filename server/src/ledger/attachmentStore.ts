// The LedgerAttachment table: files a department uploads to an item before listing them in its
// reply (the files themselves are LedgerFiles'). Never deleted (a trigger in the migration).
import { randomUUID } from "node:crypto";
import type { Db } from "../db/database.ts";
import type { LedgerAttachment } from "../db/generated/client.ts";

export interface NewAttachment {
  name: string;
  storedName: string;
  size: number;
  mime: string;
  uploadedBy: string;
}

export class LedgerAttachmentStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async add(itemId: string, file: NewAttachment): Promise<{ id: string; name: string }> {
    return this.db.ledgerAttachment.create({
      data: { id: randomUUID(), itemId, ...file, uploadedAt: new Date(this.now()) },
      select: { id: true, name: true },
    });
  }

  async find(id: string): Promise<LedgerAttachment | null> {
    return this.db.ledgerAttachment.findUnique({ where: { id } });
  }
}
