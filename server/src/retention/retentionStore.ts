// The retention policy's rows: the policy (one row), the meetings it applies to with their files,
// and the record of deletions. A file leaves its meeting and enters the record in one transaction,
// guarded by its current state, so two servers sweeping at once delete and record it once.
import { randomUUID } from "node:crypto";
import type { FileCount, RetentionDeletion, RetentionKind, RetentionPolicyInput } from "../../../core/api/retention.ts";
import type { Db } from "../db/database.ts";
import type { ApprovedMeeting } from "./retentionPlan.ts";

const POLICY_ID = "policy";
const DELETIONS_SHOWN = 200;

export interface StoredPolicy extends RetentionPolicyInput {
  updatedAt: Date | null;
  updatedByName: string | null;
  lastSweepAt: Date | null;
}

/** A recording or material the policy may delete, with what its deletion record keeps. */
export interface RetainedFile {
  kind: RetentionKind;
  id: string;
  meetingId: string;
  name: string;
  part: number | null;
  bytes: number;
  /** Recording: `<meetingId>/<recording id>` under the recordings folder; material: `materials/<meetingId>/<stored name>` under the data folder. */
  storedPath: string;
  /** A recording's status when read (the deletion applies only if it is unchanged). */
  status: string | null;
}

/** Why a file went: the meeting, the period and the approval it counted from. */
export interface DeletionReason {
  meetingTitle: string;
  days: number;
  approvedAt: Date;
  deletedAt: Date;
}

const KEPT: StoredPolicy = { recordingsDays: null, materialsDays: null, updatedAt: null, updatedByName: null, lastSweepAt: null };
/** Recording rows that still have files (a failed one keeps Janus's raw files). */
const WITH_FILES = ["ready", "failed"];

export class RetentionStore {
  constructor(private readonly db: Db) {}

  async policy(): Promise<StoredPolicy> {
    const row = await this.db.retentionPolicy.findUnique({ where: { id: POLICY_ID } });
    return row
      ? {
          recordingsDays: row.recordingsDays,
          materialsDays: row.materialsDays,
          updatedAt: row.updatedAt,
          updatedByName: row.updatedByName,
          lastSweepAt: row.lastSweepAt,
        }
      : KEPT;
  }

  async savePolicy(input: RetentionPolicyInput, by: { name: string; accountId: string }, at: Date): Promise<StoredPolicy> {
    const data = { ...input, updatedAt: at, updatedByName: by.name, updatedByAccountId: by.accountId };
    await this.db.retentionPolicy.upsert({ where: { id: POLICY_ID }, create: { id: POLICY_ID, ...data }, update: data });
    return this.policy();
  }

  async markSwept(at: Date): Promise<void> {
    await this.db.retentionPolicy.updateMany({ where: { id: POLICY_ID }, data: { lastSweepAt: at } });
  }

  /** Meetings whose newest minutes version is approved, with the files they still have. */
  async approvedMeetings(): Promise<ApprovedMeeting[]> {
    const versions = await this.db.minutesVersion.findMany({
      select: { meetingId: true, number: true, approvedAt: true },
      orderBy: [{ meetingId: "asc" }, { number: "desc" }],
    });
    const approvedAt = new Map<string, Date>();
    const seen = new Set<string>();
    for (const version of versions) {
      if (seen.has(version.meetingId)) continue; // an older version: the newest came first
      seen.add(version.meetingId);
      if (version.approvedAt) approvedAt.set(version.meetingId, version.approvedAt);
    }
    const ids = [...approvedAt.keys()];
    if (ids.length === 0) return [];
    const [meetings, recordings, materials] = await Promise.all([
      this.db.meeting.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
      this.db.speechRecording.groupBy({
        by: ["meetingId"],
        where: { meetingId: { in: ids }, status: { in: WITH_FILES } },
        _count: { _all: true },
        _sum: { bytes: true },
      }),
      this.db.material.findMany({ where: { agendaItem: { meetingId: { in: ids } } }, select: { size: true, agendaItem: { select: { meetingId: true } } } }),
    ]);
    const recordingsOf = new Map(recordings.map((row) => [row.meetingId, { count: row._count._all, bytes: row._sum.bytes ?? 0 }]));
    const materialsOf = new Map<string, FileCount>();
    for (const material of materials) {
      const sum = materialsOf.get(material.agendaItem.meetingId) ?? { count: 0, bytes: 0 };
      materialsOf.set(material.agendaItem.meetingId, { count: sum.count + 1, bytes: sum.bytes + material.size });
    }
    return meetings.map((meeting) => ({
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      approvedAt: approvedAt.get(meeting.id)!,
      recordings: recordingsOf.get(meeting.id) ?? { count: 0, bytes: 0 },
      materials: materialsOf.get(meeting.id) ?? { count: 0, bytes: 0 },
    }));
  }

  /** The meeting's recordings that still have files, named after their speakers. */
  async recordingsOf(meetingId: string): Promise<RetainedFile[]> {
    const rows = await this.db.speechRecording.findMany({ where: { meetingId, status: { in: WITH_FILES } }, orderBy: [{ startedAt: "asc" }, { part: "asc" }] });
    const people = await this.db.participant.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.participantId))] } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    return rows.map((row) => ({
      kind: "recording",
      id: row.id,
      meetingId,
      name: nameOf.get(row.participantId) ?? "",
      part: row.part,
      bytes: row.bytes,
      storedPath: `${meetingId}/${row.id}`,
      status: row.status,
    }));
  }

  async materialsOf(meetingId: string): Promise<RetainedFile[]> {
    const rows = await this.db.material.findMany({ where: { agendaItem: { meetingId } }, orderBy: { uploadedAt: "asc" } });
    return rows.map((row) => ({
      kind: "material",
      id: row.id,
      meetingId,
      name: row.fileName,
      part: null,
      bytes: row.size,
      storedPath: `materials/${meetingId}/${row.storedName}`,
      status: null,
    }));
  }

  /**
   * Takes the file out of its meeting (a recording marked deleted, a material row removed) and
   * records it, in one transaction; false if another sweep did it first (nothing written).
   */
  async recordDeletion(file: RetainedFile, reason: DeletionReason): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const taken =
        file.kind === "recording"
          ? await tx.speechRecording.updateMany({ where: { id: file.id, status: file.status ?? "" }, data: { status: "deleted" } })
          : await tx.material.deleteMany({ where: { id: file.id } });
      if (taken.count !== 1) return false;
      await tx.retentionDeletion.create({
        data: {
          id: randomUUID(),
          meetingId: file.meetingId,
          meetingTitle: reason.meetingTitle,
          kind: file.kind,
          itemId: file.id,
          name: file.name,
          part: file.part,
          bytes: file.bytes,
          storedPath: file.storedPath,
          days: reason.days,
          approvedAt: reason.approvedAt,
          deletedAt: reason.deletedAt,
        },
      });
      return true;
    });
  }

  /** The newest deletions first. */
  async deletions(): Promise<RetentionDeletion[]> {
    const rows = await this.db.retentionDeletion.findMany({
      orderBy: [{ deletedAt: "desc" }, { meetingTitle: "asc" }, { kind: "asc" }, { name: "asc" }, { part: "asc" }],
      take: DELETIONS_SHOWN,
    });
    return rows.map((row) => ({
      id: row.id,
      deletedAt: row.deletedAt.toISOString(),
      meetingId: row.meetingId,
      meetingTitle: row.meetingTitle,
      kind: row.kind === "recording" ? "recording" : "material",
      name: row.name,
      part: row.part,
      bytes: row.bytes,
      days: row.days,
      approvedAt: row.approvedAt.toISOString(),
    }));
  }

  /** Where the files of deletions recorded since `since` were, to remove any a crash left. */
  async deletedSince(since: Date): Promise<Pick<RetainedFile, "kind" | "storedPath">[]> {
    const rows = await this.db.retentionDeletion.findMany({ where: { deletedAt: { gte: since } }, select: { kind: true, storedPath: true } });
    return rows.map((row) => ({ kind: row.kind === "recording" ? "recording" : "material", storedPath: row.storedPath }));
  }
}
