// The LedgerForm table (docs/ledger.md#forms-交办单--反馈单): the 交办单 an assignment issues and
// the 反馈单 a reply or a 就地解决 issues, written by LedgerStore's step transaction through `issue`, so a step
// and its form are stored together or not at all. Each keeps the snapshot it was issued with
// (core/ledger/forms.ts); its files are rendered from it, never from the item as it is now.
// Numbers run per kind and year (China time); the transaction lock of the SQLite adapter keeps two
// issues from taking the same one, and a unique index would refuse it anyway. Never changed nor
// deleted (triggers in the migration).
import { randomUUID } from "node:crypto";
import {
  assignmentForm,
  feedbackForm,
  formNumber,
  localFeedbackForm,
  formYear,
  LedgerFormPayload,
  type FormItem,
  type LedgerFormJson,
  type LedgerFormKind,
} from "../../../../core/ledger/forms.ts";
import type { LedgerOrigin, LedgerSource, LedgerStep } from "../../../../core/ledger/item.ts";
import type { Department } from "../../../../core/ledger/json.ts";
import type { LedgerFormSettings } from "../../config/config.ts";
import type { Db } from "../../db/database.ts";
import type { LedgerForm as FormRow, LedgerItem as ItemRow, Prisma } from "../../db/generated/client.ts";

/** An issued form: its row's facts and the snapshot it was issued with. */
export interface StoredLedgerForm {
  id: string;
  itemId: string;
  kind: LedgerFormKind;
  number: string;
  payload: LedgerFormPayload;
}

const toJson = (row: FormRow): LedgerFormJson => ({
  id: row.id,
  kind: row.kind as LedgerFormKind,
  number: row.number,
  date: LedgerFormPayload.parse(JSON.parse(row.payload)).date,
  createdAt: row.createdAt.toISOString(),
});

export class LedgerFormStore {
  constructor(
    private readonly db: Db,
    private readonly settings: LedgerFormSettings,
  ) {}

  /**
   * Inside the transaction of `step` (already applied to `row`, the item's row after it, and
   * stored as step `stepSeq`): issues the 交办单 of an assignment, or the 反馈单 of a reply or of
   * a 就地解决; any other step issues nothing.
   */
  async issue(tx: Prisma.TransactionClient, row: ItemRow, step: LedgerStep, stepSeq: number): Promise<void> {
    const { action } = step;
    if (action.type !== "assign" && action.type !== "reply" && action.type !== "resolveLocally") return;
    const kind: LedgerFormKind = action.type === "assign" ? "assignment" : "feedback";
    const year = formYear(step.at);
    const last = await tx.ledgerForm.aggregate({ where: { kind, year }, _max: { seq: true } });
    const seq = (last._max.seq ?? 0) + 1;
    const number = formNumber(kind, year, seq);
    const item = await formItem(tx, row);
    const issuer = row.communityId === null ? this.settings.issuer : ((await tx.community.findUnique({ where: { id: row.communityId } }))?.name ?? "");
    const previous = await tx.ledgerForm.findFirst({ where: { itemId: row.id, kind: "assignment" }, orderBy: { stepSeq: "desc" }, select: { number: true } });
    let payload: LedgerFormPayload;
    if (action.type === "assign") {
      payload = assignmentForm(item, action, step.at, { number, issuer, contact: this.settings.contact || step.by.name, replaces: previous?.number ?? null });
    } else {
      // 经办人: the account's own name.
      const account = await tx.staffAccount.findUnique({ where: { id: step.by.id }, select: { displayName: true } });
      const name = account?.displayName ?? step.by.name;
      payload =
        action.type === "reply"
          ? // Its department is the lead's (only the lead replies).
            feedbackForm(item, action, step.at, {
              number,
              issuer,
              assignmentNumber: previous?.number ?? null,
              handler: { name, department: item.lead?.name ?? "" },
            })
          : // The community handled it (else the organisation the forms are issued by).
            localFeedbackForm(item, action, step.at, { number, issuer, handler: { name, department: issuer || "社区" } });
    }
    await tx.ledgerForm.create({
      data: { id: randomUUID(), itemId: row.id, kind, year, seq, number, stepSeq, payload: JSON.stringify(payload), createdAt: new Date(step.at) },
    });
  }

  /** The item's forms in the order they were issued. */
  async list(itemId: string): Promise<LedgerFormJson[]> {
    return (await this.db.ledgerForm.findMany({ where: { itemId }, orderBy: { stepSeq: "asc" } })).map(toJson);
  }

  /** One form with its snapshot, or null. */
  async find(id: string): Promise<StoredLedgerForm | null> {
    const row = await this.db.ledgerForm.findUnique({ where: { id } });
    if (!row) return null;
    return { id: row.id, itemId: row.itemId, kind: row.kind as LedgerFormKind, number: row.number, payload: LedgerFormPayload.parse(JSON.parse(row.payload)) };
  }

  /** The item's latest 反馈单 (the one of its latest reply), or null: what the resident's receipt shows. */
  async feedbackFormFor(itemId: string): Promise<LedgerFormJson | null> {
    const row = await this.db.ledgerForm.findFirst({ where: { itemId, kind: "feedback" }, orderBy: { stepSeq: "desc" } });
    return row ? toJson(row) : null;
  }
}

/** What a form reads of the item, in the step's transaction: its fields and its departments' and meeting's names. */
async function formItem(tx: Prisma.TransactionClient, row: ItemRow): Promise<FormItem> {
  const partnerIds = JSON.parse(row.partnerIds) as string[];
  const ids = row.leadDepartmentId === null ? partnerIds : [row.leadDepartmentId, ...partnerIds];
  const names = new Map((await tx.department.findMany({ where: { id: { in: ids } } })).map((d) => [d.id, d]));
  const department = (id: string): Department => names.get(id) ?? { id, name: id, disabled: true };
  const meeting = row.meetingId === null ? null : await tx.meeting.findUnique({ where: { id: row.meetingId }, select: { title: true } });
  return {
    number: row.number,
    source: row.source as LedgerSource,
    origin: row.origin as LedgerOrigin,
    sourceNote: row.sourceNote,
    meetingTitle: meeting?.title ?? null,
    raisedByName: row.raisedByName,
    title: row.title,
    text: row.text,
    location: row.location,
    lead: row.leadDepartmentId === null ? null : department(row.leadDepartmentId),
    partners: partnerIds.map(department),
  };
}
