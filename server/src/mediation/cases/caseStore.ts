// The mediation case tables (调解案件, docs/mediation.md "Case and follow-up"): MediationCase and its
// parties, mediators, sessions, obligations and return visits. A step is checked by the state table
// of core/mediation/case.ts and written with a guard on the state it was taken from, so two steps at
// once record one and refuse the other. Each obligation of the agreement becomes a ledger item with
// its deadline (LedgerStore), so it follows the ledger's 交办—督办—反馈 loop; those items are
// written only after the step has won its guard. A session made from the case (新建调解会谈) keeps,
// on each party and mediator, the id of their roster entry in it.
import { randomUUID } from "node:crypto";
import type { MediationCase, MediationCaseStep, NewMediationCase } from "../../../../core/api/mediationCases.ts";
import { fail, ok, type Result } from "../../../../core/errors.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../../../../core/time/meetingTime.ts";
import {
  caseNumber,
  takeStep,
  type AgreementForm,
  type CaseCategory,
  type CaseState,
  type PartyRole,
  type VisitOutcome,
} from "../../../../core/mediation/case.ts";
import type { Db } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import type { LedgerStore } from "../../ledger/ledgerStore.ts";

/** The staff member who enters a case or records a step. */
export interface Clerk {
  id: string;
  name: string;
}

const INCLUDE = {
  parties: { orderBy: { position: "asc" } },
  mediators: { orderBy: { position: "asc" } },
  sessions: { orderBy: { linkedAt: "asc" } },
  obligations: { orderBy: { position: "asc" } },
  visits: { orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.MediationCaseInclude;
type Row = Prisma.MediationCaseGetPayload<{ include: typeof INCLUDE }>;

/** The sources of an intake item: a resident's report (居民点单) or a grid worker's entry for one. */
const INTAKE_SOURCES = ["residents", "gridWorker"];

export class MediationCaseStore {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerStore,
    private readonly now: () => number,
  ) {}

  private async toJson(row: Row): Promise<MediationCase> {
    const numbers = new Map(
      (await this.db.ledgerItem.findMany({ where: { id: { in: row.obligations.map((o) => o.ledgerItemId) } }, select: { id: true, number: true } })).map(
        (i) => [i.id, i.number],
      ),
    );
    const meetings = new Map(
      (
        await this.db.meeting.findMany({
          where: { id: { in: row.sessions.map((s) => s.meetingId) } },
          select: { id: true, title: true, startsAt: true, timeZone: true },
        })
      ).map((m) => [m.id, m]),
    );
    return {
      id: row.id,
      number: caseNumber(row.year, row.seq),
      communityId: row.communityId,
      category: row.category as CaseCategory,
      facts: row.facts,
      acceptedOn: row.acceptedOn,
      source: row.ledgerItemId === null ? "typed" : "intake",
      ledgerItemId: row.ledgerItemId,
      state: row.state as CaseState,
      parties: row.parties.map((p) => ({
        id: p.id,
        name: p.name,
        household: p.household,
        phone: p.phone,
        role: p.role as PartyRole,
        participantId: p.participantId,
      })),
      mediators: row.mediators.map((m) => ({ id: m.id, name: m.name, affiliation: m.affiliation, chief: m.chief, participantId: m.participantId })),
      meetingIds: row.sessions.map((s) => s.meetingId),
      sessions: row.sessions.map((s) => {
        const meeting = meetings.get(s.meetingId);
        return {
          meetingId: s.meetingId,
          title: meeting?.title ?? "",
          startsAt: meeting?.startsAt?.toISOString() ?? null,
          timeZone: meeting?.timeZone ?? DEFAULT_TIME_ZONE,
        };
      }),
      agreement:
        row.agreementForm === null || row.agreedOn === null
          ? null
          : { form: row.agreementForm as AgreementForm, oralRecord: row.oralRecord, agreedOn: row.agreedOn },
      referral: row.referral,
      obligations: row.obligations.map((o) => ({
        id: o.id,
        partyId: o.partyId,
        text: o.text,
        deadline: o.deadline,
        ledgerItemId: o.ledgerItemId,
        ledgerNumber: numbers.get(o.ledgerItemId) ?? 0,
      })),
      returnVisits: row.visits.map((v) => ({
        id: v.id,
        visitOn: v.visitOn,
        outcome: v.outcome as VisitOutcome | null,
        visitedOn: v.visitedOn,
        note: v.note,
        recordedByName: v.recordedByName,
      })),
      closedOn: row.closedOn,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** The cases passing the filter, the latest accepted first. */
  async list(filter: { state?: CaseState | undefined; category?: CaseCategory | undefined; communityId?: string | undefined } = {}): Promise<MediationCase[]> {
    const rows = await this.db.mediationCase.findMany({
      where: {
        ...(filter.state === undefined ? {} : { state: filter.state }),
        ...(filter.category === undefined ? {} : { category: filter.category }),
        ...(filter.communityId === undefined ? {} : { communityId: filter.communityId }),
      },
      include: INCLUDE,
      orderBy: [{ year: "desc" }, { seq: "desc" }],
    });
    return Promise.all(rows.map((row) => this.toJson(row)));
  }

  async get(id: string): Promise<MediationCase | null> {
    const row = await this.db.mediationCase.findUnique({ where: { id }, include: INCLUDE });
    return row && this.toJson(row);
  }

  /** A new case (受理): accepted today or earlier, in a community; from a resident's report if it names one. */
  async create(input: NewMediationCase, by: Clerk): Promise<Result<MediationCase>> {
    if (input.acceptedOn > chinaDate(this.now())) return fail("MEDIATION_DATE_INVALID", ["acceptedOn: after today"]);
    if (!(await this.db.community.findUnique({ where: { id: input.communityId }, select: { id: true } }))) return fail("NOT_FOUND", ["communityId"]);
    if (input.ledgerItemId) {
      const item = await this.db.ledgerItem.findUnique({ where: { id: input.ledgerItemId }, select: { source: true } });
      if (!item || !INTAKE_SOURCES.includes(item.source)) return fail("MEDIATION_INTAKE_ITEM_INVALID");
    }
    const year = Number(input.acceptedOn.slice(0, 4));
    const id = randomUUID();
    await this.db.$transaction(async (tx) => {
      const last = await tx.mediationCase.findFirst({ where: { year }, orderBy: { seq: "desc" }, select: { seq: true } });
      await tx.mediationCase.create({
        data: {
          id,
          year,
          seq: (last?.seq ?? 0) + 1,
          communityId: input.communityId,
          category: input.category,
          facts: input.facts,
          acceptedOn: input.acceptedOn,
          ledgerItemId: input.ledgerItemId ?? null,
          state: "accepted",
          createdBy: by.id,
          createdByName: by.name,
          createdAt: new Date(this.now()),
          parties: { create: input.parties.map((p, position) => ({ id: randomUUID(), position, ...p })) },
          mediators: {
            create: input.mediators.map((m, position) => ({ id: randomUUID(), position, name: m.name, affiliation: m.affiliation, chief: m.chief ?? false })),
          },
        },
      });
    });
    return ok((await this.get(id))!);
  }

  /**
   * Links a session: a meeting of kind mediation (once). For a session made from the case,
   * `participants` names the roster entry made for each case party and mediator (by their ids);
   * they are kept with the link, in one transaction.
   */
  async linkMeeting(id: string, meetingId: string, participants?: ReadonlyMap<string, string>): Promise<Result<MediationCase>> {
    if (!(await this.db.mediationCase.findUnique({ where: { id }, select: { id: true } }))) return fail("NOT_FOUND");
    const meeting = await this.db.meeting.findUnique({ where: { id: meetingId }, select: { kind: true } });
    if (meeting?.kind !== "mediation") return fail("MEDIATION_MEETING_UNKNOWN");
    await this.db.$transaction(async (tx) => {
      await tx.mediationCaseSession.upsert({
        where: { caseId_meetingId: { caseId: id, meetingId } },
        create: { caseId: id, meetingId, linkedAt: new Date(this.now()) },
        update: {},
      });
      for (const [of, participantId] of participants ?? []) {
        await tx.mediationParty.updateMany({ where: { id: of, caseId: id }, data: { participantId } });
        await tx.mediationMediator.updateMany({ where: { id: of, caseId: id }, data: { participantId } });
      }
    });
    return ok((await this.get(id))!);
  }

  /** One step of the case (core/mediation/case.ts), refused with its code and nothing changed when the state or the input does not allow it. */
  async step(id: string, step: MediationCaseStep, by: Clerk): Promise<Result<MediationCase>> {
    const row = await this.db.mediationCase.findUnique({ where: { id }, include: INCLUDE });
    if (!row) return fail("NOT_FOUND");
    const from = row.state as CaseState;
    const taken = takeStep(
      { state: from, lastVisitOutcome: row.lastVisitOutcome as VisitOutcome | null },
      step.type === "agree"
        ? { type: "agree", form: step.form }
        : step.type === "recordVisit"
          ? { type: "recordVisit", outcome: step.outcome }
          : { type: step.type },
    );
    if (!taken.ok) return fail(taken.code);
    const today = chinaDate(this.now());
    const dated = (field: string, date: string): Result<never> | null =>
      date < row.acceptedOn ? fail("MEDIATION_DATE_INVALID", [`${field}: before the case was accepted`]) : null;
    const notLater = (field: string, date: string): Result<never> | null =>
      dated(field, date) ?? (date > today ? fail("MEDIATION_DATE_INVALID", [`${field}: after today`]) : null);

    let data: Prisma.MediationCaseUpdateManyMutationInput = { state: taken.progress.state, lastVisitOutcome: taken.progress.lastVisitOutcome };
    let extra: ((tx: Prisma.TransactionClient) => Promise<void>) | null = null;
    /** What is written once the step has won its guard, outside its transaction. */
    let after: (() => Promise<void>) | null = null;
    switch (step.type) {
      case "start":
        break;
      case "agree": {
        const bad = notLater("agreedOn", step.agreedOn);
        if (bad) return bad;
        if (step.form === "oral" && !step.oralRecord) return fail("VALIDATION", ["oralRecord: an oral agreement needs its record"]);
        data = { ...data, agreementForm: step.form, oralRecord: step.form === "oral" ? (step.oralRecord ?? null) : null, agreedOn: step.agreedOn };
        break;
      }
      case "fail":
        data = { ...data, referral: step.referral };
        break;
      case "perform": {
        const parties = new Map(row.parties.map((p) => [p.id, p]));
        for (const [i, o] of step.obligations.entries()) {
          if (!parties.has(o.partyId)) return fail("NOT_FOUND", [`obligations.${i}.partyId`]);
          const bad = dated(`obligations.${i}.deadline`, o.deadline);
          if (bad) return bad;
        }
        // The step wins its guard first (below); only then are the ledger items written (their store
        // owns them, in its own transactions), and the obligations name them.
        const number = caseNumber(row.year, row.seq);
        after = async () => {
          const items: string[] = [];
          for (const o of step.obligations) {
            const party = parties.get(o.partyId)!;
            const item = await this.ledger.create(
              {
                source: "other",
                raisedOn: today,
                raisedByName: party.name,
                contact: party.phone,
                title: `调解协议履行：${o.text}`.slice(0, 100),
                text: `${number}（${row.facts.slice(0, 200)}）\n履行人：${party.name}（${party.household}）\n履行事项：${o.text}\n履行期限：${o.deadline}`,
                topic: "人民调解",
                communityId: row.communityId,
                deadline: o.deadline,
              },
              by.id,
            );
            items.push(item.id);
          }
          await this.db.mediationObligation.createMany({
            data: step.obligations.map((o, position) => ({
              id: randomUUID(),
              caseId: id,
              position,
              partyId: o.partyId,
              text: o.text,
              deadline: o.deadline,
              ledgerItemId: items[position]!,
            })),
          });
        };
        break;
      }
      case "scheduleVisit": {
        const bad = dated("visitOn", step.visitOn);
        if (bad) return bad;
        extra = async (tx) => {
          await tx.mediationReturnVisit.create({
            data: { id: randomUUID(), caseId: id, visitOn: step.visitOn, recordedBy: by.id, recordedByName: by.name, createdAt: new Date(this.now()) },
          });
        };
        break;
      }
      case "recordVisit": {
        const bad = notLater("visitedOn", step.visitedOn);
        if (bad) return bad;
        const visit = row.visits.findLast((v) => v.outcome === null);
        if (!visit) return fail("MEDIATION_CASE_STATE");
        extra = async (tx) => {
          await tx.mediationReturnVisit.update({
            where: { id: visit.id },
            data: { outcome: step.outcome, visitedOn: step.visitedOn, note: step.note ?? "", recordedBy: by.id, recordedByName: by.name },
          });
        };
        break;
      }
      case "close": {
        const bad = notLater("closedOn", step.closedOn);
        if (bad) return bad;
        data = { ...data, closedOn: step.closedOn };
        break;
      }
    }
    const written = await this.db.$transaction(async (tx) => {
      const { count } = await tx.mediationCase.updateMany({ where: { id, state: from }, data });
      if (count === 0) return false;
      if (extra) await extra(tx);
      return true;
    });
    if (!written) return fail("MEDIATION_CASE_STATE");
    if (after) {
      try {
        await after();
      } catch (error) {
        // Nothing half-done stays: the step is taken back (the items already written stay in the ledger).
        await this.db.mediationCase.updateMany({ where: { id, state: taken.progress.state }, data: { state: from } });
        throw error;
      }
    }
    return ok((await this.get(id))!);
  }
}
