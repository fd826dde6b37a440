// The ledger's items in the database (docs/ledger.md). An item row holds the state as of its latest
// step; every action is checked by the pure machine (core/ledger/item.ts) and written together with
// its step in one transaction that also checks the version the actor saw (EDIT_CONFLICT). Items are
// numbered (序号) in one transaction; nothing is ever deleted (triggers in the migration).
import { randomUUID } from "node:crypto";
import { deadlineFlag } from "../../../core/ledger/deadline.ts";
import {
  applyStep,
  decideLedger,
  newItemState,
  type LedgerAction,
  type LedgerActor,
  type LedgerItemState,
  type LedgerOrigin,
  type LedgerRole,
  type LedgerSource,
  type LedgerState,
  type LedgerStep,
  type Reply,
  shortTitle,
  type Attachment,
} from "../../../core/ledger/item.ts";
import type { Department, LedgerItemJson, LedgerStepJson, LiveResponse } from "../../../core/ledger/json.ts";
import type { LedgerFormJson } from "../../../core/ledger/forms.ts";
import type { LedgerFormSettings } from "../config/config.ts";
import type { ErrorCode } from "../../../core/errors.ts";
import type { Db } from "../db/database.ts";
import type { LedgerItem as ItemRow, LedgerStep as StepRow, Prisma } from "../db/generated/client.ts";
import { LedgerAttachmentStore, type NewAttachment } from "./attachmentStore.ts";
import { DepartmentStore } from "./departmentStore.ts";
import { LedgerFormStore } from "./forms/formStore.ts";
import type { ImportedItem } from "./importRows.ts";
import { canSee, matchesFilter, type LedgerFilter, type LedgerViewer } from "./ledgerFilter.ts";

/** An item entered by staff (接待日, 热线, other): POST /api/ledger/items. */
export interface NewStaffItem {
  source: Exclude<LedgerSource, "meeting">;
  raisedOn: string;
  raisedByName: string;
  sector?: string | null | undefined;
  contact?: string | null | undefined;
  title: string;
  text: string;
  topic?: string | undefined;
  suggestedDepartment?: string | undefined;
  communityId?: string | undefined;
  /** 办理时限 already known at entry (a mediation agreement's obligation, docs/mediation.md); none by default. */
  deadline?: string | undefined;
}

/** A resident's report (居民点单) or a grid worker's entry, with its photos already stored under `id` (intake/intakeRoutes.ts). */
export interface NewReportItem {
  id: string;
  source: "residents" | "gridWorker";
  communityId: string;
  raisedOn: string;
  raisedByName: string;
  contact: string | null;
  anonymous: boolean;
  location: string;
  topic: string;
  text: string;
  receiptHash: string;
  photos: readonly Omit<NewAttachment, "uploadedBy">[];
  /** The grid worker's account, or "resident". */
  createdBy: string;
}

/** An item projected from a meeting's record (recordSync.ts): the wire fields it fills, and its ids. */
export type RecordItemFields = Pick<
  LedgerItemJson,
  "agendaItemTitle" | "raisedByName" | "sector" | "raisedOn" | "title" | "text" | "topic" | "suggestedDepartment" | "liveResponses"
> & {
  meetingId: string;
  suggestionId: string;
  entryKey: string;
  raisedByParticipantId: string | null;
};

/** An item projected from a decision (议定事项) of a meeting's record (recordSync.ts): no speaker; the 责任单位 as suggestedDepartment, the 完成时限 as deadline. */
export type DecisionItemFields = Pick<LedgerItemJson, "agendaItemTitle" | "raisedOn" | "title" | "text" | "suggestedDepartment" | "deadline"> & {
  meetingId: string;
  decisionId: string;
};

/** The fields of an item that follow the record (recordSync.ts) without a step. */
export type RecordFollowed = Partial<
  Pick<ItemRow, "title" | "text" | "topic" | "suggestedDepartment" | "agendaItemTitle" | "raisedByName" | "sector" | "liveResponses" | "deadline">
>;

/** Who reads an item's JSON: a member never sees the contact (nor does anyone but staff). */
export type JsonAudience = LedgerViewer | { role: "member" };

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** The machine's view of a row. */
export const itemState = (row: ItemRow): LedgerItemState => ({
  ...newItemState(row.raisedByParticipantId),
  state: row.state as LedgerState,
  lead: row.leadDepartmentId,
  partners: parseJson<string[]>(row.partnerIds, []),
  deadline: row.deadline,
  instructions: row.instructions,
  replies: parseJson<Reply[]>(row.replies, []),
  supervisions: row.supervisions,
});

const toStepJson = (row: StepRow): LedgerStepJson => ({
  seq: row.seq,
  action: parseJson<LedgerAction>(row.action, { type: "withdraw" }),
  byRole: row.byRole as LedgerRole,
  byName: row.byName,
  at: row.at.toISOString(),
  from: row.from as LedgerState,
  to: row.to as LedgerState,
});

/** Why the store refused a change: the code (the HTTP edge maps it to a status) and its details. */
export interface LedgerRefusal {
  code: ErrorCode;
  details?: unknown;
}

/** A write's outcome: the value, or the refusal (nothing was written). */
export type LedgerResult<T> = { ok: true; value: T } | { ok: false; error: LedgerRefusal };

/** Thrown inside a transaction to roll it back; turned into a failed LedgerResult before leaving the store. */
class Refused extends Error {
  constructor(readonly refusal: LedgerRefusal) {
    super(refusal.code);
  }
}

function refuse(code: ErrorCode, details?: unknown): never {
  throw new Refused(details === undefined ? { code } : { code, details });
}

/** Runs `write`; a refusal inside it (and its rolled-back transaction) becomes a failed result. */
async function refusable<T>(write: () => Promise<T>): Promise<LedgerResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.refusal };
    throw error;
  }
}

/** Prisma's unique-constraint error (the 序号 taken by a concurrent insert). */
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === "P2002";

export interface LedgerStoreOptions {
  db: Db;
  now: () => number;
  /** What the forms (交办单, 反馈单) print for the secretariat; none by default. */
  forms?: LedgerFormSettings;
}

export class LedgerStore {
  readonly departments: DepartmentStore;
  readonly attachments: LedgerAttachmentStore;
  /** The 交办单 and 反馈单 issued with assignments and replies (forms/formStore.ts). */
  readonly forms: LedgerFormStore;
  private readonly db: Db;
  private readonly now: () => number;

  constructor(options: LedgerStoreOptions) {
    this.db = options.db;
    this.now = options.now;
    this.departments = new DepartmentStore(options.db);
    this.attachments = new LedgerAttachmentStore(options.db, options.now);
    this.forms = new LedgerFormStore(options.db, options.forms ?? { issuer: "", contact: "" });
  }

  /** Where an item comes from: its meeting and the participant who raised it (null for staff-entered items); null when there is no such item. */
  async origin(id: string): Promise<{ meetingId: string | null; raisedByParticipantId: string | null } | null> {
    return this.db.ledgerItem.findUnique({ where: { id }, select: { meetingId: true, raisedByParticipantId: true } });
  }

  /**
   * The items the viewer may see that pass the filter, newest 序号 first, with `flag` at the
   * server's clock. Used by GET /api/ledger/items and the reports (dashboard, reminders, export).
   */
  async list(filter: LedgerFilter, viewer: LedgerViewer): Promise<LedgerItemJson[]> {
    const where = {
      ...(filter.number === undefined ? {} : { number: Number(filter.number) }),
      ...(filter.state === undefined ? {} : { state: filter.state }),
      ...(filter.source === undefined ? {} : { source: filter.source }),
      ...(filter.origin === undefined ? {} : { origin: filter.origin }),
      ...(filter.meetingId === undefined ? {} : { meetingId: filter.meetingId }),
      ...(filter.month === undefined ? {} : { raisedOn: { startsWith: `${filter.month}-` } }),
    };
    const rows = await this.db.ledgerItem.findMany({ where, orderBy: { number: "desc" } });
    const context = await this.context(rows);
    return rows.map((row) => this.toJson(row, context, viewer)).filter((item) => canSee(item, viewer) && matchesFilter(item, filter));
  }

  /** The item with its steps and forms, or null when it does not exist or the viewer may not see it. */
  async get(id: string, viewer: LedgerViewer): Promise<{ item: LedgerItemJson; steps: LedgerStepJson[]; forms: LedgerFormJson[] } | null> {
    const row = await this.db.ledgerItem.findUnique({ where: { id } });
    if (!row) return null;
    const item = this.toJson(row, await this.context([row]), viewer);
    if (!canSee(item, viewer)) return null;
    const steps = await this.db.ledgerStep.findMany({ where: { itemId: id }, orderBy: { seq: "asc" } });
    return { item, steps: steps.map(toStepJson), forms: await this.forms.list(id) };
  }

  /** One item as `audience` sees it (no visibility check), or null. */
  async json(id: string, audience: JsonAudience): Promise<LedgerItemJson | null> {
    const row = await this.db.ledgerItem.findUnique({ where: { id } });
    return row ? this.toJson(row, await this.context([row]), audience) : null;
  }

  /** The items a participant raised in a meeting (their own view: no contact), newest first. */
  async raisedBy(meetingId: string, participantId: string): Promise<LedgerItemJson[]> {
    const rows = await this.db.ledgerItem.findMany({ where: { meetingId, raisedByParticipantId: participantId }, orderBy: { number: "desc" } });
    const context = await this.context(rows);
    return rows.map((row) => this.toJson(row, context, { role: "member" }));
  }

  /** Enters an item by staff (state 待交办). */
  async create(input: NewStaffItem, createdBy: string): Promise<LedgerItemJson> {
    const row = await this.insert({
      source: input.source,
      raisedOn: input.raisedOn,
      raisedByName: input.raisedByName,
      sector: input.sector ?? null,
      contact: input.contact ?? null,
      title: input.title,
      text: input.text,
      topic: input.topic ?? "",
      suggestedDepartment: input.suggestedDepartment ?? "",
      communityId: input.communityId ?? null,
      deadline: input.deadline ?? null,
      createdBy,
    });
    return this.toJson(row, await this.context([row]), { role: "secretariat" });
  }

  /** Enters a resident's report (state 待交办) with its photos as attachments, in one transaction. */
  async createReport(input: NewReportItem): Promise<LedgerItemJson> {
    const now = new Date(this.now());
    const { photos, ...fields } = input;
    const row = await this.withNextNumber(async (tx, number) => {
      const attachments = photos.map((photo) => ({ id: randomUUID(), name: photo.name }));
      const created = await tx.ledgerItem.create({
        data: { ...fields, title: shortTitle(input.text), number, state: "new", version: 1, createdAt: now, photos: JSON.stringify(attachments) },
      });
      for (const [index, photo] of photos.entries())
        await tx.ledgerAttachment.create({ data: { ...photo, id: attachments[index]!.id, itemId: input.id, uploadedBy: input.createdBy, uploadedAt: now } });
      return created;
    });
    return this.toJson(row, await this.context([row]), { role: "member" });
  }

  /** The item a receipt's hash names, as its resident sees it (no contact), or null. */
  async byReceipt(receiptHash: string): Promise<LedgerItemJson | null> {
    const row = await this.db.ledgerItem.findUnique({ where: { receiptHash } });
    return row ? this.toJson(row, await this.context([row]), { role: "member" }) : null;
  }

  /** A community's items raised by residents and grid workers (no contact), newest first: a grid worker's list. */
  async reportsOf(communityId: string): Promise<LedgerItemJson[]> {
    const rows = await this.db.ledgerItem.findMany({ where: { communityId, source: { in: ["residents", "gridWorker"] } }, orderBy: { number: "desc" } });
    const context = await this.context(rows);
    return rows.map((row) => this.toJson(row, context, { role: "member" }));
  }

  /** Enters a suggestion of a meeting's record; null when that suggestion already has its item. */
  async createFromRecord(fields: RecordItemFields): Promise<ItemRow | null> {
    const { liveResponses, ...rest } = fields;
    try {
      return await this.insert({ ...rest, source: "meeting", liveResponses: JSON.stringify(liveResponses), createdBy: "system" });
    } catch (error) {
      if (isUniqueViolation(error) && (await this.bySuggestion(fields.meetingId, fields.suggestionId))) return null;
      throw error;
    }
  }

  bySuggestion(meetingId: string, suggestionId: string): Promise<ItemRow | null> {
    return this.db.ledgerItem.findUnique({ where: { meetingId_suggestionId: { meetingId, suggestionId } } });
  }

  /** Enters a decision (议定事项) of a meeting's record; null when that decision already has its item. */
  async createFromDecision(fields: DecisionItemFields): Promise<ItemRow | null> {
    try {
      return await this.insert({ ...fields, source: "meeting", origin: "decision" satisfies LedgerOrigin, raisedByName: "", createdBy: "system" });
    } catch (error) {
      if (isUniqueViolation(error) && (await this.byDecision(fields.meetingId, fields.decisionId))) return null;
      throw error;
    }
  }

  byDecision(meetingId: string, decisionId: string): Promise<ItemRow | null> {
    return this.db.ledgerItem.findUnique({ where: { meetingId_decisionId: { meetingId, decisionId } } });
  }

  /** The items of a meeting's record: its suggestions' and its decisions' (tell them apart by `origin`). */
  async ofMeeting(meetingId: string): Promise<ItemRow[]> {
    return this.db.ledgerItem.findMany({ where: { meetingId, source: "meeting" } });
  }

  /**
   * Changes fields that follow the record (texts while new, liveResponses always) without a step:
   * they are the record's, not an action on the item. Bumps the version; false when the item moved on meanwhile.
   */
  async followRecord(row: ItemRow, patch: RecordFollowed): Promise<boolean> {
    const { count } = await this.db.ledgerItem.updateMany({ where: { id: row.id, version: row.version }, data: { ...patch, version: row.version + 1 } });
    return count === 1;
  }

  /**
   * Takes `action` by `actor` on the item the actor saw at `baseVersion`: checks it with the
   * machine at the server's clock, then writes the item and the step in one transaction.
   * NOT_FOUND (also for a department that is neither lead nor partner), EDIT_CONFLICT, the
   * machine's errors, DEPARTMENT_UNKNOWN for an assignment to an unknown or disabled department,
   * VALIDATION for a reply listing an attachment not uploaded to this item.
   */
  async act(
    itemId: string,
    baseVersion: number,
    action: LedgerAction,
    actor: LedgerActor,
  ): Promise<LedgerResult<{ item: LedgerItemJson; step: LedgerStepJson }>> {
    return refusable(() => this.write(itemId, baseVersion, action, actor));
  }

  private async write(itemId: string, baseVersion: number, action: LedgerAction, actor: LedgerActor): Promise<{ item: LedgerItemJson; step: LedgerStepJson }> {
    const now = this.now();
    const { row, step } = await this.db
      .$transaction(async (tx) => {
        const current = (await tx.ledgerItem.findUnique({ where: { id: itemId } })) ?? refuse("NOT_FOUND");
        const state = itemState(current);
        if (actor.role === "department" && state.lead !== actor.departmentId && !state.partners.includes(actor.departmentId)) refuse("NOT_FOUND");
        if (current.version !== baseVersion) refuse("EDIT_CONFLICT", { version: current.version });
        const decided = decideLedger(state, action, actor, now);
        if (!decided.ok) refuse(decided.error.code, decided.error.details);
        let step: LedgerStep = decided.value;
        // What the machine cannot know: the departments exist, the files were uploaded to this item.
        if (action.type === "assign") {
          const ids = [action.lead, ...action.partners];
          const known = await tx.department.count({ where: { id: { in: ids }, disabled: false } });
          if (known !== new Set(ids).size) refuse("DEPARTMENT_UNKNOWN");
        }
        if (action.type === "reply" && action.attachments.length > 0) {
          const ids = action.attachments.map((a) => a.id);
          const stored = await tx.ledgerAttachment.findMany({ where: { id: { in: ids }, itemId }, select: { id: true, name: true } });
          const nameOf = new Map(stored.map((a) => [a.id, a.name]));
          if (new Set(ids).size !== ids.length || !ids.every((id) => nameOf.has(id)))
            refuse("VALIDATION", ["action.attachments: upload each file to this item first, once"]);
          step = { ...step, action: { ...action, attachments: ids.map((id) => ({ id, name: nameOf.get(id) ?? "" })) } };
        }
        const next = applyStep(state, step);
        const updated = await tx.ledgerItem.update({
          where: { id: itemId, version: baseVersion },
          data: {
            state: next.state,
            leadDepartmentId: next.lead,
            partnerIds: JSON.stringify(next.partners),
            deadline: next.deadline,
            instructions: next.instructions,
            replies: JSON.stringify(next.replies),
            supervisions: next.supervisions,
            version: baseVersion + 1,
            ...(step.action.type === "assign" ? { assignedAt: new Date(now) } : {}),
            ...(step.action.type === "toCouncil" ? { councilMeetingId: step.action.meetingId } : {}),
            ...(next.state === "closed" && state.state !== "closed" ? { closedAt: new Date(now) } : {}),
          },
        });
        const seq = (await tx.ledgerStep.count({ where: { itemId } })) + 1;
        const stepRow = await tx.ledgerStep.create({
          data: {
            itemId,
            seq,
            action: JSON.stringify(step.action),
            byRole: step.by.role,
            byId: step.by.id,
            byName: step.by.name,
            at: new Date(now),
            from: step.from,
            to: step.to,
          },
        });
        // An assignment's 交办单, a reply's 反馈单: issued with the step or not at all.
        await this.forms.issue(tx, updated, step, seq);
        return { row: updated, step: stepRow };
      })
      .catch((error: unknown) => {
        // The conditional update found another version: someone else's step got in first.
        if ((error as { code?: unknown } | null)?.code === "P2025") refuse("EDIT_CONFLICT");
        throw error;
      });
    const audience: JsonAudience =
      actor.role === "department"
        ? { role: "department", departmentId: actor.departmentId }
        : actor.role === "member" || actor.role === "resident"
          ? { role: "member" }
          : { role: "secretariat" };
    return { item: this.toJson(row, await this.context([row]), audience), step: toStepJson(step) };
  }

  /** What every item already in the ledger says (the import refuses rows that repeat one). */
  async keys(): Promise<{ number: number; title: string; text: string; raisedByName: string }[]> {
    return this.db.ledgerItem.findMany({ select: { number: true, title: true, text: true, raisedByName: true } });
  }

  /**
   * Enters the items of an imported paper ledger (importRows.ts), numbered in file order, each with
   * its one `import` step by `actor` (from 待交办 to the state it had on paper), all in one
   * transaction: every row or none. The machine checks each step again (its refusal, nothing entered).
   */
  async importItems(
    items: readonly ImportedItem[],
    actor: Extract<LedgerActor, { role: "secretariat" }>,
  ): Promise<LedgerResult<{ row: number; id: string; number: number }[]>> {
    const now = this.now();
    return refusable(() =>
      this.withNextNumber(async (tx, first) => {
        const entered: { row: number; id: string; number: number }[] = [];
        for (const [index, item] of items.entries()) {
          const { action, row, assignedOn, ...fields } = item;
          const decided = decideLedger(newItemState(null), action, actor, now);
          if (!decided.ok) refuse(decided.error.code, decided.error.details);
          const state = applyStep(newItemState(null), decided.value);
          const id = randomUUID();
          const number = first + index;
          await tx.ledgerItem.create({
            data: {
              ...fields,
              id,
              number,
              state: state.state,
              leadDepartmentId: state.lead,
              partnerIds: JSON.stringify(state.partners),
              deadline: state.deadline,
              replies: JSON.stringify(state.replies),
              // 交办时间 as written on paper (midnight in China); none when the paper did not say.
              assignedAt: assignedOn === null ? null : new Date(`${assignedOn}T00:00:00+08:00`),
              closedAt: state.state === "closed" ? new Date(now) : null,
              version: 1,
              createdAt: new Date(now),
              createdBy: actor.id,
            },
          });
          await tx.ledgerStep.create({
            data: {
              itemId: id,
              seq: 1,
              action: JSON.stringify(action),
              byRole: actor.role,
              byId: actor.id,
              byName: actor.name,
              at: new Date(now),
              from: "new",
              to: state.state,
            },
          });
          entered.push({ row, id, number });
        }
        return entered;
      }),
    );
  }

  /** Inserts a new item with the next 序号 (retried when a concurrent insert took it). */
  private async insert(data: Omit<Prisma.LedgerItemUncheckedCreateInput, "id" | "number" | "state" | "createdAt" | "version">): Promise<ItemRow> {
    return this.withNextNumber((tx, number) =>
      tx.ledgerItem.create({ data: { ...data, id: randomUUID(), number, state: "new", version: 1, createdAt: new Date(this.now()) } }),
    );
  }

  /** Runs `write` in a transaction with the next free 序号, again when a concurrent insert took it. */
  private async withNextNumber<T>(write: (tx: Prisma.TransactionClient, number: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const last = await tx.ledgerItem.aggregate({ _max: { number: true } });
          return write(tx, (last._max.number ?? 0) + 1);
        });
      } catch (error) {
        const numberTaken = isUniqueViolation(error) && String((error as { meta?: { target?: unknown } }).meta?.target ?? "").includes("number");
        if (!numberTaken || attempt >= 5) throw error;
      }
    }
  }

  private async context(rows: readonly ItemRow[]): Promise<{ departments: Map<string, Department>; meetings: Map<string, string> }> {
    const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId === null ? [] : [r.meetingId])))];
    const [departments, meetings] = await Promise.all([
      this.departments.map(),
      meetingIds.length === 0 ? [] : this.db.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, title: true } }),
    ]);
    return { departments, meetings: new Map(meetings.map((m) => [m.id, m.title])) };
  }

  /** The wire shape; `flag` at the server's clock; the contact only for staff. */
  private toJson(row: ItemRow, context: { departments: Map<string, Department>; meetings: Map<string, string> }, audience: JsonAudience): LedgerItemJson {
    const department = (id: string): Department => context.departments.get(id) ?? { id, name: id, disabled: true };
    const state = row.state as LedgerState;
    // 网格悄悄话: only the secretariat sees who raised it; a member or resident never sees a contact.
    const hidden = audience.role === "member" || (row.anonymous && audience.role !== "secretariat");
    return {
      id: row.id,
      number: row.number,
      source: row.source as LedgerSource,
      origin: row.origin as LedgerOrigin,
      sourceNote: row.sourceNote,
      meetingId: row.meetingId,
      meetingTitle: row.meetingId === null ? null : (context.meetings.get(row.meetingId) ?? null),
      suggestionId: row.suggestionId,
      decisionId: row.decisionId,
      agendaItemTitle: row.agendaItemTitle,
      entryKey: row.entryKey,
      raisedByName: row.anonymous && audience.role !== "secretariat" ? "" : row.raisedByName,
      sector: row.sector,
      contact: hidden ? null : row.contact,
      raisedOn: row.raisedOn,
      title: row.title,
      text: row.text,
      topic: row.topic,
      suggestedDepartment: row.suggestedDepartment,
      liveResponses: parseJson<LiveResponse[]>(row.liveResponses, []),
      state,
      lead: row.leadDepartmentId === null ? null : department(row.leadDepartmentId),
      partners: parseJson<string[]>(row.partnerIds, []).map(department),
      deadline: row.deadline,
      instructions: row.instructions,
      assignedAt: row.assignedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      replies: parseJson<Reply[]>(row.replies, []),
      supervisions: row.supervisions,
      communityId: row.communityId,
      anonymous: row.anonymous,
      location: row.location,
      photos: parseJson<Attachment[]>(row.photos, []),
      councilMeetingId: row.councilMeetingId,
      flag: deadlineFlag({ state, deadline: row.deadline }, this.now()),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
