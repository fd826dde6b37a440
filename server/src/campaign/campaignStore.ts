// The Campaign, CampaignAnswer and CampaignAnswerChange tables (docs/community.md "Consent
// campaigns"). The current answer is one row per household (UNIQUE(campaignId, householdId));
// every recording adds a change row keyed by the phone's client id (UNIQUE), so a recording
// replayed by the offline queue finds its row and adds nothing. The rules are core's.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AnswerChange, AnswerRecord, Campaign, CampaignEdit, Door, NewCampaign, RecordAnswer } from "../../../core/api/campaign.ts";
import {
  compareHouseholds,
  nextChange,
  phase,
  progress,
  type CampaignAnswerKind,
  type CampaignMethod,
  type CampaignRule,
  type HistoryEntry,
  type Progress,
  type RosterHousehold,
} from "../../../core/campaign/campaign.ts";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { Db } from "../db/database.ts";
import type { ReportFormat } from "./campaignReport.ts";

type CampaignRow = {
  id: string;
  communityId: string;
  title: string;
  question: string;
  opensAt: Date;
  closesAt: Date;
  rule: string;
  ledgerItemId: string | null;
  meetingId: string | null;
  closedAt: Date | null;
  createdAt: Date;
  community: { name: string };
};
const WITH_COMMUNITY = { community: { select: { name: true } } } as const;

type AnswerRow = {
  householdId: string;
  answer: string;
  representative: string;
  method: string;
  recordedByName: string;
  recordedAt: Date;
  receivedAt: Date;
  clientId: string;
};
type ChangeRow = Omit<AnswerRow, "answer"> & { fromAnswer: string | null; toAnswer: string; photoName: string | null };

/** Who records: a grid worker (or staff) account, or the household through its own link. */
export interface Recorder {
  accountId: string | null;
  name: string;
}

/** A recording as the store takes it: the request's fields, the method may be the own link. */
export type Recording = Omit<RecordAnswer, "method"> & { method: CampaignMethod };

export interface Photo {
  name: string;
  mime: string;
  size: number;
}

export interface ReportAnswer extends AnswerRecord {
  building: string;
  unit: string;
  room: string;
}

/** The report lists answers, not whether each has a photo. */
const NO_PHOTOS: ReadonlySet<string> = new Set();

export class CampaignStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private toCampaign(row: CampaignRow): Campaign {
    return {
      id: row.id,
      communityId: row.communityId,
      communityName: row.community.name,
      title: row.title,
      question: row.question,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      rule: JSON.parse(row.rule) as CampaignRule,
      ledgerItemId: row.ledgerItemId,
      meetingId: row.meetingId,
      closedAt: row.closedAt?.toISOString() ?? null,
      phase: phase({ opensAt: row.opensAt.getTime(), closesAt: row.closesAt.getTime(), closedAt: row.closedAt?.getTime() ?? null }, this.now()),
      createdAt: row.createdAt.toISOString(),
    };
  }

  async list(communityId?: string): Promise<Campaign[]> {
    const rows = await this.db.campaign.findMany({
      where: communityId === undefined ? {} : { communityId },
      orderBy: { createdAt: "desc" },
      include: WITH_COMMUNITY,
    });
    return rows.map((row) => this.toCampaign(row));
  }

  async get(id: string): Promise<Campaign | null> {
    const row = await this.db.campaign.findUnique({ where: { id }, include: WITH_COMMUNITY });
    return row ? this.toCampaign(row) : null;
  }

  private async linksExist(links: { ledgerItemId?: string | null | undefined; meetingId?: string | null | undefined }): Promise<boolean> {
    if (links.ledgerItemId && !(await this.db.ledgerItem.count({ where: { id: links.ledgerItemId } }))) return false;
    if (links.meetingId && !(await this.db.meeting.count({ where: { id: links.meetingId } }))) return false;
    return true;
  }

  async create(input: NewCampaign & { rule: CampaignRule }, createdBy: string): Promise<Result<Campaign>> {
    if (!(await this.db.community.count({ where: { id: input.communityId } }))) return fail("COMMUNITY_UNKNOWN");
    if (!(await this.linksExist(input))) return fail("CAMPAIGN_LINK_UNKNOWN");
    const row = await this.db.campaign.create({
      data: {
        id: randomUUID(),
        communityId: input.communityId,
        title: input.title,
        question: input.question,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        rule: JSON.stringify(input.rule),
        ledgerItemId: input.ledgerItemId ?? null,
        meetingId: input.meetingId ?? null,
        createdBy,
        createdAt: new Date(this.now()),
      },
      include: WITH_COMMUNITY,
    });
    return ok(this.toCampaign(row));
  }

  /** Edits until the close; the period stays ordered. */
  async edit(id: string, edit: CampaignEdit & { rule?: CampaignRule }): Promise<Result<Campaign>> {
    const current = await this.get(id);
    if (!current) return fail("NOT_FOUND");
    if (current.phase === "closed") return fail("CAMPAIGN_CLOSED");
    const opensAt = edit.opensAt ?? current.opensAt;
    const closesAt = edit.closesAt ?? current.closesAt;
    if (Date.parse(opensAt) >= Date.parse(closesAt)) return fail("VALIDATION", ["closesAt: must be after opensAt"]);
    if (!(await this.linksExist(edit))) return fail("CAMPAIGN_LINK_UNKNOWN");
    const row = await this.db.campaign.update({
      where: { id },
      data: {
        ...(edit.title === undefined ? {} : { title: edit.title }),
        ...(edit.question === undefined ? {} : { question: edit.question }),
        ...(edit.rule === undefined ? {} : { rule: JSON.stringify(edit.rule) }),
        ...(edit.ledgerItemId === undefined ? {} : { ledgerItemId: edit.ledgerItemId }),
        ...(edit.meetingId === undefined ? {} : { meetingId: edit.meetingId }),
        opensAt: new Date(opensAt),
        closesAt: new Date(closesAt),
      },
      include: WITH_COMMUNITY,
    });
    return ok(this.toCampaign(row));
  }

  /** The secretariat closes it (before closesAt); answers are final from then on. */
  async close(id: string): Promise<Result<Campaign>> {
    const current = await this.get(id);
    if (!current) return fail("NOT_FOUND");
    if (current.phase === "closed") return fail("CAMPAIGN_CLOSED");
    const row = await this.db.campaign.update({ where: { id }, data: { closedAt: new Date(this.now()) }, include: WITH_COMMUNITY });
    return ok(this.toCampaign(row));
  }

  /**
   * The final report of a closed campaign: the stored file, else made by `make` and stored. The
   * first file stored stays (its answers no longer change), so every download sends the same
   * bytes. Null for a campaign not closed: its report is made on each request.
   */
  async finalReport(campaign: Campaign, format: ReportFormat, make: () => Promise<Buffer>): Promise<Buffer | null> {
    if (campaign.phase !== "closed") return null;
    const where = { campaignId_format: { campaignId: campaign.id, format } };
    const stored = await this.db.campaignReportFile.findUnique({ where, select: { content: true } });
    if (stored) return Buffer.from(stored.content);
    const content = await make();
    try {
      await this.db.campaignReportFile.create({ data: { campaignId: campaign.id, format, content: new Uint8Array(content), createdAt: new Date(this.now()) } });
      return content;
    } catch (error) {
      // Made twice at once (the close and a first download): the first one stored is the report.
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      const first = await this.db.campaignReportFile.findUnique({ where, select: { content: true } });
      if (!first) throw error;
      return Buffer.from(first.content);
    }
  }

  private async roster(communityId: string): Promise<RosterHousehold[]> {
    return this.db.household.findMany({
      where: { communityId },
      select: { id: true, building: true, unit: true, room: true, representative: true },
    });
  }

  private async currentAnswers(campaignId: string): Promise<AnswerRow[]> {
    return this.db.campaignAnswer.findMany({
      where: { campaignId },
      select: { householdId: true, answer: true, representative: true, method: true, recordedByName: true, recordedAt: true, receivedAt: true, clientId: true },
    });
  }

  private async withPhoto(campaignId: string): Promise<Set<string>> {
    const rows = await this.db.campaignAnswerChange.findMany({ where: { campaignId, photoName: { not: null } }, select: { clientId: true } });
    return new Set(rows.map((r) => r.clientId));
  }

  /** The progress against all households of the community, with each clause of the rule. */
  async progress(campaign: Campaign): Promise<Progress> {
    const [households, answers] = await Promise.all([
      this.roster(campaign.communityId),
      this.db.campaignAnswer.findMany({ where: { campaignId: campaign.id }, select: { householdId: true, answer: true } }),
    ]);
    return progress(households, answers as { householdId: string; answer: CampaignAnswerKind }[], campaign.rule);
  }

  /** Every household with its current answer (null: not reached), by building, unit and flat. */
  async doors(campaign: Campaign): Promise<Door[]> {
    const [households, answers, photos] = await Promise.all([this.roster(campaign.communityId), this.currentAnswers(campaign.id), this.withPhoto(campaign.id)]);
    const byHousehold = new Map(answers.map((a) => [a.householdId, toRecord(a, photos)]));
    return households.sort(compareHouseholds).map((h) => ({ ...h, current: byHousehold.get(h.id) ?? null }));
  }

  /**
   * What the report prints: the progress and the current answers with their households, from one
   * read of the roster and the answers (these reads run on the main thread; the file is made in a
   * worker, reportThread.ts).
   */
  async reportData(campaign: Campaign): Promise<{ progress: Progress; answers: ReportAnswer[] }> {
    const [households, answers] = await Promise.all([this.roster(campaign.communityId), this.currentAnswers(campaign.id)]);
    const byHousehold = new Map(answers.map((a) => [a.householdId, a]));
    const listed = households.sort(compareHouseholds).flatMap((h) => {
      const answer = byHousehold.get(h.id);
      return answer ? [{ ...toRecord(answer, NO_PHOTOS), building: h.building, unit: h.unit, room: h.room }] : [];
    });
    return { progress: progress(households, answers as { householdId: string; answer: CampaignAnswerKind }[], campaign.rule), answers: listed };
  }

  /** Every recording, oldest first (one household's when `householdId` is given). */
  async changes(campaignId: string, householdId?: string): Promise<AnswerChange[]> {
    const rows = await this.db.campaignAnswerChange.findMany({
      where: householdId === undefined ? { campaignId } : { campaignId, householdId },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toChange);
  }

  /**
   * Records a household's answer. A client id seen before returns that recording's change
   * (replayed, nothing added) even after the close; a new one needs the campaign open and a
   * household of its community, and replaces the current answer, the change kept.
   */
  async record(campaign: Campaign, input: Recording, by: Recorder): Promise<Result<{ change: AnswerChange; replayed: boolean }>> {
    const seen = await this.db.campaignAnswerChange.findUnique({ where: { clientId: input.clientId } });
    // A client id names one recording: another campaign's or household's is refused, never shown.
    if (seen)
      return seen.campaignId === campaign.id && seen.householdId === input.householdId
        ? ok({ change: toChange(seen), replayed: true })
        : fail("VALIDATION", ["clientId: used by another recording"]);
    const current = await this.get(campaign.id);
    if (!current) return fail("NOT_FOUND");
    if (current.phase === "closed") return fail("CAMPAIGN_CLOSED");
    if (current.phase === "upcoming") return fail("CAMPAIGN_NOT_OPEN");
    const household = await this.db.household.findUnique({ where: { id: input.householdId } });
    if (!household || household.communityId !== campaign.communityId) return fail("CAMPAIGN_HOUSEHOLD_UNKNOWN");
    const receivedAt = new Date(this.now());
    const fields = {
      representative: input.representative?.trim() || household.representative,
      method: input.method,
      recordedBy: by.accountId,
      recordedByName: by.name,
      recordedAt: new Date(input.recordedAt),
      receivedAt,
    };
    try {
      const row = await this.db.$transaction(async (tx) => {
        const before = await tx.campaignAnswer.findUnique({ where: { campaignId_householdId: { campaignId: campaign.id, householdId: household.id } } });
        const change = nextChange((before?.answer as CampaignAnswerKind | undefined) ?? null, { ...input, householdId: household.id });
        const created = await tx.campaignAnswerChange.create({
          data: {
            id: randomUUID(),
            campaignId: campaign.id,
            householdId: household.id,
            clientId: input.clientId,
            fromAnswer: change.from,
            toAnswer: change.to,
            ...fields,
          },
        });
        await tx.campaignAnswer.upsert({
          where: { campaignId_householdId: { campaignId: campaign.id, householdId: household.id } },
          create: { id: randomUUID(), campaignId: campaign.id, householdId: household.id, answer: input.answer, clientId: input.clientId, ...fields },
          update: { answer: input.answer, clientId: input.clientId, ...fields },
        });
        return created;
      });
      return ok({ change: toChange(row), replayed: false });
    } catch (error) {
      // The same client id arrived twice at once: the first one's row is the outcome.
      if ((error as { code?: unknown }).code !== "P2002") throw error;
      const first = await this.db.campaignAnswerChange.findUnique({ where: { clientId: input.clientId } });
      if (!first) throw error;
      return ok({ change: toChange(first), replayed: true });
    }
  }

  /** New own links (本户链接) for every household, replacing earlier ones: the tokens, shown this once. */
  async issueLinks(campaign: Campaign): Promise<{ household: RosterHousehold; token: string }[]> {
    const households = (await this.roster(campaign.communityId)).sort(compareHouseholds);
    const links = households.map((household) => ({ household, token: randomBytes(18).toString("base64url") }));
    const createdAt = new Date(this.now());
    await this.db.$transaction([
      this.db.campaignLink.deleteMany({ where: { campaignId: campaign.id } }),
      this.db.campaignLink.createMany({
        data: links.map(({ household, token }) => ({ tokenHash: linkHash(token), campaignId: campaign.id, householdId: household.id, createdAt })),
      }),
    ]);
    return links;
  }

  /** The campaign and household an own link names, with the household's current answer; null for an unknown or replaced link. */
  async byLink(token: string): Promise<{ campaign: Campaign; household: RosterHousehold; current: AnswerRecord | null } | null> {
    const link = await this.db.campaignLink.findUnique({ where: { tokenHash: linkHash(token) } });
    if (!link) return null;
    const [campaign, household, answer] = await Promise.all([
      this.get(link.campaignId),
      this.db.household.findUnique({ where: { id: link.householdId }, select: { id: true, building: true, unit: true, room: true, representative: true } }),
      this.db.campaignAnswer.findUnique({ where: { campaignId_householdId: { campaignId: link.campaignId, householdId: link.householdId } } }),
    ]);
    if (!campaign || !household) return null;
    return { campaign, household, current: answer ? toRecord(answer, await this.withPhoto(campaign.id)) : null };
  }

  /** The recording a photo belongs to (of this campaign), with its stored photo if any. */
  async recordingOf(campaignId: string, clientId: string): Promise<{ recordedBy: string | null; method: string; photo: Photo | null } | null> {
    const row = await this.db.campaignAnswerChange.findUnique({ where: { clientId } });
    if (!row || row.campaignId !== campaignId) return null;
    const photo = row.photoName && row.photoMime && row.photoSize !== null ? { name: row.photoName, mime: row.photoMime, size: row.photoSize } : null;
    return { recordedBy: row.recordedBy, method: row.method, photo };
  }

  /** Attaches the signed form's photo once; false when the recording already has one. */
  async attachPhoto(clientId: string, photo: Photo): Promise<boolean> {
    const { count } = await this.db.campaignAnswerChange.updateMany({
      where: { clientId, photoName: null },
      data: { photoName: photo.name, photoMime: photo.mime, photoSize: photo.size },
    });
    return count === 1;
  }
}

/** Own-link tokens are 24 random characters (144 bits); only their SHA-256 is stored. */
const linkHash = (token: string) => createHash("sha256").update(token).digest("hex");

function toRecord(row: AnswerRow, photos: ReadonlySet<string>): AnswerRecord {
  return {
    householdId: row.householdId,
    answer: row.answer as CampaignAnswerKind,
    representative: row.representative,
    method: row.method as CampaignMethod,
    recordedByName: row.recordedByName,
    recordedAt: row.recordedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    clientId: row.clientId,
    hasPhoto: photos.has(row.clientId),
  };
}

function toChange(row: ChangeRow): AnswerChange {
  const entry: HistoryEntry = {
    clientId: row.clientId,
    householdId: row.householdId,
    from: row.fromAnswer as CampaignAnswerKind | null,
    to: row.toAnswer as CampaignAnswerKind,
  };
  return {
    ...entry,
    representative: row.representative,
    method: row.method as CampaignMethod,
    recordedByName: row.recordedByName,
    recordedAt: row.recordedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    hasPhoto: row.photoName !== null,
  };
}
