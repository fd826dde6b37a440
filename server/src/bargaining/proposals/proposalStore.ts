// The ProposalCollection, ProposalForm, BargainingProposal and ProposalMerge tables (docs/bargaining.md
// "Proposals"): the union's collections, the returned 征集表 numbered 第n份 in the order they came
// back (UNIQUE per collection, taken in a transaction), and the 协商提案 numbered 1..n with the
// forms they merge. The rules (answers, counts, coverage, numbering) are core's.
import { randomBytes, randomUUID } from "node:crypto";
import type {
  Collection,
  CollectionEditBody,
  FormBody,
  NewCollectionBody,
  Proposal,
  ProposalBody,
  ProposalEditBody,
  ReturnedForm,
} from "../../../../core/api/bargainingProposals.ts";
import {
  checkAnswers,
  collectionPhase,
  distinctForms,
  formSaysSomething,
  mergeProgress,
  nextProposalNumber,
  numberQuestions,
  questionProblems,
  renumberAfterRemoval,
  returnsOf,
  suggestionsOf,
  summariseAnswers,
  unknownForms,
  workersCovered,
  type Answers,
  type FormSource,
  type ProposalQuestion,
  type QuestionSummary,
  type Returns,
} from "../../../../core/bargaining/proposals.ts";
import { fail, ok, type Result } from "../../../../core/errors.ts";
import type { Db } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";

/** 16 characters of base32 (80 bits): unguessable, short enough for a QR code on a form. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const publicCode = (): string => [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join("");

type CollectionRow = {
  id: string;
  title: string;
  questions: string;
  handedOut: number;
  paperCounted: number;
  opensAt: Date;
  closesAt: Date;
  publicCode: string;
  meetingId: string | null;
  createdAt: Date;
};
type FormRow = {
  id: string;
  number: number;
  source: string;
  answers: string;
  suggestion: string;
  name: string;
  department: string;
  phone: string;
  anonymous: boolean;
  enteredByName: string | null;
  receivedAt: Date;
};
type ProposalRow = {
  id: string;
  collectionId: string;
  number: number;
  title: string;
  text: string;
  extraWorkers: number;
  createdAt: Date;
  updatedAt: Date;
  merges: { formId: string; form: { number: number } }[];
};
const WITH_MERGES = { merges: { select: { formId: true, form: { select: { number: true } } } } } as const;

const toForm = (row: FormRow): ReturnedForm => ({
  id: row.id,
  number: row.number,
  source: row.source as FormSource,
  answers: JSON.parse(row.answers) as Answers,
  suggestion: row.suggestion,
  name: row.name,
  department: row.department,
  phone: row.phone,
  anonymous: row.anonymous,
  enteredByName: row.enteredByName,
  receivedAt: row.receivedAt.toISOString(),
});

function toProposal(row: ProposalRow): Proposal {
  const merges = [...row.merges].sort((a, b) => a.form.number - b.form.number);
  const formIds = merges.map((m) => m.formId);
  return {
    id: row.id,
    collectionId: row.collectionId,
    number: row.number,
    title: row.title,
    text: row.text,
    formIds,
    formNumbers: merges.map((m) => m.form.number),
    extraWorkers: row.extraWorkers,
    workersCovered: workersCovered({ formIds, extraWorkers: row.extraWorkers }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Who enters a form: nobody (the public link) or the union's account typing in a paper form. */
export type FormEntry = { source: "online" } | { source: "paper"; accountId: string; name: string };

/** The union's view of a collection. */
export interface CollectionView {
  returns: Returns;
  answers: QuestionSummary[];
  suggestions: { formNumber: number; text: string }[];
  forms: ReturnedForm[];
  proposals: Proposal[];
  merged: number;
  unmerged: string[];
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === "P2002";

export class ProposalStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private toCollection(row: CollectionRow): Collection {
    return {
      id: row.id,
      title: row.title,
      questions: JSON.parse(row.questions) as ProposalQuestion[],
      handedOut: row.handedOut,
      paperCounted: row.paperCounted,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      phase: collectionPhase({ opensAt: row.opensAt.getTime(), closesAt: row.closesAt.getTime() }, this.now()),
      publicCode: row.publicCode,
      meetingId: row.meetingId,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Every collection (of one bargaining meeting), newest first, with its returns and how many proposals it has. */
  async list(meetingId?: string): Promise<(Collection & { returns: Returns; proposals: number })[]> {
    const rows = await this.db.proposalCollection.findMany({
      where: meetingId === undefined ? {} : { meetingId },
      orderBy: { createdAt: "desc" },
      include: { _count: { select: { proposals: true } } },
    });
    const bySource = await this.db.proposalForm.groupBy({
      by: ["collectionId", "source"],
      where: { collectionId: { in: rows.map((r) => r.id) } },
      _count: { _all: true },
    });
    const count = (id: string, source: FormSource) => bySource.find((g) => g.collectionId === id && g.source === source)?._count._all ?? 0;
    return rows.map((row) => ({
      ...this.toCollection(row),
      returns: returnsOf({ handedOut: row.handedOut, paperCounted: row.paperCounted, online: count(row.id, "online"), paperTyped: count(row.id, "paper") }),
      proposals: row._count.proposals,
    }));
  }

  async get(id: string): Promise<Collection | null> {
    const row = await this.db.proposalCollection.findUnique({ where: { id } });
    return row ? this.toCollection(row) : null;
  }

  /** The collection a public link names, or null. */
  async byPublicCode(code: string): Promise<Collection | null> {
    const row = await this.db.proposalCollection.findUnique({ where: { publicCode: code } });
    return row ? this.toCollection(row) : null;
  }

  /** A linked meeting must exist and be a bargaining meeting. */
  private async meetingFits(meetingId: string | null | undefined): Promise<boolean> {
    return !meetingId || (await this.db.meeting.count({ where: { id: meetingId, kind: "bargaining" } })) > 0;
  }

  async create(input: NewCollectionBody, createdBy: string): Promise<Result<Collection>> {
    const problems = questionProblems(input.questions);
    if (problems.length > 0) return fail("VALIDATION", problems);
    if (!(await this.meetingFits(input.meetingId))) return fail("BARGAINING_MEETING_UNKNOWN");
    const row = await this.db.proposalCollection.create({
      data: {
        id: randomUUID(),
        title: input.title,
        questions: JSON.stringify(numberQuestions(input.questions)),
        handedOut: input.handedOut,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        publicCode: publicCode(),
        meetingId: input.meetingId ?? null,
        createdBy,
        createdAt: new Date(this.now()),
      },
    });
    return ok(this.toCollection(row));
  }

  /** Edits the settings; the questions only while no form is back (answers are keyed by them). */
  async edit(id: string, edit: CollectionEditBody): Promise<Result<Collection>> {
    const current = await this.db.proposalCollection.findUnique({ where: { id } });
    if (!current) return fail("NOT_FOUND");
    if (edit.questions) {
      const problems = questionProblems(edit.questions);
      if (problems.length > 0) return fail("VALIDATION", problems);
      if (await this.db.proposalForm.count({ where: { collectionId: id } })) return fail("PROPOSAL_QUESTIONS_LOCKED");
    }
    const opensAt = edit.opensAt === undefined ? current.opensAt : new Date(edit.opensAt);
    const closesAt = edit.closesAt === undefined ? current.closesAt : new Date(edit.closesAt);
    if (opensAt >= closesAt) return fail("VALIDATION", ["closesAt: closesAt must be after opensAt"]);
    if (edit.meetingId !== undefined && !(await this.meetingFits(edit.meetingId))) return fail("BARGAINING_MEETING_UNKNOWN");
    const row = await this.db.proposalCollection.update({
      where: { id },
      data: {
        ...(edit.title === undefined ? {} : { title: edit.title }),
        ...(edit.questions === undefined ? {} : { questions: JSON.stringify(numberQuestions(edit.questions)) }),
        ...(edit.handedOut === undefined ? {} : { handedOut: edit.handedOut }),
        ...(edit.paperCounted === undefined ? {} : { paperCounted: edit.paperCounted }),
        ...(edit.meetingId === undefined ? {} : { meetingId: edit.meetingId }),
        opensAt,
        closesAt,
      },
    });
    return ok(this.toCollection(row));
  }

  /**
   * Stores a returned form, numbered next in its collection. Answers that do not fit the questions
   * (PROPOSAL_ANSWERS_INVALID) and a form that says nothing (PROPOSAL_FORM_EMPTY) store nothing.
   */
  async addForm(collection: Collection, input: FormBody, entry: FormEntry): Promise<Result<ReturnedForm>> {
    const checked = checkAnswers(collection.questions, input.answers);
    if (!checked.ok) return fail("PROPOSAL_ANSWERS_INVALID", checked.problems);
    const suggestion = input.suggestion;
    if (!formSaysSomething(checked.answers, suggestion)) return fail("PROPOSAL_FORM_EMPTY");
    const data = {
      collectionId: collection.id,
      source: entry.source,
      answers: JSON.stringify(checked.answers),
      suggestion,
      name: input.name,
      department: input.department,
      phone: input.phone,
      anonymous: input.anonymous,
      enteredBy: entry.source === "paper" ? entry.accountId : null,
      enteredByName: entry.source === "paper" ? entry.name : null,
      receivedAt: new Date(this.now()),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await this.db.$transaction(async (tx) => {
          const last = await tx.proposalForm.aggregate({ where: { collectionId: collection.id }, _max: { number: true } });
          return tx.proposalForm.create({ data: { ...data, id: randomUUID(), number: (last._max.number ?? 0) + 1 } });
        });
        return ok(toForm(row));
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  private async proposalRows(collectionId: string): Promise<ProposalRow[]> {
    return this.db.bargainingProposal.findMany({ where: { collectionId }, orderBy: { number: "asc" }, include: WITH_MERGES });
  }

  /** The collection's 协商提案, 1..n. */
  async proposals(collectionId: string): Promise<Proposal[]> {
    return (await this.proposalRows(collectionId)).map(toProposal);
  }

  /** Counts, the answers per question, the suggestions, every form, the proposals and what is merged. */
  async view(collection: Collection): Promise<CollectionView> {
    const [formRows, proposals] = await Promise.all([
      this.db.proposalForm.findMany({ where: { collectionId: collection.id }, orderBy: { number: "asc" } }),
      this.proposals(collection.id),
    ]);
    const forms = formRows.map(toForm);
    const returns = returnsOf({
      handedOut: collection.handedOut,
      paperCounted: collection.paperCounted,
      online: forms.filter((f) => f.source === "online").length,
      paperTyped: forms.filter((f) => f.source === "paper").length,
    });
    return {
      returns,
      answers: summariseAnswers(collection.questions, forms),
      suggestions: suggestionsOf(forms),
      forms,
      proposals,
      ...mergeProgress(
        forms.map((f) => f.id),
        proposals,
      ),
    };
  }

  /** The given ids, each once, when all are forms of the collection; PROPOSAL_FORM_UNKNOWN otherwise. */
  private async formsOf(collectionId: string, formIds: readonly string[]): Promise<Result<string[]>> {
    const wanted = distinctForms(formIds);
    const known = await this.db.proposalForm.findMany({ where: { collectionId, id: { in: wanted } }, select: { id: true } });
    const unknown = unknownForms(wanted, new Set(known.map((f) => f.id)));
    return unknown.length > 0 ? fail("PROPOSAL_FORM_UNKNOWN", unknown.slice(0, 20)) : ok(wanted);
  }

  /** A new 协商提案, numbered after the others, merging the given forms. */
  async createProposal(collectionId: string, input: ProposalBody, createdBy: string): Promise<Result<Proposal>> {
    const forms = await this.formsOf(collectionId, input.formIds);
    if (!forms.ok) return forms;
    const at = new Date(this.now());
    const row = await this.db.$transaction(async (tx) => {
      const numbers = (await tx.bargainingProposal.findMany({ where: { collectionId }, select: { number: true } })).map((p) => p.number);
      return tx.bargainingProposal.create({
        data: {
          id: randomUUID(),
          collectionId,
          number: nextProposalNumber(numbers),
          title: input.title,
          text: input.text,
          extraWorkers: input.extraWorkers,
          createdBy,
          createdAt: at,
          updatedAt: at,
          merges: { create: forms.value.map((formId) => ({ formId })) },
        },
        include: WITH_MERGES,
      });
    });
    return ok(toProposal(row));
  }

  /** Edits a proposal; `formIds`, when given, replaces the forms it merges. */
  async editProposal(collectionId: string, proposalId: string, edit: ProposalEditBody): Promise<Result<Proposal>> {
    if (!(await this.db.bargainingProposal.count({ where: { id: proposalId, collectionId } }))) return fail("NOT_FOUND");
    const forms = edit.formIds === undefined ? null : await this.formsOf(collectionId, edit.formIds);
    if (forms && !forms.ok) return forms;
    const data: Prisma.BargainingProposalUpdateInput = {
      ...(edit.title === undefined ? {} : { title: edit.title }),
      ...(edit.text === undefined ? {} : { text: edit.text }),
      ...(edit.extraWorkers === undefined ? {} : { extraWorkers: edit.extraWorkers }),
      updatedAt: new Date(this.now()),
    };
    const row = await this.db.$transaction(async (tx) => {
      if (forms) {
        await tx.proposalMerge.deleteMany({ where: { proposalId } });
        await tx.proposalMerge.createMany({ data: forms.value.map((formId) => ({ proposalId, formId })) });
      }
      return tx.bargainingProposal.update({ where: { id: proposalId }, data, include: WITH_MERGES });
    });
    return ok(toProposal(row));
  }

  /** Deletes a proposal; those after it move up one, so the numbers stay 1..n. */
  async deleteProposal(collectionId: string, proposalId: string): Promise<Result<Proposal[]>> {
    const found = await this.db.bargainingProposal.findFirst({ where: { id: proposalId, collectionId }, select: { number: true } });
    if (!found) return fail("NOT_FOUND");
    await this.db.$transaction(async (tx) => {
      await tx.bargainingProposal.delete({ where: { id: proposalId } });
      const numbers = (await tx.bargainingProposal.findMany({ where: { collectionId }, select: { number: true } })).map((p) => p.number);
      for (const [from, to] of renumberAfterRemoval(numbers, found.number))
        await tx.bargainingProposal.updateMany({ where: { collectionId, number: from }, data: { number: to } });
    });
    return ok(await this.proposals(collectionId));
  }
}
