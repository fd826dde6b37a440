// Speech recordings in the database: one row per part, written once the file is final (ready)
// or post-processing gave up (failed); nothing is announced before the row exists. The retention
// policy (retention/) marks a row deleted when it removes the file; the row stays as the record.
import type { RecordingStatus } from "../../../../core/api/recordings.ts";
import type { Db } from "../../db/database.ts";

export type { RecordingStatus } from "../../../../core/api/recordings.ts";

export interface SpeechRecordingRow {
  id: string;
  meetingId: string;
  speechId: string;
  participantId: string;
  part: number;
  /** File name in the meeting's recordings folder ("" when failed; kept when deleted). */
  file: string;
  startedAt: Date;
  durationMs: number;
  bytes: number;
  status: RecordingStatus;
  createdAt: Date;
}

/** What the API shows (the file name stays on the server). */
export interface RecordingView {
  id: string;
  speechId: string;
  participantId: string;
  part: number;
  startedAt: string;
  durationMs: number;
  bytes: number;
  status: RecordingStatus;
}

export const recordingView = (row: SpeechRecordingRow): RecordingView => ({
  id: row.id,
  speechId: row.speechId,
  participantId: row.participantId,
  part: row.part,
  startedAt: row.startedAt.toISOString(),
  durationMs: row.durationMs,
  bytes: row.bytes,
  status: row.status,
});

export class RecordingStore {
  constructor(private readonly db: Db) {}

  async add(row: Omit<SpeechRecordingRow, "createdAt">): Promise<SpeechRecordingRow> {
    return this.narrow(await this.db.speechRecording.create({ data: row }));
  }

  async list(meetingId: string): Promise<SpeechRecordingRow[]> {
    const rows = await this.db.speechRecording.findMany({ where: { meetingId }, orderBy: [{ startedAt: "asc" }, { part: "asc" }] });
    return rows.map((row) => this.narrow(row));
  }

  async find(meetingId: string, id: string): Promise<SpeechRecordingRow | null> {
    const row = await this.db.speechRecording.findFirst({ where: { id, meetingId } });
    return row ? this.narrow(row) : null;
  }

  /** The highest part stored for a speech (0 if none), so a restarted server continues the numbering. */
  async lastPart(speechId: string): Promise<number> {
    const row = await this.db.speechRecording.findFirst({ where: { speechId }, orderBy: { part: "desc" }, select: { part: true } });
    return row?.part ?? 0;
  }

  private narrow(row: Omit<SpeechRecordingRow, "status"> & { status: string }): SpeechRecordingRow {
    return { ...row, status: row.status === "ready" || row.status === "deleted" ? row.status : "failed" };
  }
}
